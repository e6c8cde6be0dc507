// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// A profile's environment launched: the same Launcher as every launch, with what a profile adds around it (the
// pin checked first, its lifecycle commands run in the container through the engine's exec afterwards).

#include "berth/core/launch/Launcher.h"
#include "berth/core/profile/Profile.h"

#include <atomic>
#include <memory>

namespace berth::core {

/// GPUs for a profile that asks for them as "optional": all when the verdict for the image says it runs on
/// the GPU here, none otherwise; a profile's own choice of GPUs (caps.gpus, runArgs --gpus) is kept.
std::string gpuChoiceFor(const ProfileEnvironment& environment, bool gpusUsableHere);

/// resolvePinnedImage, Launcher::launch (without waiting), the Create and Start lifecycle commands in order
/// (each one's output as Running progress; one that fails ends the launch with its exit code and last lines,
/// the environment left running for a look), then (when `options.wait`) Jupyter waited for.
Result<EnvironmentInfo> launchProfileEnvironment(std::shared_ptr<EngineClient> engine, const LaunchOptions& options,
                                                 const ProfileEnvironment& environment, LaunchSpec spec,
                                                 const LaunchProgressHandler& onProgress = {},
                                                 const std::atomic<bool>* cancel = nullptr);

} // namespace berth::core
