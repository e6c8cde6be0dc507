// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "FakeTransport.h"

#include "berth/core/engine/Stats.h"

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
        QCOMPARE(out.cpuPercent, expectCpu); // 0: the recorded notebook was idle (a busy one is below)
        const auto usage = s["memory_stats"]["usage"].get<std::uint64_t>();
        const auto inactive = s["memory_stats"]["stats"]["total_inactive_file"].get<std::uint64_t>();
        QCOMPARE(out.memoryUsed, usage - inactive);
        QCOMPARE(out.memoryLimit, s["memory_stats"]["limit"].get<std::uint64_t>());
        QVERIFY(out.memoryPercent > 0 && out.memoryPercent < 100);
        QVERIFY(out.pids > 0);
        QVERIFY(!out.read.empty());
    }

    void cpuPercentScalesByTheOnlineCpus()
    {
        // A busy container on a 4-CPU cgroup v1 host (the recorded document, its CPU counters one second
        // on): 1.5 s of CPU time in 4 s of system time across 4 online CPUs is 150 %. cgroup v1 lists every
        // possible CPU in percpu_usage (8 here), which is why docker stats prefers online_cpus.
        const json s = json::parse(berth::test::fixture("stats-busy-4cpu.json"));
        QCOMPARE(s["cpu_stats"]["online_cpus"].get<int>(), 4);
        QCOMPARE(s["cpu_stats"]["cpu_usage"]["percpu_usage"].size(), std::size_t(8));
        QCOMPARE(computeStats(s).cpuPercent, 150.0); // 1.5e9 / 4e9 * 4 * 100

        json half = s; // the same work on 2 online CPUs is a busier share of fewer
        half["cpu_stats"]["online_cpus"] = 2;
        QCOMPARE(computeStats(half).cpuPercent, 75.0);
    }

    void cpuFallsBackToThePerCpuCountWithoutOnlineCpus_data()
    {
        QTest::addColumn<bool>("absent"); // absent, or 0 as docker/cli reads an absent field
        QTest::newRow("absent") << true;
        QTest::newRow("zero") << false;
    }

    void cpuFallsBackToThePerCpuCountWithoutOnlineCpus()
    {
        QFETCH(bool, absent);
        json s = json::parse(berth::test::fixture("stats-busy-4cpu.json"));
        if (absent) {
            s["cpu_stats"].erase("online_cpus");
        } else {
            s["cpu_stats"]["online_cpus"] = 0;
        }
        QCOMPARE(computeStats(s).cpuPercent, 300.0); // len(percpu_usage) = 8
        s["cpu_stats"]["cpu_usage"].erase("percpu_usage"); // cgroup v2 has none: no CPU count, no figure
        QCOMPARE(computeStats(s).cpuPercent, 0.0);
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
