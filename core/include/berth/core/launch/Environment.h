// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// A Berth environment: a container the engine knows by its berth.* labels. State lives in the engine, so a
// restarted app, or another machine's, finds its environments again. The label names are here and nowhere else.

#include "berth/core/base/Result.h"
#include "berth/core/engine/EngineTypes.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace berth::core {

class EngineClient;

namespace labels {
inline constexpr const char* kEnvironment = "berth.env";               ///< the environment's name
inline constexpr const char* kVersion = "berth.version";               ///< the Berth that made it
inline constexpr const char* kTokenSource = "berth.token-source";      ///< "env": Berth gave the token
inline constexpr const char* kPort = "berth.port";                     ///< Jupyter's container port ("8888/tcp")
inline constexpr const char* kNotebookRoot = "berth.notebook-root";    ///< where Jupyter serves from
inline constexpr const char* kWorkspace = "berth.workspace";           ///< the notebook folder on the host
inline constexpr const char* kWorkspaceTarget = "berth.workspace-target"; ///< where it is in the container
inline constexpr const char* kProfile = "berth.profile";               ///< the classroom profile it came from
inline constexpr const char* kMemory = "berth.memory";                 ///< its memory cap in bytes ("" none)
inline constexpr const char* kCpus = "berth.cpus";                     ///< its CPU cap in billionths of a CPU
inline constexpr const char* kGpus = "berth.gpus";                     ///< "all", a count, device ids, or ""
/// A profile's postStartCommand, run again at every start: [{"key": ..., "argv": [...]}] as JSON.
inline constexpr const char* kStartCommands = "berth.start-commands";
} // namespace labels

/// The engine's container states, and Unknown for a word it has not used before.
enum class EnvironmentState
{
    Created,
    Running,
    Paused,
    Restarting,
    Removing,
    Exited,
    Dead,
    Unknown,
};
EnvironmentState environmentStateFrom(std::string_view engineWord);
/// The engine's word ("running").
const char* toString(EnvironmentState state);

/// Where an environment's token came from.
enum class TokenSource
{
    None,       ///< not known (stopped, or the image's own token could not be read)
    Berth,      ///< Berth's, in the container's environment (JUPYTER_TOKEN)
    ServerList, ///< the image chose its own; read from `jupyter server list`
    Log,        ///< the image chose its own; read from its log
};
/// "env", "server-list", "log", "" (the words of berth.token-source and of --json).
const char* toString(TokenSource source);

/// A Berth environment as the engine knows it (labels, state, port) plus what Berth learnt from Jupyter.
struct EnvironmentInfo
{
    std::string name;
    std::string id;
    std::string image;
    EnvironmentState state = EnvironmentState::Unknown;
    bool ready = false;
    int hostPort = 0;   ///< Jupyter's port on this machine's 127.0.0.1 (through ssh: the forwarded one)
    int enginePort = 0; ///< through ssh: the port published on the engine's machine's 127.0.0.1; else 0
    std::string machine; ///< through ssh: the engine's machine ("me@lab"), where the folders are; else empty
    std::string url;    ///< http://127.0.0.1:<port>/ — never with the token
    std::string token;
    TokenSource tokenSource = TokenSource::None;
    std::string workspace; ///< host folder mounted at notebookRoot (or empty)
    std::string workspaceTarget;
    std::string notebookRoot;
    std::string jupyterVersion;
    std::string profile;
    std::string status; ///< the engine's words for people ("Up 3 minutes"), from the list
    bool gpuImageOnCpu = false; ///< an image built for NVIDIA GPUs, launched without GPUs: it runs on the CPU
    std::int64_t memory = 0;    ///< its memory cap in bytes, 0 none (from its labels)
    std::int64_t nanoCpus = 0;  ///< its CPU cap, 0 none
    std::string gpus;           ///< what GPUs it asked for, "" none
};

/// A label's value, "" when the container has no such label.
std::string labelValue(const std::map<std::string, std::string>& labels, const char* key);

/// What an environment's berth.* labels say into `env`: its folders, profile and caps. Returns Jupyter's
/// container port ("8888/tcp" when the label is missing). One reading for the list and for inspect alike.
std::string readLabels(EnvironmentInfo& env, const std::map<std::string, std::string>& labels);

/// The JSON form of an environment (berthctl's --json, records); the token only when asked for.
nlohmann::json toJson(const EnvironmentInfo& env, bool withToken);

/// An environment from the engine's container list alone: name, state, image, address and notebook folder,
/// without asking Jupyter (ready stays false, no token). Containers without berth.env are not environments.
std::optional<EnvironmentInfo> environmentFromSummary(const ContainerSummary& container);

/// Every Berth environment on the engine, stopped ones too, in one request (the engine filters by label):
/// cheap enough to redo on each engine event.
Result<std::vector<EnvironmentInfo>> listEnvironments(EngineClient& engine);

} // namespace berth::core
