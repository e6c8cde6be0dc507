// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/engine/EngineClient.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QPushButton;
class QListWidget;
class QStackedWidget;

namespace berth::ui {

class ContainerModel;
class ContainersPage;
class EngineStatus;
class EngineWatcher;
class GpusPage;
class EnvironmentModel;
class EnvironmentsPage;
class ImageModel;
class ImagesPage;
class NotebookPane;
class ProfileDialog;

/// The window: a side bar of views (Environments, Images, Containers), each a live list that follows the
/// engine's events; a page that says so when the engine cannot be reached (and comes back by itself); the
/// engine line at the bottom.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(EngineStatus* status, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// The engine line at the bottom (for tests and screen readers).
    QLabel* engineLine() const { return m_engineLine; }
    EnvironmentsPage* environmentsPage() const { return m_environmentsPage; }
    /// The other views are made when first shown (a window's start pays only for what it shows); asking for
    /// one makes it.
    ImagesPage* imagesPage();
    ContainersPage* containersPage();
    GpusPage* gpusPage();
    /// The notebook pane (made when first asked for; its web views when the first notebook opens).
    NotebookPane* notebooks();
    /// Opens environment `nameOrId`'s notebook tab at `treePath` and shows the pane.
    void openNotebook(const QString& nameOrId, const QString& treePath = {});
    /// Opens a classroom profile (a devcontainer.json, NAME.berth.json, or a folder with .devcontainer/): its
    /// summary, then its launch; the launched environment's notebook opens at the profile's first page.
    ProfileDialog* openProfile(const QString& path);
    /// Opens what was dropped or named on the command line: a notebook (.ipynb) or a profile.
    void openPath(const QString& path);
    EnvironmentModel* environments() const { return m_environments; }
    ImageModel* images() const { return m_images; }
    ContainerModel* containers() const { return m_containers; }
    /// Shows view `index` (0 environments, 1 images, 2 containers, 3 GPUs, 4 notebooks).
    void showView(int index);
    /// True while the engine-down page is shown.
    bool showingEngineDown() const;
    /// Opens another window on the engine at `address` (ssh://, unix://, tcp://), beside this one; it closes with
    /// its window. An address that does not parse opens the window on its engine-down page, saying why.
    static MainWindow* openEngineWindow(const QString& address);
    /// Starts the user's own Podman service (the engine-down page's button); the window connects once it answers.
    void startPodman();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    bool event(QEvent* event) override;

private:
    void showStatus();
    /// Makes view `index` if it is not made yet.
    QWidget* page(int index);
    /// Shows view `index` and names it in the title.
    void switchTo(int index);
    void showConnection();
    /// The engine-down page's second half: where Berth looked, and what it can do (start Podman) or the user can.
    void showEngineHelp();
    QWidget* downPage(); ///< the engine-down page, made on first call
    void afterFirstFrame();

    EngineStatus* m_status;
    EngineWatcher* m_watcher = nullptr;
    EnvironmentModel* m_environments = nullptr;
    ImageModel* m_images = nullptr;
    ContainerModel* m_containers = nullptr;
    EnvironmentsPage* m_environmentsPage = nullptr;
    ImagesPage* m_imagesPage = nullptr;
    ContainersPage* m_containersPage = nullptr;
    GpusPage* m_gpusPage = nullptr;
    NotebookPane* m_notebooks = nullptr;
    std::shared_ptr<core::EngineClient> m_engine;
    QListWidget* m_sideBar = nullptr;
    QStackedWidget* m_views = nullptr;
    QStackedWidget* m_pages = nullptr; ///< the views, or the engine-down page
    QWidget* m_down = nullptr;
    QAction* m_checkAgain = nullptr;
    QLabel* m_downText = nullptr;
    QLabel* m_engineHelp = nullptr;
    QWidget* m_podmanOffer = nullptr;
    QPushButton* m_startPodman = nullptr;
    QLabel* m_podmanProgress = nullptr;
    bool m_podmanStarting = false;
    bool m_podmanTried = false; ///< started by itself once (the "whenever Berth starts" setting)
    QLabel* m_engineWarning = nullptr;
    QLabel* m_engineLine;
    bool m_firstFrame = false; ///< afterFirstFrame() has run
};

} // namespace berth::ui
