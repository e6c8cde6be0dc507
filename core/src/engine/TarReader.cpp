// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "engine/TarReader.h"

#include <algorithm>

namespace berth::core {

namespace {
constexpr std::size_t kMaxMeta = 64 * 1024; ///< a long name or PAX header larger than this is not kept

std::uint64_t octal(std::string_view field)
{
    std::uint64_t v = 0;
    for (char c : field) {
        if (c >= '0' && c <= '7') {
            if (v > (UINT64_MAX >> 3)) {
                return UINT64_MAX;
            }
            v = v * 8 + static_cast<std::uint64_t>(c - '0');
        } else if (c != ' ' && c != '\0') {
            break;
        }
    }
    return v;
}

std::string cString(std::string_view field)
{
    return std::string(field.substr(0, std::min(field.find('\0'), field.size())));
}

/// The "path" record of PAX extended header data ("LEN path=VALUE\n" records).
std::string paxPath(std::string_view data)
{
    std::string path;
    while (!data.empty()) {
        const auto space = data.find(' ');
        if (space == std::string_view::npos) {
            break;
        }
        std::size_t len = 0;
        for (char c : data.substr(0, space)) {
            if (c < '0' || c > '9' || len > data.size()) {
                return path;
            }
            len = len * 10 + static_cast<std::size_t>(c - '0');
        }
        if (len <= space + 1 || len > data.size()) {
            break;
        }
        std::string_view record = data.substr(space + 1, len - space - 1);
        if (!record.empty() && record.back() == '\n') {
            record.remove_suffix(1);
        }
        if (record.starts_with("path=")) {
            path = std::string(record.substr(5));
        }
        data.remove_prefix(len);
    }
    return path;
}
} // namespace

TarReader::TarReader(std::function<bool(const TarEntry&)> onEntry, std::function<bool(std::string_view)> onData)
    : m_onEntry(std::move(onEntry)), m_onData(std::move(onData))
{
}

bool TarReader::feed(std::string_view chunk)
{
    while (!chunk.empty() && !m_stopped) {
        if (m_data > 0) {
            const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(m_data, chunk.size()));
            if (m_metaType) {
                m_meta.append(chunk.substr(0, std::min(n, kMaxMeta - std::min(kMaxMeta, m_meta.size()))));
            } else if (!m_onData(chunk.substr(0, n))) {
                m_stopped = true;
            }
            m_data -= n;
            chunk.remove_prefix(n);
            if (m_data == 0 && m_metaType) {
                if (m_metaType == 'L') {
                    m_nextName = cString(m_meta);
                } else if (m_metaType == 'x') {
                    m_nextName = paxPath(m_meta);
                }
                m_metaType = 0;
                m_meta.clear();
            }
            continue;
        }
        if (m_padding > 0) {
            const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(m_padding, chunk.size()));
            m_padding -= n;
            chunk.remove_prefix(n);
            continue;
        }
        const std::size_t need = 512 - m_header.size();
        m_header.append(chunk.substr(0, need));
        chunk.remove_prefix(std::min(need, chunk.size()));
        if (m_header.size() == 512 && !header()) {
            m_stopped = true;
        }
    }
    return !m_stopped;
}

bool TarReader::header()
{
    const std::string h = std::move(m_header);
    m_header.clear();
    if (h.find_first_not_of('\0') == std::string::npos) {
        m_ended = true; // the end-of-archive block
        return false;
    }
    TarEntry e;
    const std::string name = cString(std::string_view(h).substr(0, 100));
    const std::string prefix = h.compare(257, 5, "ustar") == 0 ? cString(std::string_view(h).substr(345, 155)) : "";
    e.size = octal(std::string_view(h).substr(124, 12));
    e.mode = static_cast<unsigned>(octal(std::string_view(h).substr(100, 8)) & 07777);
    e.type = h[156] == '\0' ? '0' : h[156];
    m_data = e.size;
    m_padding = (512 - e.size % 512) % 512;
    if (e.type == 'L' || e.type == 'x') {
        m_metaType = e.type;
        m_meta.clear();
        if (m_data == 0) {
            m_metaType = 0;
        }
        return true;
    }
    if (e.type == 'g' || e.type == 'K') {
        m_metaType = m_data ? 'g' : 0; // read and dropped
        return true;
    }
    e.name = !m_nextName.empty() ? m_nextName : (prefix.empty() ? name : prefix + "/" + name);
    m_nextName.clear();
    if (e.type != '0' && e.type != '7') {
        // Only files carry data; whatever a header claims for the others is passed over.
        m_data = 0;
        m_padding = 0;
        e.size = 0;
    }
    return m_onEntry(e);
}

} // namespace berth::core
