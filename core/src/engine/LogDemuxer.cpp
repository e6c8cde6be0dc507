// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/engine/LogDemuxer.h"

#include <algorithm>

namespace berth::core {

LogDemuxer::LogDemuxer(bool tty, Sink sink) : m_tty(tty), m_sink(std::move(sink)) {}

void LogDemuxer::feed(std::string_view bytes)
{
    if (m_tty) {
        if (!bytes.empty()) {
            m_sink(LogStream::Stdout, bytes);
        }
        return;
    }
    while (!bytes.empty()) {
        if (m_remaining > 0) {
            const auto n = std::min<std::size_t>(m_remaining, bytes.size());
            m_sink(m_stream, bytes.substr(0, n));
            m_remaining -= static_cast<std::uint32_t>(n);
            bytes.remove_prefix(n);
            continue;
        }
        // Collect a whole 8-byte header, possibly across calls.
        const auto need = 8 - m_buffer.size();
        const auto take = std::min(need, bytes.size());
        m_buffer.append(bytes.substr(0, take));
        bytes.remove_prefix(take);
        if (m_buffer.size() < 8) {
            return;
        }
        const auto* h = reinterpret_cast<const unsigned char*>(m_buffer.data());
        const unsigned kind = h[0];
        m_stream = kind == 2 ? LogStream::Stderr : (kind == 0 ? LogStream::Stdin : LogStream::Stdout);
        m_remaining = (std::uint32_t(h[4]) << 24) | (std::uint32_t(h[5]) << 16) | (std::uint32_t(h[6]) << 8) |
                      std::uint32_t(h[7]);
        m_buffer.clear();
    }
}

} // namespace berth::core
