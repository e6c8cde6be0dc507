// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Is an environment's Jupyter up, and which token opens it? GET /api (no token) says Jupyter listens and which
// server it is; GET /api/status with the token proves the token. An image that ignores JUPYTER_TOKEN has its
// own token read back from `jupyter server list` or its log. Only ever asked on this machine's loopback.

#include "berth/core/engine/EngineClient.h"
#include "berth/core/launch/Environment.h"
#include "berth/core/launch/JupyterProbe.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace berth::core {

class Transport;

struct LaunchProgress
{
    enum class Phase
    {
        Pulling,
        Creating,
        Starting,
        Running, ///< a profile's lifecycle command in the container: each line of its output, as it ends
        Waiting,
        Ready,
    };
    Phase phase = Phase::Creating;
    std::string message;
    double fraction = -1; ///< 0..1 where known (pull), else -1
};
using LaunchProgressHandler = std::function<void(const LaunchProgress&)>;

/// How Jupyter at host:port is reached: plain HTTP on loopback unless a test hands in recorded answers.
using JupyterConnector = std::function<std::shared_ptr<Transport>(const std::string& host, int port)>;

/// The engine's address is on this machine (a unix socket, or TCP to loopback). Necessary, not enough: a
/// socket forwarded from another machine looks local too (engineInfoIsThisHost tells).
bool engineIsLocal(const std::string& endpointDisplay);

/// The engine that answered `info` runs on this machine: its host name and kernel are this machine's (or it
/// is Docker Desktop, which forwards published ports to this machine's loopback).
bool engineInfoIsThisHost(const EngineInfo& info);

class Readiness
{
public:
    explicit Readiness(std::shared_ptr<EngineClient> engine, JupyterConnector connect = {});

    /// What the engine says of an environment now, with its token (read back from the container) and, when
    /// Jupyter answers with it, ready.
    Result<EnvironmentInfo> describe(const std::string& nameOrId);

    /// Waits until the environment's Jupyter answers with its token. Errors say why (it stopped: out of memory,
    /// exit code; it did not answer in time; the engine restarted) and carry the log's last lines.
    Result<EnvironmentInfo> waitReady(const std::string& nameOrId, std::chrono::seconds timeout,
                                      const LaunchProgressHandler& onProgress = {},
                                      const std::atomic<bool>* cancel = nullptr);

    /// Whether Jupyter's published port is on this machine: the address looks local and the engine's identity
    /// is this host's (asked once).
    Result<bool> engineRunsHere();

    /// Why a container stopped before Jupyter answered, with its last lines.
    Error earlyExit(const std::string& id, const ContainerDetails& details);

private:
    Result<std::string> discoverToken(const std::string& id, int containerPortNumber, TokenSource& source);
    JupyterProbe probe(int hostPort) const;

    std::shared_ptr<EngineClient> m_engine;
    JupyterConnector m_connect;
    const std::atomic<bool>* m_cancel = nullptr; ///< the running wait's, for reads along the way
    std::optional<bool> m_runsHere;
};

} // namespace berth::core
