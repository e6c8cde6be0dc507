// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// The engine client against the real engine: no fakes.
#include "LiveEngine.h"
#include "cli/Wording.h"

#include <QTest>

#include <thread>

using namespace berth;
using namespace berth::core;
using namespace std::chrono_literals;

class TestEngineLive : public QObject
{
    Q_OBJECT

    std::shared_ptr<EngineClient> engine = test::liveEngine();

    nlohmann::json body(const std::string& image, bool tty = false)
    {
        return {{"Image", image},
                {"Tty", tty},
                {"Labels", {{"berth.test", test::runLabelValue()}}},
                {"HostConfig", {{"Init", true}}}};
    }

    std::string runTicker(const char* what, bool tty = false)
    {
        auto c = engine->createContainer(test::uniqueName(what), body("berth-test/ticker:latest", tty));
        if (!c) {
            qWarning("%s", c.error().message.c_str());
            return {};
        }
        auto s = engine->startContainer(c->id);
        return s ? c->id : std::string();
    }

private Q_SLOTS:
    void cleanupTestCase() { test::removeLabelled(*engine); }

    void negotiatesAndDescribesTheEngine()
    {
        auto v = engine->version();
        QVERIFY2(v.ok(), v.ok() ? "" : v.error().message.c_str());
        QVERIFY(!v->version.empty());
        QVERIFY(compareVersions(engine->apiVersion(), "1.41") >= 0);
        auto info = engine->info();
        QVERIFY(info.ok());
        QVERIFY(info->ncpu >= 1);
        QVERIFY(info->memTotal > 0);
        auto ping = engine->ping();
        QVERIFY(ping.ok());
        QVERIFY(!ping->apiVersion.empty());
    }

    void listsTheTestImagesAndInspectsOne()
    {
        auto images = engine->listImages({{"reference", {"berth-test/*"}}});
        QVERIFY(images.ok());
        QVERIFY(images->size() >= 3);
        auto d = engine->inspectImage("berth-test/notebook:6");
        QVERIFY(d.ok());
        QVERIFY(std::find(d->exposedPorts.begin(), d->exposedPorts.end(), "8888/tcp") != d->exposedPorts.end());
        QVERIFY(d->envValue("PATH").has_value());
        auto missing = engine->inspectImage("berth-test/not-there:0");
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
        QVERIFY(berth::cli::describe(missing.error()).find("berthctl pull") != std::string::npos);
    }

    void runsFollowsLogsStopsAndRemovesAContainer()
    {
        const std::string id = runTicker("life");
        QVERIFY(!id.empty());
        auto list = engine->listContainers(false, {{"label", {"berth.test=" + test::runLabelValue()}}});
        QVERIFY(list.ok());
        QVERIFY(std::any_of(list->begin(), list->end(), [&](const auto& c) { return c.id == id; }));

        // Follow the log until two lines of each stream arrived; the handler ends the stream.
        std::string out, err;
        LogOptions follow;
        follow.follow = true;
        auto r = engine->logs(id, follow, [&](LogStream s, std::string_view d) {
            (s == LogStream::Stderr ? err : out).append(d);
            return !(out.find("out 2\n") != std::string::npos && err.find("err 2\n") != std::string::npos);
        });
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QVERIFY(out.starts_with("out 1\n"));
        QVERIFY(err.starts_with("err 1\n"));

        // Removing a running container is refused with advice; stop, then remove.
        auto refused = engine->removeContainer(id);
        QCOMPARE(refused.error().kind, ErrorKind::Conflict);
        QVERIFY(berth::cli::describe(refused.error()).find("Stop it first") != std::string::npos);
        const auto t0 = std::chrono::steady_clock::now();
        QVERIFY(engine->stopContainer(id, 5).ok());
        QVERIFY(std::chrono::steady_clock::now() - t0 < 5s); // Init: docker-init passes SIGTERM on
        auto d = engine->inspectContainer(id);
        QVERIFY(d.ok());
        QVERIFY(!d->state.running);
        QVERIFY(engine->stopContainer(id, 5).ok()); // already stopped: 304 is not an error
        QVERIFY(engine->removeContainer(id).ok());
        QCOMPARE(engine->inspectContainer(id).error().kind, ErrorKind::NotFound);
    }

    void followedLogsEndWhenCancelled()
    {
        const std::string id = runTicker("cancel");
        QVERIFY(!id.empty());
        std::atomic<bool> cancel{false};
        std::thread canceller([&] {
            std::this_thread::sleep_for(1500ms);
            cancel = true;
        });
        const auto t0 = std::chrono::steady_clock::now();
        int chunks = 0;
        LogOptions follow;
        follow.follow = true;
        auto r = engine->logs(id, follow, [&](LogStream, std::string_view) {
            ++chunks;
            return true;
        }, &cancel);
        canceller.join();
        QCOMPARE(r.error().kind, ErrorKind::Cancelled);
        QVERIFY(chunks > 0);
        QVERIFY(std::chrono::steady_clock::now() - t0 < 4s);
    }

    void logsOfATtyContainerComeRaw()
    {
        const std::string id = runTicker("tty", true);
        QVERIFY(!id.empty());
        std::this_thread::sleep_for(2500ms);
        std::string out;
        bool stderrSeen = false;
        LogOptions lastFour;
        lastFour.tail = 4;
        auto r = engine->logs(id, lastFour, [&](LogStream s, std::string_view d) {
            stderrSeen = stderrSeen || s == LogStream::Stderr;
            out.append(d);
            return true;
        });
        QVERIFY(r.ok());
        QVERIFY(!stderrSeen);
        QVERIFY(out.find("out 2\r\nerr 2\r\n") != std::string::npos); // one stream; a TTY turns \n into \r\n
    }

    void statsOneShotAndStreaming()
    {
        const std::string id = runTicker("stats");
        QVERIFY(!id.empty());
        auto one = engine->statsOneShot(id);
        QVERIFY2(one.ok(), one.ok() ? "" : one.error().message.c_str());
        QVERIFY(one->memoryUsed > 0);
        QVERIFY(one->pids >= 1);
        int samples = 0;
        auto r = engine->streamStats(id, [&](const StatsSample& s) {
            ++samples;
            return !(samples >= 2 && s.memoryLimit > 0);
        });
        QVERIFY(r.ok());
        QVERIFY(samples >= 2);
    }

    void eventsArriveFilteredByLabel()
    {
        std::atomic<bool> cancel{false};
        std::vector<std::string> actions;
        std::mutex mutex;
        EventOptions opts;
        opts.filters = {{"type", {"container"}}, {"label", {"berth.test=" + test::runLabelValue()}}};
        std::thread watcher([&] {
            (void)engine->events(opts, [&](const Event& e) {
                std::lock_guard lock(mutex);
                actions.push_back(e.action);
                return e.action != "destroy";
            }, &cancel);
        });
        std::this_thread::sleep_for(500ms);
        // Something of another run's label must not show up.
        auto other = engine->createContainer("", {{"Image", "berth-test/ticker:latest"}, {"Labels", {{"berth.test", "other"}}}});
        QVERIFY(other.ok());
        (void)engine->removeContainer(other->id, true);
        const std::string id = runTicker("events");
        QVERIFY(!id.empty());
        QVERIFY(engine->killContainer(id).ok());
        QVERIFY(engine->removeContainer(id, true).ok());
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     std::lock_guard lock(mutex);
                                     return !actions.empty() && actions.back() == "destroy";
                                 }()),
                                 10000);
        cancel = true;
        watcher.join();
        std::lock_guard lock(mutex);
        QCOMPARE(actions.front(), std::string("create"));
        QVERIFY(std::find(actions.begin(), actions.end(), "start") != actions.end());
        QVERIFY(std::find(actions.begin(), actions.end(), "die") != actions.end());
        QCOMPARE(std::count(actions.begin(), actions.end(), std::string("create")), 1L);
    }

    void execCollectsOutputAndExitCode()
    {
        const std::string id = runTicker("exec");
        QVERIFY(!id.empty());
        auto r = engine->exec(id, {"sh", "-c", "echo hello; echo oops >&2; exit 7"});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r->out, std::string("hello\n"));
        QCOMPARE(r->err, std::string("oops\n"));
        QCOMPARE(r->exitCode, 7);
    }

    void changesListFilesWrittenInTheContainer()
    {
        const std::string id = runTicker("changes");
        QVERIFY(!id.empty());
        QVERIFY(engine->exec(id, {"sh", "-c", "mkdir -p /root/work && echo x > /root/work/nb.ipynb"}).ok());
        auto changes = engine->containerChanges(id);
        QVERIFY(changes.ok());
        QVERIFY(std::any_of(changes->begin(), changes->end(), [](const FileChange& c) {
            return c.path == "/root/work/nb.ipynb" && c.kind == FileChange::Kind::Added;
        }));
    }

    void pullsFromTheLocalRegistryWithProgress()
    {
        const std::string ref = test::registryAddress() + "/berth-test/pullme:1";
        test::removeImageEverywhere(*engine, ref);
        int updates = 0;
        double last = -1;
        bool monotonic = true;
        auto r = engine->pullImage(ref, [&](const PullProgress& p) {
            ++updates;
            monotonic = monotonic && p.fraction() >= last;
            last = p.fraction();
        });
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QVERIFY(updates >= 3);
        QVERIFY(monotonic);
        QCOMPARE(last, 1.0);
        auto d = engine->inspectImage(ref);
        QVERIFY(d.ok());
        QVERIFY(!d->repoDigests.empty());
        // Pulling again: up to date, still a success.
        PullProgress again;
        QVERIFY(engine->pullImage(ref, [&](const PullProgress& p) { again = p; }).ok());
        auto v = engine->version();
        QVERIFY(again.upToDate() || (v.ok() && v->podman)); // Podman does not say "up to date"
        QCOMPARE(again.fraction(), 1.0);
    }

    void pullOfAMissingImageSaysSo()
    {
        const std::string ref = test::registryAddress() + "/berth-test/nothing-here:1";
        auto r = engine->pullImage(ref, {});
        QVERIFY(!r.ok());
        // Docker refuses before streaming (404 or 500); Podman says so inside a 200 stream (no status).
        QVERIFY(r.error().httpStatus == 404 || r.error().httpStatus == 500 || r.error().httpStatus == 0);
        QVERIFY2(r.error().message.find("nothing-here") != std::string::npos, r.error().message.c_str());
    }

    void createRefusesATakenNameAndAMissingImage()
    {
        const std::string name = test::uniqueName("dup");
        auto first = engine->createContainer(name, body("berth-test/ticker:latest"));
        QVERIFY(first.ok());
        auto second = engine->createContainer(name, body("berth-test/ticker:latest"));
        QCOMPARE(second.error().kind, ErrorKind::Conflict);
        QVERIFY(second.error().httpStatus == 409 || second.error().httpStatus == 500); // Podman: 500 and a cause
        QVERIFY(second.error().message.find("already exists") != std::string::npos);
        auto missing = engine->createContainer(test::uniqueName("noimg"), body("berth-test/absent:1"));
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
    }

    void speaksToTheEngineOverPlainTcp()
    {
        // socat publishes the engine's unix socket on a loopback TCP port: the same engine, through tcp://.
        auto unixEp = resolveEndpoint(std::nullopt, EndpointEnvironment::system());
        QVERIFY(unixEp.ok() && unixEp->scheme == Endpoint::Scheme::Unix);
        const int port = 20000 + static_cast<int>(QRandomGenerator::system()->bounded(20000));
        QProcess socat;
        socat.start("socat", {QString("TCP-LISTEN:%1,bind=127.0.0.1,reuseaddr,fork").arg(port),
                              QString::fromStdString("UNIX-CONNECT:" + unixEp->socketPath)});
        QVERIFY2(socat.waitForStarted(), "socat is needed (apt-get install socat)");
        auto ep = parseEndpoint("tcp://127.0.0.1:" + std::to_string(port));
        EngineClient tcp(std::make_shared<CurlTransport>(*ep));
        Result<VersionInfo> v = makeError(ErrorKind::EngineUnreachable, "not yet");
        for (int i = 0; i < 50 && !v.ok(); ++i) { // socat needs a moment to listen
            QTest::qWait(100);
            v = tcp.version();
        }
        QVERIFY2(v.ok(), v.ok() ? "" : v.error().message.c_str());
        QCOMPARE(tcp.endpoint(), "tcp://127.0.0.1:" + std::to_string(port));
        const std::string id = runTicker("tcp");
        QVERIFY(!id.empty());
        std::string out;
        LogOptions follow;
        follow.follow = true;
        auto r = tcp.logs(id, follow, [&](LogStream s, std::string_view d) {
            if (s == LogStream::Stdout) {
                out.append(d);
            }
            return out.find("out 2\n") == std::string::npos;
        });
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        auto list = tcp.listContainers(false, {{"label", {"berth.test=" + test::runLabelValue()}}});
        QVERIFY(list.ok() && !list->empty());
        QProcess::execute("pkill", {"-KILL", "-P", QString::number(socat.processId())});
        socat.kill();
        socat.waitForFinished();
    }

    void eventsReconnectAndMissNothingWhenTheConnectionDrops()
    {
        // The engine behind a TCP forwarder that the test cuts and restores: a dropped connection for real.
        auto unixEp = resolveEndpoint(std::nullopt, EndpointEnvironment::system());
        QVERIFY(unixEp.ok() && unixEp->scheme == Endpoint::Scheme::Unix);
        const int port = 20000 + static_cast<int>(QRandomGenerator::system()->bounded(20000));
        const QStringList socatArgs{QString("TCP-LISTEN:%1,bind=127.0.0.1,reuseaddr,fork").arg(port),
                                    QString::fromStdString("UNIX-CONNECT:" + unixEp->socketPath)};
        auto forwarder = std::make_unique<QProcess>();
        forwarder->start("socat", socatArgs);
        QVERIFY(forwarder->waitForStarted());
        EngineClient tcp(std::make_shared<CurlTransport>(*parseEndpoint("tcp://127.0.0.1:" + std::to_string(port))));
        QTRY_VERIFY_WITH_TIMEOUT(tcp.ping().ok(), 5000);

        std::atomic<bool> cancel{false};
        std::atomic<int> disconnects{0};
        std::mutex mutex;
        std::vector<std::string> names;
        EventOptions opts;
        opts.filters = {{"type", {"container"}}, {"label", {"berth.test=" + test::runLabelValue()}}};
        std::thread watcher([&] {
            (void)tcp.events(opts, [&](const Event& e) {
                if (e.action == "create") {
                    std::lock_guard lock(mutex);
                    names.push_back(e.attributes.count("name") ? e.attributes.at("name") : std::string());
                }
                return true;
            }, &cancel, [&](const Error&) { ++disconnects; });
        });
        auto create = [&](const char* what) {
            return engine->createContainer(test::uniqueName(what), body("berth-test/ticker:latest")).ok();
        };
        auto seen = [&](const char* what) {
            std::lock_guard lock(mutex);
            return std::find(names.begin(), names.end(), test::uniqueName(what)) != names.end();
        };
        QTest::qWait(500);
        QVERIFY(create("ev-before"));
        QTRY_VERIFY_WITH_TIMEOUT(seen("ev-before"), 10000);
        // Cut the connection (socat serves each one in a child of its own); while it is down, something happens.
        QProcess::execute("pkill", {"-KILL", "-P", QString::number(forwarder->processId())});
        forwarder->kill();
        forwarder->waitForFinished();
        QTRY_VERIFY_WITH_TIMEOUT(disconnects.load() >= 1, 10000);
        QVERIFY(create("ev-during"));
        QTest::qWait(1500);
        QVERIFY(!seen("ev-during"));
        // Back again: the client resumes after the last event it saw, so the missed one arrives.
        forwarder = std::make_unique<QProcess>();
        forwarder->start("socat", socatArgs);
        QVERIFY(forwarder->waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(seen("ev-during"), 20000);
        QVERIFY(create("ev-after"));
        QTRY_VERIFY_WITH_TIMEOUT(seen("ev-after"), 10000);
        cancel = true;
        watcher.join();
        std::lock_guard lock(mutex);
        QCOMPARE(std::count(names.begin(), names.end(), test::uniqueName("ev-before")), 1L); // and nothing twice
        QProcess::execute("pkill", {"-KILL", "-P", QString::number(forwarder->processId())});
        forwarder->kill();
        forwarder->waitForFinished();
    }

    void unreachableEngineNamesTheEndpointQuickly()
    {
        auto ep = parseEndpoint("unix:///tmp/berth-no-engine-here.sock");
        EngineClient nowhere(std::make_shared<CurlTransport>(*ep));
        const auto t0 = std::chrono::steady_clock::now();
        auto r = nowhere.info();
        QVERIFY(std::chrono::steady_clock::now() - t0 < 2s);
        QCOMPARE(r.error().kind, ErrorKind::EngineUnreachable);
        QVERIFY(r.error().message.find("unix:///tmp/berth-no-engine-here.sock") != std::string::npos);
        QVERIFY(berth::cli::describe(r.error()).find("Start Docker") != std::string::npos);
        // A TCP port where nothing listens.
        EngineClient closed(std::make_shared<CurlTransport>(*parseEndpoint("tcp://127.0.0.1:9")));
        QCOMPARE(closed.info().error().kind, ErrorKind::EngineUnreachable);
    }
};

QTEST_GUILESS_MAIN(TestEngineLive)
#include "TestEngineLive.moc"
