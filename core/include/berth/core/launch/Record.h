// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// What ran, for a paper's methods section.

#include "berth/core/gpu/GpuHost.h"
#include "berth/core/launch/Readiness.h"

#include <nlohmann/json.hpp>

namespace berth::core {

/// Image reference, digest and id, declared CUDA, caps, mounts, ports, Jupyter version, times, engine, and the
/// host's GPUs and driver when given (`host`: null leaves them out, for an engine on another machine).
Result<nlohmann::json> environmentRecord(EngineClient& engine, Readiness& readiness, const std::string& nameOrId,
                                         const HostGpus* host);

} // namespace berth::core
