// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// berthctl called in-process (cli::run) against recorded-style engine answers: its wording of core's remedies
// (every kind has words), its usage errors, the removal guard's refusal, the stop grace, token on a stopped
// environment. And core itself: no message of core's names berthctl or one of its flags.
#include "FakeTransport.h"

#include "berth/core/launch/Environment.h"
#include "cli/Cli.h"
#include "cli/Wording.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <iostream>
#include <set>
#include <sstream>

using namespace berth::core;
using berth::test::FakeTransport;
using nlohmann::json;

namespace {

struct CliResult
{
    int code = -1;
    QString out;
    QString err;
};

/// berthctl ARGS..., its standard output and error captured.
CliResult berthctl(const std::vector<std::string>& args, std::shared_ptr<FakeTransport> engine)
{
    std::ostringstream out, err;
    auto* oldOut = std::cout.rdbuf(out.rdbuf());
    auto* oldErr = std::cerr.rdbuf(err.rdbuf());
    std::atomic<bool> interrupted{false};
    CliResult r;
    r.code = berth::cli::run(args, interrupted, std::move(engine));
    std::cout.rdbuf(oldOut);
    std::cerr.rdbuf(oldErr);
    r.out = QString::fromStdString(out.str());
    r.err = QString::fromStdString(err.str());
    return r;
}

const std::string kId = std::string(64, 'f');

json container(const std::string& name, bool running, bool environment)
{
    json labels = json::object();
    if (environment) {
        labels = {{labels::kEnvironment, name},
                  {labels::kPort, "8888/tcp"},
                  {labels::kNotebookRoot, "/tf"},
                  {labels::kWorkspace, "/home/ada/Documents/Berth/" + name},
                  {labels::kWorkspaceTarget, "/tf"}};
    }
    return {{"Id", kId},
            {"Name", "/" + name},
            {"State", {{"Status", running ? "running" : "exited"}, {"Running", running}, {"ExitCode", 0}}},
            {"Config", {{"Image", "berth-test/notebook:6"}, {"Env", {"JUPYTER_TOKEN=0123456789abcdef"}}, {"Labels", labels}}},
            {"NetworkSettings", {{"Ports", json::object()}}},
            {"Mounts", json::array()}};
}

/// String literals of a C++ source, comments left out.
std::vector<std::string> literals(const std::string& code)
{
    std::vector<std::string> found;
    std::size_t i = 0;
    while (i < code.size()) {
        if (code.compare(i, 2, "//") == 0) {
            i = code.find('\n', i);
            i = i == std::string::npos ? code.size() : i;
        } else if (code.compare(i, 2, "/*") == 0) {
            i = code.find("*/", i);
            i = i == std::string::npos ? code.size() : i + 2;
        } else if (code[i] == '\'') {
            i = code.find('\'', i + (code[i + 1] == '\\' ? 3 : 2)) + 1;
        } else if (code.compare(i, 3, "R\"(") == 0) {
            const auto end = code.find(")\"", i + 3);
            found.push_back(code.substr(i + 3, end - i - 3));
            i = end + 2;
        } else if (code[i] == '"') {
            std::string s;
            for (++i; i < code.size() && code[i] != '"'; ++i) {
                if (code[i] == '\\') {
                    s += code[i++];
                }
                s += code[i];
            }
            found.push_back(s);
            ++i;
        } else {
            ++i;
        }
    }
    return found;
}

/// Words of berthctl's in a piece of core's text: its name, or one of its flags inside a sentence (a literal
/// that is just "--json" is an argument handed to a program, not words for a person).
std::string frontEndWords(const std::string& text, const std::vector<std::string>& flags)
{
    if (text.find("berthctl") != std::string::npos) {
        return "berthctl";
    }
    if (text.find(' ') == std::string::npos) {
        return {};
    }
    for (const auto& flag : flags) {
        for (auto at = text.find(flag); at != std::string::npos; at = text.find(flag, at + 1)) {
            const std::size_t end = at + flag.size();
            if (end == text.size() || !(std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-')) {
                return flag;
            }
        }
    }
    return {};
}

} // namespace

class TestCliInProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRemedyKindHasBerthctlWords()
    {
        std::set<std::string> seen;
        for (const RemedyKind kind : allRemedyKinds()) {
            const Remedy r{kind, {"ARG0", "ARG1"}};
            const std::string clause = berth::cli::remedyClause(r);
            const std::string name = toString(kind);
            QVERIFY2(!clause.empty() && name != "unknown", name.c_str());
            QVERIFY2(clause.find("see berthctl --help") == std::string::npos, name.c_str());
            QVERIFY2(seen.insert(clause).second, ("two kinds share the words: " + clause).c_str());
            const std::string sentence = berth::cli::remedySentence({r});
            const bool aside = sentence.front() == '(' && sentence.ends_with(".)");
            QVERIFY2(aside || (std::isupper(static_cast<unsigned char>(sentence.front())) && sentence.back() == '.'),
                     sentence.c_str());
            // Arguments named in the table are shown where the words need them.
            const std::string args = remedyArguments(kind);
            const auto j = remediesToJson({r});
            if (!args.empty()) {
                QCOMPARE(j.at(0).at(args.substr(0, args.find(' '))).get<std::string>(), std::string("ARG0"));
            }
        }
        QVERIFY(allRemedyKinds().size() >= 40);
    }

    void remediesReadAsOneSentence()
    {
        const std::vector<Remedy> driver = {{RemedyKind::UpdateDriver, {"535"}},
                                            {RemedyKind::UseCpuImage, {"tf:cpu"}},
                                            {RemedyKind::UseOlderImage, {"tf:old"}},
                                            {RemedyKind::LaunchAnyway, {}}};
        QCOMPARE(berth::cli::remedySentence(driver),
                 std::string("Update the driver to 535 or newer, or use tf:cpu (the CPU version), or tf:old (an older "
                             "release built for a CUDA this driver runs). (--force launches it anyway.)"));
        QCOMPARE(berth::cli::remedySentence({}), std::string());
        Error e = makeError(ErrorKind::Timeout, "Jupyter in nb did not answer within 180 s. The container still runs.");
        e.with(RemedyKind::ShowLog, {"nb"}).with(RemedyKind::WaitLonger, {"nb"}).with(RemedyKind::StopContainer, {"nb"});
        e.engineMessage = "the engine's words";
        e.logLines = {"line one", "line two"};
        QCOMPARE(berth::cli::describe(e),
                 std::string("Jupyter in nb did not answer within 180 s. The container still runs. Look at its log "
                             "(berthctl logs nb), or wait longer (berthctl open nb), or stop it (berthctl stop nb). "
                             "(engine said: the engine's words)\nIts last lines:\n  | line one\n  | line two"));
    }

    void coreSpeaksNoFrontEndWords()
    {
        const auto flags = berth::cli::optionNames();
        QVERIFY(std::find(flags.begin(), flags.end(), "--memory") != flags.end());
        QVERIFY(std::find(flags.begin(), flags.end(), "--force") != flags.end());
        // The scanner itself finds what it must.
        QCOMPARE(frontEndWords("Launch it again with a larger --memory.", flags), std::string("--memory"));
        QCOMPARE(frontEndWords("Pull it first (berthctl pull x)", flags), std::string("berthctl"));
        QCOMPARE(frontEndWords("--json", flags), std::string());
        QCOMPARE(literals("f(\"a \\\"b\\\" c\"); // \"berthctl\"\nR\"(raw --x)\";"),
                 (std::vector<std::string>{"a \\\"b\\\" c", "raw --x"}));
        int files = 0;
        std::size_t strings = 0;
        QStringList offences;
        QDirIterator it(QStringLiteral(BERTH_SOURCE_DIR "/core"), {"*.h", "*.cpp"}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const auto found = literals(f.readAll().toStdString());
            strings += found.size();
            ++files;
            for (const auto& s : found) {
                if (const auto w = frontEndWords(s, flags); !w.empty()) {
                    offences << path + ": " + QString::fromStdString(w) + " in \"" + QString::fromStdString(s) + "\"";
                }
            }
        }
        QVERIFY2(files > 50 && strings > 500, qPrintable(QString::number(strings)));
        QVERIFY2(offences.isEmpty(), qPrintable(offences.join('\n')));
    }

    void usageErrorsNameTheFlagAndAreJsonWithJson()
    {
        auto r = berthctl({"launch", "berth-test/notebook:6", "--memory", "lots"}, std::make_shared<FakeTransport>());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith("berthctl: --memory: 'lots'"), qPrintable(r.err));
        r = berthctl({"--json", "launch", "berth-test/notebook:6", "--gpus", "some"}, std::make_shared<FakeTransport>());
        QCOMPARE(r.code, 2);
        const auto error = QJsonDocument::fromJson(r.out.toUtf8()).object().value("error").toObject();
        QCOMPARE(error.value("kind").toString(), QStringLiteral("usage"));
        QCOMPARE(error.value("field").toString(), QStringLiteral("gpus"));
        QVERIFY(error.value("message").toString().startsWith("--gpus: "));
        r = berthctl({"start", "x", "--timeout", "0"}, std::make_shared<FakeTransport>());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--timeout: "), qPrintable(r.err));
    }

    void rmRefusesInBerthctlWords()
    {
        auto fake = std::make_shared<FakeTransport>();
        const json c = container("ada", false, true);
        const auto expectRisk = [&] {
            fake->expect("GET", "/containers/ada/json", FakeTransport::ok(c.dump()));
            fake->expect("GET", "/containers/" + kId + "/json", FakeTransport::ok(c.dump()));
            fake->expect("GET", "/containers/" + kId + "/changes",
                         FakeTransport::ok(R"([{"Path":"/root/run/model.ipynb","Kind":1}])"));
        };
        expectRisk();
        auto r = berthctl({"rm", "ada"}, fake);
        QCOMPARE(r.code, 1);
        const QString said = "berthctl: Removing ada would lose 1 file(s) written inside it, outside its mounts:\n"
                             "  /root/run/model.ipynb\n"
                             "Save them first: in Jupyter, move them into /tf (that is /home/ada/Documents/Berth/ada "
                             "on this machine), or copy them out with berthctl cp ada:/root/run DEST, or remove "
                             "anyway with --force.\n";
        QCOMPARE(r.err, said);
        expectRisk();
        r = berthctl({"--json", "rm", "ada"}, fake);
        QCOMPARE(r.code, 1);
        const auto error = QJsonDocument::fromJson(r.out.toUtf8()).object().value("error").toObject();
        QCOMPARE(error.value("kind").toString(), QStringLiteral("conflict"));
        QCOMPARE(error.value("files").toArray().first().toString(), QStringLiteral("/root/run/model.ipynb"));
        QCOMPARE(error.value("remedies").toArray().at(1).toObject().value("kind").toString(),
                 QStringLiteral("copy-files-out"));
        QCOMPARE(fake->pending(), std::size_t(0));
    }

    void stopWaitsLongerForEnvironments()
    {
        for (const bool environment : {true, false}) {
            auto fake = std::make_shared<FakeTransport>();
            fake->expect("GET", "/containers/ada/json", FakeTransport::ok(container("ada", true, environment).dump()));
            fake->expect("POST", "/containers/" + kId + "/stop", FakeTransport::ok("", 204));
            fake->expect("GET", "/containers/" + kId + "/json", FakeTransport::ok(container("ada", false, environment).dump()));
            auto r = berthctl({"stop", "ada"}, fake);
            QCOMPARE(r.code, 0);
            QCOMPARE(r.out, QStringLiteral("Stopped ada\n"));
            const auto targets = fake->targets();
            const std::string want = "/stop?t=" + std::string(environment ? "30" : "10");
            QVERIFY2(targets.at(1).find(want) != std::string::npos, targets.at(1).c_str());
        }
    }

    void tokenOfAStoppedEnvironmentSaysStartIt()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->expect("GET", "/containers/ada/json", FakeTransport::ok(container("ada", false, true).dump()));
        auto r = berthctl({"token", "ada"}, fake);
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err, QStringLiteral("berthctl: ada is exited, not running. Start it again (berthctl start ada).\n"));
        QVERIFY(!r.out.contains("0123456789abcdef"));
    }
};

QTEST_GUILESS_MAIN(TestCliInProcess)
#include "TestCliInProcess.moc"
