// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/profile/ProfileCheck.h"

#include "berth/core/base/Units.h"
#include "berth/core/engine/EngineClient.h"
#include "berth/core/profile/Pinning.h"
#include "berth/core/profile/ProfileLaunch.h"

namespace berth::core {

using nlohmann::json;

const char* toString(EnvironmentCheck::ImageState state)
{
    switch (state) {
    case EnvironmentCheck::ImageState::Present:
        return "present";
    case EnvironmentCheck::ImageState::Missing:
        return "missing";
    case EnvironmentCheck::ImageState::PinMismatch:
        return "pin-mismatch";
    case EnvironmentCheck::ImageState::Unknown:
        break;
    }
    return "unknown";
}

json EnvironmentCheck::toJson() const
{
    json j = {{"id", id},           {"image", toString(image)}, {"imageMessage", imageMessage},
              {"usesGpus", usesGpus}, {"shortfalls", shortfalls}, {"notes", notes}};
    j["verdict"] = verdict ? verdict->toJson() : json(nullptr);
    return j;
}

json toJson(const ProfileEnvironment& e)
{
    json consents = json::array();
    for (const auto& c : e.consents) {
        consents.push_back({{"allow", c.allowName()}, {"consequence", c.consequence()}});
    }
    json commands = json::array();
    for (const auto& c : e.commands) {
        commands.push_back({{"key", c.key},
                            {"when", c.when == LifecycleCommand::When::Create ? "create" : "start"},
                            {"argv", c.argv}});
    }
    const char* gpu = e.gpu == GpuNeed::Required ? "required" : e.gpu == GpuNeed::Optional ? "optional" : "none";
    json j = {{"id", e.id},
              {"description", e.description},
              {"file", e.file},
              {"image", e.choices.image},
              {"gpu", gpu},
              {"gpus", e.choices.gpus},
              {"memory", e.choices.memory},
              {"cpus", e.choices.cpus},
              {"shmSize", e.choices.shmSize},
              {"mounts", e.choices.mounts},
              {"env", e.choices.env},
              {"notebookFolder", e.choices.workspace},
              {"openPage", e.openPage},
              {"locked", std::vector<std::string>(e.locked.begin(), e.locked.end())},
              {"consents", consents},
              {"commands", commands},
              {"warnings", e.warnings}};
    json req = json::object();
    if (e.minCpus) {
        req["cpus"] = *e.minCpus;
    }
    if (e.minMemory) {
        req["memory"] = *e.minMemory;
    }
    if (e.minGpuCores) {
        req["gpuCores"] = *e.minGpuCores;
    }
    if (e.minGpuMemory) {
        req["gpuMemory"] = *e.minGpuMemory;
    }
    j["hostRequirements"] = req;
    return j;
}

std::vector<EnvironmentCheck> checkProfile(EngineClient& engine, const Profile& profile, const HostGpus& host)
{
    std::vector<EnvironmentCheck> out;
    auto info = engine.info();
    for (const auto& e : profile.environments) {
        EnvironmentCheck c;
        c.id = e.id;
        auto resolved = resolvePinnedImage(engine, e.choices.image);
        if (!resolved) {
            c.image = resolved.error().kind == ErrorKind::Conflict ? EnvironmentCheck::ImageState::PinMismatch
                                                                   : EnvironmentCheck::ImageState::Unknown;
            c.imageMessage = resolved.error().message;
        } else {
            auto local = engine.inspectImage(*resolved);
            c.image = local ? EnvironmentCheck::ImageState::Present
                            : local.error().kind == ErrorKind::NotFound ? EnvironmentCheck::ImageState::Missing
                                                                        : EnvironmentCheck::ImageState::Unknown;
            if (!local && local.error().kind != ErrorKind::NotFound) {
                c.imageMessage = local.error().message;
            }
        }
        auto verdict = Compat::checkBeforePull(engine, resolved ? *resolved : e.choices.image, host);
        if (verdict) {
            c.verdict = *verdict;
        } else {
            c.notes.push_back("The GPU verdict is unknown: " + verdict.error().message);
        }
        const bool gpuHere = c.verdict && c.verdict->kind == Verdict::Kind::RunsOnGpu;
        c.usesGpus = !gpuChoiceFor(e, gpuHere).empty() && gpuChoiceFor(e, gpuHere) != "none";
        if (e.gpu == GpuNeed::Required && !gpuHere) {
            c.shortfalls.push_back("It needs an NVIDIA GPU: " +
                                   (c.verdict ? c.verdict->message : std::string("Berth cannot tell whether this "
                                                                                 "machine can run it on one.")));
        }
        if (e.minGpuMemory && e.gpu != GpuNeed::None) {
            std::int64_t most = 0;
            for (const auto& g : host.gpus) {
                most = std::max<std::int64_t>(most, static_cast<std::int64_t>(g.memoryTotal));
            }
            if (!host.gpus.empty() && most < *e.minGpuMemory) {
                c.shortfalls.push_back("It needs a GPU with " + formatBytes(static_cast<std::uint64_t>(*e.minGpuMemory)) + " of memory; the "
                                       "largest here has " + formatBytes(static_cast<std::uint64_t>(most)) + ".");
            }
        }
        if (e.minGpuCores) {
            c.notes.push_back("hostRequirements.gpu.cores is not checked: the driver does not say how many cores a "
                              "GPU has.");
        }
        if (!info) {
            c.notes.push_back("CPUs and memory are not checked: " + info.error().message);
        } else {
            if (e.minCpus && info->ncpu > 0 && info->ncpu < *e.minCpus) {
                c.shortfalls.push_back("It asks for " + std::to_string(*e.minCpus) + " CPUs; the engine has " +
                                       std::to_string(info->ncpu) + ".");
            }
            if (e.minMemory && info->memTotal > 0 && info->memTotal < *e.minMemory) {
                c.shortfalls.push_back("It asks for " + formatBytes(static_cast<std::uint64_t>(*e.minMemory)) + " of memory; the engine has " +
                                       formatBytes(static_cast<std::uint64_t>(info->memTotal)) + ".");
            }
        }
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace berth::core
