// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// JSON with comments and trailing commas, as devcontainer.json allows, read with the place of every value kept:
// errors found after parsing (an unknown key, a bad size) must say "file:line:column", and `profile pin` edits
// one value in place, keeping the teacher's comments and layout. nlohmann's own parser keeps no positions.

#include "berth/core/base/Result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace berth::core {

struct TextPosition
{
    int line = 1;   ///< from 1
    int column = 1; ///< from 1, in characters (UTF-8 code points)
};

/// Where a value lies in the text: [begin, end) in bytes; for a member, where its key starts too.
struct JsoncSpan
{
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t keyBegin = std::string::npos; ///< npos: an array element or the root
};

struct JsoncDocument
{
    std::string text;
    nlohmann::json value;
    std::map<std::string, JsoncSpan> spans; ///< by JSON pointer ("" is the root, "/a/0/b")

    /// Where a pointer's key (else its value) starts; a pointer not in the text: its nearest parent's place.
    TextPosition positionOf(const std::string& pointer) const;
    TextPosition positionAt(std::size_t offset) const;
};

struct JsoncLimits
{
    std::size_t maxBytes = 1u << 20; ///< a profile is a few kilobytes; more is not one
    int maxDepth = 64;
};

/// Parses JSON with // and /* */ comments and trailing commas. Refuses what JSON refuses, and also duplicate keys
/// (which value wins differs between tools), invalid UTF-8 and a NUL. The error says "line L, column C: what".
Result<JsoncDocument> parseJsonc(std::string_view text, const JsoncLimits& limits = {});

/// A JSON pointer's next step: "/" + the key with '~' and '/' escaped.
std::string pointerStep(const std::string& key);
std::string pointerStep(std::size_t index);

} // namespace berth::core
