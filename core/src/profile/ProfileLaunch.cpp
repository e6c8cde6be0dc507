// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/profile/ProfileLaunch.h"

#include "berth/core/launch/ContainerCommands.h"
#include "berth/core/profile/Pinning.h"

namespace berth::core {


std::string gpuChoiceFor(const ProfileEnvironment& environment, bool gpusUsableHere)
{
    if (!environment.choices.gpus.empty()) {
        return environment.choices.gpus;
    }
    switch (environment.gpu) {
    case GpuNeed::Required:
        return "all";
    case GpuNeed::Optional:
        return gpusUsableHere ? "all" : "";
    case GpuNeed::None:
        break;
    }
    return {};
}

Result<EnvironmentInfo> launchProfileEnvironment(std::shared_ptr<EngineClient> engine, const LaunchOptions& options,
                                                 const ProfileEnvironment& environment, LaunchSpec spec,
                                                 const LaunchProgressHandler& onProgress,
                                                 const std::atomic<bool>* cancel)
{
    auto image = resolvePinnedImage(*engine, spec.image);
    if (!image) {
        return image.error();
    }
    spec.image = *image;
    LaunchOptions first = options;
    first.wait = false;
    Launcher launcher(engine, first);
    auto env = launcher.launch(spec, onProgress, cancel);
    if (!env) {
        return env;
    }
    // The create commands once, then the start commands (which the label keeps for every later start).
    std::vector<ContainerCommand> commands;
    for (const auto& c : environment.commands) {
        if (c.when == LifecycleCommand::When::Create) {
            commands.push_back({c.key, c.argv});
        }
    }
    commands.insert(commands.end(), spec.startCommands.begin(), spec.startCommands.end());
    if (auto ran = runContainerCommands(*engine, env->id.empty() ? env->name : env->id, env->name, commands,
                                        onProgress, cancel);
        !ran) {
        return ran.error();
    }
    if (!options.wait) {
        return env;
    }
    Launcher waiter(engine, options);
    return waiter.waitReady(env->name, onProgress, cancel);
}

} // namespace berth::core
