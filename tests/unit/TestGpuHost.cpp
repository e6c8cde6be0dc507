// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// Host GPU detection: a fake libnvidia-ml.so.1 with NVML's C ABI (tests/fakes/fake_nvml.c), a fake nvidia-smi
// printing what real machines printed (tests/data/gpu), real /proc/driver/nvidia/version texts, and a machine
// with none of them.
#include "berth/core/gpu/GpuHost.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

using namespace berth::core;

namespace {
const std::string kFakeNvml = FAKE_NVML_PATH;
const std::string kFakeSmi = FAKE_SMI_PATH;
const std::string kData = BERTH_TEST_DATA "/gpu/";

std::string fixture(const char* name)
{
    QFile f(QString::fromStdString(kData + name));
    if (!f.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", name);
    }
    const QByteArray b = f.readAll();
    return std::string(b.constData(), static_cast<std::size_t>(b.size()));
}

GpuProbeOptions only(bool nvml, bool smi, bool proc)
{
    GpuProbeOptions o;
    o.nvmlLibrary = nvml ? kFakeNvml : "/nonexistent/libnvidia-ml.so.1";
    o.nvidiaSmi = smi ? kFakeSmi : "/nonexistent/nvidia-smi";
    o.procVersionPath = proc ? kData + "proc-version-open-565.57.01.txt" : "/nonexistent/proc/driver/nvidia/version";
    o.kfdPath = "/nonexistent/dev/kfd";
    o.smiTimeout = std::chrono::seconds(10);
    return o;
}
} // namespace

class TestGpuHost : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        for (const char* v : {"FAKE_NVML_INIT_ERROR", "FAKE_NVML_DRIVER", "FAKE_NVML_CUDA", "FAKE_NVML_GPUS",
                              "FAKE_NVML_FAIL", "FAKE_NVML_FAIL_CODE", "FAKE_SMI_FIXTURE", "FAKE_SMI_EXIT",
                              "FAKE_SMI_NO_COMPUTE_CAP", "FAKE_SMI_SLEEP", "FAKE_SMI_ARGS_LOG", "FAKE_NVML_UTIL",
                              "FAKE_NVML_USED_MIB"}) {
            qunsetenv(v);
        }
        qputenv("FAKE_SMI_DATA", QByteArray::fromStdString(kData));
    }

    void nvmlReportsDriverCudaAndEveryGpu()
    {
        qputenv("FAKE_NVML_DRIVER", "550.54.14");
        qputenv("FAKE_NVML_CUDA", "12040");
        qputenv("FAKE_NVML_GPUS", "NVIDIA A100-SXM4-80GB|GPU-513536b6-7d19-9063-b049-1e69664bb298|81920|8.0|2;"
                                  "NVIDIA GeForce RTX 3090|GPU-e1924eea-b9bb-d537-39f2-b345087fa145|24576|8.6|5;"
                                  "Tesla T4|GPU-0b9c0a8e-1111-2222-3333-444455556666|15360|7.5|2");
        auto h = GpuHost::probeNvml(kFakeNvml);
        QVERIFY2(h.ok(), h.ok() ? "" : h.error().message.c_str());
        QCOMPARE(h->source, HostGpus::Source::Nvml);
        QCOMPARE(h->driverVersion, std::string("550.54.14"));
        QCOMPARE(h->cudaVersion, std::string("12.4"));
        QVERIFY(!h->cudaFromTable);
        QCOMPARE(h->gpus.size(), std::size_t(3));
        QCOMPARE(h->gpus[0].name, std::string("NVIDIA A100-SXM4-80GB"));
        QCOMPARE(h->gpus[0].brand, std::string("Tesla"));
        QCOMPARE(h->gpus[1].uuid, std::string("GPU-e1924eea-b9bb-d537-39f2-b345087fa145"));
        QCOMPARE(h->gpus[1].memoryTotal, std::uint64_t(24576) * 1024 * 1024);
        QCOMPARE(h->gpus[1].computeCapability, std::string("8.6"));
        QCOMPARE(h->gpus[1].brand, std::string("GeForce"));
        QCOMPARE(h->gpus[2].index, 2);
        QCOMPARE(h->gpus[2].computeCapability, std::string("7.5"));
    }

    void nvmlSamplesHowBusyEachGpuIs()
    {
        qputenv("FAKE_NVML_GPUS", "NVIDIA GeForce RTX 3090|GPU-e1924eea-b9bb-d537-39f2-b345087fa145|24576|8.6|5;"
                                  "Tesla T4|GPU-0b9c0a8e-1111-2222-3333-444455556666|15360|7.5|2");
        qputenv("FAKE_NVML_UTIL", "42");
        qputenv("FAKE_NVML_USED_MIB", "1024");
        auto u = GpuHost::sampleUsage(kFakeNvml);
        QVERIFY2(u.ok(), u.ok() ? "" : u.error().message.c_str());
        QCOMPARE(u->size(), std::size_t(2));
        QCOMPARE((*u)[1].index, 1);
        QCOMPARE((*u)[0].gpuPercent, 42);
        QCOMPARE((*u)[0].memoryUsed, std::int64_t(1) << 30);
        QCOMPARE((*u)[1].memoryTotal, std::int64_t(15360) << 20);
        // A driver without utilisation figures: the GPU is listed, its load unknown.
        qputenv("FAKE_NVML_FAIL", "nvmlDeviceGetUtilizationRates");
        u = GpuHost::sampleUsage(kFakeNvml);
        QVERIFY(u.ok());
        QCOMPARE((*u)[0].gpuPercent, -1);
        QCOMPARE(GpuHost::sampleUsage("/nonexistent/libnvidia-ml.so.1").error().kind, ErrorKind::NotFound);
    }

    void nvmlSaysWhenTheDriverIsNotLoaded()
    {
        qputenv("FAKE_NVML_INIT_ERROR", "9");
        auto h = GpuHost::probeNvml(kFakeNvml);
        QVERIFY(h.ok());
        QVERIFY(h->driverNotLoaded);
        QVERIFY(!h->hasNvidiaDriver());
        QVERIFY(h->notes.front().find("Driver Not Loaded") != std::string::npos);

        // Whole probe: nothing else answers either, so the host reads "driver not loaded", not "no GPU".
        auto host = GpuHost::probe(only(true, false, false));
        QVERIFY(host.driverNotLoaded);
        QVERIFY(!host.hasNvidiaDriver());
    }

    void nvmlOtherFailuresAreErrorsWithNvmlsWords()
    {
        qputenv("FAKE_NVML_INIT_ERROR", "18");
        auto h = GpuHost::probeNvml(kFakeNvml);
        QVERIFY(!h.ok());
        QVERIFY(h.error().message.find("Driver/library version mismatch (18)") != std::string::npos);
        auto missing = GpuHost::probeNvml("/nonexistent/libnvidia-ml.so.1");
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
    }

    void nvmlWithoutCudaVersionUsesTheDriverTable()
    {
        qputenv("FAKE_NVML_DRIVER", "470.82.01");
        qputenv("FAKE_NVML_CUDA", "fail");
        auto h = GpuHost::probeNvml(kFakeNvml);
        QVERIFY(h.ok());
        QCOMPARE(h->cudaVersion, std::string("11.4"));
        QVERIFY(h->cudaFromTable);
    }

    void nvmlWithNoGpuOrAnUnreadableOne()
    {
        qputenv("FAKE_NVML_GPUS", "none");
        auto h = GpuHost::probeNvml(kFakeNvml);
        QVERIFY(h.ok());
        QVERIFY(h->hasNvidiaDriver());
        QVERIFY(h->gpus.empty());

        qputenv("FAKE_NVML_GPUS", "A|GPU-a|1024|7.0|2;B|GPU-b|2048|8.0|2");
        qputenv("FAKE_NVML_FAIL", "nvmlDeviceGetHandleByIndex");
        qputenv("FAKE_NVML_FAIL_CODE", "15");
        h = GpuHost::probeNvml(kFakeNvml);
        QVERIFY(h.ok());
        QCOMPARE(h->gpus.size(), std::size_t(1));
        QCOMPARE(h->gpus[0].index, 1);
        QVERIFY(h->notes.front().find("GPU 0 cannot be read") != std::string::npos);
    }

    void fallsBackToNvidiaSmiOnWhatRealMachinesPrint()
    {
        qputenv("FAKE_SMI_FIXTURE", "smi-2gpu-compute-cap-driver-570.csv");
        auto h = GpuHost::probe(only(false, true, true));
        QCOMPARE(h.source, HostGpus::Source::NvidiaSmi);
        QCOMPARE(h.driverVersion, std::string("570.86.15"));
        QCOMPARE(h.cudaVersion, std::string("12.8"));
        QVERIFY(h.cudaFromTable);
        QCOMPARE(h.gpus.size(), std::size_t(2));
        QCOMPARE(h.gpus[0].name, std::string("NVIDIA TITAN V"));
        QCOMPARE(h.gpus[0].computeCapability, std::string("7.0"));
        QCOMPARE(h.gpus[1].name, std::string("NVIDIA RTX 5880 Ada Generation"));
        QCOMPARE(h.gpus[1].computeCapability, std::string("8.9"));
        QVERIFY(h.notes.front().starts_with("NVML:"));
    }

    void asksAgainWithoutComputeCapOnOldDrivers()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath("args.log");
        qputenv("FAKE_SMI_ARGS_LOG", log.toUtf8());
        qputenv("FAKE_SMI_NO_COMPUTE_CAP", "1");
        qputenv("FAKE_SMI_FIXTURE", "smi-2gpu-compute-cap-driver-570.csv");
        auto h = GpuHost::probeNvidiaSmi(kFakeSmi, std::chrono::seconds(10));
        QVERIFY2(h.ok(), h.ok() ? "" : h.error().message.c_str());
        QCOMPARE(h->gpus.size(), std::size_t(2));
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto lines = QString::fromUtf8(f.readAll()).trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].contains("compute_cap"));
        QVERIFY(!lines[1].contains("compute_cap"));
        QVERIFY(lines[1].contains("--query-gpu=index,name,uuid,driver_version,memory.total"));
    }

    void nvidiaSmiWithTheDriverNotLoaded()
    {
        qputenv("FAKE_SMI_FIXTURE", "smi-driver-not-loaded.txt");
        qputenv("FAKE_SMI_EXIT", "9");
        auto h = GpuHost::probeNvidiaSmi(kFakeSmi, std::chrono::seconds(10));
        QVERIFY(h.ok());
        QVERIFY(h->driverNotLoaded);
        QVERIFY(h->notes.front().find("couldn't communicate with the NVIDIA driver") != std::string::npos);
    }

    void nvidiaSmiThatHangsIsKilled()
    {
        qputenv("FAKE_SMI_SLEEP", "30");
        qputenv("FAKE_SMI_FIXTURE", "smi-2gpu-compute-cap-driver-570.csv");
        const auto start = std::chrono::steady_clock::now();
        auto h = GpuHost::probeNvidiaSmi(kFakeSmi, std::chrono::milliseconds(500));
        const auto took = std::chrono::steady_clock::now() - start;
        QVERIFY(!h.ok());
        QCOMPARE(h.error().kind, ErrorKind::Timeout);
        QVERIFY(took < std::chrono::seconds(5));
    }

    void nvidiaSmiFailuresAreErrors()
    {
        qputenv("FAKE_SMI_FIXTURE", "smi-compute-cap-only-570.csv");
        auto h = GpuHost::probeNvidiaSmi(kFakeSmi, std::chrono::seconds(10));
        QVERIFY(!h.ok());
        QCOMPARE(h.error().kind, ErrorKind::BadInput);
        qputenv("FAKE_SMI_FIXTURE", "smi-compute-cap-not-valid.txt");
        qputenv("FAKE_SMI_EXIT", "2");
        h = GpuHost::probeNvidiaSmi(kFakeSmi, std::chrono::seconds(10));
        QVERIFY(!h.ok());
        QVERIFY(h.error().message.find("exit 2") != std::string::npos);
        h = GpuHost::probeNvidiaSmi("/nonexistent/nvidia-smi", std::chrono::seconds(10));
        QCOMPARE(h.error().kind, ErrorKind::NotFound);
    }

    void parsesRealNvidiaSmiCsv()
    {
        auto five = GpuHost::parseNvidiaSmiCsv(fixture("smi-5gpu-name-bus-index-uuid.csv"));
        QVERIFY(five.ok());
        QCOMPARE(five->gpus.size(), std::size_t(5));
        QCOMPARE(five->gpus[1].name, std::string("GeForce GTX 1080 Ti"));
        QCOMPARE(five->gpus[4].index, 4);
        QCOMPARE(five->gpus[4].uuid, std::string("GPU-ff3318a7-f0dd-dc57-1fb8-cc95ba35c56e"));
        QVERIFY(five->driverVersion.empty());

        const std::vector<std::string> cols{"power.limit", "power.min_limit", "power.max_limit", "memory.total",
                                            "vbios_version", "driver_version", "name", "gpu_uuid", "power.draw",
                                            "temperature.gpu", "temperature.memory", "clocks.current.graphics",
                                            "clocks.sm", "clocks.mem", "utilization.gpu", "utilization.memory",
                                            "fan.speed", "pcie.link.width.current", "pstate"};
        auto one = GpuHost::parseNvidiaSmiCsv(fixture("smi-1gpu-noheader-nounits-440.csv"), cols);
        QVERIFY(one.ok());
        QCOMPARE(one->driverVersion, std::string("440.64"));
        QCOMPARE(one->gpus.size(), std::size_t(1));
        QCOMPARE(one->gpus[0].name, std::string("GeForce RTX 2080"));
        QCOMPARE(one->gpus[0].uuid, std::string("GPU-22b2c6ac-2d49-4863-197c-9c469071178a"));
        QCOMPARE(one->gpus[0].memoryTotal, std::uint64_t(7979) * 1024 * 1024);
        // The same output read with Berth's own columns is refused, not misread.
        QVERIFY(!GpuHost::parseNvidiaSmiCsv(fixture("smi-1gpu-noheader-nounits-440.csv")).ok());

        // Units in the header and in the values (--format=csv without nounits), and N/A.
        auto units = GpuHost::parseNvidiaSmiCsv("index, name, memory.total [MiB], compute_cap\n"
                                                "0, Tesla T4, 15360 MiB, 7.5\n1, X, [N/A], [N/A]\n");
        QVERIFY(units.ok());
        QCOMPARE(units->gpus[0].memoryTotal, std::uint64_t(15360) * 1024 * 1024);
        QCOMPARE(units->gpus[1].memoryTotal, std::uint64_t(0));
        QVERIFY(units->gpus[1].computeCapability.empty());
    }

    void readsTheProcVersionOfEveryKnownFormat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("version");
        QTest::newRow("proprietary 384") << "proc-version-384.98.txt" << "384.98";
        QTest::newRow("open 525") << "proc-version-open-525.60.11.txt" << "525.60.11";
        QTest::newRow("open 565") << "proc-version-open-565.57.01.txt" << "565.57.01";
        QTest::newRow("jetson aarch64") << "proc-version-jetson-35.3.1.txt" << "35.3.1";
        QTest::newRow("utf-8 date") << "proc-version-open-555.58-utf8.txt" << "555.58";
    }
    void readsTheProcVersionOfEveryKnownFormat()
    {
        QFETCH(QString, file);
        QFETCH(QString, version);
        const auto v = GpuHost::parseProcVersion(fixture(file.toUtf8().constData()));
        QCOMPARE(QString::fromStdString(v.value_or("none")), version);
        QVERIFY(!GpuHost::parseProcVersion("GCC version: 12\n").has_value());
        QVERIFY(!GpuHost::parseProcVersion("NVRM version: NVIDIA UNIX Kernel Module\n").has_value());
    }

    void fallsBackToProc()
    {
        auto h = GpuHost::probe(only(false, false, true));
        QCOMPARE(h.source, HostGpus::Source::ProcVersion);
        QCOMPARE(h.driverVersion, std::string("565.57.01"));
        QCOMPARE(h.cudaVersion, std::string("12.6"));
        QVERIFY(h.gpus.empty());
        QCOMPARE(h.notes.size(), std::size_t(3)); // NVML, nvidia-smi, then proc's own
    }

    void saysNoNvidiaGpuCleanlyWhenNothingIsThere()
    {
        auto o = only(false, false, false);
        auto h = GpuHost::probe(o);
        QCOMPARE(h.source, HostGpus::Source::None);
        QVERIFY(!h.hasNvidiaDriver());
        QVERIFY(!h.driverNotLoaded);
        QVERIFY(!h.rocm);
        QCOMPARE(h.notes.size(), std::size_t(3));
        QVERIFY(h.notes[0].starts_with("NVML:"));
        QVERIFY(h.notes[1].starts_with("nvidia-smi:"));
        QVERIFY(h.notes[2].starts_with("proc:"));
        // An AMD machine: /dev/kfd is there.
        o.kfdPath = kData + "README.md";
        h = GpuHost::probe(o);
        QVERIFY(h.rocm);
        QVERIFY(h.notes.back().find("ROCm") != std::string::npos);
    }

    void namesBrandsAsTheToolkitCompares()
    {
        QCOMPARE(GpuHost::brandName(2), std::string("Tesla"));
        QCOMPARE(GpuHost::brandName(13), std::string("NvidiaRTX"));
        QCOMPARE(GpuHost::brandName(15), std::string("GeForceRTX"));
        QCOMPARE(GpuHost::brandName(99), std::string("Unknown"));
        QCOMPARE(GpuHost::brandName(-1), std::string("Unknown"));
    }

    void runsCommandsWithAHardTimeout()
    {
        auto ok = GpuHost::run({"sh", "-c", "echo out; echo err >&2; exit 3"}, std::chrono::seconds(5));
        QCOMPARE(ok.exitCode, 3);
        QVERIFY(ok.out.find("out") != std::string::npos && ok.out.find("err") != std::string::npos);
        // Closes its output but keeps running: still killed at the deadline.
        const auto start = std::chrono::steady_clock::now();
        auto hung = GpuHost::run({"sh", "-c", "exec >/dev/null 2>&1; sleep 30"}, std::chrono::milliseconds(300));
        QVERIFY(hung.timedOut);
        QVERIFY(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
        QCOMPARE(GpuHost::run({"/nonexistent/program"}, std::chrono::seconds(1)).exitCode, 127);
        QCOMPARE(GpuHost::run({}, std::chrono::seconds(1)).exitCode, -1);
    }
};

QTEST_GUILESS_MAIN(TestGpuHost)
#include "TestGpuHost.moc"
