// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// The main window under Xvfb, against the real engine and against none.
#include "../integration/LiveEngine.h"
#include "ui/EngineStatus.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QLabel>
#include <QTest>

using namespace berth;

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
        QVERIFY(window.engineLine()->styleSheet().contains("color"));
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
