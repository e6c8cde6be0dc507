// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Commands run inside a container through the engine's exec, never on this machine: a profile's lifecycle
// commands, with their output in the launch's progress.

#include "berth/core/base/Result.h"
#include "berth/core/launch/LaunchSpec.h"
#include "berth/core/launch/Readiness.h"

#include <atomic>
#include <string>
#include <vector>

namespace berth::core {

class EngineClient;

/// Runs each command in order in the running container `id` (`name` for messages): "Running KEY in NAME", then
/// each line of its output, as Running progress. The first that fails ends it: an error with its exit code and
/// last lines (the container is left running, for a look).
Result<void> runContainerCommands(EngineClient& engine, const std::string& id, const std::string& name,
                                  const std::vector<ContainerCommand>& commands,
                                  const LaunchProgressHandler& onProgress = {},
                                  const std::atomic<bool>* cancel = nullptr);

/// The start commands a container's label keeps (labels::kStartCommands); nothing when the label is missing or
/// is not what Berth writes.
std::vector<ContainerCommand> startCommandsFromLabel(const std::string& label);

} // namespace berth::core
