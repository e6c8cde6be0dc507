// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// A classroom profile opened (menu, drag and drop, `berth FILE`): first what each environment will do here
// (image and pin, GPU verdict, caps, folders, commands run inside, what it asks beyond a notebook's needs, what
// this machine lacks, every warning), then the launch with its progress. What a profile asks of the host is
// given only when the person ticks each item; nothing is launched from a profile that does not read.

#include "berth/core/engine/EngineClient.h"
#include "berth/core/profile/Profile.h"
#include "berth/core/profile/ProfileCheck.h"
#include "ui/async/Async.h"

#include <QDialog>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace berth::ui {

class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    ProfileDialog(std::shared_ptr<core::EngineClient> engine, const QString& path, QWidget* parent = nullptr);
    ~ProfileDialog() override;

    /// Launches the chosen environment (what the Launch button does).
    void launch();
    /// Chooses environment `row` (0: the first).
    void choose(int row);

    // For tests and screen readers.
    QLabel* heading() const { return m_heading; }
    QListWidget* environments() const { return m_environments; }
    QTreeWidget* summary() const { return m_summary; }
    QListWidget* consents() const { return m_consents; }
    QLabel* problem() const { return m_problem; }
    QPlainTextEdit* output() const { return m_output; }
    QPushButton* launchButton() const { return m_launch; }
    /// True once the profile is read and each environment checked against this machine.
    bool ready() const { return m_checked; }

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    /// The profile has been read and checked (or could not be read: problem() says why).
    void loaded();
    /// Launched and ready: open its notebook at `openPage` (a path in its tree, or empty).
    void launchedEnvironment(const QString& name, const QString& openPage);
    void failed();

private:
    void showSummary();
    void updateLaunchable();
    void setBusy(bool busy);

    std::shared_ptr<core::EngineClient> m_engine;
    QString m_path;
    std::optional<core::Profile> m_profile;
    std::vector<core::EnvironmentCheck> m_checks;
    bool m_checked = false;
    std::shared_ptr<Mailbox> m_mailbox = std::make_shared<Mailbox>(this);
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QLabel* m_heading;
    QListWidget* m_environments;
    QTreeWidget* m_summary;
    QLabel* m_consentsLabel;
    QListWidget* m_consents;
    QLabel* m_phase;
    QProgressBar* m_progress;
    QPlainTextEdit* m_output;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
    QPushButton* m_launch;
};

} // namespace berth::ui
