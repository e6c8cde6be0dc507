// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/engine/EngineClient.h"
#include "berth/core/base/Escape.h"
#include "cli/Translate.h"
#include "cli/Wording.h"

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace berth::cli {

/// A parsed command line: flags (--all), options with values (--tail 20; repeated ones keep every value)
/// and positional arguments.
struct Invocation
{
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>> options;
    bool json = false;

    bool has(const std::string& name) const { return options.count(name) > 0; }
    std::optional<std::string> value(const std::string& name) const
    {
        auto it = options.find(name);
        if (it == options.end() || it->second.empty()) {
            return std::nullopt;
        }
        return it->second.back();
    }
};

struct Runtime
{
    core::EngineClient& engine;
    std::shared_ptr<core::EngineClient> shared; ///< the same engine, for what outlives a call (a Launcher)
    std::atomic<bool>& interrupted; ///< set by Ctrl-C
};

enum ExitCode
{
    kExitOk = 0,
    kExitFailure = 1,
    kExitUsage = 2,
};

int cmdInfo(const Invocation& inv, Runtime& rt);
int cmdImages(const Invocation& inv, Runtime& rt);
int cmdPs(const Invocation& inv, Runtime& rt);
int cmdPull(const Invocation& inv, Runtime& rt);
int cmdLogs(const Invocation& inv, Runtime& rt);
int cmdStop(const Invocation& inv, Runtime& rt);
int cmdRm(const Invocation& inv, Runtime& rt);
/// Create, start and wait for a Jupyter environment (LaunchCommands.cpp).
int cmdLaunch(const Invocation& inv, Runtime& rt);
/// Start a stopped environment again (token, folder and caps kept) and wait for Jupyter; restart: stop, then start.
int cmdStart(const Invocation& inv, Runtime& rt);
/// profile validate|show|pin FILE (ProfileCommands.cpp).
int cmdProfile(const Invocation& inv, Runtime& rt);
/// bundle export PROFILE -o FILE.tar, bundle import FILE.tar [DIR] (ProfileCommands.cpp).
int cmdBundle(const Invocation& inv, Runtime& rt);
int cmdRestart(const Invocation& inv, Runtime& rt);
int cmdToken(const Invocation& inv, Runtime& rt);
int cmdOpen(const Invocation& inv, Runtime& rt);
int cmdRecord(const Invocation& inv, Runtime& rt);
/// This machine's GPUs and driver, and whether the engine can pass GPUs (GpuCommands.cpp).
int cmdGpu(const Invocation& inv, Runtime& rt);
/// Whether an image can run here, before any pull; exit 0 runs, 3 cannot run here, 4 unknown (GpuCommands.cpp).
int cmdCheck(const Invocation& inv, Runtime& rt);

/// JSON on stdout, indented, with every control character escaped (Escape.h).
void printJson(const nlohmann::json& j);

/// The engine's own JSON of a container (else an image), escaped for the terminal (EngineCommands.cpp).
int cmdInspect(const Invocation& inv, Runtime& rt);
int cmdRmi(const Invocation& inv, Runtime& rt);
/// CPU, memory, network and PIDs of a container: a stream until Ctrl-C, or one sample with --no-stream.
int cmdStats(const Invocation& inv, Runtime& rt);
/// A command in a running container; its output and exit code are berthctl's.
int cmdExec(const Invocation& inv, Runtime& rt);
/// The engine's events until Ctrl-C (reconnecting when the stream drops), filtered with --filter KEY=VALUE.
int cmdEvents(const Invocation& inv, Runtime& rt);
/// Files out of a container, running or stopped, into a folder; nothing there is replaced.
int cmdCp(const Invocation& inv, Runtime& rt);

/// Prints "berthctl: <message>" on stderr (and a JSON error object on stdout with --json); returns 1.
int fail(const Invocation& inv, const core::Error& error);
/// The same for an error berthctl words itself: `error` is made in the user's language for the terminal, and
/// again in English for --json.
int fail(const Invocation& inv, const std::function<core::Error()>& error);

} // namespace berth::cli
