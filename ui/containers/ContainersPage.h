// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/engine/EngineClient.h"
#include "ui/ListPage.h"

#include <memory>

namespace berth::ui {

class ContainerModel;

/// Every container on the engine: log, stop, remove (behind the same user-files guard as environments).
class ContainersPage : public ListPage
{
    Q_OBJECT
public:
    ContainersPage(std::shared_ptr<core::EngineClient> engine, ContainerModel* model, QWidget* parent = nullptr);

private:
    std::shared_ptr<core::EngineClient> m_engine;
};

} // namespace berth::ui
