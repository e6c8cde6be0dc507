// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// The main job of Berth: a Jupyter environment launched, started again, and looked after. The parts live
// apart: the create body (ContainerBody.h), readiness and tokens (Readiness.h), the removal guard
// (RemovalGuard.h), the record (Record.h); Launcher puts them in order.

#include "berth/core/engine/EngineClient.h"
#include "berth/core/gpu/GpuHost.h"
#include "berth/core/launch/Environment.h"
#include "berth/core/launch/LaunchSpec.h"
#include "berth/core/launch/NotebookLayout.h"
#include "berth/core/launch/Readiness.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace berth::core {

struct LaunchOptions
{
    std::chrono::seconds readyTimeout{180};
    bool wait = true;          ///< wait until Jupyter answers with the token
    bool pullIfMissing = true; ///< pull an image that is not on the engine
    /// Parent of the per-environment folders (<documents>/Berth); empty: defaultWorkspaceRoot().
    std::string workspaceRoot;
    /// Launch a GPU request even when the compatibility verdict says it cannot run here.
    bool force = false;
    /// How Jupyter is reached (tests: recorded answers); empty: HTTP to 127.0.0.1.
    JupyterConnector jupyterConnector;
};

/// <XDG documents folder or ~/Documents>/Berth, inside the home folder; empty when there is no home folder.
std::string defaultWorkspaceRoot();

/// How long a stop waits before SIGKILL when not told: 30 s for a Berth environment (Jupyter shuts its
/// kernels down and saves what it can), 10 s for any other container (docker's default).
int defaultStopGrace(const ContainerDetails& details);

/// Launches and looks after Jupyter environments on one engine. Shares ownership of the engine client: a launch
/// running on a worker thread keeps it alive however the window that started it goes away.
class Launcher
{
public:
    explicit Launcher(std::shared_ptr<EngineClient> engine, LaunchOptions options = {});

    /// containerCreateBody (ContainerBody.h).
    static nlohmann::json createBody(const LaunchSpec& spec, const NotebookLayout& layout, const std::string& name,
                                     const std::string& token, const std::string& workspace);

    /// Checks (a GPU request: no NVIDIA GPU, Podman, the driver/CUDA verdict and the toolkit, all before any
    /// pull), pulls if missing, creates, starts and (unless told not to) waits for Jupyter to answer. An image
    /// built for GPUs launched without them is marked (gpuImageOnCpu): it runs on the CPU.
    Result<EnvironmentInfo> launch(const LaunchSpec& spec, const LaunchProgressHandler& onProgress = {},
                                   const std::atomic<bool>* cancel = nullptr);

    /// Starts a stopped environment again, with the token, notebook folder and caps it was made with, and
    /// (unless told not to) waits for Jupyter. Its host folders are judged again first: a folder may have
    /// been swapped for a link since the launch. A container Berth did not make is just started.
    Result<EnvironmentInfo> start(const std::string& nameOrId, const LaunchProgressHandler& onProgress = {},
                                  const std::atomic<bool>* cancel = nullptr);

    /// What the engine says of an environment now, with its token (read back from the container).
    Result<EnvironmentInfo> describe(const std::string& nameOrId);

    /// An environment that runs and whose token opens its Jupyter, for `token` and `open` alike: a stopped one
    /// is a Conflict (remedy: start it); one still starting is waited for when `wait`, else NotFound.
    Result<EnvironmentInfo> readyEnvironment(const std::string& nameOrId, bool wait,
                                             const std::atomic<bool>* cancel = nullptr);

    /// Waits until the environment's Jupyter answers with its token; errors carry the log's last lines.
    Result<EnvironmentInfo> waitReady(const std::string& nameOrId, const LaunchProgressHandler& onProgress = {},
                                      const std::atomic<bool>* cancel = nullptr);

    /// User files that removing the container would lose (RemovalGuard.h).
    Result<std::vector<std::string>> filesAtRisk(const std::string& nameOrId);

    /// Whether Jupyter's published port is on this machine.
    Result<bool> engineRunsHere();

    /// What ran (Record.h); `host`: this machine's GPUs and driver, or null.
    Result<nlohmann::json> record(const std::string& nameOrId, const HostGpus* host = nullptr);

private:
    std::shared_ptr<EngineClient> m_engine;
    LaunchOptions m_options;
    Readiness m_readiness;
    const std::atomic<bool>* m_cancel = nullptr; ///< the running launch's, for reads along the way
};

} // namespace berth::core
