// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace berth::core {

enum class LogStream
{
    Stdin = 0,
    Stdout = 1,
    Stderr = 2,
};

/// Decodes the engine's log and exec streams. Without a TTY the engine sends frames with an 8-byte header
/// [stream, 0, 0, 0, size as big-endian u32]; with a TTY it sends raw bytes. Input may be cut anywhere.
class LogDemuxer
{
public:
    using Sink = std::function<void(LogStream, std::string_view)>;

    LogDemuxer(bool tty, Sink sink);

    void feed(std::string_view bytes);
    /// Bytes still waiting for the rest of their frame (a stream cut short).
    std::size_t pending() const { return m_buffer.size(); }

private:
    bool m_tty;
    Sink m_sink;
    std::string m_buffer;
    LogStream m_stream = LogStream::Stdout;
    std::uint32_t m_remaining = 0; ///< payload bytes of the current frame still to come
};

} // namespace berth::core
