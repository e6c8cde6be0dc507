// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/engine/EngineClient.h"
#include "berth/core/launch/DiskSpace.h"
#include "ui/ListPage.h"

#include <atomic>
#include <memory>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace berth::core {
class PullProgress;
}

namespace berth::ui {

class ImageModel;

/// The engine's images with their GPU verdict; pull by name (room left, each layer's progress, cancel), remove
/// (confirmed).
class ImagesPage : public ListPage
{
    Q_OBJECT
public:
    ImagesPage(std::shared_ptr<core::EngineClient> engine, ImageModel* model, QWidget* parent = nullptr);
    ~ImagesPage() override;

    /// Pulls `reference` with progress on the page (tests call it; the Pull action asks for the name).
    void pull(const QString& reference);
    QProgressBar* progress() const { return m_progress; }
    /// Room for images where the engine keeps them (shown from the start of a pull), or the warning that the
    /// pull may not fit.
    QLabel* diskSpace() const { return m_space; }
    /// One line a layer while a pull is under way.
    QListWidget* layers() const { return m_layers; }

private:
    void remove();
    void showSpace(const core::DiskSpace& space, std::int64_t downloadBytes);
    void showPullProgress(const core::PullProgress& progress);

    std::shared_ptr<core::EngineClient> m_engine;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QListWidget* m_layers;
    QLabel* m_space;
    std::shared_ptr<std::atomic<bool>> m_cancelPull;
    std::shared_ptr<class Mailbox> m_mailbox; ///< the pull's progress, from its worker
};

} // namespace berth::ui
