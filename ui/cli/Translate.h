// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// berthctl's words in the user's language, without Qt: resources/translations/berthctl_zh_CN.ts, compiled into a
// sorted table at build time (resources/translations/BerthctlTranslations.cmake). `ninja update_cli_translations`
// collects every berth::cli::tr("...") of ui/cli and app/berthctl into the .ts file.

#include <concepts>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace berth::cli {

enum class Language
{
    English, ///< the source language: no table
    SimplifiedChinese,
};

/// The language one locale name asks for ("zh_CN.UTF-8", "zh_Hans", "en_GB", "C"); none when berthctl has no
/// words for it ("zh_TW", "de_DE").
std::optional<Language> languageOf(std::string_view locale);

/// The language the environment asks for, read as gettext reads it: the first usable entry of LANGUAGE (a colon
/// list), else LC_ALL, else LC_MESSAGES, else LANG. English when none asks for a language berthctl speaks.
Language languageFromEnvironment();

/// The language berthctl speaks: the environment's (read once), English inside an EnglishOnly.
Language language();

/// `source` in the user's language, or as it is. Always written `berth::cli::tr("...")`, with a literal: lupdate
/// files a `cli::tr` under "cli" or "berth::cli" depending on the function around it (one returning std::string
/// confuses its parser); written in full, every message lands in the one context "berth::cli".
std::string tr(const char* source);

/// English on this thread while it lives, whatever the user's language: --json's words and the manual page are
/// an interface, not a conversation.
class EnglishOnly
{
  public:
    EnglishOnly();
    ~EnglishOnly();
    EnglishOnly(const EnglishOnly&) = delete;
    EnglishOnly& operator=(const EnglishOnly&) = delete;

  private:
    bool m_previous;
};

/// Tests: speak the language of `locale` from now on, as if LANGUAGE held it ("" : the environment's again).
void setLanguageForTesting(std::string_view locale);

namespace detail {
std::string substitute(std::string_view text, const std::vector<std::string>& values);
inline std::string argText(std::string_view value)
{
    return std::string(value);
}
inline std::string argText(char value)
{
    return std::string(1, value);
}
template <std::integral N> std::string argText(N value)
{
    return std::to_string(value);
}
} // namespace detail

/// `text` with %1..%9 replaced by `values`, in one pass (a value's own "%1" stays as it is): translations put
/// the values where their word order needs them: arg(berth::cli::tr("Removed %1"), name).
template <class... Values> std::string arg(std::string_view text, const Values&... values)
{
    static_assert(sizeof...(Values) >= 1 && sizeof...(Values) <= 9, "%1 to %9");
    return detail::substitute(text, {detail::argText(values)...});
}

/// One message of a compiled .ts file: the English source and its translation, both UTF-8.
struct Translation
{
    const char* source;
    const char* text;
};

/// berthctl_zh_CN.ts's finished messages of the context "berth::cli", sorted by source (byte order); empty when the
/// build had no Qt to compile it.
std::span<const Translation> simplifiedChineseTable();

} // namespace berth::cli
