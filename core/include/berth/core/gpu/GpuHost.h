// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// The GPUs of this machine: NVML loaded at run time (so Berth runs where no NVIDIA software is), then
// nvidia-smi's CSV output, then /proc/driver/nvidia/version; AMD ROCm noticed through /dev/kfd.

#include "berth/core/base/Result.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::core {

class EngineClient;
class RemoteHost;

struct GpuDevice
{
    int index = 0;
    std::string name;
    std::string uuid;
    std::uint64_t memoryTotal = 0;    ///< bytes; 0 when unknown
    std::string computeCapability;    ///< "8.6"; empty when unknown
    std::string brand;                ///< libnvidia-container's name ("GeForce", "Tesla"); empty when unknown
};

/// One GPU's load at a moment.
struct GpuUsage
{
    int index = 0;
    int gpuPercent = -1;      ///< the share of time a kernel ran, 0..100; -1 unknown
    std::int64_t memoryUsed = -1; ///< bytes; -1 unknown
    std::int64_t memoryTotal = -1;
};

struct HostGpus
{
    enum class Source
    {
        None,
        Nvml,
        NvidiaSmi,
        ProcVersion,
    };
    Source source = Source::None;
    std::string driverVersion; ///< "535.129.03"; empty when no driver was found
    std::string cudaVersion;   ///< the newest CUDA the driver supports, "12.2"
    bool cudaFromTable = false; ///< cudaVersion was derived from the driver table, not reported by the driver
    /// An NVIDIA driver is installed but not running (NVML "Driver Not Loaded", nvidia-smi cannot talk to it).
    bool driverNotLoaded = false;
    std::vector<GpuDevice> gpus;
    bool rocm = false; ///< /dev/kfd exists (AMD ROCm); Berth has no verdict for it yet
    /// What each way of looking found or why it failed, in order, for people ("NVML: ...").
    std::vector<std::string> notes;
    bool unknown = false; ///< the other machine could not be asked (ssh failed): not "no GPU", not known
    std::string machine; ///< the other machine these are on (an engine through ssh: "me@lab"); empty: this one

    /// A driver is running: a verdict can be made for NVIDIA images.
    bool hasNvidiaDriver() const { return !driverVersion.empty(); }
};

const char* toString(HostGpus::Source source);
nlohmann::json toJson(const HostGpus& host);

/// Where to look; tests and diagnostics change these.
struct GpuProbeOptions
{
    std::string nvmlLibrary = "libnvidia-ml.so.1"; ///< a name (normal library search path) or a path
    std::string nvidiaSmi = "nvidia-smi";          ///< a name searched on PATH, or a path
    std::string procVersionPath = "/proc/driver/nvidia/version";
    std::string kfdPath = "/dev/kfd";
    std::chrono::milliseconds smiTimeout{10000};
    bool useNvml = true;
    bool useNvidiaSmi = true;
    bool useProc = true;

    /// The defaults, changed by BERTH_NVML_LIBRARY, BERTH_NVIDIA_SMI, BERTH_NVIDIA_PROC_VERSION and
    /// BERTH_KFD_PATH when set (for machines with NVML in an odd place, and for tests).
    static GpuProbeOptions fromEnvironment();
};

/// What nvidia-smi's CSV output says.
struct NvidiaSmiReport
{
    std::string driverVersion;
    std::vector<GpuDevice> gpus;
};

/// What a run of a command gave.
struct CommandOutput
{
    int exitCode = -1;        ///< -1 when killed or not run
    bool timedOut = false;
    std::string out;          ///< stdout and stderr together, at most 1 MiB
};

class GpuHost
{
public:
    /// NVML, then nvidia-smi, then /proc; never fails: what could not be learned is in `notes`.
    static HostGpus probe(const GpuProbeOptions& options = GpuProbeOptions::fromEnvironment());

    /// Another machine's GPUs (an engine reached through ssh): nvidia-smi run there, over the same connection;
    /// never fails: what could not be learned is in `notes`.
    static HostGpus probeRemote(RemoteHost& host, std::chrono::milliseconds timeout = std::chrono::seconds(20));
    /// The GPUs of the machine the engine runs on: this one's (probe), or the remote's (probeRemote).
    static HostGpus probeEngineHost(EngineClient& engine);

    /// How busy each GPU is now, from NVML (nvidia-smi is not asked: too slow to sample every second).
    /// NotFound without NVML; a GPU whose figures NVML does not give has -1 in them.
    static Result<std::vector<GpuUsage>> sampleUsage(const std::string& nvmlLibrary =
                                                         GpuProbeOptions::fromEnvironment().nvmlLibrary);

    /// NVML only. The error tells why not (library missing, driver not loaded with kind Unsupported, ...).
    static Result<HostGpus> probeNvml(const std::string& library);
    /// nvidia-smi only (asks for compute_cap, and again without it for drivers older than 510).
    static Result<HostGpus> probeNvidiaSmi(const std::string& program, std::chrono::milliseconds timeout);
    /// /proc/driver/nvidia/version only.
    static Result<HostGpus> probeProcVersion(const std::string& path);

    /// nvidia-smi --query-gpu CSV, with a header line (column names, units in brackets) or, when
    /// `columns` is given, without one. Values may carry units ("24576 MiB"); N/A reads as empty.
    static Result<NvidiaSmiReport> parseNvidiaSmiCsv(std::string_view text,
                                                     const std::vector<std::string>& columns = {});
    /// The driver version in /proc/driver/nvidia/version text: the first dotted number after "Module".
    static std::optional<std::string> parseProcVersion(std::string_view text);
    /// NVML's nvmlBrandType_t as libnvidia-container names it for `brand=` conditions.
    static std::string brandName(int nvmlBrand);

    /// Runs argv[0] (searched on PATH) with a hard timeout: the process is killed when it runs longer.
    static CommandOutput run(const std::vector<std::string>& argv, std::chrono::milliseconds timeout);
};

} // namespace berth::core
