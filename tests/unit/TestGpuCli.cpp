// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// berthctl gpu and check as a student meets them, with no engine needed: a machine without any NVIDIA software,
// one with the fake NVML found through the normal library search path (LD_LIBRARY_PATH), and a driver that is not
// loaded. The engine address points nowhere, so the engine part reads "unknown" and check fails with exit 1.
#include "BerthctlProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
using Run = berth::test::BerthctlRun;

const QString kNoEngine = QStringLiteral("unix:///nonexistent/berth-test-no-engine.sock");

/// An environment with nothing NVIDIA: an empty PATH directory, an empty library directory, no /proc file.
QProcessEnvironment bareMachine(const QTemporaryDir& empty)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto& k : env.keys()) {
        if (k.startsWith("FAKE_") || k.startsWith("BERTH_") || k == "DOCKER_HOST") {
            env.remove(k);
        }
    }
    env.insert("PATH", empty.path());
    env.insert("LD_LIBRARY_PATH", empty.path());
    env.insert("BERTH_NVIDIA_PROC_VERSION", empty.filePath("no-proc-version"));
    env.insert("BERTH_KFD_PATH", empty.filePath("no-kfd"));
    // Even on a machine with a real NVML in the loader's cache: none here.
    env.insert("BERTH_NVML_LIBRARY", empty.filePath("libnvidia-ml.so.1"));
    return env;
}

Run berthctl(const QStringList& args, const QProcessEnvironment& env)
{
    return berth::test::runBerthctl(QStringList{"--host", kNoEngine} + args, env);
}
} // namespace

class TestGpuCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_empty;

private Q_SLOTS:
    void saysNoNvidiaGpuWithoutNvmlOrNvidiaSmi()
    {
        const auto r = berthctl({"gpu"}, bareMachine(m_empty));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("No NVIDIA GPU found on this machine."), qPrintable(r.out));
        QVERIFY(r.out.contains("libnvidia-ml.so.1) is not installed"));
        QVERIFY(r.out.contains("nvidia-smi: nvidia-smi is not on PATH"));
        QVERIFY(r.out.contains("NVIDIA driver:  none"));
        QVERIFY(r.out.contains("Engine:         unknown: the engine did not answer"));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));

        const auto j = berthctl({"--json", "gpu"}, bareMachine(m_empty));
        QCOMPARE(j.exitCode, 0);
        const auto doc = QJsonDocument::fromJson(j.out.toUtf8()).object();
        QCOMPARE(doc["host"].toObject()["nvidia"].toBool(), false);
        QCOMPARE(doc["host"].toObject()["source"].toString(), QString("none"));
        QCOMPARE(doc["engine"].toObject()["state"].toString(), QString("unknown"));
    }

    void findsTheFakeNvmlOnTheLibrarySearchPath()
    {
        auto env = bareMachine(m_empty);
        env.remove("BERTH_NVML_LIBRARY"); // the default name, found through LD_LIBRARY_PATH
        env.insert("LD_LIBRARY_PATH", QStringLiteral(FAKE_NVML_DIR));
        env.insert("FAKE_NVML_DRIVER", "535.129.03");
        env.insert("FAKE_NVML_CUDA", "12020");
        env.insert("FAKE_NVML_GPUS", "NVIDIA GeForce RTX 3090|GPU-e1924eea-b9bb-d537-39f2-b345087fa145|24576|8.6|5;"
                                     "Tesla T4|GPU-0b9c0a8e-1111-2222-3333-444455556666|15360|7.5|2");
        const auto r = berthctl({"gpu"}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("NVIDIA driver:  535.129.03 (CUDA up to 12.2)"), qPrintable(r.out));
        QVERIFY(r.out.contains("Found with:     NVML (libnvidia-ml.so.1)"));
        QVERIFY(r.out.contains("NVIDIA GeForce RTX 3090"));
        QVERIFY(r.out.contains("24 GiB"));
        QVERIFY(r.out.contains("GPU-0b9c0a8e-1111-2222-3333-444455556666"));
        QVERIFY(r.out.contains("7.5"));

        const auto j = berthctl({"gpu", "--json"}, env);
        const auto host = QJsonDocument::fromJson(j.out.toUtf8()).object()["host"].toObject();
        QCOMPARE(host["driverVersion"].toString(), QString("535.129.03"));
        QCOMPARE(host["cudaVersion"].toString(), QString("12.2"));
        QCOMPARE(host["gpus"].toArray().size(), 2);
        QCOMPARE(host["gpus"].toArray()[1].toObject()["brand"].toString(), QString("Tesla"));
    }

    void saysWhenTheDriverIsNotLoaded()
    {
        auto env = bareMachine(m_empty);
        env.remove("BERTH_NVML_LIBRARY"); // the default name, found through LD_LIBRARY_PATH
        env.insert("LD_LIBRARY_PATH", QStringLiteral(FAKE_NVML_DIR));
        env.insert("FAKE_NVML_INIT_ERROR", "9");
        const auto r = berthctl({"gpu"}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("No NVIDIA GPU found: the NVIDIA driver is installed but not loaded."),
                 qPrintable(r.out));
    }

    void fallsBackToNvidiaSmi()
    {
        auto env = bareMachine(m_empty);
        env.insert("BERTH_NVIDIA_SMI", QStringLiteral(FAKE_SMI_PATH));
        env.insert("FAKE_SMI_FIXTURE", QStringLiteral(BERTH_TEST_DATA "/gpu/smi-2gpu-compute-cap-driver-570.csv"));
        const auto r = berthctl({"gpu"}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("570.86.15 (CUDA up to 12.8, from Berth's driver table)"), qPrintable(r.out));
        QVERIFY(r.out.contains("NVIDIA RTX 5880 Ada Generation"));
    }

    void checkNeedsTheEngineAndSaysSo()
    {
        const auto r = berthctl({"check", "tensorflow/tensorflow:2.15.0-gpu-jupyter"}, bareMachine(m_empty));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("No engine answers"));
        QCOMPARE(berthctl({"check"}, bareMachine(m_empty)).exitCode, 2);
        QCOMPARE(berthctl({"check", "a", "b"}, bareMachine(m_empty)).exitCode, 2);
        const auto help = berthctl({"check", "--help"}, bareMachine(m_empty));
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("3: cannot run here; 4: unknown"));
    }
};

QTEST_GUILESS_MAIN(TestGpuCli)
#include "TestGpuCli.moc"
