// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/Token.h"

#include <sys/random.h>

#include <cerrno>
#include <vector>

namespace berth::core {

Result<std::string> secureToken(std::size_t bytes)
{
    std::vector<unsigned char> buf(bytes);
    std::size_t got = 0;
    while (got < bytes) {
        const ssize_t n = getrandom(buf.data() + got, bytes - got, 0);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return makeError(ErrorKind::Io, "The system's secure random generator failed; no token was made.");
        }
        got += static_cast<std::size_t>(n);
    }
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(bytes * 2);
    for (unsigned char c : buf) {
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 15]);
    }
    return out;
}

} // namespace berth::core
