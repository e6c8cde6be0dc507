// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// The bash completion (resources/completions/berthctl.bash) as bash runs it on Tab, with berthctl on PATH and
// the real engine: commands, a command's options, and container, environment and image names from the engine.
#include "LiveEngine.h"

#include <QFileInfo>
#include <QTest>

using namespace berth;

namespace {
/// What Tab offers for the words typed (the last one is being completed).
QStringList complete(const QStringList& words)
{
    QString array;
    for (const auto& w : words) {
        array += " '" + w + "'";
    }
    QProcess bash;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("PATH", QFileInfo(QStringLiteral(BERTHCTL_PATH)).path() + ":" + env.value("PATH"));
    bash.setProcessEnvironment(env);
    bash.start("bash", {"-c", "source " BERTH_SOURCE_DIR "/resources/completions/berthctl.bash; COMP_WORDS=(" + array +
                                  "); COMP_CWORD=" + QString::number(words.size() - 1) +
                                  "; _berthctl; printf '%s\\n' \"${COMPREPLY[@]}\""});
    if (!bash.waitForFinished(30000)) {
        return {"(timed out)"};
    }
    return QString::fromUtf8(bash.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
}
} // namespace

class TestCompletion : public QObject
{
    Q_OBJECT

    std::shared_ptr<core::EngineClient> engine = test::liveEngine();

private Q_SLOTS:
    void cleanupTestCase() { test::removeLabelled(*engine); }

    void commandsAndOptions()
    {
        QCOMPARE(complete({"berthctl", "lau"}), QStringList{"launch"});
        QCOMPARE(complete({"berthctl", "launch", "--pro"}), QStringList{"--profile"});
        QCOMPARE(complete({"berthctl", "profile", "p"}), QStringList{"pin"});
        QCOMPARE(complete({"berthctl", "bundle", "im"}), QStringList{"import"});
        QVERIFY(complete({"berthctl", "--json", "st"}).contains("stop")); // global options before the command
    }

    void namesFromTheEngine()
    {
        const std::string name = test::uniqueName("tab");
        auto created = engine->createContainer(
            name, {{"Image", "berth-test/notebook:6"}, {"Labels", {{"berth.test", test::runLabelValue()}}}});
        QVERIFY(created);
        const QString prefix = QString::fromStdString(name).left(QString::fromStdString(name).size() - 3);
        QCOMPARE(complete({"berthctl", "rm", prefix}), QStringList{QString::fromStdString(name)});
        QVERIFY(complete({"berthctl", "start", prefix}).isEmpty()); // not an environment: start offers environments
        // Images as the engine names them (Podman: localhost/berth-test/notebook:6).
        const QStringList images = complete({"berthctl", "launch", ""});
        QVERIFY2(std::any_of(images.begin(), images.end(), [](const QString& i) { return i.endsWith("berth-test/notebook:6"); }),
                 qPrintable(images.join(' ')));
        // An engine that does not answer: nothing offered, no error under the prompt.
        QVERIFY(complete({"berthctl", "-H", "unix:///nonexistent-berth.sock", "rm", ""}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCompletion)
#include "TestCompletion.moc"
