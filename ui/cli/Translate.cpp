// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "cli/Translate.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>

namespace berth::cli {

namespace {

thread_local bool t_englishOnly = false;

/// -1: the environment's language; else a Language forced by a test.
std::atomic<int> g_forced{-1};

} // namespace

std::optional<Language> languageOf(std::string_view locale)
{
    // language[_territory][.codeset][@modifier], or a BCP 47 tag (zh-Hans): only the language and what follows it
    // up to the codeset matter.
    locale = locale.substr(0, std::min(locale.find('.'), locale.find('@')));
    const std::string_view lang = locale.substr(0, locale.find_first_of("_-"));
    const std::string_view rest = lang.size() < locale.size() ? locale.substr(lang.size() + 1) : std::string_view();
    if (lang == "en" || locale == "C" || locale == "POSIX") {
        return Language::English;
    }
    if (lang == "zh") {
        // Traditional Chinese is another translation, not this one.
        if (rest.empty() || rest == "CN" || rest == "SG" || rest.starts_with("Hans")) {
            return Language::SimplifiedChinese;
        }
    }
    return std::nullopt;
}

Language languageFromEnvironment()
{
    auto variable = [](const char* name) {
        const char* value = std::getenv(name);
        return std::string_view(value ? value : "");
    };
    std::string_view list = variable("LANGUAGE");
    while (!list.empty()) {
        const auto colon = list.find(':');
        if (const auto language = languageOf(list.substr(0, colon))) {
            return *language;
        }
        list = colon == std::string_view::npos ? std::string_view() : list.substr(colon + 1);
    }
    // The first of these that is set decides, as setlocale(LC_MESSAGES, "") reads them.
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        if (const std::string_view locale = variable(name); !locale.empty()) {
            return languageOf(locale).value_or(Language::English);
        }
    }
    return Language::English;
}

Language language()
{
    if (t_englishOnly) {
        return Language::English;
    }
    if (const int forced = g_forced.load(); forced >= 0) {
        return static_cast<Language>(forced);
    }
    static const Language fromEnvironment = languageFromEnvironment();
    return fromEnvironment;
}

std::string tr(const char* source)
{
    if (language() != Language::SimplifiedChinese) {
        return source;
    }
    const auto table = simplifiedChineseTable();
    const std::string_view key(source);
    const auto it = std::lower_bound(table.begin(), table.end(), key, [](const Translation& t, std::string_view s) {
        return std::string_view(t.source) < s;
    });
    return it != table.end() && key == it->source ? it->text : source;
}

EnglishOnly::EnglishOnly() : m_previous(t_englishOnly)
{
    t_englishOnly = true;
}

EnglishOnly::~EnglishOnly()
{
    t_englishOnly = m_previous;
}

void setLanguageForTesting(std::string_view locale)
{
    g_forced.store(locale.empty() ? -1 : static_cast<int>(languageOf(locale).value_or(Language::English)));
}

namespace detail {
std::string substitute(std::string_view text, const std::vector<std::string>& values)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::size_t n = i + 1 < text.size() ? static_cast<std::size_t>(text[i + 1] - '0') : 0;
        if (text[i] == '%' && n >= 1 && n <= values.size()) {
            out += values[n - 1];
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}
} // namespace detail

} // namespace berth::cli
