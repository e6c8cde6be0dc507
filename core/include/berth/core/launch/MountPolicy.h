// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Which host folders a notebook may be given. The engine runs as root and follows whatever path it is
// sent, so Berth judges every host path (extra mounts, the notebook folder, and later a profile's mounts)
// by principle, on where the path really leads:
//   - the system's own trees (/, /proc, /sys, /dev, /etc, /boot, /usr, /run, engines' data...);
//   - the engine's control: a socket of any name, and any folder that holds one (or the engine's socket);
//   - people's secrets and settings: a home folder itself (the user's, and under sudo or as root anyone's)
//     and its hidden entries (~/.ssh, ~/.gnupg, keyrings, ~/.config...), which programs read and run at login;
//   - what the user may not read (or, read-write, write) themselves: Berth grants no one more than they have;
//   - paths another user could swap between the check and the mount (a parent folder they can write: by
//     its mode for others, its group unless that group is the user's alone, or an access control list).
// The path the engine is sent is the one that was judged (symlinks resolved), judged again just before
// the container is created.

#include "berth/core/base/Result.h"

#include <sys/types.h>

#include <string>
#include <vector>

namespace berth::core {

struct HostPathPolicy
{
    std::string home;                       ///< the user's home folder (canonical); empty when there is none
    uid_t uid = 0;                          ///< the user Berth acts for
    std::vector<std::string> engineSockets; ///< unix sockets of engines in use: folders holding them are refused
    /// Every person's home folder, the user's among them (HOME and the password database's; under sudo the
    /// invoking user's; the machine's other people): judged as homes, whoever asks.
    std::vector<std::string> homes;

    /// This process's user: HOME (else the password database), its uid, and the engine socket of `endpoint`
    /// (a unix:// address) besides Docker's and Podman's usual ones.
    static HostPathPolicy forThisUser(const std::string& endpoint = {});
};

/// The rules that go by a resolved path's name alone (the whole file system, engine sockets and /run, the
/// system's trees, homes and their hidden settings): also for paths on another machine, resolved there.
Result<void> judgePathName(const std::string& given, const std::string& resolved, const HostPathPolicy& policy);

/// Judges a host path for a bind mount. Returns the canonical path to send the engine, or a refusal that
/// names the rule and what to do.
Result<std::string> checkHostPath(const std::string& path, const HostPathPolicy& policy, bool readOnly);

/// The notebook folder: `path`, which must lie inside `root` (itself inside the home folder), created when
/// missing without following symlinks (each missing folder made 0700), and judged by checkHostPath.
struct PreparedFolder
{
    std::string path;     ///< canonical
    int fd = -1;          ///< the folder, opened without following symlinks; the caller closes it
    bool created = false; ///< Berth made the last folder now
};
Result<PreparedFolder> prepareFolder(const std::string& path, const HostPathPolicy& policy);

/// <XDG documents folder or ~/Documents>/Berth, inside the home folder; an error when there is no home.
Result<std::string> defaultWorkspaceRoot(const HostPathPolicy& policy);

} // namespace berth::core
