// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// First run on a machine with Podman installed and no engine running (tests/gui/first-run.sh makes one): the
// window says where it looked, offers to start the user's own Podman service, starts it on request and lists its
// images; with "whenever Berth starts" ticked, the next start does it by itself. Without Podman on PATH, the
// window says how to install an engine instead.
#include "berth/core/engine/CurlTransport.h"
#include "berth/core/engine/Endpoint.h"
#include "berth/core/engine/PodmanService.h"
#include "ui/EngineStatus.h"
#include "ui/MainWindow.h"
#include "ui/RemedyText.h"
#include "ui/models/ImageModel.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTest>

#include <csignal>
#include <memory>

using namespace berth;

namespace {
/// The window as berth's main() makes it: the engine found by the docker CLI's rules, from this environment.
struct Berth
{
    std::unique_ptr<ui::EngineStatus> status;
    std::unique_ptr<ui::MainWindow> window;

    Berth()
    {
        auto endpoint = core::resolveEndpoint(std::nullopt, core::EndpointEnvironment::system());
        std::shared_ptr<core::EngineClient> engine;
        QString setupError;
        if (endpoint) {
            engine = std::make_shared<core::EngineClient>(std::make_shared<core::CurlTransport>(*endpoint));
        } else {
            setupError = ui::errorText(endpoint.error());
        }
        status = std::make_unique<ui::EngineStatus>(engine, setupError);
        window = std::make_unique<ui::MainWindow>(status.get());
        window->show();
        status->refresh();
    }
    ~Berth()
    {
        window.reset();
        status.reset();
    }

    QString help() const { return window->findChild<QLabel*>(QStringLiteral("engineHelp"))->text(); }
    QPushButton* startButton() const { return window->findChild<QPushButton*>(QStringLiteral("startPodman")); }
    bool lists(const QString& image) const
    {
        auto* images = window->images();
        for (int row = 0; row < images->rowCount(); ++row) {
            if (images->index(row, 0).data().toString().contains(image)) {
                return true;
            }
        }
        return false;
    }
};

const QString kSocket = QStringLiteral("/run/user/0/podman/podman.sock");
const QString kPidFile = QStringLiteral("/run/user/0/berth/podman-service.pid");

void stopService()
{
    QFile f(kPidFile);
    if (f.open(QIODevice::ReadOnly)) {
        const int pid = f.readAll().trimmed().toInt();
        if (pid > 0) {
            ::kill(pid, SIGTERM);
            QTRY_VERIFY_WITH_TIMEOUT(::kill(pid, 0) != 0, 15000);
        }
    }
    QFile::remove(kSocket);
}
} // namespace

class TestFirstRun : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // The machine first-run.sh made: nothing answers, Podman is installed.
        QVERIFY2(qEnvironmentVariable("XDG_RUNTIME_DIR") == QLatin1String("/run/user/0"), "run through first-run.sh");
        QVERIFY(!QFile::exists(QStringLiteral("/var/run/docker.sock")));
        QVERIFY(!QFile::exists(kSocket));
        auto endpoint = core::resolveEndpoint(std::nullopt, core::EndpointEnvironment::system());
        QVERIFY(endpoint);
        // Nothing listens, so Berth points at the user's Podman socket, where the service it offers will be.
        QCOMPARE(QString::fromStdString(endpoint->socketPath), kSocket);
    }

    void offersToStartPodmanAndUsesIt()
    {
        QSettings().setValue(QStringLiteral("engine/startPodman"), false);
        Berth berth;
        QTRY_VERIFY_WITH_TIMEOUT(berth.window->showingEngineDown(), 10000);
        const QString help = berth.help();
        QVERIFY2(help.contains(QLatin1String("unix:///var/run/docker.sock")), qPrintable(help));
        QVERIFY2(help.contains(QLatin1String("Podman is installed")) && help.contains(kSocket), qPrintable(help));
        QVERIFY(berth.startButton()->isVisible());
        QCOMPARE(berth.startButton()->accessibleName(), QStringLiteral("Start Podman"));
        berth.window->resize(900, 620);
        QTest::qWait(200);
        berth.window->grab().save(QStringLiteral(BERTH_SOURCE_DIR "/docs/screenshots/first-run.png"));

        QTest::mouseClick(berth.startButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!berth.window->showingEngineDown() &&
                                     berth.window->engineLine()->property("connected").toBool(),
                                 60000);
        QVERIFY(QFile::exists(kPidFile));
        // Its images, from the storage first-run.sh filled.
        berth.window->showView(1);
        QTRY_VERIFY_WITH_TIMEOUT(berth.lists(QStringLiteral("berth-test/first-run")), 15000);
        QVERIFY(berth.window->engineLine()->text().contains(kSocket));
    }

    void startsItByItselfWhenAskedTo()
    {
        stopService();
        QSettings().setValue(QStringLiteral("engine/startPodman"), true);
        Berth berth;
        QTRY_VERIFY_WITH_TIMEOUT(!berth.window->showingEngineDown() &&
                                     berth.window->engineLine()->property("connected").toBool(),
                                 60000);
        auto* always = berth.window->findChild<QCheckBox*>(QStringLiteral("startPodmanAlways"));
        QVERIFY(always && always->isChecked());
        QSettings().setValue(QStringLiteral("engine/startPodman"), false);
    }

    void saysHowToInstallAnEngineWithoutPodman()
    {
        stopService();
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", "/nonexistent");
        {
            Berth berth;
            QTRY_VERIFY_WITH_TIMEOUT(berth.window->showingEngineDown(), 10000);
            QTRY_VERIFY_WITH_TIMEOUT(!berth.help().isEmpty(), 10000);
            const QString help = berth.help();
            QVERIFY2(help.contains(QLatin1String("Neither Docker nor Podman is installed")), qPrintable(help));
            QVERIFY2(help.contains(QLatin1String("sudo apt install podman")), qPrintable(help));
            QVERIFY(!berth.startButton()->isVisible());
        }
        qputenv("PATH", path);
    }
};

QTEST_MAIN(TestFirstRun)
#include "TestFirstRun.moc"
