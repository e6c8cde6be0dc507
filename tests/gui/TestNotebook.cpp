// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// The notebook pane under Xvfb, on the real engine, with a real Jupyter of each server kind (the classic
// notebook 6 and jupyter_server): the pane signs in without a token in any address, a kernel starts over its
// WebSocket and runs a cell (the result read back through Jupyter's API), the token is in no URL the pane
// asked for, nor in the server's log, nor in any file Berth wrote; a server stopped from outside gets its
// page, and Start Again brings the notebook back.
#include "../integration/LiveEngine.h"
#include "berth/core/engine/CurlTransport.h"
#include "berth/core/launch/Launcher.h"
#include "berth/core/launch/OpenFile.h"
#include "ui/EngineStatus.h"
#include "ui/MainWindow.h"
#include "ui/environments/LaunchDialog.h"
#include "ui/notebook/NotebookPane.h"
#include "ui/notebook/OpenFile.h"
#include "ui/notebook/WebSurface.h"

#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace berth;

namespace {

QTemporaryDir* home = nullptr; ///< HOME and XDG folders of this run: everything Berth writes lands here

/// Runs `script` in the tab's page and returns what it gives (waits up to 10 s).
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

/// Jupyter's answer at `target`, signed with the token.
nlohmann::json askJupyter(const core::EnvironmentInfo& env, const std::string& target)
{
    core::Endpoint ep;
    ep.scheme = core::Endpoint::Scheme::Tcp;
    ep.host = "127.0.0.1";
    ep.port = env.hostPort;
    core::CurlTransport http(ep);
    core::HttpRequest req;
    req.target = target;
    req.headers = {{"Authorization", "token " + env.token}};
    req.timeout = std::chrono::seconds(10);
    auto r = http.send(req);
    return r && r->status == 200 ? nlohmann::json::parse(r->body, nullptr, false) : nlohmann::json();
}

/// A file of Jupyter's tree read through its contents API, signed with the token (as a script would).
std::string readThroughApi(const core::EnvironmentInfo& env, const std::string& path)
{
    const auto j = askJupyter(env, "/api/contents/" + path + "?type=file&format=text");
    return j.is_object() && j.contains("content") && j["content"].is_string() ? j["content"].get<std::string>() : "";
}

/// Starts a kernel from the page itself (fetch, then its WebSocket), runs `code` in it; the page's
/// window.__berth says how it went.
QString kernelScript(const QString& code)
{
    return QStringLiteral(R"JS(
window.__berth = 'running';
(async () => {
  try {
    const r = await fetch('/api/kernels', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{}'});
    if (!r.ok) { window.__berth = 'kernel refused: ' + r.status; return; }
    const k = await r.json();
    const ws = new WebSocket('ws://' + location.host + '/api/kernels/' + k.id + '/channels');
    ws.onerror = () => { window.__berth = 'websocket failed'; };
    ws.onopen = () => ws.send(JSON.stringify({
      header: {msg_id: 'berth-1', username: 'berth', session: 'berth-s', msg_type: 'execute_request',
               version: '5.3', date: new Date().toISOString()},
      parent_header: {}, metadata: {}, channel: 'shell', buffers: [],
      content: {code: %1, silent: false, store_history: false, user_expressions: {}, allow_stdin: false,
                stop_on_error: true}}));
    ws.onmessage = (e) => {
      const m = JSON.parse(e.data);
      if (m.msg_type === 'execute_reply') window.__berth = 'done ' + m.content.status;
    };
  } catch (e) { window.__berth = 'error: ' + e; }
})();
true;
)JS")
        .arg(QString::fromStdString(nlohmann::json(code.toStdString()).dump()));
}

} // namespace

class TestNotebook : public QObject
{
    Q_OBJECT
    std::shared_ptr<core::EngineClient> engine = test::liveEngine();
    QStringList tokens; ///< every token of this run, looked for in Berth's files at the end

    bool podman = false; ///< the README's screenshots are Docker's run

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(engine->negotiate().ok());
        podman = engine->version().ok() && engine->version()->podman;
    }
    void cleanupTestCase() { test::removeNamed(*engine); }

    void aKernelRunsACellSignedInWithoutATokenInAnyAddress_data()
    {
        QTest::addColumn<QString>("image");
        QTest::addColumn<bool>("classic");
        QTest::newRow("notebook 6") << "berth-test/notebook:6" << true;
        QTest::newRow("jupyter_server") << "berth-test/jupyter-server:1" << false;
    }

    void aKernelRunsACellSignedInWithoutATokenInAnyAddress()
    {
        QFETCH(QString, image);
        QFETCH(bool, classic);
        QTemporaryDir workspace;
        QFile nb(workspace.filePath("calc.ipynb"));
        QVERIFY(nb.open(QIODevice::WriteOnly));
        nb.write(R"NB({"cells": [{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
 "source": ["open('ui-answer.txt', 'w').write(str(6 * 7))"]}],
 "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
 "nbformat": 4, "nbformat_minor": 5})NB");
        nb.close();
        const QString name = QString::fromStdString(test::uniqueName("nb"));
        auto cli = test::berthctl({"launch", image, "--name", name, "--workspace", workspace.path()});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        auto env = core::Launcher(engine).describe(name.toStdString());
        QVERIFY(env.ok() && !env->token.empty());
        tokens << QString::fromStdString(env->token);

        ui::EngineStatus status(engine, {});
        ui::MainWindow window(&status);
        window.resize(1200, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Opened from the desktop: the file's environment and its place in Jupyter's tree.
        auto found = core::environmentForFile({*env}, QFileInfo(nb.fileName()).canonicalFilePath().toStdString());
        QVERIFY(found);
        window.openNotebook(name, QString::fromStdString(found->treePath));
        auto* tab = window.notebooks()->current();
        QVERIFY(tab);
        QTRY_VERIFY_WITH_TIMEOUT(tab->state() == ui::NotebookTab::State::Ready && tab->surface(), 60000);
        auto* surface = tab->surface();

        if (classic) {
            // The notebook's own page: its kernel connects, the cell runs from the page, the file it writes
            // is read back through Jupyter's API.
            QTRY_VERIFY_WITH_TIMEOUT(evaluate(tab, "typeof Jupyter !== 'undefined' && !!Jupyter.notebook && "
                                                   "!!Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()")
                                         .toBool(),
                                     60000);
            if (!podman) {
                window.grab().save(QStringLiteral(BERTH_SOURCE_DIR "/docs/screenshots/notebook.png"));
            }
            // The kernel Berth started while the page loaded is the page's: one session, one kernel.
            const auto sessions = askJupyter(*env, "/api/sessions");
            QVERIFY(sessions.is_array() && sessions.size() == 1);
            QCOMPARE(sessions[0]["path"].get<std::string>(), found->treePath);
            QCOMPARE(askJupyter(*env, "/api/kernels").size(), std::size_t{1});
            evaluate(tab, "Jupyter.notebook.execute_all_cells(); true");
            const std::string answerPath =
                found->treePath.substr(0, found->treePath.rfind('/') + 1) + "ui-answer.txt";
            QTRY_COMPARE_WITH_TIMEOUT(readThroughApi(*env, answerPath), std::string("42"), 30000);
        }
        // A kernel started by a page of the server over its WebSocket (the handshake is signed too), for both
        // servers. jupyter_server alone has no page of its own, and its API's answers forbid scripts to
        // connect anywhere (Content-Security-Policy: default-src 'none'): its "not found" page is a page of
        // the server that does not.
        QUrl page(QString::fromStdString(env->url));
        page.setPath(QStringLiteral("/berth-no-such-page"));
        surface->load(page);
        QTRY_VERIFY_WITH_TIMEOUT(surface->url().path() == "/berth-no-such-page" &&
                                     evaluate(tab, "document.readyState === 'complete'").toBool(),
                                 10000);
        QVERIFY(evaluate(tab, kernelScript("open('answer.txt', 'w').write(str(6 * 7))")).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(evaluate(tab, "window.__berth").toString(), QStringLiteral("done ok"), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(readThroughApi(*env, "answer.txt"), std::string("42"), 10000);

        // window.open: a tab of its own, on the same profile, signed in.
        QVERIFY(evaluate(tab, "window.open('/api/status', '_blank'); true").toBool());
        QTRY_COMPARE_WITH_TIMEOUT(window.notebooks()->count(), 2, 10000);
        auto* opened = window.notebooks()->tab(1);
        QVERIFY(opened && opened->surface());
        QTRY_COMPARE_WITH_TIMEOUT(opened->surface()->url().path(), QStringLiteral("/api/status"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(evaluate(opened, "document.body ? document.body.innerText : ''").toString().contains("started"),
                                 10000);
        Q_EMIT window.notebooks()->tabs()->tabCloseRequested(1);
        QTRY_COMPARE_WITH_TIMEOUT(window.notebooks()->count(), 1, 5000);

        // No address the pane asked for, and none in the address bar, holds the token; the server's own
        // requests were all to this server.
        const QStringList urls = surface->requestedUrls();
        QVERIFY(urls.size() > 3);
        QVERIFY(std::any_of(urls.begin(), urls.end(), [](const QString& u) { return u.startsWith("ws://"); }));
        for (const QString& u : urls) {
            QVERIFY2(!u.contains(QString::fromStdString(env->token)), qPrintable(u));
        }
        QVERIFY(!surface->url().toString().contains(QString::fromStdString(env->token)));
        // Nor does anything the server logged.
        std::string log;
        core::LogOptions opts;
        QVERIFY(engine->logs(name.toStdString(), opts, [&](core::LogStream, std::string_view s) {
            log += s;
            return true;
        }).ok());
        QVERIFY(!log.empty());
        QVERIFY2(log.find(env->token) == std::string::npos, log.c_str());

        // A main-frame address with token= is sent on without it (and still signed in).
        QUrl withToken(QString::fromStdString(env->url));
        withToken.setPath(QStringLiteral("/api/status"));
        withToken.setQuery(QStringLiteral("token=") + QString::fromStdString(env->token));
        surface->load(withToken);
        QTRY_VERIFY_WITH_TIMEOUT(surface->url().path() == "/api/status", 10000);
        QVERIFY(!surface->url().toString().contains("token"));
        QTRY_VERIFY_WITH_TIMEOUT(evaluate(tab, "document.body ? document.body.innerText : ''").toString().contains("started"),
                                 10000);

        // Stopped from outside: the tab says so within seconds, instead of a broken page.
        QVERIFY(engine->stopContainer(env->id, 10).ok());
        QTRY_VERIFY_WITH_TIMEOUT(tab->state() == ui::NotebookTab::State::Stopped, 15000);
        QVERIFY2(tab->statusText().contains("has stopped"), qPrintable(tab->statusText()));
        if (classic && !podman) {
            window.grab().save(QStringLiteral(BERTH_SOURCE_DIR "/docs/screenshots/notebook-stopped.png"));
        }
        // Start Again: the same environment, ready again, in the same tab.
        auto* again = tab->findChild<QPushButton*>("startAgain");
        QVERIFY(again && again->isVisible());
        again->click();
        QTRY_VERIFY_WITH_TIMEOUT(tab->state() == ui::NotebookTab::State::Ready, 60000);
        QCOMPARE(window.notebooks()->count(), 1);
        QVERIFY(engine->removeContainer(env->id, true, true).ok());
        QTRY_VERIFY_WITH_TIMEOUT(tab->state() == ui::NotebookTab::State::Stopped, 15000);
        QVERIFY2(tab->statusText().contains("was removed"), qPrintable(tab->statusText()));
    }

    void aCrashedServerShowsItsLastLines()
    {
        // The server dies on its own (not a stop): the tab says it stopped unexpectedly, with its last lines.
        const QString name = QString::fromStdString(test::uniqueName("nb-crash"));
        auto cli = test::berthctl({"launch", "berth-test/notebook:6", "--name", name, "--no-workspace"});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        ui::EngineStatus status(engine, {});
        ui::MainWindow window(&status);
        window.show();
        window.openNotebook(name);
        auto* tab = window.notebooks()->current();
        QTRY_VERIFY_WITH_TIMEOUT(tab->state() == ui::NotebookTab::State::Ready, 60000);
        // A signal Jupyter does not handle ends it (exit 140 through the container's init): not a stop's
        // SIGTERM or SIGKILL.
        QVERIFY(engine->killContainer(name.toStdString(), "SIGUSR2").ok());
        QTRY_VERIFY_WITH_TIMEOUT(tab->state() == ui::NotebookTab::State::Crashed, 15000);
        QVERIFY2(tab->statusText().contains("stopped unexpectedly"), qPrintable(tab->statusText()));
        QVERIFY(!tab->lastLines().isEmpty());
        QVERIFY(engine->removeContainer(name.toStdString(), true, true).ok());
    }

    void aNotebookFileOpensInItsEnvironmentStartedIfStopped()
    {
        // berth FILE.ipynb: the environment whose folder holds the file is started (it was stopped) and the
        // notebook opens in its tab.
        QTemporaryDir workspace;
        QDir(workspace.path()).mkpath("week1");
        QFile nb(workspace.filePath("week1/Intro to ML.ipynb"));
        QVERIFY(nb.open(QIODevice::WriteOnly));
        nb.write(R"NB({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})NB");
        nb.close();
        const QString name = QString::fromStdString(test::uniqueName("nb-file"));
        auto cli = test::berthctl({"launch", "berth-test/notebook:6", "--name", name, "--workspace", workspace.path()});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        QVERIFY(engine->stopContainer(name.toStdString(), 10).ok());
        ui::EngineStatus status(engine, {});
        ui::MainWindow window(&status);
        window.show();
        ui::openNotebookFile(&window, engine, nb.fileName());
        QTRY_VERIFY_WITH_TIMEOUT(window.notebooks()->count() == 1, 10000);
        auto* tab = window.notebooks()->current();
        QTRY_VERIFY_WITH_TIMEOUT(tab->state() == ui::NotebookTab::State::Ready, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(tab->surface()->url().path(), QStringLiteral("/notebooks/work/week1/Intro to ML.ipynb"),
                                  20000);
        QTRY_VERIFY_WITH_TIMEOUT(evaluate(tab, "typeof Jupyter !== 'undefined' && !!Jupyter.notebook && "
                                               "Jupyter.notebook.notebook_name === 'Intro to ML.ipynb'")
                                     .toBool(),
                                 30000);
        // A file no environment has: Berth offers to launch one with its folder.
        QTemporaryDir elsewhere;
        QFile other(elsewhere.filePath("alone.ipynb"));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.close();
        ui::openNotebookFile(&window, engine, other.fileName());
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<QMessageBox*>(QApplication::activeModalWidget()) != nullptr, 10000);
        auto* ask = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY2(ask->text().contains("No environment has " + QFileInfo(elsewhere.path()).canonicalFilePath()),
                 qPrintable(ask->text()));
        ask->button(QMessageBox::Yes)->click();
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<ui::LaunchDialog*>() != nullptr, 5000);
        QCOMPARE(window.findChild<ui::LaunchDialog*>()->workspace()->text(), QFileInfo(elsewhere.path()).canonicalFilePath());
        window.findChild<ui::LaunchDialog*>()->reject();
        // A file that is not there: said, nothing opened.
        ui::openNotebookFile(&window, engine, elsewhere.filePath("missing.ipynb"));
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<QMessageBox*>(QApplication::activeModalWidget()) != nullptr, 5000);
        QVERIFY(qobject_cast<QMessageBox*>(QApplication::activeModalWidget())->text().contains("does not exist"));
        QApplication::activeModalWidget()->close();
        QCOMPARE(window.notebooks()->count(), 1);
        QVERIFY(engine->removeContainer(name.toStdString(), true, true).ok());
    }

    void theTokenIsInNoFileBerthWrote()
    {
        // Settings, caches, runtime files: everything under this run's HOME and XDG folders.
        QVERIFY(!tokens.isEmpty());
        int files = 0;
        QDirIterator it(home->path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly)) {
                continue;
            }
            ++files;
            const QByteArray bytes = f.readAll();
            for (const QString& token : std::as_const(tokens)) {
                QVERIFY2(!bytes.contains(token.toUtf8()), qPrintable(f.fileName()));
            }
        }
        qInfo("%d files looked at", files);
    }
};

int main(int argc, char** argv)
{
    // Everything Berth and WebEngine write goes into a home of this run's own, looked at by the last test.
    QTemporaryDir dir;
    home = &dir;
    for (const char* v : {"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"}) {
        const QString sub = dir.path() + QLatin1Char('/') + QString::fromLatin1(v).toLower();
        QDir().mkpath(sub);
        qputenv(v, sub.toUtf8());
    }
    qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox"); // tests run as root
    QApplication app(argc, argv);
    TestNotebook t;
    return QTest::qExec(&t, argc, argv);
}

#include "TestNotebook.moc"
