// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/base/Units.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace berth::core {

namespace {
std::string lowerTrimmed(std::string_view s)
{
    std::string out;
    for (char c : s) {
        if (!std::isspace(static_cast<unsigned char>(c))) {
            out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
    }
    return out;
}

// A plain decimal number: digits with at most one dot; no sign, exponent, hex, inf or nan.
bool parseDecimal(std::string_view s, double& out)
{
    if (s.empty() || s.size() > 32) {
        return false;
    }
    int dots = 0, digits = 0;
    for (char c : s) {
        if (c == '.') {
            ++dots;
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            ++digits;
        } else {
            return false;
        }
    }
    if (dots > 1 || digits == 0) {
        return false;
    }
    // from_chars, not strtod: the locale (a German desktop writes 1,5) must not change what "1.5g" means.
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && std::isfinite(out);
}
} // namespace

Result<std::int64_t> parseSize(std::string_view text)
{
    const std::string s = lowerTrimmed(text);
    std::size_t split = 0;
    while (split < s.size() && (std::isdigit(static_cast<unsigned char>(s[split])) || s[split] == '.')) {
        ++split;
    }
    const std::string numberPart = s.substr(0, split);
    std::string unit = s.substr(split);
    double value = 0;
    auto bad = makeError(ErrorKind::BadInput, "'" + std::string(text) +
                                                  "' is not a size. Write a number and a unit, like 512m, 4g "
                                                  "or 1.5GiB.");
    if (!parseDecimal(numberPart, value)) {
        return bad;
    }
    if (unit.ends_with("ib")) {
        unit.erase(unit.size() - 2);
    } else if (unit.size() == 2 && unit.back() == 'b') {
        unit.pop_back();
    }
    double mult = 0;
    if (unit.empty() || unit == "b") {
        mult = 1;
    } else if (unit == "k") {
        mult = 1024.0;
    } else if (unit == "m") {
        mult = 1024.0 * 1024;
    } else if (unit == "g") {
        mult = 1024.0 * 1024 * 1024;
    } else if (unit == "t") {
        mult = 1024.0 * 1024 * 1024 * 1024;
    } else {
        return bad;
    }
    const double bytes = value * mult;
    if (bytes >= 9.0e18) {
        return makeError(ErrorKind::BadInput, "'" + std::string(text) + "' is larger than any machine has.");
    }
    return static_cast<std::int64_t>(std::llround(bytes));
}

Result<std::int64_t> parseCpus(std::string_view text)
{
    double value = 0;
    if (!parseDecimal(lowerTrimmed(text), value) || value < 0.01 || value > 4096) {
        return makeError(ErrorKind::BadInput, "'" + std::string(text) +
                                                  "' is not a number of CPUs. Write a number from 0.01 up, like 2 "
                                                  "or 0.5.");
    }
    return static_cast<std::int64_t>(std::llround(value * 1e9));
}

std::string formatBytes(std::uint64_t bytes)
{
    static const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = static_cast<double>(bytes);
    int u = 0;
    while (v >= 1024.0 && u < 5) {
        v /= 1024.0;
        ++u;
    }
    char buf[32];
    if (u == 0) {
        std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
    } else {
        std::snprintf(buf, sizeof buf, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
    return buf;
}

std::string formatAgo(std::int64_t unixTime, std::int64_t now)
{
    const std::int64_t d = now - unixTime;
    auto plural = [](std::int64_t n, const char* unit) {
        return std::to_string(n) + " " + unit + (n == 1 ? "" : "s") + " ago";
    };
    if (d < 60) {
        return "just now";
    }
    if (d < 3600) {
        return plural(d / 60, "minute");
    }
    if (d < 86400) {
        return plural(d / 3600, "hour");
    }
    if (d < 86400 * 60) {
        return plural(d / 86400, "day");
    }
    return plural(d / (86400 * 30), "month");
}

} // namespace berth::core
