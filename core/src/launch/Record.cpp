// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/launch/Record.h"

#include "base/JsonAccess.h"

namespace berth::core {

using nlohmann::json;

Result<json> environmentRecord(EngineClient& engine, Readiness& readiness, const std::string& nameOrId,
                               const HostGpus* host)
{
    auto d = engine.inspectContainer(nameOrId);
    if (!d) {
        return d.error();
    }
    json rec;
    rec["berthVersion"] = BERTH_VERSION;
    rec["name"] = d->name;
    rec["id"] = d->id;
    rec["createdAt"] = d->created;
    rec["startedAt"] = d->state.startedAt;
    rec["state"] = d->state.status;
    json img = {{"reference", d->configImage}, {"id", d->image}};
    auto image = engine.inspectImage(d->image);
    if (image) {
        img["repoDigests"] = image->repoDigests;
        img["repoTags"] = image->repoTags;
        img["created"] = image->created;
        img["architecture"] = image->architecture;
        auto cuda = image->envValue("CUDA_VERSION");
        img["cudaVersion"] = cuda ? json(*cuda) : json(nullptr);
        auto req = image->envValue("NVIDIA_REQUIRE_CUDA");
        img["nvidiaRequireCuda"] = req ? json(*req) : json(nullptr);
    }
    rec["image"] = img;
    const auto& hc = jread::path(d->raw, {"HostConfig"});
    const auto nano = jread::i64(hc, "NanoCpus");
    rec["resources"] = {{"memoryBytes", jread::i64(hc, "Memory")},
                        {"cpus", static_cast<double>(nano) / 1e9},
                        {"shmBytes", jread::i64(hc, "ShmSize")},
                        {"gpuRequests", jread::member(hc, "DeviceRequests") ? hc["DeviceRequests"] : json(nullptr)}};
    // The top-level Mounts: both Docker and Podman fill it (Podman has no HostConfig.Mounts).
    json mounts = json::array();
    if (const auto* ms = jread::member(d->raw, "Mounts"); ms && ms->is_array()) {
        for (const auto& m : *ms) {
            mounts.push_back({{"source", jread::str(m, "Source")},
                              {"target", jread::str(m, "Destination")},
                              {"readOnly", jread::member(m, "RW") && !jread::boolean(m, "RW")}});
        }
    }
    rec["mounts"] = mounts;
    json ports = json::array();
    for (const auto& [containerPort, bindings] : d->ports) {
        for (const auto& b : bindings) {
            ports.push_back({{"container", containerPort}, {"hostIp", b.ip}, {"hostPort", b.publicPort}});
        }
    }
    rec["ports"] = ports;
    auto info = readiness.describe(d->id);
    rec["jupyter"] = {{"version", info && !info->jupyterVersion.empty() ? json(info->jupyterVersion) : json(nullptr)},
                      {"url", info ? info->url : std::string()}};
    auto ver = engine.version();
    if (ver) {
        rec["engine"] = {{"version", ver->version}, {"apiVersion", engine.apiVersion()}, {"podman", ver->podman},
                         {"os", ver->os}, {"arch", ver->arch}, {"kernel", ver->kernelVersion}};
    }
    rec["host"] = host ? toJson(*host) : json::object();
    if (RemoteHost* remote = engine.remoteHost()) {
        // Through ssh: the machine the mounts' sources and the GPUs are on, and the engine's address.
        rec["machine"] = remote->name();
    }
    rec["engine"]["endpoint"] = engine.endpoint();
    if (auto p = d->labels.find(labels::kProfile); p != d->labels.end()) {
        rec["profile"] = p->second;
    }
    return rec;
}

} // namespace berth::core
