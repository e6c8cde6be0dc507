// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/engine/EngineClient.h"
#include "berth/core/launch/LaunchSpec.h"
#include "berth/core/launch/NotebookLayout.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace berth::core {

struct LaunchProgress
{
    enum class Phase
    {
        Pulling,
        Creating,
        Starting,
        Waiting,
        Ready,
    };
    Phase phase = Phase::Creating;
    std::string message;
    double fraction = -1; ///< 0..1 where known (pull), else -1
};
using LaunchProgressHandler = std::function<void(const LaunchProgress&)>;

struct LaunchOptions
{
    std::chrono::seconds readyTimeout{180};
    bool wait = true;          ///< wait until Jupyter answers with the token
    bool pullIfMissing = true; ///< pull an image that is not on the engine
    /// Parent of the per-environment folders (<documents>/Berth); empty: defaultWorkspaceRoot().
    std::string workspaceRoot;
    /// Launch a GPU request even when the compatibility verdict says it cannot run here.
    bool force = false;
};

/// A Berth environment as the engine knows it (labels, state, port) plus what Berth learnt from Jupyter.
struct EnvironmentInfo
{
    std::string name;
    std::string id;
    std::string image;
    std::string state;
    bool ready = false;
    int hostPort = 0;
    std::string url; ///< http://127.0.0.1:<port>/ — never with the token
    std::string token;
    std::string tokenSource; ///< "env" (Berth's), "log" or "server-list" (the image chose its own)
    std::string workspace;   ///< host folder mounted at notebookRoot (or empty)
    std::string workspaceTarget;
    std::string notebookRoot;
    std::string jupyterVersion;
};

/// <XDG documents folder or ~/Documents>/Berth, inside the home folder; empty when there is no home folder.
std::string defaultWorkspaceRoot();

/// The engine's address is on this machine (a unix socket, or TCP to loopback). Necessary, not enough: a
/// socket forwarded from another machine looks local too (engineInfoIsThisHost tells).
bool engineIsLocal(const std::string& endpointDisplay);

/// The engine that answered `info` runs on this machine: its host name and kernel are this machine's (or it
/// is Docker Desktop, which forwards published ports to this machine's loopback).
bool engineInfoIsThisHost(const EngineInfo& info);

/// How long a stop waits before SIGKILL when not told: 30 s for a Berth environment (Jupyter shuts its
/// kernels down and saves what it can), 10 s for any other container (docker's default).
int defaultStopGrace(const ContainerDetails& details);

/// Launches and looks after Jupyter environments on one engine: the main job of Berth.
class Launcher
{
public:
    explicit Launcher(EngineClient& engine, LaunchOptions options = {});

    /// The container create body: Jupyter's port on 127.0.0.1 only (engine-chosen host port), the token in
    /// the environment, caps, mounts, init, berth.* labels. Pure, for tests and previews.
    static nlohmann::json createBody(const LaunchSpec& spec, const NotebookLayout& layout, const std::string& name,
                                     const std::string& token, const std::string& workspace);

    /// Checks (a GPU request: the driver/CUDA verdict, before any pull), pulls if missing, creates, starts and
    /// (unless told not to) waits for Jupyter to answer.
    Result<EnvironmentInfo> launch(const LaunchSpec& spec, const LaunchProgressHandler& onProgress = {},
                                   const std::atomic<bool>* cancel = nullptr);

    /// Starts a stopped environment again, with the token, notebook folder and caps it was made with, and
    /// (unless told not to) waits for Jupyter. Its host folders are judged again first: a folder may have
    /// been swapped for a link since the launch. A container Berth did not make is just started.
    Result<EnvironmentInfo> start(const std::string& nameOrId, const LaunchProgressHandler& onProgress = {},
                                  const std::atomic<bool>* cancel = nullptr);

    /// What the engine says of an environment now, with its token (read back from the container).
    Result<EnvironmentInfo> describe(const std::string& nameOrId);

    /// Waits until the environment's Jupyter answers with its token; errors carry the log's last lines.
    Result<EnvironmentInfo> waitReady(const std::string& nameOrId, const LaunchProgressHandler& onProgress = {},
                                      const std::atomic<bool>* cancel = nullptr);

    /// User files that removing the container would lose: added or changed in the container's own layer
    /// (outside its mounts) under the notebook folder, home folders or as notebooks anywhere, and files in
    /// its anonymous volumes (RemovalGuard.h).
    Result<std::vector<std::string>> filesAtRisk(const std::string& nameOrId);

    /// Whether Jupyter's published port is on this machine: the address looks local and the engine's identity
    /// is this host's (asked once).
    Result<bool> engineRunsHere();

    /// What ran, for a paper's methods section: image reference, digest and id, declared CUDA, caps, mounts,
    /// ports, Jupyter version, times, engine. `host` (GPUs and driver) is merged in as given.
    Result<nlohmann::json> record(const std::string& nameOrId, const nlohmann::json& host = nullptr);

private:
    Result<std::string> discoverToken(const std::string& id, int containerPortNumber, std::string& source);
    Error earlyExit(const std::string& id, const ContainerDetails& details);

    EngineClient& m_engine;
    LaunchOptions m_options;
    const std::atomic<bool>* m_cancel = nullptr; ///< the running launch's or wait's, for reads along the way
    std::optional<bool> m_runsHere;
};

} // namespace berth::core
