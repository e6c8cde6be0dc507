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
        return berth::cli::tr("nvidia-smi (NVML was not usable)");
    case HostGpus::Source::ProcVersion:
        return berth::cli::tr("/proc/driver/nvidia/version (NVML and nvidia-smi were not usable)");
    case HostGpus::Source::None:
        break;
    }
    return berth::cli::tr("nothing");
}

std::string driverText(const HostGpus& host)
{
    if (!host.hasNvidiaDriver()) {
        return host.driverNotLoaded ? berth::cli::tr("installed but not loaded") : berth::cli::tr("none");
    }
    std::string t = host.driverVersion;
    if (!host.cudaVersion.empty()) {
        t += host.cudaFromTable ? arg(berth::cli::tr(" (CUDA up to %1, from Berth's driver table)"), host.cudaVersion)
                                : arg(berth::cli::tr(" (CUDA up to %1)"), host.cudaVersion);
    }
    return t;
}

std::string engineText(const EngineGpuSupport& e)
{
    switch (e.state) {
    case EngineGpuSupport::State::Yes:
        return arg(berth::cli::tr("can hand GPUs to containers: %1"), e.detail);
    case EngineGpuSupport::State::No:
        return e.detail;
    case EngineGpuSupport::State::Unknown:
        break;
    }
    return arg(berth::cli::tr("unknown: %1"), e.detail);
}

std::string needsText(const ImageNeeds& n)
{
    switch (n.kind) {
    case ImageNeeds::Kind::Cpu:
        return berth::cli::tr("no GPU (a CPU image)");
    case ImageNeeds::Kind::Gpu:
        if (n.cuda.empty()) {
            return n.requirements.empty() ? berth::cli::tr("an NVIDIA GPU, CUDA unknown")
                                          : arg(berth::cli::tr("an NVIDIA GPU: %1"), n.requirements.front());
        }
        return n.cudnn.empty() ? arg(berth::cli::tr("an NVIDIA GPU with CUDA %1"), n.cuda)
                               : arg(berth::cli::tr("an NVIDIA GPU with CUDA %1, cuDNN %2"), n.cuda, n.cudnn);
    case ImageNeeds::Kind::Unknown:
        break;
    }
    return berth::cli::tr("unknown");
}

} // namespace

int cmdGpu(const Invocation& inv, Runtime& rt)
{
    const HostGpus host = GpuHost::probeEngineHost(rt.engine);
    const EngineGpuSupport engine = EngineGpuSupport::detect(rt.engine);
    if (inv.json) {
        printJson({{"host", toJson(host)}, {"engine", engine.toJson()}});
        return kExitOk;
    }
    if (!host.hasNvidiaDriver()) {
        std::cout << (host.driverNotLoaded
                          ? berth::cli::tr("No NVIDIA GPU found: the NVIDIA driver is installed but not loaded.")
                          : host.machine.empty() ? berth::cli::tr("No NVIDIA GPU found on this machine.")
                                                 : arg(berth::cli::tr("No NVIDIA GPU found on %1."), host.machine))
                  << '\n';
        for (const auto& n : host.notes) {
            std::cout << "  " << core::printable(n) << '\n';
        }
    }
    Table t({berth::cli::tr("NVIDIA driver:"), driverText(host)});
    if (host.hasNvidiaDriver()) {
        t.add({berth::cli::tr("Found with:"), sourceText(host)});
        t.add({berth::cli::tr("GPUs:"), std::to_string(host.gpus.size())});
    }
    t.add({berth::cli::tr("AMD ROCm:"),
           host.rocm ? berth::cli::tr("present (/dev/kfd); Berth gives no verdict for ROCm images yet")
                     : berth::cli::tr("not found")});
    t.add({berth::cli::tr("Engine:"), engineText(engine)});
    t.print(std::cout);
    if (!host.gpus.empty()) {
        std::cout << '\n';
        Table g({berth::cli::tr("INDEX"), berth::cli::tr("NAME"), berth::cli::tr("MEMORY"), berth::cli::tr("COMPUTE"),
                 "UUID"});
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
            std::cout << arg(berth::cli::tr("Note: %1"), core::printable(n)) << '\n';
        }
    }
    return kExitOk;
}

int cmdCheck(const Invocation& inv, Runtime& rt)
{
    const std::string ref = inv.positional.at(0);
    const HostGpus host = GpuHost::probeEngineHost(rt.engine);
    auto verdict = Compat::checkBeforePull(rt.engine, ref, host);
    if (!verdict) {
        return fail(inv, verdict.error());
    }
    const Verdict& v = *verdict;
    if (inv.json) {
        json out = v.toJson();
        out["host"] = toJson(host);
        out["suggestion"] = [&] {
            const EnglishOnly english; // an interface: the same in every language
            return remedySentence(v.remedies);
        }();
        out["exitCode"] = checkExitCode(v);
        printJson(out);
        return checkExitCode(v);
    }
    Table t({berth::cli::tr("Image:"), v.needs.readFromImage
                                           ? arg(berth::cli::tr("%1 (on this engine)"), ref)
                                           : arg(berth::cli::tr("%1 (not on this engine: read from its tag)"), ref)});
    t.add({berth::cli::tr("Needs:"), needsText(v.needs)});
    if (!v.needs.source.empty()) {
        t.add({berth::cli::tr("Known from:"), v.needs.source});
    }
    t.add({host.machine.empty() ? berth::cli::tr("This machine:") : host.machine + ":",
           host.hasNvidiaDriver() ? arg(host.gpus.size() == 1 ? berth::cli::tr("NVIDIA driver %1, %2 GPU")
                                                              : berth::cli::tr("NVIDIA driver %1, %2 GPUs"),
                                        driverText(host), host.gpus.size())
                                  : (host.driverNotLoaded ? berth::cli::tr("NVIDIA driver installed but not loaded")
                                                          : berth::cli::tr("no NVIDIA GPU"))});
    // A CPU image needs nothing of the engine's GPU support: no word of the toolkit.
    t.add({berth::cli::tr("Engine:"), v.kind == Verdict::Kind::RunsOnCpu
                                          ? berth::cli::tr("any engine runs it (no GPU needed)")
                                          : engineText(v.engine)});
    t.add({berth::cli::tr("Verdict:"), verdictText(v)});
    t.add({berth::cli::tr("Why:"), v.message});
    t.add({berth::cli::tr("Do this:"), remedySentence(v.remedies)});
    for (const auto& n : v.notes) {
        t.add({berth::cli::tr("Note:"), n});
    }
    t.print(std::cout);
    return checkExitCode(v);
}

} // namespace berth::cli
