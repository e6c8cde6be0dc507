// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// The desktop app lives for days in one process: launching and removing environments again and again must
// not leave file descriptors, threads, memory or containers behind. Fifty launch/remove cycles through core,
// in this one process, against the real engine and the real Jupyter image.
#include "LiveEngine.h"

#include "berth/core/launch/Launcher.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

using namespace berth;
using namespace berth::core;
using namespace std::chrono_literals;

namespace {

constexpr int kWarmUp = 2;
constexpr int kCycles = 50;
constexpr long kRssSlackKiB = 8 * 1024;

struct Usage
{
    int fds = 0;
    int threads = 0;
    long rssKiB = 0;
};

int entries(const QString& dir)
{
    return static_cast<int>(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size());
}

Usage usageNow()
{
    Usage u;
    u.fds = entries(QStringLiteral("/proc/self/fd"));
    u.threads = entries(QStringLiteral("/proc/self/task"));
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:")) {
                u.rssKiB = line.mid(6).trimmed().split(' ').value(0).toLong();
            }
        }
    }
    return u;
}

QString describe(const Usage& u)
{
    return QStringLiteral("%1 fds, %2 threads, %3 KiB resident").arg(u.fds).arg(u.threads).arg(u.rssKiB);
}

} // namespace

class TestLifecycleLeaks : public QObject
{
    Q_OBJECT

    std::shared_ptr<EngineClient> engine = test::liveEngine();
    QTemporaryDir home;

    /// Launches berth-test/notebook:6, waits for Jupyter, checks it answers, removes it. Empty when all went well.
    QString cycle(int index)
    {
        LaunchOptions options;
        options.workspaceRoot = (home.path() + "/Documents/Berth").toStdString();
        options.readyTimeout = 90s;
        LaunchSpec spec;
        spec.image = "berth-test/notebook:6";
        spec.name = test::uniqueName("leak") + "-" + std::to_string(index);
        Launcher launcher(engine, options);
        auto env = launcher.launch(spec);
        if (!env) {
            return QStringLiteral("launch %1: %2").arg(index).arg(QString::fromStdString(env.error().message));
        }
        const std::string id = env->id;
        QString problem;
        if (!env->ready || env->hostPort <= 0) {
            problem = QStringLiteral("launch %1 returned without a ready Jupyter").arg(index);
        }
        if (auto removed = engine->removeContainer(id, true, true); !removed) {
            problem += QStringLiteral("remove %1: %2").arg(index).arg(QString::fromStdString(removed.error().message));
        }
        return problem;
    }

    int containersOfThisRun()
    {
        auto named = engine->listContainers(true, {{"name", {test::runLabelValue()}}});
        auto labelled = engine->listContainers(true, {{"label", {"berth.test=" + test::runLabelValue()}}});
        if (!named || !labelled) {
            return -1;
        }
        return static_cast<int>(named->size() + labelled->size());
    }

private Q_SLOTS:
    void cleanupTestCase()
    {
        test::removeNamed(*engine);
        test::removeLabelled(*engine);
    }

    void launchAndRemoveFiftyTimesLeavesNothingBehind()
    {
        QVERIFY(home.isValid());
        for (int i = 0; i < kWarmUp; ++i) { // libcurl, the resolver, malloc's arenas settle in
            const QString problem = cycle(i);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        const Usage before = usageNow();
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = kWarmUp; i < kWarmUp + kCycles; ++i) {
            const QString problem = cycle(i);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const Usage after = usageNow();
        const int left = containersOfThisRun();
        qInfo("%d launch/remove cycles in %.1f s (%.2f s each); before: %s; after: %s; containers left: %d", kCycles,
              seconds, seconds / kCycles, qPrintable(describe(before)), qPrintable(describe(after)), left);

        // Every figure is judged before any assertion, so that a failure shows all that grew.
        QStringList grew;
        if (after.fds > before.fds) {
            grew << QStringLiteral("file descriptors %1 -> %2").arg(before.fds).arg(after.fds);
        }
        if (after.threads > before.threads) {
            grew << QStringLiteral("threads %1 -> %2").arg(before.threads).arg(after.threads);
        }
        if (after.rssKiB > before.rssKiB + kRssSlackKiB) {
            grew << QStringLiteral("resident memory %1 KiB -> %2 KiB (more than %3 KiB of slack)")
                        .arg(before.rssKiB)
                        .arg(after.rssKiB)
                        .arg(kRssSlackKiB);
        }
        if (left != 0) {
            grew << QStringLiteral("%1 container(s) of this run left on the engine").arg(left);
        }
        QVERIFY2(before.fds > 0 && before.threads > 0 && before.rssKiB > 0, "could not read /proc/self");
        QVERIFY2(grew.isEmpty(), qPrintable(grew.join(QStringLiteral("; "))));
    }
};

QTEST_GUILESS_MAIN(TestLifecycleLeaks)
#include "TestLifecycleLeaks.moc"
