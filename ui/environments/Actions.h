// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Actions on a container that every list offers, each run off the GUI thread with core's rules: stop with the
// right grace, remove behind the user-files guard (shown as a dialog), the log.

#include "berth/core/engine/EngineClient.h"

#include <QString>

#include <memory>

namespace berth::ui {

class ListPage;

/// Stops the container (30 s for an environment, 10 s otherwise), saying so on `page`.
void stopContainer(ListPage* page, std::shared_ptr<core::EngineClient> engine, const QString& id, const QString& name);
/// Removes it unless user files would be lost; then the remove dialog lists them and offers to copy them out.
void removeContainer(ListPage* page, std::shared_ptr<core::EngineClient> engine, const QString& id,
                     const QString& name);
/// Opens its log, followed.
void showLog(ListPage* page, std::shared_ptr<core::EngineClient> engine, const QString& id, const QString& name);

} // namespace berth::ui
