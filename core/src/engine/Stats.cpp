// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/engine/Stats.h"

#include "base/JsonAccess.h"
#include "base/Text.h"

namespace berth::core {

using namespace berth::core::jread;

StatsSample computeStats(const nlohmann::json& s)
{
    StatsSample out;
    out.read = str(s, "read");

    // CPU, as docker/cli calculateCPUPercentUnix.
    const auto& cpu = path(s, {"cpu_stats"});
    const auto& pre = path(s, {"precpu_stats"});
    const double cpuDelta = static_cast<double>(u64(path(cpu, {"cpu_usage"}), "total_usage")) -
                            static_cast<double>(u64(path(pre, {"cpu_usage"}), "total_usage"));
    const double sysDelta =
        static_cast<double>(u64(cpu, "system_cpu_usage")) - static_cast<double>(u64(pre, "system_cpu_usage"));
    double online = static_cast<double>(u64(cpu, "online_cpus"));
    if (online == 0) {
        const auto* per = member(path(cpu, {"cpu_usage"}), "percpu_usage");
        online = per && per->is_array() ? static_cast<double>(per->size()) : 0;
    }
    // A one-shot sample has no earlier reading (precpu all zero): there is no rate to tell yet.
    const bool hasPrevious = u64(pre, "system_cpu_usage") > 0;
    if (hasPrevious && sysDelta > 0 && cpuDelta > 0) {
        out.cpuPercent = cpuDelta / sysDelta * online * 100.0;
    }

    // Memory, as docker/cli calculateMemUsageUnixNoCache: v1 total_inactive_file, v2 inactive_file.
    const auto& mem = path(s, {"memory_stats"});
    const std::uint64_t usage = u64(mem, "usage");
    const auto& ms = path(mem, {"stats"});
    std::uint64_t cache = 0;
    if (member(ms, "total_inactive_file")) {
        cache = u64(ms, "total_inactive_file");
    } else if (member(ms, "inactive_file")) {
        cache = u64(ms, "inactive_file");
    }
    out.memoryUsed = cache < usage ? usage - cache : usage;
    out.memoryLimit = u64(mem, "limit");
    if (out.memoryLimit > 0) {
        out.memoryPercent = static_cast<double>(out.memoryUsed) / static_cast<double>(out.memoryLimit) * 100.0;
    }

    if (const auto* nets = member(s, "networks"); nets && nets->is_object()) {
        for (auto it = nets->begin(); it != nets->end(); ++it) {
            out.netRx += u64(it.value(), "rx_bytes");
            out.netTx += u64(it.value(), "tx_bytes");
        }
    }
    if (const auto* io = member(path(s, {"blkio_stats"}), "io_service_bytes_recursive"); io && io->is_array()) {
        for (const auto& e : *io) {
            const std::string op = text::lower(str(e, "op"));
            if (op == "read") {
                out.blockRead += u64(e, "value");
            } else if (op == "write") {
                out.blockWrite += u64(e, "value");
            }
        }
    }
    out.pids = u64(path(s, {"pids_stats"}), "current");
    return out;
}

} // namespace berth::core
