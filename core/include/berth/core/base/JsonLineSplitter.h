// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace berth::core {

/// Cuts a stream of JSON documents (pull progress, events, stats) into whole documents, whatever the
/// chunking. Documents are separated by newlines ("\r\n" for pull); a document is never split inside.
class JsonLineSplitter
{
public:
    /// Returns false to stop.
    using Sink = std::function<bool(std::string_view document)>;

    explicit JsonLineSplitter(Sink sink) : m_sink(std::move(sink)) {}

    /// False once the sink asked to stop.
    bool feed(std::string_view bytes);
    /// Hands over a last document that had no newline after it.
    bool finish();

private:
    Sink m_sink;
    std::string m_buffer;
    static constexpr std::size_t kMaxDocument = 16u << 20;
};

} // namespace berth::core
