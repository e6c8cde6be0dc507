// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/notebook/NotebookPane.h"

#include "berth/core/base/Token.h"
#include "berth/core/launch/BrowserHandoff.h"
#include "berth/core/launch/KernelStart.h"
#include "berth/core/launch/Launcher.h"
#include "berth/core/launch/OpenFile.h"
#include "berth/core/launch/Readiness.h"
#include "ui/RemedyText.h"
#include "ui/Tone.h"
#include "ui/async/Async.h"
#include "ui/notebook/WebSurface.h"

#include <QAction>
#include <QDesktopServices>
#include <QPointer>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace berth::ui {

namespace {

/// What a stopped container's end says: stopped by someone (a stop's SIGTERM, or SIGKILL after the grace), or
/// crashed (out of memory, or any other exit code).
bool crashed(const core::ContainerState& s)
{
    return s.oomKilled || (s.exitCode != 0 && s.exitCode != 143 && s.exitCode != 137);
}

} // namespace

NotebookTab::NotebookTab(std::shared_ptr<core::EngineClient> engine, const QString& nameOrId,
                         const QString& treePath, QWidget* parent)
    : QWidget(parent), m_engine(std::move(engine)), m_target(nameOrId), m_treePath(treePath)
{
    m_env.name = nameOrId.toStdString();
    buildStatusPage();
    open(true);
}

NotebookTab::NotebookTab(std::shared_ptr<core::EngineClient> engine, const core::EnvironmentInfo& ready,
                         std::unique_ptr<WebSurface> surface, QWidget* parent)
    : QWidget(parent), m_engine(std::move(engine)), m_target(QString::fromStdString(ready.id)), m_env(ready),
      m_surface(std::move(surface))
{
    buildStatusPage();
    m_state = State::Ready;
    m_surface->setHooks(hooks());
    m_stack->addWidget(m_surface->widget());
    m_stack->setCurrentWidget(m_surface->widget());
}

NotebookTab::~NotebookTab()
{
    m_cancel->store(true); // a start or a wait for Jupyter under way ends now
    m_surface.reset();     // the view before the widgets it sits in
    for (const QString& file : std::as_const(m_handoffs)) {
        QFile::remove(file);
    }
}

void NotebookTab::buildStatusPage()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);
    m_statusPage = new QWidget(m_stack);
    m_statusPage->setObjectName(QStringLiteral("notebookStatus"));
    auto* v = new QVBoxLayout(m_statusPage);
    v->addStretch();
    m_title = new QLabel(m_statusPage);
    m_title->setObjectName(QStringLiteral("notebookStatusTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setAlignment(Qt::AlignCenter);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    v->addWidget(m_title);
    m_text = new QLabel(m_statusPage);
    m_text->setObjectName(QStringLiteral("notebookStatusText"));
    m_text->setTextFormat(Qt::PlainText); // engines and containers choose some of these words: never markup
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_text);
    m_busy = new QProgressBar(m_statusPage);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(320);
    m_busy->setAccessibleName(tr("Waiting for Jupyter"));
    v->addWidget(m_busy, 0, Qt::AlignCenter);
    m_lines = new QPlainTextEdit(m_statusPage);
    m_lines->setReadOnly(true);
    m_lines->setAccessibleName(tr("The container's last lines"));
    m_lines->setMaximumHeight(200);
    m_lines->hide();
    v->addWidget(m_lines);
    m_again = new QPushButton(tr("&Start Again"), m_statusPage);
    m_again->setObjectName(QStringLiteral("startAgain"));
    m_again->hide();
    connect(m_again, &QPushButton::clicked, this, &NotebookTab::startAgain);
    v->addWidget(m_again, 0, Qt::AlignCenter);
    v->addStretch();
    m_stack->addWidget(m_statusPage);
}

QString NotebookTab::statusText() const
{
    return m_title->text() + QLatin1Char('\n') + m_text->text();
}

QString NotebookTab::lastLines() const
{
    return m_lines->toPlainText();
}

void NotebookTab::showStatus(State state, const QString& title, const QString& text, const QString& lines)
{
    m_state = state;
    m_title->setText(title);
    m_text->setText(text);
    setTone(m_text, state == State::Crashed || state == State::Failed ? Tone::Problem : Tone::Plain);
    m_busy->setVisible(state == State::Starting);
    m_lines->setPlainText(lines);
    m_lines->setVisible(!lines.isEmpty());
    m_again->setVisible(state == State::Stopped || state == State::Crashed || state == State::Failed);
    m_stack->setCurrentWidget(m_statusPage);
    if (m_surface && state != State::Starting) {
        // A page left behind would keep polling the old port with the token, and once the server is gone any
        // local program could take that port and collect it.
        m_surface->setServer(0, {});
        m_surface->load(QUrl(QStringLiteral("about:blank")));
    }
    Q_EMIT titleChanged(QString::fromStdString(m_env.name)); // not the title of a page no longer shown
    Q_EMIT stateChanged(state);
}

void NotebookTab::open(bool start)
{
    const QString name = QString::fromStdString(m_env.name);
    showStatus(State::Starting, tr("Opening %1...").arg(name), tr("Waiting for its Jupyter server to answer."));
    m_cancel->store(false);
    if (!m_surface) {
        makeSurface(); // the web engine starts while the environment does
    }
    runAsync(
        this,
        [engine = m_engine, target = m_target.toStdString(), cancel = m_cancel, start,
         treePath = m_treePath.toStdString()]() -> core::Result<core::EnvironmentInfo> {
            core::Launcher launcher(engine);
            auto now = launcher.describe(target);
            if (!now) {
                return now.error();
            }
            auto env = now->state != core::EnvironmentState::Running && start
                           ? launcher.start(target, {}, cancel.get())
                           : launcher.readyEnvironment(target, true, cancel.get());
            if (env) {
                // The notebook's kernel boots while the page loads; the page finds its session ready. A
                // kernel that cannot start here is the page's to report, in Jupyter's own words.
                (void)core::startNotebookSession(*env, treePath);
            }
            return env;
        },
        [this, name](core::Result<core::EnvironmentInfo> env) {
            if (!env) {
                QString lines;
                for (const auto& l : env.error().logLines) {
                    lines += QString::fromStdString(core::redactTokens(l)) + QLatin1Char('\n');
                }
                showStatus(State::Failed, tr("%1 could not be opened").arg(name), errorText(env.error()), lines);
                return;
            }
            showReady(*env);
        });
}

void NotebookTab::makeSurface()
{
    QString why;
    const MakeWebSurface make = webSurfaceMaker(&why);
    if (!make) {
        showStatus(State::Failed, tr("The notebook pane is not available"), why);
        return;
    }
    m_surface.reset(make(m_env.hostPort, QByteArray::fromStdString(m_env.token), hooks(), m_stack));
    m_stack->addWidget(m_surface->widget());
}

WebSurfaceHooks NotebookTab::hooks()
{
    // The hooks go with the surface, and a window the page opens copies them: they may be called once this tab has
    // been closed (a window.open whose page reaches the server after its opener tab went). Each asks first.
    const QPointer<NotebookTab> self(this);
    WebSurfaceHooks hooks;
    hooks.openExternally = [](const QUrl& url) { QDesktopServices::openUrl(url); };
    hooks.adoptWindow = [self](WebSurface* surface) {
        if (!self) {
            QTimer::singleShot(0, [surface] { delete surface; }); // not inside the signal that brought it here
            return;
        }
        Q_EMIT self->newTab(new NotebookTab(self->m_engine, self->m_env, std::unique_ptr<WebSurface>(surface), nullptr));
    };
    hooks.loadFinished = [self](bool ok) {
        if (self && !ok) {
            self->recheck(); // a page that failed may mean the server went
        }
    };
    hooks.titleChanged = [self](const QString& title) {
        if (!self) {
            return;
        }
        const QString name = QString::fromStdString(self->m_env.name);
        Q_EMIT self->titleChanged(title.isEmpty() ? name : name + QStringLiteral(": ") + title);
    };
    return hooks;
}

void NotebookTab::showReady(const core::EnvironmentInfo& env)
{
    m_env = env;
    m_target = QString::fromStdString(env.id);
    if (!m_surface) {
        makeSurface();
        if (!m_surface) {
            return;
        }
    }
    m_surface->setServer(env.hostPort, QByteArray::fromStdString(env.token));
    m_state = State::Ready;
    m_stack->setCurrentWidget(m_surface->widget());
    m_surface->load(notebookUrl());
    Q_EMIT titleChanged(QString::fromStdString(env.name));
    Q_EMIT stateChanged(m_state);
}

QUrl NotebookTab::notebookUrl() const
{
    QUrl url(QString::fromStdString(m_env.url));
    url.setPath(QString::fromStdString(core::notebookUrlPath(m_env.jupyterVersion, m_treePath.toStdString())),
                QUrl::StrictMode);
    return url;
}

void NotebookTab::openPath(const QString& treePath)
{
    m_treePath = treePath;
    if (m_state == State::Ready && m_surface) {
        m_surface->load(notebookUrl());
    } else if (m_state != State::Starting) {
        open(true);
    }
}

void NotebookTab::recheck()
{
    if (m_checking || m_state != State::Ready || m_env.id.empty()) {
        return; // only a server that was up can be found gone; a start under way says so itself
    }
    m_checking = true;
    runAsync(
        this,
        [engine = m_engine, id = m_env.id]() -> core::Result<std::pair<core::ContainerDetails, core::Error>> {
            auto d = engine->inspectContainer(id);
            if (!d) {
                return d.error();
            }
            core::Error why;
            if (!d->state.running && crashed(d->state)) {
                why = core::Readiness(engine).earlyExit(id, *d); // what happened, with the last lines
            }
            return std::make_pair(*d, why);
        },
        [this](core::Result<std::pair<core::ContainerDetails, core::Error>> r) {
            m_checking = false;
            if (m_state != State::Ready) {
                return;
            }
            const QString name = QString::fromStdString(m_env.name);
            if (!r) {
                if (r.error().kind == core::ErrorKind::NotFound) {
                    showStatus(State::Stopped, tr("%1 was removed").arg(name),
                               tr("Its container is gone from the engine. Launch it again from Environments."));
                    m_again->hide();
                }
                return; // the engine did not answer: the engine-down page says so
            }
            const auto& [details, why] = *r;
            if (details.state.running) {
                return;
            }
            if (crashed(details.state)) {
                QString lines;
                for (const auto& l : why.logLines) {
                    lines += QString::fromStdString(core::redactTokens(l, m_env.token)) + QLatin1Char('\n');
                }
                showStatus(State::Crashed, tr("%1 stopped unexpectedly").arg(name), errorText(why), lines);
                return;
            }
            showStatus(State::Stopped, tr("%1 has stopped").arg(name),
                       m_env.workspace.empty()
                           ? tr("Its Jupyter server is not running.")
                           : tr("Its Jupyter server is not running. Your files in %1 are kept.")
                                 .arg(QString::fromStdString(m_env.workspace)));
        });
}

void NotebookTab::startAgain()
{
    open(true);
}

void NotebookTab::zoomBy(double step)
{
    if (m_surface) {
        m_surface->setZoom(std::clamp(m_surface->zoom() + step, 0.25, 5.0));
    }
}

void NotebookTab::resetZoom()
{
    if (m_surface) {
        m_surface->setZoom(1.0);
    }
}

void NotebookTab::print()
{
    if (m_surface && m_state == State::Ready) {
        m_surface->print();
    }
}

void NotebookTab::reload()
{
    if (m_state == State::Ready && m_surface) {
        m_surface->reload();
    } else if (m_state != State::Starting) {
        open(true);
    }
}

void NotebookTab::openInBrowser()
{
    if (m_state != State::Ready || !m_surface) {
        return;
    }
    core::EnvironmentInfo env = m_env;
    // The page shown, when its path is plain (the hand-off page writes it into HTML): else the server's root.
    const QString path = m_surface->url().path(QUrl::FullyEncoded);
    static const QRegularExpression plain(QStringLiteral("^/[A-Za-z0-9/%._~-]*$"));
    if (plain.match(path).hasMatch()) {
        QUrl url(QString::fromStdString(env.url));
        url.setPath(path, QUrl::StrictMode);
        env.url = url.toString(QUrl::FullyEncoded).toStdString();
    }
    auto page = core::writeBrowserHandoff(env);
    if (!page) {
        Q_EMIT message(errorText(page.error()), true);
        return;
    }
    const QString file = QString::fromStdString(*page);
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(file))) {
        QFile::remove(file);
        Q_EMIT message(tr("No browser could be started."), true);
        return;
    }
    m_handoffs << file;
    QTimer::singleShot(30000, this, [this, file] {
        QFile::remove(file); // the token does not stay on disk
        m_handoffs.removeAll(file);
    });
}

NotebookPane::NotebookPane(std::shared_ptr<core::EngineClient> engine, QWidget* parent)
    : QWidget(parent), m_engine(std::move(engine)), m_tabs(new QTabWidget(this)), m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("notebookPane"));
    auto* layout = new QVBoxLayout(this);
    m_empty->setText(tr("No notebook is open. Open one from Environments (Ctrl+O), or run berth FILE.ipynb."));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_tabs->setAccessibleName(tr("Notebooks"));
    m_tabs->hide();
    layout->addWidget(m_tabs);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &NotebookPane::closeTab);

    auto action = [this](const QString& text, const QKeySequence& keys, auto slot) {
        auto* a = new QAction(text, this);
        a->setShortcut(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    action(tr("Close Tab"), QKeySequence::Close, [this] { closeTab(m_tabs->currentIndex()); });
    action(tr("Zoom In"), QKeySequence::ZoomIn, [this] { if (auto* t = current()) t->zoomBy(0.1); });
    action(tr("Zoom In"), QKeySequence(Qt::CTRL | Qt::Key_Equal), [this] { if (auto* t = current()) t->zoomBy(0.1); });
    action(tr("Zoom Out"), QKeySequence::ZoomOut, [this] { if (auto* t = current()) t->zoomBy(-0.1); });
    action(tr("Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_0), [this] { if (auto* t = current()) t->resetZoom(); });
    action(tr("Print..."), QKeySequence::Print, [this] { if (auto* t = current()) t->print(); });
    action(tr("Reload"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), [this] { if (auto* t = current()) t->reload(); });
    action(tr("Open in Browser"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
           [this] { if (auto* t = current()) t->openInBrowser(); });
}

int NotebookPane::count() const
{
    return m_tabs->count();
}

NotebookTab* NotebookPane::tab(int index) const
{
    return qobject_cast<NotebookTab*>(m_tabs->widget(index));
}

NotebookTab* NotebookPane::current() const
{
    return qobject_cast<NotebookTab*>(m_tabs->currentWidget());
}

NotebookTab* NotebookPane::open(const QString& nameOrId, const QString& treePath)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto* t = tab(i);
        if (t && (t->environmentId() == nameOrId || t->environmentName() == nameOrId)) {
            m_tabs->setCurrentIndex(i);
            if (!treePath.isEmpty()) {
                t->openPath(treePath);
            } else if (t->state() != NotebookTab::State::Ready && t->state() != NotebookTab::State::Starting) {
                t->startAgain();
            }
            return t;
        }
    }
    auto* t = new NotebookTab(m_engine, nameOrId, treePath, m_tabs);
    add(t);
    return t;
}

void NotebookPane::add(NotebookTab* t)
{
    const int index = m_tabs->addTab(t, t->environmentName());
    m_tabs->setCurrentIndex(index);
    m_tabs->show();
    m_empty->hide();
    connect(t, &NotebookTab::titleChanged, this, [this, t](const QString& title) {
        const int i = m_tabs->indexOf(t);
        if (i >= 0) {
            m_tabs->setTabText(i, title.left(60));
            m_tabs->setTabToolTip(i, title);
        }
    });
    connect(t, &NotebookTab::newTab, this, [this](NotebookTab* other) { add(other); });
    connect(t, &NotebookTab::message, this, &NotebookPane::message);
}

void NotebookPane::closeTab(int index)
{
    if (auto* t = tab(index)) {
        m_tabs->removeTab(index);
        t->deleteLater();
    }
    if (m_tabs->count() == 0) {
        m_tabs->hide();
        m_empty->show();
    }
}

void NotebookPane::containersChanged()
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto* t = tab(i)) {
            t->recheck();
        }
    }
}

} // namespace berth::ui
