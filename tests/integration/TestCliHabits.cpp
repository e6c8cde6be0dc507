// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// The command line a docker user expects, and the lifecycle of an environment: several names at once,
// ps -q, help and version as commands, "did you mean", usage errors in JSON, exit 130 after Ctrl-C;
// start and restart keep the token, the notebook folder and the caps.
#include "LiveEngine.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace berth;
using namespace berth::core;

class TestCliHabits : public QObject
{
    Q_OBJECT

    std::shared_ptr<EngineClient> engine = test::liveEngine();
    QTemporaryDir home;

    QProcessEnvironment env() const { return test::environmentWithHome(home.path()); }

    /// A plain container of this run (the ticker image: a line a second).
    std::string ticker(const char* what)
    {
        const std::string name = test::uniqueName(what);
        auto c = engine->createContainer(name, {{"Image", "berth-test/ticker:latest"},
                                                {"Labels", {{"berth.test", test::runLabelValue()}}}});
        if (!c || !engine->startContainer(c->id)) {
            qFatal("could not start %s", name.c_str());
        }
        return name;
    }

private Q_SLOTS:
    void cleanupTestCase()
    {
        test::removeLabelled(*engine);
        test::removeNamed(*engine);
    }

    void stopAndRmTakeSeveralNamesAndGoOnPastAFailure()
    {
        const auto a = QString::fromStdString(ticker("multi-a"));
        const auto b = QString::fromStdString(ticker("multi-b"));
        auto stop = test::berthctl({"stop", "-t", "1", a, b});
        QVERIFY2(stop.exitCode == 0, qPrintable(stop.err));
        QVERIFY(stop.out.contains("Stopped " + a) && stop.out.contains("Stopped " + b));
        QVERIFY(!engine->inspectContainer(a.toStdString())->state.running);
        QVERIFY(!engine->inspectContainer(b.toStdString())->state.running);
        auto rm = test::berthctl({"rm", a, "berth-t-no-such-container", b});
        QCOMPARE(rm.exitCode, 1); // one of them failed...
        QVERIFY(rm.err.contains("berth-t-no-such-container"));
        QVERIFY(!engine->inspectContainer(a.toStdString()).ok()); // ...and the others were removed all the same
        QVERIFY(!engine->inspectContainer(b.toStdString()).ok());
    }

    void psQuietPrintsIdsOnly()
    {
        const std::string name = ticker("quiet");
        const auto id = engine->inspectContainer(name)->id.substr(0, 12);
        auto r = test::berthctl({"ps", "-q"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.split('\n', Qt::SkipEmptyParts).contains(QString::fromStdString(id)));
        for (const auto& line : r.out.split('\n', Qt::SkipEmptyParts)) {
            QCOMPARE(line.size(), 12);
        }
    }

    void helpVersionAndMistypes()
    {
        auto version = test::berthctl({"version"});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("berthctl " BERTH_VERSION));
        auto help = test::berthctl({"help", "launch"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains("--mount HOST:CONTAINER[:ro][,create]") && help.out.contains("--memory SIZE"),
                 qPrintable(help.out));
        auto all = test::berthctl({"help"});
        QVERIFY(all.out.contains("-H, --host URL") && all.out.contains("start NAME...") && all.out.contains("130"));
        auto stopHelp = test::berthctl({"stop", "--help"});
        QVERIFY2(stopHelp.out.contains("default 30 for a Berth environment, 10 otherwise"), qPrintable(stopHelp.out));
        auto typo = test::berthctl({"lunch", "img"});
        QCOMPARE(typo.exitCode, 2);
        QVERIFY2(typo.err.contains("Did you mean 'launch'?"), qPrintable(typo.err));
        auto flag = test::berthctl({"ps", "--al"});
        QCOMPARE(flag.exitCode, 2);
        QVERIFY2(flag.err.contains("Did you mean '--all'?"), qPrintable(flag.err));
        auto json = test::berthctl({"--json", "lunch"});
        QCOMPARE(json.exitCode, 2);
        const auto doc = QJsonDocument::fromJson(json.out.toUtf8());
        QCOMPARE(doc["error"]["kind"].toString(), QStringLiteral("usage"));
    }

    void ctrlCEndsWith130()
    {
        const std::string name = ticker("interrupt");
        QProcess p;
        p.start(BERTHCTL_PATH, {"logs", "-f", QString::fromStdString(name)});
        QTRY_VERIFY_WITH_TIMEOUT(p.bytesAvailable() > 0, 15000); // it is following
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
    }

    void startAndRestartKeepTokenFolderAndCaps()
    {
        const QString name = QString::fromStdString(test::uniqueName("lifecycle"));
        auto launched = test::berthctl({"launch", "berth-test/notebook:6", "--name", name, "--memory", "1g"}, 180000, env());
        QVERIFY2(launched.exitCode == 0, qPrintable(launched.err));
        const QString token = test::berthctl({"token", name}).out.trimmed();
        QVERIFY(token.size() == 48);
        // A notebook saved in the folder, then stopped.
        const QString folder = home.path() + "/Documents/Berth/" + name;
        QFile nb(folder + "/kept.ipynb");
        QVERIFY(nb.open(QIODevice::WriteOnly));
        nb.write("{}");
        nb.close();
        QVERIFY(test::berthctl({"stop", name}).exitCode == 0);

        auto started = test::berthctl({"start", name}, 180000, env());
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        QVERIFY2(started.out.contains(" is ready at http://127.0.0.1:"), qPrintable(started.out));
        QCOMPARE(test::berthctl({"token", name}).out.trimmed(), token);
        auto d = engine->inspectContainer(name.toStdString());
        QCOMPARE(d->raw["HostConfig"]["Memory"].get<std::int64_t>(), 1LL << 30);
        auto listing = engine->exec(d->id, {"ls", "/root/work"});
        QVERIFY(listing && listing->out.find("kept.ipynb") != std::string::npos);

        auto restarted = test::berthctl({"restart", name}, 180000, env());
        QVERIFY2(restarted.exitCode == 0, qPrintable(restarted.err));
        QVERIFY(restarted.out.contains(" is ready at "));
        QCOMPARE(test::berthctl({"token", name}).out.trimmed(), token);

        // While it was stopped, its folder became a link to /etc: it is not started with that.
        QVERIFY(test::berthctl({"stop", name}).exitCode == 0);
        QVERIFY(QDir(folder).removeRecursively());
        QVERIFY(QFile::link("/etc", folder));
        auto refused = test::berthctl({"start", name}, 60000, env());
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("is no longer one a notebook may have"), qPrintable(refused.err));
        QVERIFY(!engine->inspectContainer(name.toStdString())->state.running);
        QFile::remove(folder);
    }

    void whatCoreHasIsOnTheCommandLine()
    {
        const std::string name = ticker("exposed");
        const QString n = QString::fromStdString(name);
        // exec: the command's output and exit code are berthctl's.
        auto exec = test::berthctl({"exec", n, "--", "sh", "-c", "echo out; echo err >&2; exit 7"});
        QCOMPARE(exec.exitCode, 7);
        QCOMPARE(exec.out, QStringLiteral("out\n"));
        QCOMPARE(exec.err, QStringLiteral("err\n"));
        // inspect: the engine's JSON, a container's or else an image's.
        auto inspect = test::berthctl({"inspect", n});
        QCOMPARE(inspect.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(inspect.out.toUtf8())["Name"].toString(), "/" + n);
        auto image = test::berthctl({"inspect", "berth-test/ticker:latest"});
        QVERIFY(QJsonDocument::fromJson(image.out.toUtf8())["RepoTags"].isArray());
        // stats: one sample with a real CPU figure.
        auto stats = test::berthctl({"--json", "stats", "--no-stream", n});
        QCOMPARE(stats.exitCode, 0);
        const auto sample = QJsonDocument::fromJson(stats.out.toUtf8());
        QCOMPARE(sample["name"].toString(), n);
        QVERIFY(sample["memoryUsed"].toDouble() > 0);
        QVERIFY(sample["pids"].toInt() >= 1);
        // events: what happens to the container, as it happens.
        QProcess events;
        events.start(BERTHCTL_PATH, {"--json", "events", "--filter", "container=" + n});
        QVERIFY(events.waitForStarted());
        QTest::qWait(1000);
        QVERIFY(engine->stopContainer(name, 1).ok());
        QTRY_VERIFY_WITH_TIMEOUT(QString::fromUtf8(events.peek(1 << 20)).contains("\"die\""), 15000);
        ::kill(static_cast<pid_t>(events.processId()), SIGINT);
        QVERIFY(events.waitForFinished(10000));
        QCOMPARE(events.exitCode(), 130);
        // rmi: an image a container uses is refused, in words.
        auto rmi = test::berthctl({"rmi", "berth-test/ticker:latest"});
        QCOMPARE(rmi.exitCode, 1);
        QVERIFY2(rmi.err.contains("is used by a container"), qPrintable(rmi.err));
    }

    void rmSaysHowToCopyFilesOutAndCpDoesIt()
    {
        const std::string name = ticker("copy");
        const QString n = QString::fromStdString(name);
        auto wrote = engine->exec(name, {"sh", "-c", "mkdir -p /root/run && echo 0.93 > /root/run/results.csv"});
        QVERIFY(wrote && wrote->exitCode == 0);
        QVERIFY(engine->stopContainer(name, 1).ok());
        auto refused = test::berthctl({"rm", n});
        QCOMPARE(refused.exitCode, 1);
        const QString advice = "berthctl cp " + n + ":/root/run DEST";
        QVERIFY2(refused.err.contains(advice), qPrintable(refused.err));
        // The advice, followed: the file comes out of the stopped container.
        const QString dest = home.path() + "/saved";
        auto cp = test::berthctl({"cp", n + ":/root/run", dest});
        QVERIFY2(cp.exitCode == 0, qPrintable(cp.err));
        QVERIFY2(cp.out.contains("Copied 1 file(s)"), qPrintable(cp.out));
        QFile saved(dest + "/run/results.csv");
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), QByteArray("0.93\n"));
        // Copying again replaces nothing.
        auto again = test::berthctl({"cp", n + ":/root/run", dest});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("exists already"), qPrintable(again.err));
        QVERIFY(test::berthctl({"rm", "--force", n}).exitCode == 0);
    }
};

QTEST_GUILESS_MAIN(TestCliHabits)
#include "TestCliHabits.moc"
