// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// The user's own Podman service, for a machine where no engine answers: Podman runs as the user, so Berth can
// start it without root (and never adds anyone to the docker group, which would grant root).

#include "berth/core/base/Result.h"
#include "berth/core/engine/Endpoint.h"

#include <atomic>
#include <chrono>
#include <optional>
#include <string>

namespace berth::core {

struct PodmanService
{
    std::string program;    ///< podman, found on PATH
    std::string socketPath; ///< where the user's service listens: $XDG_RUNTIME_DIR/podman/podman.sock
    std::string stateDir;   ///< Berth's runtime folder: the service's log and pid file, its working directory
};

/// The user's Podman socket, as Podman's own podman.socket unit makes it: $XDG_RUNTIME_DIR/podman/podman.sock,
/// else /run/user/UID/podman/podman.sock (root without a session: /run/podman/podman.sock).
std::string userPodmanSocket(const EndpointEnvironment& env);

/// Podman, when it is installed, with the user's socket. Nothing when it is not on PATH.
std::optional<PodmanService> findPodmanService(const EndpointEnvironment& env);

/// Starts `podman system service --time=0 unix://SOCKET` in a session of its own (it keeps serving after Berth
/// quits, as the systemd unit would), its output in STATEDIR/podman-service.log and its pid in
/// STATEDIR/podman-service.pid, and returns its pid once the socket answers /_ping (0 when a service answered
/// there already). When it exits first, or `timeout` passes, the error carries its last lines.
Result<int> startPodmanService(const PodmanService& service,
                               std::chrono::milliseconds timeout = std::chrono::seconds(30),
                               const std::atomic<bool>* cancel = nullptr);

} // namespace berth::core
