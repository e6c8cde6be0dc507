// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "base/JsonAccess.h"

#include <cmath>

namespace berth::core::jread {

namespace {
const json kNull;
}

std::optional<json> parse(std::string_view text)
{
    json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) {
        return std::nullopt;
    }
    return j;
}

const json* member(const json& j, const char* key)
{
    if (!j.is_object()) {
        return nullptr;
    }
    auto it = j.find(key);
    return it == j.end() ? nullptr : &*it;
}

std::string str(const json& j, const char* key)
{
    const json* m = member(j, key);
    return m && m->is_string() ? m->get<std::string>() : std::string();
}

std::int64_t i64(const json& j, const char* key, std::int64_t fallback)
{
    const json* m = member(j, key);
    if (!m) {
        return fallback;
    }
    if (m->is_number_integer()) {
        return m->get<std::int64_t>();
    }
    if (m->is_number_unsigned()) {
        auto u = m->get<std::uint64_t>();
        return u > static_cast<std::uint64_t>(INT64_MAX) ? INT64_MAX : static_cast<std::int64_t>(u);
    }
    if (m->is_number_float()) {
        double d = m->get<double>();
        if (std::isfinite(d) && std::fabs(d) < 9e18) {
            return static_cast<std::int64_t>(d);
        }
    }
    return fallback;
}

std::uint64_t u64(const json& j, const char* key)
{
    const json* m = member(j, key);
    if (!m) {
        return 0;
    }
    if (m->is_number_unsigned()) {
        return m->get<std::uint64_t>();
    }
    if (m->is_number_integer()) {
        auto v = m->get<std::int64_t>();
        return v < 0 ? 0 : static_cast<std::uint64_t>(v);
    }
    if (m->is_number_float()) {
        double d = m->get<double>();
        if (std::isfinite(d) && d > 0 && d < 1.8e19) {
            return static_cast<std::uint64_t>(d);
        }
    }
    return 0;
}

double num(const json& j, const char* key)
{
    const json* m = member(j, key);
    return m && m->is_number() ? m->get<double>() : 0.0;
}

bool boolean(const json& j, const char* key)
{
    const json* m = member(j, key);
    return m && m->is_boolean() && m->get<bool>();
}

std::vector<std::string> strings(const json& j, const char* key)
{
    std::vector<std::string> out;
    const json* m = member(j, key);
    if (m && m->is_array()) {
        for (const auto& e : *m) {
            if (e.is_string()) {
                out.push_back(e.get<std::string>());
            }
        }
    } else if (m && m->is_string()) {
        out.push_back(m->get<std::string>()); // Podman and old engines send a lone string for Cmd now and then
    }
    return out;
}

std::map<std::string, std::string> stringMap(const json& j, const char* key)
{
    std::map<std::string, std::string> out;
    const json* m = member(j, key);
    if (m && m->is_object()) {
        for (auto it = m->begin(); it != m->end(); ++it) {
            if (it.value().is_string()) {
                out[it.key()] = it.value().get<std::string>();
            }
        }
    }
    return out;
}

const json& path(const json& j, std::initializer_list<const char*> keys)
{
    const json* cur = &j;
    for (const char* k : keys) {
        cur = member(*cur, k);
        if (!cur) {
            return kNull;
        }
    }
    return *cur;
}

} // namespace berth::core::jread
