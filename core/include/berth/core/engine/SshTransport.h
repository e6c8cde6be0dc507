// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// An engine on another machine, through the system's ssh: the user's keys, agent, ~/.ssh/config, known hosts and
// jump hosts work as they do for ssh itself. One connection per engine (an OpenSSH ControlMaster), opened at the
// first request and reopened when it drops; the remote engine's socket is forwarded to a private local one, and
// Jupyter's published ports over the same connection. ssh runs with BatchMode: no password or host-key question
// ever passes through Berth; an unknown or changed host key is refused with ssh's own words.

#include "berth/core/engine/CurlTransport.h"
#include "berth/core/engine/Endpoint.h"
#include "berth/core/engine/PortRelay.h"
#include "berth/core/engine/Transport.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <sys/types.h>

namespace berth::core {

/// The ssh program and options to run: BERTH_SSH_COMMAND split at spaces (as GIT_SSH_COMMAND), else "ssh".
std::vector<std::string> sshCommandFromEnvironment();

class SshTransport final : public Transport, public RemoteHost
{
public:
    /// `endpoint` is an ssh:// one. Nothing is started until the first request. With `persist` zero the
    /// connection is this object's (the window's: closed with it); otherwise it is shared by every Berth process
    /// of this user for this engine and stays open `persist` after the last use (berthctl's: a command after
    /// another reuses it instead of logging in again).
    explicit SshTransport(Endpoint endpoint, std::chrono::seconds persist = std::chrono::seconds(0),
                          std::vector<std::string> sshCommand = sshCommandFromEnvironment());
    ~SshTransport() override;
    SshTransport(const SshTransport&) = delete;
    SshTransport& operator=(const SshTransport&) = delete;

    Result<HttpResponse> send(const HttpRequest& request) override;
    Result<HttpResponse> stream(const HttpRequest& request, const ChunkHandler& onChunk,
                                const std::atomic<bool>* cancel) override;
    std::string describe() const override { return m_endpoint.display(); }
    RemoteHost* remoteHost() override { return this; }

    std::string name() const override;
    Result<int> forwardPort(int remotePort) override;
    Result<ProcessOutput> run(const std::vector<std::string>& argv, std::chrono::milliseconds timeout) override;

    /// The ssh process holding the connection (0 before the first request, or when it is shared and not this
    /// process's child): tests kill it to see it reopened.
    pid_t connectionPid() const;
    /// The private folder of the connection's sockets and ssh's log.
    std::string folder() const;

private:
    /// Opens the connection unless it is open; reopens it (with every port forwarded so far) when it dropped.
    Result<void> ensureOpen();
    Result<void> openLocked();
    /// Whether a failed request means the connection is gone (then it is reopened and the request sent again).
    bool dropped(const Error& error);
    /// What went wrong, when a request failed: the connection dropped, or the remote socket has no engine.
    Error explain(Error error);
    std::vector<std::string> sshArgs(std::vector<std::string> options) const;
    /// Where ssh forwards the remote's 127.0.0.1:remotePort to, in the private folder (the window's connection).
    std::string notebookSocket(int remotePort) const;

    Endpoint m_endpoint;
    std::chrono::seconds m_persist;
    std::vector<std::string> m_ssh;
    std::string m_dir;    ///< private folder (0700): the control socket, the forwarded engine socket, ssh's log
    std::string m_socket; ///< the remote engine's socket, here
    std::unique_ptr<CurlTransport> m_curl;
    mutable std::mutex m_mutex;
    pid_t m_pid = 0;
    bool m_running = false;
    std::map<int, int> m_forwards; ///< remote port -> local port
    std::map<int, std::unique_ptr<PortRelay>> m_relays; ///< the window's: the local ports Berth holds
};

} // namespace berth::core
