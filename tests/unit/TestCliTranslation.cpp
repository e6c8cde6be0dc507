// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// berthctl in the user's language: the language read from the environment as gettext reads it, help and errors in
// Simplified Chinese with every %-placeholder filled, English with LANG=C, and --json, the manual page and shell
// completion the same in every language. And berthctl_zh_CN.ts complete: lupdate over today's sources finds no
// string without a translation, every translation keeps its placeholders, and berthctl carries them all.
#include "BerthctlProcess.h"
#include "FakeTransport.h"
#include "TsFile.h"

#include "berth/core/launch/Environment.h"
#include "cli/Cli.h"
#include "cli/Table.h"
#include "cli/Translate.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <iostream>
#include <sstream>

using namespace berth::core;
using berth::cli::Language;
using berth::test::FakeTransport;
using berth::test::placeholders;
using berth::test::readTs;
using nlohmann::json;

namespace {

struct CliResult
{
    int code = -1;
    QString out;
    QString err;
};

/// berthctl ARGS... in-process, in the language of `locale` ("zh_CN", "C"), its output captured.
CliResult berthctl(const char* locale, const std::vector<std::string>& args,
                   std::shared_ptr<FakeTransport> engine = nullptr)
{
    berth::cli::setLanguageForTesting(locale);
    std::ostringstream out, err;
    auto* oldOut = std::cout.rdbuf(out.rdbuf());
    auto* oldErr = std::cerr.rdbuf(err.rdbuf());
    std::atomic<bool> interrupted{false};
    CliResult r;
    r.code = berth::cli::run(args, interrupted, std::move(engine));
    std::cout.rdbuf(oldOut);
    std::cerr.rdbuf(oldErr);
    berth::cli::setLanguageForTesting("");
    r.out = QString::fromStdString(out.str());
    r.err = QString::fromStdString(err.str());
    return r;
}

/// The real program with only these language variables set.
CliResult berthctlProcess(const QStringList& args, const QMap<QString, QString>& language)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        env.remove(QString::fromLatin1(name));
    }
    for (auto it = language.begin(); it != language.end(); ++it) {
        env.insert(it.key(), it.value());
    }
    const auto run = berth::test::runBerthctl(args, env);
    return {run.exitCode, run.out, run.err};
}

const QRegularExpression kPlaceholder(QStringLiteral("%[1-9]"));
const QRegularExpression kHan(QStringLiteral("\\p{Han}"));

const std::string kId = std::string(64, 'f');

/// An environment whose container holds a file outside its mounts: rm refuses it.
std::shared_ptr<FakeTransport> engineWithRiskyRemoval()
{
    const json c = {{"Id", kId},
                    {"Name", "/ada"},
                    {"State", {{"Status", "exited"}, {"Running", false}, {"ExitCode", 0}}},
                    {"Config",
                     {{"Image", "berth-test/notebook:6"},
                      {"Labels",
                       {{labels::kEnvironment, "ada"},
                        {labels::kPort, "8888/tcp"},
                        {labels::kNotebookRoot, "/tf"},
                        {labels::kWorkspace, "/home/ada/Documents/Berth/ada"},
                        {labels::kWorkspaceTarget, "/tf"}}}}},
                    {"NetworkSettings", {{"Ports", json::object()}}},
                    {"Mounts", json::array()}};
    auto fake = std::make_shared<FakeTransport>();
    fake->expect("GET", "/containers/ada/json", FakeTransport::ok(c.dump()));
    fake->expect("GET", "/containers/" + kId + "/json", FakeTransport::ok(c.dump()));
    fake->expect("GET", "/containers/" + kId + "/changes",
                 FakeTransport::ok(R"([{"Path":"/root/run/model.ipynb","Kind":1}])"));
    return fake;
}

const QString kTs = QStringLiteral(BERTH_SOURCE_DIR "/resources/translations/berthctl_zh_CN.ts");

} // namespace

class TestCliTranslation : public QObject
{
    Q_OBJECT

    QMap<QString, QByteArray> m_saved;

  private Q_SLOTS:
    void initTestCase()
    {
        for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
            m_saved[QString::fromLatin1(name)] = qgetenv(name);
        }
    }

    void cleanupTestCase()
    {
        for (auto it = m_saved.begin(); it != m_saved.end(); ++it) {
            if (it.value().isNull()) {
                qunsetenv(qPrintable(it.key()));
            } else {
                qputenv(qPrintable(it.key()), it.value());
            }
        }
        berth::cli::setLanguageForTesting("");
    }

    void readsTheLanguageAsGettextDoes()
    {
        using berth::cli::languageOf;
        for (const char* zh : {"zh_CN", "zh_CN.UTF-8", "zh_CN.GB18030", "zh_SG", "zh_Hans", "zh-Hans-CN", "zh"}) {
            QVERIFY2(languageOf(zh) == Language::SimplifiedChinese, zh);
        }
        for (const char* en : {"C", "C.UTF-8", "POSIX", "en", "en_US.UTF-8"}) {
            QVERIFY2(languageOf(en) == Language::English, en);
        }
        for (const char* none : {"", "zh_TW", "zh_HK.UTF-8", "zh_Hant", "de_DE.UTF-8", "fr"}) {
            QVERIFY2(!languageOf(none), none);
        }

        auto with = [](const char* language, const char* all, const char* messages, const char* lang) {
            const std::pair<const char*, const char*> vars[] = {
                {"LANGUAGE", language}, {"LC_ALL", all}, {"LC_MESSAGES", messages}, {"LANG", lang}};
            for (const auto& [name, value] : vars) {
                if (value) {
                    qputenv(name, value);
                } else {
                    qunsetenv(name);
                }
            }
            return berth::cli::languageFromEnvironment();
        };
        QCOMPARE(with(nullptr, nullptr, nullptr, nullptr), Language::English);
        QCOMPARE(with(nullptr, nullptr, nullptr, "zh_CN.UTF-8"), Language::SimplifiedChinese);
        QCOMPARE(with(nullptr, nullptr, nullptr, "C"), Language::English);
        // LANGUAGE first: its first entry berthctl speaks, whatever the locale.
        QCOMPARE(with("zh_CN", nullptr, nullptr, "C"), Language::SimplifiedChinese);
        QCOMPARE(with("zh_TW:zh_CN:en", nullptr, nullptr, "C"), Language::SimplifiedChinese);
        QCOMPARE(with("de:en_GB:zh_CN", nullptr, nullptr, "zh_CN.UTF-8"), Language::English);
        QCOMPARE(with("de", nullptr, nullptr, "zh_CN.UTF-8"), Language::SimplifiedChinese);
        QCOMPARE(with("", nullptr, nullptr, "zh_CN.UTF-8"), Language::SimplifiedChinese);
        // Then the first of LC_ALL, LC_MESSAGES, LANG that is set decides.
        QCOMPARE(with(nullptr, "C", "zh_CN.UTF-8", "zh_CN.UTF-8"), Language::English);
        QCOMPARE(with(nullptr, "zh_SG.UTF-8", nullptr, "C"), Language::SimplifiedChinese);
        QCOMPARE(with(nullptr, "", "zh_CN", "C"), Language::SimplifiedChinese);
        QCOMPARE(with(nullptr, nullptr, "de_DE.UTF-8", "zh_CN"), Language::English);
    }

    void argFillsPlaceholdersInTheTranslationsOrder()
    {
        using berth::cli::arg;
        QCOMPARE(arg("%2 before %1", "a", std::string("b")), std::string("b before a"));
        QCOMPARE(arg("%1 and %1, %2%", 3, std::size_t(40)), std::string("3 and 3, 40%"));
        QCOMPARE(arg("%1 stays: %2", "%2", "x"), std::string("%2 stays: x")); // a value is not read again
        QCOMPARE(arg("%3 is not given", "a"), std::string("%3 is not given"));
        QCOMPARE(berth::cli::displayWidth("容器 ab"), std::size_t(7));
    }

    void helpAndErrorsAreChineseWithTheirValues()
    {
        auto help = berthctl("zh_CN", {"--help"});
        QCOMPARE(help.code, 0);
        QVERIFY2(help.out.startsWith(QStringLiteral("用法：berthctl [-H URL | --context NAME] [--json] COMMAND")),
                 qPrintable(help.out));
        QVERIFY(help.out.contains(QStringLiteral("  launch IMAGE | --profile FILE 启动 Jupyter 环境并等待其响应\n")));
        QVERIFY(help.out.contains(QStringLiteral("退出码：")));
        QVERIFY2(!help.out.contains(kPlaceholder), qPrintable(help.out));
        auto launchHelp = berthctl("zh_CN", {"launch", "--help"});
        QVERIFY(launchHelp.out.contains(QStringLiteral("选项：")));
        QVERIFY(launchHelp.out.contains(QStringLiteral("  -m, --memory SIZE       内存上限：512m、4g、1.5GiB\n")));

        auto unknown = berthctl("zh_CN", {"pss"});
        QCOMPARE(unknown.code, 2);
        QCOMPARE(unknown.err,
                 QStringLiteral("berthctl: 未知命令“pss”。您是想输入“ps”吗？\n运行“berthctl --help”查看用法。\n"));

        // No engine there: core's message stays English, berthctl's advice around it is Chinese.
        auto down = berthctl("zh_CN", {"-H", "unix:///nonexistent", "ps"});
        QCOMPARE(down.code, 1);
        QVERIFY2(down.err.startsWith(QStringLiteral("berthctl: ")) && down.err.contains(kHan) &&
                     down.err.contains(QStringLiteral("启动 Docker（sudo systemctl start docker）")) &&
                     down.err.contains(QStringLiteral("unix:///nonexistent")) && !down.err.contains(kPlaceholder),
                 qPrintable(down.err));

        auto rm = berthctl("zh_CN", {"rm", "ada"}, engineWithRiskyRemoval());
        QCOMPARE(rm.code, 1);
        QVERIFY2(rm.err.contains(QStringLiteral("请先保存这些文件：在 Jupyter 中把它们移到 /tf（即本机的 "
                                                "/home/ada/Documents/Berth/ada），或用 berthctl cp ada:/root/run DEST "
                                                "把它们复制出来，或用 --force 强制删除。")),
                 qPrintable(rm.err));
        QVERIFY2(!rm.err.contains(kPlaceholder), qPrintable(rm.err));
    }

    void englishWithLangC()
    {
        auto help = berthctl("C", {"--help"});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.startsWith(QStringLiteral("Usage: berthctl [-H URL | --context NAME] [--json] COMMAND")));
        QVERIFY(help.out.contains(QStringLiteral("  launch IMAGE | --profile FILE Start a Jupyter environment and "
                                                 "wait until it answers\n")));
        QVERIFY(!help.out.contains(kHan));
        auto unknown = berthctl("C", {"pss"});
        QCOMPARE(
            unknown.err,
            QStringLiteral("berthctl: unknown command 'pss'. Did you mean 'ps'?\nRun 'berthctl --help' for usage.\n"));
        auto down = berthctl("C", {"-H", "unix:///nonexistent", "ps"});
        QVERIFY2(down.err.contains(QStringLiteral("Start Docker (sudo systemctl start docker)")), qPrintable(down.err));
        QVERIFY(!down.err.contains(kHan));
    }

    void theProgramFollowsTheEnvironment()
    {
        auto zh = berthctlProcess({"--help"}, {{"LANGUAGE", "zh_CN"}});
        QCOMPARE(zh.code, 0);
        QVERIFY2(zh.out.startsWith(QStringLiteral("用法：")), qPrintable(zh.out));
        zh = berthctlProcess({"-H", "unix:///nonexistent", "ps"}, {{"LANG", "zh_CN.UTF-8"}});
        QCOMPARE(zh.code, 1);
        QVERIFY2(zh.err.contains(QStringLiteral("启动 Docker")) && !zh.err.contains(kPlaceholder), qPrintable(zh.err));
        auto en = berthctlProcess({"--help"}, {{"LANG", "C"}});
        QVERIFY2(en.out.startsWith(QStringLiteral("Usage: berthctl")), qPrintable(en.out));
        en = berthctlProcess({"--help"}, {});
        QVERIFY2(en.out.startsWith(QStringLiteral("Usage: berthctl")), qPrintable(en.out));
    }

    void jsonManualAndCompletionAreTheSameInEveryLanguage()
    {
        // A fake engine that expects nothing: these stop before asking it, or fail alike in both languages.
        const std::vector<std::vector<std::string>> runs = {
            {"--json", "pss"},
            {"--json", "ps", "--frob"},
            {"--json", "launch", "berth-test/notebook:6", "--memory", "lots"},
            {"--json", "launch"},
            {"--json", "launch", "berth-test/notebook:6", "--allow", "privileged"},
            {"help", "--man"},
            {"complete", "commands"},
            {"complete", "options", "launch"},
        };
        for (const auto& args : runs) {
            const auto zh = berthctl("zh_CN", args, std::make_shared<FakeTransport>());
            const auto en = berthctl("C", args, std::make_shared<FakeTransport>());
            const QString what = QString::fromStdString(json(args).dump());
            QVERIFY2(!en.out.isEmpty(), qPrintable(what));
            QVERIFY2(zh.out == en.out, qPrintable(what + "\n" + zh.out));
            QCOMPARE(zh.code, en.code);
            QVERIFY2(!zh.out.contains(kHan), qPrintable(what));
        }
        // No engine at all: the error object is English, the line on stderr Chinese.
        const auto zhDown = berthctl("zh_CN", {"--json", "-H", "unix:///nonexistent", "ps"});
        const auto enDown = berthctl("C", {"--json", "-H", "unix:///nonexistent", "ps"});
        QCOMPARE(zhDown.out, enDown.out);
        QVERIFY(enDown.out.contains(QStringLiteral("\"advice\": \"Start Docker (sudo systemctl start docker)")));
        QVERIFY2(zhDown.err.contains(kHan), qPrintable(zhDown.err));
        const auto zh = berthctl("zh_CN", {"--json", "rm", "ada"}, engineWithRiskyRemoval());
        const auto en = berthctl("C", {"--json", "rm", "ada"}, engineWithRiskyRemoval());
        QCOMPARE(zh.out, en.out);
        QVERIFY(en.out.contains(QStringLiteral("\"advice\": \"In Jupyter, move them into /tf")));
    }

    void everyMessageIsTranslatedWithItsPlaceholders()
    {
        const auto messages = readTs(kTs);
        QVERIFY2(messages.size() > 300, qPrintable(QString::number(messages.size())));
        QStringList problems;
        for (const auto& [context, m] : messages) {
            if (context != QStringLiteral("berth::cli")) {
                problems << "context " + context + ": " + m.source;
            }
            if (!m.type.isEmpty() || m.translation.isEmpty()) {
                problems << "not translated: " + m.source;
            }
            if (placeholders(m.source) != placeholders(m.translation)) {
                problems << "placeholders differ: " + m.source + " -> " + m.translation;
            }
            // berthctl carries what the file says, byte for byte (the generated table's escaping).
            berth::cli::setLanguageForTesting("zh_CN");
            const std::string shown = berth::cli::tr(m.source.toUtf8().constData());
            berth::cli::setLanguageForTesting("");
            if (QString::fromStdString(shown) != m.translation) {
                problems << "berthctl says " + QString::fromStdString(shown) + " for " + m.source;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
    }

    void lupdateFindsNoStringWithoutATranslation()
    {
        QStringList sources;
        const QDir cli(QStringLiteral(BERTH_SOURCE_DIR "/ui/cli"));
        for (const auto& f : cli.entryList({"*.cpp", "*.h"}, QDir::Files)) {
            sources << cli.filePath(f);
        }
        sources << QStringLiteral(BERTH_SOURCE_DIR "/app/berthctl/main.cpp");
        int messages = 0;
        const QStringList missing = berth::test::untranslatedAfterLupdate(QStringLiteral(BERTH_LUPDATE), kTs, sources,
                                                                          &messages);
        QVERIFY2(missing.isEmpty(), qPrintable("no translation in berthctl_zh_CN.ts (ninja update_cli_translations, "
                                               "then translate):\n" +
                                               missing.join('\n')));
        QCOMPARE(messages, int(readTs(kTs).size()));
    }
};

QTEST_GUILESS_MAIN(TestCliTranslation)
#include "TestCliTranslation.moc"
