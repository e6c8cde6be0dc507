// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/launch/Environment.h"

#include "berth/core/engine/EngineClient.h"

#include <cstdlib>

namespace berth::core {

namespace {
constexpr std::pair<EnvironmentState, const char*> kStates[] = {
    {EnvironmentState::Created, "created"},       {EnvironmentState::Running, "running"},
    {EnvironmentState::Paused, "paused"},         {EnvironmentState::Restarting, "restarting"},
    {EnvironmentState::Removing, "removing"},     {EnvironmentState::Exited, "exited"},
    {EnvironmentState::Dead, "dead"},
};

} // namespace

std::string labelValue(const std::map<std::string, std::string>& labels, const char* key)
{
    auto it = labels.find(key);
    return it == labels.end() ? std::string() : it->second;
}

std::string readLabels(EnvironmentInfo& e, const std::map<std::string, std::string>& l)
{
    e.workspace = labelValue(l, labels::kWorkspace);
    e.workspaceTarget = labelValue(l, labels::kWorkspaceTarget);
    e.notebookRoot = labelValue(l, labels::kNotebookRoot);
    e.profile = labelValue(l, labels::kProfile);
    e.memory = std::atoll(labelValue(l, labels::kMemory).c_str());
    e.nanoCpus = std::atoll(labelValue(l, labels::kCpus).c_str());
    e.gpus = labelValue(l, labels::kGpus);
    const std::string port = labelValue(l, labels::kPort);
    return port.empty() ? std::string("8888/tcp") : port;
}

EnvironmentState environmentStateFrom(std::string_view engineWord)
{
    // Podman says "stopped" and "configured" where Docker says "exited" and "created".
    if (engineWord == "stopped") {
        return EnvironmentState::Exited;
    }
    if (engineWord == "configured" || engineWord == "initialized") {
        return EnvironmentState::Created;
    }
    for (const auto& [state, word] : kStates) {
        if (engineWord == word) {
            return state;
        }
    }
    return EnvironmentState::Unknown;
}

const char* toString(EnvironmentState state)
{
    for (const auto& [s, word] : kStates) {
        if (s == state) {
            return word;
        }
    }
    return "unknown";
}

const char* toString(TokenSource source)
{
    switch (source) {
    case TokenSource::Berth:
        return "env";
    case TokenSource::ServerList:
        return "server-list";
    case TokenSource::Log:
        return "log";
    case TokenSource::None:
        break;
    }
    return "";
}

nlohmann::json toJson(const EnvironmentInfo& e, bool withToken)
{
    nlohmann::json j = {{"name", e.name},
                        {"id", e.id},
                        {"image", e.image},
                        {"state", toString(e.state)},
                        {"ready", e.ready},
                        {"url", e.url},
                        {"hostPort", e.hostPort},
                        {"workspace", e.workspace},
                        {"workspaceTarget", e.workspaceTarget},
                        {"notebookRoot", e.notebookRoot},
                        {"jupyterVersion", e.jupyterVersion},
                        {"tokenSource", toString(e.tokenSource)}};
    if (!e.profile.empty()) {
        j["profile"] = e.profile;
    }
    if (!e.machine.empty()) {
        j["machine"] = e.machine; // the workspace folder and mounts are there
        j["enginePort"] = e.enginePort;
    }
    if (e.gpuImageOnCpu) {
        j["gpuImageOnCpu"] = true;
    }
    if (withToken) {
        j["token"] = e.token;
    }
    return j;
}

std::optional<EnvironmentInfo> environmentFromSummary(const ContainerSummary& c)
{
    if (!c.labels.count(labels::kEnvironment)) {
        return std::nullopt;
    }
    EnvironmentInfo e;
    e.name = c.name();
    e.id = c.id;
    e.image = c.image;
    e.state = environmentStateFrom(c.state);
    e.status = c.status;
    const std::string port = readLabels(e, c.labels);
    const int containerPort = std::atoi(port.c_str());
    const std::string type = port.find('/') == std::string::npos ? "tcp" : port.substr(port.find('/') + 1);
    for (const auto& p : c.ports) {
        // Only an address on this machine's loopback: that is where Berth publishes Jupyter.
        if (p.privatePort == containerPort && p.type == type && p.publicPort > 0 && (p.ip == "127.0.0.1")) {
            e.hostPort = p.publicPort;
        }
    }
    if (e.hostPort && e.state == EnvironmentState::Running) {
        e.url = "http://127.0.0.1:" + std::to_string(e.hostPort) + "/";
    }
    return e;
}

Result<std::vector<EnvironmentInfo>> listEnvironments(EngineClient& engine)
{
    auto list = engine.listContainers(true, {{"label", {labels::kEnvironment}}});
    if (!list) {
        return list.error();
    }
    std::vector<EnvironmentInfo> out;
    for (const auto& c : *list) {
        if (auto e = environmentFromSummary(c)) {
            out.push_back(std::move(*e));
        }
    }
    return out;
}

} // namespace berth::core
