// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// The window in Simplified Chinese: berth_zh_CN.ts complete (lupdate over today's sources finds no string without a
// translation; every translation keeps its placeholders and its accelerator), and the window built with the
// system's language zh_CN speaks it: menus, the engine-down page, and the remedies core hands it.
#include "../unit/TsFile.h"

#include "berth/core/base/Remedy.h"
#include "berth/core/base/Result.h"
#include "ui/EngineStatus.h"
#include "ui/MainWindow.h"
#include "ui/RemedyText.h"
#include "ui/Translation.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTest>

using namespace berth;

namespace {
const QString kTs = QStringLiteral(BERTH_SOURCE_DIR "/resources/translations/berth_zh_CN.ts");
const QRegularExpression kHan(QStringLiteral("\\p{Han}"));

/// The accelerator letter of a menu text ("&File" -> "F"; "文件(&F)" -> "F"), or empty.
QString accelerator(const QString& text)
{
    static const QRegularExpression amp(QStringLiteral("&([^&])"));
    const auto m = amp.match(QString(text).replace(QStringLiteral("&&"), QString()));
    return m.hasMatch() ? m.captured(1).toUpper() : QString();
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMessageIsTranslatedWithItsPlaceholdersAndAccelerator()
    {
        const auto messages = test::readTs(kTs);
        QVERIFY2(messages.size() > 300, qPrintable(QString::number(messages.size())));
        QStringList problems;
        for (const auto& [context, m] : messages) {
            if (!m.type.isEmpty() || m.translation.isEmpty()) {
                problems << "not translated: " + m.source;
            }
            if (test::placeholders(m.source) != test::placeholders(m.translation)) {
                problems << "placeholders differ: " + m.source + " -> " + m.translation;
            }
            if (accelerator(m.source) != accelerator(m.translation)) {
                problems << "accelerator differs: " + m.source + " -> " + m.translation;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
    }

    void lupdateFindsNoStringWithoutATranslation()
    {
        // What ui/CMakeLists.txt hands lupdate (the project file qt_add_translations writes: sources and include
        // paths, which lupdate needs to file each class under its namespace).
        const QStringList sources = {QStringLiteral("-project"), QStringLiteral(BERTH_LUPDATE_PROJECT)};
        int messages = 0;
        const QStringList missing =
            test::untranslatedAfterLupdate(QStringLiteral(BERTH_LUPDATE), kTs, sources, &messages);
        QVERIFY2(missing.isEmpty(), qPrintable("no translation in berth_zh_CN.ts (ninja update_translations, then "
                                               "translate):\n" + missing.join('\n')));
        QCOMPARE(messages, int(test::readTs(kTs).size()));
    }

    void theWindowFollowsTheSystemsLanguage()
    {
        // English first: no translation is loaded for a language Berth has none in.
        QVERIFY(ui::installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany)).isEmpty());
        const auto remedy = core::Remedy{core::RemedyKind::StartEngine, {}};
        QVERIFY(!ui::remedyText(remedy).contains(kHan));

        QVERIFY(!ui::installTranslations(*qApp, QLocale(QLocale::Chinese, QLocale::China)).isEmpty());
        // The remedies core returns, worded by the window: in Chinese too (their context is the one lupdate gives).
        QVERIFY2(ui::remedyText(remedy).contains(kHan), qPrintable(ui::remedyText(remedy)));
        core::Error e = core::makeError(core::ErrorKind::EngineUnreachable, "No engine at unix:///nonexistent.");
        e.remedies.push_back(remedy);
        QVERIFY2(ui::errorText(e).contains(kHan), qPrintable(ui::errorText(e)));

        ui::EngineStatus status(nullptr, QStringLiteral("Engine address 'ftp://x' has an unknown scheme."));
        ui::MainWindow window(&status);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const auto menus = window.menuBar()->actions();
        QVERIFY(!menus.isEmpty());
        for (QAction* menu : menus) {
            QVERIFY2(menu->text().contains(kHan), qPrintable(menu->text()));
            QVERIFY2(!accelerator(menu->text()).isEmpty(), qPrintable(menu->text())); // Alt+F still opens File
        }
        QVERIFY2(window.windowTitle().contains(kHan), qPrintable(window.windowTitle()));
    }
};

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
