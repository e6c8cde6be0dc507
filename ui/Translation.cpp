// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "Translation.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace berth::ui {

QStringList installTranslations(QCoreApplication& app, const QLocale& locale)
{
    QStringList found;
    // Compiled into the program (resources/translations, embedded under :/i18n): nothing to find on disk.
    auto* own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("berth"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own);
        found << own->language();
    } else {
        delete own;
        return found; // no Berth translation: keep Qt's dialogs in the same (source) language
    }
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
    return found;
}

} // namespace berth::ui
