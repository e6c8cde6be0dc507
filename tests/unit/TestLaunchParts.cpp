// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// The parts of a launch against recorded-style answers, with no engine and no Jupyter: the removal guard, the
// stop grace, readiness (GET /api, then the token; an image's own token from its log), the early-exit errors,
// the one-request environment list and the spec builder.
#include "FakeTransport.h"

#include "berth/core/launch/DiskSpace.h"
#include "berth/core/launch/Environment.h"
#include "berth/core/launch/Launcher.h"
#include "berth/core/launch/OpenFile.h"
#include "berth/core/launch/Readiness.h"
#include "berth/core/launch/RemovalGuard.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <sys/utsname.h>
#include <unistd.h>

using namespace berth::core;
using berth::test::FakeTransport;
using nlohmann::json;

namespace {

const std::string kId = std::string(64, 'c');

json container(const std::string& name, bool running, json labels = json::object(),
               std::vector<std::string> env = {}, int hostPort = 0)
{
    json ports = json::object();
    if (hostPort) {
        ports["8888/tcp"] = json::array({{{"HostIp", "127.0.0.1"}, {"HostPort", std::to_string(hostPort)}}});
    }
    return {{"Id", kId},
            {"Name", "/" + name},
            {"Image", "sha256:" + std::string(64, 'a')},
            {"State", {{"Status", running ? "running" : "exited"}, {"Running", running}, {"ExitCode", 0}}},
            {"Config", {{"Image", "berth-test/notebook:6"}, {"Env", env}, {"Labels", labels}, {"Tty", false}}},
            {"NetworkSettings", {{"Ports", ports}}},
            {"HostConfig", json::object()},
            {"Mounts", json::array()}};
}

json environmentLabels(const std::string& name)
{
    return {{labels::kEnvironment, name},
            {labels::kPort, "8888/tcp"},
            {labels::kNotebookRoot, "/tf"},
            {labels::kWorkspace, "/home/ada/Documents/Berth/" + name},
            {labels::kWorkspaceTarget, "/tf"}};
}

/// /info as this machine's own engine answers it: its host name and kernel.
std::string thisHostInfo()
{
    char host[256] = {0};
    ::gethostname(host, sizeof host - 1);
    utsname uts{};
    ::uname(&uts);
    return json({{"Name", host}, {"KernelVersion", uts.release}, {"OperatingSystem", "Debian GNU/Linux 12"}}).dump();
}

/// One frame of the engine's multiplexed log stream (stdout).
std::string logFrame(const std::string& text)
{
    std::string f = {1, 0, 0, 0};
    const auto n = static_cast<std::uint32_t>(text.size());
    f += static_cast<char>(n >> 24);
    f += static_cast<char>((n >> 16) & 0xff);
    f += static_cast<char>((n >> 8) & 0xff);
    f += static_cast<char>(n & 0xff);
    return f + text;
}

std::string header(const HttpRequest& r, const std::string& name)
{
    for (const auto& [k, v] : r.headers) {
        if (k == name) {
            return v;
        }
    }
    return {};
}

} // namespace

class TestLaunchParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void removalGuardRefusesWithTheFilesAndAdviceThatFits()
    {
        auto fake = std::make_shared<FakeTransport>();
        const json c = container("ada", false, environmentLabels("ada"));
        fake->expect("GET", "/containers/ada/json", FakeTransport::ok(c.dump()));
        fake->expect("GET", "/containers/" + kId + "/json", FakeTransport::ok(c.dump()));
        fake->expect("GET", "/containers/" + kId + "/changes",
                     FakeTransport::ok(R"([{"Path":"/root","Kind":0},{"Path":"/root/run","Kind":1},)"
                                       R"({"Path":"/root/run/model.ipynb","Kind":1},{"Path":"/tmp/x","Kind":1}])"));
        EngineClient engine(fake);
        auto r = removeUnlessFilesLost(engine, "ada", false);
        QVERIFY(!r.ok());
        const Error& e = r.error();
        QCOMPARE(e.kind, ErrorKind::Conflict);
        QCOMPARE(e.files, std::vector<std::string>{"/root/run/model.ipynb"});
        QCOMPARE(e.message, std::string("Removing ada would lose 1 file(s) written inside it, outside its mounts."));
        // The advice names this environment's notebook folder, inside and on the host, and where to copy from.
        QCOMPARE(e.remedies.size(), std::size_t(3));
        QCOMPARE(e.remedies[0], (Remedy{RemedyKind::MoveToNotebookFolder, {"/tf", "/home/ada/Documents/Berth/ada"}}));
        QCOMPARE(e.remedies[1], (Remedy{RemedyKind::CopyFilesOut, {"ada", "/root/run"}}));
        QCOMPARE(e.remedies[2].kind, RemedyKind::RemoveAnyway);
        // Nothing was removed.
        for (const auto& t : fake->targets()) {
            QVERIFY2(!t.starts_with("DELETE"), t.c_str());
        }
    }

    void removalGuardRemovesWhenNothingIsLostOrWhenForced()
    {
        auto fake = std::make_shared<FakeTransport>();
        const json c = container("plain", false);
        fake->expect("GET", "/containers/plain/json", FakeTransport::ok(c.dump()));
        fake->expect("GET", "/containers/" + kId + "/json", FakeTransport::ok(c.dump()));
        fake->expect("GET", "/containers/" + kId + "/changes", FakeTransport::ok("null"));
        fake->expect("DELETE", "/containers/" + kId + "?force=0", FakeTransport::ok("", 204));
        EngineClient engine(fake);
        auto r = removeUnlessFilesLost(engine, "plain", false);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r->name, std::string("plain"));
        QCOMPARE(fake->pending(), std::size_t(0));

        // A running one: the engine refuses; the error names it (not its id) and says to stop it.
        fake->expect("GET", "/containers/plain/json", FakeTransport::ok(container("plain", true).dump()));
        fake->expect("GET", "/containers/" + kId + "/json", FakeTransport::ok(container("plain", true).dump()));
        fake->expect("GET", "/containers/" + kId + "/changes", FakeTransport::ok("[]"));
        fake->expect("DELETE", "/containers/" + kId, berth::test::errorFixture("error-409-name.txt"));
        auto running = removeUnlessFilesLost(engine, "plain", false);
        QVERIFY(!running.ok());
        QCOMPARE(running.error().message, std::string("Container plain is running."));
        QCOMPARE(running.error().remedies, (std::vector<Remedy>{{RemedyKind::StopContainer, {"plain"}}}));

        // Forced: files or not, removed (anonymous volumes are never removed: v=0).
        fake->expect("GET", "/containers/plain/json", FakeTransport::ok(c.dump()));
        fake->expect("GET", "/containers/" + kId + "/json", FakeTransport::ok(c.dump()));
        fake->expect("GET", "/containers/" + kId + "/changes", FakeTransport::ok(R"([{"Path":"/work/a.ipynb","Kind":1}])"));
        fake->expect("DELETE", "/containers/" + kId + "?force=1&v=0", FakeTransport::ok("", 204));
        QVERIFY(removeUnlessFilesLost(engine, "plain", true).ok());
        QCOMPARE(fake->pending(), std::size_t(0));
    }

    void theRoomForImagesIsMeasuredOnlyForAnEngineHere()
    {
        // A folder that is there: its free and total space, as statvfs has them.
        QTemporaryDir dir;
        auto space = diskSpaceAt(dir.path().toStdString());
        QVERIFY(space);
        QVERIFY(space->totalBytes > 0 && space->freeBytes <= space->totalBytes);
        QVERIFY(describe(*space).find(" free of ") != std::string::npos);
        QVERIFY(describe(*space).find(" at " + dir.path().toStdString()) != std::string::npos);
        // Nothing for what cannot be measured: no folder, a relative path, none at all.
        QVERIFY(!diskSpaceAt(dir.path().toStdString() + "/missing"));
        QVERIFY(!diskSpaceAt("var/lib/docker"));
        QVERIFY(!diskSpaceAt(""));
        // The engine's image store, when the engine that answered runs on this machine; never another's.
        char host[256] = {0};
        ::gethostname(host, sizeof host - 1);
        utsname uts{};
        ::uname(&uts);
        auto info = EngineInfo::fromJson(
            {{"Name", host}, {"KernelVersion", uts.release}, {"DockerRootDir", dir.path().toStdString()}});
        QVERIFY(imageStoreSpace(info));
        QCOMPARE(imageStoreSpace(info)->path, dir.path().toStdString());
        info = EngineInfo::fromJson(
            {{"Name", "gpu-server"}, {"KernelVersion", uts.release}, {"DockerRootDir", dir.path().toStdString()}});
        QVERIFY(!imageStoreSpace(info));
        // A pull may not fit when twice its download is more than is free.
        DiskSpace d{"/var/lib/docker", 10'000, 100'000};
        QVERIFY(!pullMayNotFit(0, d));
        QVERIFY(!pullMayNotFit(5'000, d));
        QVERIFY(pullMayNotFit(5'001, d));
        QVERIFY(pullMayNotFit(std::int64_t{1} << 40, d));
    }

    void aNotebookFileIsFoundInItsEnvironmentsTree()
    {
        EnvironmentInfo home; // docker-stacks' shape: notebooks in the home, the folder at <home>/work
        home.id = "a";
        home.workspace = "/home/ann/course";
        home.notebookRoot = "/home/jovyan";
        home.workspaceTarget = "/home/jovyan/work";
        home.state = EnvironmentState::Exited;
        EnvironmentInfo plain; // the folder is the notebook root
        plain.id = "b";
        plain.workspace = "/home/ann/course/week1";
        plain.notebookRoot = "/tf";
        plain.workspaceTarget = "/tf";
        plain.state = EnvironmentState::Exited;
        auto f = environmentForFile({home, plain}, "/home/ann/course/week1/Intro to ML.ipynb");
        QVERIFY(f);
        QCOMPARE(f->environment.id, std::string("b")); // the deepest folder, when both are stopped
        QCOMPARE(f->treePath, std::string("Intro to ML.ipynb"));
        home.state = EnvironmentState::Running; // a running one comes first
        f = environmentForFile({home, plain}, "/home/ann/course/week1/Intro to ML.ipynb");
        QCOMPARE(f->environment.id, std::string("a"));
        QCOMPARE(f->treePath, std::string("work/week1/Intro to ML.ipynb"));
        // Not inside: a sibling with the same prefix, another folder, none at all.
        QVERIFY(!environmentForFile({home, plain}, "/home/ann/course2/x.ipynb"));
        QVERIFY(!environmentForFile({home, plain}, "/tmp/x.ipynb"));
        EnvironmentInfo none;
        QVERIFY(!environmentForFile({none}, "/x.ipynb"));
        // Mounted outside what Jupyter shows: not offered.
        EnvironmentInfo outside = plain;
        outside.notebookRoot = "/notebooks";
        outside.workspaceTarget = "/data";
        QVERIFY(!environmentForFile({outside}, "/home/ann/course/week1/a.ipynb"));
        // The address: the classic server's /notebooks, jupyter_server's /lab/tree; segments encoded, no ..
        QCOMPARE(notebookUrlPath("6.4.12", "work/week1/Intro to ML.ipynb"),
                 std::string("/notebooks/work/week1/Intro%20to%20ML.ipynb"));
        QCOMPARE(notebookUrlPath("2.14.2", "a/b#c?.ipynb"), std::string("/lab/tree/a/b%23c%3F.ipynb"));
        QCOMPARE(notebookUrlPath("6.4.12", "../../etc/passwd"), std::string("/notebooks/etc/passwd"));
        QCOMPARE(notebookUrlPath("6.4.12", ""), std::string("/"));
        // One form for the page's address and the kernel's session alike.
        QCOMPARE(normalTreePath("week1/./../a b//c.ipynb"), std::string("week1/a b/c.ipynb"));
        QCOMPARE(encodeTreePath("week1/../a b/c.ipynb"), std::string("week1/a%20b/c.ipynb"));
        QCOMPARE(splitOpenTarget("course/week1/a.ipynb"),
                 std::make_pair(std::string("course"), std::string("week1/a.ipynb")));
        QCOMPARE(splitOpenTarget("course"), std::make_pair(std::string("course"), std::string()));
    }

    void stopGraceIsLongerForEnvironments()
    {
        ContainerDetails env = ContainerDetails::fromJson(container("e", true, environmentLabels("e")));
        ContainerDetails other = ContainerDetails::fromJson(container("o", true));
        QCOMPARE(defaultStopGrace(env), 30);
        QCOMPARE(defaultStopGrace(other), 10);
    }

    void readinessAsksApiThenProvesTheToken()
    {
        auto fake = std::make_shared<FakeTransport>();
        const json c = container("nb", true, environmentLabels("nb"), {"JUPYTER_TOKEN=t0ken"}, 49153);
        fake->expect("GET", "/containers/nb/json", FakeTransport::ok(c.dump()));
        fake->expect("GET", "/info", FakeTransport::ok(thisHostInfo()));
        auto jupyter = std::make_shared<FakeTransport>();
        jupyter->expect("GET", "/api/status", FakeTransport::ok("{}"));
        jupyter->expect("GET", "/api", FakeTransport::ok(R"({"version":"2.14.0"})"));
        std::string askedHost;
        int askedPort = 0;
        Readiness readiness(std::make_shared<EngineClient>(fake), [&](const std::string& host, int port) {
            askedHost = host;
            askedPort = port;
            return jupyter;
        });
        auto env = readiness.describe("nb");
        QVERIFY2(env.ok(), env.ok() ? "" : env.error().message.c_str());
        QVERIFY(env->ready);
        QCOMPARE(env->jupyterVersion, std::string("2.14.0"));
        QCOMPARE(env->tokenSource, TokenSource::Berth);
        QCOMPARE(env->url, std::string("http://127.0.0.1:49153/"));
        QCOMPARE(askedHost, std::string("127.0.0.1"));
        QCOMPARE(askedPort, 49153);
        const auto asked = jupyter->requests();
        QCOMPARE(asked.size(), std::size_t(2));
        QCOMPARE(asked[0].target, std::string("/api")); // no token needed to learn that Jupyter listens
        QVERIFY(header(asked[0], "Authorization").empty());
        QCOMPARE(asked[1].target, std::string("/api/status"));
        QCOMPARE(header(asked[1], "Authorization"), std::string("token t0ken"));
    }

    void readinessSendsNoTokenWhereNothingListens()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->expect("GET", "/containers/nb/json",
                     FakeTransport::ok(container("nb", true, environmentLabels("nb"), {"JUPYTER_TOKEN=t0ken"}, 49153).dump()));
        fake->expect("GET", "/info", FakeTransport::ok(thisHostInfo()));
        auto jupyter = std::make_shared<FakeTransport>();
        jupyter->expectConnectFailure("GET", "/api");
        Readiness readiness(std::make_shared<EngineClient>(fake), [&](const std::string&, int) { return jupyter; });
        auto env = readiness.describe("nb");
        QVERIFY(env.ok());
        QVERIFY(!env->ready);
        QCOMPARE(jupyter->requests().size(), std::size_t(1)); // /api only
    }

    void anImagesOwnTokenIsReadFromItsLog()
    {
        auto fake = std::make_shared<FakeTransport>();
        const json c = container("own", true, environmentLabels("own"), {"JUPYTER_TOKEN=ignored"}, 49154);
        fake->expect("GET", "/containers/own/json", FakeTransport::ok(c.dump()));
        fake->expect("GET", "/info", FakeTransport::ok(thisHostInfo()));
        // `jupyter server list` and `jupyter notebook list` cannot run in this image...
        fake->expect("POST", "/containers/" + kId + "/exec", berth::test::errorFixture("error-404-container.txt"));
        fake->expect("POST", "/containers/" + kId + "/exec", berth::test::errorFixture("error-404-container.txt"));
        // ...so the log's "?token=" line tells.
        fake->expect("GET", "/containers/" + kId + "/json", FakeTransport::ok(c.dump()));
        fake->expect("GET", "/containers/" + kId + "/logs",
                     FakeTransport::ok(logFrame("[I] Jupyter Server is running at:\n") +
                                       logFrame("[I] http://127.0.0.1:8888/tree?token=abc123def456\n")));
        auto jupyter = std::make_shared<FakeTransport>();
        jupyter->expect("GET", "/api/status", FakeTransport::ok("{}", 403));
        jupyter->expect("GET", "/api/status", FakeTransport::ok("{}"));
        jupyter->expect("GET", "/api", FakeTransport::ok(R"({"version":"6.4.12"})"));
        Readiness readiness(std::make_shared<EngineClient>(fake), [&](const std::string&, int) { return jupyter; });
        auto env = readiness.describe("own");
        QVERIFY2(env.ok(), env.ok() ? "" : env.error().message.c_str());
        QVERIFY(env->ready);
        QCOMPARE(env->token, std::string("abc123def456"));
        QCOMPARE(env->tokenSource, TokenSource::Log);
        const auto asked = jupyter->requests();
        QCOMPARE(header(asked.back(), "Authorization"), std::string("token abc123def456"));
    }

    void anEnvironmentThatRanOutOfMemorySaysSoWithItsLastLines()
    {
        auto fake = std::make_shared<FakeTransport>();
        json c = container("oom", false, environmentLabels("oom"), {"JUPYTER_TOKEN=5ec7e75ec7e75ec7e75ec7e7"});
        c["State"] = {{"Status", "exited"}, {"Running", false}, {"ExitCode", 137}, {"OOMKilled", true}};
        c["HostConfig"] = {{"Memory", 24 * 1024 * 1024}};
        fake->expect("GET", "/info", FakeTransport::ok(thisHostInfo()));
        fake->expect("GET", "/containers/oom/json", FakeTransport::ok(c.dump()));
        fake->expect("GET", "/containers/" + kId + "/json", FakeTransport::ok(c.dump()));
        fake->expect("GET", "/containers/" + kId + "/logs",
                     FakeTransport::ok(logFrame("loading a model with token 5ec7e75ec7e75ec7e75ec7e7\nKilled\n")));
        Readiness readiness(std::make_shared<EngineClient>(fake), [](const std::string&, int) {
            return std::make_shared<FakeTransport>();
        });
        auto r = readiness.waitReady("oom", std::chrono::seconds(5));
        QVERIFY(!r.ok());
        const Error& e = r.error();
        QCOMPARE(e.message, std::string("The environment oom ran out of memory (its cap is 24 MiB) and was stopped."));
        QCOMPARE(e.remedies, (std::vector<Remedy>{{RemedyKind::RaiseMemory, {"24 MiB"}}}));
        QCOMPARE(e.logLines.size(), std::size_t(2));
        QVERIFY(e.logLines[0].find("5ec7e75ec7e7") == std::string::npos); // the token is hidden in what is shown
        QCOMPARE(e.logLines[1], std::string("Killed"));
    }

    void theEnvironmentListIsOneRequest()
    {
        auto fake = std::make_shared<FakeTransport>();
        const json list = json::array(
            {{{"Id", kId},
              {"Names", {"/ada"}},
              {"Image", "berth-test/notebook:6"},
              {"State", "running"},
              {"Status", "Up 3 minutes"},
              {"Ports",
               {{{"IP", "127.0.0.1"}, {"PrivatePort", 8888}, {"PublicPort", 49160}, {"Type", "tcp"}},
                {{"IP", "0.0.0.0"}, {"PrivatePort", 8888}, {"PublicPort", 49161}, {"Type", "tcp"}}}},
              {"Labels", environmentLabels("ada")}},
             {{"Id", std::string(64, 'd')},
              {"Names", {"/bob"}},
              {"Image", "x"},
              {"State", "exited"},
              {"Labels", environmentLabels("bob")}},
             {{"Id", std::string(64, 'e')}, {"Names", {"/not-berths"}}, {"State", "running"}, {"Labels", json::object()}}});
        fake->expect("GET", "/containers/json?all=1", FakeTransport::ok(list.dump()));
        EngineClient engine(fake);
        auto envs = listEnvironments(engine);
        QVERIFY2(envs.ok(), envs.ok() ? "" : envs.error().message.c_str());
        QCOMPARE(fake->targets().size(), std::size_t(1));
        QVERIFY2(fake->targets().front().find("berth.env") != std::string::npos, fake->targets().front().c_str());
        QCOMPARE(envs->size(), std::size_t(2)); // a container without berth.env is not an environment
        const auto& ada = envs->at(0);
        QCOMPARE(ada.name, std::string("ada"));
        QCOMPARE(ada.state, EnvironmentState::Running);
        QCOMPARE(ada.hostPort, 49160); // the loopback binding, never another address's
        QCOMPARE(ada.url, std::string("http://127.0.0.1:49160/"));
        QCOMPARE(ada.workspace, std::string("/home/ada/Documents/Berth/ada"));
        QVERIFY(!ada.ready && ada.token.empty());
        QCOMPARE(envs->at(1).state, EnvironmentState::Exited);
        QVERIFY(envs->at(1).url.empty());
        QCOMPARE(environmentStateFrom("stopped"), EnvironmentState::Exited); // Podman's word
        QCOMPARE(environmentStateFrom("something-new"), EnvironmentState::Unknown);
    }

    void theSpecBuilderNamesTheWrongChoice_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("field");
        QTest::newRow("memory") << "memory=lots" << "memory";
        QTest::newRow("tiny memory") << "memory=1k" << "memory";
        QTest::newRow("shm") << "shm=0" << "shm-size";
        QTest::newRow("cpus") << "cpus=0.001" << "cpus";
        QTest::newRow("gpus") << "gpus=some" << "gpus";
        QTest::newRow("port") << "port=70000" << "port";
        QTest::newRow("env") << "env=1X=2" << "env";
        QTest::newRow("token env") << "env=JUPYTER_TOKEN=x" << "env";
        QTest::newRow("mount") << "mount=nocolon" << "mount";
        QTest::newRow("mount over /etc") << "mount=/tmp/berth-spec-test:/etc" << "mount";
        QTest::newRow("name") << "name=-bad" << "name";
        QTest::newRow("image") << "image=two words" << "image";
    }

    void theSpecBuilderNamesTheWrongChoice()
    {
        QFETCH(QString, what);
        QFETCH(QString, field);
        LaunchChoices c;
        c.image = "berth-test/notebook:6";
        c.noWorkspace = true;
        const std::string key = what.section('=', 0, 0).toStdString(), value = what.section('=', 1).toStdString();
        if (key == "memory") c.memory = value;
        if (key == "shm") c.shmSize = value;
        if (key == "cpus") c.cpus = value;
        if (key == "gpus") c.gpus = value;
        if (key == "port") c.port = value;
        if (key == "env") c.env = {value};
        if (key == "mount") c.mounts = {value};
        if (key == "name") c.name = value;
        if (key == "image") c.image = value;
        auto spec = buildLaunchSpec(c);
        QVERIFY(!spec.ok());
        QCOMPARE(spec.error().kind, ErrorKind::BadInput);
        QCOMPARE(QString::fromStdString(spec.error().field), field);
        QVERIFY(spec.error().message.find("--") == std::string::npos); // words of no front end
    }

    void theSpecBuilderTurnsChoicesIntoASpec()
    {
        QTemporaryDir home;
        const std::string base = home.path().toStdString();
        QVERIFY(QDir().mkpath(home.path() + "/data"));
        LaunchChoices c;
        c.image = "berth-test/notebook:6";
        c.name = "ada";
        c.mounts = {"data:/data:ro"};
        c.env = {"A=1", "B=x=y"};
        c.memory = "2g";
        c.shmSize = "512m";
        c.cpus = "1.5";
        c.gpus = "device=0,1";
        c.port = "8899";
        c.workspace = "notebooks";
        c.baseDir = base;
        auto spec = buildLaunchSpec(c);
        QVERIFY2(spec.ok(), spec.ok() ? "" : spec.error().message.c_str());
        QCOMPARE(spec->mounts.size(), std::size_t(1));
        QCOMPARE(spec->mounts[0].source, base + "/data"); // relative to where the choices were made
        QVERIFY(spec->mounts[0].readOnly);
        QCOMPARE(spec->env[1], (std::pair<std::string, std::string>{"B", "x=y"}));
        QCOMPARE(*spec->memory, std::int64_t(2) << 30);
        QCOMPARE(*spec->shmSize, std::int64_t(512) << 20);
        QCOMPARE(*spec->nanoCpus, std::int64_t(1'500'000'000));
        QCOMPARE(spec->gpus.mode, GpuRequest::Mode::Devices);
        QCOMPARE(spec->gpus.deviceIds, (std::vector<std::string>{"0", "1"}));
        QCOMPARE(spec->hostPort, 8899);
        QCOMPARE(spec->workspace, base + "/notebooks");
        QCOMPARE(*parseReadyTimeout("90"), std::chrono::seconds(90));
        QCOMPARE(parseReadyTimeout("0").error().field, std::string("timeout"));
        QVERIFY(!parseReadyTimeout("1e3").ok());
    }
};

QTEST_GUILESS_MAIN(TestLaunchParts)
#include "TestLaunchParts.moc"
