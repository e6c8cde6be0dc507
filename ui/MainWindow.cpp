// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/MainWindow.h"

#include "berth/core/engine/Connect.h"
#include "berth/core/engine/Endpoint.h"

#include "ui/EngineStatus.h"
#include "ui/RemedyText.h"
#include "ui/async/Async.h"
#include "ui/Style.h"
#include "ui/Tone.h"
#include "ui/containers/ContainersPage.h"
#include "ui/engine/EngineWatcher.h"
#include "ui/environments/EnvironmentsPage.h"
#include "ui/gpu/GpusPage.h"
#include "ui/images/ImagesPage.h"
#include "ui/models/ContainerModel.h"
#include "ui/models/EnvironmentModel.h"
#include "ui/models/ImageModel.h"
#include "ui/notebook/NotebookPane.h"
#include "ui/notebook/OpenFile.h"
#include "ui/profile/ProfileDialog.h"
#include "berth/core/engine/PodmanService.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QMimeData>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QPixmap>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QInputDialog>
#include <QTimer>
#include <QVBoxLayout>

namespace berth::ui {

MainWindow::MainWindow(EngineStatus* status, QWidget* parent)
    : QMainWindow(parent), m_status(status), m_engineLine(new QLabel(this))
{
    setWindowTitle(tr("Berth"));
    resize(1100, 720);
    setAcceptDrops(true); // a profile or a notebook dropped on the window opens
    const auto engine = m_status->engine();

    // The views, behind a side bar.
    m_environments = new EnvironmentModel(engine, this);
    m_images = new ImageModel(engine, this);
    m_containers = new ContainerModel(engine, this);
    m_environmentsPage = new EnvironmentsPage(engine, m_environments, m_images, this);
    connect(m_environmentsPage, &EnvironmentsPage::openNotebook, this, [this](const QString& id) { openNotebook(id); });
    m_engine = engine;
    m_sideBar = new QListWidget(this);
    m_sideBar->setObjectName(QStringLiteral("sideBar"));
    m_sideBar->setAccessibleName(tr("Views"));
    m_sideBar->addItems({tr("Environments"), tr("Images"), tr("Containers"), tr("GPUs"), tr("Notebooks")});
    m_sideBar->setFixedWidth(m_sideBar->sizeHintForColumn(0) + 36);
    m_views = new QStackedWidget(this);
    m_views->addWidget(m_environmentsPage);
    for (int i = 1; i < m_sideBar->count(); ++i) {
        m_views->addWidget(new QWidget(this)); // stands in until the view is first shown
    }
    connect(m_sideBar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0) {
            switchTo(row);
        }
    });
    // A screen reader selects an item rather than moving the current one: either shows its view.
    connect(m_sideBar, &QListWidget::itemSelectionChanged, this, [this] {
        const auto selected = m_sideBar->selectedItems();
        if (!selected.isEmpty()) {
            switchTo(m_sideBar->row(selected.first()));
        }
    });
    auto* content = new QWidget(this);
    auto* row = new QHBoxLayout(content);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_sideBar);
    row->addWidget(m_views, 1);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(content); // the engine-down page joins it when first needed (downPage())
    setCentralWidget(m_pages);

    // Engines and containers choose what these say: plain text, never markup.
    m_engineLine->setObjectName(QStringLiteral("engineLine"));
    m_engineLine->setTextFormat(Qt::PlainText);
    m_engineLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_engineLine->setWordWrap(true);
    statusBar()->addWidget(m_engineLine, 1);
    m_engineWarning = new QLabel(this);
    m_engineWarning->setObjectName(QStringLiteral("engineWarning"));
    m_engineWarning->setTextFormat(Qt::PlainText);
    m_engineWarning->setWordWrap(true);
    m_engineWarning->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTone(m_engineWarning, Tone::Warning);
    m_engineWarning->hide();
    statusBar()->addPermanentWidget(m_engineWarning, 1);

    auto* file = menuBar()->addMenu(tr("&File"));
    auto* openProfileAction = file->addAction(tr("Open &Profile..."));
    openProfileAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(openProfileAction, &QAction::triggered, this, [this] {
        // A dialog object opened, not getOpenFileName's nested event loop.
        auto* chooser = new QFileDialog(this, tr("Open a Classroom Profile"), QDir::homePath(),
                                        tr("Profiles (*.berth.json devcontainer.json .devcontainer.json *.json)"));
        chooser->setAttribute(Qt::WA_DeleteOnClose);
        chooser->setFileMode(QFileDialog::ExistingFile);
        connect(chooser, &QFileDialog::fileSelected, this, [this](const QString& path) { openProfile(path); });
        chooser->open();
    });
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    auto* view = menuBar()->addMenu(tr("&View"));
    const QStringList names = {tr("&Environments"), tr("&Images"), tr("&Containers"), tr("&GPUs"), tr("&Notebooks")};
    for (int i = 0; i < names.size(); ++i) {
        auto* a = view->addAction(names[i]);
        a->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(a, &QAction::triggered, this, [this, i] { showView(i); });
    }
    auto* engineMenu = menuBar()->addMenu(tr("&Engine"));
    auto* refresh = engineMenu->addAction(tr("&Check Again"));
    m_checkAgain = refresh;
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, m_status, &EngineStatus::refresh);
    connect(refresh, &QAction::triggered, m_environments, &EnvironmentModel::refresh);
    connect(refresh, &QAction::triggered, m_images, &ImageModel::forgetVerdicts); // the driver may be new
    connect(refresh, &QAction::triggered, m_containers, &ContainerModel::refresh);
    engineMenu->addSeparator();
    // Several engines at once (this machine's Docker, its Podman, the lab's server): a window each, its title and
    // engine line naming the engine, so that each environment's machine is never in doubt.
    auto* another = engineMenu->addAction(tr("Open &Another Engine..."));
    another->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(another, &QAction::triggered, this, [this] {
        auto* ask = new QInputDialog(this);
        ask->setAttribute(Qt::WA_DeleteOnClose);
        ask->setWindowTitle(tr("Open Another Engine"));
        ask->setLabelText(tr("Engine address: ssh://[user@]host[:port][/socket] for another machine (your ssh keys "
                             "and ~/.ssh/config are used), unix:///path, or tcp://host:port."));
        ask->setTextValue(QStringLiteral("ssh://"));
        connect(ask, &QInputDialog::textValueSelected, this, [this](const QString& address) {
            openEngineWindow(address.trimmed());
        });
        ask->open();
    });

    connect(m_status, &EngineStatus::changed, this, &MainWindow::showStatus);
    showStatus();

    // The lists follow the engine's events: no polling while nothing happens.
    if (engine) {
        m_watcher = new EngineWatcher(engine, this);
        connect(m_watcher, &EngineWatcher::containersChanged, m_environments, &EnvironmentModel::refresh);
        connect(m_watcher, &EngineWatcher::containersChanged, m_containers, &ContainerModel::refresh);
        connect(m_watcher, &EngineWatcher::imagesChanged, m_images, &ImageModel::refresh);
        connect(m_watcher, &EngineWatcher::connectionChanged, this, &MainWindow::showConnection);
        connect(m_watcher, &EngineWatcher::connectionChanged, this, [this] {
            if (m_firstFrame) { // before it, afterFirstFrame() asks anyway
                m_status->refresh();
            }
        });
        m_watcher->start();
        // The first lists at once, side by side with the watcher's first question to the engine; the images'
        // verdicts and the Containers view's list (not shown yet) after the first frame (afterFirstFrame()).
        m_environments->refresh();
        m_images->holdVerdicts();
        m_images->refresh();
    }
    // A window that is never painted (opened behind a dialog, minimised at once) gets them a second later.
    QTimer::singleShot(1000, this, &MainWindow::afterFirstFrame);

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    showView(settings.value(QStringLiteral("window/view"), 0).toInt());
}

MainWindow* MainWindow::openEngineWindow(const QString& address)
{
    std::shared_ptr<core::EngineClient> engine;
    QString setupError;
    auto endpoint = core::parseEndpoint(address.toStdString());
    if (endpoint) {
        engine = std::make_shared<core::EngineClient>(core::connectTo(*endpoint));
    } else {
        setupError = errorText(endpoint.error());
    }
    auto* status = new EngineStatus(engine, setupError);
    auto* window = new MainWindow(status);
    status->setParent(window); // the window's engine goes with it
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show(); // its status line asks the engine after the first frame
    return window;
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::page(int index)
{
    QWidget* made = nullptr;
    switch (index) {
    case 1:
        made = m_imagesPage ? nullptr : (m_imagesPage = new ImagesPage(m_engine, m_images, this));
        break;
    case 2:
        made = m_containersPage ? nullptr : (m_containersPage = new ContainersPage(m_engine, m_containers, this));
        break;
    case 3:
        made = m_gpusPage ? nullptr : (m_gpusPage = new GpusPage(m_engine, this));
        break;
    case 4:
        if (!m_notebooks) {
            made = m_notebooks = new NotebookPane(m_engine, this);
            if (m_watcher) {
                connect(m_watcher, &EngineWatcher::containersChanged, m_notebooks, &NotebookPane::containersChanged);
            }
            connect(m_notebooks, &NotebookPane::message, this, [this](const QString& text, bool problem) {
                m_engineLine->setText(text);
                setTone(m_engineLine, problem ? Tone::Problem : Tone::Plain);
            });
        }
        break;
    default:
        break;
    }
    if (made) {
        QWidget* standIn = m_views->widget(index);
        m_views->insertWidget(index, made);
        m_views->removeWidget(standIn);
        standIn->deleteLater();
    }
    return m_views->widget(index);
}

ImagesPage* MainWindow::imagesPage()
{
    page(1);
    return m_imagesPage;
}

ContainersPage* MainWindow::containersPage()
{
    page(2);
    return m_containersPage;
}

NotebookPane* MainWindow::notebooks()
{
    page(4);
    return m_notebooks;
}

void MainWindow::openNotebook(const QString& nameOrId, const QString& treePath)
{
    notebooks()->open(nameOrId, treePath);
    showView(4);
}

ProfileDialog* MainWindow::openProfile(const QString& path)
{
    auto* dialog = new ProfileDialog(m_engine, path, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProfileDialog::launchedEnvironment, this,
            [this](const QString& name, const QString& page) { openNotebook(name, page); });
    dialog->open();
    return dialog;
}

void MainWindow::openPath(const QString& path)
{
    if (path.endsWith(QLatin1String(".ipynb"), Qt::CaseInsensitive)) {
        openNotebookFile(this, m_engine, path);
    } else {
        openProfile(path);
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile()) {
        event->acceptProposedAction();
        openPath(urls.front().toLocalFile());
    }
}

GpusPage* MainWindow::gpusPage()
{
    page(3);
    return m_gpusPage;
}

void MainWindow::showView(int index)
{
    index = std::clamp(index, 0, m_views->count() - 1);
    m_sideBar->setCurrentRow(index);
    switchTo(index);
}

void MainWindow::switchTo(int index)
{
    m_views->setCurrentWidget(page(index));
    if (m_engine && !core::isLocalAddress(m_engine->endpoint())) {
        //: The window's title for an engine on another machine: the view, the engine, then the app's name.
        setWindowTitle(tr("%1 \u2014 %2 \u2014 Berth")
                           .arg(m_sideBar->item(index)->text(), QString::fromStdString(m_engine->endpoint())));
        return;
    }
    //: The window's title: the view shown, then the app's name.
    setWindowTitle(tr("%1 \u2014 Berth").arg(m_sideBar->item(index)->text()));
}

bool MainWindow::event(QEvent* event)
{
    if (event->type() == QEvent::Paint && !m_firstFrame) {
        QTimer::singleShot(0, this, &MainWindow::afterFirstFrame); // once this frame is on screen
    }
    return QMainWindow::event(event);
}

QWidget* MainWindow::downPage()
{
    if (m_down) {
        return m_down;
    }
    // The engine-down page: what was tried and what to do; Berth keeps asking by itself. Made when first needed:
    // most windows never show it, and its labels and title font cost a start.
    auto* down = new QWidget(this);
    m_down = down;
    down->setObjectName(QStringLiteral("engineDownPage"));
    auto* downLayout = new QVBoxLayout(down);
    downLayout->addStretch();
    auto* downTitle = new QLabel(tr("Berth cannot reach the container engine"), down);
    QFont big = downTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    downTitle->setFont(big);
    downTitle->setAlignment(Qt::AlignCenter);
    downLayout->addWidget(downTitle);
    // The engine's, the system's and Podman's words: plain text, wrapped, centred, selectable (to copy them).
    const auto wordsLabel = [](const QString& name, QWidget* parent) {
        auto* label = new QLabel(parent);
        label->setObjectName(name);
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignCenter);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    m_downText = wordsLabel(QStringLiteral("engineDownText"), down);
    downLayout->addWidget(m_downText);
    auto* again = new QPushButton(tr("Try &Again"), down);
    connect(again, &QPushButton::clicked, m_checkAgain, &QAction::trigger);
    downLayout->addWidget(again, 0, Qt::AlignCenter);
    auto* waiting = new QLabel(tr("Berth asks again every few seconds and comes back by itself."), down);
    waiting->setAlignment(Qt::AlignCenter);
    downLayout->addWidget(waiting);
    // Where Berth looked, and how to get an engine: start the user's Podman, or install one.
    m_engineHelp = wordsLabel(QStringLiteral("engineHelp"), down);
    downLayout->addWidget(m_engineHelp);
    m_podmanOffer = new QWidget(down);
    auto* offerLayout = new QVBoxLayout(m_podmanOffer);
    m_startPodman = new QPushButton(tr("&Start Podman"), m_podmanOffer);
    m_startPodman->setObjectName(QStringLiteral("startPodman"));
    m_startPodman->setAccessibleName(tr("Start Podman"));
    m_startPodman->setAccessibleDescription(tr("Starts your own Podman service, without root, and uses it"));
    offerLayout->addWidget(m_startPodman, 0, Qt::AlignCenter);
    auto* always = new QCheckBox(tr("Start Podman &whenever Berth starts"), m_podmanOffer);
    always->setObjectName(QStringLiteral("startPodmanAlways"));
    always->setChecked(QSettings().value(QStringLiteral("engine/startPodman"), false).toBool());
    connect(always, &QCheckBox::toggled, this,
            [](bool on) { QSettings().setValue(QStringLiteral("engine/startPodman"), on); });
    offerLayout->addWidget(always, 0, Qt::AlignCenter);
    m_podmanProgress = wordsLabel(QStringLiteral("podmanProgress"), m_podmanOffer); // Podman's own lines, when it fails
    offerLayout->addWidget(m_podmanProgress);
    m_podmanOffer->hide();
    downLayout->addWidget(m_podmanOffer);
    connect(m_startPodman, &QPushButton::clicked, this, &MainWindow::startPodman);
    downLayout->addStretch();

    m_pages->addWidget(down);
    return down;
}

void MainWindow::afterFirstFrame()
{
    if (m_firstFrame) {
        return;
    }
    m_firstFrame = true;
    // What the first frame need not wait for, and with two cores would have waited for: the images' verdicts (a
    // GPU probe and an inspect per image), the Containers view's list, the engine's version for the status line
    // (dockerd's slowest answer, about 20 ms), and the window's icon in every size (seven PNGs turned into the X11
    // icon property). Measured with bench/ab.sh: the first frame about 10 % sooner.
    m_images->releaseVerdicts();
    if (m_engine) {
        m_containers->refresh();
    }
    m_status->refresh();
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256}) {
        icon.addPixmap(readPng(QStringLiteral(":/icons/berth-%1.png").arg(size)));
    }
    setWindowIcon(icon);
}

bool MainWindow::showingEngineDown() const
{
    return m_down && m_pages->currentWidget() == m_down;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/view"), m_views->currentIndex());
    QMainWindow::closeEvent(event);
}

void MainWindow::showStatus()
{
    const auto& s = m_status->snapshot();
    m_engineLine->setText(s.text);
    m_engineLine->setProperty("connected", s.connected);
    setTone(m_engineLine, s.connected || s.checking ? Tone::Plain : Tone::Problem);
    m_engineWarning->setText(s.warning);
    m_engineWarning->setVisible(!s.warning.isEmpty());
    if (!m_status->engine()) {
        m_pages->setCurrentWidget(downPage());
        m_downText->setText(s.text); // no address could be made at all
        showEngineHelp();
    }
}

void MainWindow::showConnection()
{
    if (m_watcher->connected()) {
        m_pages->setCurrentIndex(0); // the views
        return;
    }
    m_pages->setCurrentWidget(downPage());
    m_downText->setText(m_watcher->problem());
    showEngineHelp();
}

void MainWindow::showEngineHelp()
{
    const auto env = core::EndpointEnvironment::system();
    QStringList places;
    for (const auto& path : core::endpointCandidates(env)) {
        places << QStringLiteral("unix://") + QString::fromStdString(path);
    }
    const QString tried = m_engine ? QString::fromStdString(m_engine->endpoint()) : QString();
    if (!tried.isEmpty() && !places.contains(tried)) {
        places.prepend(tried);
    }
    QString help = tr("Berth looked for Docker and Podman at: %1.").arg(places.join(QStringLiteral(", ")));
    const auto podman = core::findPodmanService(env);
    // Offered only when the window already asks that socket: the service started is the engine Berth uses.
    const bool offer = podman && tried == QStringLiteral("unix://") + QString::fromStdString(podman->socketPath);
    const bool docker = env.findProgram("dockerd").has_value();
    if (offer) {
        help += QStringLiteral("\n\n") +
                tr("Podman is installed: Berth can start your own Podman service, which runs as you (no root, no "
                   "password) and listens at %1.")
                    .arg(QString::fromStdString(podman->socketPath));
    } else if (!podman && !docker) {
        help += QStringLiteral("\n\n") +
                tr("Neither Docker nor Podman is installed. Install Podman, which runs as you without root "
                   "(sudo apt install podman), then start Berth again; or install Docker (sudo apt install docker.io).");
    }
    if (docker) {
        help += QStringLiteral("\n\n") +
                tr("Docker is installed: start it with sudo systemctl start docker. To use it without sudo, an "
                   "administrator adds you to the docker group (sudo usermod -aG docker $USER, then log in again). "
                   "Membership of that group is as good as root on this computer, so Berth never does it for you.");
    }
    m_engineHelp->setText(help);
    m_podmanOffer->setVisible(offer);
    if (offer && !m_podmanTried && QSettings().value(QStringLiteral("engine/startPodman"), false).toBool()) {
        m_podmanTried = true;
        startPodman();
    }
}

void MainWindow::startPodman()
{
    const auto podman = core::findPodmanService(core::EndpointEnvironment::system());
    if (!podman || m_podmanStarting) {
        return;
    }
    m_podmanStarting = true;
    m_startPodman->setEnabled(false);
    setTone(m_podmanProgress, Tone::Plain);
    m_podmanProgress->setText(tr("Starting Podman..."));
    runAsync(
        this, [service = *podman] { return core::startPodmanService(service); },
        [this](core::Result<int> started) {
            m_podmanStarting = false;
            m_startPodman->setEnabled(true);
            if (!started) {
                QString text = errorText(started.error());
                for (const auto& line : started.error().logLines) {
                    text += QLatin1Char('\n') + QString::fromStdString(line);
                }
                setTone(m_podmanProgress, Tone::Problem);
                m_podmanProgress->setText(text);
                return;
            }
            m_podmanProgress->setText(tr("Podman is running; connecting..."));
            m_status->refresh(); // the watcher asks again within two seconds and switches to the lists
        });
}

} // namespace berth::ui
