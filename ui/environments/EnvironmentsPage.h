// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/engine/EngineClient.h"
#include "ui/ListPage.h"

#include <atomic>
#include <memory>

namespace berth::ui {

class EnvironmentModel;
class ImageModel;
class LaunchDialog;
class UsageChart;
class UsageSampler;

/// Berth's environments: open the notebook, start, stop, remove (behind the user-files guard), log, record.
class EnvironmentsPage : public ListPage
{
    Q_OBJECT
public:
    EnvironmentsPage(std::shared_ptr<core::EngineClient> engine, EnvironmentModel* model, ImageModel* images,
                     QWidget* parent = nullptr);
    ~EnvironmentsPage() override;

    /// Opens the launch form (what Launch... does); it is returned for tests.
    LaunchDialog* openLaunchForm();
    UsageChart* chart() const { return m_chart; }
    UsageSampler* sampler() const { return m_sampler; }
    /// Asks where, then writes the selected environment as a new profile, pinned (never over an existing file).
    void saveAsProfile();
    /// Writes it to `path` (what the dialog's choice does).
    void saveAsProfileTo(const QString& path);

Q_SIGNALS:
    /// Open Notebook: the environment's tab in the notebook pane (the window shows it).
    void openNotebook(const QString& id);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void openInBrowser();
    void start();
    void copyRecord();

    std::shared_ptr<core::EngineClient> m_engine;
    EnvironmentModel* m_model;
    ImageModel* m_images;
    UsageSampler* m_sampler;
    UsageChart* m_chart = nullptr; ///< made when a running environment is first selected
    bool m_shown = false;          ///< shown and not minimised: live usage is sampled
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    QStringList m_handoffs; ///< browser pages with a token, removed soon and when the page goes
    void followRunning();
};

} // namespace berth::ui
