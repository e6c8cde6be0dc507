// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/environments/EnvironmentsPage.h"

#include "berth/core/profile/SaveProfile.h"

#include "berth/core/base/Escape.h"
#include "berth/core/gpu/GpuHost.h"
#include "berth/core/launch/BrowserHandoff.h"
#include "berth/core/launch/Launcher.h"
#include "ui/RemedyText.h"
#include "ui/async/Async.h"
#include "ui/environments/Actions.h"
#include "ui/environments/LaunchDialog.h"
#include "ui/environments/UsageChart.h"
#include "ui/environments/UsageSampler.h"
#include "ui/models/ImageModel.h"
#include "ui/models/EnvironmentModel.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QClipboard>
#include <QDesktopServices>
#include <QFile>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLayout>
#include <QTableView>
#include <QTimer>
#include <QUrl>

namespace berth::ui {

EnvironmentsPage::EnvironmentsPage(std::shared_ptr<core::EngineClient> engine, EnvironmentModel* model,
                                   ImageModel* images, QWidget* parent)
    : ListPage(tr("Environments"), model, parent), m_engine(std::move(engine)), m_model(model), m_images(images),
      m_sampler(new UsageSampler(m_engine, this))
{
    // Live CPU and memory: in the list, and charted for the selected environment, only while the page is shown.
    for (int c : {EnvironmentModel::Cpu, EnvironmentModel::Memory, EnvironmentModel::State}) {
        table()->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    }
    connect(m_sampler, &UsageSampler::sampled, this, [this](const QString& id, const core::StatsSample& s) {
        m_model->setUsage(id, s.cpuPercent, s.memoryUsed);
        if (m_chart) {
            m_chart->add(id, s);
        }
    });
    connect(model, &EnvironmentModel::refreshed, this, &EnvironmentsPage::followRunning);
    connect(table()->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const int r = m_model->find(currentId().toStdString());
        const auto* e = m_model->row(r);
        const bool running = e && e->state == core::EnvironmentState::Running;
        if (running && !m_chart) {
            // Made when first needed: a chart costs a window's start more than it is worth before then.
            m_chart = new UsageChart(this);
            layout()->addWidget(m_chart);
        }
        if (m_chart) {
            m_chart->showEnvironment(running ? currentId() : QString(), currentText(EnvironmentModel::Name));
        }
    });
    setObjectName(QStringLiteral("environmentsPage"));
    connect(addAction(tr("&Launch..."), QKeySequence::New, QStringLiteral("launch")), &QAction::triggered, this,
            &EnvironmentsPage::openLaunchForm);
    connect(addRowAction(tr("&Open Notebook"), QKeySequence(Qt::CTRL | Qt::Key_O), QStringLiteral("open")),
            &QAction::triggered, this, [this] { Q_EMIT openNotebook(currentId()); });
    connect(addRowAction(tr("Open in &Browser"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                         QStringLiteral("openInBrowser")),
            &QAction::triggered, this, &EnvironmentsPage::openInBrowser);
    connect(addRowAction(tr("&Start"), QKeySequence(Qt::CTRL | Qt::Key_R), QStringLiteral("start")),
            &QAction::triggered, this, &EnvironmentsPage::start);
    connect(addRowAction(tr("S&top"), QKeySequence(Qt::CTRL | Qt::Key_Period), QStringLiteral("stop")),
            &QAction::triggered, this, [this] {
                stopContainer(this, m_engine, currentId(), currentText(EnvironmentModel::Name));
            });
    connect(addRowAction(tr("&Remove..."), QKeySequence::Delete, QStringLiteral("remove")), &QAction::triggered, this,
            [this] { removeContainer(this, m_engine, currentId(), currentText(EnvironmentModel::Name)); });
    connect(addRowAction(tr("&Log"), QKeySequence(Qt::CTRL | Qt::Key_L), QStringLiteral("log")), &QAction::triggered,
            this, [this] { showLog(this, m_engine, currentId(), currentText(EnvironmentModel::Name)); });
    connect(addRowAction(tr("Copy Re&cord"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), QStringLiteral("record")),
            &QAction::triggered, this, &EnvironmentsPage::copyRecord);
    connect(addRowAction(tr("Save as &Profile..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                         QStringLiteral("saveProfile")),
            &QAction::triggered, this, &EnvironmentsPage::saveAsProfile);
    connect(table(), &QTableView::activated, this, [this] { Q_EMIT openNotebook(currentId()); }); // Enter, double click
    connect(model, &EnvironmentModel::refreshed, this, [this] {
        if (!m_model->problem().isEmpty()) {
            sayAboutList(m_model->problem(), true);
        } else if (m_model->rowCount() == 0) {
            sayAboutList(tr("No environments yet: launch one from an image (Launch..., Ctrl+N)."));
        } else {
            sayAboutList({});
        }
    });
}

void EnvironmentsPage::followRunning()
{
    if (!m_shown) { // hidden, or the window minimised
        m_sampler->stopAll();
        return;
    }
    QSet<QString> running;
    for (const auto& e : m_model->rows()) {
        if (e.state == core::EnvironmentState::Running) {
            running.insert(QString::fromStdString(e.id));
        }
    }
    m_sampler->follow(running);
}

void EnvironmentsPage::showEvent(QShowEvent* event)
{
    ListPage::showEvent(event);
    m_shown = true;
    followRunning();
}

void EnvironmentsPage::hideEvent(QHideEvent* event)
{
    m_shown = false;
    m_sampler->stopAll(); // no stream runs while nobody looks
    ListPage::hideEvent(event);
}

EnvironmentsPage::~EnvironmentsPage()
{
    m_cancel->store(true); // a start or an open that waits for Jupyter ends now
    for (const QString& file : std::as_const(m_handoffs)) {
        QFile::remove(file); // no page with a token stays behind
    }
}

LaunchDialog* EnvironmentsPage::openLaunchForm()
{
    QStringList refs;
    for (const auto& r : m_images->rows()) {
        if (r.repository != "<none>") {
            refs << QString::fromStdString(r.repository + ":" + r.tag);
        }
    }
    auto* dialog = new LaunchDialog(m_engine, refs, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("launchForm"));
    connect(dialog, &LaunchDialog::launchedEnvironment, this, [this](const QString& name) {
        say(tr("%1 is ready. Open it with Ctrl+O.").arg(name));
        m_model->refresh();
    });
    dialog->show();
    return dialog;
}

void EnvironmentsPage::openInBrowser()
{
    const QString name = currentText(EnvironmentModel::Name);
    say(tr("Opening %1...").arg(name));
    // The system browser, through a private page that carries the token (never a URL of a command line).
    runAsync(
        this,
        [engine = m_engine, id = currentId().toStdString(), cancel = m_cancel]() -> core::Result<std::string> {
            core::Launcher launcher(engine);
            auto env = launcher.readyEnvironment(id, true, cancel.get());
            if (!env) {
                return env.error();
            }
            return core::writeBrowserHandoff(*env);
        },
        [this, name](core::Result<std::string> page) {
            if (!page) {
                sayError(page.error());
                return;
            }
            const QString file = QString::fromStdString(*page);
            if (!QDesktopServices::openUrl(QUrl::fromLocalFile(file))) {
                QFile::remove(file);
                say(tr("No browser could be started to open %1.").arg(name), true);
                return;
            }
            say(tr("Opened %1 in the browser.").arg(name));
            // The token does not stay on disk: removed 30 s on, or when the window goes, whichever is first.
            m_handoffs << file;
            QTimer::singleShot(30000, this, [this, file] {
                QFile::remove(file);
                m_handoffs.removeAll(file);
            });
        });
}

void EnvironmentsPage::start()
{
    const QString name = currentText(EnvironmentModel::Name);
    say(tr("Starting %1 and waiting for Jupyter...").arg(name));
    runAsync(
        this,
        [engine = m_engine, id = currentId().toStdString(), cancel = m_cancel] {
            return core::Launcher(engine).start(id, {}, cancel.get());
        },
        [this, name](core::Result<core::EnvironmentInfo> env) {
            if (env) {
                say(tr("%1 is ready at %2").arg(name, QString::fromStdString(env->url)));
            } else {
                sayError(env.error());
            }
        });
}

void EnvironmentsPage::copyRecord()
{
    const QString name = currentText(EnvironmentModel::Name);
    runAsync(
        this,
        [engine = m_engine, id = currentId().toStdString()]() -> core::Result<nlohmann::json> {
            core::Launcher launcher(engine);
            const auto here = launcher.engineRunsHere();
            const core::HostGpus host = here && *here ? core::GpuHost::probeEngineHost(*engine) : core::HostGpus{};
            return launcher.record(id, here && *here ? &host : nullptr);
        },
        [this, name](core::Result<nlohmann::json> rec) {
            if (!rec) {
                sayError(rec.error());
                return;
            }
            QGuiApplication::clipboard()->setText(QString::fromStdString(core::jsonText(*rec, 2)));
            say(tr("The record of %1 (what ran: image digest, CUDA, caps, mounts, engine) is on the clipboard.").arg(name));
        });
}

void EnvironmentsPage::saveAsProfile()
{
    const QString name = currentText(EnvironmentModel::Name);
    // A dialog object opened, not getSaveFileName's nested event loop.
    auto* chooser = new QFileDialog(this, tr("Save %1 as a Profile").arg(name),
                                    QDir::home().filePath(name + QStringLiteral(".berth.json")),
                                    tr("Profiles (*.berth.json *.json)"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setOption(QFileDialog::DontConfirmOverwrite); // nothing is overwritten: core refuses an existing file
    connect(chooser, &QFileDialog::fileSelected, this, &EnvironmentsPage::saveAsProfileTo);
    chooser->open();
}

void EnvironmentsPage::saveAsProfileTo(const QString& path)
{
    const QString name = currentText(EnvironmentModel::Name);
    runAsync(
        this,
        [engine = m_engine, id = currentId().toStdString(), file = path.toStdString()]() -> core::Result<void> {
            auto text = core::profileForEnvironment(*engine, id);
            if (!text) {
                return text.error();
            }
            return core::writeNewProfile(file, *text);
        },
        [this, name, path](core::Result<void> saved) {
            if (!saved) {
                sayError(saved.error());
                return;
            }
            say(tr("%1 is saved as the profile %2, its image pinned; open it with File > Open Profile.").arg(name, path));
        });
}

} // namespace berth::ui
