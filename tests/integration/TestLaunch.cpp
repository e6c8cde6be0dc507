// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// One-click Jupyter on the real engine with the real Jupyter images: launch, token, caps, files, safe rm.
#include "LiveEngine.h"
#include "cli/Wording.h"

#include "berth/core/engine/CurlTransport.h"
#include "berth/core/launch/Launcher.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <future>
#include <set>

using namespace berth;
using namespace berth::core;
using namespace std::chrono_literals;

namespace {
/// An HTTP request to a published Jupyter, with or without its token.
HttpResponse jupyter(int port, const std::string& method, const std::string& path, const std::string& token,
                     const std::string& body = {})
{
    Endpoint ep;
    ep.scheme = Endpoint::Scheme::Tcp;
    ep.host = "127.0.0.1";
    ep.port = port;
    CurlTransport t(ep);
    HttpRequest req;
    req.method = method;
    req.target = path;
    req.body = body;
    if (!token.empty()) {
        req.headers.emplace_back("Authorization", "token " + token);
    }
    if (!body.empty()) {
        req.headers.emplace_back("Content-Type", "application/json");
    }
    auto r = t.send(req);
    return r ? *r : HttpResponse{};
}

const std::string kNotebook = R"({"type":"notebook","content":{"cells":[],"metadata":{},"nbformat":4,"nbformat_minor":5}})";
} // namespace

class TestLaunch : public QObject
{
    Q_OBJECT

    std::shared_ptr<EngineClient> engine = test::liveEngine();
    QTemporaryDir home;

    LaunchOptions options(std::chrono::seconds timeout = 120s)
    {
        LaunchOptions o;
        o.workspaceRoot = (home.path() + "/Documents/Berth").toStdString();
        o.readyTimeout = timeout;
        return o;
    }

    Result<EnvironmentInfo> launch(const std::string& image, const char* what, LaunchSpec spec = {},
                                   std::chrono::seconds timeout = 120s)
    {
        spec.image = image;
        spec.name = test::uniqueName(what);
        Launcher l(engine, options(timeout));
        return l.launch(spec);
    }

    QProcessEnvironment cliEnv() const
    {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("HOME", home.path());
        env.remove("XDG_CONFIG_HOME");
        return env;
    }

private Q_SLOTS:
    void cleanupTestCase() { test::removeNamed(*engine); }

    void launchesAndOnlyTheTokenOpensIt()
    {
        auto env = launch("berth-test/notebook:6", "basic");
        QVERIFY2(env.ok(), env.ok() ? "" : env.error().message.c_str());
        QVERIFY(env->ready);
        QCOMPARE(std::string(toString(env->tokenSource)), std::string("env"));
        QVERIFY(env->token.size() >= 32); // at least 128 bits, as hex
        QVERIFY(env->url.starts_with("http://127.0.0.1:"));
        QVERIFY(env->url.find(env->token) == std::string::npos);
        QCOMPARE(env->jupyterVersion, std::string("6.4.12"));
        QCOMPARE(jupyter(env->hostPort, "GET", "/api/status", env->token).status, 200);
        QCOMPARE(jupyter(env->hostPort, "GET", "/api/status", "").status, 403);
        QCOMPARE(jupyter(env->hostPort, "GET", "/api/status", "wrong" + env->token).status, 403);

        auto d = engine->inspectContainer(env->id);
        QVERIFY(d.ok());
        // Published on loopback only, and the token is nowhere on a command line.
        const auto& bindings = d->raw["HostConfig"]["PortBindings"]["8888/tcp"];
        QCOMPARE(bindings.size(), std::size_t(1));
        QCOMPARE(bindings[0]["HostIp"].get<std::string>(), std::string("127.0.0.1"));
        QVERIFY(d->raw["Args"].dump().find(env->token) == std::string::npos);
        QVERIFY(d->raw["Path"].dump().find(env->token) == std::string::npos);
        auto ps = engine->exec(env->id, {"sh", "-c", "cat /proc/[0-9]*/cmdline | tr '\\0' ' '"});
        QVERIFY(ps.ok());
        QVERIFY(ps->out.find("jupyter") != std::string::npos);
        QVERIFY(ps->out.find(env->token) == std::string::npos);
        QCOMPARE(d->labels.at("berth.env"), env->name);
        QCOMPARE(d->labels.at("berth.token-source"), std::string("env"));
        // Two launches never share a token.
        auto other = launch("berth-test/notebook:6", "basic2");
        QVERIFY(other.ok());
        QVERIFY(other->token != env->token);
    }

    void capsShowInInspectAndInTheCgroup()
    {
        LaunchSpec spec;
        spec.memory = 512LL << 20;
        spec.nanoCpus = 500000000;
        spec.shmSize = 256LL << 20;
        auto env = launch("berth-test/notebook:6", "caps", spec);
        QVERIFY2(env.ok(), env.ok() ? "" : env.error().message.c_str());
        auto d = engine->inspectContainer(env->id);
        const auto& hc = d->raw["HostConfig"];
        QCOMPARE(hc["Memory"].get<std::int64_t>(), 512LL << 20);
        QCOMPARE(hc["NanoCpus"].get<std::int64_t>(), 500000000LL);
        QCOMPARE(hc["ShmSize"].get<std::int64_t>(), 256LL << 20);
        QCOMPARE(hc["Init"].get<bool>(), true);
        // Inside: the cgroup limits (v1 or v2) and the size of /dev/shm.
        auto r = engine->exec(env->id, {"sh", "-c",
                                        "cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes;"
                                        "cat /sys/fs/cgroup/cpu.max 2>/dev/null || echo $(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us) $(cat /sys/fs/cgroup/cpu/cpu.cfs_period_us);"
                                        "df -k /dev/shm | tail -1"});
        QVERIFY(r.ok());
        const QStringList lines = QString::fromStdString(r->out).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QStringLiteral("536870912"));
        QCOMPARE(lines.value(1), QStringLiteral("50000 100000"));
        QCOMPARE(lines.value(2).simplified().split(' ').value(1), QStringLiteral("262144"));
    }

    void sharedMemoryDefaultsFarAbove64MB()
    {
        auto env = launch("berth-test/notebook:6", "shm");
        QVERIFY(env.ok());
        auto d = engine->inspectContainer(env->id);
        QCOMPARE(d->raw["HostConfig"]["ShmSize"].get<std::int64_t>(), 1LL << 30);
    }

    void notebookWrittenThroughJupyterSurvivesRmAndRelaunch()
    {
        LaunchSpec spec;
        spec.name = test::uniqueName("keep");
        spec.image = "berth-test/notebook:6";
        Launcher l(engine, options());
        auto env = l.launch(spec);
        QVERIFY2(env.ok(), env.ok() ? "" : env.error().message.c_str());
        QCOMPARE(env->workspaceTarget, std::string("/root/work"));
        QCOMPARE(jupyter(env->hostPort, "PUT", "/api/contents/work/analysis.ipynb", env->token, kNotebook).status, 201);
        QVERIFY(QFile::exists(QString::fromStdString(env->workspace + "/analysis.ipynb")));
        QVERIFY(engine->stopContainer(env->id, 30).ok());
        auto risky = l.filesAtRisk(env->id);
        QVERIFY(risky.ok());
        QVERIFY2(risky->empty(), risky->empty() ? "" : risky->front().c_str()); // all of it is in the mount
        QVERIFY(engine->removeContainer(env->id).ok());

        auto again = l.launch(spec); // same name: same folder
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().message.c_str());
        QVERIFY(again->token != env->token);
        auto got = jupyter(again->hostPort, "GET", "/api/contents/work/analysis.ipynb", again->token);
        QCOMPARE(got.status, 200);
        QVERIFY(got.body.find("\"nbformat\": 4") != std::string::npos || got.body.find("\"nbformat\":4") != std::string::npos);
    }

    void rmRefusesWhenNotebooksWouldBeLost()
    {
        const std::string name = test::uniqueName("risky");
        auto env = launch("berth-test/notebook:6", "risky");
        QVERIFY(env.ok());
        QCOMPARE(jupyter(env->hostPort, "PUT", "/api/contents/Unsaved.ipynb", env->token, kNotebook).status, 201);
        QCOMPARE(jupyter(env->hostPort, "PUT", "/api/contents/work/Safe.ipynb", env->token, kNotebook).status, 201);
        auto r = test::berthctl({"rm", QString::fromStdString(env->name)}, 60000, cliEnv());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("would lose 1 file(s)"), qPrintable(r.err));
        QVERIFY(r.err.contains("/root/Unsaved.ipynb"));
        QVERIFY(!r.err.contains("Safe.ipynb"));
        QVERIFY(r.err.contains("--force"));
        QVERIFY(engine->inspectContainer(env->id).ok()); // nothing was removed
        r = test::berthctl({"--json", "rm", QString::fromStdString(env->name)}, 60000, cliEnv());
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()["error"].toObject()["files"].toArray().first().toString(),
                 QStringLiteral("/root/Unsaved.ipynb"));
        r = test::berthctl({"rm", "--force", QString::fromStdString(env->name)}, 60000, cliEnv());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(engine->inspectContainer(env->id).error().kind, ErrorKind::NotFound);
    }

    void tenLaunchesAtOnceDoNotCollide()
    {
        std::vector<std::future<Result<EnvironmentInfo>>> jobs;
        for (int i = 0; i < 10; ++i) {
            jobs.push_back(std::async(std::launch::async, [this, i] {
                return launch("berth-test/notebook:6", ("ten" + std::to_string(i)).c_str(), {}, 240s);
            }));
        }
        std::vector<EnvironmentInfo> envs;
        std::set<int> ports;
        std::set<std::string> tokens;
        for (auto& j : jobs) {
            auto env = j.get();
            QVERIFY2(env.ok(), env.ok() ? "" : env.error().message.c_str());
            QVERIFY(env->ready);
            ports.insert(env->hostPort);
            tokens.insert(env->token);
            envs.push_back(*env);
        }
        QCOMPARE(ports.size(), std::size_t(10));
        QCOMPARE(tokens.size(), std::size_t(10));
        // Each environment answers only to its own token: every other environment's token is refused.
        for (const auto& env : envs) {
            for (const auto& other : envs) {
                const int expected = &other == &env ? 200 : 403;
                const int status = jupyter(env.hostPort, "GET", "/api/status", other.token).status;
                QVERIFY2(status == expected,
                         qPrintable(QStringLiteral("%1 with the token of %2: HTTP %3, expected %4")
                                        .arg(QString::fromStdString(env.name), QString::fromStdString(other.name))
                                        .arg(status)
                                        .arg(expected)));
            }
        }
    }

    void anImageThatExitsAtOnceSaysWhyWithItsLog()
    {
        const auto t0 = std::chrono::steady_clock::now();
        auto env = launch("berth-test/exits-at-once:latest", "exits");
        QVERIFY(!env.ok());
        QVERIFY(std::chrono::steady_clock::now() - t0 < 20s); // not the whole readiness timeout
        QVERIFY2(env.error().message.find("exit code 3") != std::string::npos, env.error().message.c_str());
        QVERIFY(berth::cli::describe(env.error()).find("fatal: this image has no notebook server configured") != std::string::npos);
    }

    void aSlowServerIsWaitedForAndATimeoutSaysWhatToDo()
    {
        std::vector<LaunchProgress::Phase> phases;
        LaunchSpec spec;
        spec.image = "berth-test/slow-start:latest";
        spec.name = test::uniqueName("slow");
        Launcher l(engine, options(120s));
        const auto t0 = std::chrono::steady_clock::now();
        auto env = l.launch(spec, [&](const LaunchProgress& p) { phases.push_back(p.phase); });
        QVERIFY2(env.ok(), env.ok() ? "" : env.error().message.c_str());
        QVERIFY(std::chrono::steady_clock::now() - t0 >= 12s);
        QVERIFY(std::count(phases.begin(), phases.end(), LaunchProgress::Phase::Waiting) > 5);
        QCOMPARE(phases.back(), LaunchProgress::Phase::Ready);

        auto late = launch("berth-test/slow-start:latest", "slow-timeout", {}, 3s);
        QVERIFY(!late.ok());
        QCOMPARE(late.error().kind, ErrorKind::Timeout);
        QVERIFY(late.error().message.find("did not answer within") != std::string::npos);
        QVERIFY(berth::cli::describe(late.error()).find("berthctl logs") != std::string::npos);
    }

    void cancellingAWaitReturnsPromptly()
    {
        std::atomic<bool> cancel{false};
        LaunchSpec spec;
        spec.image = "berth-test/slow-start:latest";
        spec.name = test::uniqueName("cancel");
        Launcher l(engine, options());
        auto fut = std::async(std::launch::async, [&] { return l.launch(spec, {}, &cancel); });
        std::this_thread::sleep_for(2s);
        cancel = true;
        QVERIFY(fut.wait_for(3s) == std::future_status::ready);
        auto r = fut.get();
        QCOMPARE(r.error().kind, ErrorKind::Cancelled);
    }

    void worksWithEveryShapeOfJupyterImage_data()
    {
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("version");
        QTest::newRow("jupyter_server") << "berth-test/jupyter-server:1" << "/root/work" << "env" << "1.23.3";
        QTest::newRow("tensorflow-shaped") << "berth-test/tf-shaped:latest" << "/tf" << "env" << "6.4.12";
        QTest::newRow("docker-stacks-shaped") << "berth-test/stacks-shaped:latest" << "/home/jovyan/work" << "env" << "1.23.3";
        QTest::newRow("own-token") << "berth-test/own-token:latest" << "/root/work" << "server-list" << "6.4.12";
    }

    void worksWithEveryShapeOfJupyterImage()
    {
        QFETCH(QString, image);
        QFETCH(QString, target);
        QFETCH(QString, source);
        QFETCH(QString, version);
        auto env = launch(image.toStdString(), QTest::currentDataTag());
        QVERIFY2(env.ok(), env.ok() ? "" : env.error().message.c_str());
        QVERIFY(env->ready);
        QCOMPARE(QString::fromStdString(env->workspaceTarget), target);
        QCOMPARE(QString::fromUtf8(toString(env->tokenSource)), source);
        QCOMPARE(QString::fromStdString(env->jupyterVersion), version);
        // The notebook folder is writable from Jupyter and lands in the user's folder on the host.
        const QString rel = target == "/tf" ? "nb.ipynb" : "work/nb.ipynb";
        auto put = jupyter(env->hostPort, "PUT", "/api/contents/" + rel.toStdString(), env->token, kNotebook);
        QVERIFY2(put.status == 201, put.body.c_str());
        QVERIFY(QFile::exists(QString::fromStdString(env->workspace) + "/nb.ipynb"));
        // What `describe` reads back later, from the engine alone, agrees.
        Launcher l(engine, options());
        auto again = l.describe(env->name);
        QVERIFY(again.ok());
        QCOMPARE(again->token, env->token);
        QCOMPARE(again->hostPort, env->hostPort);
    }

    void gpuRequestOnAMachineWithoutAGpuSaysExactlyThat()
    {
        // This machine (and CI's) has no NVIDIA GPU: that is what is said, before anything is made, rather
        // than advice to install the toolkit after a create and a start (TestGpuCheck fakes a GPU for that).
        LaunchSpec spec;
        spec.gpus.mode = GpuRequest::Mode::All;
        auto env = launch("berth-test/notebook:6", "gpu", spec);
        QVERIFY(!env.ok());
        QCOMPARE(env.error().kind, ErrorKind::Unsupported);
        QVERIFY2(env.error().message.find("this machine has no NVIDIA GPU") != std::string::npos, env.error().message.c_str());
        QVERIFY(berth::cli::describe(env.error()).find("Toolkit") == std::string::npos);
        QCOMPARE(engine->inspectContainer(test::uniqueName("gpu")).error().kind, ErrorKind::NotFound); // not left behind
    }

    void outOfMemoryAtStartSaysSo()
    {
        LaunchSpec spec;
        spec.memory = 24LL << 20; // Jupyter needs more than this to start
        auto env = launch("berth-test/notebook:6", "oom", spec, 60s);
        QVERIFY(!env.ok());
        QVERIFY2(env.error().message.find("ran out of memory") != std::string::npos, env.error().message.c_str());
        QVERIFY(berth::cli::describe(env.error()).find("--memory") != std::string::npos);
    }

    void refusesBadMountsBeforeTouchingTheEngine()
    {
        LaunchSpec spec;
        spec.mounts.push_back({(home.path() + "/does-not-exist").toStdString(), "/data", false, false});
        auto env = launch("berth-test/notebook:6", "mount", spec);
        QCOMPARE(env.error().kind, ErrorKind::BadInput);
        QVERIFY(env.error().message.find(",create") != std::string::npos);
        spec.mounts.back().create = true;
        env = launch("berth-test/notebook:6", "mount", spec);
        QVERIFY2(env.ok(), env.ok() ? "" : env.error().message.c_str());
        QVERIFY(QDir(home.path() + "/does-not-exist").exists());
        auto r = engine->exec(env->id, {"sh", "-c", "touch /data/x && echo ok"});
        QCOMPARE(r->out, std::string("ok\n"));
    }

    void noWaitReturnsAtOnceAndOpenWaitsForJupyter()
    {
        const QString name = QString::fromStdString(test::uniqueName("nowait"));
        auto r = test::berthctl({"launch", "berth-test/slow-start:latest", "--no-wait", "--json", "--name", name}, 60000, cliEnv());
        QCOMPARE(r.exitCode, 0);
        const auto j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(j["state"].toString(), QStringLiteral("running"));
        QVERIFY(!j["ready"].toBool()); // Jupyter sleeps 12 s before it listens
        auto open = test::berthctl({"open", name}, 120000, cliEnv());
        QCOMPARE(open.exitCode, 0);
        QCOMPARE(open.out.trimmed(), j["url"].toString());
        auto tok = test::berthctl({"token", name}, 30000, cliEnv());
        QCOMPARE(jupyter(j["hostPort"].toInt(), "GET", "/api/status", tok.out.trimmed().toStdString()).status, 200);
    }

    void theCommandLineLaunchesAndTellsEverything()
    {
        const QString name = QString::fromStdString(test::uniqueName("cli"));
        const QString data = home.path() + "/data";
        QDir().mkpath(data);
        auto r = test::berthctl({"launch", "berth-test/notebook:6", "--name", name, "--memory", "1g", "--cpus", "1",
                                 "--shm-size", "512m", "--mount", data + ":/data:ro", "--env", "COURSE=ml101", "--json"},
                                120000, cliEnv());
        QCOMPARE(r.exitCode, 0);
        auto j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(j["name"].toString(), name);
        QVERIFY(j["ready"].toBool());
        QVERIFY(j["url"].toString().startsWith("http://127.0.0.1:"));
        QVERIFY(j["hostPort"].toInt() > 0);
        QVERIFY(!j.contains("token")); // only with --show-token
        QCOMPARE(j["workspace"].toString(), home.path() + "/Documents/Berth/" + name);
        QVERIFY(!r.out.contains(QString::fromStdString(std::string(48, 'x')))); // sanity

        auto tok = test::berthctl({"token", name}, 30000, cliEnv());
        QCOMPARE(tok.exitCode, 0);
        const std::string token = tok.out.trimmed().toStdString();
        QCOMPARE(jupyter(j["hostPort"].toInt(), "GET", "/api/status", token).status, 200);
        QVERIFY(!r.err.contains(QString::fromStdString(token))); // no token in the progress output either

        auto open = test::berthctl({"open", name}, 30000, cliEnv());
        QCOMPARE(open.out.trimmed(), j["url"].toString());

        // --browser: the browser is handed a private file that forwards with the token; the token is on no
        // command line (the fake browser records its arguments and the file).
        QTemporaryDir bin;
        const QString seen = bin.filePath("seen");
        QFile fake(bin.filePath("browser"));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write(QString("#!/bin/sh\necho \"$@\" > %1.args\nstat -c %a \"$1\" > %1.mode\ncp \"$1\" %1.html\n").arg(seen).toUtf8());
        fake.close();
        fake.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        auto benv = cliEnv();
        benv.insert("BROWSER", fake.fileName());
        benv.insert("XDG_RUNTIME_DIR", bin.path());
        auto browsed = test::berthctl({"open", "--browser", name}, 30000, benv);
        QCOMPARE(browsed.exitCode, 0);
        auto readAll = [](const QString& f) {
            QFile in(f);
            return in.open(QIODevice::ReadOnly) ? QString::fromUtf8(in.readAll()) : QString();
        };
        QVERIFY(!readAll(seen + ".args").contains(QString::fromStdString(token)));
        QCOMPARE(readAll(seen + ".mode").trimmed(), QStringLiteral("600"));
        QVERIFY(readAll(seen + ".html").contains(j["url"].toString() + "?token=" + QString::fromStdString(token)));

        auto rec = test::berthctl({"record", name, "--json"}, 30000, cliEnv());
        QCOMPARE(rec.exitCode, 0);
        auto record = QJsonDocument::fromJson(rec.out.toUtf8()).object();
        QVERIFY(record["image"].toObject()["id"].toString().startsWith("sha256:"));
        const QString reference = record["image"].toObject()["reference"].toString();
        QVERIFY2(reference == "berth-test/notebook:6" || reference == "localhost/berth-test/notebook:6", // Podman
                 qPrintable(reference));
        QCOMPARE(record["resources"].toObject()["memoryBytes"].toInteger(), 1LL << 30);
        QCOMPARE(record["resources"].toObject()["cpus"].toDouble(), 1.0);
        QCOMPARE(record["resources"].toObject()["shmBytes"].toInteger(), 512LL << 20);
        QCOMPARE(record["jupyter"].toObject()["version"].toString(), QStringLiteral("6.4.12"));
        const auto mounts = record["mounts"].toArray();
        QCOMPARE(mounts.size(), 2);
        QVERIFY(record.contains("host"));
        QVERIFY(!record["startedAt"].toString().isEmpty());
        QVERIFY(!rec.out.contains(QString::fromStdString(token))); // a record to publish holds no secret

        auto bad = test::berthctl({"launch", "berth-test/notebook:6", "--memory", "lots"}, 30000, cliEnv());
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("512m"));
        bad = test::berthctl({"launch", "berth-test/notebook:6", "--mount", "relative-only"}, 30000, cliEnv());
        QCOMPARE(bad.exitCode, 2);
        bad = test::berthctl({"launch", "berth-test/notebook:6", "--env", "JUPYTER_TOKEN=abc"}, 30000, cliEnv());
        QCOMPARE(bad.exitCode, 2);

        auto stop = test::berthctl({"stop", name}, 60000, cliEnv());
        QCOMPARE(stop.exitCode, 0);
        auto d = engine->inspectContainer(name.toStdString());
        QCOMPARE(d->state.exitCode, 0); // a clean shutdown, not a kill after the grace period
    }
};

QTEST_GUILESS_MAIN(TestLaunch)
#include "TestLaunch.moc"
