// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/engine/EngineClient.h"
#include "ui/ListPage.h"

#include <atomic>
#include <memory>

class QProgressBar;
class QPushButton;

namespace berth::ui {

class ImageModel;

/// The engine's images with their GPU verdict; pull by name (progress, cancel), remove (confirmed).
class ImagesPage : public ListPage
{
    Q_OBJECT
public:
    ImagesPage(std::shared_ptr<core::EngineClient> engine, ImageModel* model, QWidget* parent = nullptr);
    ~ImagesPage() override;

    /// Pulls `reference` with progress on the page (tests call it; the Pull action asks for the name).
    void pull(const QString& reference);
    QProgressBar* progress() const { return m_progress; }

private:
    void remove();

    std::shared_ptr<core::EngineClient> m_engine;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    std::shared_ptr<std::atomic<bool>> m_cancelPull;
    std::shared_ptr<class Mailbox> m_mailbox; ///< the pull's progress, from its worker
};

} // namespace berth::ui
