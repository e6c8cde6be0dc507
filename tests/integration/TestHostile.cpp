// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// What an engine, an image or a server says cannot crash, hang or fool Berth: berthctl against the
// hostile engine and the hostile Jupyter of tests/hostile, one test per finding of the adversarial review.
#include "Hostile.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fstream>
#include <memory>
#include <vector>

using namespace berth;

namespace {
/// berthctl running against one engine, watched: exit, output, the most memory it held.
class Ctl
{
public:
    Ctl(const QString& host, const QStringList& args, const QString& home)
    {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("HOME", home);
        env.remove("XDG_CONFIG_HOME");
        env.remove("DOCKER_HOST");
        m_process.setProcessEnvironment(env);
        // BERTH_TEST_BERTHCTL runs another build (an older one, to see these tests fail there).
        const QString program = qEnvironmentVariableIsSet("BERTH_TEST_BERTHCTL") ? qEnvironmentVariable("BERTH_TEST_BERTHCTL")
                                                                                 : QStringLiteral(BERTHCTL_PATH);
        m_process.start(program, QStringList{"--host", host} + args);
        QVERIFY(m_process.waitForStarted());
        m_timer.start();
    }
    ~Ctl()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    qint64 pid() const { return m_process.processId(); }
    void interrupt() { ::kill(static_cast<pid_t>(pid()), SIGINT); }
    /// Waits up to `ms`, sampling the process's resident memory; false when it did not end in time.
    bool wait(int ms)
    {
        while (m_timer.elapsed() < ms) {
            sampleMemory();
            if (m_process.waitForFinished(100)) {
                m_out += m_process.readAllStandardOutput();
                m_err += m_process.readAllStandardError();
                return true;
            }
            m_out += m_process.readAllStandardOutput();
            m_err += m_process.readAllStandardError();
        }
        return false;
    }
    bool crashed() const { return m_process.exitStatus() != QProcess::NormalExit; }
    int exitCode() const { return m_process.exitCode(); }
    qint64 elapsed() const { return m_timer.elapsed(); }
    const QByteArray& out() const { return m_out; }
    const QByteArray& err() const { return m_err; }
    long maxRssKiB() const { return m_maxRss; }
    QString limits() const
    {
        QFile f(QString("/proc/%1/limits").arg(pid()));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private:
    void sampleMemory()
    {
        std::ifstream in("/proc/" + std::to_string(pid()) + "/status");
        std::string line;
        while (std::getline(in, line)) {
            if (line.starts_with("VmRSS:")) {
                m_maxRss = std::max(m_maxRss, std::atol(line.c_str() + 6));
            }
        }
    }

    QProcess m_process;
    QElapsedTimer m_timer;
    QByteArray m_out, m_err;
    long m_maxRss = 0;
};

/// Nothing in `text` a terminal would obey: no ESC, no C1 control (UTF-8 C2 80..9F), no BEL.
bool terminalSafe(const QByteArray& text)
{
    for (int i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0x1b || c == 0x07 || c == 0x0d || c == 0x7f) {
            return false;
        }
        if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
            return false;
        }
        if (c == 0xe2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) == 0xae) {
            return false; // U+202E
        }
    }
    return true;
}

const QRegularExpression kAnyToken(QStringLiteral("[0-9a-f]{48}"));
} // namespace

class TestHostile : public QObject
{
    Q_OBJECT

    QTemporaryDir home;

private Q_SLOTS:
    void anEngineThatNeverAnswersEndsEveryCommandWithinItsDeadline()
    {
        test::HostileEngine engine("silent");
        const QList<QStringList> commands = {
            {"info"}, {"images"}, {"ps", "-a"}, {"ps", "--json"}, {"logs", "-f", "x"}, {"stop", "x"}, {"rm", "x"},
            {"launch", "img:1", "--name", "x"}, {"token", "x"}, {"record", "x"}, {"pull", "img:1"}, {"gpu"}};
        std::vector<std::unique_ptr<Ctl>> running;
        for (const auto& c : commands) {
            running.push_back(std::make_unique<Ctl>(engine.host(), c, home.path()));
        }
        QTest::qWait(1500);
        // A process holding tokens leaves no core file behind (once it reached main: under ASan and a second
        // test's load, a start can take longer than the wait above).
        QTRY_VERIFY2_WITH_TIMEOUT(
            running.front()->limits().contains(QRegularExpression("Max core file size\\s+0\\s+0")),
            qPrintable(running.front()->limits()), 15000);
        for (std::size_t i = 0; i < running.size(); ++i) {
            auto& ctl = *running[i];
            QVERIFY2(ctl.wait(90000), qPrintable("still running: " + commands[int(i)].join(' ')));
            QVERIFY(!ctl.crashed());
            if (commands[int(i)].front() == "gpu") {
                continue; // the host's GPUs are told even when the engine cannot be asked
            }
            QCOMPARE(ctl.exitCode(), 1);
            QVERIFY2(ctl.err().contains("did not answer") || ctl.err().contains("took too long"), ctl.err().constData());
        }
    }

    void bodiesAndHeadersWithoutEndAreRefused()
    {
        {
            test::HostileEngine engine("flood-body");
            for (const QStringList& c : {QStringList{"ps", "-a"}, QStringList{"images"}, QStringList{"ps", "--json"}}) {
                Ctl ctl(engine.host(), c, home.path());
                QVERIFY(ctl.wait(60000));
                QCOMPARE(ctl.exitCode(), 1);
                QVERIFY2(ctl.err().contains("larger than Berth reads"), ctl.err().constData());
                QVERIFY2(ctl.maxRssKiB() < 400 * 1024, qPrintable(QString::number(ctl.maxRssKiB())));
            }
        }
        {
            test::HostileEngine engine("flood-headers");
            Ctl ctl(engine.host(), {"info"}, home.path());
            QVERIFY(ctl.wait(60000));
            QCOMPARE(ctl.exitCode(), 1);
            QVERIFY2(ctl.err().contains("larger than Berth reads"), ctl.err().constData());
        }
    }

    void escapeSequencesFromTheEngineAreShownNotObeyed()
    {
        test::HostileEngine engine("escape");
        for (const QStringList& c : {QStringList{"ps", "-a"}, QStringList{"ps", "--json"}, QStringList{"stop", "x"},
                                     QStringList{"--json", "stop", "x"}, QStringList{"logs", "x"}}) {
            Ctl ctl(engine.host(), c, home.path());
            QVERIFY(ctl.wait(30000));
            QVERIFY2(terminalSafe(ctl.out()), qPrintable(c.join(' ') + ": " + ctl.out()));
            QVERIFY2(terminalSafe(ctl.err()), qPrintable(c.join(' ') + ": " + ctl.err()));
            QVERIFY2((ctl.out() + ctl.err()).contains("pwned"), qPrintable(c.join(' '))); // shown, escaped
        }
        Ctl json(engine.host(), {"ps", "--json"}, home.path());
        QVERIFY(json.wait(30000));
        QJsonParseError error;
        QJsonDocument::fromJson(json.out(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError); // still the engine's JSON
    }

    void aTokenLoggedWithEndlessTextDoesNotCrashLaunch()
    {
        test::HostileEngine engine("early-exit-long-token");
        Ctl ctl(engine.host(), {"launch", "hostile/notebook:1", "--name", "longtoken"}, home.path());
        QVERIFY(ctl.wait(60000));
        QVERIFY2(!ctl.crashed(), "berthctl crashed on a long token in the log");
        QCOMPARE(ctl.exitCode(), 1);
        QVERIFY2(ctl.err().contains("stopped (exit code 1)"), ctl.err().constData());
        QVERIFY2(ctl.err().contains("token=..."), ctl.err().constData());
        QVERIFY(ctl.err().size() < 8000);
    }

    void theTokenStaysOutOfATimeOutBeforeAnyPortIsSeen()
    {
        test::HostileEngine engine("no-port");
        for (const QStringList& extra : {QStringList{}, QStringList{"--json"}}) {
            Ctl ctl(engine.host(), extra + QStringList{"launch", "hostile/notebook:1", "--name", "noport", "--timeout", "3"},
                    home.path());
            QVERIFY(ctl.wait(60000));
            QCOMPARE(ctl.exitCode(), 1);
            QVERIFY2(ctl.err().contains("did not answer within"), ctl.err().constData());
            QVERIFY2(ctl.err().contains("my token is ..."), ctl.err().constData()); // the log line is quoted
            QVERIFY2(!kAnyToken.match(QString::fromUtf8(ctl.out() + ctl.err())).hasMatch(), ctl.err().constData());
        }
    }

    void logReadsHaveADeadlineAndCtrlCEndsThem()
    {
        test::HostileEngine engine("logs-hang");
        {
            Ctl ctl(engine.host(), {"launch", "hostile/notebook:1", "--name", "hang"}, home.path());
            QVERIFY2(ctl.wait(40000), "the log read behind an early exit has no deadline");
            QCOMPARE(ctl.exitCode(), 1);
            QVERIFY2(ctl.err().contains("stopped (exit code 1)"), ctl.err().constData());
        }
        {
            Ctl ctl(engine.host(), {"launch", "hostile/notebook:1", "--name", "hang2"}, home.path());
            QTest::qWait(2500);
            ctl.interrupt();
            QVERIFY2(ctl.wait(2500 + 3000), "Ctrl-C did not end the log read");
            QVERIFY(!ctl.crashed());
        }
    }

    void ctrlCDuringCreateStartsNothingAndRemovesWhatWasMade()
    {
        test::HostileEngine engine("slow-create");
        Ctl ctl(engine.host(), {"launch", "hostile/notebook:1", "--name", "interrupted"}, home.path());
        QTRY_VERIFY_WITH_TIMEOUT(engine.requests().join('\n').contains("POST /containers/create"), 10000);
        ctl.interrupt();
        QVERIFY(ctl.wait(20000));
        QCOMPARE(ctl.exitCode(), 130); // the shell's convention after Ctrl-C
        const QString said = engine.requests().join('\n');
        QVERIFY2(!said.contains("/start"), qPrintable(said));
        QVERIFY2(said.contains("DELETE /containers/"), qPrintable(said));
        QVERIFY2(ctl.err().contains("interrupted"), ctl.err().constData()); // the environment's name, not its id
        QVERIFY(!ctl.err().contains("c0ffeec0ffee"));
    }

    void commandOutputAndLogLinesHaveCaps()
    {
        {
            // The token discovery behind a 403 runs `jupyter server list` in the container: it prints forever.
            test::HostileJupyter jupyter("record");
            test::HostileEngine engine("exec-flood", jupyter.port());
            Ctl ctl(engine.host(), {"token", "hostile-env"}, home.path());
            QVERIFY(ctl.wait(60000));
            QCOMPARE(ctl.exitCode(), 1);
            QVERIFY2(ctl.maxRssKiB() < 400 * 1024, qPrintable(QString::number(ctl.maxRssKiB())));
        }
        {
            test::HostileEngine engine("line-flood");
            Ctl ctl(engine.host(), {"--json", "logs", "hostile-env"}, home.path());
            QVERIFY(ctl.wait(60000));
            QCOMPARE(ctl.exitCode(), 0);
            const auto lines = ctl.out().split('\n');
            QVERIFY2(lines.size() > 300, qPrintable(QString::number(lines.size())));
            for (const auto& l : lines) {
                QVERIFY(l.size() < 70 * 1024);
            }
            QVERIFY2(ctl.maxRssKiB() < 400 * 1024, qPrintable(QString::number(ctl.maxRssKiB())));
        }
    }

    void anEngineOnAnotherMachineNeverGetsATokenSentToThisOnesLoopback()
    {
        // The engine's socket is on this machine (as one forwarded over ssh would be), but it runs elsewhere:
        // its container's port number means nothing here, and whatever listens on it must see no token.
        test::HostileJupyter listener("record");
        test::HostileEngine engine("elsewhere", listener.port());
        Ctl launch(engine.host(), {"launch", "hostile/notebook:1", "--name", "remote"}, home.path());
        QVERIFY(launch.wait(30000));
        QCOMPARE(launch.exitCode(), 1);
        QVERIFY2(launch.err().contains("another machine"), launch.err().constData());
        QVERIFY(!engine.requests().join('\n').contains("/containers/create"));
        for (const QStringList& c : {QStringList{"token", "hostile-env"}, QStringList{"open", "hostile-env"},
                                     QStringList{"--json", "record", "hostile-env"}}) {
            Ctl ctl(engine.host(), c, home.path());
            QVERIFY(ctl.wait(30000));
        }
        QVERIFY2(!listener.requests().contains("token"), qPrintable(listener.requests()));
    }

    void whatJupyterSaysIsShownNotObeyedAndCapped()
    {
        {
            test::HostileJupyter jupyter("escape");
            test::HostileEngine engine("local", jupyter.port());
            for (const QStringList& c : {QStringList{"launch", "hostile/notebook:1", "--name", "esc"},
                                         QStringList{"--json", "launch", "hostile/notebook:1", "--name", "esc2"},
                                         QStringList{"record", "esc2"}}) {
                Ctl ctl(engine.host(), c, home.path());
                QVERIFY(ctl.wait(30000));
                QVERIFY2(ctl.exitCode() == 0, ctl.err().constData());
                QVERIFY2(terminalSafe(ctl.out()), ctl.out().constData());
                QVERIFY2(ctl.out().contains("6.4.12"), ctl.out().constData());
            }
            QVERIFY(jupyter.requests().contains("Authorization") || jupyter.requests().contains("token"));
        }
        {
            test::HostileJupyter jupyter("huge");
            test::HostileEngine engine("local", jupyter.port());
            Ctl ctl(engine.host(), {"--json", "launch", "hostile/notebook:1", "--name", "huge"}, home.path());
            QVERIFY(ctl.wait(60000));
            QCOMPARE(ctl.exitCode(), 0);
            QVERIFY2(ctl.out().contains("\"jupyterVersion\": \"\""), ctl.out().constData());
            QVERIFY2(ctl.maxRssKiB() < 400 * 1024, qPrintable(QString::number(ctl.maxRssKiB())));
        }
    }

    void oldDockerIsToldItExposesLoopbackPorts()
    {
        test::HostileEngine engine("local"); // says Docker 27.5.1
        Ctl ctl(engine.host(), {"info"}, home.path());
        QVERIFY(ctl.wait(30000));
        QCOMPARE(ctl.exitCode(), 0);
        QVERIFY2(ctl.out().contains("moby#45610"), ctl.out().constData());
        Ctl json(engine.host(), {"--json", "info"}, home.path());
        QVERIFY(json.wait(30000));
        const auto doc = QJsonDocument::fromJson(json.out());
        QCOMPARE(doc["warnings"].toArray().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "TestHostile.moc"
