// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// berth: the desktop app.

#include "berth/core/engine/Connect.h"
#include "berth/core/engine/CurlTransport.h"
#include "berth/core/engine/Endpoint.h"
#include "berth/core/base/Token.h"
#include "ui/EngineStatus.h"
#include "ui/MainWindow.h"
#include "ui/notebook/OpenFile.h"
#include "berth/core/launch/OpenFile.h"
#include "ui/RemedyText.h"
#include "ui/Style.h"
#include "ui/Translation.h"
#include "ui/async/Async.h"
#include "ui/models/ImageModel.h"

#include <QFile>
#include <QTimer>

#include <functional>

#include <chrono>

#include <QApplication>
#include <QCommandLineParser>

#include <memory>
#include <string_view>

#include <unistd.h>

namespace {
int run(int argc, char** argv);
}

int main(int argc, char** argv)
{
    berth::core::protectSecretsInMemory();
    // The window and QApplication are gone, engine calls under way have ended (long ones were told to), and
    // every stream's thread has returned, before libcurl is cleaned up.
    const int rc = run(argc, argv);
    berth::ui::ioPool()->waitForDone();
    berth::ui::Reaper::joinAll();
    berth::core::unloadHttpLibrary();
    return rc;
}

namespace {
/// Calls `ready` once the window has been painted after the images were listed.
class ReadyProbe : public QObject
{
public:
    ReadyProbe(QWidget* window, std::function<void()> ready) : m_window(window), m_ready(std::move(ready))
    {
        window->installEventFilter(this);
    }
    void listed()
    {
        m_listed = true;
        m_window->update(); // a paint with the rows in it follows
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && m_listed && m_ready) {
            // After this paint is done: on the next turn of the event loop.
            QTimer::singleShot(0, this, [ready = std::exchange(m_ready, {})] { ready(); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QWidget* m_window;
    std::function<void()> m_ready;
    bool m_listed = false;
};

/// --help and --version answer without a display (over ssh, in a package's test): no window is made.
bool onlyAsksForHelp(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "-h" || a == "--help" || a == "--help-all" || a == "-v" || a == "--version") {
            return true;
        }
    }
    return false;
}

int run(int argc, char** argv)
{
    std::unique_ptr<QCoreApplication> owner;
    if (onlyAsksForHelp(argc, argv)) {
        owner = std::make_unique<QCoreApplication>(argc, argv);
    } else {
        // (The GL context the notebook pane's web views share is made when the first notebook opens:
        // ui/notebook/WebSurface.cpp. Qt::AA_ShareOpenGLContexts set here would load Mesa on every start.)
        // Chromium's sandbox cannot run as root; a root session (a container, a lab machine's admin) would
        // get no page at all otherwise. Everyone else keeps the sandbox.
        if (::geteuid() == 0 && qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX")) {
            qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
        }
        owner = std::make_unique<QApplication>(argc, argv);
    }
    QCoreApplication& app = *owner;
    QCoreApplication::setApplicationName(QStringLiteral("Berth"));
    QCoreApplication::setOrganizationName(QStringLiteral("Berth"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BERTH_VERSION));
    // The system's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), before the first word is shown.
    berth::ui::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Containerized AI environments as easy as opening a document."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption hostOption(QStringList{QStringLiteral("H"), QStringLiteral("host")},
                                  QStringLiteral("Engine address: unix:///path, tcp://host:port or ssh://[user@]host[:port]; "
                                                 "again for a window on another engine."),
                                  QStringLiteral("URL"));
    parser.addOption(hostOption);
    QCommandLineOption contextOption(QStringList{QStringLiteral("c"), QStringLiteral("context")},
                                     QStringLiteral("Use a docker context (docker context ls)."), QStringLiteral("NAME"));
    parser.addOption(contextOption);
    QCommandLineOption openOption(QStringLiteral("open"),
                                  QStringLiteral("Open an environment's notebook tab, at PATH in its tree."),
                                  QStringLiteral("NAME[/PATH]"));
    parser.addOption(openOption);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("A notebook (.ipynb) to open in the environment whose folder holds it, "
                                                "or a classroom profile (devcontainer.json, NAME.berth.json, or a "
                                                "folder with .devcontainer/) to launch."),
                                 QStringLiteral("[FILE.ipynb | PROFILE]"));
    parser.process(app);
    if (qobject_cast<QApplication*>(&app)) {
        berth::ui::installStyle(); // the system's style, its tool bars' icons read when first drawn (ui/Style.h)
    }
    // libcurl and its libraries load on a thread of their own while the window is built (about 15 ms, the
    // display's libraries already loaded by QApplication): the first list finds them ready.
    berth::core::preloadHttpLibrary();

    // --host may be given more than once: a window an engine (this machine's Docker, the lab's over ssh).
    const QStringList hosts = parser.values(hostOption);
    std::optional<std::string> host;
    if (!hosts.isEmpty()) {
        host = hosts.constFirst().toStdString();
    }
    std::shared_ptr<berth::core::EngineClient> engine;
    QString setupError;
    std::optional<std::string> context;
    if (parser.isSet(contextOption)) {
        context = parser.value(contextOption).toStdString();
    }
    auto endpoint = berth::core::resolveEndpoint(host, berth::core::EndpointEnvironment::system(), context);
    if (endpoint) {
        engine = std::make_shared<berth::core::EngineClient>(berth::core::connectTo(*endpoint));
    } else {
        setupError = berth::ui::errorText(endpoint.error());
    }

    int rc = 0;
    {
        berth::ui::EngineStatus status(engine, setupError);
        berth::ui::MainWindow window(&status);
        window.show(); // the status line asks the engine once the first frame is on screen
        for (qsizetype i = 1; i < hosts.size(); ++i) {
            berth::ui::MainWindow::openEngineWindow(hosts[i]);
        }
        if (parser.isSet(openOption)) {
            const auto [name, path] = berth::core::splitOpenTarget(parser.value(openOption).toStdString());
            window.openNotebook(QString::fromStdString(name), QString::fromStdString(path));
        }
        if (!parser.positionalArguments().isEmpty()) {
            window.openPath(parser.positionalArguments().constFirst());
        }
        // For bench/gui.sh: BERTH_READY_FILE gets a line once the window is painted with the engine's images
        // listed (BERTH_EXIT_WHEN_READY=1 then quits): cold start measured to something a person can use.
        std::unique_ptr<ReadyProbe> probe;
        if (const QString ready = qEnvironmentVariable("BERTH_READY_FILE"); !ready.isEmpty()) {
            probe = std::make_unique<ReadyProbe>(&window, [ready, &window] {
                QFile f(ready);
                if (f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
                    // When (Unix time in nanoseconds), then what was shown.
                    const auto now = std::chrono::system_clock::now().time_since_epoch();
                    f.write(QByteArray::number(static_cast<qint64>(
                                std::chrono::duration_cast<std::chrono::nanoseconds>(now).count())) +
                            " " + QByteArray::number(window.images()->rowCount()) + " images\n");
                }
                if (qEnvironmentVariable("BERTH_EXIT_WHEN_READY") == QLatin1String("1")) {
                    QCoreApplication::quit();
                }
            });
            QObject::connect(window.images(), &berth::ui::ImageModel::refreshed, &window, [&window, &probe] {
                if (window.images()->rowCount() > 0) {
                    probe->listed();
                }
            });
        }
        rc = QCoreApplication::exec();
    }
    return rc;
}
} // namespace
