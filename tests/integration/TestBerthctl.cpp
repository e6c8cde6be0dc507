// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// berthctl as a user runs it, against the real engine.
#include "LiveEngine.h"
#include "berth/core/launch/DiskSpace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace berth;
using test::berthctl;

class TestBerthctl : public QObject
{
    Q_OBJECT

    std::shared_ptr<core::EngineClient> engine = test::liveEngine();

    std::string startTicker(const std::string& name)
    {
        nlohmann::json body = {{"Image", "berth-test/ticker:latest"},
                               {"Labels", {{"berth.test", test::runLabelValue()}}},
                               {"HostConfig", {{"Init", true}}}};
        auto c = engine->createContainer(name, body);
        if (!c || !engine->startContainer(c->id)) {
            return {};
        }
        return c->id;
    }

private Q_SLOTS:
    void cleanupTestCase()
    {
        test::removeLabelled(*engine);
        test::removeNamed(*engine); // launched by berthctl: named with this run's value
    }

    void usageErrorsExitWithTwo()
    {
        auto r = berthctl({"frobnicate"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unknown command 'frobnicate'"));
        r = berthctl({"ps", "--bogus"});
        QCOMPARE(r.exitCode, 2);
        r = berthctl({"logs"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("logs needs NAME"));
        r = berthctl({"--host", "ftp://x", "ps"});
        QCOMPARE(r.exitCode, 2);
        r = berthctl({"logs", "x", "--tail", "many"});
        QCOMPARE(r.exitCode, 2);
        r = berthctl({});
        QCOMPARE(r.exitCode, 2);
        r = berthctl({"--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Commands:"));
        r = berthctl({"pull", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Usage: berthctl pull"));
    }

    void failuresExitWithOneAndOneClearLine()
    {
        auto r = berthctl({"--host", "unix:///tmp/berth-nothing.sock", "ps"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.err.startsWith("berthctl: No engine answers at unix:///tmp/berth-nothing.sock"));
        r = berthctl({"stop", "berth-no-such-container"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("No container named berth-no-such-container"));
        r = berthctl({"--json", "rm", "berth-no-such-container"});
        QCOMPARE(r.exitCode, 1);
        auto err = QJsonDocument::fromJson(r.out.toUtf8()).object().value("error").toObject();
        QCOMPARE(err.value("kind").toString(), QStringLiteral("not-found"));
        QCOMPARE(err.value("httpStatus").toInt(), 404);
    }

    void infoShowsTheEngine()
    {
        auto r = berthctl({"info"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Engine:"));
        QVERIFY(r.out.contains("API:"));
        r = berthctl({"info", "--json"});
        QCOMPARE(r.exitCode, 0);
        auto j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(j.value("info").toObject().contains("NCPU"));
        QVERIFY(!j.value("apiVersion").toString().isEmpty());
    }

    void psListsContainersWithTheEnginesIdsAndNames()
    {
        const std::string name = test::uniqueName("ps");
        const std::string id = startTicker(name);
        QVERIFY(!id.empty());
        auto r = berthctl({"ps", "--json"});
        QCOMPARE(r.exitCode, 0);
        const auto arr = QJsonDocument::fromJson(r.out.toUtf8()).array();
        bool found = false;
        for (const auto& v : arr) {
            const auto o = v.toObject();
            if (o.value("Id").toString() == QString::fromStdString(id)) {
                found = true;
                QCOMPARE(o.value("Names").toArray().first().toString(), QString::fromStdString("/" + name));
            }
        }
        QVERIFY(found);
        r = berthctl({"ps"});
        QCOMPARE(r.exitCode, 0);
        const auto lines = r.out.split('\n');
        QVERIFY(lines.first().startsWith("CONTAINER ID  NAME"));
        const auto row = std::find_if(lines.begin(), lines.end(), [&](const QString& l) { return l.contains(QString::fromStdString(name)); });
        QVERIFY(row != lines.end());
        QVERIFY(row->startsWith(QString::fromStdString(id.substr(0, 12))));
        // Columns line up: NAME starts at the same place on every line.
        QCOMPARE(row->indexOf(QString::fromStdString(name)), lines.first().indexOf("NAME"));
        // Stopped containers show with -a only.
        QVERIFY(engine->stopContainer(id, 2).ok());
        QVERIFY(!berthctl({"ps"}).out.contains(QString::fromStdString(name)));
        QVERIFY(berthctl({"ps", "-a"}).out.contains(QString::fromStdString(name)));
    }

    void imagesListsTheTestImages()
    {
        auto r = berthctl({"images"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("berth-test/notebook"));
        r = berthctl({"images", "--json"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).array().size() >= 3);
    }

    void logsPrintBothStreamsAndFollowUntilStopped()
    {
        const std::string name = test::uniqueName("logs");
        const std::string id = startTicker(name);
        QVERIFY(!id.empty());
        QTest::qWait(2500);
        auto r = berthctl({"logs", QString::fromStdString(name)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("out 1\n"));
        QVERIFY(r.err.startsWith("err 1\n"));
        r = berthctl({"logs", "-n", "1", "--json", QString::fromStdString(name)});
        QCOMPARE(r.exitCode, 0);
        const auto first = QJsonDocument::fromJson(r.out.split('\n').first().toUtf8()).object();
        QVERIFY(first.value("stream").toString() == "stdout" || first.value("stream").toString() == "stderr");
        // -f keeps going until the container stops, then returns 0.
        QProcess follow;
        follow.start(QStringLiteral(BERTHCTL_PATH), {"logs", "-f", QString::fromStdString(name)});
        QVERIFY(follow.waitForStarted());
        QTest::qWait(1500);
        QCOMPARE(follow.state(), QProcess::Running);
        auto stop = berthctl({"stop", "-t", "3", QString::fromStdString(name)});
        QCOMPARE(stop.exitCode, 0);
        QVERIFY(stop.out.contains("Stopped " + QString::fromStdString(name)));
        QVERIFY(follow.waitForFinished(10000));
        QCOMPARE(follow.exitCode(), 0);
    }

    void followStopsOnCtrlC()
    {
        const std::string name = test::uniqueName("sigint");
        QVERIFY(!startTicker(name).empty());
        QProcess follow;
        follow.start(QStringLiteral(BERTHCTL_PATH), {"logs", "-f", QString::fromStdString(name)});
        QVERIFY(follow.waitForStarted());
        QTest::qWait(1200);
        ::kill(static_cast<pid_t>(follow.processId()), SIGINT);
        QVERIFY(follow.waitForFinished(5000));
        QCOMPARE(follow.exitStatus(), QProcess::NormalExit); // ended cleanly by berthctl itself...
        QCOMPARE(follow.exitCode(), 130);                    // ...with the shell's code for Ctrl-C
    }

    void rmRemovesAStoppedContainerAndRefusesARunningOne()
    {
        const std::string name = test::uniqueName("rm");
        QVERIFY(!startTicker(name).empty());
        auto r = berthctl({"rm", QString::fromStdString(name)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("is running. Stop it first"));
        r = berthctl({"rm", "--force", "--json", QString::fromStdString(name)});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value("removed").toBool(), true);
        QCOMPARE(engine->inspectContainer(name).error().kind, core::ErrorKind::NotFound);
    }

    void rmKeepsAStoppedEnvironmentWhoseFilesWouldBeLost()
    {
        // A Berth environment as `launch` makes it (its notebook folder mounted at /root/work), work written
        // inside it outside that mount, then stopped: rm lists that work, refuses, and removes nothing.
        QTemporaryDir workspace;
        QVERIFY(workspace.isValid());
        const QString name = QString::fromStdString(test::uniqueName("rm-risky"));
        auto r = berthctl({"launch", "berth-test/notebook:6", "--name", name, "--workspace", workspace.path(),
                           "--no-wait", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const std::string id = QJsonDocument::fromJson(r.out.toUtf8()).object().value("id").toString().toStdString();
        QVERIFY(!id.empty());
        const QStringList atRisk = {"/data/raw/measurements.bin", "/root/Untitled.ipynb", "/root/results.csv"};
        auto written = engine->exec(id, {"sh", "-c",
                                         "mkdir -p /data/raw /root/.cache/pip && "
                                         "echo 1 > /data/raw/measurements.bin && "
                                         "echo '{\"cells\":[]}' > /root/Untitled.ipynb && "
                                         "printf 'a,b\\n1,2\\n' > /root/results.csv && "
                                         // Not at risk: in the mount, a cache, and outside every user place.
                                         "echo '{\"cells\":[]}' > /root/work/Safe.ipynb && "
                                         "echo x > /root/.cache/pip/wheel && echo x > /tmp/scratch.log && echo ok"});
        QVERIFY(written.ok());
        QCOMPARE(written->out, std::string("ok\n"));
        QVERIFY(QFile::exists(workspace.filePath("Safe.ipynb"))); // the mount is where launch said
        QVERIFY(engine->stopContainer(id, 10).ok());
        auto stopped = engine->inspectContainer(id);
        QVERIFY(stopped.ok());
        QVERIFY(!stopped->state.running);

        r = berthctl({"rm", name});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith("berthctl: Removing " + name + " would lose 3 file(s)"), qPrintable(r.err));
        for (const auto& f : atRisk) {
            QVERIFY2(r.err.contains("\n  " + f + "\n"), qPrintable(f + " is not listed in: " + r.err));
        }
        for (const char* safe : {"Safe.ipynb", ".cache", "scratch.log"}) {
            QVERIFY2(!r.err.contains(safe), qPrintable(r.err));
        }
        QVERIFY(r.err.contains("--force"));
        QVERIFY(r.out.isEmpty());
        auto still = engine->inspectContainer(id);
        QVERIFY2(still.ok(), "rm removed the container although it refused");
        QVERIFY(!still->state.running);

        // --json: the same files, as a list.
        r = berthctl({"--json", "rm", name});
        QCOMPARE(r.exitCode, 1);
        const auto err = QJsonDocument::fromJson(r.out.toUtf8()).object().value("error").toObject();
        QCOMPARE(err.value("kind").toString(), QStringLiteral("conflict"));
        QStringList files;
        for (const auto& v : err.value("files").toArray()) {
            files << v.toString();
        }
        QCOMPARE(files, atRisk);
        QVERIFY(engine->inspectContainer(id).ok());

        // Forced, it goes; the work in the mount stays on the host.
        r = berthctl({"rm", "--force", name});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(engine->inspectContainer(id).error().kind, core::ErrorKind::NotFound);
        QVERIFY(QFile::exists(workspace.filePath("Safe.ipynb")));
    }

    void pullDrawsProgressAndPrintsTheDigest()
    {
        // An image of its own: TestEngineLive pulls (and removes) another one at the same time.
        const QString ref = QString::fromStdString(test::registryAddress()) + "/berth-test/pullme-cli:1";
        test::removeImageEverywhere(*engine, ref.toStdString());
        // Docker ends with "Status: Downloaded newer image ..." and a "Pull complete" per layer; Podman with
        // neither (Berth says "Pulled <ref>") and a "Download complete" per layer.
        const bool podman = engine->version().ok() && engine->version()->podman;
        auto r = berthctl({"pull", ref});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(podman ? "Pulled " + ref : QString("Downloaded newer image")), qPrintable(r.out));
        QVERIFY(r.out.contains("Digest: "));
        QVERIFY2(r.err.contains(podman ? "Download complete" : "Pull complete"), qPrintable(r.err)); // not a terminal: a line per layer step
        // The room left where the engine keeps images (this engine runs here), said before the download.
        const auto space = core::imageStoreSpace(*engine->info());
        QVERIFY(space);
        QVERIFY2(r.err.startsWith("Room for images: ") && r.err.contains(QString::fromStdString(" at " + space->path)),
                 qPrintable(r.err));
        r = berthctl({"pull", "--json", ref});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject pulled = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(pulled.value("diskSpace").toObject().value("path").toString(), QString::fromStdString(space->path));
        QVERIFY(pulled.value("diskSpace").toObject().value("freeBytes").toDouble() > 0);
        const QString status = pulled.value("status").toString();
        QVERIFY2(status.contains(podman ? "Pulled" : "up to date"), qPrintable(status));
        // On a terminal: a bar that redraws itself in place and ends full.
        test::removeImageEverywhere(*engine, ref.toStdString());
        QProcess tty;
        tty.start("script", {"-qfec", QString(BERTHCTL_PATH) + " pull " + ref, "/dev/null"});
        QVERIFY(tty.waitForFinished(60000));
        const QString screen = QString::fromUtf8(tty.readAllStandardOutput());
        QCOMPARE(tty.exitCode(), 0);
        QVERIFY2(screen.contains("\r[") && screen.contains("] 100%") && screen.contains("layers"), qPrintable(screen));
        QVERIFY(screen.contains("[==============================] 100%"));
        r = berthctl({"pull", "berth bad ref"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("is not an image reference"));
    }
};

QTEST_GUILESS_MAIN(TestBerthctl)
#include "TestBerthctl.moc"
