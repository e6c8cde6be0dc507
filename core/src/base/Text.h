// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Small text helpers core's parsers share (ASCII only: engine, HTTP and NVIDIA texts).

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace berth::core::text {

inline std::string lower(std::string_view s)
{
    std::string out(s);
    for (auto& ch : out) {
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    return out;
}

inline std::string trim(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
        s.remove_prefix(1);
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
        s.remove_suffix(1);
    }
    return std::string(s);
}

/// Every piece between separators, empty ones included ("a,,b" -> a, "", b).
/// The first line of `text`, trimmed (a program's one-line answer, an error's first words).
inline std::string firstLine(std::string_view text)
{
    std::string t = trim(text);
    const auto nl = t.find('\n');
    return trim(std::string_view(t).substr(0, nl));
}

inline std::vector<std::string> split(std::string_view s, char sep)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const auto pos = s.find(sep, start);
        out.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
        if (pos == std::string_view::npos) {
            return out;
        }
        start = pos + 1;
    }
}

} // namespace berth::core::text
