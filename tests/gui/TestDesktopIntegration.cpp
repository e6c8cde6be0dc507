// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// What the desktop reads of Berth: its MIME types (resources/berth-mime.xml, installed as
// share/mime/packages/berth.xml) make a profile a type of its own, which the .desktop file says Berth opens.
#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QTemporaryDir>
#include <QTest>

class TestDesktopIntegration : public QObject
{
    Q_OBJECT

    QTemporaryDir data;

private Q_SLOTS:
    void initTestCase()
    {
        // The MIME package as the package installs it, in a data folder of this test's own, before the system's.
        QVERIFY(QDir(data.path()).mkpath("mime/packages"));
        QVERIFY(QFile::copy(QStringLiteral(BERTH_SOURCE_DIR "/resources/berth-mime.xml"),
                            data.filePath("mime/packages/berth.xml")));
        qputenv("XDG_DATA_HOME", data.path().toUtf8());
    }

    void profilesAreTypesOfTheirOwn()
    {
        QMimeDatabase db;
        QCOMPARE(db.mimeTypeForFile("course.berth.json", QMimeDatabase::MatchExtension).name(),
                 QStringLiteral("application/x-berth-profile"));
        QCOMPARE(db.mimeTypeForFile("/x/.devcontainer/devcontainer.json", QMimeDatabase::MatchExtension).name(),
                 QStringLiteral("application/x-devcontainer+json"));
        QCOMPARE(db.mimeTypeForFile("/x/.devcontainer.json", QMimeDatabase::MatchExtension).name(),
                 QStringLiteral("application/x-devcontainer+json"));
        QVERIFY(db.mimeTypeForName("application/x-berth-profile").inherits("application/json"));
        // Any other JSON stays JSON.
        QCOMPARE(db.mimeTypeForFile("package.json", QMimeDatabase::MatchExtension).name(),
                 QStringLiteral("application/json"));
    }

    void berthOpensThemAndNotebooks()
    {
        QFile f(QStringLiteral(BERTH_SOURCE_DIR "/resources/berth.desktop"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString types;
        QString exec;
        for (const QString& line : QString::fromUtf8(f.readAll()).split('\n')) {
            if (line.startsWith("MimeType=")) {
                types = line.mid(9);
            } else if (line.startsWith("Exec=")) {
                exec = line.mid(5);
            }
        }
        for (const char* type : {"application/x-ipynb+json", "application/x-berth-profile", "application/x-devcontainer+json"}) {
            QVERIFY2(types.contains(QLatin1String(type)), qPrintable(types));
        }
        QCOMPARE(exec, QStringLiteral("berth %f"));
    }
};

QTEST_GUILESS_MAIN(TestDesktopIntegration)
#include "TestDesktopIntegration.moc"
