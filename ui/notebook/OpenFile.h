// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/engine/EngineClient.h"

#include <QString>

#include <memory>

namespace berth::ui {

class MainWindow;

/// `berth FILE.ipynb`: when an environment's notebook folder holds the file, opens it in that environment's
/// tab (starting the environment when it is stopped); otherwise offers to launch one with the file's folder as
/// its notebook folder. The engine is asked off the GUI thread.
void openNotebookFile(MainWindow* window, std::shared_ptr<core::EngineClient> engine, const QString& file);

} // namespace berth::ui
