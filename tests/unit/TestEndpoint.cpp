// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/engine/Endpoint.h"
#include "berth/core/engine/PodmanService.h"
#include "berth/core/gpu/EngineGpuSupport.h"
#include "berth/core/launch/Launcher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

using namespace berth::core;

namespace {
EndpointEnvironment fakeEnv(std::map<std::string, std::string> vars, std::set<std::string> files = {})
{
    EndpointEnvironment env;
    env.getenv = [vars](const char* name) -> std::optional<std::string> {
        auto it = vars.find(name);
        return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    env.exists = [files](const std::string& p) { return files.count(p) > 0; };
    return env;
}
} // namespace

class TestEndpoint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesUnixSockets()
    {
        auto ep = parseEndpoint("unix:///var/run/docker.sock");
        QVERIFY(ep.ok());
        QCOMPARE(ep->scheme, Endpoint::Scheme::Unix);
        QCOMPARE(ep->socketPath, std::string("/var/run/docker.sock"));
        QCOMPARE(ep->display(), std::string("unix:///var/run/docker.sock"));
        QCOMPARE(ep->baseUrl(), std::string("http://localhost"));
        QVERIFY(parseEndpoint("/run/podman/podman.sock").ok());
    }

    void parsesTcpWithDefaultPorts()
    {
        auto ep = parseEndpoint("tcp://10.0.0.5");
        QVERIFY(ep.ok());
        QCOMPARE(ep->port, 2375);
        QCOMPARE(ep->baseUrl(), std::string("http://10.0.0.5:2375"));
        ep = parseEndpoint("tcp://[::1]:2376");
        QVERIFY(ep.ok());
        QCOMPARE(ep->host, std::string("::1"));
        QCOMPARE(ep->baseUrl(), std::string("http://[::1]:2376"));
        ep = parseEndpoint("https://h:9000");
        QVERIFY(ep.ok() && ep->tls);
    }

    void parsesSshAsTheDockerCliAndPodmanWriteIt()
    {
        auto ep = parseEndpoint("ssh://me@lab.example.org:2222");
        QVERIFY(ep);
        QVERIFY(ep->scheme == Endpoint::Scheme::Ssh);
        QCOMPARE(ep->user, std::string("me"));
        QCOMPARE(ep->host, std::string("lab.example.org"));
        QCOMPARE(ep->port, 2222);
        QCOMPARE(ep->socketPath, std::string("/var/run/docker.sock"));
        QCOMPARE(ep->display(), std::string("ssh://me@lab.example.org:2222"));
        QVERIFY(!ep->isLocal());
        ep = parseEndpoint("ssh://lab");
        QVERIFY(ep && ep->user.empty() && ep->port == 0);
        QCOMPARE(ep->display(), std::string("ssh://lab"));
        // Podman's connections name the remote socket.
        ep = parseEndpoint("ssh://core@10.0.0.7/run/user/1000/podman/podman.sock");
        QVERIFY(ep);
        QCOMPARE(ep->socketPath, std::string("/run/user/1000/podman/podman.sock"));
        QCOMPARE(ep->display(), std::string("ssh://core@10.0.0.7/run/user/1000/podman/podman.sock"));
        ep = parseEndpoint("ssh://[::1]:22");
        QVERIFY(ep);
        QCOMPARE(ep->host, std::string("::1"));
        QVERIFY(!ep->isLocal()); // a published port is reached through the forward even then
        QCOMPARE(ep->display(), std::string("ssh://[::1]:22"));
    }

    void refusesNonsenseWithAClearMessage_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::newRow("relative") << "unix://run/docker.sock" << int(ErrorKind::BadInput);
        QTest::newRow("port") << "tcp://h:99999" << int(ErrorKind::BadInput);
        QTest::newRow("port-text") << "tcp://h:abc" << int(ErrorKind::BadInput);
        QTest::newRow("no-host") << "tcp://:2375" << int(ErrorKind::BadInput);
        QTest::newRow("scheme") << "ftp://h" << int(ErrorKind::BadInput);
        QTest::newRow("path") << "tcp://h:1/x" << int(ErrorKind::BadInput);
        QTest::newRow("long") << QString("unix:///") + QString(120, 'a') << int(ErrorKind::BadInput);
        // ssh:// hands host and user to ssh as arguments: nothing ssh could read as an option.
        QTest::newRow("ssh-option-host") << "ssh://-oProxyCommand=sh" << int(ErrorKind::BadInput);
        QTest::newRow("ssh-option-user") << "ssh://-oProxyCommand=x@lab" << int(ErrorKind::BadInput);
        QTest::newRow("ssh-space") << "ssh://lab host" << int(ErrorKind::BadInput);
        QTest::newRow("ssh-empty-user") << "ssh://@lab" << int(ErrorKind::BadInput);
        QTest::newRow("ssh-password") << "ssh://me:hunter2@lab" << int(ErrorKind::BadInput);
        QTest::newRow("ssh-port") << "ssh://lab:0" << int(ErrorKind::BadInput);
        QTest::newRow("ssh-empty-port") << "ssh://lab:" << int(ErrorKind::BadInput);
        QTest::newRow("ssh-no-host") << "ssh://me@" << int(ErrorKind::BadInput);
        QTest::newRow("ssh-socket-space") << "ssh://lab/run/my engine.sock" << int(ErrorKind::BadInput);
        QTest::newRow("ssh-socket-colon") << "ssh://lab/run/a:b.sock" << int(ErrorKind::BadInput);
        QTest::newRow("npipe") << "npipe:////./pipe/docker_engine" << int(ErrorKind::Unsupported);
    }

    void refusesNonsenseWithAClearMessage()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        auto ep = parseEndpoint(text.toStdString());
        QVERIFY(!ep.ok());
        QCOMPARE(int(ep.error().kind), kind);
        QVERIFY(!ep.error().message.empty());
        QVERIFY(ep.error().message.find("hunter2") == std::string::npos); // a password is never repeated
    }

    void hostFlagBeatsDockerHost()
    {
        auto ep = resolveEndpoint(std::string("tcp://a:1"), fakeEnv({{"DOCKER_HOST", "tcp://b:2"}}));
        QCOMPARE(ep->host, std::string("a"));
        ep = resolveEndpoint(std::nullopt, fakeEnv({{"DOCKER_HOST", "tcp://b:2"}}));
        QCOMPARE(ep->host, std::string("b"));
    }

    void tlsFollowsTheDockerCliRules()
    {
        auto ep = resolveEndpoint(std::nullopt, fakeEnv({{"DOCKER_HOST", "tcp://h:2376"},
                                                         {"DOCKER_TLS_VERIFY", "1"},
                                                         {"DOCKER_CERT_PATH", "/certs"}}));
        QVERIFY(ep->tls && ep->tlsVerify);
        QCOMPARE(ep->caFile, std::string("/certs/ca.pem"));
        QCOMPARE(ep->baseUrl(), std::string("https://h:2376"));
        ep = resolveEndpoint(std::nullopt, fakeEnv({{"DOCKER_HOST", "tcp://h:2376"}, {"DOCKER_CERT_PATH", "/c"}}));
        QVERIFY(ep->tls && !ep->tlsVerify);
        ep = resolveEndpoint(std::nullopt, fakeEnv({{"DOCKER_HOST", "tcp://h:2376"}, {"DOCKER_TLS_VERIFY", ""}}));
        QVERIFY(!ep->tls); // empty means unset
    }

    void followsDockerContextsAsTheDockerCliDoes()
    {
        QTemporaryDir config;
        const std::string dir = config.path().toStdString();
        auto write = [](const QString& path, const QByteArray& text) {
            QDir().mkpath(QFileInfo(path).path());
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        };
        // Folder names are the SHA-256 of the context name; Berth finds contexts by the name inside.
        write(config.path() + "/contexts/meta/6f1ac1b1/meta.json",
              "{\"Name\":\"lab\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"tcp://10.0.0.5:2376\",\"SkipTLSVerify\":false}}}");
        write(config.path() + "/contexts/tls/6f1ac1b1/docker/ca.pem", "ca");
        write(config.path() + "/contexts/tls/6f1ac1b1/docker/cert.pem", "cert");
        write(config.path() + "/contexts/tls/6f1ac1b1/docker/key.pem", "key");
        write(config.path() + "/contexts/meta/0d4b2a4f/meta.json",
              "{\"Name\":\"rootless\",\"Endpoints\":{\"docker\":{\"Host\":\"unix:///run/user/1000/docker.sock\"}}}");
        // `docker context create gpu-server --docker host=ssh://me@gpu.lab:2222` leaves this.
        write(config.path() + "/contexts/meta/9a3e77c0/meta.json",
              "{\"Name\":\"gpu-server\",\"Endpoints\":{\"docker\":{\"Host\":\"ssh://me@gpu.lab:2222\"}}}");
        write(config.path() + "/config.json", "{\"auths\":{},\"currentContext\":\"lab\"}");

        auto ep = resolveEndpoint(std::nullopt, fakeEnv({{"DOCKER_CONFIG", dir}}));
        QVERIFY2(ep.ok(), ep.ok() ? "" : ep.error().message.c_str());
        QCOMPARE(ep->display(), std::string("tcp://10.0.0.5:2376"));
        QVERIFY(ep->tls && ep->tlsVerify);
        QCOMPARE(ep->caFile, dir + "/contexts/tls/6f1ac1b1/docker/ca.pem");
        QCOMPARE(ep->keyFile, dir + "/contexts/tls/6f1ac1b1/docker/key.pem");
        // DOCKER_CONTEXT beats config.json; --context beats both; DOCKER_HOST beats any context.
        ep = resolveEndpoint(std::nullopt, fakeEnv({{"DOCKER_CONFIG", dir}, {"DOCKER_CONTEXT", "rootless"}}));
        QCOMPARE(ep->socketPath, std::string("/run/user/1000/docker.sock"));
        ep = resolveEndpoint(std::nullopt, fakeEnv({{"DOCKER_CONFIG", dir}, {"DOCKER_CONTEXT", "lab"}}), "rootless");
        QCOMPARE(ep->socketPath, std::string("/run/user/1000/docker.sock"));
        ep = resolveEndpoint(std::nullopt, fakeEnv({{"DOCKER_CONFIG", dir}, {"DOCKER_HOST", "tcp://h:1"}}));
        QCOMPARE(ep->host, std::string("h"));
        // A context on another machine over ssh, and DOCKER_HOST=ssh://... alike.
        ep = resolveEndpoint(std::nullopt, fakeEnv({{"DOCKER_CONFIG", dir}}), "gpu-server");
        QVERIFY2(ep.ok(), ep.ok() ? "" : ep.error().message.c_str());
        QVERIFY(ep->scheme == Endpoint::Scheme::Ssh);
        QCOMPARE(ep->display(), std::string("ssh://me@gpu.lab:2222"));
        ep = resolveEndpoint(std::nullopt, fakeEnv({{"DOCKER_HOST", "ssh://lab"}}));
        QVERIFY(ep.ok() && ep->scheme == Endpoint::Scheme::Ssh && ep->host == "lab");
        // "default" is the sockets; an unknown name says how to list them.
        ep = resolveEndpoint(std::nullopt, fakeEnv({{"DOCKER_CONFIG", dir}, {"DOCKER_CONTEXT", "default"}}));
        QCOMPARE(ep->socketPath, std::string("/var/run/docker.sock"));
        ep = resolveEndpoint(std::nullopt, fakeEnv({{"DOCKER_CONFIG", dir}}), "nowhere");
        QCOMPARE(ep.error().kind, ErrorKind::NotFound);
        QVERIFY(ep.error().message.find("docker context ls") != std::string::npos);
        // ~/.docker when DOCKER_CONFIG is unset.
        QDir().rename(config.path(), config.path() + "-home");
        QDir().mkpath(config.path());
        QDir().rename(config.path() + "-home", config.path() + "/.docker");
        ep = resolveEndpoint(std::nullopt, fakeEnv({{"HOME", dir}}));
        QCOMPARE(ep->display(), std::string("tcp://10.0.0.5:2376"));
    }

    void findsPodmanWhenDockerIsAbsent()
    {
        auto ep = resolveEndpoint(std::nullopt, fakeEnv({{"XDG_RUNTIME_DIR", "/run/user/1000"}},
                                                        {"/run/user/1000/podman/podman.sock"}));
        QCOMPARE(ep->socketPath, std::string("/run/user/1000/podman/podman.sock"));
        ep = resolveEndpoint(std::nullopt, fakeEnv({}, {"/var/run/docker.sock", "/run/podman/podman.sock"}));
        QCOMPARE(ep->socketPath, std::string("/var/run/docker.sock"));
        ep = resolveEndpoint(std::nullopt, fakeEnv({}));
        QCOMPARE(ep->socketPath, std::string("/var/run/docker.sock"));
        ep = resolveEndpoint(std::nullopt, fakeEnv({{"DOCKER_HOST", ""}}, {"/run/podman/podman.sock"}));
        QCOMPARE(ep->socketPath, std::string("/run/podman/podman.sock"));
    }

    void pointsAtTheUsersPodmanWhenNothingListensAndPodmanIsInstalled()
    {
        // Where the service the window offers to start will listen: found there once it runs.
        auto env = fakeEnv({{"XDG_RUNTIME_DIR", "/run/user/1000"}});
        env.findProgram = [](const std::string& name) -> std::optional<std::string> {
            return name == "podman" ? std::optional<std::string>("/usr/bin/podman") : std::nullopt;
        };
        QCOMPARE(resolveEndpoint(std::nullopt, env)->socketPath, std::string("/run/user/1000/podman/podman.sock"));
        auto service = findPodmanService(env);
        QVERIFY(service);
        QCOMPARE(service->program, std::string("/usr/bin/podman"));
        QCOMPARE(service->socketPath, std::string("/run/user/1000/podman/podman.sock"));
        QCOMPARE(service->stateDir, std::string("/run/user/1000/berth"));
        // A socket that exists still wins, and without Podman it is Docker's default place.
        env.exists = [](const std::string& p) { return p == "/var/run/docker.sock"; };
        QCOMPARE(resolveEndpoint(std::nullopt, env)->socketPath, std::string("/var/run/docker.sock"));
        env = fakeEnv({{"XDG_RUNTIME_DIR", "/run/user/1000"}});
        env.findProgram = [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
        QCOMPARE(resolveEndpoint(std::nullopt, env)->socketPath, std::string("/var/run/docker.sock"));
        QVERIFY(!findPodmanService(env));
    }
    void oneAnswerToWhetherAnEngineIsLocal()
    {
        // Launcher and the GPU check once disagreed about tcp://127.0.0.2.
        for (const char* local : {"unix:///var/run/docker.sock", "/run/podman/podman.sock", "tcp://127.0.0.1:2375",
                                  "tcp://127.0.0.2:2375", "tcp://localhost:2375", "tcp://[::1]:2375"}) {
            QVERIFY2(isLocalAddress(local), local);
            QVERIFY2(engineIsLocal(local) && isLocalEndpoint(local), local);
        }
        for (const char* remote : {"tcp://10.0.0.5:2376", "tcp://127.example.org:2376", "tcp://localhost.example.org:1",
                                   "npipe:////./pipe/docker_engine", "ssh://lab"}) {
            QVERIFY2(!isLocalAddress(remote), remote);
            QVERIFY2(!engineIsLocal(remote) && !isLocalEndpoint(remote), remote);
        }
    }
};

QTEST_APPLESS_MAIN(TestEndpoint)
#include "TestEndpoint.moc"
