// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/profile/ProfileDialog.h"

#include "berth/core/gpu/GpuHost.h"
#include "berth/core/profile/ProfileLaunch.h"
#include "ui/RemedyText.h"
#include "ui/Tone.h"
#include "ui/models/ImageModel.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace berth::ui {

namespace {
QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

struct Loaded
{
    core::Result<core::Profile> profile = core::makeError(core::ErrorKind::Io, "not read");
    std::vector<core::EnvironmentCheck> checks;
};
} // namespace

ProfileDialog::ProfileDialog(std::shared_ptr<core::EngineClient> engine, const QString& path, QWidget* parent)
    : QDialog(parent), m_engine(std::move(engine)), m_path(path)
{
    setWindowTitle(tr("Profile %1").arg(QFileInfo(path).fileName()));
    setAccessibleName(windowTitle());
    resize(760, 620);
    auto* layout = new QVBoxLayout(this);
    m_heading = new QLabel(tr("Reading %1 and checking it against this machine...").arg(path), this);
    m_heading->setWordWrap(true);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_heading->setAccessibleName(tr("Profile"));
    layout->addWidget(m_heading);

    auto* split = new QSplitter(Qt::Horizontal, this);
    m_environments = new QListWidget(split);
    m_environments->setAccessibleName(tr("Environments of the profile"));
    m_summary = new QTreeWidget(split);
    m_summary->setColumnCount(2);
    m_summary->setHeaderLabels({tr("Setting"), tr("What it does here")});
    m_summary->setRootIsDecorated(false);
    m_summary->setWordWrap(true);
    m_summary->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_summary->setAccessibleName(tr("What the environment will do"));
    split->setStretchFactor(1, 3);
    split->setSizes({200, 560});
    layout->addWidget(split, 1);

    m_consentsLabel = new QLabel(tr("It asks for more of your computer than a notebook needs. Tick each only if you "
                                    "trust the profile's author:"),
                                 this);
    m_consentsLabel->setWordWrap(true);
    layout->addWidget(m_consentsLabel);
    m_consents = new QListWidget(this);
    m_consents->setAccessibleName(tr("What the profile asks you to allow"));
    m_consents->setMaximumHeight(110);
    layout->addWidget(m_consents);
    m_consentsLabel->setBuddy(m_consents);

    m_phase = new QLabel(this);
    m_phase->setAccessibleName(tr("Launch phase"));
    layout->addWidget(m_phase);
    m_progress = new QProgressBar(this);
    m_progress->setAccessibleName(tr("Launch progress"));
    m_progress->hide();
    layout->addWidget(m_progress);
    m_output = new QPlainTextEdit(this);
    m_output->setReadOnly(true);
    m_output->setAccessibleName(tr("Output of the commands run inside"));
    m_output->setMaximumHeight(120);
    m_output->hide();
    layout->addWidget(m_output);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setAccessibleName(tr("Problem"));
    setTone(m_problem, Tone::Problem);
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_launch = m_buttons->addButton(tr("&Launch"), QDialogButtonBox::AcceptRole);
    m_launch->setDefault(true);
    m_launch->setEnabled(false);
    layout->addWidget(m_buttons);
    connect(m_launch, &QPushButton::clicked, this, &ProfileDialog::launch);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
    connect(m_environments, &QListWidget::currentRowChanged, this, [this](int) { showSummary(); });
    connect(m_consents, &QListWidget::itemChanged, this, [this] { updateLaunchable(); });
    m_consentsLabel->hide();
    m_consents->hide();

    runAsync(
        this,
        [engine = m_engine, file = path.toStdString()] {
            Loaded out;
            out.profile = core::loadProfile(file);
            if (out.profile && engine) {
                out.checks = core::checkProfile(*engine, *out.profile, core::GpuHost::probeEngineHost(*engine));
            }
            return out;
        },
        [this](Loaded result) {
            if (!result.profile) {
                m_heading->setText(tr("%1 cannot be used; nothing of it was applied.").arg(m_path));
                m_problem->setText(q(result.profile.error().message));
                Q_EMIT loaded();
                return;
            }
            m_profile = std::move(*result.profile);
            m_checks = std::move(result.checks);
            m_checked = true;
            QString head = q(m_profile->title.empty() ? m_profile->path : m_profile->title);
            if (!m_profile->author.empty()) {
                head = tr("%1, by %2").arg(head, q(m_profile->author));
            }
            m_heading->setText(head);
            for (const auto& e : m_profile->environments) {
                auto* item = new QListWidgetItem(e.description.empty() ? q(e.id) : q(e.id + ": " + e.description),
                                                 m_environments);
                item->setToolTip(item->text());
            }
            m_environments->setCurrentRow(0);
            m_environments->setFocus();
            Q_EMIT loaded();
        });
}

ProfileDialog::~ProfileDialog()
{
    m_mailbox->close();
    if (m_cancel) {
        m_cancel->store(true);
    }
}

void ProfileDialog::choose(int row)
{
    m_environments->setCurrentRow(row);
}

void ProfileDialog::showSummary()
{
    m_summary->clear();
    m_consents->clear();
    m_problem->clear();
    const int row = m_environments->currentRow();
    if (!m_profile || row < 0 || row >= static_cast<int>(m_profile->environments.size())) {
        updateLaunchable();
        return;
    }
    const auto& e = m_profile->environments[static_cast<std::size_t>(row)];
    const core::EnvironmentCheck* c = row < static_cast<int>(m_checks.size()) ? &m_checks[static_cast<std::size_t>(row)]
                                                                              : nullptr;
    auto add = [this](const QString& what, const QString& text, Tone tone = Tone::Plain) {
        auto* item = new QTreeWidgetItem(m_summary, {what, text});
        item->setToolTip(1, text);
        if (tone != Tone::Plain) {
            item->setForeground(1, toneColor(tone, palette()));
        }
    };
    QString image = q(e.choices.image);
    if (e.choices.image.find('@') == std::string::npos) {
        image += QLatin1Char(' ') + tr("(not pinned: it may change under its name)");
    }
    add(tr("Image"), image);
    if (c) {
        switch (c->image) {
        case core::EnvironmentCheck::ImageState::Present:
            add(tr("On this engine"), tr("Yes"), Tone::Good);
            break;
        case core::EnvironmentCheck::ImageState::Missing:
            add(tr("On this engine"), tr("No: the launch pulls it"));
            break;
        case core::EnvironmentCheck::ImageState::PinMismatch:
            add(tr("On this engine"), q(c->imageMessage), Tone::Problem);
            break;
        case core::EnvironmentCheck::ImageState::Unknown:
            add(tr("On this engine"), tr("Unknown: %1").arg(q(c->imageMessage)), Tone::Warning);
            break;
        }
        if (c->verdict) {
            const bool bad = c->verdict->kind == core::Verdict::Kind::CannotRun;
            add(tr("GPU verdict"), verdictText(*c->verdict) + QStringLiteral(": ") + q(c->verdict->message),
                bad && e.gpu == core::GpuNeed::Required ? Tone::Problem : Tone::Plain);
        }
    }
    const QString gpu = e.gpu == core::GpuNeed::Required   ? tr("Required")
                        : e.gpu == core::GpuNeed::Optional ? tr("Used when this machine can")
                                                           : tr("Not asked");
    add(tr("GPU"), gpu + (c && c->usesGpus ? QLatin1Char(' ') + tr("(launched with GPUs)") : QString()));
    QStringList caps;
    if (!e.choices.memory.empty()) {
        caps << tr("memory %1").arg(q(e.choices.memory));
    }
    if (!e.choices.cpus.empty()) {
        caps << tr("%1 CPUs").arg(q(e.choices.cpus));
    }
    if (!e.choices.shmSize.empty()) {
        caps << tr("shared memory %1").arg(q(e.choices.shmSize));
    }
    add(tr("Caps"), caps.isEmpty() ? tr("None") : caps.join(QStringLiteral(", ")));
    add(tr("Notebooks"), e.choices.workspace.empty() ? tr("Berth's folder for it, in Documents/Berth")
                                                     : q(e.choices.workspace));
    for (const auto& m : e.choices.mounts) {
        add(tr("Folder"), q(m));
    }
    for (const auto& v : e.choices.env) {
        add(tr("Variable"), q(v));
    }
    for (const auto& cmd : e.commands) {
        QStringList argv;
        for (const auto& a : cmd.argv) {
            argv << q(a);
        }
        add(tr("Runs inside"), q(cmd.key) + QStringLiteral(": ") + argv.join(QLatin1Char(' ')));
    }
    if (!e.openPage.empty()) {
        add(tr("Opens first"), q(e.openPage));
    }
    if (!e.locked.empty()) {
        QStringList locked;
        for (const auto& l : e.locked) {
            locked << q(l);
        }
        add(tr("Locked"), locked.join(QStringLiteral(", ")));
    }
    if (c) {
        for (const auto& s : c->shortfalls) {
            add(tr("Not met here"), q(s), Tone::Warning);
        }
        for (const auto& n : c->notes) {
            add(tr("Note"), q(n));
        }
    }
    for (const auto& w : e.warnings) {
        add(tr("Warning"), q(w), Tone::Warning);
    }
    for (const auto& consent : e.consents) {
        auto* item = new QListWidgetItem(tr("Allow %1: it %2").arg(q(consent.allowName()), q(consent.consequence())),
                                         m_consents);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Unchecked);
        item->setData(Qt::UserRole, q(consent.allowName()));
    }
    m_consentsLabel->setVisible(!e.consents.empty());
    m_consents->setVisible(!e.consents.empty());
    updateLaunchable();
}

void ProfileDialog::updateLaunchable()
{
    bool ok = m_profile && m_environments->currentRow() >= 0 && !m_cancel;
    for (int i = 0; ok && i < m_consents->count(); ++i) {
        ok = m_consents->item(i)->checkState() == Qt::Checked; // each, or nothing
    }
    const int row = m_environments->currentRow();
    if (ok && row < static_cast<int>(m_checks.size()) &&
        m_checks[static_cast<std::size_t>(row)].image == core::EnvironmentCheck::ImageState::PinMismatch) {
        ok = false;
    }
    m_launch->setEnabled(ok);
}

void ProfileDialog::setBusy(bool busy)
{
    m_environments->setEnabled(!busy);
    m_consents->setEnabled(!busy);
    m_progress->setVisible(busy);
    updateLaunchable();
}

void ProfileDialog::reject()
{
    if (m_cancel) {
        m_cancel->store(true);
        m_phase->setText(tr("Cancelling..."));
        return;
    }
    QDialog::reject();
}

void ProfileDialog::launch()
{
    const int row = m_environments->currentRow();
    if (m_cancel || !m_profile || row < 0 || row >= static_cast<int>(m_profile->environments.size())) {
        return;
    }
    core::ProfileEnvironment environment = m_profile->environments[static_cast<std::size_t>(row)];
    if (environment.gpu != core::GpuNeed::None && row < static_cast<int>(m_checks.size())) {
        const auto& check = m_checks[static_cast<std::size_t>(row)];
        environment.choices.gpus = core::gpuChoiceFor(
            environment, check.verdict && check.verdict->kind == core::Verdict::Kind::RunsOnGpu);
    }
    std::vector<std::string> allowed;
    for (int i = 0; i < m_consents->count(); ++i) {
        if (m_consents->item(i)->checkState() == Qt::Checked) {
            allowed.push_back(m_consents->item(i)->data(Qt::UserRole).toString().toStdString());
        }
    }
    m_problem->clear();
    auto spec = core::profileLaunchSpec(environment, {}, allowed);
    if (!spec) {
        m_problem->setText(errorText(spec.error()));
        return;
    }
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    setBusy(true);
    m_progress->setRange(0, 0);
    m_output->clear();
    m_phase->setText(tr("Starting the launch..."));
    const QString openPage = q(environment.openPage);
    runAsync(
        this,
        [this, engine = m_engine, environment, spec = *spec, cancel, mailbox = m_mailbox] {
            return core::launchProfileEnvironment(
                engine, core::LaunchOptions{}, environment, spec,
                [this, &mailbox](const core::LaunchProgress& p) {
                    const auto phase = p.phase;
                    const QString text = q(p.message);
                    const double f = p.fraction;
                    mailbox->post([this, phase, text, f] {
                        if (phase == core::LaunchProgress::Phase::Running) {
                            m_output->show();
                            m_output->appendPlainText(text);
                            return;
                        }
                        m_phase->setText(text);
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
        [this, openPage](core::Result<core::EnvironmentInfo> env) {
            m_cancel.reset();
            setBusy(false);
            if (!env) {
                m_phase->setText(env.error().kind == core::ErrorKind::Cancelled ? tr("Cancelled.") : tr("Not launched."));
                QString text = errorText(env.error());
                for (const auto& l : env.error().logLines) {
                    text += QLatin1Char('\n') + q(l);
                }
                m_problem->setText(text);
                Q_EMIT failed();
                return;
            }
            m_phase->setText(tr("%1 is ready.").arg(q(env->name)));
            Q_EMIT launchedEnvironment(q(env->name), openPage);
            accept();
        });
}

} // namespace berth::ui
