// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// berthctl check on real local images carrying NVIDIA_REQUIRE_CUDA / CUDA_VERSION and tags shaped like
// tensorflow's and pytorch's, made cheaply on the real engine (create from berth-test/notebook:6, commit with
// other ENV, remove the container), against machines faked with the fake libnvidia-ml.so.1 and nvidia-smi.
// Every verdict and exit code. This engine has no NVIDIA Container Toolkit, so berthctl's GPU images that fit the
// driver end in "the engine cannot pass GPUs"; "runs on the GPU" is proven through core with the same image, the
// same fake NVML and an engine that can. The engine's own refusal of a GPU request is turned into advice.
#include "LiveEngine.h"

#include "berth/core/gpu/Compat.h"
#include "cli/Wording.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <chrono>
#include <thread>

using namespace berth;
using namespace berth::core;
using berth::test::berthctl;
using berth::test::CtlResult;

namespace {
const char* kBase = "berth-test/notebook:6";

// nvidia/cuda:12.2.0's NVIDIA_REQUIRE_CUDA (tensorflow 2.15's GPU images are built FROM it), forward-compatibility
// alternatives for the 470 and 525 branches included.
std::string requireCuda122()
{
    std::string s = "cuda>=12.2";
    for (const char* driver : {"470", "525"}) {
        const std::string next = std::to_string(std::stoi(driver) + 1);
        for (const char* brand : {"tesla", "unknown", "nvidia", "nvidiartx", "geforce", "geforcertx", "quadro",
                                  "quadrortx", "titan", "titanrtx"}) {
            s += std::string(" brand=") + brand + ",driver>=" + driver + ",driver<" + next;
        }
    }
    return s;
}

struct Machine
{
    QString name;
    QMap<QString, QString> env;
};

// Fake machines: what NVML (or nvidia-smi) answers.
Machine geforce470()
{
    return {"GeForce on 470", {{"FAKE_NVML_DRIVER", "470.82.01"}, {"FAKE_NVML_CUDA", "11040"},
                               {"FAKE_NVML_GPUS", "NVIDIA GeForce RTX 3090|GPU-e1924eea-b9bb-d537-39f2-b345087fa145|24576|8.6|5"}}};
}
Machine geforce510()
{
    return {"GeForce on 510", {{"FAKE_NVML_DRIVER", "510.47.03"}, {"FAKE_NVML_CUDA", "11060"},
                               {"FAKE_NVML_GPUS", "NVIDIA GeForce RTX 3090|GPU-e1924eea-b9bb-d537-39f2-b345087fa145|24576|8.6|5"}}};
}
Machine twoGpus550()
{
    return {"two GPUs on 550", {{"FAKE_NVML_DRIVER", "550.54.14"}, {"FAKE_NVML_CUDA", "12040"},
                                {"FAKE_NVML_GPUS", "NVIDIA A100-SXM4-80GB|GPU-513536b6-7d19-9063-b049-1e69664bb298|81920|8.0|2;"
                                                   "Tesla T4|GPU-0b9c0a8e-1111-2222-3333-444455556666|15360|7.5|2"}}};
}
Machine geforce525()
{
    return {"GeForce on 525", {{"FAKE_NVML_DRIVER", "525.60.13"}, {"FAKE_NVML_CUDA", "12000"},
                               {"FAKE_NVML_GPUS", "NVIDIA GeForce RTX 4090|GPU-899c71bf-27be-b6a0-ae8f-d8afe5ba0f85|24564|8.9|5"}}};
}
Machine driverNotLoaded()
{
    return {"driver not loaded", {{"FAKE_NVML_INIT_ERROR", "9"}}};
}
Machine noNvidia()
{
    return {"no NVIDIA", {{"BERTH_NVML_LIBRARY", "/nonexistent/libnvidia-ml.so.1"}}};
}
Machine smiOnly570()
{
    return {"nvidia-smi only, 570",
            {{"BERTH_NVML_LIBRARY", "/nonexistent/libnvidia-ml.so.1"},
             {"BERTH_NVIDIA_SMI", QStringLiteral(FAKE_SMI_PATH)},
             {"FAKE_SMI_FIXTURE", QStringLiteral(BERTH_TEST_DATA "/gpu/smi-2gpu-compute-cap-driver-570.csv")}}};
}
} // namespace

class TestGpuCheck : public QObject
{
    Q_OBJECT

    std::shared_ptr<EngineClient> m_engine;
    std::shared_ptr<Transport> m_transport;
    std::vector<std::string> m_images; ///< every image this run made, removed at the end even on failure
    QTemporaryDir m_empty;
    std::string m_suffix; ///< unique to this run: parallel runs never share an image

    std::string tf215, tf215Forward, cudaVersionOnly, pytorchRuntime, invalidRequire, archImage, disabledRequire;

    /// Commits a created (never started) container of the base with extra ENV into `name`.
    void makeImage(const std::string& name, const std::vector<std::string>& env)
    {
        auto created = m_engine->createContainer("", {{"Image", kBase}, {"Labels", {{"berth.test", test::runLabelValue()}}}});
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
        const auto colon = name.rfind(':');
        std::string q = "/v" + m_engine->apiVersion() + "/commit?container=" + created->id +
                        "&repo=" + urlEncode(name.substr(0, colon)) + "&tag=" + urlEncode(name.substr(colon + 1));
        for (const auto& e : env) {
            q += "&changes=" + urlEncode("ENV " + e);
        }
        HttpRequest req;
        req.method = "POST";
        req.target = q;
        req.headers = {{"Content-Type", "application/json"}};
        req.body = "{}";
        auto r = m_transport->send(req);
        (void)m_engine->removeContainer(created->id, true, true);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QVERIFY2(r->status == 201, r->body.c_str());
        m_images.push_back(name);
    }

    QProcessEnvironment envFor(const Machine& m) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const auto& k : env.keys()) {
            if (k.startsWith("FAKE_") || k.startsWith("BERTH_")) {
                env.remove(k);
            }
        }
        env.insert("LD_LIBRARY_PATH", QStringLiteral(FAKE_NVML_DIR));
        env.insert("PATH", m_empty.path() + ":/usr/bin:/bin"); // no nvidia-smi unless a machine names the fake
        env.insert("BERTH_NVIDIA_PROC_VERSION", m_empty.filePath("no-proc-version"));
        env.insert("BERTH_KFD_PATH", m_empty.filePath("no-kfd"));
        for (auto it = m.env.begin(); it != m.env.end(); ++it) {
            env.insert(it.key(), it.value());
        }
        return env;
    }

    CtlResult check(const std::string& image, const Machine& m, bool json = false)
    {
        QStringList args{"check", QString::fromStdString(image)};
        if (json) {
            args.prepend("--json");
        }
        return berthctl(args, 60000, envFor(m));
    }

    /// Runs check and compares the verdict's exit code and reason (from --json), and one text of the human output.
    void expect(const std::string& image, const Machine& m, int exitCode, const QString& verdict, const QString& reason,
                const QString& text)
    {
        const QString what = QString::fromStdString(image) + " on " + m.name;
        const auto j = check(image, m, true);
        QVERIFY2(j.exitCode == exitCode, qPrintable(what + ": exit " + QString::number(j.exitCode) + "\n" + j.out + j.err));
        const auto doc = QJsonDocument::fromJson(j.out.toUtf8()).object();
        QVERIFY2(doc["verdict"].toString() == verdict, qPrintable(what + ": " + j.out));
        QVERIFY2(doc["reason"].toString() == reason, qPrintable(what + ": " + j.out));
        QCOMPARE(doc["exitCode"].toInt(), exitCode);
        const auto h = check(image, m);
        QCOMPARE(h.exitCode, exitCode);
        QVERIFY2(h.out.contains(text), qPrintable(what + " should say '" + text + "':\n" + h.out));
        QVERIFY2(h.out.contains("Do this:"), qPrintable(h.out));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_engine = test::liveEngine();
        auto ep = resolveEndpoint(std::nullopt, EndpointEnvironment::system());
        QVERIFY(ep.ok());
        m_transport = std::make_shared<CurlTransport>(*ep);
        QVERIFY2(m_engine->negotiate().ok(), "the engine must answer (tests/testbed/engine.sh up)");
        // The base image may still be being built by tests/testbed/images.sh: wait for it a while.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(10);
        while (!m_engine->inspectImage(kBase).ok()) {
            QVERIFY2(std::chrono::steady_clock::now() < deadline, "berth-test/notebook:6 is missing (run tests/testbed/images.sh)");
            std::this_thread::sleep_for(std::chrono::seconds(5));
        }
        m_suffix = "berthgputest-" + test::runLabelValue();
        const std::string repo = "berth-gputest-" + test::runLabelValue();
        tf215 = "tensorflow/tensorflow:2.15.0-gpu-jupyter-" + m_suffix;
        pytorchRuntime = "pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime-" + m_suffix;
        cudaVersionOnly = repo + "/cuda-version-only:11.8";
        invalidRequire = repo + "/invalid-require:1";
        archImage = repo + "/needs-ampere:1";
        disabledRequire = repo + "/require-disabled:1";
        // tensorflow 2.15's GPU image declares CUDA 12.2 the way nvidia/cuda does; a variant without the
        // forward-compatibility alternatives shows the toolkit's own refusal.
        makeImage(tf215, {"NVIDIA_REQUIRE_CUDA=" + requireCuda122(), "CUDA_VERSION=12.2.0",
                          "NVIDIA_VISIBLE_DEVICES=all", "NVIDIA_DRIVER_CAPABILITIES=compute,utility"});
        tf215Forward = "tensorflow/tensorflow:2.15.0-gpu-" + m_suffix;
        makeImage(tf215Forward, {"NVIDIA_REQUIRE_CUDA=cuda>=12.2", "CUDA_VERSION=12.2.0"});
        makeImage(cudaVersionOnly, {"CUDA_VERSION=11.8.0"});
        makeImage(pytorchRuntime, {"PYTORCH_VERSION=2.3.0"}); // runtime images declare no CUDA: the tag does
        makeImage(invalidRequire, {"NVIDIA_REQUIRE_CUDA=cuda>=twelve"});
        makeImage(archImage, {"NVIDIA_REQUIRE_CUDA=cuda>=11.0", "NVIDIA_REQUIRE_ARCH=arch>=8.0"});
        makeImage(disabledRequire, {"NVIDIA_REQUIRE_CUDA=cuda>=12.2", "NVIDIA_DISABLE_REQUIRE=true"});
    }

    void cleanupTestCase()
    {
        test::removeLabelled(*m_engine);
        for (const auto& i : m_images) {
            (void)m_engine->removeImage(i, true);
        }
        for (const auto& i : m_images) {
            QVERIFY2(!m_engine->inspectImage(i).ok(), i.c_str());
        }
    }

    void driverTooOldForTensorflow()
    {
        // The toolkit itself would refuse it (cuda>=12.2 on driver 510 / CUDA 11.6).
        expect(tf215, geforce510(), 3, "cannot-run", "driver-too-old",
               "This image needs CUDA 12.2, which needs NVIDIA driver 535.54.03 or newer; this machine has 510.47.03.");
        const auto h = check(tf215, geforce510());
        QVERIFY2(h.out.contains("Update the driver to 535 or newer, or use tensorflow/tensorflow:2.15.0-jupyter-" +
                                QString::fromStdString(m_suffix) + " (the CPU version)"),
                 qPrintable(h.out));
        QVERIFY(h.out.contains("unsatisfied condition: cuda>=12.2, please update your driver"));
        // On 470 the image's forward-compatibility alternatives let the toolkit start it, but a GeForce cannot use
        // forward compatibility: still too old, and Berth says so before the pull.
        expect(tf215, geforce470(), 3, "cannot-run", "driver-too-old",
               "This image needs CUDA 12.2, which needs NVIDIA driver 535.54.03 or newer; this machine has 470.82.01.");
        expect(tf215Forward, geforce470(), 3, "cannot-run", "driver-too-old", "(an older release built for a CUDA");
    }

    void cudaVersionAloneIsARequirement()
    {
        expect(cudaVersionOnly, geforce470(), 3, "cannot-run", "driver-too-old",
               "This image needs CUDA 11.8, which needs NVIDIA driver 520.61.05 or newer; this machine has 470.82.01.");
        expect(cudaVersionOnly, twoGpus550(), 3, "cannot-run", "engine-cannot-pass-gpus",
               "Docker here cannot hand GPUs to containers: install the NVIDIA Container Toolkit (nvidia-ctk runtime "
               "configure --runtime=docker, then restart Docker).");
    }

    void pytorchRuntimeFromItsTag()
    {
        expect(pytorchRuntime, geforce470(), 3, "cannot-run", "driver-too-old",
               "This image needs CUDA 12.1, which needs NVIDIA driver 530.30.02 or newer; this machine has 470.82.01.");
        // 525 (CUDA 12.0) runs CUDA 12.1 through minor-version compatibility; then the engine is what stops it.
        expect(pytorchRuntime, geforce525(), 3, "cannot-run", "engine-cannot-pass-gpus", "install the NVIDIA Container Toolkit");
    }

    void noGpuAndDriverNotLoaded()
    {
        expect(tf215, noNvidia(), 3, "cannot-run", "no-gpu", "this machine has no NVIDIA GPU");
        const auto h = check(tf215, noNvidia());
        QVERIFY(h.out.contains("Use tensorflow/tensorflow:2.15.0-jupyter-" + QString::fromStdString(m_suffix) +
                               " (the CPU version) instead."));
        expect(tf215, driverNotLoaded(), 3, "cannot-run", "driver-not-loaded", "installed but not loaded");
    }

    void fallsBackToNvidiaSmi()
    {
        expect(tf215, smiOnly570(), 3, "cannot-run", "engine-cannot-pass-gpus", "570.86.15 (CUDA up to 12.8");
    }

    void cpuImagesRunAnywhere()
    {
        for (const auto& m : {geforce470(), noNvidia(), driverNotLoaded()}) {
            expect(kBase, m, 0, "runs-on-cpu", "none", "runs on the CPU only (a CPU image)");
        }
    }

    void brokenAndStrictRequirements()
    {
        expect(invalidRequire, twoGpus550(), 3, "cannot-run", "invalid-requirement", "is not a condition it knows");
        expect(archImage, twoGpus550(), 3, "cannot-run", "gpu-too-old", "GPU 1 (Tesla T4) has 7.5");
        // NVIDIA_DISABLE_REQUIRE: the toolkit checks nothing, Berth still compares CUDA with the driver.
        expect(disabledRequire, geforce470(), 3, "cannot-run", "driver-too-old", "needs CUDA 12.2");
    }

    void imagesNotPulledAreDecidedFromTheirTags()
    {
        const std::string absentTf = "tensorflow/tensorflow:2.11.0-gpu-jupyter-absent-" + m_suffix;
        QVERIFY(!m_engine->inspectImage(absentTf).ok());
        expect(absentTf, geforce470(), 3, "cannot-run", "engine-cannot-pass-gpus", "(not on this engine: read from its tag)");
        expect("tensorflow/tensorflow:2.17.0-gpu-jupyter-absent-" + m_suffix, geforce470(), 3, "cannot-run",
               "driver-too-old", "needs CUDA 12.3");
        expect("berth-gputest-" + test::runLabelValue() + "/absent:1", geforce470(), 4, "unknown", "image-unknown",
               "Pull it first");
        expect("pytorch/pytorch:latest-absent-" + m_suffix, geforce470(), 4, "unknown", "image-unknown",
               "the tag names none");
    }

    void runsOnTheGpuWhereTheEngineCan()
    {
        // The same real image and the same fake NVML, with an engine that has the nvidia runtime.
        qputenv("FAKE_NVML_DRIVER", "550.54.14");
        qputenv("FAKE_NVML_CUDA", "12040");
        qputenv("FAKE_NVML_GPUS", "NVIDIA GeForce RTX 4090|GPU-899c71bf-27be-b6a0-ae8f-d8afe5ba0f85|24564|8.9|5");
        auto host = GpuHost::probeNvml(QStringLiteral(FAKE_NVML_DIR "/libnvidia-ml.so.1").toStdString());
        QVERIFY(host.ok());
        auto image = m_engine->inspectImage(tf215);
        QVERIFY(image.ok());
        EngineInfo info;
        info.runtimes = {"nvidia", "runc"};
        const auto v = Compat::checkImage(*image, tf215, *host, EngineGpuSupport::fromInfo(info, m_engine->endpoint()));
        QCOMPARE(v.kind, Verdict::Kind::RunsOnGpu);
        QCOMPARE(berth::cli::checkExitCode(v), 0);
        QVERIFY(v.message.find("driver 550.54.14 (CUDA 12.4) and 1 GPU: NVIDIA GeForce RTX 4090") != std::string::npos);
        // And the engine as it really is here: no runtime, no CDI, no hook.
        const auto real = EngineGpuSupport::detect(*m_engine);
        QCOMPARE(real.state, EngineGpuSupport::State::No);
    }

    void launchRefusesAGpuRequestThatCannotRunBeforeAnyPull()
    {
        QProcessEnvironment env = envFor(geforce470());
        env.insert("HOME", m_empty.path());
        const QString name = QString::fromStdString(test::uniqueName("gpulaunch"));
        // On the engine: refused with the verdict's words, nothing created.
        auto r = berthctl({"launch", QString::fromStdString(tf215), "--gpus", "all", "--name", name}, 60000, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Not launched: This image needs CUDA 12.2"), qPrintable(r.err));
        QVERIFY(r.err.contains("535"));
        QVERIFY(r.err.contains("--force"));
        QCOMPARE(m_engine->inspectContainer(name.toStdString()).error().kind, ErrorKind::NotFound);
        // Not on the engine: decided from the tag, so no pull was tried (it would fail on the registry).
        r = berthctl({"launch", QString::fromStdString("tensorflow/tensorflow:2.17.0-gpu-jupyter-absent-" + m_suffix),
                      "--gpus", "all", "--name", name}, 60000, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Not launched:") && r.err.contains("12.3"), qPrintable(r.err));
        QVERIFY(!r.err.contains("registry"));
        // A CPU launch of the same image is not refused (TensorFlow falls back to the CPU).
        // --force goes ahead: here the engine itself then refuses the GPUs, which becomes advice too.
        r = berthctl({"launch", QString::fromStdString(tf215), "--gpus", "all", "--force", "--name", name}, 60000, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("install the NVIDIA Container Toolkit"), qPrintable(r.err));
        QCOMPARE(m_engine->inspectContainer(name.toStdString()).error().kind, ErrorKind::NotFound);
    }

    void aGpuImageLaunchedWithoutGpusIsToldItRunsOnTheCpu()
    {
        QProcessEnvironment env = envFor(geforce470());
        env.insert("HOME", m_empty.path());
        const QString name = QString::fromStdString(test::uniqueName("gpuoncpu"));
        auto r = berthctl({"launch", QString::fromStdString(tf215), "--no-wait", "--no-workspace", "--name", name},
                          60000, env);
        (void)m_engine->removeContainer(name.toStdString(), true, true);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("is built for NVIDIA GPUs; launched without --gpus, it runs on the CPU"),
                 qPrintable(r.err));
        // A CPU image: launched without a note, and checked without a word of the toolkit.
        const auto cpu = check(kBase, geforce470());
        QCOMPARE(cpu.exitCode, 0);
        QVERIFY2(cpu.out.contains("CPU image") && !cpu.out.contains("Toolkit"), qPrintable(cpu.out));
    }

    void aGpuRequestTheEngineCannotPassIsRefusedBeforeAnythingIsMade()
    {
        // A GPU here (the fake NVML), a CPU image, an engine without the toolkit: refused before create.
        QProcessEnvironment env = envFor(geforce470());
        env.insert("HOME", m_empty.path());
        const QString name = QString::fromStdString(test::uniqueName("gpucpu"));
        auto r = berthctl({"launch", QString(kBase), "--gpus", "all", "--name", name}, 60000, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Not launched:") && r.err.contains("install the NVIDIA Container Toolkit"),
                 qPrintable(r.err));
        QCOMPARE(m_engine->inspectContainer(name.toStdString()).error().kind, ErrorKind::NotFound);
        // Podman's compatible API would take the request and ignore it: refused, with that said.
        const QString podman = qEnvironmentVariable("BERTH_TEST_PODMAN_HOST");
        QVERIFY2(!podman.isEmpty(), "BERTH_TEST_PODMAN_HOST is not set (tests/run.sh sets it)");
        r = berthctl({"--host", podman, "launch", "localhost/berth-test/notebook:6", "--gpus", "all", "--name", name},
                     60000, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Podman's Docker-compatible API ignores GPU requests"), qPrintable(r.err));
    }

    void engineRefusalOfAGpuRequestBecomesAdvice()
    {
        nlohmann::json body = {{"Image", kBase},
                               {"Cmd", {"true"}},
                               {"Labels", {{"berth.test", test::runLabelValue()}}},
                               {"HostConfig",
                                {{"DeviceRequests", {{{"Driver", ""}, {"Count", -1}, {"Capabilities", {{"gpu"}}}}}}}}};
        auto created = m_engine->createContainer("", body);
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
        auto started = m_engine->startContainer(created->id);
        (void)m_engine->removeContainer(created->id, true, true);
        QVERIFY(!started.ok());
        Error advice = started.error();
        QVERIFY2(EngineGpuSupport::explainStartError(advice, tf215), started.error().describe().c_str());
        QVERIFY(advice.message.find("install the NVIDIA Container Toolkit") != std::string::npos);
        QVERIFY(advice.has(RemedyKind::InstallToolkit));
    }
};

QTEST_GUILESS_MAIN(TestGpuCheck)
#include "TestGpuCheck.moc"
