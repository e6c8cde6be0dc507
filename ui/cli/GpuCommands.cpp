// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// berthctl gpu and berthctl check: this machine's GPUs, and whether an image can run here before it is pulled.

#include "Commands.h"

#include "Table.h"
#include "berth/core/gpu/Compat.h"
#include "berth/core/base/Units.h"

#include <iostream>

namespace berth::cli {

using nlohmann::json;
using namespace berth::core;

namespace {


std::string sourceText(const HostGpus& host)
{
    switch (host.source) {
    case HostGpus::Source::Nvml:
        return "NVML (libnvidia-ml.so.1)";
    case HostGpus::Source::NvidiaSmi:
        return "nvidia-smi (NVML was not usable)";
    case HostGpus::Source::ProcVersion:
        return "/proc/driver/nvidia/version (NVML and nvidia-smi were not usable)";
    case HostGpus::Source::None:
        break;
    }
    return "nothing";
}

std::string driverText(const HostGpus& host)
{
    if (!host.hasNvidiaDriver()) {
        return host.driverNotLoaded ? "installed but not loaded" : "none";
    }
    std::string t = host.driverVersion;
    if (!host.cudaVersion.empty()) {
        t += " (CUDA up to " + host.cudaVersion + (host.cudaFromTable ? ", from Berth's driver table)" : ")");
    }
    return t;
}

std::string engineText(const EngineGpuSupport& e)
{
    switch (e.state) {
    case EngineGpuSupport::State::Yes:
        return "can hand GPUs to containers: " + e.detail;
    case EngineGpuSupport::State::No:
        return e.detail;
    case EngineGpuSupport::State::Unknown:
        break;
    }
    return "unknown: " + e.detail;
}

std::string needsText(const ImageNeeds& n)
{
    switch (n.kind) {
    case ImageNeeds::Kind::Cpu:
        return "no GPU (a CPU image)";
    case ImageNeeds::Kind::Gpu:
        if (n.cuda.empty()) {
            return n.requirements.empty() ? "an NVIDIA GPU, CUDA unknown" : "an NVIDIA GPU: " + n.requirements.front();
        }
        return "an NVIDIA GPU with CUDA " + n.cuda + (n.cudnn.empty() ? "" : ", cuDNN " + n.cudnn);
    case ImageNeeds::Kind::Unknown:
        break;
    }
    return "unknown";
}

} // namespace

int cmdGpu(const Invocation& inv, Runtime& rt)
{
    const HostGpus host = GpuHost::probe();
    const EngineGpuSupport engine = EngineGpuSupport::detect(rt.engine);
    if (inv.json) {
        printJson({{"host", toJson(host)}, {"engine", engine.toJson()}});
        return kExitOk;
    }
    if (!host.hasNvidiaDriver()) {
        std::cout << "No NVIDIA GPU found"
                  << (host.driverNotLoaded ? ": the NVIDIA driver is installed but not loaded." : " on this machine.")
                  << '\n';
        for (const auto& n : host.notes) {
            std::cout << "  " << core::printable(n) << '\n';
        }
    }
    Table t({"NVIDIA driver:", driverText(host)});
    if (host.hasNvidiaDriver()) {
        t.add({"Found with:", sourceText(host)});
        t.add({"GPUs:", std::to_string(host.gpus.size())});
    }
    t.add({"AMD ROCm:", host.rocm ? "present (/dev/kfd); Berth gives no verdict for ROCm images yet" : "not found"});
    t.add({"Engine:", engineText(engine)});
    t.print(std::cout);
    if (!host.gpus.empty()) {
        std::cout << '\n';
        Table g({"INDEX", "NAME", "MEMORY", "COMPUTE", "UUID"});
        for (const auto& d : host.gpus) {
            g.add({std::to_string(d.index), d.name.empty() ? "?" : d.name,
                   d.memoryTotal ? formatBytes(d.memoryTotal) : "?",
                   d.computeCapability.empty() ? "?" : d.computeCapability, d.uuid.empty() ? "?" : d.uuid});
        }
        g.print(std::cout);
    }
    if (host.hasNvidiaDriver() && !host.notes.empty()) {
        std::cout << '\n';
        for (const auto& n : host.notes) {
            std::cout << "Note: " << core::printable(n) << '\n';
        }
    }
    return kExitOk;
}

int cmdCheck(const Invocation& inv, Runtime& rt)
{
    const std::string ref = inv.positional.at(0);
    const HostGpus host = GpuHost::probe();
    auto verdict = Compat::checkBeforePull(rt.engine, ref, host);
    if (!verdict) {
        return fail(inv, verdict.error());
    }
    const Verdict& v = *verdict;
    if (inv.json) {
        json out = v.toJson();
        out["host"] = toJson(host);
        out["suggestion"] = remedySentence(v.remedies);
        out["exitCode"] = checkExitCode(v);
        printJson(out);
        return checkExitCode(v);
    }
    Table t({"Image:", ref + (v.needs.readFromImage ? " (on this engine)" : " (not on this engine: read from its tag)")});
    t.add({"Needs:", needsText(v.needs)});
    if (!v.needs.source.empty()) {
        t.add({"Known from:", v.needs.source});
    }
    t.add({"This machine:", host.hasNvidiaDriver()
                                ? "NVIDIA driver " + driverText(host) + ", " + std::to_string(host.gpus.size()) +
                                      (host.gpus.size() == 1 ? " GPU" : " GPUs")
                                : (host.driverNotLoaded ? "NVIDIA driver installed but not loaded" : "no NVIDIA GPU")});
    // A CPU image needs nothing of the engine's GPU support: no word of the toolkit.
    t.add({"Engine:", v.kind == Verdict::Kind::RunsOnCpu ? std::string("any engine runs it (no GPU needed)")
                                                         : engineText(v.engine)});
    t.add({"Verdict:", verdictText(v)});
    t.add({"Why:", v.message});
    t.add({"Do this:", remedySentence(v.remedies)});
    for (const auto& n : v.notes) {
        t.add({"Note:", n});
    }
    t.print(std::cout);
    return checkExitCode(v);
}

} // namespace berth::cli
