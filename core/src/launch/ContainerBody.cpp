// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/launch/ContainerBody.h"

#include "berth/core/launch/Environment.h"

#include <algorithm>

namespace berth::core {

using nlohmann::json;

namespace {
constexpr std::int64_t kGiB = 1024LL * 1024 * 1024;

std::string gpuText(const GpuRequest& g)
{
    switch (g.mode) {
    case GpuRequest::Mode::None:
        return {};
    case GpuRequest::Mode::All:
        return "all";
    case GpuRequest::Mode::Count:
        return std::to_string(g.count);
    case GpuRequest::Mode::Devices:
        break;
    }
    std::string out = "device=";
    for (std::size_t i = 0; i < g.deviceIds.size(); ++i) {
        out += (i ? "," : "") + g.deviceIds[i];
    }
    return out;
}
constexpr const char* kLoopback = "127.0.0.1";
} // namespace

json containerCreateBody(const LaunchSpec& spec, const NotebookLayout& layout, const std::string& name,
                         const std::string& token, const std::string& workspace)
{
    json envList = json::array();
    envList.push_back("JUPYTER_TOKEN=" + token);
    for (const auto& [k, v] : spec.env) {
        envList.push_back(k + "=" + v);
    }
    json mounts = json::array();
    if (!workspace.empty()) {
        mounts.push_back({{"Type", "bind"}, {"Source", workspace}, {"Target", layout.workspaceTarget}, {"ReadOnly", false}});
    }
    for (const auto& m : spec.mounts) {
        mounts.push_back({{"Type", "bind"}, {"Source", m.source}, {"Target", m.target}, {"ReadOnly", m.readOnly}});
    }
    json host = {
        {"PortBindings", {{layout.port, json::array({{{"HostIp", kLoopback},
                                                       {"HostPort", spec.hostPort ? std::to_string(spec.hostPort) : ""}}})}}},
        {"Mounts", mounts},
        {"Init", true},
        {"Privileged", false},
        {"RestartPolicy", {{"Name", "no"}}},
    };
    const HostAccess& access = spec.hostAccess;
    if (access.privileged) {
        host["Privileged"] = true;
    }
    if (!access.capAdd.empty()) {
        host["CapAdd"] = access.capAdd;
    }
    if (!access.securityOpt.empty()) {
        host["SecurityOpt"] = access.securityOpt;
    }
    if (!access.devices.empty()) {
        json devices = json::array();
        for (const auto& d : access.devices) {
            devices.push_back({{"PathOnHost", d}, {"PathInContainer", d}, {"CgroupPermissions", "rwm"}});
        }
        host["Devices"] = devices;
    }
    if (access.hostNetwork) {
        host["NetworkMode"] = "host"; // the published port means nothing there: Jupyter listens on the host
    }
    if (access.hostPid) {
        host["PidMode"] = "host";
    }
    if (access.hostIpc) {
        host["IpcMode"] = "host";
    }
    // Docker's 64 MB /dev/shm breaks PyTorch's DataLoader workers: 1 GiB, or half a smaller memory cap.
    std::int64_t shm = spec.shmSize.value_or(kGiB);
    if (!spec.shmSize && spec.memory && *spec.memory < 2 * kGiB) {
        shm = std::max<std::int64_t>(64LL * 1024 * 1024, *spec.memory / 2);
    }
    host["ShmSize"] = shm;
    if (spec.memory) {
        host["Memory"] = *spec.memory;
    }
    if (spec.nanoCpus) {
        host["NanoCpus"] = *spec.nanoCpus;
    }
    switch (spec.gpus.mode) {
    case GpuRequest::Mode::None:
        break;
    case GpuRequest::Mode::All:
        host["DeviceRequests"] = json::array({{{"Driver", ""}, {"Count", -1}, {"Capabilities", {{"gpu"}}}}});
        break;
    case GpuRequest::Mode::Count:
        host["DeviceRequests"] = json::array({{{"Driver", ""}, {"Count", spec.gpus.count}, {"Capabilities", {{"gpu"}}}}});
        break;
    case GpuRequest::Mode::Devices:
        host["DeviceRequests"] = json::array({{{"Driver", ""}, {"DeviceIDs", spec.gpus.deviceIds}, {"Capabilities", {{"gpu"}}}}});
        break;
    }
    json marks = {{labels::kEnvironment, name},
                  {labels::kVersion, BERTH_VERSION},
                  {labels::kTokenSource, toString(TokenSource::Berth)},
                  {labels::kPort, layout.port},
                  {labels::kNotebookRoot, layout.root},
                  {labels::kWorkspace, workspace},
                  {labels::kWorkspaceTarget, workspace.empty() ? std::string() : layout.workspaceTarget}};
    if (!spec.profile.empty()) {
        marks[labels::kProfile] = spec.profile;
    }
    if (!spec.startCommands.empty()) {
        json commands = json::array();
        for (const auto& c : spec.startCommands) {
            commands.push_back({{"key", c.key}, {"argv", c.argv}});
        }
        marks[labels::kStartCommands] = commands.dump();
    }
    // The caps, for lists that show them from the engine's container list alone (no inspect per row).
    marks[labels::kMemory] = spec.memory ? std::to_string(*spec.memory) : std::string();
    marks[labels::kCpus] = spec.nanoCpus ? std::to_string(*spec.nanoCpus) : std::string();
    marks[labels::kGpus] = gpuText(spec.gpus);
    return {{"Image", spec.image},
            {"Env", envList},
            {"Labels", marks},
            {"ExposedPorts", {{layout.port, json::object()}}},
            {"HostConfig", host}};
}

} // namespace berth::core
