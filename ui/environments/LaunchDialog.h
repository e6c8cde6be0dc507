// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// The launch form: an image (local ones first, any reference typed) with its GPU verdict before anything is
// pulled; a name; the notebook folder and extra folders; memory, CPUs and shared memory bounded by what the
// engine has; GPUs; environment variables; a fixed port. The choices go through core's one spec builder, as
// berthctl's flags do; a wrong one is pointed at. Launch shows each phase with cancel, and an error with what
// to do and the container's last lines.

#include "berth/core/engine/EngineClient.h"
#include "berth/core/gpu/GpuHost.h"
#include "berth/core/launch/Environment.h"
#include "berth/core/launch/LaunchSpec.h"
#include "berth/core/launch/Launcher.h"
#include "ui/async/Async.h"

#include <QDialog>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace berth::ui {

class LaunchDialog : public QDialog
{
    Q_OBJECT
public:
    /// `images`: references of the engine's images, offered first.
    LaunchDialog(std::shared_ptr<core::EngineClient> engine, const QStringList& images, QWidget* parent = nullptr);
    ~LaunchDialog() override;

    /// The form as choices, the way berthctl's flags are (for the spec builder).
    core::LaunchChoices choices() const;
    /// Starts the launch (what the Launch button does); `launched` or `failed` follows.
    void launch();
    /// The environment launched, once it is.
    const std::optional<core::EnvironmentInfo>& launched() const { return m_launched; }

    // The form's fields, for tests and screen readers.
    QComboBox* image() const { return m_image; }
    QLineEdit* name() const { return m_name; }
    QLineEdit* workspace() const { return m_workspace; }
    QCheckBox* noWorkspace() const { return m_noWorkspace; }
    QTableWidget* mounts() const { return m_mounts; }
    QDoubleSpinBox* memory() const { return m_memory; }
    QDoubleSpinBox* cpus() const { return m_cpus; }
    QSpinBox* shm() const { return m_shm; }
    QComboBox* gpus() const { return m_gpus; }
    QListWidget* gpuCards() const { return m_gpuCards; }
    QPlainTextEdit* env() const { return m_env; }
    QSpinBox* port() const { return m_port; }
    QLabel* verdict() const { return m_verdict; }
    QLabel* problem() const { return m_problem; }
    /// Adds an extra folder (host, container, read-only).
    void addMount(const QString& host, const QString& container, bool readOnly);

public Q_SLOTS:
    /// Cancel, Esc or close: stops a launch under way first, else closes.
    void reject() override;

Q_SIGNALS:
    void launchedEnvironment(const QString& name);
    void failed();

private:
    void checkVerdict();
    void showProblem(const core::Error& error);
    void setBusy(bool busy);
    static QString phaseText(core::LaunchProgress::Phase phase, const QString& detail);

    std::shared_ptr<core::EngineClient> m_engine;
    core::HostGpus m_host;
    bool m_hostKnown = false; ///< the GPU probe has answered
    std::shared_ptr<class Mailbox> m_mailbox = std::make_shared<Mailbox>(this);
    QComboBox* m_image;
    QLabel* m_verdict;
    QLineEdit* m_name;
    QLineEdit* m_workspace;
    QCheckBox* m_noWorkspace;
    QTableWidget* m_mounts;
    QDoubleSpinBox* m_memory;
    QDoubleSpinBox* m_cpus;
    QSpinBox* m_shm;
    QComboBox* m_gpus;
    QListWidget* m_gpuCards;
    QPlainTextEdit* m_env;
    QSpinBox* m_port;
    QLabel* m_phase;
    QProgressBar* m_progress;
    QLabel* m_problem;
    QPlainTextEdit* m_lastLines;
    QDialogButtonBox* m_buttons;
    QPushButton* m_launch;
    QTimer m_verdictTimer;
    int m_verdictAsked = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::optional<core::EnvironmentInfo> m_launched;
};

} // namespace berth::ui
