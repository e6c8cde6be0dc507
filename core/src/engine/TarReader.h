// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// A tar stream (the engine's archive API), read as it arrives in chunks of any size: ustar, GNU long names
// and PAX path records. What a container sends is untrusted: sizes are bounded by the stream itself, names
// are handed on as they are (the caller judges them).

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace berth::core {

struct TarEntry
{
    std::string name;
    char type = '0'; ///< '0' file, '5' folder, '2' symlink, '1' hard link, ...
    std::uint64_t size = 0;
    unsigned mode = 0644;
};

class TarReader
{
public:
    /// onEntry: a new entry; false stops the reading. onData: the current entry's bytes; false stops.
    TarReader(std::function<bool(const TarEntry&)> onEntry, std::function<bool(std::string_view)> onData);
    /// False once stopped (by a callback, or at the archive's end).
    bool feed(std::string_view chunk);
    bool ended() const { return m_ended; }

private:
    bool header();

    std::function<bool(const TarEntry&)> m_onEntry;
    std::function<bool(std::string_view)> m_onData;
    std::string m_header;
    std::string m_meta;           ///< the data of a GNU long name or a PAX header being read
    char m_metaType = 0;          ///< 'L' or 'x' while m_meta fills, else 0
    std::string m_nextName;       ///< a long name or PAX path for the next entry
    std::uint64_t m_data = 0;     ///< bytes of the current entry still to come
    std::uint64_t m_padding = 0;  ///< then this many to pass over
    bool m_stopped = false;
    bool m_ended = false;
};

} // namespace berth::core
