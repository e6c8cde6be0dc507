// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// The data table, what images need (from their env and from their tags), the engine's GPU support, and every
// verdict with its words for the student.
#include "berth/core/gpu/Compat.h"
#include "cli/Wording.h"
#include "berth/core/gpu/CompatTables.h"
#include "berth/core/engine/EngineClient.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace berth::core;

namespace {
HostGpus host(const std::string& driver, const std::string& cuda, std::vector<GpuDevice> gpus = {})
{
    HostGpus h;
    h.source = HostGpus::Source::Nvml;
    h.driverVersion = driver;
    h.cudaVersion = cuda;
    h.gpus = std::move(gpus);
    return h;
}

GpuDevice geforce()
{
    return {0, "NVIDIA GeForce RTX 3090", "GPU-e1924eea-b9bb-d537-39f2-b345087fa145", 24ULL << 30, "8.6", "GeForce"};
}

GpuDevice tesla()
{
    return {0, "Tesla T4", "GPU-0b9c0a8e-1111-2222-3333-444455556666", 15ULL << 30, "7.5", "Tesla"};
}

EngineGpuSupport engineYes()
{
    EngineGpuSupport e;
    e.state = EngineGpuSupport::State::Yes;
    e.nvidiaRuntime = true;
    e.endpoint = "unix:///var/run/docker.sock";
    e.detail = "the engine has the nvidia runtime";
    return e;
}

EngineGpuSupport engineNo()
{
    EngineGpuSupport e;
    e.state = EngineGpuSupport::State::No;
    e.endpoint = "unix:///var/run/docker.sock";
    e.detail = EngineGpuSupport::installToolkitMessage();
    return e;
}

ImageDetails image(std::vector<std::string> env, std::vector<std::string> tags = {})
{
    ImageDetails d;
    d.id = "sha256:0123";
    d.env = std::move(env);
    d.repoTags = std::move(tags);
    return d;
}

const char* kTf215 = "tensorflow/tensorflow:2.15.0-gpu-jupyter";
} // namespace

class TestCompat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tableGivesTheMinimumDriverOfEachCuda()
    {
        QCOMPARE(CompatTables::minDriverFor("12.2").value_or(""), std::string("535.54.03"));
        QCOMPARE(CompatTables::minDriverFor("12.2.0").value_or(""), std::string("535.54.03"));
        QCOMPARE(CompatTables::minDriverFor("11.2").value_or(""), std::string("460.27.03"));
        QCOMPARE(CompatTables::minDriverFor("11.2.1").value_or(""), std::string("460.32.03"));
        QCOMPARE(CompatTables::minDriverFor("11.4.3").value_or(""), std::string("470.57.02"));
        QCOMPARE(CompatTables::minDriverFor("12.7").value_or(""), std::string("570.26")); // never released: next row
        QCOMPARE(CompatTables::minDriverFor("12.2", true).value_or(""), std::string("536.25"));
        QVERIFY(!CompatTables::minDriverFor("13.0", true).has_value());
        QVERIFY(!CompatTables::minDriverFor("13.1").has_value());
        QVERIFY(!CompatTables::minDriverFor("9.0").has_value());
        QVERIFY(!CompatTables::minDriverFor("twelve").has_value());
        QVERIFY(!CompatTables::minDriverFor("").has_value());
    }

    void tableGivesTheNewestCudaOfEachDriver()
    {
        QCOMPARE(CompatTables::maxCudaFor("470.82.01").value_or(""), std::string("11.4"));
        QCOMPARE(CompatTables::maxCudaFor("535.54.03").value_or(""), std::string("12.2"));
        QCOMPARE(CompatTables::maxCudaFor("535.54.02").value_or(""), std::string("12.1"));
        QCOMPARE(CompatTables::maxCudaFor("580.95.05").value_or(""), std::string("13.0"));
        QCOMPARE(CompatTables::maxCudaFor("440.64").value_or(""), std::string("10.2"));
        QVERIFY(!CompatTables::maxCudaFor("384.98").has_value());
        QVERIFY(!CompatTables::maxCudaFor("35.3.1").has_value()); // Jetson L4T numbers are not desktop drivers
        QCOMPARE(CompatTables::minorCompatFloor(11).value_or(""), std::string("450.80.02"));
        QCOMPARE(CompatTables::minorCompatFloor(12).value_or(""), std::string("525.60.13"));
        QVERIFY(!CompatTables::minorCompatFloor(10).has_value());
    }

    void tableKnowsTensorflowReleases()
    {
        QCOMPARE(std::string(CompatTables::tensorflowRelease("2.15.0")->cuda), std::string("12.2"));
        QCOMPARE(std::string(CompatTables::tensorflowRelease("2.15.0")->cudnn), std::string("8.9"));
        QCOMPARE(std::string(CompatTables::tensorflowRelease("2.9.1")->cuda), std::string("11.2"));
        QCOMPARE(std::string(CompatTables::tensorflowRelease("2.19.0")->cudnn), std::string("9.3"));
        QVERIFY(!CompatTables::tensorflowRelease("2.20.0").has_value());
        QVERIFY(!CompatTables::tensorflowRelease("1.15.5").has_value());
        QCOMPARE(CompatTables::newestTensorflowFor("11.4").value_or(""), std::string("2.11.0"));
        QCOMPARE(CompatTables::newestTensorflowFor("12.4").value_or(""), std::string("2.17.0"));
        QVERIFY(!CompatTables::newestTensorflowFor("9.0").has_value());
        QVERIFY(!CompatTables::sources().empty());
        // Every row of the driver table reads as a version, and drivers grow with CUDA.
        std::string last = "0";
        for (const auto& row : CompatTables::cudaDrivers()) {
            QVERIFY(compareVersions(row.linuxMin, last) >= 0);
            last = row.linuxMin;
        }
    }

    void readsWhatTagsNeed_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("cuda");
        QTest::addColumn<QString>("cudnn");
        QTest::addColumn<QString>("twin");
        QTest::addColumn<int>("requirements");
        QTest::newRow("tf gpu jupyter") << kTf215 << "gpu" << "12.2" << "8.9"
                                        << "tensorflow/tensorflow:2.15.0-jupyter" << 1;
        QTest::newRow("tf gpu") << "tensorflow/tensorflow:2.11.0-gpu" << "gpu" << "11.2" << "8.1"
                                << "tensorflow/tensorflow:2.11.0" << 1;
        QTest::newRow("tf docker.io") << "docker.io/tensorflow/tensorflow:2.16.1-gpu" << "gpu" << "12.3" << "8.9"
                                      << "docker.io/tensorflow/tensorflow:2.16.1" << 1;
        QTest::newRow("tf latest-gpu") << "tensorflow/tensorflow:latest-gpu" << "gpu" << "" << ""
                                       << "tensorflow/tensorflow:latest" << 0;
        QTest::newRow("tf cpu") << "tensorflow/tensorflow:2.15.0-jupyter" << "cpu" << "" << "" << "" << 0;
        QTest::newRow("tf bare") << "tensorflow/tensorflow" << "cpu" << "" << "" << "" << 0;
        QTest::newRow("pytorch runtime") << "pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime" << "gpu" << "12.1" << "8"
                                         << "" << 0;
        QTest::newRow("pytorch devel") << "pytorch/pytorch:2.5.1-cuda12.4-cudnn9-devel" << "gpu" << "12.4" << "9"
                                       << "" << 1;
        QTest::newRow("pytorch latest") << "pytorch/pytorch:latest" << "gpu" << "" << "" << "" << 0;
        QTest::newRow("nvidia cuda") << "nvidia/cuda:12.2.0-runtime-ubuntu22.04" << "gpu" << "12.2" << "" << "" << 1;
        QTest::newRow("nvidia cuda cudnn") << "nvcr.io/nvidia/cuda:11.8.0-cudnn8-devel-ubuntu22.04" << "gpu"
                                           << "11.8" << "8" << "" << 1;
        QTest::newRow("docker-stacks cpu") << "quay.io/jupyter/scipy-notebook:2024-05-27" << "cpu" << "" << ""
                                           << "" << 0;
        QTest::newRow("docker-stacks cuda12") << "quay.io/jupyter/pytorch-notebook:cuda12-2024-05-27" << "gpu"
                                              << "12.0" << "" << "" << 0;
        QTest::newRow("unknown") << "example.org/lab/notebook:1" << "unknown" << "" << "" << "" << 0;
        QTest::newRow("digest") << "pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime@sha256:abc" << "gpu" << "12.1"
                                << "8" << "" << 0;
    }
    void readsWhatTagsNeed()
    {
        QFETCH(QString, reference);
        QFETCH(QString, kind);
        QFETCH(QString, cuda);
        QFETCH(QString, cudnn);
        QFETCH(QString, twin);
        QFETCH(int, requirements);
        const auto n = ImageNeeds::fromReference(reference.toStdString());
        QCOMPARE(QString(toString(n.kind)), kind);
        QCOMPARE(QString::fromStdString(n.cuda), cuda);
        QCOMPARE(QString::fromStdString(n.cudnn), cudnn);
        QCOMPARE(QString::fromStdString(n.cpuTwin), twin);
        QCOMPARE(int(n.requirements.size()), requirements);
        if (n.kind == ImageNeeds::Kind::Gpu && n.cuda.empty()) {
            QVERIFY(!n.missing.empty());
        }
    }

    void readsWhatImagesDeclare()
    {
        // nvidia/cuda's own env wins over the tag.
        auto n = ImageNeeds::fromImage(image({"NVIDIA_REQUIRE_CUDA=cuda>=12.3 brand=tesla,driver>=470,driver<471",
                                              "CUDA_VERSION=12.3.2", "NV_CUDNN_VERSION=8.9.7.29"}),
                                       kTf215);
        QCOMPARE(n.kind, ImageNeeds::Kind::Gpu);
        QVERIFY(n.readFromImage);
        QCOMPARE(n.cuda, std::string("12.3"));
        QCOMPARE(n.cudnn, std::string("8.9"));
        QCOMPARE(n.cpuTwin, std::string("tensorflow/tensorflow:2.15.0-jupyter"));
        QVERIFY(n.source.find("NVIDIA_REQUIRE_CUDA=") != std::string::npos);

        n = ImageNeeds::fromImage(image({"CUDA_VERSION=11.8.0"}), "lab/img:1");
        QCOMPARE(n.cuda, std::string("11.8"));
        QCOMPARE(n.requirements, std::vector<std::string>{"cuda>=11.8"});

        // A pytorch runtime image declares nothing: the tag tells the CUDA, the toolkit checks nothing.
        n = ImageNeeds::fromImage(image({"PATH=/opt/conda/bin"}), "pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime");
        QCOMPARE(n.kind, ImageNeeds::Kind::Gpu);
        QCOMPARE(n.cuda, std::string("12.1"));
        QVERIFY(n.requirements.empty());

        // Nothing declared, unknown tag: a CPU image.
        n = ImageNeeds::fromImage(image({"PATH=/usr/bin"}, {"berth-test/notebook:6"}), "sha256:0123");
        QCOMPARE(n.kind, ImageNeeds::Kind::Cpu);

        // NVIDIA_DISABLE_REQUIRE: still a GPU image, but the toolkit checks nothing.
        n = ImageNeeds::fromImage(image({"NVIDIA_REQUIRE_CUDA=cuda>=12.2", "NVIDIA_DISABLE_REQUIRE=1"}), "x:1");
        QCOMPARE(n.kind, ImageNeeds::Kind::Gpu);
        QVERIFY(n.requireDisabled);
        QVERIFY(n.requirements.empty());
        QCOMPARE(n.cuda, std::string("12.2"));
    }

    void olderImageThatFits()
    {
        const auto n = ImageNeeds::fromReference(kTf215);
        QCOMPARE(n.olderImageFor("11.4"), std::string("tensorflow/tensorflow:2.11.0-gpu-jupyter"));
        QCOMPARE(n.olderImageFor("12.4"), std::string()); // 2.17 is not older than 2.15: nothing older fits better
        QCOMPARE(n.olderImageFor("9.0"), std::string());
        QCOMPARE(ImageNeeds::fromReference("tensorflow/tensorflow:latest-gpu").olderImageFor("11.4"),
                 std::string("tensorflow/tensorflow:2.11.0-gpu"));
    }

    void driverTooOldSaysWhichDriverAndTheCpuTwin()
    {
        const auto v = Compat::checkReference(kTf215, host("470.82.01", "11.4", {geforce()}), engineYes());
        QCOMPARE(v.kind, Verdict::Kind::CannotRun);
        QCOMPARE(v.reason, Verdict::Reason::DriverTooOld);
        QCOMPARE(berth::cli::checkExitCode(v), 3);
        QCOMPARE(v.message, std::string("This image needs CUDA 12.2, which needs NVIDIA driver 535.54.03 or newer; "
                                        "this machine has 470.82.01."));
        QCOMPARE(berth::cli::remedySentence(v.remedies), std::string("Update the driver to 535 or newer, or use "
                                           "tensorflow/tensorflow:2.15.0-jupyter (the CPU version), or "
                                           "tensorflow/tensorflow:2.11.0-gpu-jupyter (an older release built for a "
                                           "CUDA this driver runs)."));
        QCOMPARE(v.requiredDriver, std::string("535.54.03"));
        QVERIFY(v.toolkitMessage.find("unsatisfied condition: cuda>=12.2") != std::string::npos);
    }

    void runsOnTheGpuWhenDriverAndEngineFit()
    {
        const auto v = Compat::checkReference(kTf215, host("550.54.14", "12.4", {geforce()}), engineYes());
        QCOMPARE(v.kind, Verdict::Kind::RunsOnGpu);
        QCOMPARE(berth::cli::checkExitCode(v), 0);
        QVERIFY(v.message.find("driver 550.54.14 (CUDA 12.4) and 1 GPU: NVIDIA GeForce RTX 3090") != std::string::npos);
        QCOMPARE(berth::cli::remedySentence(v.remedies), std::string("Nothing to change: start it."));
    }

    void engineWithoutToolkitSaysInstallIt()
    {
        const auto v = Compat::checkReference(kTf215, host("550.54.14", "12.4", {geforce()}), engineNo());
        QCOMPARE(v.kind, Verdict::Kind::CannotRun);
        QCOMPARE(v.reason, Verdict::Reason::EngineCannotPassGpus);
        QCOMPARE(v.message, std::string("Docker here cannot hand GPUs to containers: install the NVIDIA Container "
                                        "Toolkit (nvidia-ctk runtime configure --runtime=docker, then restart Docker)."));
        QVERIFY(berth::cli::remedySentence(v.remedies).find("tensorflow/tensorflow:2.15.0-jupyter (the CPU version)") != std::string::npos);
    }

    void noGpuPointsToTheCpuTwin()
    {
        HostGpus none;
        auto v = Compat::checkReference(kTf215, none, engineNo());
        QCOMPARE(v.reason, Verdict::Reason::NoGpu);
        QCOMPARE(berth::cli::remedySentence(v.remedies), std::string("Use tensorflow/tensorflow:2.15.0-jupyter (the CPU version) instead."));
        none.driverNotLoaded = true;
        v = Compat::checkReference(kTf215, none, engineNo());
        QCOMPARE(v.reason, Verdict::Reason::DriverNotLoaded);
        QVERIFY(berth::cli::remedySentence(v.remedies).starts_with("Load the NVIDIA driver"));
        none.driverNotLoaded = false;
        none.rocm = true;
        v = Compat::checkReference("pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime", none, engineNo());
        QCOMPARE(v.reason, Verdict::Reason::NoGpu);
        QVERIFY(v.message.find("AMD GPU (ROCm)") != std::string::npos);
    }

    void cpuImagesRunOnTheCpu()
    {
        auto v = Compat::checkReference("tensorflow/tensorflow:2.15.0-jupyter", host("550.54.14", "12.4"), engineNo());
        QCOMPARE(v.kind, Verdict::Kind::RunsOnCpu);
        QCOMPARE(berth::cli::checkExitCode(v), 0);
        QVERIFY(berth::cli::remedySentence(v.remedies).find("tensorflow/tensorflow:2.15.0-gpu-jupyter") != std::string::npos);
        v = Compat::checkImage(image({"PATH=/usr/bin"}), "berth-test/notebook:6", HostGpus{}, engineNo());
        QCOMPARE(v.kind, Verdict::Kind::RunsOnCpu);
        QCOMPARE(berth::cli::remedySentence(v.remedies), std::string("Nothing to change: start it."));
    }

    void unknownSaysWhatIsMissing()
    {
        auto v = Compat::checkReference("example.org/lab/notebook:1", host("550.54.14", "12.4"), engineYes());
        QCOMPARE(v.kind, Verdict::Kind::Unknown);
        QCOMPARE(berth::cli::checkExitCode(v), 4);
        QVERIFY(berth::cli::remedySentence(v.remedies).find("berthctl pull example.org/lab/notebook:1") != std::string::npos);
        v = Compat::checkReference("pytorch/pytorch:latest", host("550.54.14", "12.4"), engineYes());
        QCOMPARE(v.reason, Verdict::Reason::ImageUnknown);
        QVERIFY(v.message.find("names none") != std::string::npos);
        auto remote = engineYes();
        remote.remote = true;
        remote.endpoint = "tcp://10.0.0.5:2376";
        v = Compat::checkReference(kTf215, host("550.54.14", "12.4"), remote);
        QCOMPARE(v.reason, Verdict::Reason::EngineUnknown);
        v = Compat::checkReference(kTf215, host("550.54.14", "12.4"), EngineGpuSupport::unknown("it is down"));
        QCOMPARE(v.kind, Verdict::Kind::Unknown);
        QCOMPARE(v.reason, Verdict::Reason::EngineUnknown);
        v = Compat::checkReference(kTf215, host("384.98", ""), engineYes());
        QCOMPARE(v.reason, Verdict::Reason::HostUnknown);
    }

    void minorVersionCompatibilityForImagesTheToolkitDoesNotCheck()
    {
        // pytorch runtime (CUDA 12.1) on driver 525.60.13 (CUDA 12.0): runs, with limits.
        auto v = Compat::checkReference("pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime",
                                        host("525.60.13", "12.0", {geforce()}), engineYes());
        QCOMPARE(v.kind, Verdict::Kind::RunsOnGpu);
        QVERIFY(v.minorVersionCompat);
        QVERIFY(v.message.find("minor-version compatibility") != std::string::npos);
        // ...but not across majors.
        v = Compat::checkReference("pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime",
                                   host("520.61.05", "11.8", {geforce()}), engineYes());
        QCOMPARE(v.reason, Verdict::Reason::DriverTooOld);
        QCOMPARE(v.message, std::string("This image needs CUDA 12.1, which needs NVIDIA driver 530.30.02 or newer; "
                                        "this machine has 520.61.05."));
        QCOMPARE(berth::cli::remedySentence(v.remedies), std::string("Update the driver to 530 or newer."));
    }

    void forwardCompatibilityOnlyOnDataCenterGpus()
    {
        // nvidia/cuda 12.2's requirement lets driver 470 start it (brand=...,driver>=470,driver<471), but only a
        // data-center GPU runs CUDA 12.2 there.
        const auto img = image({"NVIDIA_REQUIRE_CUDA=cuda>=12.2 brand=tesla,driver>=470,driver<471 "
                                "brand=geforce,driver>=470,driver<471",
                                "CUDA_VERSION=12.2.0"});
        auto v = Compat::checkImage(img, "nvidia/cuda:12.2.0-base-ubuntu22.04", host("470.82.01", "11.4", {tesla()}),
                                    engineYes());
        QCOMPARE(v.kind, Verdict::Kind::RunsOnGpu);
        QVERIFY(!v.notes.empty());
        v = Compat::checkImage(img, "nvidia/cuda:12.2.0-base-ubuntu22.04", host("470.82.01", "11.4", {geforce()}),
                               engineYes());
        QCOMPARE(v.reason, Verdict::Reason::DriverTooOld);
        QVERIFY(berth::cli::remedySentence(v.remedies).find("an nvidia/cuda image of CUDA 11.4 or older") != std::string::npos);
        QVERIFY(v.toolkitMessage.empty());
    }

    void gpuTooOldAndInvalidRequirements()
    {
        auto v = Compat::checkImage(image({"NVIDIA_REQUIRE_CUDA=cuda>=11.0", "NVIDIA_REQUIRE_ARCH=arch>=8.0"}), "x:1",
                                    host("550.54.14", "12.4", {tesla()}), engineYes());
        QCOMPARE(v.reason, Verdict::Reason::GpuTooOld);
        QVERIFY(v.message.find("Tesla T4") != std::string::npos);
        v = Compat::checkImage(image({"NVIDIA_REQUIRE_CUDA=cuda>=eleven"}), "x:1", host("550.54.14", "12.4", {tesla()}),
                               engineYes());
        QCOMPARE(v.reason, Verdict::Reason::InvalidRequirement);
        QCOMPARE(v.toolkitMessage, std::string("invalid expression"));
    }

    void engineSupportFromInfo()
    {
        EngineInfo info;
        auto s = EngineGpuSupport::fromInfo(info, "unix:///var/run/docker.sock", {"/nonexistent"});
        QCOMPARE(s.state, EngineGpuSupport::State::No);
        info.runtimes = {"io.containerd.runc.v2", "nvidia", "runc"};
        s = EngineGpuSupport::fromInfo(info, "unix:///var/run/docker.sock", {"/nonexistent"});
        QCOMPARE(s.state, EngineGpuSupport::State::Yes);
        QVERIFY(s.nvidiaRuntime);

        // A CDI spec for nvidia.com/gpu in the engine's CDI dirs (Docker 25+).
        QTemporaryDir cdi;
        QFile spec(cdi.filePath("nvidia.yaml"));
        QVERIFY(spec.open(QIODevice::WriteOnly));
        spec.write("cdiVersion: 0.5.0\nkind: nvidia.com/gpu\ndevices:\n- name: all\n");
        spec.close();
        info.runtimes = {"runc"};
        info.cdiSpecDirs = {"/nonexistent/cdi", cdi.path().toStdString()};
        s = EngineGpuSupport::fromInfo(info, "unix:///var/run/docker.sock", {"/nonexistent"});
        QVERIFY(s.cdi);
        QCOMPARE(s.state, EngineGpuSupport::State::Yes);

        // The toolkit's hook, which docker --gpus needs.
        QTemporaryDir bin;
        QFile hook(bin.filePath("nvidia-container-runtime-hook"));
        QVERIFY(hook.open(QIODevice::WriteOnly));
        hook.close();
        info.cdiSpecDirs.clear();
        s = EngineGpuSupport::fromInfo(info, "unix:///var/run/docker.sock", {bin.path().toStdString()});
        QVERIFY(s.toolkitHook);
        QCOMPARE(s.state, EngineGpuSupport::State::Yes);

        // A remote engine: this machine's files say nothing about it.
        s = EngineGpuSupport::fromInfo(info, "tcp://10.0.0.5:2376", {bin.path().toStdString()});
        QVERIFY(s.remote);
        QCOMPARE(s.state, EngineGpuSupport::State::Unknown);
        QVERIFY(isLocalEndpoint("tcp://localhost:2375"));
        QVERIFY(isLocalEndpoint("tcp://127.0.0.1:2375"));
        QVERIFY(!isLocalEndpoint("tcp://localhost.example.org:2375"));
    }

    void explainsFailedGpuStarts()
    {
        Error e = makeError(ErrorKind::Engine, "The engine could not start the container");
        e.engineMessage = "could not select device driver \"\" with capabilities: [[gpu]]";
        e.httpStatus = 500;
        Error toolkit = e;
        QVERIFY(EngineGpuSupport::explainStartError(toolkit, kTf215));
        QCOMPARE(toolkit.message, std::string(EngineGpuSupport::installToolkitMessage()) + ".");
        QVERIFY(toolkit.has(RemedyKind::InstallToolkit));
        e.engineMessage = "OCI runtime create failed: ... nvidia-container-cli: requirement error: unsatisfied "
                          "condition: cuda>=12.2, please update your driver to a newer version, or use an earlier "
                          "cuda container: unknown";
        Error refused = e;
        QVERIFY(EngineGpuSupport::explainStartError(refused, kTf215));
        QVERIFY(refused.message.find("it needs cuda>=12.2") != std::string::npos);
        QVERIFY(refused.has(RemedyKind::UpdateDriver) && refused.has(RemedyKind::CheckImage));
        e.engineMessage = "no such image";
        Error other = e;
        QVERIFY(!EngineGpuSupport::explainStartError(other, kTf215));
        QCOMPARE(other.message, e.message);
    }

    void verdictJsonHasEverything()
    {
        const auto v = Compat::checkReference(kTf215, host("470.82.01", "11.4", {geforce()}), engineYes());
        const auto j = v.toJson();
        QCOMPARE(j.at("verdict").get<std::string>(), std::string("cannot-run"));
        QCOMPARE(j.at("reason").get<std::string>(), std::string("driver-too-old"));
        QCOMPARE(berth::cli::checkExitCode(v), 3); // berthctl's, added to its --json
        QCOMPARE(j.at("remedies").at(0).at("kind").get<std::string>(), std::string("update-driver"));
        QCOMPARE(j.at("remedies").at(0).at("driver").get<std::string>(), std::string("535"));
        QCOMPARE(j.at("image").at("cuda").get<std::string>(), std::string("12.2"));
        QCOMPARE(j.at("engine").at("state").get<std::string>(), std::string("yes"));
    }
};

QTEST_GUILESS_MAIN(TestCompat)
#include "TestCompat.moc"
