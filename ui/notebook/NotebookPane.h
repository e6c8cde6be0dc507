// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/engine/EngineClient.h"
#include "berth/core/launch/Environment.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace berth::ui {

class WebSurface;
struct WebSurfaceHooks;

/// One environment's notebook in a tab: what is happening (starting, ready, server stopped, crashed, could
/// not open) and, once Jupyter answers, its pages, signed in without a token in any address.
class NotebookTab : public QWidget
{
    Q_OBJECT
public:
    enum class State { Starting, Ready, Stopped, Crashed, Failed };

    /// Opens `nameOrId` at `treePath` (in Jupyter's tree; "" the root): starts it when it is stopped, waits
    /// for Jupyter, then loads the page.
    NotebookTab(std::shared_ptr<core::EngineClient> engine, const QString& nameOrId, const QString& treePath,
                QWidget* parent = nullptr);
    /// A tab for a page the notebook opened itself (window.open, a link with a target), on an environment that
    /// is ready: it takes `surface` over.
    NotebookTab(std::shared_ptr<core::EngineClient> engine, const core::EnvironmentInfo& ready,
                std::unique_ptr<WebSurface> surface, QWidget* parent);
    ~NotebookTab() override;

    State state() const { return m_state; }
    QString environmentId() const { return QString::fromStdString(m_env.id); }
    QString environmentName() const { return QString::fromStdString(m_env.name); }
    /// The words on the status page (starting, stopped, crashed...).
    QString statusText() const;
    /// The container's last lines shown with a crash, tokens hidden.
    QString lastLines() const;
    /// The web view's surface, once Jupyter answered (nullptr before, or when the module is missing).
    WebSurface* surface() const { return m_surface.get(); }

    /// Asks the engine whether the container still runs (the pane calls it on each engine event).
    void recheck();
    /// Starts the environment again from the "server stopped" page.
    void startAgain();
    /// Goes to `treePath` in this environment's tree.
    void openPath(const QString& treePath);
    void zoomBy(double step);
    void resetZoom();
    void print();
    void reload();
    /// Hands the page shown to the system browser, signed in through a private page (as berthctl open
    /// --browser), never with the token in an address.
    void openInBrowser();

Q_SIGNALS:
    void titleChanged(const QString& title);
    void stateChanged(berth::ui::NotebookTab::State state);
    /// The page asked for a window (window.open): the pane adds `tab`.
    void newTab(berth::ui::NotebookTab* tab);
    /// Something to tell the person (the pane's status line).
    void message(const QString& text, bool problem);

private:
    void buildStatusPage();
    void open(bool start);
    void showReady(const core::EnvironmentInfo& env);
    void showStatus(State state, const QString& title, const QString& text, const QString& lines = {});
    void makeSurface();
    /// The address of m_treePath in this environment's Jupyter.
    QUrl notebookUrl() const;
    WebSurfaceHooks hooks();

    std::shared_ptr<core::EngineClient> m_engine;
    QString m_target;   ///< the name or id asked for
    QString m_treePath; ///< where to go once ready
    core::EnvironmentInfo m_env;
    State m_state = State::Starting;
    std::unique_ptr<WebSurface> m_surface;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    bool m_checking = false;
    QStackedWidget* m_stack;
    QWidget* m_statusPage;
    QLabel* m_title;
    QLabel* m_text;
    QProgressBar* m_busy;
    QPlainTextEdit* m_lines;
    QPushButton* m_again;
    QStringList m_handoffs;
};

/// The notebook pane: a tab per open environment (several side by side), made when the first notebook opens.
class NotebookPane : public QWidget
{
    Q_OBJECT
public:
    explicit NotebookPane(std::shared_ptr<core::EngineClient> engine, QWidget* parent = nullptr);

    /// Opens (or shows, and goes to `treePath` in) the tab of environment `nameOrId`.
    NotebookTab* open(const QString& nameOrId, const QString& treePath = {});
    NotebookTab* current() const;
    QTabWidget* tabs() const { return m_tabs; }
    int count() const;
    NotebookTab* tab(int index) const;

public Q_SLOTS:
    /// On each engine event about containers: every tab asks whether its server still runs.
    void containersChanged();

Q_SIGNALS:
    void message(const QString& text, bool problem);

private:
    void add(NotebookTab* tab);
    void closeTab(int index);

    std::shared_ptr<core::EngineClient> m_engine;
    QTabWidget* m_tabs;
    QLabel* m_empty;
};

} // namespace berth::ui
