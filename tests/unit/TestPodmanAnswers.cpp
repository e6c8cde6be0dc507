// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// The engine client on answers recorded from Podman 4.3's Docker-compatible API (tests/data/engine/podman,
// see docs/podman-notes.md): the places where Podman differs from Docker.
#include "FakeTransport.h"
#include "cli/Wording.h"

#include "berth/core/engine/EngineClient.h"

#include <QTest>

using namespace berth;
using namespace berth::core;
using berth::test::FakeTransport;
using berth::test::fixture;

class TestPodmanAnswers : public QObject
{
    Q_OBJECT

    std::shared_ptr<FakeTransport> fake;
    std::unique_ptr<EngineClient> engine;

    void fresh()
    {
        fake = std::make_shared<FakeTransport>();
        engine = std::make_unique<EngineClient>(fake);
    }

    static HttpResponse answer(const char* file, int status)
    {
        return FakeTransport::ok(fixture(file), status);
    }

private Q_SLOTS:
    void isRecognisedAsPodman()
    {
        fresh();
        fake->expect("GET", "/version", answer("podman/version.json", 200));
        auto v = engine->version();
        QVERIFY(v.ok());
        QVERIFY(v->podman);
        QCOMPARE(v->apiVersion, std::string("1.41"));
    }

    void aNameInUseIsAConflictThoughPodmanSays500()
    {
        fresh();
        fake->expect("POST", "/containers/create", answer("podman/error-500-name-in-use.json", 500));
        auto r = engine->createContainer("berth-pm-hold", {{"Image", "x"}});
        QCOMPARE(r.error().kind, ErrorKind::Conflict);
        QCOMPARE(r.error().httpStatus, 500);
        QVERIFY(r.error().message.find("already exists") != std::string::npos);
        QVERIFY(r.error().engineMessage.find("is already in use") != std::string::npos);
    }

    void removingARunningContainerIsAConflict()
    {
        fresh();
        fake->expect("DELETE", "/containers/c", FakeTransport::ok(
            R"({"cause":"container state improper","message":"cannot remove container c as it is running - running or paused containers cannot be removed without force: container state improper","response":500})", 500));
        auto r = engine->removeContainer("c");
        QCOMPARE(r.error().kind, ErrorKind::Conflict);
        QVERIFY(berth::cli::describe(r.error()).find("Stop it first") != std::string::npos);
        fresh();
        fake->expect("DELETE", "/images/", answer("podman/error-409.json", 409));
        QCOMPARE(engine->removeImage("berth-test/ticker:latest").error().kind, ErrorKind::Conflict);
        fresh();
        fake->expect("GET", "/containers/nope/json", answer("podman/error-404.json", 404));
        QCOMPARE(engine->inspectContainer("nope").error().kind, ErrorKind::NotFound);
    }

    void inspectGivesPortAndMounts()
    {
        const auto d = ContainerDetails::fromJson(nlohmann::json::parse(fixture("podman/container-inspect.json")));
        QCOMPARE(d.name, std::string("berth-pm-nb"));
        QVERIFY(d.state.running);
        QCOMPARE(d.hostPort("8888/tcp"), 38983);
        QCOMPARE(d.configImage, std::string("localhost/berth-test/notebook:6"));
        QVERIFY(d.raw["Mounts"].is_array() && !d.raw["Mounts"].empty());
    }

    void eventsSpeakDockersWords()
    {
        fresh();
        fake->expect("GET", "/events", answer("podman/events.jsonl", 200), 11);
        std::vector<std::string> actions;
        EventOptions opts;
        opts.reconnect = false;
        auto r = engine->events(opts, [&](const Event& e) {
            actions.push_back(e.action);
            return true;
        }, nullptr);
        QVERIFY(!r.ok()); // the recorded stream ends: without reconnection, that is reported
        QVERIFY(std::find(actions.begin(), actions.end(), "destroy") != actions.end());
        QVERIFY(std::find(actions.begin(), actions.end(), "remove") == actions.end());
        QVERIFY(std::find(actions.begin(), actions.end(), "die") != actions.end());
    }

    void oneShotStatsWithoutPageCacheFigures()
    {
        const StatsSample s = computeStats(nlohmann::json::parse(fixture("podman/stats-oneshot.json")));
        QCOMPARE(s.cpuPercent, 0.0); // no earlier reading in one shot
        QCOMPARE(s.memoryUsed, std::uint64_t(67592192));
        QCOMPARE(s.memoryLimit, std::uint64_t(4294967296));
        QCOMPARE(s.pids, std::uint64_t(2));
    }

    void pullProgressNeverGoesBackAndEndsAtOne()
    {
        fresh();
        fake->expect("POST", "/images/create", answer("podman/pull-progress.jsonl", 200), 9);
        std::vector<double> seen;
        PullProgress last;
        auto r = engine->pullImage("127.0.0.1:5000/berth-test/pullme:1", [&](const PullProgress& p) {
            seen.push_back(p.fraction());
            last = p;
        });
        QVERIFY(r.ok());
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.back(), 1.0);
        QCOMPARE(last.status(), std::string("Pulled 127.0.0.1:5000/berth-test/pullme:1"));
        QCOMPARE(last.layersComplete(), 2);
    }

    void logsAreTheSameFrames()
    {
        fresh();
        fake->expect("GET", "/containers/t/json", FakeTransport::ok(R"({"Id":"tid","Config":{"Tty":false}})"));
        fake->expect("GET", "/containers/tid/logs", answer("podman/logs-multiplexed.bin", 200), 5);
        std::string out, err;
        auto r = engine->logs("t", {}, [&](LogStream s, std::string_view d) {
            (s == LogStream::Stderr ? err : out).append(d);
            return true;
        });
        QVERIFY(r.ok());
        QVERIFY(!out.empty());
        QVERIFY(!err.empty());
    }
};

QTEST_APPLESS_MAIN(TestPodmanAnswers)
#include "TestPodmanAnswers.moc"
