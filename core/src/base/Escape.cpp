// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/base/Escape.h"

#include <cstdio>

namespace berth::core {

namespace {
/// Length of the well-formed UTF-8 sequence at `pos` (1-4), 0 when the bytes there are not one, and
/// `needMore` when the text ends inside what could still become one.
std::size_t utf8Length(std::string_view s, std::size_t pos, bool* needMore = nullptr)
{
    const auto b = static_cast<unsigned char>(s[pos]);
    std::size_t len = 0;
    unsigned cp = 0;
    if (b < 0x80) {
        return 1;
    } else if (b >= 0xC2 && b <= 0xDF) {
        len = 2;
        cp = b & 0x1Fu;
    } else if (b >= 0xE0 && b <= 0xEF) {
        len = 3;
        cp = b & 0x0Fu;
    } else if (b >= 0xF0 && b <= 0xF4) {
        len = 4;
        cp = b & 0x07u;
    } else {
        return 0;
    }
    for (std::size_t k = 1; k < len; ++k) {
        if (pos + k >= s.size()) {
            if (needMore) {
                *needMore = true;
            }
            return 0;
        }
        const auto c = static_cast<unsigned char>(s[pos + k]);
        if ((c & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (c & 0x3Fu);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return len;
}

unsigned codePoint(std::string_view s, std::size_t pos, std::size_t len)
{
    const auto b = static_cast<unsigned char>(s[pos]);
    unsigned cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
    for (std::size_t k = 1; k < len; ++k) {
        cp = (cp << 6) | (static_cast<unsigned char>(s[pos + k]) & 0x3Fu);
    }
    return cp;
}

/// C1 controls and the characters that reorder text (LRE..RLO, LRI..PDI, LRM/RLM/ALM): shown, not obeyed.
bool hiddenCodePoint(unsigned cp)
{
    return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

void appendHex(std::string& out, const char* format, unsigned value)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, format, value);
    out += buf;
}

/// Appends s[pos] (a character of length `len`, or one stray byte when len is 0) escaped or as it is.
void appendEscaped(std::string& out, std::string_view s, std::size_t pos, std::size_t len, bool keepLineBreaks)
{
    if (len == 0) {
        appendHex(out, "\\x%02x", static_cast<unsigned char>(s[pos]));
        return;
    }
    const unsigned cp = codePoint(s, pos, len);
    if (cp == '\n' || cp == '\t') {
        if (keepLineBreaks) {
            out.push_back(static_cast<char>(cp));
        } else {
            out += cp == '\n' ? "\\n" : "\\t";
        }
    } else if (cp == '\r') {
        out += "\\r";
    } else if (cp < 0x20 || cp == 0x7F) {
        appendHex(out, "\\x%02x", cp);
    } else if (hiddenCodePoint(cp)) {
        appendHex(out, "\\u%04x", cp);
    } else {
        out.append(s.substr(pos, len));
    }
}
} // namespace

std::string printable(std::string_view text, bool keepLineBreaks)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = utf8Length(text, i);
        appendEscaped(out, text, i, len, keepLineBreaks);
        i += len == 0 ? 1 : len;
    }
    return out;
}

std::string jsonText(const nlohmann::json& j, int indent)
{
    return escapeJsonText(j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::string escapeJsonText(std::string_view raw)
{
    std::string out;
    out.reserve(raw.size());
    bool inString = false;
    for (std::size_t i = 0; i < raw.size();) {
        const char c = raw[i];
        if (inString && c == '\\' && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) >= 0x20) {
            out.append(raw.substr(i, 2)); // an escape the text already has
            i += 2;
            continue;
        }
        if (c == '"') {
            inString = !inString;
        }
        const std::size_t len = utf8Length(raw, i);
        const unsigned cp = len ? codePoint(raw, i, len) : 0xFFFD;
        if (cp < 0x20 || cp == 0x7F || hiddenCodePoint(cp) || len == 0) {
            if (!inString) {
                out.push_back(cp == '\n' || cp == '\t' ? static_cast<char>(cp) : ' ');
            } else {
                appendHex(out, "\\u%04x", cp);
            }
        } else {
            out.append(raw.substr(i, len));
        }
        i += len ? len : 1;
    }
    return out;
}

std::string TerminalFilter::feed(std::string_view chunk)
{
    m_pending.append(chunk);
    const std::string_view s = m_pending;
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] == '\x1b') {
            // A colour: ESC [ digits and semicolons m. Kept whole, or waited for when cut off.
            std::size_t j = i + 1;
            if (j == s.size()) {
                break;
            }
            if (s[j] == '[') {
                ++j;
                while (j < s.size() && j - i < 64 && ((s[j] >= '0' && s[j] <= '9') || s[j] == ';')) {
                    ++j;
                }
                if (j == s.size() && j - i < 64) {
                    break;
                }
                if (j < s.size() && s[j] == 'm') {
                    m_coloured = true;
                    out.append(s.substr(i, j + 1 - i));
                    i = j + 1;
                    continue;
                }
            }
            out += "\\x1b";
            ++i;
            continue;
        }
        bool needMore = false;
        const std::size_t len = utf8Length(s, i, &needMore);
        if (needMore) {
            break;
        }
        appendEscaped(out, s, i, len, true);
        i += len == 0 ? 1 : len;
    }
    m_pending.erase(0, i);
    return out;
}

std::string TerminalFilter::finish()
{
    std::string rest = printable(m_pending);
    m_pending.clear();
    if (m_coloured) {
        rest += "\x1b[0m";
        m_coloured = false;
    }
    return rest;
}

} // namespace berth::core
