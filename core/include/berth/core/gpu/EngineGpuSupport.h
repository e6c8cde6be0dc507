// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Whether the engine can hand NVIDIA GPUs to containers: the nvidia runtime registered in /info, a CDI
// spec for nvidia.com/gpu in the engine's CDI dirs, or the toolkit's hook that Docker's --gpus needs.

#include "berth/core/engine/EngineTypes.h"
#include "berth/core/base/Result.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace berth::core {

class EngineClient;

struct EngineGpuSupport
{
    enum class State
    {
        Yes,
        No,
        Unknown,
    };
    State state = State::Unknown;
    bool nvidiaRuntime = false; ///< "nvidia" in /info Runtimes
    bool cdi = false;           ///< a CDI spec for nvidia.com/gpu in the engine's CDI spec dirs
    bool toolkitHook = false;   ///< nvidia-container-runtime-hook found (what docker run's GPU option needs)
    bool remote = false;        ///< the engine is on another machine: this machine's GPUs are not its GPUs
    std::string endpoint;
    std::string machine; ///< an engine through ssh: its machine ("me@lab"), where CDI and the hook were looked for
    std::string detail; ///< one sentence for people

    /// The toolkit's install steps, as Berth tells them.
    static const char* installToolkitMessage();

    /// From the engine's /info. For a local engine the CDI spec dirs and the hook are looked for on this
    /// machine (`hookDirs`: where the toolkit installs nvidia-container-runtime-hook).
    static EngineGpuSupport fromInfo(const EngineInfo& info, const std::string& endpoint,
                                     const std::vector<std::string>& hookDirs = {"/usr/bin", "/usr/local/bin",
                                                                                 "/usr/sbin", "/bin"});
    /// Asks the engine; Unknown (with the reason) when it cannot be reached.
    static EngineGpuSupport detect(EngineClient& engine);
    static EngineGpuSupport unknown(std::string why);

    /// When an engine error is the one a GPU request gives without the toolkit ("could not select device
    /// driver ..."), or the toolkit's own refusal ("unsatisfied condition: cuda>=..."), rewrites `error` into
    /// words a student can act on, with remedies, and returns true; false (untouched) for other errors. For
    /// `launch` to turn a failed start into advice.
    static bool explainStartError(Error& error, const std::string& image);

    nlohmann::json toJson() const;
};

const char* toString(EngineGpuSupport::State state);

/// True for unix:// and npipe:// endpoints and tcp:// to localhost, 127.0.0.1 or ::1.
bool isLocalEndpoint(const std::string& endpoint);

} // namespace berth::core
