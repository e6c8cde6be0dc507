// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Plain types for what the engine answers. Each keeps the engine's own JSON in `raw`, so that
// `--json` output shows the engine's ids and names as they are.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace berth::core {

using Filters = std::map<std::string, std::vector<std::string>>;

struct PingInfo
{
    std::string apiVersion; ///< highest API the engine serves
    std::string osType;
    std::string server; ///< the Server header, e.g. "Docker/20.10.24 (linux)"; Libpod for Podman
};

struct VersionInfo
{
    std::string version;
    std::string apiVersion;
    std::string minApiVersion;
    std::string os;
    std::string arch;
    std::string kernelVersion;
    bool podman = false;
    nlohmann::json raw;
    static VersionInfo fromJson(const nlohmann::json& j);
    /// Docker before 28 lets other machines on the same network segment reach ports published on
    /// 127.0.0.1 (moby#45610): Jupyter's port is then not as private as its address says.
    bool loopbackPortsReachableFromNetwork() const;
};

struct EngineInfo
{
    std::string name;
    std::string serverVersion;
    std::string operatingSystem;
    std::string osType;
    std::string architecture;
    std::string cgroupVersion;
    std::string defaultRuntime;
    std::vector<std::string> runtimes;
    std::vector<std::string> cdiSpecDirs;
    int ncpu = 0;
    std::int64_t memTotal = 0;
    int containers = 0;
    int containersRunning = 0;
    int images = 0;
    nlohmann::json raw;
    static EngineInfo fromJson(const nlohmann::json& j);
};

struct ImageSummary
{
    std::string id;
    std::vector<std::string> repoTags;
    std::vector<std::string> repoDigests;
    std::int64_t created = 0;
    std::int64_t size = 0;
    std::map<std::string, std::string> labels;
    nlohmann::json raw;
    static ImageSummary fromJson(const nlohmann::json& j);
};

struct ImageDetails
{
    std::string id;
    std::vector<std::string> repoTags;
    std::vector<std::string> repoDigests;
    std::string created;
    std::string os;
    std::string architecture;
    std::int64_t size = 0;
    std::vector<std::string> env; ///< KEY=VALUE
    std::vector<std::string> cmd;
    std::vector<std::string> entrypoint;
    std::vector<std::string> exposedPorts; ///< "8888/tcp"
    std::map<std::string, std::string> labels;
    std::string user;
    std::string workingDir;
    nlohmann::json raw;
    static ImageDetails fromJson(const nlohmann::json& j);

    /// The value of an Env entry (split on the first '='), if the image sets it.
    std::optional<std::string> envValue(const std::string& name) const;
};

struct PortMapping
{
    std::string ip;
    int privatePort = 0;
    int publicPort = 0;
    std::string type;
};

struct ContainerSummary
{
    std::string id;
    std::vector<std::string> names; ///< as the engine gives them, with the leading '/'
    std::string image;
    std::string imageId;
    std::string command;
    std::int64_t created = 0;
    std::string state;
    std::string status;
    std::vector<PortMapping> ports;
    std::map<std::string, std::string> labels;
    nlohmann::json raw;
    static ContainerSummary fromJson(const nlohmann::json& j);

    /// The first name without its leading '/'.
    std::string name() const;
    /// "127.0.0.1:49153->8888/tcp, 8889/tcp", as docker ps shows them.
    std::string portsText() const;
};

struct ContainerState
{
    std::string status; ///< created, running, paused, restarting, removing, exited, dead
    bool running = false;
    int exitCode = 0;
    bool oomKilled = false;
    std::string error;
    std::string startedAt;
    std::string finishedAt;
    std::string health;
};

struct ContainerDetails
{
    std::string id;
    std::string name; ///< without the leading '/'
    std::string image; ///< image id
    std::string configImage; ///< the reference it was created from
    std::string created;
    ContainerState state;
    bool tty = false;
    std::vector<std::string> env;
    std::map<std::string, std::string> labels;
    std::map<std::string, std::vector<PortMapping>> ports; ///< "8888/tcp" -> host bindings
    nlohmann::json raw;
    static ContainerDetails fromJson(const nlohmann::json& j);

    /// The host port bound to a container port ("8888/tcp"), 0 when none.
    int hostPort(const std::string& containerPort) const;
};

struct CreatedContainer
{
    std::string id;
    std::vector<std::string> warnings;
};

struct FileChange
{
    enum class Kind
    {
        Modified = 0,
        Added = 1,
        Deleted = 2,
    };
    Kind kind = Kind::Modified;
    std::string path;
};

/// What an image archive's load brought in, in the engine's order and words: references ("berth-test/x:1"; Podman
/// writes "localhost/berth-test/x:1") or, for images without a tag, ids ("sha256:...").
struct LoadResult
{
    std::vector<std::string> loaded;
};

struct ExecResult
{
    int exitCode = 0;
    std::string out;
    std::string err;
};

struct Event
{
    std::string type;
    std::string action; ///< Docker's words; Podman's "remove" reads as "destroy"
    std::string actorId;
    std::map<std::string, std::string> attributes;
    std::int64_t time = 0;
    std::int64_t timeNano = 0;
    nlohmann::json raw;
    static Event fromJson(const nlohmann::json& j);
};

} // namespace berth::core
