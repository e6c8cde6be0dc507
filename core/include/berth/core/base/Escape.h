// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Text from containers, images and engines reaches a person's terminal: a log line in an error, a file
// list, Jupyter's version, a token found in a log. Escape sequences in it could retitle the terminal,
// clear it or forge a prompt; bidirectional overrides could make a path read as another. These helpers
// make such characters visible instead.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace berth::core {

/// `text` with control characters (C0 but for line breaks and tabs when kept, DEL, C1), bidirectional
/// overrides and bytes that are not UTF-8 written as visible escapes: \x1b, \r, \u202e, \xff.
std::string printable(std::string_view text, bool keepLineBreaks = true);

/// `j` as JSON text in which those characters are \u escapes too (JSON itself escapes only C0), and bytes
/// that are not UTF-8 are replaced: safe on a terminal, still valid JSON, same values.
std::string jsonText(const nlohmann::json& j, int indent = -1);

/// JSON text as an engine sent it, made safe for a terminal without changing what it means: inside
/// strings, control characters, DEL, C1 and bidirectional overrides become \u escapes; outside strings, any
/// control character but a space, tab or line break (a carriage return included) becomes a space.
std::string escapeJsonText(std::string_view json);

/// A stream of a container's output for a terminal: colours (SGR, `ESC [ ... m`), line breaks and tabs
/// pass; every other control and escape sequence is made visible as printable() does. Sequences cut
/// between chunks are put back together.
class TerminalFilter
{
public:
    std::string feed(std::string_view chunk);
    /// What is held back at the end of the stream (an unfinished sequence), made visible; and when colours
    /// passed, a reset, so that none (black on black, hidden text) outlives the stream.
    std::string finish();

private:
    std::string m_pending;
    bool m_coloured = false;
};

} // namespace berth::core
