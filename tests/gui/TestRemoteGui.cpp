// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// The window on an engine of another machine, through ssh (tests/testbed/sshd.sh in front of the test engine): a
// window of its own beside this machine's, its title naming the engine, its environments listed, the notebook
// opened in the pane through the ssh forward with no token in any address, and a launch form that says the
// folders are that machine's.
#include "../integration/LiveEngine.h"

#include "berth/core/engine/SshTransport.h"
#include "berth/core/launch/Launcher.h"
#include "ui/EngineStatus.h"
#include "ui/MainWindow.h"
#include "ui/environments/LaunchDialog.h"
#include "ui/models/EnvironmentModel.h"
#include "ui/notebook/NotebookPane.h"
#include "ui/notebook/WebSurface.h"

#include <QApplication>
#include <QLabel>
#include <QTest>

#include <filesystem>

using namespace berth;
using namespace std::chrono_literals;

namespace {
std::string remoteAddress()
{
    auto ep = core::resolveEndpoint(std::nullopt, core::EndpointEnvironment::system());
    if (!ep || ep->scheme != core::Endpoint::Scheme::Unix) {
        qFatal("the test engine is not on a unix socket");
    }
    return "ssh://berth-test-remote" + (ep->socketPath == "/var/run/docker.sock" ? std::string() : ep->socketPath);
}

QVariant evaluate(ui::NotebookTab* tab, const QString& script)
{
    QVariant out;
    bool done = false;
    tab->surface()->runJavaScript(script, [&](const QVariant& v) {
        out = v;
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, 10000);
    return out;
}
} // namespace

class TestRemoteGui : public QObject
{
    Q_OBJECT

    std::shared_ptr<core::EngineClient> local = test::liveEngine();
    std::string workspace;

private Q_SLOTS:
    void initTestCase()
    {
        const QString config = qEnvironmentVariable("BERTH_TEST_SSH_CONFIG");
        if (config.isEmpty()) {
            qFatal("BERTH_TEST_SSH_CONFIG is not set: start sshd with tests/testbed/sshd.sh up (tests/run.sh does)");
        }
        qputenv("BERTH_SSH_COMMAND", ("ssh -F " + config).toUtf8());
    }

    void cleanupTestCase()
    {
        test::removeNamed(*local);
        if (!workspace.empty()) {
            std::error_code ec;
            std::filesystem::remove_all(workspace, ec);
        }
    }

    void aWindowOnTheLabsEngineOpensItsNotebookThroughSsh()
    {
        // An environment launched there (the remote's own ~/Documents/Berth/NAME).
        auto ep = core::parseEndpoint(remoteAddress());
        QVERIFY(ep);
        auto remote = std::make_shared<core::EngineClient>(std::make_shared<core::SshTransport>(*ep));
        core::LaunchSpec spec;
        spec.image = "berth-test/notebook:6";
        spec.name = test::uniqueName("rgui");
        auto env = core::Launcher(remote).launch(spec);
        QVERIFY2(env, env ? "" : env.error().message.c_str());
        workspace = env->workspace;

        // This machine's window, and another on the lab's engine: Engine > Open Another Engine does the same.
        ui::EngineStatus status(local, {});
        ui::MainWindow here(&status);
        here.show();
        ui::MainWindow* there = ui::MainWindow::openEngineWindow(QString::fromStdString(remoteAddress()));
        QVERIFY(there);
        there->resize(1200, 900);
        QVERIFY(QTest::qWaitForWindowExposed(there));
        QVERIFY2(there->windowTitle().contains(QString::fromStdString(remoteAddress())), qPrintable(there->windowTitle()));
        QVERIFY(!here.windowTitle().contains(QStringLiteral("ssh://")));
        QTRY_VERIFY_WITH_TIMEOUT(there->engineLine()->text().contains(QStringLiteral("ssh://berth-test-remote")), 20000);

        // Its environments, found through ssh.
        auto* model = there->environments();
        QTRY_VERIFY_WITH_TIMEOUT(!model->match(model->index(0, ui::EnvironmentModel::Name), Qt::DisplayRole,
                                               QString::fromStdString(env->name), 1, Qt::MatchExactly)
                                      .isEmpty(),
                                 20000);

        // The notebook in the pane, through the forward: the page is Jupyter's own, signed in, no token in its address.
        there->openNotebook(QString::fromStdString(env->name));
        auto* tab = there->notebooks()->current();
        QVERIFY(tab);
        QTRY_VERIFY_WITH_TIMEOUT(tab->state() == ui::NotebookTab::State::Ready && tab->surface(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(evaluate(tab, "document.readyState === 'complete' && !!document.querySelector('#notebook_list')")
                                     .toBool(),
                                 30000);
        const QUrl shown = tab->surface()->url();
        QCOMPARE(shown.host(), QStringLiteral("127.0.0.1"));
        // The window's own connection forwards the port published there to one of its own here.
        QVERIFY(shown.port() > 0 && shown.port() != env->enginePort && shown.port() != env->hostPort);
        QVERIFY(!shown.toString().contains(QString::fromStdString(env->token)));
        // The page's own request, signed by the pane, reaches Jupyter on the other side of ssh.
        QVERIFY(evaluate(tab, "fetch('/api/status').then(r => { window.__status = r.status; }); true").toBool());
        QTRY_COMPARE_WITH_TIMEOUT(evaluate(tab, "window.__status").toInt(), 200, 10000);
        there->grab().save(QStringLiteral(BERTH_SOURCE_DIR "/docs/screenshots/remote-notebook.png"));

        // The launch form: folders are that machine's, typed, not picked from this one.
        ui::LaunchDialog form(remote, {QStringLiteral("berth-test/notebook:6")}, there);
        auto* where = form.findChild<QLabel*>(QStringLiteral("remoteFolders"));
        QVERIFY(where);
        QVERIFY2(where->text().contains(QStringLiteral("berth-test-remote")), qPrintable(where->text()));
        there->close();
    }
};

int main(int argc, char** argv)
{
    qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox"); // tests run as root
    QApplication app(argc, argv);
    TestRemoteGui t;
    return QTest::qExec(&t, argc, argv);
}

#include "TestRemoteGui.moc"
