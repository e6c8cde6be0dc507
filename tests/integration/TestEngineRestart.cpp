// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// The engine restarts under Berth: a Podman API service of this test's own (on its own socket, over the
// same storage as the test bed's) is killed and started again while a launch waits and while logs are
// followed. Podman's containers outlive its service, as Docker's do with live-restore.
#include "LiveEngine.h"

#include "berth/core/engine/CurlTransport.h"
#include "berth/core/launch/Launcher.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <future>

using namespace berth;
using namespace berth::core;
using namespace std::chrono_literals;

namespace {
class PodmanService
{
public:
    explicit PodmanService(QString socket) : m_socket(std::move(socket))
    {
        // The test bed's settings (tests/testbed/podman.sh): BERTH_TEST_PODMAN_HOST's folder holds them.
        const QString testbed = qEnvironmentVariable("BERTH_TEST_PODMAN_HOST");
        if (testbed.isEmpty()) {
            qFatal("BERTH_TEST_PODMAN_HOST is not set: start Podman with tests/testbed/podman.sh up (tests/run.sh does)");
        }
        m_conf = QFileInfo(testbed.mid(QStringLiteral("unix://").size())).path();
    }
    ~PodmanService() { crash(); }
    QString host() const { return "unix://" + m_socket; }
    void start()
    {
        if (m_pid > 0) {
            return;
        }
        QFile::remove(m_socket);
        const std::string conf = "CONTAINERS_CONF=" + (m_conf + "/containers.conf").toStdString();
        const std::string regs = "CONTAINERS_REGISTRIES_CONF=" + (m_conf + "/registries.conf").toStdString();
        const std::string where = QFileInfo(m_socket).path().toStdString();
        const std::string url = host().toStdString();
        m_pid = ::fork();
        if (m_pid == 0) {
            ::putenv(const_cast<char*>(conf.c_str()));
            ::putenv(const_cast<char*>(regs.c_str()));
            if (::chdir(where.c_str()) != 0) {
                ::_exit(127);
            }
            ::execlp("podman", "podman", "system", "service", "--time=0", url.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        auto engine = client();
        QTRY_VERIFY2_WITH_TIMEOUT(engine->ping().ok(), "Podman's service did not answer", 30000);
    }
    /// Killed, as a crash or an OOM kill would: no goodbye to anyone connected.
    void crash()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
            m_pid = -1;
        }
    }
    std::shared_ptr<EngineClient> client() const
    {
        auto ep = parseEndpoint(host().toStdString());
        return std::make_shared<EngineClient>(std::make_shared<CurlTransport>(*ep));
    }

private:
    QString m_socket;
    QString m_conf;
    pid_t m_pid = -1;
};
} // namespace

class TestEngineRestart : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;
    std::unique_ptr<PodmanService> service;

private Q_SLOTS:
    void init()
    {
        service = std::make_unique<PodmanService>(dir.path() + "/engine.sock");
        service->start();
    }
    void cleanup()
    {
        service->start(); // it may have been left down by a failed test
        auto engine = service->client();
        test::removeNamed(*engine);
        service->crash();
        service.reset();
    }

    void aLaunchWaitsForTheEngineToComeBack()
    {
        auto engine = service->client();
        LaunchOptions options;
        options.readyTimeout = 150s;
        options.workspaceRoot = (dir.path() + "/Berth").toStdString();
        Launcher launcher(engine, options);
        LaunchSpec spec;
        spec.image = "localhost/berth-test/slow-start:latest"; // 12 s before Jupyter listens
        spec.name = test::uniqueName("restart");
        std::atomic<bool> sawEngineGone{false};
        auto result = std::async(std::launch::async, [&] {
            return launcher.launch(spec, [&](const LaunchProgress& p) {
                if (p.message.find("engine does not answer") != std::string::npos) {
                    sawEngineGone = true;
                }
            });
        });
        QTRY_VERIFY_WITH_TIMEOUT(engine->inspectContainer(spec.name).ok() && engine->inspectContainer(spec.name)->state.running,
                                 60000);
        service->crash();
        QTRY_VERIFY_WITH_TIMEOUT(sawEngineGone.load(), 20000);
        QTest::qWait(2000);
        service->start();
        QVERIFY(result.wait_for(150s) == std::future_status::ready);
        auto env = result.get();
        QVERIFY2(env.ok(), env.ok() ? "" : env.error().message.c_str());
        QVERIFY(env->ready);
        QCOMPARE(env->name, spec.name);
    }

    void followingALogEndsClearlyWhenTheEngineGoes()
    {
        auto engine = service->client();
        const std::string name = test::uniqueName("follow");
        auto created = engine->createContainer(name, {{"Image", "localhost/berth-test/ticker:latest"}});
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
        QVERIFY(engine->startContainer(created->id).ok());
        QProcess ctl;
        ctl.start(BERTHCTL_PATH, {"--host", service->host(), "logs", "-f", QString::fromStdString(name)});
        QTRY_VERIFY_WITH_TIMEOUT(ctl.bytesAvailable() > 0 || ctl.readAllStandardOutput().size() > 0, 20000);
        service->crash();
        QVERIFY2(ctl.waitForFinished(20000), "logs -f did not end when the engine went away");
        QCOMPARE(ctl.exitCode(), 1);
        const QString err = QString::fromUtf8(ctl.readAllStandardError());
        QVERIFY2(err.contains("stopped sending the log of " + QString::fromStdString(name)), qPrintable(err));
        // Nothing is lost: the container ran on, and the engine has it when it is back.
        service->start();
        auto d = service->client()->inspectContainer(name);
        QVERIFY(d.ok());
        QVERIFY(d->state.running);
    }
};

QTEST_GUILESS_MAIN(TestEngineRestart)
#include "TestEngineRestart.moc"
