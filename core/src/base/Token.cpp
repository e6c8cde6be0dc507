// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/base/Token.h"

#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>

#include <algorithm>
#include <cctype>
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

void protectSecretsInMemory()
{
    (void)::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    const rlimit none{0, 0};
    (void)::setrlimit(RLIMIT_CORE, &none);
}

namespace {
/// `text` at `pos` starts with `word` (ASCII, `word` in lower case), ignoring case.
bool startsWithNoCase(std::string_view text, std::size_t pos, std::string_view word)
{
    if (text.size() - pos < word.size()) {
        return false;
    }
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[pos + i])) != word[i]) {
            return false;
        }
    }
    return true;
}

bool valueChar(char c)
{
    return !std::isspace(static_cast<unsigned char>(c)) && c != '&' && c != '"' && c != '\'';
}
} // namespace

namespace {
std::size_t skipSpaces(std::string_view text, std::size_t j)
{
    while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) { // JSON allows line breaks
        ++j;
    }
    return j;
}

/// Where the value starts when a token form starts at `i` ("token" in any case), npos when none does:
/// token=V, token = 'V', "token": "V", 'token': 'V', token: V, token%3DV, and "Authorization: token V".
std::size_t tokenValueAt(std::string_view text, std::size_t i, char& quote)
{
    quote = 0;
    std::size_t j = 0;
    if (startsWithNoCase(text, i, "authorization:")) {
        j = skipSpaces(text, i + 14);
        if (!startsWithNoCase(text, j, "token") || j + 5 >= text.size() || text[j + 5] != ' ') {
            return std::string_view::npos;
        }
        return skipSpaces(text, j + 5);
    }
    if (!startsWithNoCase(text, i, "token")) {
        return std::string_view::npos;
    }
    j = i + 5;
    if (j < text.size() && (text[j] == '"' || text[j] == '\'')) {
        ++j; // the closing quote of a quoted key
    }
    j = skipSpaces(text, j);
    bool colon = false;
    if (j < text.size() && (text[j] == '=' || text[j] == ':')) {
        colon = text[j] == ':';
        ++j;
    } else if (startsWithNoCase(text, j, "%3d")) {
        j += 3;
    } else {
        return std::string_view::npos;
    }
    // "token: V" (YAML, JSON) and "token = 'V'" (a config file); "token= next" is an empty token and a word.
    const std::size_t spaced = skipSpaces(text, j);
    if (spaced < text.size() && (text[spaced] == '"' || text[spaced] == '\'')) {
        quote = text[spaced];
        return spaced + 1;
    }
    return colon ? spaced : j;
}
} // namespace

std::string redactTokens(std::string_view text, const std::string& known)
{
    // Which bytes to hide, then each run of them as "...": a value and `known` may overlap (a known token
    // that ends with "token" and is followed by "=VALUE"), and both stay hidden.
    std::vector<bool> hide(text.size(), false);
    std::size_t hiddenUntil = 0; // values are hidden up to here already: nested forms add nothing
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != 't' && c != 'T' && c != 'a' && c != 'A') {
            continue;
        }
        char quote = 0;
        const std::size_t value = tokenValueAt(text, i, quote);
        if (value == std::string_view::npos || value >= text.size()) {
            continue;
        }
        // A quoted value runs to its closing quote (or the line's end); a bare one to a space, & or quote.
        auto inValue = [&](char ch) {
            return quote ? ch != quote && ch != '\n' : valueChar(ch);
        };
        if (!inValue(text[value])) {
            continue;
        }
        std::size_t k = std::max(value, hiddenUntil);
        while (k < text.size() && inValue(text[k])) {
            hide[k++] = true;
        }
        hiddenUntil = std::max(hiddenUntil, k);
    }
    if (known.size() >= 8) {
        for (std::size_t at = text.find(known); at != std::string_view::npos; at = text.find(known, at + 1)) {
            std::fill(hide.begin() + static_cast<std::ptrdiff_t>(at),
                      hide.begin() + static_cast<std::ptrdiff_t>(at + known.size()), true);
        }
    }
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!hide[i]) {
            out.push_back(text[i]);
        } else if (i == 0 || !hide[i - 1]) {
            out += "...";
        }
    }
    return out;
}

std::string findLogToken(std::string_view log)
{
    std::string_view found;
    std::size_t i = 0;
    while ((i = log.find("token=", i)) != std::string_view::npos) {
        const std::size_t start = i + 6;
        if (i > 0 && (log[i - 1] == '?' || log[i - 1] == '&')) {
            std::size_t end = start;
            while (end < log.size() && std::isalnum(static_cast<unsigned char>(log[end]))) {
                ++end;
            }
            if (end - start >= 8) {
                found = log.substr(start, end - start);
            }
            i = end;
        } else {
            i = start;
        }
    }
    return std::string(found);
}

} // namespace berth::core
