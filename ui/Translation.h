// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace berth::ui {

/// Installs Berth's translation for `locale` (the system's language by default: LANGUAGE, LC_ALL, LC_MESSAGES,
/// LANG), and Qt's own for the standard dialogs when the system has it. Returns the languages found (such as
/// "zh_CN"); English, the source language, needs none and returns an empty list.
QStringList installTranslations(QCoreApplication& app, const QLocale& locale = QLocale::system());

} // namespace berth::ui
