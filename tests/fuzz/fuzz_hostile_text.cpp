// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// libFuzzer target for the text a hostile container or image chooses and Berth shows or acts on: token
// redaction and the token found in a log (Token.h), the escaping of what reaches a terminal or a JSON reader
// (Escape.h), and the removal guard's change list and tar listing (RemovalGuard.h). Every input goes through
// all of them; each checks its header's promise and traps when it breaks. Seeds: tests/fuzz/corpus/hostile_text.
#include "berth/core/base/Escape.h"
#include "berth/core/launch/RemovalGuard.h"
#include "berth/core/base/Token.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace berth::core;

namespace {

void check(bool ok)
{
    if (!ok) {
        __builtin_trap();
    }
}

/// Chunks of `text` whose sizes the text's own bytes choose, so the fuzzer controls where streams are cut.
template <class Feed>
void inChunks(std::string_view text, unsigned modulus, Feed feed)
{
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = 1 + static_cast<unsigned char>(text[i]) % modulus;
        feed(text.substr(i, n));
        i += n;
    }
}

std::vector<std::string_view> lines(std::string_view text, std::size_t max)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start < text.size() && out.size() < max) {
        const auto nl = text.find('\n', start);
        out.push_back(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
        if (nl == std::string_view::npos) {
            break;
        }
        start = nl + 1;
    }
    return out;
}

// ---- UTF-8, decoded independently of core ----------------------------------------------------------------

/// The code points of `s`, or false when it is not well-formed UTF-8 (RFC 3629: no overlong forms, no
/// surrogates, nothing past U+10FFFF).
bool decodeUtf8(std::string_view s, std::vector<std::uint32_t>* out = nullptr)
{
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        std::uint32_t cp = 0;
        std::uint32_t min = 0;
        if (b < 0x80) {
            len = 1;
            cp = b;
        } else if ((b & 0xE0) == 0xC0) {
            len = 2;
            cp = b & 0x1Fu;
            min = 0x80;
        } else if ((b & 0xF0) == 0xE0) {
            len = 3;
            cp = b & 0x0Fu;
            min = 0x800;
        } else if ((b & 0xF8) == 0xF0) {
            len = 4;
            cp = b & 0x07u;
            min = 0x10000;
        } else {
            return false;
        }
        if (i + len > s.size()) {
            return false;
        }
        for (std::size_t k = 1; k < len; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            if ((c & 0xC0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (c & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        if (out) {
            out->push_back(cp);
        }
        i += len;
    }
    return true;
}

/// What a terminal would obey rather than show: C1 controls and the characters that reorder text.
bool obeyed(std::uint32_t cp)
{
    return cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

/// `s` is valid UTF-8 with no C0 control but those in `allowedC0`, no DEL, no C1, no bidirectional control.
void checkSafeForTerminal(std::string_view s, std::string_view allowedC0)
{
    std::vector<std::uint32_t> cps;
    check(decodeUtf8(s, &cps));
    for (const std::uint32_t cp : cps) {
        check(cp >= 0x20 || allowedC0.find(static_cast<char>(cp)) != std::string_view::npos);
        check(!obeyed(cp));
    }
}

// ---- Token.h ---------------------------------------------------------------------------------------------

/// Token.cpp's value characters: what `token=` takes as its value.
bool valueChar(char c)
{
    return !std::isspace(static_cast<unsigned char>(c)) && c != '&' && c != '"' && c != '\'';
}

bool startsWithNoCase(std::string_view s, std::size_t pos, std::string_view lower)
{
    if (pos > s.size() || s.size() - pos < lower.size()) {
        return false;
    }
    for (std::size_t i = 0; i < lower.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[pos + i]);
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != static_cast<unsigned char>(lower[i])) {
            return false;
        }
    }
    return true;
}

/// Where a token's value starts at `pos` in one of redactTokens' forms, `token=` (any case) or
/// `"token": "`; npos when none starts there.
std::size_t valueStart(std::string_view s, std::size_t pos)
{
    if (startsWithNoCase(s, pos, "token=")) {
        return pos + 6;
    }
    if (startsWithNoCase(s, pos, "\"token\":")) {
        std::size_t j = pos + 8;
        while (j < s.size() && std::isspace(static_cast<unsigned char>(s[j]))) {
            ++j;
        }
        if (j < s.size() && s[j] == '"') {
            return j + 1;
        }
    }
    return std::string_view::npos;
}

bool allAlnum(std::string_view s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

void checkRedaction(std::string_view text, const std::string& known)
{
    const std::string out = redactTokens(text, known);
    check(out.size() <= 3 * text.size()); // each piece hidden is at least one byte

    // No value follows any form in the output but the mark. The output is the input with pieces replaced by
    // "...", which holds no letter, quote or space: a form in the output is one the input had there. After
    // the mark comes what ended the value, unless `known` hid that too.
    const bool plainKnown = known.empty() || allAlnum(known);
    for (std::size_t q = 0; q < out.size(); ++q) {
        const std::size_t v = valueStart(out, q);
        if (v != std::string_view::npos && v < out.size() && valueChar(out[v])) {
            check(out.compare(v, 3, "...") == 0);
            check(!plainKnown || v + 3 == out.size() || !valueChar(out[v + 3]));
        }
    }
    // A value of the input that occurs there only once, and holds no '.' (so it cannot be made of the
    // marks), is not in the output: this catches a form that was passed over, inside `known` for instance.
    // Quadratic, so on short inputs only.
    for (std::size_t p = 0; text.size() <= 8192 && p < text.size(); ++p) {
        const std::size_t v = valueStart(text, p);
        if (v == std::string_view::npos) {
            continue;
        }
        std::size_t end = v;
        while (end < text.size() && valueChar(text[end])) {
            ++end;
        }
        const std::string_view value = text.substr(v, end - v);
        if (!value.empty() && value.find('.') == std::string_view::npos && text.find(value) == v &&
            text.find(value, v + 1) == std::string_view::npos) {
            check(out.find(value) == std::string::npos);
        }
    }
    // The token Berth holds is never shown. Real ones are letters and digits (hex, or what findLogToken
    // takes); with other characters it could be part of a form's own text or be made of the marks.
    if (known.size() >= 8 && allAlnum(known)) {
        check(out.find(known) == std::string::npos);
    }
    // Redacting again changes nothing.
    if (plainKnown) {
        check(redactTokens(out, known) == out);
    }
}

/// findLogToken's contract, the slow way: the last `?token=`/`&token=` followed by 8+ letters and digits.
std::string expectedLogToken(std::string_view log)
{
    std::string_view found;
    for (std::size_t p = 0; p + 7 <= log.size(); ++p) {
        if ((log[p] == '?' || log[p] == '&') && log.compare(p + 1, 6, "token=") == 0) {
            std::size_t end = p + 7;
            while (end < log.size() && std::isalnum(static_cast<unsigned char>(log[end]))) {
                ++end;
            }
            if (end - (p + 7) >= 8) {
                found = log.substr(p + 7, end - (p + 7));
            }
        }
    }
    return std::string(found);
}

void tokens(std::string_view text)
{
    const std::string found = findLogToken(text);
    check(found.empty() || (found.size() >= 8 && allAlnum(found) && text.find(found) != std::string_view::npos));
    check(found == expectedLogToken(text));

    checkRedaction(text, {});
    checkRedaction(text, found);
    // A known token cut from the input itself: its first two bytes choose where and how long.
    if (text.size() >= 2) {
        const std::size_t at = static_cast<unsigned char>(text[0]) % text.size();
        const std::size_t len = 8 + static_cast<unsigned char>(text[1]) % 40;
        checkRedaction(text, std::string(text.substr(at, len)));
    }
}

// ---- Escape.h --------------------------------------------------------------------------------------------

void escapes(std::string_view text)
{
    const std::string kept = printable(text, true);
    checkSafeForTerminal(kept, "\n\t");
    const std::string oneLine = printable(text, false);
    checkSafeForTerminal(oneLine, {});
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) {
        check(kept == text && oneLine == text);
    }
    const bool validInput = decodeUtf8(text);

    // JSON for a reader that may be a terminal: valid, parses back to the same values (for text that is
    // UTF-8), and nothing a terminal would obey.
    const nlohmann::json j = {{"stream", "stdout"}, {"line", std::string(text)}};
    for (const int indent : {-1, 2}) {
        const std::string s = jsonText(j, indent);
        checkSafeForTerminal(s, indent < 0 ? std::string_view{} : std::string_view("\n"));
        const auto back = nlohmann::json::parse(s, nullptr, false);
        check(!back.is_discarded() && back.is_object() && back.contains("line") && back["line"].is_string());
        check(!validInput || back == j);
    }

    // A stream cut anywhere shows the same as the whole of it, and no escape sequence but colours survives.
    TerminalFilter whole;
    const std::string wholeOut = whole.feed(text) + whole.finish();
    TerminalFilter cut;
    std::string out;
    inChunks(text, 13, [&](std::string_view c) { out += cut.feed(c); });
    out += cut.finish();
    check(out == wholeOut);
    std::string rest; // the output without its colours
    for (std::size_t i = 0; i < out.size();) {
        if (out[i] != '\x1b') {
            rest.push_back(out[i++]);
            continue;
        }
        check(i + 1 < out.size() && out[i + 1] == '[');
        std::size_t e = i + 2;
        while (e < out.size() && ((out[e] >= '0' && out[e] <= '9') || out[e] == ';')) {
            ++e;
        }
        check(e < out.size() && out[e] == 'm');
        i = e + 1;
    }
    checkSafeForTerminal(rest, "\n\t");
    const auto control = [](char c) { return (c >= 0 && c < 0x20 && c != '\n' && c != '\t') || c == 0x7F; };
    if (validInput && std::none_of(text.begin(), text.end(), control)) { // ESC is a control too
        std::vector<std::uint32_t> cps;
        decodeUtf8(text, &cps);
        if (std::none_of(cps.begin(), cps.end(), obeyed)) {
            check(out == text); // harmless text passes untouched
        }
    }
}

// ---- RemovalGuard.h --------------------------------------------------------------------------------------

/// `path` lies in the folder `dir` as a path names it: the folder itself or below it. A trailing slash does
/// not change which folder is meant ("/data/" is "/data"); "/" holds every absolute path.
bool inFolder(std::string_view path, std::string_view dir)
{
    while (dir.size() > 1 && dir.back() == '/') {
        dir.remove_suffix(1);
    }
    if (dir.empty()) {
        return false;
    }
    if (dir == "/") {
        return !path.empty() && path.front() == '/';
    }
    return path == dir || (path.size() > dir.size() && path.starts_with(dir) && path[dir.size()] == '/');
}

/// The input as a container's change list, in the engine's own notation: one change a line, "A path",
/// "C path" or "D path" (any other first byte picks a kind by its value). "@path" lines are mount targets,
/// a "#path" line is the notebook folder.
void changeList(std::string_view text)
{
    std::vector<FileChange> changes;
    std::vector<std::string> mounts;
    std::string notebookRoot;
    for (std::string_view l : lines(text, 512)) {
        if (l.empty()) {
            continue;
        }
        const char first = l.front();
        l.remove_prefix(1);
        if (!l.empty() && l.front() == ' ') {
            l.remove_prefix(1);
        }
        if (first == '@') {
            mounts.emplace_back(l);
        } else if (first == '#') {
            notebookRoot = std::string(l);
        } else {
            FileChange::Kind kind = first == 'A'   ? FileChange::Kind::Added
                                    : first == 'C' ? FileChange::Kind::Modified
                                    : first == 'D'
                                        ? FileChange::Kind::Deleted
                                        : static_cast<FileChange::Kind>(static_cast<unsigned char>(first) % 3);
            changes.push_back({kind, std::string(l)});
        }
    }
    const auto risky = layerFilesAtRisk(changes, mounts, notebookRoot);
    check(std::is_sorted(risky.begin(), risky.end()));
    check(std::adjacent_find(risky.begin(), risky.end()) == risky.end());
    for (const auto& p : risky) {
        check(std::any_of(changes.begin(), changes.end(),
                          [&](const FileChange& c) { return c.path == p && c.kind != FileChange::Kind::Deleted; }));
        check(std::none_of(mounts.begin(), mounts.end(), [&](const std::string& m) { return inFolder(p, m); }));
    }
}

/// The input as a tar stream, whole and cut anywhere, with a limit small enough to be reached.
void tarListing(std::string_view text)
{
    const std::size_t max = text.empty() ? 1 : 1 + static_cast<unsigned char>(text[0]) % 8;
    TarLister whole(max);
    const bool wantsMore = whole.feed(text);
    check(whole.files().size() <= max);
    check(!whole.more() || (whole.files().size() == max && !wantsMore));
    for (const auto& f : whole.files()) {
        check(f.size() <= 4096);
    }
    if (!wantsMore) { // done: what follows changes nothing
        const auto before = whole.files();
        check(!whole.feed(text) && whole.files() == before);
    }

    TarLister cut(max);
    bool open = true;
    inChunks(text, 256, [&](std::string_view c) {
        if (open) {
            open = cut.feed(c);
        }
    });
    check(open == wantsMore);
    check(cut.files() == whole.files());
    check(cut.more() == whole.more());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > 64 * 1024) {
        return 0;
    }
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    tokens(text);
    escapes(text);
    changeList(text);
    tarListing(text);
    return 0;
}
