// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// A classroom profile opened in the window, on the real engine under Xvfb: its summary comes first (image, GPU
// verdict, caps, commands run inside, what it asks to be allowed); Launch waits until each such item is ticked;
// the launch runs the profile's command inside the container, shows its output, and ends ready with what was
// allowed given. A bad profile says where, and launches nothing. Dropping a file on the window opens it.
#include "../integration/LiveEngine.h"
#include "ui/EngineStatus.h"
#include "ui/ListPage.h"
#include "ui/MainWindow.h"
#include "ui/environments/EnvironmentsPage.h"
#include "berth/core/profile/Profile.h"
#include "ui/profile/ProfileDialog.h"

#include <QApplication>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTableView>
#include <QTreeWidget>

using namespace berth;

class TestProfileGui : public QObject
{
    Q_OBJECT

    std::shared_ptr<core::EngineClient> engine = test::liveEngine();
    QTemporaryDir home;
    QTemporaryDir dir;
    QDir shots{QStringLiteral(BERTH_SOURCE_DIR "/docs/screenshots")};
    QTemporaryDir podmanShots; ///< the Podman run's screenshots: the README shows Docker's
    QString m_launched; ///< the environment the first test launched

    QString write(const QString& name, const QByteArray& text)
    {
        QFile f(dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(text);
        return f.fileName();
    }

    static QString rowText(QTreeWidget* tree, const QString& setting)
    {
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            if (tree->topLevelItem(i)->text(0) == setting) {
                return tree->topLevelItem(i)->text(1);
            }
        }
        return {};
    }

    static QString allRows(QTreeWidget* tree)
    {
        QStringList rows;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            rows << tree->topLevelItem(i)->text(0) + ": " + tree->topLevelItem(i)->text(1);
        }
        return rows.join('\n');
    }

    static bool waitLoaded(ui::ProfileDialog* d)
    {
        QSignalSpy loaded(d, &ui::ProfileDialog::loaded);
        return d->ready() || !d->problem()->text().isEmpty() || loaded.wait(60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(home.isValid() && dir.isValid());
        // Notebook folders go under this test's own home.
        qputenv("HOME", home.path().toUtf8());
        qunsetenv("XDG_DOCUMENTS_DIR");
        QVERIFY(engine->negotiate().ok());
        if (engine->version().ok() && engine->version()->podman) {
            shots.setPath(podmanShots.path()); // both runs go at once: one writes docs/screenshots
        }
    }

    void cleanupTestCase() { test::removeNamed(*engine); }

    void summaryFirstThenConsentThenLaunch()
    {
        const QString id = QString::fromStdString(test::uniqueName("prof"));
        const QString path = write("course.berth.json", QStringLiteral(R"({
            // A debugging course.
            "name": "Debugging Python",
            "image": "berth-test/notebook:6",
            "runArgs": ["--cap-add=SYS_PTRACE", "--memory=1g"],
            "postCreateCommand": "echo hello-from-inside",
            "customizations": { "berth": {
                "title": "Debugging Python", "author": "Grace",
                "openPage": "lesson.ipynb",
                "environments": [ { "name": "%1", "description": "The environment for the debugger" } ]
            } }
        })").arg(id).toUtf8());
        ui::ProfileDialog d(engine, path);
        d.show();
        QVERIFY(waitLoaded(&d));
        QVERIFY2(d.ready(), qPrintable(d.problem()->text()));
        QCOMPARE(d.heading()->text(), QStringLiteral("Debugging Python, by Grace"));
        QCOMPARE(d.environments()->count(), 1);
        QVERIFY(d.environments()->item(0)->text().contains("The environment for the debugger"));
        QCOMPARE(rowText(d.summary(), "Image"), QStringLiteral("berth-test/notebook:6 (not pinned: it may change under its name)"));
        QCOMPARE(rowText(d.summary(), "On this engine"), QStringLiteral("Yes"));
        QVERIFY2(rowText(d.summary(), "GPU verdict").contains("CPU image"), qPrintable(allRows(d.summary())));
        QCOMPARE(rowText(d.summary(), "Caps"), QStringLiteral("memory 1g"));
        QCOMPARE(rowText(d.summary(), "Runs inside"), QStringLiteral("postCreateCommand: /bin/sh -c echo hello-from-inside"));
        QCOMPARE(rowText(d.summary(), "Opens first"), QStringLiteral("lesson.ipynb"));
        QCOMPARE(d.consents()->count(), 1);
        QVERIFY(d.consents()->item(0)->text().startsWith("Allow cap-add=SYS_PTRACE: it adds the Linux capability"));
        QVERIFY(!d.launchButton()->isEnabled()); // not until the person allows it
        d.grab().save(shots.filePath(QStringLiteral("profile.png")));

        d.consents()->item(0)->setCheckState(Qt::Checked);
        QVERIFY(d.launchButton()->isEnabled());
        QSignalSpy launched(&d, &ui::ProfileDialog::launchedEnvironment);
        QSignalSpy failed(&d, &ui::ProfileDialog::failed);
        QTest::mouseClick(d.launchButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!launched.isEmpty() || !failed.isEmpty(), 240000);
        QVERIFY2(failed.isEmpty(), qPrintable(d.problem()->text()));
        QCOMPARE(launched.front().at(0).toString(), id);
        QCOMPARE(launched.front().at(1).toString(), QStringLiteral("lesson.ipynb"));
        QVERIFY2(d.output()->toPlainText().contains("hello-from-inside"), qPrintable(d.output()->toPlainText()));
        auto details = engine->inspectContainer(id.toStdString());
        QVERIFY(details && details->state.running);
        QVERIFY(details->raw["HostConfig"]["CapAdd"].dump().find("SYS_PTRACE") != std::string::npos);
        QCOMPARE(details->raw["HostConfig"].value("Memory", std::int64_t(0)), std::int64_t(1) << 30);
        // The notebook folder Berth made for it is under this home.
        QVERIFY(QDir(home.filePath("Documents/Berth/" + id)).exists());
        m_launched = id;
    }

    void aRunningEnvironmentIsSavedAsAPinnedProfile()
    {
        QVERIFY(!m_launched.isEmpty());
        ui::EngineStatus status(engine, {});
        ui::MainWindow window(&status);
        window.show();
        status.refresh();
        auto* page = window.environmentsPage();
        auto* model = page->table()->model();
        auto find = [&] {
            for (int r = 0; r < model->rowCount(); ++r) {
                if (model->index(r, 0).data().toString() == m_launched) {
                    page->table()->selectRow(r);
                    return true;
                }
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(find(), 30000);
        const QString file = dir.filePath("saved.berth.json");
        page->saveAsProfileTo(file);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(file), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(file).size() > 0, 10000);
        auto saved = core::loadProfile(file.toStdString());
        QVERIFY2(saved, saved ? "" : saved.error().message.c_str());
        // Podman names local images localhost/...: the name as the engine gave it, pinned.
        QVERIFY2(saved->environments.at(0).choices.image.find("berth-test/notebook:6@sha256:") != std::string::npos,
                 saved->environments.at(0).choices.image.c_str());
        QCOMPARE(saved->environments.at(0).choices.memory, std::string("1g"));
        // Asked again for the same file: refused, the first kept.
        const auto before = QFileInfo(file).lastModified();
        page->saveAsProfileTo(file);
        QTest::qWait(1000);
        QCOMPARE(QFileInfo(file).lastModified(), before);
    }

    void aBadProfileSaysWhereAndLaunchesNothing()
    {
        const QString path = write("bad.json", "{\n    \"image\": \"berth-test/notebook:6\",\n    \"initializeCommand\": \"rm -rf ~\"\n}\n");
        ui::ProfileDialog d(engine, path);
        d.show();
        QVERIFY(waitLoaded(&d));
        QVERIFY(!d.ready());
        QVERIFY2(d.problem()->text().contains(path + ", line 3, column 5: initializeCommand: refused"),
                 qPrintable(d.problem()->text()));
        QVERIFY(d.heading()->text().contains("nothing of it was applied"));
        QCOMPARE(d.environments()->count(), 0);
        QVERIFY(!d.launchButton()->isEnabled());
    }

    void aFileDroppedOnTheWindowOpens()
    {
        const QString path = write("dropped.berth.json", R"({ "image": "berth-test/notebook:6" })");
        ui::EngineStatus status(engine, {});
        ui::MainWindow window(&status);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        auto* d = window.findChild<ui::ProfileDialog*>();
        QVERIFY(d);
        QVERIFY(waitLoaded(d));
        QVERIFY2(d->ready(), qPrintable(d->problem()->text()));
        QCOMPARE(d->environments()->count(), 1);
        QVERIFY(d->launchButton()->isEnabled());
        d->reject();
    }
};

QTEST_MAIN(TestProfileGui)
#include "TestProfileGui.moc"
