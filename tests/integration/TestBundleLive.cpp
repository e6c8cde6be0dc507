// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// An offline bundle on the real engines, as a class uses one: a teacher exports a profile and its image from
// Docker; a student's Podman imports it (every image's ID checked) and launches the profile from it, with no
// registry. Needs both engines at once (DOCKER_HOST and BERTH_TEST_PODMAN_HOST), so it runs once.
#include "LiveEngine.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace berth;
using test::berthctl;

class TestBundleLive : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;
    QTemporaryDir home;
    QString dockerHost;
    QString podmanHost;
    const QString image = QStringLiteral("berth-bundle-t/notebook:") + QString::fromStdString(test::runLabelValue());

    QProcessEnvironment on(const QString& host) const
    {
        auto e = test::environmentWithHome(home.path());
        e.insert("DOCKER_HOST", host);
        return e;
    }

    /// The docker CLI on one engine: only to give the test image a name of this run's.
    static bool docker(const QString& host, const QStringList& args)
    {
        QProcess p;
        p.start(QStringLiteral("docker"), QStringList{"-H", host} + args);
        return p.waitForFinished(120000) && p.exitCode() == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        dockerHost = qEnvironmentVariable("DOCKER_HOST", "unix:///var/run/docker.sock");
        podmanHost = qEnvironmentVariable("BERTH_TEST_PODMAN_HOST");
        QVERIFY2(!podmanHost.isEmpty(), "BERTH_TEST_PODMAN_HOST is not set: start Podman with tests/testbed/podman.sh up");
        QVERIFY(docker(dockerHost, {"tag", "berth-test/notebook:6", image}));
    }

    void cleanupTestCase()
    {
        for (const QString& host : {dockerHost, podmanHost}) {
            QProcess::execute("docker", {"-H", host, "rm", "-f", QString::fromStdString(test::uniqueName("bundled"))});
            QProcess::execute("docker", {"-H", host, "rmi", image});
        }
    }

    void aBundleFromDockerLaunchesOnPodmanOffline()
    {
        const QString profile = dir.filePath("course.berth.json");
        QFile f(profile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("// The class's profile\n{\n    \"image\": \"%1\",\n    \"runArgs\": [\"--memory=1g\"],\n"
                               "    \"postCreateCommand\": \"echo bundled-and-ready\"\n}\n")
                    .arg(image)
                    .toUtf8());
        f.close();
        // Podman has no such image yet.
        QVERIFY(!docker(podmanHost, {"image", "inspect", image}));

        const QString bundle = dir.filePath("course.tar");
        auto exported = berthctl({"--json", "bundle", "export", profile, "-o", bundle}, 600000, on(dockerHost));
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        const auto out = QJsonDocument::fromJson(exported.out.toUtf8()).object();
        const QString id = out.value("images").toVariant().toList().value(0).toMap().value("id").toString();
        QVERIFY(id.startsWith("sha256:"));

        const QString target = dir.filePath("class");
        auto imported = berthctl({"bundle", "import", bundle, target}, 600000, on(podmanHost));
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.contains("checked"), qPrintable(imported.out));
        QVERIFY(docker(podmanHost, {"image", "inspect", image}));
        const QString importedProfile = target + "/course.berth.json";
        QVERIFY(QFile::exists(importedProfile));

        const QString name = QString::fromStdString(test::uniqueName("bundled"));
        auto launched = berthctl({"launch", "--profile", importedProfile, "--name", name, "--no-workspace"}, 300000,
                                 on(podmanHost));
        QVERIFY2(launched.exitCode == 0, qPrintable(launched.err));
        QVERIFY2(launched.out.contains("is ready"), qPrintable(launched.out));
        QVERIFY2(launched.err.contains("bundled-and-ready"), qPrintable(launched.err));

        // Imported a second time: its folder is not written over.
        auto again = berthctl({"bundle", "import", bundle, target}, 600000, on(podmanHost));
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("already exists"), qPrintable(again.err));
    }
};

QTEST_GUILESS_MAIN(TestBundleLive)
#include "TestBundleLive.moc"
