// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// Classroom profiles on the real engine, through berthctl as a teacher and a student run it: the example
// profiles' CPU environments pinned and launched to a ready Jupyter with the caps they set; a pinned image that
// differs refused with both digests; what a profile asks beyond a notebook's needs refused until allowed by
// name, then given; a lifecycle command run inside the container, its failure reported with its output.
//
// No registry is reachable: the examples' image names are given to the locally built images of the same shape
// (tf-shaped is laid out as tensorflow/tensorflow's Jupyter images, stacks-shaped as the Jupyter Docker Stacks).
#include "LiveEngine.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace berth;
using test::berthctl;

namespace {
const char* kTf = "tensorflow/tensorflow:2.9.1-jupyter";
const char* kTfGpu = "tensorflow/tensorflow:2.9.1-gpu-jupyter";
const char* kScipy = "quay.io/jupyter/scipy-notebook:2026-04-27";
const char* kTorch = "quay.io/jupyter/pytorch-notebook:2026-04-27";
const char* kTorchCuda = "quay.io/jupyter/pytorch-notebook:cuda12-2026-04-27";

/// The docker CLI on the test's engine (DOCKER_HOST): only to give images the examples' names.
bool docker(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral("docker"), args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning("docker %s: %s", qPrintable(args.join(' ')), p.readAllStandardError().constData());
        return false;
    }
    return true;
}
} // namespace

class TestProfileLaunch : public QObject
{
    Q_OBJECT

    std::shared_ptr<core::EngineClient> engine = test::liveEngine();
    QTemporaryDir home;
    QTemporaryDir dir;

    QProcessEnvironment env() const { return test::environmentWithHome(home.path()); }

    /// A copy of an example profile in the test's folder (so pinning writes there, never in the tree).
    QString copyOfExample(const QString& name)
    {
        const QString to = dir.filePath(name);
        QFile::remove(to);
        if (!QFile::copy(QStringLiteral(BERTH_SOURCE_DIR "/resources/profiles/") + name, to)) {
            return {};
        }
        QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
        return to;
    }

    QString writeProfile(const QString& name, const QByteArray& text)
    {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly)) {
            return {};
        }
        f.write(text);
        return f.fileName();
    }

    std::string imageId(const std::string& ref)
    {
        auto d = engine->inspectImage(ref);
        return d ? d->id : std::string();
    }
    /// The digest a pin wrote for `ref` in `profile`.
    static std::string pinnedDigest(const QString& profile, const std::string& ref)
    {
        QFile f(profile);
        f.open(QIODevice::ReadOnly);
        const std::string text = f.readAll().toStdString();
        const auto at = text.find(ref + "@");
        return at == std::string::npos ? std::string() : text.substr(at + ref.size() + 1, 71);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(home.isValid() && dir.isValid());
        QVERIFY(docker({"tag", "berth-test/tf-shaped:latest", kTf}));
        QVERIFY(docker({"tag", "berth-test/tf-shaped:latest", kTfGpu}));
        for (const char* name : {kScipy, kTorch, kTorchCuda}) {
            QVERIFY(docker({"tag", "berth-test/stacks-shaped:latest", name}));
        }
    }

    void cleanupTestCase()
    {
        test::removeNamed(*engine);
        for (const char* name : {kTf, kTfGpu, kScipy, kTorch, kTorchCuda}) {
            (void)engine->removeImage(name); // the names only: the images stay under theirs
        }
    }

    void exampleCpuEnvironmentsLaunchPinned_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QString>("image");
        QTest::addColumn<qint64>("memory");
        QTest::addColumn<qint64>("nanoCpus");
        QTest::addColumn<qint64>("shm");
        QTest::addColumn<QString>("variable");
        QTest::newRow("tensorflow cpu") << "tensorflow-2.9.berth.json" << "tf-cpu" << kTf << (qint64(4) << 30)
                                        << qint64(2'000'000'000) << (qint64(1) << 30) << "TF_CPP_MIN_LOG_LEVEL=1";
        QTest::newRow("pytorch cpu") << "pytorch.berth.json" << "pytorch-cpu" << kTorch << (qint64(8) << 30)
                                     << qint64(0) << (qint64(2) << 30) << "";
        QTest::newRow("docker-stacks") << "scipy-notebook.berth.json" << "" << kScipy << (qint64(2) << 30)
                                       << qint64(2'000'000'000) << (qint64(1) << 30) << "PYTHONHASHSEED=0";
    }
    void exampleCpuEnvironmentsLaunchPinned()
    {
        QFETCH(QString, file);
        QFETCH(QString, environment);
        QFETCH(QString, image);
        QFETCH(qint64, memory);
        QFETCH(qint64, nanoCpus);
        QFETCH(qint64, shm);
        QFETCH(QString, variable);
        const QString profile = copyOfExample(file);
        QVERIFY(!profile.isEmpty());
        auto v = berthctl({"profile", "validate", profile}, 30000, env());
        QVERIFY2(v.exitCode == 0, qPrintable(v.err));

        // The teacher's last step: pin. The file keeps its comments; only image strings change.
        const QByteArray before = [&] { QFile f(profile); f.open(QIODevice::ReadOnly); return f.readAll(); }();
        auto pin = berthctl({"profile", "pin", profile}, 60000, env());
        QVERIFY2(pin.exitCode == 0, qPrintable(pin.err + pin.out));
        QFile f(profile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray after = f.readAll();
        // Pinned to the image's registry digest (Podman computes one for local images too), else its ID.
        auto local = engine->inspectImage(image.toStdString());
        QVERIFY(local);
        std::vector<std::string> digests = {local->id};
        for (const auto& d : local->repoDigests) {
            digests.push_back(d.substr(d.find('@') + 1));
        }
        QVERIFY2(std::any_of(digests.begin(), digests.end(),
                             [&](const std::string& d) { return after.contains((image.toStdString() + "@" + d).c_str()); }),
                 after.constData());
        QCOMPARE(after.count("//"), before.count("//"));
        QCOMPARE(after.count('\n'), before.count('\n'));

        QStringList args = {"--json", "launch", "--profile", profile, "--name",
                            QString::fromStdString(test::uniqueName(qPrintable(file.section('.', 0, 0)))),
                            "--no-workspace", "--timeout", "240"};
        if (!environment.isEmpty()) {
            args << "--env" << environment;
        }
        auto r = berthctl(args, 300000, env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const auto out = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY2(out.value("ready").toBool(), qPrintable(r.out));
        const std::string name = out.value("name").toString().toStdString();
        auto details = engine->inspectContainer(name);
        QVERIFY(details);
        const auto& host = details->raw["HostConfig"];
        QCOMPARE(host.value("Memory", std::int64_t(0)), std::int64_t(memory));
        QCOMPARE(host.value("NanoCpus", std::int64_t(0)), std::int64_t(nanoCpus));
        QCOMPARE(host.value("ShmSize", std::int64_t(0)), std::int64_t(shm));
        QCOMPARE(host.value("Privileged", true), false);
        QCOMPARE(details->raw["Config"]["Labels"].value("berth.profile", std::string()), profile.toStdString());
        if (!variable.isEmpty()) {
            const auto envList = details->raw["Config"]["Env"];
            QVERIFY(std::find(envList.begin(), envList.end(), variable.toStdString()) != envList.end());
        }
        QVERIFY(engine->removeContainer(name, true, true));
    }

    void aPinnedImageThatDiffersIsRefusedWithBothDigests()
    {
        const QString profile = copyOfExample("tensorflow-2.9.berth.json");
        QCOMPARE(berthctl({"profile", "pin", profile}, 60000, env()).exitCode, 0);
        const std::string pinned = pinnedDigest(profile, kTf);
        QVERIFY(pinned.starts_with("sha256:"));
        QVERIFY(docker({"tag", "berth-test/stacks-shaped:latest", kTf})); // someone else's image under the name
        auto otherImage = engine->inspectImage(kTf);
        QVERIFY(otherImage);
        // The message names the local image's registry digest when it has one, else its ID.
        std::string other = otherImage->id;
        for (const auto& d : otherImage->repoDigests) {
            if (d.find("tensorflow/tensorflow@") != std::string::npos) {
                other = d.substr(d.find('@') + 1);
            }
        }
        QVERIFY(pinned != other);
        const QString name = QString::fromStdString(test::uniqueName("mismatch"));
        auto r = berthctl({"launch", "--profile", profile, "--env", "tf-cpu", "--name", name, "--no-workspace"}, 120000,
                          env());
        QVERIFY(docker({"tag", "berth-test/tf-shaped:latest", kTf}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QString::fromStdString(pinned)) && r.err.contains(QString::fromStdString(other)),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains("berthctl profile pin"), qPrintable(r.err));
        QVERIFY(!engine->inspectContainer(name.toStdString())); // nothing was created
        auto show = berthctl({"profile", "show", profile}, 60000, env());
        QCOMPARE(show.exitCode, 0);
        QVERIFY2(show.out.contains("[on this engine]"), qPrintable(show.out)); // the tag is back
    }

    void whatGivesMoreOfTheHostIsAskedThenGiven()
    {
        const QString profile = writeProfile("ptrace.json", R"({
            // A debugger course: strace needs ptrace.
            "image": "berth-test/notebook:6",
            "runArgs": ["--cap-add=SYS_PTRACE"]
        })");
        const QString name = QString::fromStdString(test::uniqueName("ptrace"));
        auto refused = berthctl({"launch", "--profile", profile, "--name", name, "--no-workspace"}, 60000, env());
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("cap-add=SYS_PTRACE: it adds the Linux capability SYS_PTRACE"),
                 qPrintable(refused.err));
        QVERIFY2(refused.err.contains("--allow cap-add=SYS_PTRACE"), qPrintable(refused.err));
        QVERIFY(!engine->inspectContainer(name.toStdString()));
        auto wrong = berthctl({"launch", "--profile", profile, "--name", name, "--no-workspace", "--allow",
                               "cap-add=SYS_PTRACE", "--allow", "privileged"},
                              60000, env());
        QCOMPARE(wrong.exitCode, 2); // more than asked is not given either
        auto r = berthctl({"launch", "--profile", profile, "--name", name, "--no-workspace", "--allow",
                           "cap-add=SYS_PTRACE"},
                          300000, env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        auto details = engine->inspectContainer(name.toStdString());
        QVERIFY(details);
        QVERIFY2(details->raw["HostConfig"]["CapAdd"].dump().find("SYS_PTRACE") != std::string::npos,
                 details->raw["HostConfig"].dump().c_str());
        QCOMPARE(details->raw["HostConfig"].value("Privileged", true), false);
        QVERIFY(engine->removeContainer(name.toStdString(), true, true));
    }

    void lifecycleCommandsRunInsideAndTheirFailureIsShown()
    {
        const QString ok = writeProfile("setup.json", R"({
            "image": "berth-test/notebook:6",
            "postCreateCommand": { "marker": "echo made-inside > /tmp/berth-marker && echo setup-done" },
            "postStartCommand": ["cat", "/tmp/berth-marker"]
        })");
        const QString name = QString::fromStdString(test::uniqueName("setup"));
        auto r = berthctl({"launch", "--profile", ok, "--name", name, "--no-workspace"}, 300000, env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("Running postCreateCommand.marker"), qPrintable(r.err));
        QVERIFY2(r.err.contains("setup-done"), qPrintable(r.err));
        QVERIFY2(r.err.contains("made-inside"), qPrintable(r.err)); // postStartCommand saw what postCreate made
        QVERIFY(!QFile::exists("/tmp/berth-marker")); // inside the container, never on this machine
        // postStartCommand runs at every start; postCreateCommand only the first time.
        QCOMPARE(berthctl({"stop", name}, 120000, env()).exitCode, 0);
        auto again = berthctl({"start", name}, 300000, env());
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.err.contains("Running postStartCommand") && again.err.contains("made-inside"),
                 qPrintable(again.err));
        QVERIFY2(!again.err.contains("setup-done"), qPrintable(again.err));
        QVERIFY(engine->removeContainer(name.toStdString(), true, true));

        const QString failing = writeProfile("failing.json", R"({
            "image": "berth-test/notebook:6",
            "postCreateCommand": "echo the-mirror-is-down >&2; exit 3"
        })");
        const QString broken = QString::fromStdString(test::uniqueName("failing"));
        auto f = berthctl({"launch", "--profile", failing, "--name", broken, "--no-workspace"}, 300000, env());
        QCOMPARE(f.exitCode, 1);
        QVERIFY2(f.err.contains("postCreateCommand failed") && f.err.contains("exit code 3"), qPrintable(f.err));
        QVERIFY2(f.err.contains("the-mirror-is-down"), qPrintable(f.err));
        auto left = engine->inspectContainer(broken.toStdString()); // kept running, for a look
        QVERIFY(left && left->state.running);
        QVERIFY(engine->removeContainer(broken.toStdString(), true, true));
    }

    void aRunningEnvironmentSavedAsAProfileLaunchesTheSame()
    {
        const QString name = QString::fromStdString(test::uniqueName("saved"));
        auto r = berthctl({"launch", "berth-test/notebook:6", "--name", name, "--no-workspace", "--memory", "768m",
                           "--cpus", "1.5", "--shm-size", "256m", "-e", "COURSE=ml-101"},
                          300000, env());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString file = dir.filePath("saved.json");
        QFile::remove(file);
        auto s = berthctl({"profile", "save", name, file}, 60000, env());
        QVERIFY2(s.exitCode == 0, qPrintable(s.err));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(!text.contains("JUPYTER_TOKEN")); // never the token
        QVERIFY2(text.contains("@sha256:"), text.constData());
        QCOMPARE(berthctl({"profile", "save", name, file}, 60000, env()).exitCode, 1); // nothing overwritten
        QVERIFY(engine->removeContainer(name.toStdString(), true, true));

        const QString again = QString::fromStdString(test::uniqueName("resaved"));
        auto l = berthctl({"launch", "--profile", file, "--name", again, "--no-workspace"}, 300000, env());
        QVERIFY2(l.exitCode == 0, qPrintable(l.err + "\n" + text));
        auto d = engine->inspectContainer(again.toStdString());
        QVERIFY(d);
        const auto& host = d->raw["HostConfig"];
        QCOMPARE(host.value("Memory", std::int64_t(0)), std::int64_t(768) << 20);
        QCOMPARE(host.value("NanoCpus", std::int64_t(0)), std::int64_t(1'500'000'000));
        QCOMPARE(host.value("ShmSize", std::int64_t(0)), std::int64_t(256) << 20);
        const auto envList = d->raw["Config"]["Env"];
        QVERIFY(std::find(envList.begin(), envList.end(), "COURSE=ml-101") != envList.end());
        QVERIFY(engine->removeContainer(again.toStdString(), true, true));
    }

    void lockedSettingsAreRefusedOnTheCommandLine()
    {
        const QString profile = copyOfExample("scipy-notebook.berth.json");
        auto r = berthctl({"launch", "--profile", profile, "--memory", "16g", "--no-workspace"}, 60000, env());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--memory: the profile locks memory"), qPrintable(r.err));
        r = berthctl({"launch", "--profile", profile, "python:3.12", "--no-workspace"}, 60000, env());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--image: the profile locks image"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestProfileLaunch)
#include "TestProfileLaunch.moc"
