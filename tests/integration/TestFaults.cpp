// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// Faults on the real engine (Docker, and Podman through TestFaults.podman): a name or a port already
// taken, a container killed by its memory cap, files in the volumes an image declares.
#include "LiveEngine.h"

#include "berth/core/engine/CurlTransport.h"
#include "berth/core/launch/Launcher.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace berth;
using namespace berth::core;
using namespace std::chrono_literals;

namespace {
/// Another program listening on a loopback port.
class Squatter
{
public:
    Squatter()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (::bind(m_fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(m_fd, 4) != 0 ||
            ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
            qFatal("could not listen on a loopback port");
        }
        m_port = ntohs(a.sin_port);
    }
    ~Squatter() { close(); }
    void close()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = 0;
};
} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

    std::shared_ptr<EngineClient> engine = test::liveEngine();
    QTemporaryDir home;

    QProcessEnvironment env() const { return test::environmentWithHome(home.path()); }

    bool exists(const std::string& name) { return engine->inspectContainer(name).ok(); }

private Q_SLOTS:
    void cleanupTestCase()
    {
        test::removeNamed(*engine);
        test::removeLabelled(*engine);
    }

    void aNameInUseIsSaidAndTheEnvironmentKept()
    {
        const std::string name = test::uniqueName("taken");
        auto first = test::berthctl({"launch", "berth-test/notebook:6", "--name", QString::fromStdString(name), "--no-wait"},
                                    120000, env());
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        auto second = test::berthctl({"launch", "berth-test/notebook:6", "--name", QString::fromStdString(name)}, 120000, env());
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains("An environment named") && second.err.contains("already exists and runs") &&
                     second.err.contains("berthctl open"),
                 qPrintable(second.err));
        auto d = engine->inspectContainer(name);
        QVERIFY(d.ok());
        QVERIFY(d->state.running); // the first one is untouched
        QVERIFY(engine->stopContainer(name, 1).ok());
        auto third = test::berthctl({"launch", "berth-test/notebook:6", "--name", QString::fromStdString(name)}, 120000, env());
        QCOMPARE(third.exitCode, 1);
        QVERIFY2(third.err.contains("(stopped)") && third.err.contains("berthctl start"), qPrintable(third.err));
        (void)engine->removeContainer(name, true, true);
    }

    void aPortInUseIsSaidAndNothingIsLeft()
    {
        Squatter squatter;
        const QString port = QString::number(squatter.port());
        const std::string name = test::uniqueName("port");
        auto r = test::berthctl({"launch", "berth-test/notebook:6", "--name", QString::fromStdString(name), "--port", port},
                                120000, env());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Port " + port + " on 127.0.0.1 is taken"), qPrintable(r.err));
        QVERIFY(!exists(name)); // nothing half-made
        QVERIFY(!QFileInfo::exists(home.path() + "/Documents/Berth/" + QString::fromStdString(name))); // nor its empty folder
        // The same port, free: the environment answers there.
        squatter.close();
        auto ok = test::berthctl({"launch", "berth-test/notebook:6", "--name", QString::fromStdString(name), "--port", port},
                                 180000, env());
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QVERIFY2(ok.out.contains("http://127.0.0.1:" + port + "/"), qPrintable(ok.out));
        (void)engine->removeContainer(name, true, true);
    }

    void aContainerKilledByItsMemoryCapIsToldInWords()
    {
        const std::string name = test::uniqueName("oom");
        auto r = test::berthctl({"launch", "berth-test/notebook:6", "--name", QString::fromStdString(name), "--memory", "24m"},
                                180000, env());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("ran out of memory") && r.err.contains("its cap is 24 MiB") && r.err.contains("--memory"),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QString::fromStdString(name)), qPrintable(r.err));
        (void)engine->removeContainer(name, true, true);
    }

    void filesInVolumesTheImageDeclaresAreReportedAndTheVolumeKept()
    {
        // An image that declares VOLUME /data: removing the container leaves that volume behind, nameless.
        const std::string name = test::uniqueName("volume");
        nlohmann::json body = {{"Image", "berth-test/notebook:6"},
                               {"Cmd", {"sh", "-c", "mkdir -p /data/run1 && echo 0.93 > /data/run1/accuracy.txt && sleep 300"}},
                               {"Volumes", {{"/data", nlohmann::json::object()}}},
                               {"Labels", {{"berth.env", name}}},
                               {"HostConfig", {{"Init", true}}}};
        auto created = engine->createContainer(name, body);
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
        QVERIFY(engine->startContainer(created->id).ok());
        QTRY_VERIFY_WITH_TIMEOUT(engine->exec(created->id, {"test", "-s", "/data/run1/accuracy.txt"})->exitCode == 0, 20000);
        QVERIFY(engine->stopContainer(created->id, 1).ok());
        auto d = engine->inspectContainer(created->id);
        std::string volume;
        for (const auto& m : d->raw["Mounts"]) {
            if (m.value("Destination", "") == "/data") {
                volume = m.value("Name", "");
            }
        }
        QVERIFY(!volume.empty());

        auto refused = test::berthctl({"rm", QString::fromStdString(name)});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("/data/run1/accuracy.txt"), qPrintable(refused.err));
        QVERIFY(exists(name));
        auto forced = test::berthctl({"rm", "--force", QString::fromStdString(name)});
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
        QVERIFY2(forced.out.contains("Kept its volume") && forced.out.contains(QString::fromStdString(volume)),
                 qPrintable(forced.out));
        QVERIFY(!exists(name));
        // The volume, with the file, is still on the engine.
        auto ep = resolveEndpoint(std::nullopt, EndpointEnvironment::system());
        CurlTransport t(*ep);
        HttpRequest get;
        get.target = "/v1.41/volumes/" + volume;
        auto v = t.send(get);
        QVERIFY(v.ok());
        QCOMPARE(v->status, 200);
        HttpRequest del;
        del.method = "DELETE";
        del.target = "/v1.41/volumes/" + volume;
        (void)t.send(del);
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "TestFaults.moc"
