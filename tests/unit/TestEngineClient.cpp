// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "FakeTransport.h"

#include "berth/core/engine/EngineClient.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <set>

using namespace berth;
using namespace berth::core;
using berth::test::FakeTransport;
using berth::test::fixture;

namespace {

std::int64_t nowNano()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

/// The value of one query parameter of a request target; empty when absent.
std::string queryValue(const std::string& target, const std::string& name)
{
    const auto q = target.find('?');
    if (q == std::string::npos) {
        return {};
    }
    for (std::size_t pos = q + 1; pos < target.size();) {
        auto amp = target.find('&', pos);
        if (amp == std::string::npos) {
            amp = target.size();
        }
        const std::string pair = target.substr(pos, amp - pos);
        if (pair.starts_with(name + "=")) {
            return pair.substr(name.size() + 1);
        }
        pos = amp + 1;
    }
    return {};
}

/// Passes requests on to the fake and notes when each went out.
class TimedTransport final : public Transport
{
public:
    struct Sent
    {
        std::string target;
        std::int64_t atNano;
    };

    explicit TimedTransport(std::shared_ptr<Transport> inner) : m_inner(std::move(inner)) {}

    Result<HttpResponse> send(const HttpRequest& request) override
    {
        note(request);
        return m_inner->send(request);
    }
    Result<HttpResponse> stream(const HttpRequest& request, const ChunkHandler& onChunk,
                                const std::atomic<bool>* cancel) override
    {
        note(request);
        return m_inner->stream(request, onChunk, cancel);
    }
    std::string describe() const override { return m_inner->describe(); }

    std::vector<Sent> requests() const
    {
        std::lock_guard lock(m_mutex);
        return m_sent;
    }

private:
    void note(const HttpRequest& request)
    {
        std::lock_guard lock(m_mutex);
        m_sent.push_back({request.target, nowNano()});
    }

    std::shared_ptr<Transport> m_inner;
    mutable std::mutex m_mutex;
    std::vector<Sent> m_sent;
};

/// Bytes shaped like a tar archive: `blocks` blocks of varied bytes, then the two zero blocks a tar ends with.
std::string archiveBytes(std::size_t blocks)
{
    std::string a;
    for (std::size_t i = 0; i < blocks * 512; ++i) {
        a.push_back(static_cast<char>('a' + (i * 7 + i / 512) % 26));
    }
    return a + std::string(1024, '\0');
}

/// Hands `data` out as an upload, in pieces no larger than the transport asks for.
BodySource sourceOf(const std::string& data, std::size_t* offset)
{
    return [&data, offset](char* buffer, std::size_t max) -> Result<std::size_t> {
        const std::size_t n = std::min(max, data.size() - *offset);
        std::memcpy(buffer, data.data() + *offset, n);
        *offset += n;
        return n;
    };
}

bool hasHeader(const HttpRequest& request, const std::string& name, const std::string& value)
{
    return std::find(request.headers.begin(), request.headers.end(), std::pair(name, value)) != request.headers.end();
}

} // namespace

class TestEngineClient : public QObject
{
    Q_OBJECT

    std::shared_ptr<FakeTransport> fake;
    std::unique_ptr<EngineClient> engine;

    void fresh()
    {
        fake = std::make_shared<FakeTransport>();
        engine = std::make_unique<EngineClient>(fake);
    }

private Q_SLOTS:
    void speaksTheFloorWithoutAskingFirst()
    {
        fresh();
        fake->expect("GET", "/version", FakeTransport::ok(fixture("version.json")));
        auto v = engine->version();
        QVERIFY(v.ok());
        QCOMPARE(engine->apiVersion(), std::string("1.41"));
        QCOMPARE(v->version, std::string("20.10.24+dfsg1"));
        QCOMPARE(v->minApiVersion, std::string("1.12"));
        QVERIFY(!v->podman);
        // One round trip: no /_ping before the call.
        QCOMPARE(fake->targets(), std::vector<std::string>{"GET /v1.41/version"});
    }

    void negotiatesWhenTheEngineRefusesTheFloor()
    {
        // Docker 29.0-29.2 serve 1.52 and refuse anything under 1.44: ask, then send what it accepts.
        fresh();
        fake->expect("GET", "/info", FakeTransport::ok(R"({"message":"client version 1.41 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version"})", 400));
        fake->expect("GET", "/_ping", test::pingResponse("1.52"));
        fake->expect("GET", "/version", FakeTransport::ok(R"({"ApiVersion":"1.52","MinAPIVersion":"1.44","Version":"29.1.0"})"));
        fake->expect("GET", "/info", FakeTransport::ok(fixture("info.json")));
        fake->expect("GET", "/containers/json", FakeTransport::ok("[]"));
        auto info = engine->info();
        QVERIFY2(info.ok(), info.ok() ? "" : info.error().message.c_str());
        QCOMPARE(engine->apiVersion(), std::string("1.44"));
        QVERIFY(engine->listContainers().ok());
        const std::vector<std::string> expected{"GET /v1.41/info", "GET /_ping", "GET /version", "GET /v1.44/info",
                                                "GET /v1.44/containers/json?all=0"};
        QCOMPARE(fake->targets(), expected);
    }

    void refusesEnginesOlderThanTheFloor()
    {
        fresh();
        fake->expect("GET", "/info", test::errorFixture("error-400-api-too-new.txt"));
        fake->expect("GET", "/_ping", test::pingResponse("1.40"));
        auto info = engine->info();
        QVERIFY(!info.ok());
        QCOMPARE(info.error().kind, ErrorKind::Unsupported);
        QVERIFY(info.error().message.find("1.41 or newer") != std::string::npos);
    }

    void explicitNegotiationUsesPing()
    {
        fresh();
        fake->expect("GET", "/_ping", test::pingResponse());
        auto api = engine->negotiate();
        QVERIFY(api.ok());
        QCOMPARE(*api, std::string("1.41"));
        fresh();
        fake->expect("GET", "/_ping", test::pingResponse("1.51"));
        QCOMPARE(*engine->negotiate(), std::string("1.41")); // 28.x: no /version needed, 1.41 is accepted
    }

    void manyCallsCostOneRequestEach()
    {
        fresh();
        for (int i = 0; i < 3; ++i) {
            fake->expect("GET", "/containers/json", FakeTransport::ok("[]"));
        }
        for (int i = 0; i < 3; ++i) {
            QVERIFY(engine->listContainers(true).ok());
        }
        QCOMPARE(fake->targets().size(), std::size_t(3));
    }

    void readsInfoFields()
    {
        fresh();
        fake->expect("GET", "/info", FakeTransport::ok(fixture("info.json")));
        auto info = engine->info();
        QVERIFY(info.ok());
        QVERIFY(info->ncpu > 0);
        QVERIFY(info->memTotal > 0);
        QCOMPARE(info->defaultRuntime, std::string("runc"));
        QVERIFY(std::find(info->runtimes.begin(), info->runtimes.end(), "runc") != info->runtimes.end());
        QVERIFY(info->cdiSpecDirs.empty()); // null on 20.10
    }

    void parsesTheContainerListWithPortsAndLabels()
    {
        fresh();
        fake->expect("GET", "/containers/json?all=1&filters=", FakeTransport::ok(fixture("containers.json")));
        auto list = engine->listContainers(true, {{"label", {"berth.env"}}});
        QVERIFY(list.ok());
        QCOMPARE(list->size(), std::size_t(3));
        const auto nb = std::find_if(list->begin(), list->end(), [](const auto& c) { return c.name() == "berth-rec-nb"; });
        QVERIFY(nb != list->end());
        QCOMPARE(nb->labels.at("berth.env"), std::string("rec"));
        QCOMPARE(nb->state, std::string("running"));
        QCOMPARE(nb->id.size(), std::size_t(64));
        QVERIFY(!nb->ports.empty());
        QCOMPARE(nb->ports.front().ip, std::string("127.0.0.1"));
        QCOMPARE(nb->ports.front().privatePort, 8888);
        QVERIFY(nb->ports.front().publicPort > 0);
        // The filters went out as url-encoded JSON.
        QVERIFY(fake->targets().back().find("filters=%7B%22label%22%3A%5B%22berth.env%22%5D%7D") != std::string::npos);
    }

    void listJsonIsTheEnginesTextUntouched()
    {
        fresh();
        const std::string body = fixture("containers.json");
        fake->expect("GET", "/containers/json?all=1", FakeTransport::ok(body));
        auto text = engine->listContainersJson(true);
        QVERIFY(text.ok());
        QCOMPARE(*text, body);
    }

    void inspectGivesHostPortAndState()
    {
        fresh();
        fake->expect("GET", "/containers/berth-rec-nb/json", FakeTransport::ok(fixture("container-inspect.json")));
        auto d = engine->inspectContainer("berth-rec-nb");
        QVERIFY(d.ok());
        QCOMPARE(d->name, std::string("berth-rec-nb"));
        QVERIFY(d->state.running);
        QVERIFY(d->hostPort("8888/tcp") > 1024);
        QCOMPARE(d->ports.at("8888/tcp").front().ip, std::string("127.0.0.1"));
        QVERIFY(std::find(d->env.begin(), d->env.end(), "JUPYTER_TOKEN=0123456789abcdef") != d->env.end());
        QCOMPARE(d->configImage, std::string("berth-test/notebook:6"));
    }

    void keepsTheEnginesWordsAndStatusOnErrors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("says");
        QTest::newRow("404") << "error-404-container.txt" << int(ErrorKind::NotFound) << 404 << "No container named";
        QTest::newRow("409") << "error-409-name.txt" << int(ErrorKind::Conflict) << 409 << "already exists";
        QTest::newRow("400") << "error-400-content-type.txt" << int(ErrorKind::BadInput) << 400 << "failed";
    }

    void keepsTheEnginesWordsAndStatusOnErrors()
    {
        QFETCH(QString, file);
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(QString, says);
        fresh();
        auto recorded = test::errorFixture(file.toUtf8().constData());
        Error err;
        if (status == 404) {
            fake->expect("GET", "/containers/", recorded);
            err = engine->inspectContainer("no-such-container").error();
        } else {
            fake->expect("POST", "/containers/create", recorded);
            err = engine->createContainer("berth-rec-nb", {{"Image", "berth-test/notebook:6"}}).error();
        }
        QCOMPARE(int(err.kind), kind);
        QCOMPARE(err.httpStatus, status);
        QVERIFY2(err.message.find(says.toStdString()) != std::string::npos, err.message.c_str());
        auto j = nlohmann::json::parse(recorded.body);
        QCOMPARE(err.engineMessage, j["message"].get<std::string>());
    }

    void createSendsJsonWithItsContentType()
    {
        fresh();
        fake->expect("POST", "/containers/create?name=x", FakeTransport::ok(R"({"Id":"abc","Warnings":[]})", 201));
        auto c = engine->createContainer("x", {{"Image", "i"}});
        QVERIFY(c.ok());
        QCOMPARE(c->id, std::string("abc"));
        const auto req = fake->requests().back();
        QVERIFY(std::find(req.headers.begin(), req.headers.end(),
                          std::pair<std::string, std::string>("Content-Type", "application/json")) != req.headers.end());
    }

    void stopWaitsLongerThanTheGracePeriod()
    {
        fresh();
        fake->expect("POST", "/containers/x/stop?t=25", FakeTransport::ok("", 204));
        QVERIFY(engine->stopContainer("x", 25).ok());
        QVERIFY(fake->requests().back().timeout > std::chrono::seconds(25));
        fresh();
        fake->expect("POST", "/containers/x/stop", FakeTransport::ok("", 304)); // already stopped is fine
        QVERIFY(engine->stopContainer("x", 1).ok());
    }

    void pullReportsProgressFromTheRecordedStream_data()
    {
        QTest::addColumn<int>("chunk");
        for (int c : {0, 1, 7, 64, 333}) {
            QTest::newRow(qPrintable(QString::number(c))) << c;
        }
    }

    void pullReportsProgressFromTheRecordedStream()
    {
        QFETCH(int, chunk);
        fresh();
        fake->expect("POST", "/images/create?fromImage=127.0.0.1%3A5000%2Fberth-test%2Fpullme&tag=1",
                     FakeTransport::ok(fixture("pull-progress.jsonl")), static_cast<std::size_t>(chunk));
        std::vector<double> fractions;
        PullProgress last;
        auto r = engine->pullImage("127.0.0.1:5000/berth-test/pullme:1", [&](const PullProgress& p) {
            fractions.push_back(p.fraction());
            last = p;
        });
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QVERIFY(fractions.size() >= 5);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.back(), 1.0);
        QVERIFY(last.status().find("Downloaded newer image") != std::string::npos);
        QVERIFY(last.bytesTotal() > 6000000);
        QCOMPARE(last.bytesDone(), last.bytesTotal());
    }

    void pullDefaultsTheTagToLatestAndKeepsRegistryPorts()
    {
        fresh();
        fake->expect("POST", "/images/create?fromImage=localhost%3A5000%2Fx&tag=latest", FakeTransport::ok(""));
        QVERIFY(engine->pullImage("localhost:5000/x", {}).ok());
        const std::string digest = "sha256:" + std::string(64, 'a');
        fresh();
        fake->expect("POST", "/images/create?fromImage=x%40sha256%3A" + std::string(64, 'a'), FakeTransport::ok(""));
        QVERIFY(engine->pullImage("x@" + digest, {}).ok());
        QVERIFY(fake->targets().back().find("tag=") == std::string::npos);
        // A tag written with the digest is dropped, as the docker CLI drops it: the digest decides.
        fresh();
        fake->expect("POST", "/images/create?fromImage=quay.io%2Fx%40sha256%3A" + std::string(64, 'a'),
                     FakeTransport::ok(""));
        QVERIFY(engine->pullImage("quay.io/x:1@" + digest, {}).ok());
        QVERIFY(fake->targets().back().find("tag=") == std::string::npos);
    }

    void pullRefusesWhatIsNoReferenceBeforeAskingTheEngine()
    {
        for (const char* bad : {"", "berth bad ref", "x@sha256:ab", "Python:3.12", "x:", "a//b", "x/", "x\tab",
                                "sha256:0123456789ab"}) {
            fresh();
            auto r = engine->pullImage(bad, {});
            QVERIFY2(!r.ok(), bad);
            QCOMPARE(r.error().kind, ErrorKind::BadInput);
            QVERIFY2(r.error().message.find("is not an image reference") != std::string::npos, bad);
            QVERIFY2(r.error().message.find("python:3.12 or quay.io/jupyter/minimal-notebook:latest") !=
                         std::string::npos,
                     bad);
            QVERIFY2(fake->targets().empty(), bad); // not even a ping
        }
    }

    void pullFailsOnAnErrorInsideTheStream()
    {
        fresh();
        std::string body = fixture("pull-progress.jsonl");
        body = body.substr(0, body.find("Extracting")); // cut in the middle of a line...
        body = body.substr(0, body.rfind('\n') + 1);
        body += R"({"errorDetail":{"message":"unexpected EOF"},"error":"unexpected EOF"})" "\r\n";
        fake->expect("POST", "/images/create", FakeTransport::ok(body), 5);
        auto r = engine->pullImage("127.0.0.1:5000/berth-test/pullme:1", {});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().engineMessage, std::string("unexpected EOF"));
        QVERIFY(r.error().message.find("Pulling 127.0.0.1:5000/berth-test/pullme:1 failed") == 0);
    }

    void pullSaysWhatToDoWhenTheRegistryIsUnreachable()
    {
        fresh();
        fake->expect("POST", "/images/create", test::errorFixture("error-500-pull-offline.txt"));
        auto r = engine->pullImage("registry.invalid/none:1", {});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().httpStatus, 500);
        QVERIFY(r.error().message.find("could not reach the registry") != std::string::npos);
    }

    void logsAreDemuxedWhateverTheChunking()
    {
        for (std::size_t chunk : {1u, 3u, 8u, 9u, 1000u}) {
            fresh();
            fake->expect("GET", "/containers/t/json", FakeTransport::ok(R"({"Id":"tid","Config":{"Tty":false}})"));
            fake->expect("GET", "/containers/tid/logs", FakeTransport::ok(fixture("logs-multiplexed.bin")), chunk);
            std::string out, err;
            auto r = engine->logs("t", {}, [&](LogStream s, std::string_view d) {
                (s == LogStream::Stderr ? err : out).append(d);
                return true;
            });
            QVERIFY(r.ok());
            QCOMPARE(out, std::string("out 4\nout 5\nout 6\n"));
            QCOMPARE(err, std::string("err 4\nerr 5\nerr 6\n"));
        }
    }

    void logsOfATtyContainerAreRaw()
    {
        fresh();
        fake->expect("GET", "/containers/t/json", FakeTransport::ok(R"({"Id":"tid","Config":{"Tty":true}})"));
        fake->expect("GET", "/containers/tid/logs", FakeTransport::ok(fixture("logs-tty.bin")));
        std::string out;
        bool onlyStdout = true;
        auto r = engine->logs("t", {}, [&](LogStream s, std::string_view d) {
            onlyStdout = onlyStdout && s == LogStream::Stdout;
            out.append(d);
            return true;
        });
        QVERIFY(r.ok());
        QVERIFY(onlyStdout);
        QCOMPARE(out, fixture("logs-tty.bin"));
        QVERIFY(out.find("out ") != std::string::npos && out.find("err ") != std::string::npos);
    }

    void eventsResumeAfterTheLastEventWhenTheStreamDrops()
    {
        fresh();
        const std::string all = fixture("events.jsonl");
        const auto firstLineEnd = all.find('\n') + 1;
        fake->expect("GET", "/events?filters=", FakeTransport::ok(all.substr(0, firstLineEnd)), 10);
        fake->expectConnectFailure("GET", "/events?since=");
        fake->expect("GET", "/events?since=", FakeTransport::ok(all.substr(firstLineEnd)), 17);
        std::vector<std::string> actions;
        int disconnects = 0;
        std::atomic<bool> cancel{false};
        EventOptions opts;
        opts.filters = {{"type", {"container"}}};
        auto r = engine->events(opts, [&](const Event& e) {
            actions.push_back(e.action);
            return e.action != "destroy" || actions.size() < 4;
        }, &cancel, [&](const Error&) { ++disconnects; });
        QVERIFY(r.ok());
        QCOMPARE(actions.front(), std::string("kill"));
        QVERIFY(std::find(actions.begin(), actions.end(), "die") != actions.end());
        QCOMPARE(actions.back(), std::string("destroy"));
        QCOMPARE(disconnects, 2); // the end of the first stream, then the refused connection
        // Each reconnection resumed at the first event's time (engines resend from there; see below).
        auto first = nlohmann::json::parse(all.substr(0, firstLineEnd));
        const auto nano = first["timeNano"].get<std::int64_t>();
        char since[64];
        std::snprintf(since, sizeof since, "since=%lld.%09lld", static_cast<long long>(nano / 1000000000),
                      static_cast<long long>(nano % 1000000000));
        const auto targets = fake->targets();
        QVERIFY2(targets.back().find(since) != std::string::npos, targets.back().c_str());
    }

    void eventsResentAfterAReconnectionAreNotDeliveredTwice()
    {
        // Podman resends every event of the second it resumes from: the first two come again.
        fresh();
        const std::string all = fixture("events.jsonl");
        std::vector<std::string> lines;
        for (std::size_t pos = 0, nl; (nl = all.find('\n', pos)) != std::string::npos; pos = nl + 1) {
            lines.push_back(all.substr(pos, nl - pos + 1));
        }
        QVERIFY(lines.size() >= 4);
        fake->expect("GET", "/events", FakeTransport::ok(lines[0] + lines[1]));
        std::string rest;
        for (const auto& l : lines) {
            rest += l;
        }
        fake->expect("GET", "/events?since=", FakeTransport::ok(rest), 13);
        std::vector<std::string> seen;
        std::atomic<bool> cancel{false};
        auto r = engine->events({}, [&](const Event& e) {
            seen.push_back(e.raw.dump());
            return seen.size() < lines.size();
        }, &cancel);
        QVERIFY(r.ok());
        QCOMPARE(seen.size(), lines.size());
        std::set<std::string> unique(seen.begin(), seen.end());
        QCOMPARE(unique.size(), seen.size());
    }

    void eventsAreNotMissedWhenTheStreamDropsBeforeItsFirstEvent_data()
    {
        QTest::addColumn<bool>("refused");
        QTest::newRow("closed without an event") << false;
        QTest::newRow("connection refused") << true;
    }

    void eventsAreNotMissedWhenTheStreamDropsBeforeItsFirstEvent()
    {
        // The first connection brings nothing: what happened while it was down must still come, so the
        // second asks from the moment the first one began, and what it brings is delivered exactly once.
        QFETCH(bool, refused);
        fresh();
        auto timed = std::make_shared<TimedTransport>(fake);
        engine = std::make_unique<EngineClient>(timed);
        const std::string all = fixture("events.jsonl");
        std::vector<std::string> lines;
        for (std::size_t pos = 0, nl; (nl = all.find('\n', pos)) != std::string::npos; pos = nl + 1) {
            lines.push_back(all.substr(pos, nl - pos));
        }
        QVERIFY(lines.size() >= 4);
        if (refused) {
            fake->expectConnectFailure("GET", "/events");
        } else {
            fake->expect("GET", "/events", FakeTransport::ok(""));
        }
        fake->expect("GET", "/events", FakeTransport::ok(all), 11);
        // The third resends from the last event's second on, as Podman does: nothing of it comes twice.
        fake->expect("GET", "/events", FakeTransport::ok(all), 7);

        const auto before = nowNano();
        std::vector<std::string> seen;
        int disconnects = 0;
        std::atomic<bool> cancel{false};
        EventOptions opts;
        opts.filters = {{"type", {"container"}}};
        auto r = engine->events(opts, [&](const Event& e) {
            seen.push_back(e.raw.dump());
            return true;
        }, &cancel, [&](const Error&) {
            if (++disconnects == 3) {
                cancel = true; // the third stream has ended: all there was is in
            }
        });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Cancelled);
        QCOMPARE(disconnects, 3);
        QCOMPARE(fake->pending(), std::size_t(0));

        const auto requests = timed->requests();
        QCOMPARE(requests.size(), std::size_t(3));
        QVERIFY2(queryValue(requests[0].target, "since").empty(), requests[0].target.c_str()); // from now
        const std::string since = queryValue(requests[1].target, "since");
        QVERIFY2(!since.empty(), requests[1].target.c_str());
        QVERIFY2(since.size() > 10 && since[since.size() - 10] == '.', since.c_str()); // seconds.nanoseconds
        const auto sinceNano =
            std::stoll(since.substr(0, since.size() - 10)) * 1000000000LL + std::stoll(since.substr(since.size() - 9));
        // The time the first connection began: not before the call, not after the first request went out
        // (and so well before the second one, which waits out the back-off first).
        QVERIFY2(sinceNano >= before, since.c_str());
        QVERIFY2(sinceNano <= requests[0].atNano, since.c_str());
        QVERIFY(requests[1].atNano - requests[0].atNano >= 400'000'000); // 500 ms back-off between them
        QVERIFY(requests[1].target.find("filters=") != std::string::npos); // still filtered
        // The third resumes from the last event delivered.
        const auto last = nlohmann::json::parse(lines.back())["timeNano"].get<long long>();
        char lastSince[64];
        std::snprintf(lastSince, sizeof lastSince, "%lld.%09lld", last / 1000000000, last % 1000000000);
        QCOMPARE(queryValue(requests[2].target, "since"), std::string(lastSince));

        QCOMPARE(seen.size(), lines.size());
        for (std::size_t i = 0; i < lines.size(); ++i) {
            QCOMPARE(seen[i], nlohmann::json::parse(lines[i]).dump());
        }
    }

    void eventsStopWhenCancelled()
    {
        fresh();
        std::atomic<bool> cancel{false};
        fake->expectConnectFailure("GET", "/events");
        auto r = engine->events({}, [](const Event&) { return true; }, &cancel, [&](const Error&) { cancel = true; });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Cancelled);
    }

    void saveAsksForEveryImageInOneArchiveWhateverTheChunking()
    {
        const std::string archive = archiveBytes(9);
        for (std::size_t chunk : {0u, 1u, 100u, 511u, 4096u}) {
            fresh();
            fake->expect("GET", "/images/get?", FakeTransport::ok(archive), chunk);
            std::string got;
            auto r = engine->saveImages({"127.0.0.1:5055/berth-test/pullme:1", "sha256:0123abcd", "x y&z"},
                                        [&](std::string_view c) {
                                            got.append(c);
                                            return true;
                                        });
            QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
            QCOMPARE(got, archive);
            // Every name url-encoded, each as its own names= parameter (Docker's and Podman's shape).
            QCOMPARE(fake->targets(),
                     std::vector<std::string>{"GET /v1.41/images/get?names=127.0.0.1%3A5055%2Fberth-test%2Fpullme%3A1"
                                              "&names=sha256%3A0123abcd&names=x%20y%26z"});
            const auto req = fake->requests().back();
            QCOMPARE(req.timeout, std::chrono::milliseconds(0)); // an archive of gigabytes takes what it takes
            QVERIFY(req.headerTimeout >= std::chrono::seconds(600)); // Podman writes the archive before answering
        }
    }

    void saveRefusesNoNamesBeforeAskingTheEngine()
    {
        fresh();
        auto none = engine->saveImages({}, [](std::string_view) { return true; });
        QCOMPARE(none.error().kind, ErrorKind::BadInput);
        auto empty = engine->saveImages({"a:1", ""}, [](std::string_view) { return true; });
        QCOMPARE(empty.error().kind, ErrorKind::BadInput);
        QVERIFY(fake->targets().empty());
    }

    void saveSaysAnImageIsMissing_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("engineSays");
        QTest::newRow("docker") << "error-404-save.txt" << 404 << "reference does not exist";
        QTest::newRow("podman") << "podman/error-500-save-unknown.json" << 500 << "image not known";
    }

    void saveSaysAnImageIsMissing()
    {
        QFETCH(QString, file);
        QFETCH(int, status);
        QFETCH(QString, engineSays);
        const std::string name = file.toStdString();
        const HttpResponse recorded = name.ends_with(".txt") ? test::errorFixture(name.c_str())
                                                             : FakeTransport::ok(fixture(name.c_str()), status);
        for (const std::vector<std::string>& refs :
             {std::vector<std::string>{"berth-rec/none:1"}, std::vector<std::string>{"a:1", "berth-rec/none:1"}}) {
            fresh();
            fake->expect("GET", "/images/get?names=", recorded);
            bool called = false;
            auto r = engine->saveImages(refs, [&](std::string_view) { return called = true; });
            QVERIFY(!r.ok());
            QVERIFY(!called); // an error's body is no archive
            QCOMPARE(r.error().kind, ErrorKind::NotFound);
            QCOMPARE(r.error().httpStatus, status);
            QVERIFY2(r.error().engineMessage.find(engineSays.toStdString()) != std::string::npos,
                     r.error().engineMessage.c_str());
            QVERIFY2(r.error().message.find("berth-rec/none:1") != std::string::npos, r.error().message.c_str());
            QCOMPARE(r.error().has(RemedyKind::PullImage), refs.size() == 1);
        }
    }

    void saveOfAnArchiveCutShortIsAnError()
    {
        // The stream ends in the middle (no end-of-archive blocks): not a success, whatever came.
        fresh();
        const std::string archive = archiveBytes(9);
        fake->expect("GET", "/images/get", FakeTransport::ok(archive.substr(0, 3000)), 100);
        auto cut = engine->saveImages({"a:1"}, [](std::string_view) { return true; });
        QVERIFY(!cut.ok());
        QCOMPARE(cut.error().kind, ErrorKind::Engine);
        QVERIFY2(cut.error().message.find("before its end") != std::string::npos, cut.error().message.c_str());
        // Docker, failing after its first byte, appends its error to the tar stream: its words come through.
        fresh();
        const std::string said = R"({"errorDetail":{"message":"write /var/lib/docker/tmp/x: no space left on device"},)"
                                 R"("error":"write /var/lib/docker/tmp/x: no space left on device"})";
        fake->expect("GET", "/images/get", FakeTransport::ok(archive.substr(0, 2560) + said + "\n"), 333);
        auto failed = engine->saveImages({"a:1"}, [](std::string_view) { return true; });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().engineMessage, std::string("write /var/lib/docker/tmp/x: no space left on device"));
        QVERIFY2(failed.error().message.find("no space left on device") != std::string::npos,
                 failed.error().message.c_str());
        // Nothing at all is no archive either.
        fresh();
        fake->expect("GET", "/images/get", FakeTransport::ok(""));
        QVERIFY(!engine->saveImages({"a:1"}, [](std::string_view) { return true; }).ok());
    }

    void saveStoppedByItsHandlerIsNoSuccess()
    {
        fresh();
        fake->expect("GET", "/images/get", FakeTransport::ok(archiveBytes(20)), 512);
        int chunks = 0;
        auto r = engine->saveImages({"a:1"}, [&](std::string_view) { return ++chunks < 3; });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Cancelled);
        QCOMPARE(chunks, 3);
    }

    void loadSendsTheArchiveAsItGoesAndReadsDockersAnswer_data()
    {
        QTest::addColumn<int>("chunk");
        QTest::addColumn<bool>("sizeKnown");
        for (int c : {0, 1, 13, 200}) {
            QTest::newRow(qPrintable(QString("chunk %1, length").arg(c))) << c << true;
            QTest::newRow(qPrintable(QString("chunk %1, chunked").arg(c))) << c << false;
        }
    }

    void loadSendsTheArchiveAsItGoesAndReadsDockersAnswer()
    {
        QFETCH(int, chunk);
        QFETCH(bool, sizeKnown);
        fresh();
        fake->setUploadStep(3000);
        // An upload cannot be sent twice: the version is agreed before, not by a refused try.
        fake->expect("GET", "/_ping", test::pingResponse());
        fake->expect("POST", "/images/load?quiet=0", FakeTransport::ok(fixture("load-progress.jsonl")),
                     static_cast<std::size_t>(chunk));
        const std::string archive = archiveBytes(40);
        std::size_t offset = 0;
        const std::int64_t size = sizeKnown ? static_cast<std::int64_t>(archive.size()) : -1;
        std::vector<std::pair<std::int64_t, std::int64_t>> progress;
        auto r = engine->loadImages(sourceOf(archive, &offset), size,
                                    [&](std::int64_t sent, std::int64_t total) { progress.emplace_back(sent, total); });
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r->loaded, (std::vector<std::string>{"berth-rec/load:1", "berth-rec/load:2"}));
        QCOMPARE(fake->uploads(), std::vector<std::string>{archive});
        const auto req = fake->requests().back();
        QCOMPARE(req.method, std::string("POST"));
        QCOMPARE(req.bodySize, size);
        QVERIFY(req.body.empty());
        QVERIFY(hasHeader(req, "Content-Type", "application/x-tar"));
        QCOMPARE(req.timeout, std::chrono::milliseconds(0));
        QVERIFY(req.headerTimeout >= std::chrono::seconds(600)); // Podman stores the archive before answering
        // Bytes sent, piece by piece, up to the whole archive.
        QCOMPARE(progress.size(), (archive.size() + 2999) / 3000);
        for (std::size_t i = 1; i < progress.size(); ++i) {
            QVERIFY(progress[i].first > progress[i - 1].first);
        }
        QCOMPARE(progress.back(), std::make_pair(static_cast<std::int64_t>(archive.size()), size));
    }

    void loadReadsEachEnginesWords_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("loaded");
        QTest::newRow("docker, no tag")
            << "load-untagged.jsonl"
            << QStringList{"sha256:3d264767809766f50e9e9e15767e40724a915bf9884d0afa0b2789c22bd0d514"};
        QTest::newRow("podman, two images")
            << "podman/load.json" << QStringList{"localhost/berth-rec/load:1", "localhost/berth-rec/load:2"};
        QTest::newRow("podman, no tag")
            << "podman/load-untagged.json"
            << QStringList{"sha256:1381cba7e2db0dc5ceaccd05883a26460373c47349d9395be146c747f4684b55"};
    }

    void loadReadsEachEnginesWords()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, loaded);
        for (std::size_t chunk : {0u, 5u}) {
            fresh();
            fake->expect("GET", "/_ping", test::pingResponse());
            fake->expect("POST", "/images/load", FakeTransport::ok(fixture(file.toUtf8().constData())), chunk);
            const std::string archive = archiveBytes(2);
            std::size_t offset = 0;
            auto r = engine->loadImages(sourceOf(archive, &offset), -1, {});
            QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
            std::vector<std::string> expected;
            for (const auto& l : loaded) {
                expected.push_back(l.toStdString());
            }
            QCOMPARE(r->loaded, expected);
        }
    }

    void loadFailsOnAnErrorLineMidStream()
    {
        fresh();
        fake->expect("GET", "/_ping", test::pingResponse());
        const std::string progress = fixture("load-progress.jsonl");
        const std::string firstImage = progress.substr(0, progress.find("\n", progress.find("Loaded image")) + 1);
        fake->expect("POST", "/images/load", FakeTransport::ok(firstImage + fixture("load-error.jsonl")), 7);
        const std::string archive = archiveBytes(2);
        std::size_t offset = 0;
        auto r = engine->loadImages(sourceOf(archive, &offset), -1, {});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::BadInput);
        QCOMPARE(r.error().engineMessage,
                 std::string("Error processing tar file(exit status 1): archive/tar: invalid tar header"));
        QVERIFY2(r.error().message.find("invalid tar header") != std::string::npos, r.error().message.c_str());
        QVERIFY2(r.error().message.find("Loaded before that: berth-rec/load:1.") != std::string::npos,
                 r.error().message.c_str());
        // Another failure in the stream (the engine's disk, not the archive) is the engine's.
        fresh();
        fake->expect("GET", "/_ping", test::pingResponse());
        fake->expect("POST", "/images/load",
                     FakeTransport::ok(R"({"errorDetail":{"message":"no space left on device"},)"
                                       R"("error":"no space left on device"})"));
        offset = 0;
        auto disk = engine->loadImages(sourceOf(archive, &offset), -1, {});
        QCOMPARE(disk.error().kind, ErrorKind::Engine);
        QVERIFY(disk.error().message.find("no space left on device") != std::string::npos);
    }

    void loadFailsOnPodmansRefusal()
    {
        fresh();
        fake->expect("GET", "/_ping", test::pingResponse());
        fake->expect("POST", "/images/load", FakeTransport::ok(fixture("podman/error-500-load.json"), 500));
        const std::string archive = archiveBytes(2);
        std::size_t offset = 0;
        auto r = engine->loadImages(sourceOf(archive, &offset), static_cast<std::int64_t>(archive.size()), {});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::BadInput);
        QCOMPARE(r.error().httpStatus, 500);
        QVERIFY(r.error().engineMessage.starts_with("failed to load image: payload does not match"));
        QVERIFY2(r.error().message.find("whole image archive") != std::string::npos, r.error().message.c_str());
    }

    void loadWhoseAnswerIsCutShortIsAnError()
    {
        // Progress, then the stream ends in the middle of its "Loaded image" line: nothing is known to be loaded.
        const std::string progress = fixture("load-progress.jsonl");
        const std::string cut = progress.substr(0, progress.find("Loaded image") + 6);
        for (const std::string& body : {cut, std::string()}) {
            fresh();
            fake->expect("GET", "/_ping", test::pingResponse());
            fake->expect("POST", "/images/load", FakeTransport::ok(body), 11);
            const std::string archive = archiveBytes(2);
            std::size_t offset = 0;
            auto r = engine->loadImages(sourceOf(archive, &offset), -1, {});
            QVERIFY(!r.ok());
            QCOMPARE(r.error().kind, ErrorKind::Engine);
            QVERIFY2(r.error().message.find("did not say which images") != std::string::npos,
                     r.error().message.c_str());
        }
    }

    void loadBoundsAHostileAnswer()
    {
        // Names without end, then a line longer than any document Berth reads: neither grows memory without end.
        fresh();
        fake->expect("GET", "/_ping", test::pingResponse());
        std::string names = "{\"stream\":\"Loaded image: "; // (no raw string: moc misreads one with an odd quote)
        for (int i = 0; i < 200000; ++i) {
            names += "berth-rec/x:" + std::to_string(i) + ",";
        }
        names += "\"}\n";
        fake->expect("POST", "/images/load", FakeTransport::ok(names + std::string(17u << 20, 'x')), 1u << 16);
        const std::string archive = archiveBytes(2);
        std::size_t offset = 0;
        auto r = engine->loadImages(sourceOf(archive, &offset), -1, {});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Engine);
        QVERIFY2(r.error().message.find("more loaded images than") != std::string::npos, r.error().message.c_str());
        // A runaway line alone is dropped: then nothing was named.
        fresh();
        fake->expect("GET", "/_ping", test::pingResponse());
        fake->expect("POST", "/images/load",
                     FakeTransport::ok("{\"stream\":\"" + std::string(17u << 20, 'x') + "\"}\n"), 1u << 20);
        offset = 0;
        auto runaway = engine->loadImages(sourceOf(archive, &offset), -1, {});
        QVERIFY(!runaway.ok());
        QVERIFY(runaway.error().message.find("did not say which images") != std::string::npos);
    }

    void loadStopsWhenCancelledMidUploadOrWhenItsSourceFails()
    {
        fresh();
        fake->setUploadStep(1000);
        fake->expect("GET", "/_ping", test::pingResponse());
        fake->expect("POST", "/images/load", FakeTransport::ok(fixture("load-progress.jsonl")));
        const std::string archive = archiveBytes(40);
        std::size_t offset = 0;
        std::atomic<bool> cancel{false};
        std::int64_t lastSent = 0;
        auto r = engine->loadImages(sourceOf(archive, &offset), static_cast<std::int64_t>(archive.size()),
                                    [&](std::int64_t sent, std::int64_t) {
                                        lastSent = sent;
                                        cancel = sent >= 5000;
                                    },
                                    &cancel);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Cancelled);
        QCOMPARE(lastSent, std::int64_t(5000)); // not a byte read after cancel
        QVERIFY(fake->uploads().empty());
        // A source that cannot read further ends the load with its own words.
        fresh();
        fake->expect("GET", "/_ping", test::pingResponse());
        fake->expect("POST", "/images/load", FakeTransport::ok(fixture("load-progress.jsonl")));
        int calls = 0;
        auto failing = engine->loadImages(
            [&](char* buffer, std::size_t max) -> Result<std::size_t> {
                if (++calls > 2) {
                    return makeError(ErrorKind::Io, "Reading /media/usb/bundle.tar failed (Input/output error).");
                }
                std::memset(buffer, 'x', max);
                return max;
            },
            -1, {});
        QVERIFY(!failing.ok());
        QCOMPARE(failing.error().kind, ErrorKind::Io);
        QCOMPARE(failing.error().message, std::string("Reading /media/usb/bundle.tar failed (Input/output error)."));
    }

    void loadFromAFileReadsTheFileItselfOnly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string base = dir.path().toStdString();
        const std::string archive = archiveBytes(50);
        const std::string file = base + "/bundle.tar";
        {
            std::FILE* f = std::fopen(file.c_str(), "wb");
            QVERIFY(f);
            QCOMPARE(std::fwrite(archive.data(), 1, archive.size(), f), archive.size());
            std::fclose(f);
        }
        fresh();
        fake->expect("GET", "/_ping", test::pingResponse());
        fake->expect("POST", "/images/load", FakeTransport::ok(fixture("load-progress.jsonl")));
        std::int64_t total = 0;
        auto r = engine->loadImagesFromFile(file, [&](std::int64_t, std::int64_t t) { total = t; });
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(fake->uploads(), std::vector<std::string>{archive});
        QCOMPARE(fake->requests().back().bodySize, static_cast<std::int64_t>(archive.size())); // Content-Length
        QCOMPARE(total, static_cast<std::int64_t>(archive.size()));

        QVERIFY(::symlink(file.c_str(), (base + "/link.tar").c_str()) == 0);
        QVERIFY(::mkfifo((base + "/fifo.tar").c_str(), 0600) == 0);
        fresh();
        auto link = engine->loadImagesFromFile(base + "/link.tar", {});
        QCOMPARE(link.error().kind, ErrorKind::BadInput);
        QVERIFY2(link.error().message.find("symbolic link") != std::string::npos, link.error().message.c_str());
        auto fifo = engine->loadImagesFromFile(base + "/fifo.tar", {}); // refused, and no wait for a writer
        QCOMPARE(fifo.error().kind, ErrorKind::BadInput);
        QCOMPARE(engine->loadImagesFromFile(base, {}).error().kind, ErrorKind::BadInput);
        auto missing = engine->loadImagesFromFile(base + "/none.tar", {});
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
        QVERIFY(missing.error().message.find(base + "/none.tar") != std::string::npos);
        QVERIFY(fake->targets().empty()); // none of them reached the engine
    }

    void comparesVersionsNumerically()
    {
        QCOMPARE(compareVersions("1.41", "1.41"), 0);
        QCOMPARE(compareVersions("1.9", "1.41"), -1);
        QCOMPARE(compareVersions("1.100", "1.52"), 1);
        QCOMPARE(compareVersions("2", "1.99"), 1);
    }
};

QTEST_APPLESS_MAIN(TestEngineClient)
#include "TestEngineClient.moc"
