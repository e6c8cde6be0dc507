// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// Every parser of engine answers meets mutated recorded answers: wrong types, cut text, random bytes.
// None may crash or throw. (A deterministic stand-in for the fuzz targets, so every test run covers it.)
#include "FakeTransport.h"

#include "berth/core/engine/EngineClient.h"
#include "berth/core/base/JsonLineSplitter.h"

#include <QTest>

#include <random>

using namespace berth;
using namespace berth::core;
using nlohmann::json;

namespace {
// Replaces values deep in a document with values of other types.
void mutate(json& j, std::mt19937& rng)
{
    static const json replacements[] = {nullptr, 42, -1, 1e300, "text", json::array(), json::object(), true,
                                        json::array({1, "x", nullptr})};
    if (j.is_object() || j.is_array()) {
        for (auto& child : j) {
            if (rng() % 5 == 0) {
                child = replacements[rng() % std::size(replacements)];
            } else {
                mutate(child, rng);
            }
        }
    }
}
} // namespace

class TestJsonRobustness : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void typedParsersSurviveMutatedAnswers()
    {
        std::mt19937 rng(20261123);
        const json inspect = json::parse(test::fixture("container-inspect.json"));
        const json list = json::parse(test::fixture("containers.json"));
        const json info = json::parse(test::fixture("info.json"));
        const json version = json::parse(test::fixture("version.json"));
        const json images = json::parse(test::fixture("images.json"));
        for (int i = 0; i < 300; ++i) {
            json a = inspect, b = list, c = info, d = version, e = images;
            mutate(a, rng);
            mutate(b, rng);
            mutate(c, rng);
            mutate(d, rng);
            mutate(e, rng);
            (void)ContainerDetails::fromJson(a);
            (void)ImageDetails::fromJson(a);
            for (const auto& x : b) {
                (void)ContainerSummary::fromJson(x);
                (void)Event::fromJson(x);
            }
            (void)EngineInfo::fromJson(c);
            (void)VersionInfo::fromJson(d);
            for (const auto& x : e) {
                (void)ImageSummary::fromJson(x);
            }
            (void)computeStats(a);
        }
    }

    void clientSurvivesTruncatedAndGarbledBodies()
    {
        std::mt19937 rng(7);
        const std::string bodies[] = {test::fixture("containers.json"), test::fixture("container-inspect.json"),
                                      test::fixture("pull-progress.jsonl"), test::fixture("events.jsonl")};
        for (int i = 0; i < 200; ++i) {
            std::string body = bodies[static_cast<std::size_t>(i) % std::size(bodies)];
            body.resize(rng() % (body.size() + 1));
            for (int k = 0; k < 3 && !body.empty(); ++k) {
                body[rng() % body.size()] = static_cast<char>(rng() % 256);
            }
            auto fake = std::make_shared<test::FakeTransport>();
            EngineClient engine(fake);
            fake->expect("GET", "/_ping", test::pingResponse());
            fake->expect("GET", "/containers/json", test::FakeTransport::ok(body));
            fake->expect("GET", "/containers/x/json", test::FakeTransport::ok(body));
            fake->expect("POST", "/images/create", test::FakeTransport::ok(body), 1 + rng() % 50);
            fake->expect("GET", "/events", test::FakeTransport::ok(body), 1 + rng() % 50);
            (void)engine.listContainers(true);
            (void)engine.inspectContainer("x");
            (void)engine.pullImage("x:1", [](const PullProgress& p) { (void)p.fraction(); });
            EventOptions opts;
            opts.reconnect = false;
            (void)engine.events(opts, [](const Event&) { return true; }, nullptr);
        }
    }

    void splitterDeliversWholeLinesWhateverTheCuts()
    {
        const std::string text = test::fixture("events.jsonl");
        std::vector<std::string> whole;
        JsonLineSplitter all([&](std::string_view d) {
            whole.emplace_back(d);
            return true;
        });
        all.feed(text);
        all.finish();
        QVERIFY(whole.size() >= 6);
        for (std::size_t step : {1u, 2u, 13u, 400u}) {
            std::vector<std::string> got;
            JsonLineSplitter s([&](std::string_view d) {
                got.emplace_back(d);
                return true;
            });
            for (std::size_t i = 0; i < text.size(); i += step) {
                s.feed(std::string_view(text).substr(i, step));
            }
            s.finish();
            QCOMPARE(got, whole);
        }
    }
};

QTEST_APPLESS_MAIN(TestJsonRobustness)
#include "TestJsonRobustness.moc"
