// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace berth::core {

/// One stats sample, computed the way `docker stats` does.
struct StatsSample
{
    double cpuPercent = 0;     ///< of one CPU: 200 means two CPUs busy
    std::uint64_t memoryUsed = 0;  ///< usage less the page cache (inactive_file)
    std::uint64_t memoryLimit = 0;
    double memoryPercent = 0;
    std::uint64_t netRx = 0, netTx = 0;
    std::uint64_t blockRead = 0, blockWrite = 0;
    std::uint64_t pids = 0;
    std::string read; ///< the engine's timestamp of the sample
};

/// From one /containers/{id}/stats document (cgroup v1 or v2; Podman's shape too).
StatsSample computeStats(const nlohmann::json& stats);

} // namespace berth::core
