// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// libcurl is loaded when first needed (core/src/engine/CurlLibrary.h), not by the program loader at start: about
// 25 libraries that cost every start about 15 ms. Checked here: neither program names it as a dependency; a
// command that talks to no engine never loads it; one that does loads it and works; a wrong libcurl.so.4 found
// first gets an error naming what it lacks, not a crash; a preload that nobody waits for does not hold up an exit.
#include "berth/core/engine/CurlTransport.h"
#include "berth/core/engine/Endpoint.h"
#include "BerthctlProcess.h"

#include <QProcess>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace berth;

namespace {
using Run = test::BerthctlRun;

Run berthctl(const QStringList& args, const QProcessEnvironment& env)
{
    return test::runBerthctl(args, env);
}

QProcessEnvironment plainEnvironment()
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DOCKER_HOST"));
    env.remove(QStringLiteral("DOCKER_CONTEXT"));
    return env;
}
} // namespace

class TestHttpLibrary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noProgramNamesLibcurlAsADependency()
    {
        // berthctl here; berth in TestMainWindow.
        QProcess readelf;
        readelf.start(QStringLiteral("readelf"), {QStringLiteral("-d"), QStringLiteral(BERTHCTL_PATH)});
        QVERIFY(readelf.waitForFinished(30000));
        const QString dynamic = QString::fromUtf8(readelf.readAllStandardOutput());
        QVERIFY2(dynamic.contains(QLatin1String("(NEEDED)")), qPrintable(dynamic)); // it did read the file
        QVERIFY2(!dynamic.contains(QLatin1String("libcurl")), qPrintable(dynamic));
    }

    void aCommandWithoutAnEngineNeverLoadsIt()
    {
        // LD_DEBUG=libs: the dynamic loader names every library it loads, dlopen's too.
        auto env = plainEnvironment();
        env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("libs"));
        const Run help = berthctl({QStringLiteral("--help")}, env);
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.err.contains(QLatin1String("libstdc++")), qPrintable(help.err.left(2000))); // LD_DEBUG works
        QVERIFY2(!help.err.contains(QLatin1String("libcurl")), qPrintable(help.err.left(4000)));

        // A command that asks an engine loads it (an address where nothing answers: the error comes from libcurl).
        const Run ps = berthctl({QStringLiteral("--host"), QStringLiteral("unix:///nonexistent/berth-http.sock"),
                                 QStringLiteral("ps")},
                                env);
        QCOMPARE(ps.exitCode, 1);
        QVERIFY2(ps.err.contains(QLatin1String("libcurl.so.4")), qPrintable(ps.err.left(4000)));
        QVERIFY2(ps.err.contains(QLatin1String("No engine answers at unix:///nonexistent/berth-http.sock")),
                 qPrintable(ps.err.right(2000)));
    }

    void aWrongLibcurlFoundFirstIsNamedNotCrashedOn()
    {
        auto env = plainEnvironment();
        env.insert(QStringLiteral("LD_LIBRARY_PATH"), QStringLiteral(FAKE_CURL_DIR));
        const Run ps = berthctl({QStringLiteral("--host"), QStringLiteral("unix:///nonexistent/berth-http.sock"),
                                 QStringLiteral("ps")},
                                env);
        QCOMPARE(ps.exitCode, 1); // an error, not a signal (-1)
        QVERIFY2(ps.err.contains(QLatin1String("The libcurl found lacks curl_easy_init")), qPrintable(ps.err));
        QVERIFY2(ps.err.contains(QLatin1String("libcurl4")), qPrintable(ps.err)); // what to reinstall
        QVERIFY(ps.out.isEmpty());
    }

    void aPreloadThenRequestsFromManyThreadsShareOneLoad()
    {
        core::preloadHttpLibrary();
        core::preloadHttpLibrary(); // a second call starts nothing
        auto ep = core::parseEndpoint("unix:///nonexistent/berth-http.sock");
        QVERIFY(ep);
        core::CurlTransport transport(*ep, std::chrono::milliseconds(2000));
        std::vector<std::thread> threads;
        std::atomic<int> unreachable{0};
        for (int i = 0; i < 8; ++i) {
            threads.emplace_back([&] {
                core::HttpRequest req;
                req.method = "GET";
                req.target = "/_ping";
                auto r = transport.send(req);
                if (!r && r.error().kind == core::ErrorKind::EngineUnreachable) {
                    ++unreachable;
                }
            });
        }
        for (auto& t : threads) {
            t.join();
        }
        QCOMPARE(unreachable.load(), 8); // libcurl itself answered each: the socket is not there
        core::unloadHttpLibrary();
        core::unloadHttpLibrary(); // twice is harmless
    }
};

QTEST_GUILESS_MAIN(TestHttpLibrary)
#include "TestHttpLibrary.moc"
