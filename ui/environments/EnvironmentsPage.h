// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/engine/EngineClient.h"
#include "ui/ListPage.h"

#include <memory>

namespace berth::ui {

class EnvironmentModel;
class ImageModel;
class LaunchDialog;

/// Berth's environments: open the notebook, start, stop, remove (behind the user-files guard), log, record.
class EnvironmentsPage : public ListPage
{
    Q_OBJECT
public:
    EnvironmentsPage(std::shared_ptr<core::EngineClient> engine, EnvironmentModel* model, ImageModel* images,
                     QWidget* parent = nullptr);

    /// Opens the launch form (what Launch... does); it is returned for tests.
    LaunchDialog* openLaunchForm();

private:
    void open();
    void start();
    void copyRecord();

    std::shared_ptr<core::EngineClient> m_engine;
    EnvironmentModel* m_model;
    ImageModel* m_images;
};

} // namespace berth::ui
