// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/base/JsonLineSplitter.h"

namespace berth::core {

namespace {
bool blank(std::string_view s)
{
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}
} // namespace

bool JsonLineSplitter::feed(std::string_view bytes)
{
    m_buffer.append(bytes);
    std::size_t start = 0;
    for (;;) {
        auto nl = m_buffer.find('\n', start);
        if (nl == std::string::npos) {
            break;
        }
        std::string_view doc(m_buffer.data() + start, nl - start);
        start = nl + 1;
        if (!blank(doc) && !m_sink(doc)) {
            m_buffer.clear();
            return false;
        }
    }
    m_buffer.erase(0, start);
    if (m_buffer.size() > kMaxDocument) {
        m_buffer.clear(); // a runaway line: drop it rather than grow without end
    }
    return true;
}

bool JsonLineSplitter::finish()
{
    std::string rest;
    rest.swap(m_buffer);
    if (blank(rest)) {
        return true;
    }
    return m_sink(rest);
}

} // namespace berth::core
