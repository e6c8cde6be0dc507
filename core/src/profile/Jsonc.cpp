// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/profile/Jsonc.h"

#include <charconv>
#include <cstdint>
#include <limits>

namespace berth::core {

using nlohmann::json;

namespace {

class Parser
{
public:
    Parser(JsoncDocument& doc, const JsoncLimits& limits) : m_doc(doc), m_text(doc.text), m_limits(limits) {}

    Result<void> run()
    {
        if (m_text.starts_with("\xEF\xBB\xBF")) {
            m_pos = 3;
        }
        if (auto r = skipSpace(); !r) {
            return r;
        }
        if (m_pos >= m_text.size()) {
            return fail(m_pos, "the file is empty; a profile is a JSON object: { \"image\": \"...\" }");
        }
        auto root = value("", std::string::npos, 0);
        if (!root) {
            return root.error();
        }
        m_doc.value = std::move(*root);
        if (auto r = skipSpace(); !r) {
            return r;
        }
        if (m_pos < m_text.size()) {
            return fail(m_pos, "text after the end of the JSON value");
        }
        return {};
    }

private:
    Error fail(std::size_t offset, const std::string& what) const
    {
        const TextPosition p = m_doc.positionAt(offset);
        Error e = makeError(ErrorKind::BadInput,
                            "line " + std::to_string(p.line) + ", column " + std::to_string(p.column) + ": " + what);
        return e;
    }

    Result<void> skipSpace()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                ++m_pos;
            } else if (c == '/' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '/') {
                while (m_pos < m_text.size() && m_text[m_pos] != '\n') {
                    ++m_pos;
                }
            } else if (c == '/' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '*') {
                const std::size_t end = m_text.find("*/", m_pos + 2);
                if (end == std::string::npos) {
                    return fail(m_pos, "a /* comment is never closed with */");
                }
                m_pos = end + 2;
            } else {
                break;
            }
        }
        return {};
    }

    Result<json> value(const std::string& pointer, std::size_t keyBegin, int depth)
    {
        if (depth > m_limits.maxDepth) {
            return fail(m_pos, "nested more than " + std::to_string(m_limits.maxDepth) + " levels deep");
        }
        if (m_pos >= m_text.size()) {
            return fail(m_pos, "the file ends where a value should be");
        }
        const std::size_t begin = m_pos;
        Result<json> v = json();
        const char c = m_text[m_pos];
        if (c == '{') {
            v = object(pointer, depth);
        } else if (c == '[') {
            v = array(pointer, depth);
        } else if (c == '"') {
            auto s = string();
            if (!s) {
                return s.error();
            }
            v = json(std::move(*s));
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            v = number();
        } else if (m_text.compare(m_pos, 4, "true") == 0) {
            m_pos += 4;
            v = json(true);
        } else if (m_text.compare(m_pos, 5, "false") == 0) {
            m_pos += 5;
            v = json(false);
        } else if (m_text.compare(m_pos, 4, "null") == 0) {
            m_pos += 4;
            v = json(nullptr);
        } else {
            return fail(m_pos, "a value should start here (a string in \"double quotes\", a number, an object, "
                               "an array, true, false or null)");
        }
        if (v) {
            m_doc.spans[pointer] = JsoncSpan{begin, m_pos, keyBegin};
        }
        return v;
    }

    Result<json> object(const std::string& pointer, int depth)
    {
        const std::size_t open = m_pos++;
        json out = json::object();
        for (;;) {
            if (auto r = skipSpace(); !r) {
                return r.error();
            }
            if (m_pos >= m_text.size()) {
                return fail(open, "this { is never closed with }");
            }
            if (m_text[m_pos] == '}') {
                ++m_pos;
                return out;
            }
            if (m_text[m_pos] != '"') {
                return fail(m_pos, "a key in \"double quotes\" or } should be here");
            }
            const std::size_t keyBegin = m_pos;
            auto key = string();
            if (!key) {
                return key.error();
            }
            if (out.contains(*key)) {
                return fail(keyBegin, "\"" + *key + "\" appears twice in this object");
            }
            if (auto r = skipSpace(); !r) {
                return r.error();
            }
            if (m_pos >= m_text.size() || m_text[m_pos] != ':') {
                return fail(m_pos, "a : should follow the key \"" + *key + "\"");
            }
            ++m_pos;
            if (auto r = skipSpace(); !r) {
                return r.error();
            }
            auto member = value(pointer + pointerStep(*key), keyBegin, depth + 1);
            if (!member) {
                return member.error();
            }
            out[*key] = std::move(*member);
            if (auto r = skipSpace(); !r) {
                return r.error();
            }
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos; // a trailing comma before } is allowed, as in devcontainer.json
            } else if (m_pos < m_text.size() && m_text[m_pos] != '}') {
                return fail(m_pos, "a , or } should be here (after \"" + *key + "\")");
            }
        }
    }

    Result<json> array(const std::string& pointer, int depth)
    {
        const std::size_t open = m_pos++;
        json out = json::array();
        for (;;) {
            if (auto r = skipSpace(); !r) {
                return r.error();
            }
            if (m_pos >= m_text.size()) {
                return fail(open, "this [ is never closed with ]");
            }
            if (m_text[m_pos] == ']') {
                ++m_pos;
                return out;
            }
            auto element = value(pointer + pointerStep(out.size()), std::string::npos, depth + 1);
            if (!element) {
                return element.error();
            }
            out.push_back(std::move(*element));
            if (auto r = skipSpace(); !r) {
                return r.error();
            }
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
            } else if (m_pos < m_text.size() && m_text[m_pos] != ']') {
                return fail(m_pos, "a , or ] should be here");
            }
        }
    }

    static void appendUtf8(std::string& out, std::uint32_t cp)
    {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    /// Four hex digits at m_pos, or -1.
    long hex4()
    {
        if (m_pos + 4 > m_text.size()) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = m_text[m_pos + i];
            v <<= 4;
            if (h >= '0' && h <= '9') {
                v |= h - '0';
            } else if (h >= 'a' && h <= 'f') {
                v |= h - 'a' + 10;
            } else if (h >= 'A' && h <= 'F') {
                v |= h - 'A' + 10;
            } else {
                return -1;
            }
        }
        m_pos += 4;
        return v;
    }

    /// The length of the valid UTF-8 sequence at m_pos (after its first byte's check), or 0.
    std::size_t utf8Length() const
    {
        const auto b = [&](std::size_t i) { return static_cast<unsigned char>(m_text[m_pos + i]); };
        const unsigned char c = b(0);
        std::size_t n = 0;
        std::uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            cp = c & 0x07;
        } else {
            return 0;
        }
        if (m_pos + n > m_text.size()) {
            return 0;
        }
        for (std::size_t i = 1; i < n; ++i) {
            if ((b(i) & 0xC0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (b(i) & 0x3F);
        }
        const bool overlong = (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
        const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
        return overlong || surrogate || cp > 0x10FFFF ? 0 : n;
    }

    Result<std::string> string()
    {
        const std::size_t open = m_pos++;
        std::string out;
        for (;;) {
            if (m_pos >= m_text.size()) {
                return fail(open, "this string is never closed with \"");
            }
            const unsigned char c = static_cast<unsigned char>(m_text[m_pos]);
            if (c == '"') {
                ++m_pos;
                return out;
            }
            if (c < 0x20) {
                return fail(m_pos, c == '\n' ? "a string cannot run over the end of a line (close it with \")"
                                             : "a control character in a string must be written as an escape (\\n, "
                                               "\\u0001)");
            }
            if (c == '\\') {
                if (m_pos + 1 >= m_text.size()) {
                    return fail(open, "this string is never closed with \"");
                }
                const char e = m_text[m_pos + 1];
                const std::size_t escape = m_pos;
                m_pos += 2;
                switch (e) {
                case '"':
                case '\\':
                case '/':
                    out += e;
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    long cp = hex4();
                    if (cp < 0) {
                        return fail(escape, "\\u must be followed by four hex digits");
                    }
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        long low = -1;
                        if (m_text.compare(m_pos, 2, "\\u") == 0) {
                            m_pos += 2;
                            low = hex4();
                        }
                        if (low < 0xDC00 || low > 0xDFFF) {
                            return fail(escape, "a \\u surrogate pair is broken");
                        }
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        return fail(escape, "a \\u surrogate pair is broken");
                    }
                    if (cp == 0) {
                        return fail(escape, "\\u0000 (a NUL) has no place in a profile");
                    }
                    appendUtf8(out, static_cast<std::uint32_t>(cp));
                    break;
                }
                default:
                    return fail(escape, std::string("\\") + e + " is not an escape JSON knows");
                }
                continue;
            }
            if (c < 0x80) {
                out += static_cast<char>(c);
                ++m_pos;
                continue;
            }
            const std::size_t n = utf8Length();
            if (n == 0) {
                return fail(m_pos, "the text is not valid UTF-8 here");
            }
            out.append(m_text, m_pos, n);
            m_pos += n;
        }
    }

    Result<json> number()
    {
        const std::size_t begin = m_pos;
        auto digits = [&] {
            const std::size_t from = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') {
                ++m_pos;
            }
            return m_pos - from;
        };
        bool integral = true;
        if (m_text[m_pos] == '-') {
            ++m_pos;
        }
        const std::size_t intStart = m_pos;
        const std::size_t intDigits = digits();
        if (intDigits == 0 || (intDigits > 1 && m_text[intStart] == '0')) {
            return fail(begin, "not a number JSON knows (no leading zeros, digits after a -)");
        }
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            ++m_pos;
            integral = false;
            if (digits() == 0) {
                return fail(begin, "a number needs digits after its decimal point");
            }
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            integral = false;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-')) {
                ++m_pos;
            }
            if (digits() == 0) {
                return fail(begin, "a number needs digits in its exponent");
            }
        }
        const char* first = m_text.data() + begin;
        const char* last = m_text.data() + m_pos;
        if (integral) {
            std::int64_t i = 0;
            if (auto [p, ec] = std::from_chars(first, last, i); ec == std::errc() && p == last) {
                return json(i);
            }
        }
        // from_chars, unlike strtod, ignores the locale (a GUI sets LC_NUMERIC from the system's language).
        double d = 0;
        auto [p, ec] = std::from_chars(first, last, d);
        if (ec != std::errc() || p != last || d == std::numeric_limits<double>::infinity() ||
            d == -std::numeric_limits<double>::infinity()) {
            return fail(begin, "this number is too large");
        }
        return json(d);
    }

    JsoncDocument& m_doc;
    const std::string& m_text;
    const JsoncLimits& m_limits;
    std::size_t m_pos = 0;
};

} // namespace

std::string pointerStep(const std::string& key)
{
    std::string out = "/";
    for (const char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

std::string pointerStep(std::size_t index)
{
    return "/" + std::to_string(index);
}

TextPosition JsoncDocument::positionAt(std::size_t offset) const
{
    TextPosition p;
    offset = std::min(offset, text.size());
    for (std::size_t i = 0; i < offset; ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++p.column; // continuation bytes belong to the character before them
        }
    }
    return p;
}

TextPosition JsoncDocument::positionOf(const std::string& pointer) const
{
    std::string p = pointer;
    for (;;) {
        auto it = spans.find(p);
        if (it != spans.end()) {
            return positionAt(it->second.keyBegin != std::string::npos ? it->second.keyBegin : it->second.begin);
        }
        if (p.empty()) {
            return {};
        }
        p.erase(p.rfind('/'));
    }
}

Result<JsoncDocument> parseJsonc(std::string_view text, const JsoncLimits& limits)
{
    JsoncDocument doc;
    if (text.size() > limits.maxBytes) {
        return makeError(ErrorKind::BadInput, "the file is " + std::to_string(text.size()) +
                                                  " bytes; a profile is a few kilobytes (at most " +
                                                  std::to_string(limits.maxBytes) + ")");
    }
    if (text.find('\0') != std::string_view::npos) {
        return makeError(ErrorKind::BadInput, "the file holds a NUL byte: it is not a text file");
    }
    doc.text.assign(text);
    Parser parser(doc, limits);
    if (auto r = parser.run(); !r) {
        return r.error();
    }
    return doc;
}

} // namespace berth::core
