// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// A classroom profile: a devcontainer.json (so VS Code and the devcontainer CLI read the same file) with Berth's
// own settings under customizations.berth. It comes from somebody else, so it is read as untrusted input:
// everything it may say is known by name, what builds images or runs on the host is refused, and what would
// give the container more of the host than a notebook needs is listed for the person to allow, never taken.

#include "berth/core/base/Result.h"
#include "berth/core/launch/LaunchSpec.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace berth::core {

/// What a profile asks of the host beyond a notebook's needs; granted only by name (`--allow NAME`, a dialog).
struct HostConsent
{
    enum class Kind
    {
        Privileged,     ///< every device and capability of the host
        Capability,     ///< one added Linux capability (detail: "SYS_ADMIN")
        Device,         ///< a host device other than GPUs (detail: "/dev/fuse")
        HostNetwork,    ///< the host's network: every port it opens is open on the host
        HostPid,        ///< sees and signals every process of the host
        HostIpc,        ///< shares the host's shared memory and semaphores
        SecurityOption, ///< detail: "seccomp=unconfined", "apparmor=unconfined"...
    };
    Kind kind = Kind::Privileged;
    std::string detail;

    /// What `--allow` names it: "privileged", "cap-add=SYS_ADMIN", "device=/dev/fuse", "network=host", "pid=host",
    /// "ipc=host", "security-opt=seccomp=unconfined".
    std::string allowName() const;
    /// What it would let the container do, in a sentence for the person asked.
    std::string consequence() const;
    bool operator==(const HostConsent&) const = default;
};

/// A lifecycle command run inside the container through the engine's exec, never on the host.
struct LifecycleCommand
{
    enum class When
    {
        Create, ///< onCreateCommand, updateContentCommand, postCreateCommand: once, after the first start
        Start,  ///< postStartCommand: after every start
    };
    When when = When::Create;
    std::string key;               ///< the profile's key ("postCreateCommand", "postCreateCommand.deps")
    std::vector<std::string> argv; ///< a string command runs as ["/bin/sh", "-c", text], as the spec says
};

enum class GpuNeed
{
    None,     ///< hostRequirements.gpu absent or false
    Optional, ///< "optional": GPUs when this machine can pass them, else the CPU
    Required, ///< true or {cores, memory}
};

struct ProfileEnvironment
{
    std::string id;          ///< what `--env` names and the environment's container name
    std::string description;
    std::string file;         ///< the devcontainer.json it came from
    std::string imagePointer; ///< where its image is written in `file` (a JSON pointer), for `profile pin`
    /// Its settings, as the launch form's choices: image, mounts, env, caps, gpus, notebook folder; baseDir is the
    /// profile's folder and `profile` its path.
    LaunchChoices choices;
    GpuNeed gpu = GpuNeed::None;
    std::optional<int> minCpus;               ///< hostRequirements.cpus
    std::optional<std::int64_t> minMemory;    ///< hostRequirements.memory, bytes
    std::optional<int> minGpuCores;           ///< hostRequirements.gpu.cores
    std::optional<std::int64_t> minGpuMemory; ///< hostRequirements.gpu.memory, bytes
    std::vector<HostConsent> consents;        ///< what the person must allow before it launches
    std::vector<LifecycleCommand> commands;
    std::string openPage;         ///< a path in the notebook tree to open first ("lessons/01.ipynb")
    std::set<std::string> locked; ///< choices a student may not change: names of LaunchChoices fields
    std::vector<std::string> warnings; ///< "file:line:column: key: ..." for what Berth reads but does not do
};

struct Profile
{
    std::string path; ///< the file or folder opened
    std::string title;
    std::string author;
    std::vector<ProfileEnvironment> environments;
    std::vector<std::string> files; ///< every devcontainer.json read
};

/// The keys customizations.berth may hold, and each of its environments (resources/schema says what each means).
const std::vector<std::string>& berthCustomizationKeys();
const std::vector<std::string>& berthEnvironmentKeys();

/// What a profile's ${localEnv:VAR} reads; the system's environment unless a test says otherwise.
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string&)>;
EnvironmentLookup systemEnvironment();

/// A profile file (`NAME.berth.json`, `devcontainer.json`, `.devcontainer/devcontainer.json`), or a folder whose
/// `.devcontainer/` (or itself, named `.devcontainer`) holds `devcontainer.json` and/or `NAME/devcontainer.json`
/// configurations, each one environment or more. ${localWorkspaceFolder} is the folder holding `.devcontainer/`,
/// else the file's folder. Errors name the file, line, column and key; all of them, in one message.
Result<Profile> loadProfile(const std::string& path, const EnvironmentLookup& env = systemEnvironment());

/// One file's text; `workspaceFolder` is ${localWorkspaceFolder}.
Result<Profile> parseProfile(std::string_view text, const std::string& file, const std::string& workspaceFolder,
                             const EnvironmentLookup& env = systemEnvironment());

/// The environment named `id`; with no id, the only one (several: an error listing them).
Result<const ProfileEnvironment*> chooseEnvironment(const Profile& profile, const std::string& id);

/// The choices a launch uses: the profile's, with the person's own (non-empty) choices over what it does not
/// lock. A choice over a locked setting is refused, naming it (field: its name).
Result<LaunchChoices> mergeChoices(const ProfileEnvironment& environment, const LaunchChoices& person);

/// What the profile asks of the host, granted: every consent must be named in `allowed` (as allowName()
/// says), else a BadInput error lists each with its consequence and the exact --allow to give.
Result<HostAccess> grantConsents(const ProfileEnvironment& environment, const std::vector<std::string>& allowed);

/// The spec of a profile's environment: mergeChoices, buildLaunchSpec, then the consents granted.
Result<LaunchSpec> profileLaunchSpec(const ProfileEnvironment& environment, const LaunchChoices& person,
                                     const std::vector<std::string>& allowed);

} // namespace berth::core
