// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// An engine on "another machine", reached as a lab's GPU server is: through the system's ssh. Debian's sshd on
// 127.0.0.1 (tests/testbed/sshd.sh, keys of its own) stands in front of the test engine's socket (Docker's, or
// Podman's for TestRemote.podman), and its PATH has an nvidia-smi answering as a two-GPU server with driver 570.
// List, pull, launch, the notebook through the forward (token never on a command line), stop, remove; the
// connection killed mid-way is reopened; an unknown or changed host key is refused in ssh's own words.
#include "LiveEngine.h"

#include "berth/core/engine/CurlTransport.h"
#include "berth/core/engine/SshTransport.h"
#include "berth/core/gpu/Compat.h"
#include "berth/core/gpu/GpuHost.h"
#include "berth/core/launch/Launcher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace berth;
using namespace berth::core;
using namespace std::chrono_literals;

namespace {

QString sshConfig()
{
    const QString c = qEnvironmentVariable("BERTH_TEST_SSH_CONFIG");
    if (c.isEmpty() || !QFile::exists(c)) {
        qFatal("BERTH_TEST_SSH_CONFIG is not set: start sshd with tests/testbed/sshd.sh up (tests/run.sh does)");
    }
    return c;
}

/// The test engine's socket (DOCKER_HOST's), as the remote sees it.
std::string engineSocket()
{
    auto ep = resolveEndpoint(std::nullopt, EndpointEnvironment::system());
    if (!ep || ep->scheme != Endpoint::Scheme::Unix) {
        qFatal("the test engine is not on a unix socket");
    }
    return ep->socketPath;
}

/// ssh://berth-test-remote[/socket]: the host alias of the test sshd's config.
std::string remoteAddress()
{
    const std::string socket = engineSocket();
    return "ssh://berth-test-remote" + (socket == "/var/run/docker.sock" ? std::string() : socket);
}

std::vector<std::string> sshWith(const QString& config)
{
    return {"ssh", "-F", config.toStdString()};
}

std::shared_ptr<SshTransport> sshTo(const QString& config = sshConfig())
{
    auto ep = parseEndpoint(remoteAddress());
    if (!ep) {
        qFatal("%s", ep.error().message.c_str());
    }
    return std::make_shared<SshTransport>(*ep, 0s, sshWith(config));
}

HttpResponse jupyter(int port, const std::string& path, const std::string& token)
{
    Endpoint ep;
    ep.scheme = Endpoint::Scheme::Tcp;
    ep.host = "127.0.0.1";
    ep.port = port;
    CurlTransport t(ep);
    HttpRequest req;
    req.target = path;
    req.timeout = 10s;
    if (!token.empty()) {
        req.headers.emplace_back("Authorization", "token " + token);
    }
    auto r = t.send(req);
    return r ? *r : HttpResponse{};
}

/// Every process's command line on this machine, for a word that must be on none.
bool onSomeCommandLine(const std::string& word)
{
    for (const auto& d : std::filesystem::directory_iterator("/proc")) {
        std::ifstream in(d.path() / "cmdline", std::ios::binary);
        std::string line((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (line.find(word) != std::string::npos) {
            return true;
        }
    }
    return false;
}

/// The test sshd's config with another known_hosts file (and no StrictHostKeyChecking of its own).
QString configWithKnownHosts(const QTemporaryDir& dir, const QByteArray& knownHosts)
{
    QFile in(sshConfig());
    if (!in.open(QIODevice::ReadOnly)) {
        qFatal("cannot read the test sshd's config");
    }
    QByteArray text;
    const QString hosts = dir.filePath("known_hosts");
    for (const QByteArray& line : in.readAll().split('\n')) {
        if (line.trimmed().startsWith("UserKnownHostsFile")) {
            text += "    UserKnownHostsFile " + hosts.toUtf8() + "\n";
        } else if (!line.trimmed().startsWith("StrictHostKeyChecking")) {
            text += line + "\n";
        }
    }
    QFile out(dir.filePath("ssh_config"));
    QFile h(hosts);
    if (!out.open(QIODevice::WriteOnly) || !h.open(QIODevice::WriteOnly)) {
        qFatal("cannot write into %s", qPrintable(dir.path()));
    }
    out.write(text);
    h.write(knownHosts);
    return out.fileName();
}

} // namespace

class TestRemote : public QObject
{
    Q_OBJECT

    std::shared_ptr<EngineClient> local = test::liveEngine();
    std::shared_ptr<SshTransport> transport = sshTo();
    std::shared_ptr<EngineClient> remote = std::make_shared<EngineClient>(transport);
    std::vector<std::string> folders; ///< notebook folders made "there", removed at the end

    Result<EnvironmentInfo> launch(const char* what)
    {
        LaunchSpec spec;
        spec.image = "berth-test/notebook:6";
        spec.name = test::uniqueName(what);
        LaunchOptions o;
        o.readyTimeout = 120s;
        Launcher l(remote, o);
        auto env = l.launch(spec);
        if (env && !env->workspace.empty()) {
            folders.push_back(env->workspace);
        }
        return env;
    }

private Q_SLOTS:
    void cleanupTestCase()
    {
        test::removeLabelled(*local);
        test::removeNamed(*local);
        for (const auto& f : folders) {
            std::error_code ec;
            std::filesystem::remove_all(f, ec);
        }
    }

    void listsAndPullsThere()
    {
        auto ping = remote->ping();
        QVERIFY2(ping, ping ? "" : ping.error().message.c_str());
        QCOMPARE(remote->endpoint(), remoteAddress());
        QVERIFY(remote->remoteHost());
        QCOMPARE(remote->remoteHost()->name(), std::string("berth-test-remote"));

        // A container made on the engine directly shows in the list through ssh, and goes when removed through it.
        const std::string name = test::uniqueName("listed");
        auto made = local->createContainer(
            name, {{"Image", "berth-test/ticker:latest"}, {"Labels", {{"berth.test", test::runLabelValue()}}}});
        QVERIFY2(made, made ? "" : made.error().message.c_str());
        auto listed = remote->listContainers(true, {{"label", {"berth.test=" + test::runLabelValue()}}});
        QVERIFY(listed);
        QVERIFY(std::any_of(listed->begin(), listed->end(), [&](const ContainerSummary& c) { return c.id == made->id; }));
        QVERIFY(remote->removeContainer(made->id, true));
        QCOMPARE(local->inspectContainer(made->id).error().kind, ErrorKind::NotFound);

        // A pull there, with its progress, lands in the engine's store.
        const std::string image = test::registryAddress() + "/berth-test/pullme-remote:1";
        test::removeImageEverywhere(*local, image);
        int events = 0;
        auto pulled = remote->pullImage(image, [&](const PullProgress&) { ++events; });
        QVERIFY2(pulled, pulled ? "" : pulled.error().message.c_str());
        QVERIFY(events > 0);
        QVERIFY(local->inspectImage(image));
        test::removeImageEverywhere(*local, image);
    }

    void launchesThereAndOpensTheNotebookThroughTheForward()
    {
        auto env = launch("remote");
        QVERIFY2(env, env ? "" : env.error().message.c_str());
        QVERIFY(env->ready);
        QCOMPARE(env->machine, std::string("berth-test-remote"));
        // Published on the engine's machine's 127.0.0.1 only; here on another port of this machine's, forwarded.
        QVERIFY(env->enginePort > 0 && env->hostPort > 0 && env->hostPort != env->enginePort);
        QCOMPARE(env->url, "http://127.0.0.1:" + std::to_string(env->hostPort) + "/");
        auto d = local->inspectContainer(env->id);
        QVERIFY(d);
        const auto bindings = d->raw["HostConfig"]["PortBindings"];
        QVERIFY(!bindings.empty());
        for (const auto& [port, list] : bindings.items()) {
            for (const auto& b : list) {
                QCOMPARE(b.value("HostIp", ""), std::string("127.0.0.1"));
            }
        }
        // The notebook folder is the remote user's ~/Documents/Berth/NAME, made there; the record says so.
        QCOMPARE(env->workspace, "/root/Documents/Berth/" + env->name);
        QVERIFY(QFileInfo(QString::fromStdString(env->workspace)).isDir());
        QCOMPARE(toJson(*env, false)["machine"].get<std::string>(), std::string("berth-test-remote"));
        const HostGpus there = GpuHost::probeEngineHost(*remote);
        auto rec = Launcher(remote).record(env->id, &there);
        QVERIFY(rec);
        QCOMPARE((*rec)["machine"].get<std::string>(), std::string("berth-test-remote"));
        QCOMPARE((*rec)["engine"]["endpoint"].get<std::string>(), remoteAddress());
        QCOMPARE((*rec)["host"]["driverVersion"].get<std::string>(), std::string("570.86.15")); // the lab's GPUs
        QCOMPARE((*rec)["mounts"][0]["source"].get<std::string>(), env->workspace);

        // Jupyter through the forward: the token proves itself, no token no entry; the token is on no command line.
        QCOMPARE(jupyter(env->hostPort, "/api/status", env->token).status, 200);
        QCOMPARE(jupyter(env->hostPort, "/api/status", "").status, 403);
        QVERIFY(!onSomeCommandLine(env->token));

        // berthctl over the same address: lists it, stops it, refuses nothing that is safe to remove.
        auto ctlEnv = QProcessEnvironment::systemEnvironment();
        ctlEnv.insert("BERTH_SSH_COMMAND", "ssh -F " + sshConfig());
        const QString host = QString::fromStdString(remoteAddress());
        auto ps = test::berthctl({"--host", host, "ps", "-a", "--json"}, 60000, ctlEnv);
        QVERIFY2(ps.exitCode == 0, qPrintable(ps.err));
        QVERIFY(ps.out.contains(QString::fromStdString(env->id)));
        auto stop = test::berthctl({"--host", host, "stop", QString::fromStdString(env->name)}, 60000, ctlEnv);
        QVERIFY2(stop.exitCode == 0, qPrintable(stop.err));
        auto stopped = local->inspectContainer(env->id);
        QVERIFY(stopped && !stopped->state.running);
        auto started = test::berthctl({"--host", host, "start", QString::fromStdString(env->name)}, 120000, ctlEnv);
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        QVERIFY2(started.out.contains("http://127.0.0.1:"), qPrintable(started.out));
        auto rm = test::berthctl({"--host", host, "rm", "-f", QString::fromStdString(env->name)}, 60000, ctlEnv);
        QVERIFY2(rm.exitCode == 0, qPrintable(rm.err));
        QCOMPARE(local->inspectContainer(env->id).error().kind, ErrorKind::NotFound);
        QVERIFY(QFileInfo(QString::fromStdString(env->workspace)).isDir()); // the notebooks stay
        QVERIFY(!onSomeCommandLine(env->token));
    }

    void reopensTheConnectionWhenItDrops()
    {
        auto env = launch("reopen");
        QVERIFY2(env, env ? "" : env.error().message.c_str());
        const pid_t before = transport->connectionPid();
        QVERIFY(before > 0);
        ::kill(before, SIGKILL); // a laptop's network gone, sshd restarted
        std::this_thread::sleep_for(200ms);
        // While the connection is down the notebook's port stays Berth's: nobody else can listen there and receive
        // what the pane sends (the token among it), and a connection to it finds nothing behind.
        {
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in addr{};
            addr.sin_family = AF_INET;
            addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            addr.sin_port = htons(static_cast<std::uint16_t>(env->hostPort));
            const int bound = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
            const int why = errno;
            ::close(fd);
            QVERIFY2(bound != 0 && why == EADDRINUSE, "another program could take the notebook's port");
            QCOMPARE(jupyter(env->hostPort, "/api/status", env->token).status, 0);
        }
        // The next request opens a new connection, with the notebook's forward on the same local port.
        auto again = remote->inspectContainer(env->id);
        QVERIFY2(again, again ? "" : again.error().message.c_str());
        QVERIFY(transport->connectionPid() > 0 && transport->connectionPid() != before);
        QTRY_COMPARE_WITH_TIMEOUT(jupyter(env->hostPort, "/api/status", env->token).status, 200, 10000);
        Launcher l(remote);
        auto described = l.describe(env->id);
        QVERIFY(described);
        QCOMPARE(described->hostPort, env->hostPort);
        QVERIFY(remote->removeContainer(env->id, true));
    }

    void refusesAnUnknownOrChangedHostKeyInSshsWords()
    {
        QTemporaryDir dir;
        // Unknown: known_hosts is empty. ssh would ask; Berth never lets it, nor adds the key.
        const QString unknown = configWithKnownHosts(dir, {});
        auto first = EngineClient(sshTo(unknown)).ping();
        QVERIFY(!first);
        QVERIFY2(first.error().engineMessage.find("Host key verification failed") != std::string::npos,
                 first.error().engineMessage.c_str());
        QVERIFY2(first.error().message.find("host key") != std::string::npos, first.error().message.c_str());
        QCOMPARE(QFileInfo(dir.filePath("known_hosts")).size(), 0);

        // Changed: known_hosts holds another key for the address.
        QTemporaryDir keys;
        QProcess gen;
        gen.start("ssh-keygen", {"-q", "-t", "ed25519", "-N", "", "-f", keys.filePath("other")});
        QVERIFY(gen.waitForFinished(20000) && gen.exitCode() == 0);
        QFile pub(keys.filePath("other.pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        const QList<QByteArray> words = pub.readAll().split(' ');
        QTemporaryDir dir2;
        const QByteArray port = qEnvironmentVariable("BERTH_TEST_SSH_PORT", QStringLiteral("2022")).toUtf8();
        const QString changed =
            configWithKnownHosts(dir2, "[127.0.0.1]:" + port + " " + words[0] + " " + words[1] + "\n");
        auto second = EngineClient(sshTo(changed)).ping();
        QVERIFY(!second);
        QVERIFY2(second.error().engineMessage.find("REMOTE HOST IDENTIFICATION HAS CHANGED") != std::string::npos,
                 second.error().engineMessage.c_str());
        QVERIFY2(second.error().message.find("never decides that for you") != std::string::npos,
                 second.error().message.c_str());
    }

    void gpuVerdictsHoldForTheRemotesGpus()
    {
        // The remote's nvidia-smi answers: two GPUs, driver 570; this machine has none.
        const HostGpus there = GpuHost::probeEngineHost(*remote);
        QCOMPARE(there.machine, std::string("berth-test-remote"));
        QCOMPARE(there.driverVersion, std::string("570.86.15"));
        QCOMPARE(there.gpus.size(), std::size_t(2));
        QVERIFY(!GpuHost::probeEngineHost(*local).hasNvidiaDriver());

        // An image needing CUDA 12.2 fits that driver; what stops it there is the engine (no toolkit), looked
        // for on that machine, not "no GPU" as here.
        const std::string image = "nvidia/cuda:12.2.0-base-ubuntu22.04";
        auto v = Compat::checkBeforePull(*remote, image, there);
        QVERIFY(v);
        QCOMPARE(int(v->reason), int(Verdict::Reason::EngineCannotPassGpus));
        auto here = Compat::checkBeforePull(*local, image, GpuHost::probeEngineHost(*local));
        QVERIFY(here);
        QCOMPARE(int(here->reason), int(Verdict::Reason::NoGpu));
        const auto support = EngineGpuSupport::detect(*remote);
        QCOMPARE(support.machine, std::string("berth-test-remote"));
        QVERIFY(!support.remote);
    }

    void typedFoldersAreTheRemotesOwn()
    {
        // As the launch form and berthctl give them: paths there, ~ the home there, never judged on this machine.
        const std::string dir = "berth-t-typed-" + test::runLabelValue();
        LaunchChoices c;
        c.image = "berth-test/notebook:6";
        c.name = test::uniqueName("typed");
        c.mounts = {"~/" + dir + ":/data,create"};
        c.foldersHere = false;
        auto spec = buildLaunchSpec(c);
        QVERIFY2(spec, spec ? "" : spec.error().message.c_str());
        QCOMPARE(spec->mounts.at(0).source, "~/" + dir);
        LaunchOptions o;
        o.readyTimeout = 120s;
        auto env = Launcher(remote, o).launch(*spec);
        QVERIFY2(env, env ? "" : env.error().message.c_str());
        folders.push_back("/root/" + dir);
        folders.push_back(env->workspace);
        auto d = local->inspectContainer(env->id);
        QVERIFY(d);
        bool mounted = false;
        for (const auto& m : d->raw["Mounts"]) {
            mounted = mounted || (m.value("Source", "") == "/root/" + dir && m.value("Destination", "") == "/data");
        }
        QVERIFY(mounted);
        QVERIFY(remote->removeContainer(env->id, true));
        // A relative path means nothing on another machine.
        c.mounts = {"data:/data"};
        QVERIFY(!buildLaunchSpec(c));
    }

    void aLinkThereCannotForgeItsResolvedPath()
    {
        // A link on the engine's machine whose target holds a line break and a made-up answer is refused, never
        // read as the folder it names.
        const std::string link = "/tmp/berth-t-forge-" + test::runLabelValue();
        std::filesystem::remove(link);
        std::filesystem::create_symlink("/tmp/x\nberth-resolved:dir:/root/Documents", link);
        LaunchSpec spec;
        spec.image = "berth-test/notebook:6";
        spec.name = test::uniqueName("forge");
        spec.mounts.push_back({link, "/data", false, false});
        auto refused = Launcher(remote).launch(spec);
        std::filesystem::remove(link);
        QVERIFY(!refused);
        QCOMPARE(local->listContainers(true, {{"name", {spec.name}}})->size(), std::size_t(0));
    }

    void refusesTheRemotesDangerousFoldersAndUnquotableNames()
    {
        LaunchSpec spec;
        spec.image = "berth-test/notebook:6";
        spec.name = test::uniqueName("danger");
        spec.mounts.push_back({"/root/.ssh", "/mnt/ssh", true, false});
        Launcher l(remote);
        auto refused = l.launch(spec);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.find("on berth-test-remote") != std::string::npos,
                 refused.error().message.c_str());
        // A name that no login shell would read alike is never handed to one.
        auto odd = transport->run({"ls", "/tmp/a'b"}, 10s);
        QVERIFY(!odd);
        QCOMPARE(odd.error().kind, ErrorKind::BadInput);
        auto line = transport->run({"ls", "/tmp/a\nb"}, 10s);
        QVERIFY(!line);
        QCOMPARE(local->listContainers(true, {{"name", {spec.name}}})->size(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestRemote)
#include "TestRemote.moc"
