// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/base/Result.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace berth::core {

struct MountSpec
{
    std::string source; ///< absolute host path
    std::string target; ///< absolute container path
    bool readOnly = false;
    bool create = false; ///< make the host folder when missing
};

struct GpuRequest
{
    enum class Mode
    {
        None,
        All,
        Count,
        Devices,
    };
    Mode mode = Mode::None;
    int count = 0;
    std::vector<std::string> deviceIds; ///< indexes ("0") or UUIDs ("GPU-...")
};

/// More of the host than a notebook needs: only a profile asks for it, and only what the person allowed by name
/// (Profile.h's HostConsent) is set. Empty for every other launch.
struct HostAccess
{
    bool privileged = false;
    std::vector<std::string> capAdd;      ///< "SYS_ADMIN"
    std::vector<std::string> devices;     ///< host device paths, mapped at the same path
    std::vector<std::string> securityOpt; ///< "seccomp=unconfined"
    bool hostNetwork = false;
    bool hostPid = false;
    bool hostIpc = false;

    bool empty() const
    {
        return !privileged && capAdd.empty() && devices.empty() && securityOpt.empty() && !hostNetwork && !hostPid &&
               !hostIpc;
    }
};

/// A command run inside the container through the engine's exec (a profile's lifecycle commands).
struct ContainerCommand
{
    std::string key;               ///< what it is called where it was written ("postStartCommand")
    std::vector<std::string> argv;
};

/// What a person asks for when launching an environment.
struct LaunchSpec
{
    std::string image;
    std::string name; ///< empty: made from the image name and a random suffix
    std::vector<MountSpec> mounts;
    /// Host folder mounted at the image's notebook folder; empty: <documents>/Berth/<name>.
    std::string workspace;
    bool noWorkspace = false;
    std::optional<std::int64_t> memory;   ///< bytes
    std::optional<std::int64_t> nanoCpus; ///< 1e9 = one CPU
    std::optional<std::int64_t> shmSize;  ///< bytes; unset: Berth's default (1 GiB, or half the memory cap)
    GpuRequest gpus;
    int hostPort = 0; ///< Jupyter's port on 127.0.0.1; 0: one the engine picks
    std::vector<std::pair<std::string, std::string>> env;
    std::string profile; ///< the classroom profile it came from, if any
    HostAccess hostAccess;
    /// Run after every start (the launch's first one included) and before Jupyter is waited for.
    std::vector<ContainerCommand> startCommands;
};

/// A person's choices for a launch, as they typed them (a command line, the launch form, a profile file):
/// empty means not chosen. buildLaunchSpec turns them into a LaunchSpec, or an error whose `field` names the
/// choice that is wrong (the names below, as "memory", "gpus", "mount").
struct LaunchChoices
{
    std::string image;
    std::string name;
    std::vector<std::string> mounts; ///< "HOST:CONTAINER[:ro|:rw][,create]"
    std::vector<std::string> env;    ///< "KEY=VALUE"
    std::string memory;              ///< "4g", "512m", bytes
    std::string shmSize;             ///< as memory
    std::string cpus;                ///< "1.5"
    std::string gpus;                ///< as parseGpus
    std::string port;                ///< Jupyter's port on 127.0.0.1
    std::string workspace;           ///< the notebook folder
    bool noWorkspace = false;
    /// Where relative host paths start: the command line's working folder, a profile's own folder.
    std::string baseDir;
    std::string profile;
    /// False when the engine is on another machine (ssh://): host paths are that machine's, judged and made there
    /// (RemoteFolders), `~` is the home there, and a relative path means nothing.
    bool foldersHere = true;
};

/// The one way from choices to a spec, for every front end: each choice parsed, then the whole validated.
Result<LaunchSpec> buildLaunchSpec(const LaunchChoices& choices);

/// How long to wait for Jupyter: whole seconds, 1 to 86400 (field "timeout").
Result<std::chrono::seconds> parseReadyTimeout(std::string_view text);

/// "HOST:CONTAINER[:ro|:rw][,create]" — HOST made absolute against `cwd`.
Result<MountSpec> parseMount(std::string_view text, const std::string& cwd, bool foldersHere = true);
/// "all", "none", "2" (a count, as docker's --gpus), "device=0,1", "0,1", "GPU-uuid[,GPU-uuid]".
Result<GpuRequest> parseGpus(std::string_view text);
/// "KEY=VALUE"; KEY a shell-style name.
Result<std::pair<std::string, std::string>> parseEnv(std::string_view text);
/// Docker's container name rule: [a-zA-Z0-9][a-zA-Z0-9_.-]*, at most 128 characters.
Result<void> checkName(std::string_view name);
/// Checks a whole spec: paths, sizes, names, dangerous mounts. Messages say what to change.
Result<void> validate(const LaunchSpec& spec, bool sourcesHere = true);

} // namespace berth::core
