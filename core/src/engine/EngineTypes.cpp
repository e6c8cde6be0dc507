// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/engine/EngineTypes.h"

#include <cstdlib>

#include "base/JsonAccess.h"

#include <charconv>

namespace berth::core {

using namespace berth::core::jread;

VersionInfo VersionInfo::fromJson(const nlohmann::json& j)
{
    VersionInfo v;
    v.version = str(j, "Version");
    v.apiVersion = str(j, "ApiVersion");
    v.minApiVersion = str(j, "MinAPIVersion");
    v.os = str(j, "Os");
    v.arch = str(j, "Arch");
    v.kernelVersion = str(j, "KernelVersion");
    if (const auto* comps = member(j, "Components"); comps && comps->is_array()) {
        for (const auto& c : *comps) {
            if (str(c, "Name").find("Podman") != std::string::npos) {
                v.podman = true;
            }
        }
    }
    v.raw = j;
    return v;
}

bool VersionInfo::loopbackPortsReachableFromNetwork() const
{
    if (podman || version.empty()) {
        return false;
    }
    return std::atoi(version.c_str()) < 28; // "20.10.24+dfsg1", "27.5.1": the major number
}

EngineInfo EngineInfo::fromJson(const nlohmann::json& j)
{
    EngineInfo i;
    i.name = str(j, "Name");
    i.serverVersion = str(j, "ServerVersion");
    i.operatingSystem = str(j, "OperatingSystem");
    i.osType = str(j, "OSType");
    i.architecture = str(j, "Architecture");
    i.cgroupVersion = str(j, "CgroupVersion");
    i.defaultRuntime = str(j, "DefaultRuntime");
    if (const auto* rt = member(j, "Runtimes"); rt && rt->is_object()) {
        for (auto it = rt->begin(); it != rt->end(); ++it) {
            i.runtimes.push_back(it.key());
        }
    }
    i.cdiSpecDirs = strings(j, "CDISpecDirs");
    i.ncpu = static_cast<int>(i64(j, "NCPU"));
    i.memTotal = i64(j, "MemTotal");
    i.containers = static_cast<int>(i64(j, "Containers"));
    i.containersRunning = static_cast<int>(i64(j, "ContainersRunning"));
    i.images = static_cast<int>(i64(j, "Images"));
    i.raw = j;
    return i;
}

ImageSummary ImageSummary::fromJson(const nlohmann::json& j)
{
    ImageSummary s;
    s.id = str(j, "Id");
    s.repoTags = strings(j, "RepoTags");
    s.repoDigests = strings(j, "RepoDigests");
    s.created = i64(j, "Created");
    s.size = i64(j, "Size");
    s.labels = stringMap(j, "Labels");
    s.raw = j;
    return s;
}

ImageDetails ImageDetails::fromJson(const nlohmann::json& j)
{
    ImageDetails d;
    d.id = str(j, "Id");
    d.repoTags = strings(j, "RepoTags");
    d.repoDigests = strings(j, "RepoDigests");
    d.created = str(j, "Created");
    d.os = str(j, "Os");
    d.architecture = str(j, "Architecture");
    d.size = i64(j, "Size");
    const auto& cfg = path(j, {"Config"});
    d.env = strings(cfg, "Env");
    d.cmd = strings(cfg, "Cmd");
    d.entrypoint = strings(cfg, "Entrypoint");
    if (const auto* ports = member(cfg, "ExposedPorts"); ports && ports->is_object()) {
        for (auto it = ports->begin(); it != ports->end(); ++it) {
            d.exposedPorts.push_back(it.key());
        }
    }
    d.labels = stringMap(cfg, "Labels");
    d.user = str(cfg, "User");
    d.workingDir = str(cfg, "WorkingDir");
    d.raw = j;
    return d;
}

std::optional<std::string> ImageDetails::envValue(const std::string& name) const
{
    for (const auto& e : env) {
        auto eq = e.find('=');
        if (eq != std::string::npos && e.compare(0, eq, name) == 0 && eq == name.size()) {
            return e.substr(eq + 1);
        }
    }
    return std::nullopt;
}

ContainerSummary ContainerSummary::fromJson(const nlohmann::json& j)
{
    ContainerSummary c;
    c.id = str(j, "Id");
    c.names = strings(j, "Names");
    c.image = str(j, "Image");
    c.imageId = str(j, "ImageID");
    c.command = str(j, "Command");
    c.created = i64(j, "Created");
    c.state = str(j, "State");
    c.status = str(j, "Status");
    c.labels = stringMap(j, "Labels");
    if (const auto* ports = member(j, "Ports"); ports && ports->is_array()) {
        for (const auto& p : *ports) {
            c.ports.push_back({str(p, "IP"), static_cast<int>(i64(p, "PrivatePort")),
                               static_cast<int>(i64(p, "PublicPort")), str(p, "Type")});
        }
    }
    c.raw = j;
    return c;
}

std::string ContainerSummary::name() const
{
    if (names.empty()) {
        return id.substr(0, 12);
    }
    const std::string& n = names.front();
    return !n.empty() && n.front() == '/' ? n.substr(1) : n;
}

namespace {
int toPort(const std::string& s)
{
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() ? v : 0;
}
} // namespace

ContainerDetails ContainerDetails::fromJson(const nlohmann::json& j)
{
    ContainerDetails d;
    d.id = str(j, "Id");
    d.name = str(j, "Name");
    if (!d.name.empty() && d.name.front() == '/') {
        d.name.erase(0, 1);
    }
    d.image = str(j, "Image");
    d.created = str(j, "Created");
    const auto& st = path(j, {"State"});
    d.state.status = str(st, "Status");
    d.state.running = boolean(st, "Running");
    d.state.exitCode = static_cast<int>(i64(st, "ExitCode"));
    d.state.oomKilled = boolean(st, "OOMKilled");
    d.state.error = str(st, "Error");
    d.state.startedAt = str(st, "StartedAt");
    d.state.finishedAt = str(st, "FinishedAt");
    d.state.health = str(path(st, {"Health"}), "Status");
    const auto& cfg = path(j, {"Config"});
    d.configImage = str(cfg, "Image");
    d.tty = boolean(cfg, "Tty");
    d.env = strings(cfg, "Env");
    d.labels = stringMap(cfg, "Labels");
    const auto& ports = path(j, {"NetworkSettings", "Ports"});
    if (ports.is_object()) {
        for (auto it = ports.begin(); it != ports.end(); ++it) {
            auto& list = d.ports[it.key()];
            if (it.value().is_array()) {
                for (const auto& b : it.value()) {
                    PortMapping m;
                    m.ip = str(b, "HostIp");
                    m.publicPort = toPort(str(b, "HostPort"));
                    list.push_back(m);
                }
            }
        }
    }
    d.raw = j;
    return d;
}

int ContainerDetails::hostPort(const std::string& containerPort) const
{
    auto it = ports.find(containerPort);
    if (it == ports.end()) {
        return 0;
    }
    for (const auto& m : it->second) {
        if (m.publicPort) {
            return m.publicPort;
        }
    }
    return 0;
}

Event Event::fromJson(const nlohmann::json& j)
{
    Event e;
    e.type = str(j, "Type");
    e.action = str(j, "Action");
    const auto& actor = path(j, {"Actor"});
    e.actorId = str(actor, "ID");
    e.attributes = stringMap(actor, "Attributes");
    e.time = i64(j, "time");
    e.timeNano = i64(j, "timeNano");
    if (e.type.empty()) {
        e.type = str(j, "type"); // old engines: lower-case "type"
    }
    if (e.action.empty()) {
        e.action = str(j, "status");
    }
    // Podman says "remove" where Docker says "destroy" (the container is gone): one word for callers.
    if (e.action == "remove" && (e.type == "container" || e.type.empty())) {
        e.action = "destroy";
    }
    e.raw = j;
    return e;
}

std::string ContainerSummary::portsText() const
{
    std::string out;
    for (const auto& p : ports) {
        if (!out.empty()) {
            out += ", ";
        }
        if (p.publicPort) {
            out += (p.ip.empty() ? "" : (p.ip.find(':') != std::string::npos ? "[" + p.ip + "]" : p.ip) + ":") +
                   std::to_string(p.publicPort) + "->";
        }
        out += std::to_string(p.privatePort) + "/" + p.type;
    }
    return out;
}

} // namespace berth::core
