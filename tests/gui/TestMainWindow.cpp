// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// The main window under Xvfb, against the real engine and against none.
#include "../integration/LiveEngine.h"
#include "ui/EngineStatus.h"
#include "ui/MainWindow.h"
#include "ui/RemedyText.h"
#include "ui/Style.h"
#include "ui/Tone.h"

#include <QApplication>
#include <QLabel>
#include <QProcess>
#include <QFile>
#include <QSet>
#include <QStyleFactory>
#include <QStyleOption>
#include <QToolBar>
#include <QToolButton>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace berth;

namespace {
double luminance(const QColor& c)
{
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

/// WCAG's contrast ratio of two colours, 1 to 21.
double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void engineLineShowsTheRealEngine()
    {
        ui::EngineStatus status(test::liveEngine(), {});
        ui::MainWindow window(&status);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        status.refresh();
        // The GUI thread stays free while the engine is asked: the window still paints.
        QVERIFY(window.engineLine()->text().contains("Looking for the engine"));
        QTRY_VERIFY_WITH_TIMEOUT(window.engineLine()->property("connected").toBool(), 10000);
        QVERIFY(window.engineLine()->text().contains("(API 1."));
        QVERIFY(window.engineLine()->text().contains("unix://"));
        window.grab().save(QStringLiteral("TestMainWindow-connected.png"));
        // The icon, at the sizes desktops and high-DPI screens ask for.
        // Set once the first frame is on screen.
        QTRY_VERIFY_WITH_TIMEOUT(window.windowIcon().availableSizes().contains(QSize(256, 256)), 5000);
        QVERIFY(window.windowIcon().availableSizes().contains(QSize(16, 16)));
        // The title names the view shown.
        QCOMPARE(window.windowTitle(), QString::fromUtf8("Environments \u2014 Berth"));
        window.showView(1);
        QCOMPARE(window.windowTitle(), QString::fromUtf8("Images \u2014 Berth"));
    }

    void problemWordsReadOnLightAndDarkThemes()
    {
        // A problem or warning line keeps a readable contrast (WCAG AA, 4.5:1) on the system's theme, light
        // or dark, and follows the theme when it changes while the window is open.
        const QPalette before = QApplication::palette();
        QWidget parent;
        auto* problem = new QLabel(QStringLiteral("The engine is down"), &parent);
        auto* warning = new QLabel(QStringLiteral("Ports reach the network"), &parent);
        ui::setTone(problem, ui::Tone::Problem);
        ui::setTone(warning, ui::Tone::Warning);
        for (const QColor& window : {QColor(Qt::white), QColor(0xef, 0xef, 0xef), QColor(0x2b, 0x2b, 0x2b),
                                     QColor(Qt::black)}) {
            QPalette p(window);
            p.setColor(QPalette::Window, window);
            QApplication::setPalette(p);
            QCoreApplication::processEvents();
            for (QLabel* label : {problem, warning}) {
                const double ratio = contrast(label->palette().color(QPalette::WindowText), window);
                QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1 on %2: %3:1")
                                                      .arg(label->palette().color(QPalette::WindowText).name(),
                                                           window.name())
                                                      .arg(ratio)));
            }
            // Not the theme's own text colour: the words still stand out.
            QVERIFY(problem->palette().color(QPalette::WindowText) != p.color(QPalette::WindowText));
        }
        ui::setTone(problem, ui::Tone::Plain);
        QCOMPARE(problem->palette().color(QPalette::WindowText), QApplication::palette().color(QPalette::WindowText));
        QApplication::setPalette(before);
    }

    void oldDockerIsToldItExposesLoopbackPorts()
    {
        // Debian 12's Docker (20.10) publishes 127.0.0.1 ports to the network segment too (moby#45610); Podman
        // and Docker 28 do not. The window says so once, beside the engine line, not on every launch.
        auto engine = test::liveEngine();
        auto version = engine->version();
        QVERIFY(version.ok());
        const bool old = !version->podman && std::atoi(version->version.c_str()) < 28;
        ui::EngineStatus status(engine, {});
        ui::MainWindow window(&status);
        window.show();
        status.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!status.snapshot().checking, 10000);
        auto* warning = window.findChild<QLabel*>(QStringLiteral("engineWarning"));
        QVERIFY(warning);
        QCOMPARE(warning->isVisible(), old);
        QCOMPARE(warning->text().contains("moby#45610"), old);
        QCOMPARE(warning->textFormat(), Qt::PlainText);
        QCOMPARE(window.engineLine()->textFormat(), Qt::PlainText); // what an engine says is never markup
        if (old) {
            window.grab().save(QStringLiteral("TestMainWindow-old-docker.png"));
        }
    }

    void helpAndVersionNeedNoDisplay()
    {
        auto env = QProcessEnvironment::systemEnvironment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.remove("QT_QPA_PLATFORM");
        for (const QString& arg : {QStringLiteral("--help"), QStringLiteral("--version")}) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(BERTH_GUI_PATH), {arg});
            QVERIFY(p.waitForFinished(20000));
            QCOMPARE(p.exitStatus(), QProcess::NormalExit);
            QCOMPARE(p.exitCode(), 0);
            const QString out = QString::fromUtf8(p.readAllStandardOutput());
            QVERIFY2(out.contains(arg == "--help" ? QStringLiteral("--host") : QStringLiteral(BERTH_VERSION)), qPrintable(out));
            if (arg == "--help") {
                QVERIFY2(out.contains("--open <NAME[/PATH]>") && out.contains("FILE.ipynb"), qPrintable(out));
            }
        }
    }

    void theWindowStartsWithoutGlOrTheWebEngine()
    {
        // The real berth (its own style and preload, as main() sets them up), up with the engine's images listed:
        // neither Mesa (a GL context made at start, as
        // Qt::AA_ShareOpenGLContexts does, about 55 MB and 40% of a start under Xvfb) nor QtWebEngine is in
        // it until a notebook opens.
        QTemporaryDir dir;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), dir.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        const QString ready = dir.filePath(QStringLiteral("ready"));
        env.insert(QStringLiteral("BERTH_READY_FILE"), ready);
        QProcess berth;
        berth.setProcessEnvironment(env);
        berth.start(QStringLiteral(BERTH_GUI_PATH), QStringList{});
        QVERIFY(berth.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(ready) || berth.state() == QProcess::NotRunning, 30000);
        QVERIFY2(berth.state() == QProcess::Running, berth.readAllStandardError().constData());
        QFile maps(QStringLiteral("/proc/%1/maps").arg(berth.processId()));
        QVERIFY(maps.open(QIODevice::ReadOnly));
        const QString mapped = QString::fromUtf8(maps.readAll());
        for (const char* library : {"libGLX_mesa", "swrast_dri", "libLLVM", "libQt6WebEngine"}) {
            QVERIFY2(!mapped.contains(QLatin1String(library)), library);
        }
        // Nor any image-format plugin: Qt asks each whether it reads PNG before reading one without being told
        // not to (a tool bar's arrow icon, the window's icon; ui/Style.h). libcurl is in: it was loaded while the
        // window was built, and listed the images.
        QVERIFY2(!mapped.contains(QLatin1String("plugins/imageformats/")), qPrintable(mapped));
        QVERIFY2(mapped.contains(QLatin1String("libcurl.so.4")), qPrintable(mapped));
        // And the program names no libcurl for the loader to map at start (core/src/engine/CurlLibrary.h).
        QProcess readelf;
        readelf.start(QStringLiteral("readelf"), {QStringLiteral("-d"), QStringLiteral(BERTH_GUI_PATH)});
        QVERIFY(readelf.waitForFinished(30000));
        const QString dynamic = QString::fromUtf8(readelf.readAllStandardOutput());
        QVERIFY2(dynamic.contains(QLatin1String("libQt6Widgets")) && !dynamic.contains(QLatin1String("libcurl")),
                 qPrintable(dynamic));
        berth.terminate();
        QVERIFY(berth.waitForFinished(10000));
    }

    void theToolBarsArrowIsReadWhenDrawnAndIsTheStylesOwn()
    {
        // ui/Style: the "more actions" arrow of a tool bar is asked of the system's style when first drawn, and is
        // that style's own arrow, either way round (right to left: its mirror).
        const QString base = QApplication::style()->name();
        std::unique_ptr<QStyle> plain(QStyleFactory::create(base));
        QVERIFY(plain);
        ui::Style style(base);
        for (const auto which : {QStyle::SP_ToolBarHorizontalExtensionButton, QStyle::SP_ToolBarVerticalExtensionButton}) {
            for (const auto direction : {Qt::LeftToRight, Qt::RightToLeft}) {
                QStyleOption option;
                option.direction = direction;
                const QIcon deferred = style.standardIcon(which, &option);
                const QIcon own = plain->standardIcon(which, &option);
                QVERIFY(!deferred.isNull());
                QCOMPARE(deferred.availableSizes(), own.availableSizes());
                for (const int size : {8, 16, 32}) {
                    QCOMPARE(deferred.pixmap(size).toImage(), own.pixmap(size).toImage());
                }
            }
        }
        // Everything else is the style's own, untouched.
        QCOMPARE(style.standardIcon(QStyle::SP_DialogOkButton).pixmap(16).toImage(),
                 plain->standardIcon(QStyle::SP_DialogOkButton).pixmap(16).toImage());

        // In a window too narrow for its actions, the arrow shows and is drawn.
        QApplication::setStyle(new ui::Style(base));
        {
            QToolBar bar;
            bar.setToolButtonStyle(Qt::ToolButtonTextOnly);
            for (int i = 0; i < 12; ++i) {
                bar.addAction(QStringLiteral("Action number %1").arg(i));
            }
            bar.resize(200, 40);
            bar.show();
            QVERIFY(QTest::qWaitForWindowExposed(&bar));
            auto* more = bar.findChild<QToolButton*>(QStringLiteral("qt_toolbar_ext_button"));
            QVERIFY(more);
            QTRY_VERIFY(more->isVisible());
            const QImage drawn = more->grab().toImage();
            const QImage arrow = plain->standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton).pixmap(more->iconSize()).toImage();
            QVERIFY(!arrow.isNull());
            bool differs = false; // something beyond the background is drawn
            const QRgb corner = drawn.pixel(0, 0);
            for (int y = 0; y < drawn.height() && !differs; ++y) {
                for (int x = 0; x < drawn.width(); ++x) {
                    if (drawn.pixel(x, y) != corner) {
                        differs = true;
                        break;
                    }
                }
            }
            QVERIFY(differs);
        }
        QApplication::setStyle(QStyleFactory::create(base));
    }

    void engineLineSaysWhatToDoWhenNoEngineAnswers()
    {
        auto ep = core::parseEndpoint("unix:///tmp/berth-gui-nothing.sock");
        auto engine = std::make_shared<core::EngineClient>(std::make_shared<core::CurlTransport>(*ep));
        ui::EngineStatus status(engine, {});
        ui::MainWindow window(&status);
        window.show();
        status.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!status.snapshot().checking, 10000);
        QVERIFY(!window.engineLine()->property("connected").toBool());
        QVERIFY(window.engineLine()->text().contains("No engine answers at unix:///tmp/berth-gui-nothing.sock"));
        QCOMPARE(window.engineLine()->palette().color(QPalette::WindowText),
                 ui::toneColor(ui::Tone::Problem, QApplication::palette()));
        // The remedies in the window's words: start the engine, or choose another in Settings; no berthctl flag.
        QVERIFY2(window.engineLine()->text().contains("Start Docker") &&
                     window.engineLine()->text().contains("choose another engine", Qt::CaseInsensitive),
                 qPrintable(window.engineLine()->text()));
        QVERIFY(!window.engineLine()->text().contains("--host"));
    }

    void everyRemedyHasTheWindowsWords()
    {
        QSet<QString> seen;
        for (const core::RemedyKind kind : core::allRemedyKinds()) {
            const QString text = ui::remedyText({kind, {"ARG0", "ARG1"}});
            QVERIFY2(!text.isEmpty() && text.endsWith('.'), core::toString(kind));
            QVERIFY2(!seen.contains(text), qPrintable(text));
            seen.insert(text);
            QVERIFY2(!text.contains("berthctl"), qPrintable(text));
            for (const auto& flag : {"--force", "--memory", "--gpus", "--port", "--workspace", "--name", "--host"}) {
                QVERIFY2(!text.contains(QLatin1String(flag)), qPrintable(text));
            }
        }
    }

    void engineLineShowsABadAddress()
    {
        ui::EngineStatus status(nullptr, QStringLiteral("Engine address 'ftp://x' has an unknown scheme."));
        ui::MainWindow window(&status);
        status.refresh(); // nothing to ask: stays as it is, no crash
        QVERIFY(window.engineLine()->text().contains("unknown scheme"));
    }

    void refreshShortcutAsksAgain()
    {
        ui::EngineStatus status(test::liveEngine(), {});
        ui::MainWindow window(&status);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        int changes = 0;
        connect(&status, &ui::EngineStatus::changed, this, [&] { ++changes; });
        QTest::keyClick(&window, Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(changes >= 2 && !status.snapshot().checking, 10000);
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
