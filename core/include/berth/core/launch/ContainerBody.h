// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/launch/LaunchSpec.h"
#include "berth/core/launch/NotebookLayout.h"

#include <nlohmann/json.hpp>

#include <string>

namespace berth::core {

/// The container create body: Jupyter's port on 127.0.0.1 only (engine-chosen host port unless the spec names
/// one), the token in the environment, caps (1 GiB /dev/shm unless told, or half a smaller memory cap), mounts,
/// init, no restart, berth.* labels (Environment.h). Pure, for tests and previews.
nlohmann::json containerCreateBody(const LaunchSpec& spec, const NotebookLayout& layout, const std::string& name,
                                   const std::string& token, const std::string& workspace);

} // namespace berth::core
