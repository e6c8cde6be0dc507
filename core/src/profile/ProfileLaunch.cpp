// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/profile/ProfileLaunch.h"

#include "base/Text.h"
#include "berth/core/base/Escape.h"
#include "berth/core/profile/Pinning.h"

namespace berth::core {

namespace {
/// A lifecycle command may install packages: long, but not without end.
constexpr std::chrono::minutes kCommandDeadline{20};
constexpr std::size_t kLinesKept = 20;
} // namespace

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
    auto progress = [&](LaunchProgress::Phase phase, const std::string& message) {
        if (onProgress) {
            onProgress(LaunchProgress{phase, message, -1});
        }
    };
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
    for (const auto& command : environment.commands) {
        if (cancel && cancel->load()) {
            return makeError(ErrorKind::Cancelled, "Cancelled while running " + command.key + ".");
        }
        progress(LaunchProgress::Phase::Running, "Running " + command.key + " in " + env->name);
        auto ran = engine->exec(env->id.empty() ? env->name : env->id, command.argv, kCommandDeadline, cancel);
        if (!ran) {
            Error e = ran.error();
            e.message = command.key + " could not run in " + env->name + ": " + e.message;
            return e;
        }
        std::vector<std::string> lines;
        for (const std::string* stream : {&ran->out, &ran->err}) {
            for (auto& line : text::split(*stream, '\n')) {
                if (!line.empty()) {
                    lines.push_back(printable(line, false));
                }
            }
        }
        for (const auto& line : lines) {
            progress(LaunchProgress::Phase::Running, line);
        }
        if (ran->exitCode != 0) {
            Error e = makeError(ErrorKind::Engine, command.key + " failed in " + env->name + " (exit code " +
                                                       std::to_string(ran->exitCode) +
                                                       "). The environment is running: look inside with berthctl "
                                                       "exec, or remove it and tell the profile's author.");
            const std::size_t from = lines.size() > kLinesKept ? lines.size() - kLinesKept : 0;
            e.logLines.assign(lines.begin() + static_cast<std::ptrdiff_t>(from), lines.end());
            return e;
        }
    }
    if (!options.wait) {
        return env;
    }
    Launcher waiter(engine, options);
    return waiter.waitReady(env->name, onProgress, cancel);
}

} // namespace berth::core
