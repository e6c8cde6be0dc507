// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// bench/notebook.sh's Berth side, the window's own code path:
//   bench_notebook open IMAGE WORKSPACE    launches IMAGE (as the launch form does), opens its notebook in the
//                                          pane, and prints the seconds until the notebook's kernel is idle
//   bench_notebook memory IMAGE WORKSPACE  opens one, then three notebooks, and prints the resident and
//                                          proportional memory of Berth and its web processes each time
// Environments it makes are removed before it ends.
#include "berth/core/engine/CurlTransport.h"
#include "berth/core/engine/Endpoint.h"
#include "berth/core/launch/LaunchSpec.h"
#include "berth/core/launch/Launcher.h"
#include "berth/core/launch/OpenFile.h"
#include "ui/EngineStatus.h"
#include "ui/MainWindow.h"
#include "ui/notebook/NotebookPane.h"
#include "ui/notebook/WebSurface.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>


#include <chrono>
#include <cstdio>
#include <random>
#include <unistd.h>

using namespace berth;

namespace {

std::string freshName()
{
    std::random_device r;
    return "berth-bench-nb-" + std::to_string(r() % 1000000);
}

/// Launches as the launch form does: the notebook folder, waiting for Jupyter.
core::Result<core::EnvironmentInfo> launch(std::shared_ptr<core::EngineClient> engine, const std::string& image,
                                           const std::string& workspace, const std::string& name)
{
    core::LaunchChoices choices;
    choices.image = image;
    choices.name = name;
    choices.workspace = workspace;
    auto spec = core::buildLaunchSpec(choices);
    if (!spec) {
        return spec.error();
    }
    return core::Launcher(engine).launch(*spec);
}

QString m_lastPhase; ///< the page's last phase, printed on stderr when it changes

/// Waits, with the event loop running, until the tab's notebook shows an idle kernel (or 120 s).
bool waitIdle(ui::NotebookTab* tab)
{
    QElapsedTimer t;
    t.start();
    bool idle = false;
    while (!idle && t.elapsed() < 120000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (tab->state() != ui::NotebookTab::State::Ready || !tab->surface()) {
            continue;
        }
        bool answered = false;
        tab->surface()->runJavaScript(
            QStringLiteral("[document.readyState, !!document.querySelector('#kernel_indicator_icon.kernel_idle_icon'),"
                           " typeof Jupyter !== 'undefined' && !!Jupyter.notebook && !!Jupyter.notebook.kernel &&"
                           " Jupyter.notebook.kernel.is_connected()]"),
            [&](const QVariant& v) {
                const auto l = v.toList();
                idle = l.size() == 3 && l[1].toBool();
                if (l.size() == 3) {
                    const QString phase = l[0].toString() + (l[2].toBool() ? QStringLiteral("+connected") : QString());
                    if (phase != m_lastPhase) {
                        m_lastPhase = phase;
                        std::fprintf(stderr, "page %s %.3f\n", qPrintable(phase), static_cast<double>(t.elapsed()) / 1000.0);
                    }
                }
                answered = true;
            });
        while (!answered && t.elapsed() < 120000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        }
    }
    return idle;
}

/// Resident and proportional set of this process and its descendants (WebEngine's renderer and GPU), in KiB.
std::pair<long, long> memoryKiB()
{
    long rss = 0, pss = 0;
    QList<int> pids{static_cast<int>(::getpid())};
    for (int i = 0; i < pids.size(); ++i) {
        QFile rollup(QStringLiteral("/proc/%1/smaps_rollup").arg(pids[i]));
        if (rollup.open(QIODevice::ReadOnly)) {
            for (const QByteArray& line : rollup.readAll().split('\n')) {
                const auto f = line.simplified().split(' ');
                if (f.size() >= 2 && f[0] == "Rss:") {
                    rss += f[1].toLong();
                } else if (f.size() >= 2 && f[0] == "Pss:") {
                    pss += f[1].toLong();
                }
            }
        }
        for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            bool number = false;
            const int pid = entry.toInt(&number);
            if (!number) {
                continue;
            }
            QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
            if (stat.open(QIODevice::ReadOnly)) {
                const QByteArray s = stat.readAll();
                const auto fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
                if (fields.size() > 1 && fields[1].toInt() == pids[i]) {
                    pids << pid;
                }
            }
        }
    }
    return {rss, pss};
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: bench_notebook open|memory IMAGE WORKSPACE\n");
        return 2;
    }
    berth::core::preloadHttpLibrary();
    if (::geteuid() == 0) {
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    }
    int rc = 0;
    {
        QApplication app(argc, argv);
        const std::string mode = argv[1], image = argv[2], workspace = argv[3];
        auto endpoint = core::resolveEndpoint(std::nullopt, core::EndpointEnvironment::system(), std::nullopt);
        if (!endpoint) {
            std::fprintf(stderr, "bench_notebook: %s\n", endpoint.error().message.c_str());
            return 1;
        }
        auto engine = std::make_shared<core::EngineClient>(std::make_shared<core::CurlTransport>(*endpoint));
        ui::EngineStatus status(engine, {});
        ui::MainWindow window(&status);
        window.resize(1200, 900);
        window.show();
        std::vector<std::string> made;
        const int notebooks = mode == "memory" ? 3 : 1;
        for (int i = 0; i < notebooks && rc == 0; ++i) {
            const std::string name = freshName();
            const auto t0 = std::chrono::steady_clock::now(); // the click on Launch
            auto env = launch(engine, image, workspace, name);
            if (!env) {
                std::fprintf(stderr, "bench_notebook: %s\n", env.error().message.c_str());
                rc = 1;
                break;
            }
            made.push_back(name);
            const auto since = [t0] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
            std::fprintf(stderr, "launched %.3f\n", since());
            const auto file = core::environmentForFile({*env}, workspace + "/calc.ipynb");
            window.openNotebook(QString::fromStdString(name),
                                QString::fromStdString(file ? file->treePath : std::string("calc.ipynb")));
            auto* tab = window.notebooks()->current();
            QObject::connect(tab, &ui::NotebookTab::stateChanged, tab, [since](ui::NotebookTab::State st) {
                std::fprintf(stderr, "state %d %.3f\n", static_cast<int>(st), since());
            });
            if (!waitIdle(tab)) {
                std::fprintf(stderr, "bench_notebook: the kernel did not get idle\n");
                rc = 1;
                break;
            }
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            if (mode == "open") {
                std::printf("%.3f\n", s);
            } else if (i == 0 || i == 2) {
                QElapsedTimer settle;
                settle.start();
                while (settle.elapsed() < 3000) {
                    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
                }
                const auto [rss, pss] = memoryKiB();
                std::printf("%d %ld %ld\n", i + 1, rss, pss);
            }
        }
        for (const auto& name : made) {
            (void)engine->removeContainer(name, true, true);
        }
    }
    berth::core::unloadHttpLibrary();
    return rc;
}
