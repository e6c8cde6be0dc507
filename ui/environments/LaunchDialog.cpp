// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/environments/LaunchDialog.h"
#include "ui/Tone.h"

#include "berth/core/gpu/Compat.h"
#include "berth/core/launch/Launcher.h"
#include "ui/RemedyText.h"
#include "ui/async/Async.h"
#include "ui/models/ImageModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace berth::ui {

namespace {
QLabel* plainLabel(QWidget* parent)
{
    auto* l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText); // images, engines and containers choose these words
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

/// A row's label whose mnemonic (Alt+letter) moves to `field`.
QLabel* buddy(const QString& text, QWidget* field)
{
    auto* l = new QLabel(text, field->parentWidget());
    l->setBuddy(field);
    return l;
}

/// "2.5" for a double without trailing zeros.
std::string number(double v)
{
    return QString::number(v, 'g', 6).toStdString();
}
} // namespace

LaunchDialog::LaunchDialog(std::shared_ptr<core::EngineClient> engine, const QStringList& images, QWidget* parent)
    : QDialog(parent), m_engine(std::move(engine)), m_image(new QComboBox(this)),
      m_verdict(plainLabel(this)), m_name(new QLineEdit(this)), m_workspace(new QLineEdit(this)),
      m_noWorkspace(new QCheckBox(tr("No notebook folder (work is lost with the container)"), this)),
      m_mounts(new QTableWidget(0, 3, this)), m_memory(new QDoubleSpinBox(this)), m_cpus(new QDoubleSpinBox(this)),
      m_shm(new QSpinBox(this)), m_gpus(new QComboBox(this)), m_gpuCards(new QListWidget(this)),
      m_env(new QPlainTextEdit(this)), m_port(new QSpinBox(this)), m_phase(plainLabel(this)),
      m_progress(new QProgressBar(this)), m_problem(plainLabel(this)), m_lastLines(new QPlainTextEdit(this)),
      m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(tr("Launch an Environment"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    m_image->setEditable(true);
    m_image->addItems(images);
    m_image->setCurrentIndex(-1);
    m_image->lineEdit()->setPlaceholderText(tr("an image here, or any reference: quay.io/jupyter/minimal-notebook"));
    m_image->setAccessibleName(tr("Image"));
    form->addRow(tr("&Image:"), m_image);
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setAccessibleName(tr("Can it run here"));
    form->addRow(QString(), m_verdict);

    m_name->setPlaceholderText(tr("made from the image"));
    m_name->setAccessibleName(tr("Name"));
    form->addRow(tr("&Name:"), m_name);

    auto* folderRow = new QHBoxLayout;
    m_workspace->setPlaceholderText(tr("~/Documents/Berth/NAME"));
    m_workspace->setAccessibleName(tr("Notebook folder"));
    auto* choose = new QPushButton(tr("C&hoose..."), this);
    choose->setAccessibleName(tr("Choose the notebook folder"));
    folderRow->addWidget(m_workspace, 1);
    folderRow->addWidget(choose);
    form->addRow(buddy(tr("Notebook &folder:"), m_workspace), folderRow);
    form->addRow(QString(), m_noWorkspace);
    connect(choose, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Notebook Folder"), QDir::homePath());
        if (!dir.isEmpty()) {
            m_workspace->setText(dir);
        }
    });
    connect(m_noWorkspace, &QCheckBox::toggled, m_workspace, &QWidget::setDisabled);

    m_mounts->setHorizontalHeaderLabels({tr("Host folder"), tr("In the container"), tr("Read-only")});
    m_mounts->horizontalHeader()->setStretchLastSection(true);
    m_mounts->setAccessibleName(tr("Other folders"));
    m_mounts->setMaximumHeight(110);
    auto* mountButtons = new QHBoxLayout;
    auto* addFolder = new QPushButton(tr("A&dd Folder..."), this);
    auto* removeFolder = new QPushButton(tr("Re&move Folder"), this);
    mountButtons->addWidget(addFolder);
    mountButtons->addWidget(removeFolder);
    mountButtons->addStretch();
    auto* mountBox = new QVBoxLayout;
    mountBox->addWidget(m_mounts);
    mountBox->addLayout(mountButtons);
    form->addRow(buddy(tr("&Other folders:"), m_mounts), mountBox);
    connect(addFolder, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("A Folder for the Container"), QDir::homePath());
        if (!dir.isEmpty()) {
            addMount(dir, QStringLiteral("/data/") + QFileInfo(dir).fileName(), false);
        }
    });
    connect(removeFolder, &QPushButton::clicked, this, [this] {
        if (m_mounts->currentRow() >= 0) {
            m_mounts->removeRow(m_mounts->currentRow());
        }
    });
    if (core::RemoteHost* remote = m_engine ? m_engine->remoteHost() : nullptr) {
        // The engine is on another machine: its folders are that machine's. The pickers would show this one's.
        const QString machine = QString::fromStdString(remote->name());
        m_workspace->setPlaceholderText(tr("~/Documents/Berth/NAME on %1").arg(machine));
        choose->setEnabled(false);
        choose->setToolTip(tr("The folders are on %1: type their paths there.").arg(machine));
        // Add Folder gives a row to type the path on that machine into, instead of this machine's picker.
        disconnect(addFolder, &QPushButton::clicked, this, nullptr);
        connect(addFolder, &QPushButton::clicked, this, [this] {
            addMount(QString(), QStringLiteral("/data"), false);
            m_mounts->setCurrentCell(m_mounts->rowCount() - 1, 0);
            m_mounts->editItem(m_mounts->item(m_mounts->rowCount() - 1, 0));
        });
        auto* where = plainLabel(this);
        where->setObjectName(QStringLiteral("remoteFolders"));
        where->setText(tr("This engine runs on %1: the notebook folder and the other folders are paths on %1, made "
                          "there when missing. The notebook opens here through the same ssh connection.")
                           .arg(machine));
        form->addRow(QString(), where);
    }

    // Caps, bounded by what the engine has (asked below); 0 means none.
    m_memory->setDecimals(1);
    m_memory->setSuffix(tr(" GiB"));
    m_memory->setSpecialValueText(tr("no cap"));
    m_memory->setRange(0, 4096);
    m_memory->setAccessibleName(tr("Memory cap in GiB"));
    form->addRow(tr("&Memory:"), m_memory);
    m_cpus->setDecimals(2);
    m_cpus->setSpecialValueText(tr("no cap"));
    m_cpus->setRange(0, 1024);
    m_cpus->setSingleStep(0.5);
    m_cpus->setAccessibleName(tr("CPU cap"));
    form->addRow(tr("&CPUs:"), m_cpus);
    m_shm->setSuffix(tr(" MiB"));
    m_shm->setSpecialValueText(tr("1 GiB, or half the memory cap (PyTorch's data loaders need it)"));
    m_shm->setRange(0, 1024 * 1024);
    m_shm->setSingleStep(256);
    m_shm->setAccessibleName(tr("Shared memory in MiB"));
    form->addRow(tr("&Shared memory:"), m_shm);

    m_gpus->addItem(tr("None (CPU)"), QStringLiteral("none"));
    m_gpus->addItem(tr("All GPUs"), QStringLiteral("all"));
    m_gpus->addItem(tr("These cards:"), QStringLiteral("devices"));
    m_gpus->setAccessibleName(tr("GPUs"));
    m_gpuCards->setAccessibleName(tr("GPU cards"));
    m_gpuCards->setMaximumHeight(80);
    m_gpuCards->setVisible(false);
    connect(m_gpus, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_gpuCards->setVisible(m_gpus->itemData(i).toString() == QLatin1String("devices"));
        m_verdictTimer.start(); // the verdict speaks of GPUs only when they are asked for
    });
    auto* gpuBox = new QVBoxLayout;
    gpuBox->addWidget(m_gpus);
    gpuBox->addWidget(m_gpuCards);
    auto* noGpu = plainLabel(this);
    gpuBox->addWidget(noGpu);
    // The GPUs are looked for off the GUI thread: NVML can take seconds, nvidia-smi hangs with a wedged driver.
    runAsync(this, [engine = m_engine] { return core::GpuHost::probeEngineHost(*engine); }, [this, noGpu](core::HostGpus host) {
        m_host = std::move(host);
        m_hostKnown = true;
        for (const auto& g : m_host.gpus) {
            auto* item = new QListWidgetItem(
                tr("GPU %1: %2").arg(g.index).arg(QString::fromStdString(g.name.empty() ? g.uuid : g.name)),
                m_gpuCards);
            item->setData(Qt::UserRole, QString::number(g.index));
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
        noGpu->setText(m_host.hasNvidiaDriver() ? QString() : tr("This machine has no NVIDIA GPU."));
        m_verdictTimer.start();
    });
    form->addRow(buddy(tr("&GPUs:"), m_gpus), gpuBox);

    m_env->setPlaceholderText(tr("KEY=VALUE, one a line"));
    m_env->setAccessibleName(tr("Environment variables"));
    m_env->setMaximumHeight(70);
    m_env->setTabChangesFocus(true);
    form->addRow(tr("&Variables:"), m_env);
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port (on 127.0.0.1)"));
    m_port->setAccessibleName(tr("Port on 127.0.0.1"));
    form->addRow(tr("&Port:"), m_port);

    m_phase->setObjectName(QStringLiteral("phase"));
    layout->addWidget(m_phase);
    m_progress->setAccessibleName(tr("Launch progress"));
    m_progress->hide();
    layout->addWidget(m_progress);
    m_problem->setObjectName(QStringLiteral("problem"));
    setTone(m_problem, Tone::Problem);
    layout->addWidget(m_problem);
    m_lastLines->setReadOnly(true);
    m_lastLines->setAccessibleName(tr("The container's last lines"));
    m_lastLines->setMaximumHeight(120);
    m_lastLines->hide();
    layout->addWidget(m_lastLines);

    m_launch = m_buttons->addButton(tr("&Launch"), QDialogButtonBox::AcceptRole);
    m_launch->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_launch, &QPushButton::clicked, this, &LaunchDialog::launch);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LaunchDialog::reject);
    layout->addWidget(m_buttons);

    // The verdict, asked 400 ms after the image stops changing: before anything is pulled.
    m_verdictTimer.setSingleShot(true);
    m_verdictTimer.setInterval(400);
    connect(&m_verdictTimer, &QTimer::timeout, this, &LaunchDialog::checkVerdict);
    connect(m_image, &QComboBox::currentTextChanged, &m_verdictTimer, qOverload<>(&QTimer::start));

    // The engine's CPUs and memory bound the caps.
    runAsync(this, [engine = m_engine] { return engine->info(); }, [this](core::Result<core::EngineInfo> info) {
        if (!info) {
            return;
        }
        if (info->memTotal > 0) {
            m_memory->setMaximum(static_cast<double>(info->memTotal) / (1024.0 * 1024 * 1024));
            m_memory->setToolTip(tr("The engine has %1 GiB.").arg(m_memory->maximum(), 0, 'f', 1));
        }
        if (info->ncpu > 0) {
            m_cpus->setMaximum(info->ncpu);
            m_cpus->setToolTip(tr("The engine has %1 CPUs.").arg(info->ncpu));
        }
    });
    resize(720, 640);
}

LaunchDialog::~LaunchDialog()
{
    m_mailbox->close();
    if (m_cancel) {
        m_cancel->store(true);
    }
}

void LaunchDialog::reject()
{
    // Cancel, Esc and the window's close button alike: a launch under way is stopped first (what it made is
    // removed), and the form stays to say so.
    if (m_cancel) {
        m_cancel->store(true);
        m_phase->setText(tr("Cancelling..."));
        return;
    }
    QDialog::reject();
}

QString LaunchDialog::phaseText(core::LaunchProgress::Phase phase, const QString& detail)
{
    using P = core::LaunchProgress::Phase;
    switch (phase) {
    case P::Pulling:
        return tr("Pulling the image...");
    case P::Creating:
        return tr("Creating the environment...");
    case P::Starting:
        return tr("Starting it...");
    case P::Waiting:
        return tr("Waiting for Jupyter to answer... (%1)").arg(detail);
    case P::Ready:
        return tr("Jupyter is ready.");
    case P::Running:
        break; // a profile's command in the container: its own words
    }
    return detail;
}

void LaunchDialog::addMount(const QString& host, const QString& container, bool readOnly)
{
    const int row = m_mounts->rowCount();
    m_mounts->insertRow(row);
    m_mounts->setItem(row, 0, new QTableWidgetItem(host));
    m_mounts->setItem(row, 1, new QTableWidgetItem(container));
    auto* ro = new QTableWidgetItem;
    ro->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    ro->setCheckState(readOnly ? Qt::Checked : Qt::Unchecked);
    m_mounts->setItem(row, 2, ro);
}

core::LaunchChoices LaunchDialog::choices() const
{
    core::LaunchChoices c;
    c.foldersHere = !(m_engine && m_engine->remoteHost()); // typed paths of the engine's machine, judged there
    c.image = m_image->currentText().trimmed().toStdString();
    c.name = m_name->text().trimmed().toStdString();
    for (int r = 0; r < m_mounts->rowCount(); ++r) {
        const QString host = m_mounts->item(r, 0) ? m_mounts->item(r, 0)->text() : QString();
        const QString in = m_mounts->item(r, 1) ? m_mounts->item(r, 1)->text() : QString();
        const bool ro = m_mounts->item(r, 2) && m_mounts->item(r, 2)->checkState() == Qt::Checked;
        if (host.trimmed().isEmpty()) {
            continue; // a row added and left empty
        }
        c.mounts.push_back((host + QLatin1Char(':') + in + (ro ? QStringLiteral(":ro") : QString())).toStdString());
    }
    for (const QString& line : m_env->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (!line.trimmed().isEmpty()) {
            c.env.push_back(line.trimmed().toStdString());
        }
    }
    if (m_memory->value() > 0) {
        c.memory = number(m_memory->value()) + "g";
    }
    if (m_cpus->value() > 0) {
        c.cpus = number(m_cpus->value());
    }
    if (m_shm->value() > 0) {
        c.shmSize = std::to_string(m_shm->value()) + "m";
    }
    const QString gpus = m_gpus->currentData().toString();
    if (gpus == QLatin1String("all")) {
        c.gpus = "all";
    } else if (gpus == QLatin1String("devices")) {
        QStringList ids;
        for (int i = 0; i < m_gpuCards->count(); ++i) {
            if (m_gpuCards->item(i)->checkState() == Qt::Checked) {
                ids << m_gpuCards->item(i)->data(Qt::UserRole).toString();
            }
        }
        c.gpus = ids.isEmpty() ? std::string("device=") // no card ticked: the builder says so, on field gpus
                               : ("device=" + ids.join(QLatin1Char(','))).toStdString();
    }
    if (m_port->value() > 0) {
        c.port = std::to_string(m_port->value());
    }
    c.workspace = m_workspace->text().trimmed().toStdString();
    c.noWorkspace = m_noWorkspace->isChecked();
    c.baseDir = QDir::homePath().toStdString(); // a relative folder is the person's home's
    return c;
}

void LaunchDialog::checkVerdict()
{
    const std::string ref = m_image->currentText().trimmed().toStdString();
    if (ref.empty() || !m_hostKnown) {
        m_verdict->clear();
        return;
    }
    const int asked = ++m_verdictAsked;
    const bool wantsGpus = m_gpus->currentData().toString() != QLatin1String("none");
    m_verdict->setText(tr("Checking whether it runs here..."));
    runAsync(
        this, [engine = m_engine, ref, host = m_host] { return core::Compat::checkBeforePull(*engine, ref, host); },
        [this, asked, wantsGpus](core::Result<core::Verdict> v) {
            if (asked != m_verdictAsked) {
                return; // the image changed meanwhile
            }
            if (!v) {
                m_verdict->setText(errorText(v.error()));
                return;
            }
            QString text = verdictText(*v) + QStringLiteral(": ") + QString::fromStdString(v->message);
            // A GPU image launched on the CPU is said; a CPU image's check says no word of GPU tooling.
            if (v->kind != core::Verdict::Kind::RunsOnCpu && (wantsGpus || v->kind != core::Verdict::Kind::RunsOnGpu)) {
                for (const auto& r : v->remedies) {
                    text += QLatin1Char(' ') + remedyText(r);
                }
            }
            if (!wantsGpus && v->needs.kind == core::ImageNeeds::Kind::Gpu) {
                text += QLatin1Char(' ') + tr("Launched without GPUs, it runs on the CPU.");
            }
            m_verdict->setText(text);
        });
}

void LaunchDialog::showProblem(const core::Error& error)
{
    m_problem->setText(errorText(error));
    m_lastLines->setVisible(!error.logLines.empty());
    QStringList lines;
    for (const auto& l : error.logLines) {
        lines << QString::fromStdString(l);
    }
    m_lastLines->setPlainText(lines.join(QLatin1Char('\n')));
    // A wrong choice: its field gets the focus.
    const std::map<std::string, QWidget*> fields = {
        {"image", m_image},   {"name", m_name},   {"mount", m_mounts}, {"env", m_env},
        {"memory", m_memory}, {"cpus", m_cpus},   {"shm-size", m_shm}, {"gpus", m_gpus},
        {"port", m_port},     {"workspace", m_workspace}};
    if (auto it = fields.find(error.field); it != fields.end()) {
        it->second->setFocus();
    }
}

void LaunchDialog::setBusy(bool busy)
{
    for (QWidget* w : std::initializer_list<QWidget*>{m_image, m_name, m_workspace, m_noWorkspace, m_mounts, m_memory,
                                                      m_cpus, m_shm, m_gpus, m_gpuCards, m_env, m_port, m_launch}) {
        w->setEnabled(!busy);
    }
    m_workspace->setEnabled(!busy && !m_noWorkspace->isChecked());
    m_progress->setVisible(busy);
}

void LaunchDialog::launch()
{
    if (m_cancel) {
        return;
    }
    m_problem->clear();
    m_lastLines->hide();
    // The folders go to the spec builder as HOST:CONTAINER[:ro]: a ':' in a path would be read as a separator.
    for (int r = 0; r < m_mounts->rowCount(); ++r) {
        for (int c : {0, 1}) {
            const QString path = m_mounts->item(r, c) ? m_mounts->item(r, c)->text() : QString();
            if (path.contains(QLatin1Char(':')) || path.endsWith(QLatin1String(",create"))) {
                core::Error e = core::makeError(
                    core::ErrorKind::BadInput,
                    tr("The folder '%1' has a ':' or ends in ',create', which a mount cannot carry; rename it or "
                       "choose another.")
                        .arg(path)
                        .toStdString());
                e.field = "mount";
                showProblem(e);
                return;
            }
        }
    }
    auto spec = core::buildLaunchSpec(choices());
    if (!spec) {
        showProblem(spec.error());
        return;
    }
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    setBusy(true);
    m_progress->setRange(0, 0);
    m_phase->setText(tr("Starting the launch..."));
    runAsync(
        this,
        [this, engine = m_engine, spec = *spec, cancel, mailbox = m_mailbox] {
            core::Launcher launcher(engine);
            return launcher.launch(
                spec,
                [this, &mailbox](const core::LaunchProgress& p) {
                    const auto phase = p.phase;
                    const QString text = QString::fromStdString(p.message);
                    const double f = p.fraction;
                    mailbox->post([this, phase, text, f] {
                        m_phase->setText(phaseText(phase, text));
                        if (f >= 0 && f <= 1) {
                            m_progress->setRange(0, 1000);
                            m_progress->setValue(static_cast<int>(f * 1000));
                        } else {
                            m_progress->setRange(0, 0);
                        }
                    });
                },
                cancel.get());
        },
        [this](core::Result<core::EnvironmentInfo> env) {
            m_cancel.reset();
            setBusy(false);
            if (!env) {
                m_phase->setText(env.error().kind == core::ErrorKind::Cancelled ? tr("Cancelled.")
                                                                               : tr("Not launched."));
                showProblem(env.error());
                Q_EMIT failed();
                return;
            }
            m_launched = *env;
            m_phase->setText(tr("%1 is ready at %2").arg(QString::fromStdString(env->name),
                                                         QString::fromStdString(env->url)));
            Q_EMIT launchedEnvironment(QString::fromStdString(env->name));
            accept();
        });
}

} // namespace berth::ui
