// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Reading engine JSON without exceptions: a field of the wrong type reads as empty, never throws.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace berth::core::jread {

using nlohmann::json;

/// Parses without throwing; nullopt when the text is not JSON.
std::optional<json> parse(std::string_view text);

const json* member(const json& j, const char* key);
std::string str(const json& j, const char* key);
std::int64_t i64(const json& j, const char* key, std::int64_t fallback = 0);
std::uint64_t u64(const json& j, const char* key);
double num(const json& j, const char* key);
bool boolean(const json& j, const char* key);
std::vector<std::string> strings(const json& j, const char* key);
std::map<std::string, std::string> stringMap(const json& j, const char* key);
/// j[a][b]... or null when any step is missing or not an object.
const json& path(const json& j, std::initializer_list<const char*> keys);

} // namespace berth::core::jread
