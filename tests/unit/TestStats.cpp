// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "FakeTransport.h"

#include "berth/core/Stats.h"

#include <QTest>

using namespace berth::core;
using nlohmann::json;

class TestStats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void computesCpuAndMemoryLikeDockerStatsOnCgroup1()
    {
        const json s = json::parse(berth::test::fixture("stats-cgroup1.json"));
        const StatsSample out = computeStats(s);
        // The same arithmetic as docker/cli, spelled out on the recorded numbers.
        const double cpuDelta = s["cpu_stats"]["cpu_usage"]["total_usage"].get<double>() -
                                s["precpu_stats"]["cpu_usage"]["total_usage"].get<double>();
        const double sysDelta =
            s["cpu_stats"]["system_cpu_usage"].get<double>() - s["precpu_stats"]["system_cpu_usage"].get<double>();
        const double expectCpu = cpuDelta / sysDelta * s["cpu_stats"]["online_cpus"].get<double>() * 100.0;
        QCOMPARE(out.cpuPercent, expectCpu);
        const auto usage = s["memory_stats"]["usage"].get<std::uint64_t>();
        const auto inactive = s["memory_stats"]["stats"]["total_inactive_file"].get<std::uint64_t>();
        QCOMPARE(out.memoryUsed, usage - inactive);
        QCOMPARE(out.memoryLimit, s["memory_stats"]["limit"].get<std::uint64_t>());
        QVERIFY(out.memoryPercent > 0 && out.memoryPercent < 100);
        QVERIFY(out.pids > 0);
        QVERIFY(!out.read.empty());
    }

    void oneShotHasNoCpuFigure()
    {
        const StatsSample out = computeStats(json::parse(berth::test::fixture("stats-oneshot.json")));
        QCOMPARE(out.cpuPercent, 0.0);
        QVERIFY(out.memoryUsed > 0);
    }

    void readsCgroup2AndCountsCpusWhenOnlineIsMissing()
    {
        // cgroup v2 names the page cache inactive_file; old engines leave online_cpus out.
        const json s = {
            {"cpu_stats", {{"cpu_usage", {{"total_usage", 3000}, {"percpu_usage", {1, 2, 3, 4}}}}, {"system_cpu_usage", 20000}}},
            {"precpu_stats", {{"cpu_usage", {{"total_usage", 1000}}}, {"system_cpu_usage", 10000}}},
            {"memory_stats", {{"usage", 1000}, {"limit", 4000}, {"stats", {{"inactive_file", 200}}}}},
        };
        const StatsSample out = computeStats(s);
        QCOMPARE(out.cpuPercent, 2000.0 / 10000.0 * 4 * 100);
        QCOMPARE(out.memoryUsed, std::uint64_t(800));
        QCOMPARE(out.memoryPercent, 20.0);
    }

    void survivesNonsense()
    {
        for (const char* text : {"null", "[]", "{}", R"({"memory_stats":{"usage":"lots","stats":[]}})",
                                 R"({"cpu_stats":{"cpu_usage":{"total_usage":-5}},"memory_stats":{"usage":1e400}})"}) {
            auto j = json::parse(text, nullptr, false);
            const StatsSample out = computeStats(j);
            QVERIFY(out.cpuPercent >= 0);
        }
    }
};

QTEST_APPLESS_MAIN(TestStats)
#include "TestStats.moc"
