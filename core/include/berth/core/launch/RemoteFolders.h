// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Folders for an engine on another machine (ssh://): its bind mounts name that machine's paths, so they are
// resolved, judged and made there, through the same connection, by the rules that go by a path's name
// (judgePathName) with that machine's home folder and engine socket. The notebook folder defaults to
// ~/Documents/Berth/NAME in the remote user's home.

#include "berth/core/base/Result.h"
#include "berth/core/engine/Transport.h"
#include "berth/core/launch/MountPolicy.h"

#include <string>

namespace berth::core {

class RemoteFolders
{
public:
    RemoteFolders(RemoteHost& host, std::string engineSocket);

    /// That machine's rules: its user's home (asked once), its engine socket.
    Result<HostPathPolicy> policy();
    struct Judged
    {
        std::string path;     ///< resolved there
        bool created = false; ///< made now (0700)
    };
    /// Resolves `path` there and judges it; when it is missing, makes it if `create`, else refuses.
    Result<Judged> judge(const std::string& path, bool create);
    /// ~/Documents/Berth there.
    Result<std::string> workspaceRoot();
    /// Removes a folder made for a launch that failed, if it is still empty.
    void removeIfEmpty(const std::string& path);

private:
    RemoteHost& m_host;
    std::string m_socket;
    std::string m_home;
};

} // namespace berth::core
