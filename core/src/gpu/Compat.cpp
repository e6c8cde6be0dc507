// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/gpu/Compat.h"

#include "berth/core/gpu/CompatTables.h"
#include "berth/core/gpu/CudaRequirement.h"
#include "berth/core/engine/EngineClient.h"

#include <cstdlib>

namespace berth::core {

namespace {

std::string driverMajor(const std::string& driver)
{
    return driver.substr(0, driver.find('.'));
}

std::string gpuList(const HostGpus& host)
{
    if (host.gpus.empty()) {
        return {};
    }
    std::string names;
    for (const auto& g : host.gpus) {
        names += (names.empty() ? "" : ", ") + (g.name.empty() ? "GPU " + std::to_string(g.index) : g.name);
    }
    return " and " + std::to_string(host.gpus.size()) + (host.gpus.size() == 1 ? " GPU: " : " GPUs: ") + names;
}

/// Where the GPUs are, as a sentence names them: "this machine", or the remote's name (an engine through ssh).
std::string machineOf(const HostGpus& host)
{
    return host.machine.empty() ? std::string("this machine") : host.machine;
}

std::string hostText(const HostGpus& host)
{
    return machineOf(host) + " has driver " + host.driverVersion +
           (host.cudaVersion.empty() ? std::string() : " (CUDA " + host.cudaVersion + ")") + gpuList(host);
}

using Remedies = std::vector<Remedy>;

/// `first`, then the CPU version of the image when there is one.
Remedies orCpuTwin(const ImageNeeds& needs, Remedies first)
{
    if (!needs.cpuTwin.empty()) {
        first.push_back({RemedyKind::UseCpuImage, {needs.cpuTwin}});
    }
    return first;
}

Verdict cannot(Verdict v, Verdict::Reason reason, std::string message, Remedies remedies)
{
    v.kind = Verdict::Kind::CannotRun;
    v.reason = reason;
    v.message = std::move(message);
    v.remedies = std::move(remedies);
    return v;
}

Verdict unknown(Verdict v, Verdict::Reason reason, std::string message, Remedies remedies)
{
    v.kind = Verdict::Kind::Unknown;
    v.reason = reason;
    v.message = std::move(message);
    v.remedies = std::move(remedies);
    return v;
}

/// The first arch condition of the requirements that the device fails, for GpuTooOld's message.
std::optional<std::string> failingArch(const ImageNeeds& needs, const GpuDevice& gpu)
{
    if (gpu.computeCapability.empty()) {
        return std::nullopt;
    }
    for (const auto& r : needs.requirements) {
        for (const auto& alt : CudaRequirement::alternatives(r)) {
            for (const auto& c : alt) {
                if (c.key != "arch") {
                    continue;
                }
                RequirementDevice d{gpu.computeCapability, gpu.brand.empty() ? std::nullopt : std::optional(gpu.brand)};
                auto res = CudaRequirement::evaluate("arch" + c.op + c.value, {}, &d);
                if (res.outcome == RequirementResult::Outcome::Unsatisfied) {
                    return "arch" + c.op + c.value;
                }
            }
        }
    }
    return std::nullopt;
}

} // namespace

const char* toString(Verdict::Kind kind)
{
    switch (kind) {
    case Verdict::Kind::RunsOnGpu:
        return "runs-on-gpu";
    case Verdict::Kind::RunsOnCpu:
        return "runs-on-cpu";
    case Verdict::Kind::CannotRun:
        return "cannot-run";
    case Verdict::Kind::Unknown:
        break;
    }
    return "unknown";
}

const char* toString(Verdict::Reason reason)
{
    switch (reason) {
    case Verdict::Reason::None:
        return "none";
    case Verdict::Reason::DriverTooOld:
        return "driver-too-old";
    case Verdict::Reason::NoGpu:
        return "no-gpu";
    case Verdict::Reason::DriverNotLoaded:
        return "driver-not-loaded";
    case Verdict::Reason::EngineCannotPassGpus:
        return "engine-cannot-pass-gpus";
    case Verdict::Reason::GpuTooOld:
        return "gpu-too-old";
    case Verdict::Reason::InvalidRequirement:
        return "invalid-requirement";
    case Verdict::Reason::ImageUnknown:
        return "image-unknown";
    case Verdict::Reason::HostUnknown:
        return "host-unknown";
    case Verdict::Reason::EngineUnknown:
        return "engine-unknown";
    }
    return "none";
}

nlohmann::json Verdict::remediesJson() const
{
    return remediesToJson(remedies);
}

nlohmann::json Verdict::toJson() const
{
    return {{"verdict", toString(kind)},
            {"reason", toString(reason)},
            {"message", message},
            {"remedies", remediesJson()},
            {"requiredDriver", requiredDriver},
            {"minorVersionCompat", minorVersionCompat},
            {"toolkitMessage", toolkitMessage},
            {"image", needs.toJson()},
            {"engine", engine.toJson()},
            {"notes", notes}};
}

Verdict Compat::decide(const ImageNeeds& needs, const HostGpus& host, const EngineGpuSupport& engine)
{
    Verdict v;
    v.needs = needs;
    v.engine = engine;
    const std::string& ref = needs.reference;

    if (needs.kind == ImageNeeds::Kind::Cpu) {
        v.kind = Verdict::Kind::RunsOnCpu;
        v.message = ref + " is a CPU image: it runs on the CPU and needs no GPU.";
        v.remedies = {!needs.gpuTwin.empty() && host.hasNvidiaDriver() ? Remedy{RemedyKind::UseGpuImage, {needs.gpuTwin}}
                                                                      : Remedy{RemedyKind::StartIt, {}}};
        return v;
    }
    if (needs.kind == ImageNeeds::Kind::Unknown) {
        return unknown(std::move(v), Verdict::Reason::ImageUnknown, "Berth cannot tell " + needs.missing + ".",
                       {needs.readFromImage ? Remedy{RemedyKind::AskImageAuthors, {}}
                                            : Remedy{RemedyKind::PullAndCheck, {ref}}});
    }

    // A GPU image.
    const std::string cudaText = needs.cuda.empty() ? std::string() : " (CUDA " + needs.cuda + ")";
    if (!needs.cuda.empty()) {
        v.requiredDriver = CompatTables::minDriverFor(needs.cuda).value_or("");
    }
    if (engine.remote) {
        return unknown(std::move(v), Verdict::Reason::EngineUnknown,
                       "The engine at " + engine.endpoint +
                           " is on another machine: Berth cannot see that machine's GPUs and driver from here.",
                       {{RemedyKind::CheckOnEngineMachine, {ref}}});
    }
    if (host.unknown) {
        return unknown(std::move(v), Verdict::Reason::HostUnknown,
                       "Berth could not ask " + machineOf(host) + " about its GPUs" +
                           (host.notes.empty() ? std::string(".") : ": " + host.notes.front() + "."),
                       {{RemedyKind::CheckOnEngineMachine, {ref}}});
    }
    if (!host.hasNvidiaDriver()) {
        if (host.driverNotLoaded) {
            return cannot(std::move(v), Verdict::Reason::DriverNotLoaded,
                          "This image needs an NVIDIA GPU" + cudaText +
                              "; the NVIDIA driver on " + machineOf(host) + " is installed but not loaded.",
                          orCpuTwin(needs, {{RemedyKind::LoadDriver, {}}}));
        }
        return cannot(std::move(v), Verdict::Reason::NoGpu,
                      "This image needs an NVIDIA GPU" + cudaText +
                          ", and " + machineOf(host) + " has no NVIDIA GPU (no NVIDIA driver was found)." +
                          (host.rocm ? " It has an AMD GPU (ROCm), which CUDA images cannot use." : ""),
                      needs.cpuTwin.empty() ? Remedies{{RemedyKind::UseMachineWithGpu, {}}}
                                            : Remedies{{RemedyKind::UseCpuImage, {needs.cpuTwin}}});
    }
    if (host.cudaVersion.empty()) {
        return unknown(std::move(v), Verdict::Reason::HostUnknown,
                       "Berth found NVIDIA driver " + host.driverVersion +
                           " but not which CUDA it supports (it is older than every driver Berth's table knows).",
                       {{RemedyKind::UpdateDriver,
                         {v.requiredDriver.empty() ? std::string() : driverMajor(v.requiredDriver)}}});
    }
    if (needs.cuda.empty() && needs.requirements.empty()) {
        return unknown(std::move(v), Verdict::Reason::ImageUnknown, "Berth cannot tell " + needs.missing + ".",
                       {{RemedyKind::PickCudaTag, {}}, {RemedyKind::PullAndCheck, {ref}}});
    }

    // The driver.
    bool tooOld = false;
    // CUDA minor-version compatibility: an older driver of the same CUDA major, at or above that major's floor.
    auto minorCompat = [&] {
        const int major = std::atoi(needs.cuda.c_str());
        const auto floor = CompatTables::minorCompatFloor(major);
        if (std::atoi(host.cudaVersion.c_str()) == major && floor && compareVersions(host.driverVersion, *floor) >= 0) {
            v.minorVersionCompat = true;
        }
        return v.minorVersionCompat;
    };
    if (!needs.requirements.empty()) {
        RequirementHost rh{host.driverVersion, host.cudaVersion};
        std::vector<RequirementDevice> devices;
        for (const auto& g : host.gpus) {
            devices.push_back({g.computeCapability.empty() ? std::nullopt : std::optional(g.computeCapability),
                               g.brand.empty() ? std::nullopt : std::optional(g.brand)});
        }
        const auto r = CudaRequirement::evaluateAll(needs.requirements, rh, devices);
        if (r.outcome == RequirementResult::Outcome::Invalid) {
            v.toolkitMessage = r.toolkitMessage;
            return cannot(std::move(v), Verdict::Reason::InvalidRequirement,
                          "The NVIDIA Container Toolkit cannot read this image's requirement '" + r.requirement +
                              "' ('" + r.failedCondition + "' is not a condition it knows), so it refuses to start it "
                              "on any GPU.",
                          needs.cpuTwin.empty() ? Remedies{{RemedyKind::FixImageRequirement, {}}}
                                                : Remedies{{RemedyKind::UseCpuImage, {needs.cpuTwin}}});
        }
        if (r.outcome == RequirementResult::Outcome::Unsatisfied) {
            v.toolkitMessage = r.toolkitMessage;
            const bool cudaShort = !needs.cuda.empty() && compareVersions(host.cudaVersion, needs.cuda) < 0;
            if (!cudaShort && r.deviceIndex >= 0 && static_cast<std::size_t>(r.deviceIndex) < host.gpus.size()) {
                const auto& gpu = host.gpus[static_cast<std::size_t>(r.deviceIndex)];
                if (auto arch = failingArch(needs, gpu)) {
                    return cannot(std::move(v), Verdict::Reason::GpuTooOld,
                                  "This image needs a GPU with " + *arch + " (compute capability); GPU " +
                                      std::to_string(gpu.index) + " (" + gpu.name + ") has " + gpu.computeCapability +
                                      ".",
                                  orCpuTwin(needs, {{RemedyKind::UseNewerGpu, {}}}));
                }
            }
            tooOld = true;
        } else if (!needs.cuda.empty() && compareVersions(host.cudaVersion, needs.cuda) < 0) {
            // The toolkit lets it start through one of the image's brand/driver alternatives: CUDA forward
            // compatibility (the image's cuda-compat libraries), which NVIDIA supports on data-center GPUs only.
            bool dataCenter = !host.gpus.empty();
            for (const auto& g : host.gpus) {
                dataCenter = dataCenter && (g.brand == "Tesla" || g.brand == "Nvidia");
            }
            if (dataCenter) {
                v.notes.push_back("It starts through CUDA forward compatibility (the image's cuda-compat libraries), "
                                  "which NVIDIA supports on data-center GPUs like these.");
            } else if (!minorCompat()) {
                tooOld = true;
                v.notes.push_back("The NVIDIA Container Toolkit would let it start (the image allows this driver for "
                                  "CUDA forward compatibility), but that works only on data-center GPUs: its CUDA "
                                  "programs would stop with 'CUDA driver version is insufficient'.");
            }
        }
    } else if (compareVersions(host.cudaVersion, needs.cuda) < 0 && !minorCompat()) {
        tooOld = true;
    }
    if (tooOld) {
        std::string message;
        if (needs.cuda.empty()) {
            message = "This image requires '" + needs.requirements.front() + "', which the NVIDIA driver of " + machineOf(host) + ", " +
                      host.driverVersion + " (CUDA " + host.cudaVersion + "), does not meet.";
        } else if (!v.requiredDriver.empty()) {
            message = "This image needs CUDA " + needs.cuda + ", which needs NVIDIA driver " + v.requiredDriver +
                      " or newer; " + machineOf(host) + " has " + host.driverVersion + ".";
        } else {
            message = "This image needs CUDA " + needs.cuda + ", newer than the NVIDIA driver of " + machineOf(host) + ", " +
                      host.driverVersion + ", supports (CUDA " + host.cudaVersion + ").";
        }
        Remedies remedies = orCpuTwin(
            needs, {{RemedyKind::UpdateDriver, {v.requiredDriver.empty() ? std::string() : driverMajor(v.requiredDriver)}}});
        if (auto older = needs.olderImageFor(host.cudaVersion); !older.empty()) {
            remedies.push_back({RemedyKind::UseOlderImage, {older}});
        } else if (needs.framework == "cuda") {
            remedies.push_back({RemedyKind::UseCudaImageUpTo, {host.cudaVersion}});
        }
        if (!v.toolkitMessage.empty()) {
            v.notes.push_back("Started anyway, the NVIDIA Container Toolkit would refuse it: " + v.toolkitMessage);
        }
        return cannot(std::move(v), Verdict::Reason::DriverTooOld, message, std::move(remedies));
    }

    // The engine.
    if (engine.state == EngineGpuSupport::State::No) {
        return cannot(std::move(v), Verdict::Reason::EngineCannotPassGpus,
                      std::string(EngineGpuSupport::installToolkitMessage()) + ".",
                      orCpuTwin(needs, {{RemedyKind::InstallToolkit, {}}}));
    }
    if (engine.state == EngineGpuSupport::State::Unknown) {
        return unknown(std::move(v), Verdict::Reason::EngineUnknown,
                       "The image fits the driver of " + machineOf(host) + ", but Berth cannot tell whether the engine can hand GPUs "
                       "to containers: " +
                           engine.detail + ".",
                       {{RemedyKind::StartEngine, {engine.endpoint}}});
    }

    v.kind = Verdict::Kind::RunsOnGpu;
    v.reason = Verdict::Reason::None;
    v.message = "Runs on the GPU: this image needs " +
                (needs.cuda.empty() ? "'" + needs.requirements.front() + "'" : "CUDA " + needs.cuda) +
                (v.requiredDriver.empty() ? std::string() : " (driver " + v.requiredDriver + " or newer)") + "; " +
                hostText(host) + ".";
    if (v.minorVersionCompat) {
        v.message += " It runs through CUDA minor-version compatibility: most programs work, but ones that "
                     "compile PTX code at run time need driver " +
                     (v.requiredDriver.empty() ? std::string("a newer driver") : v.requiredDriver) + ".";
        v.remedies = {{RemedyKind::StartItUpdateDriverOnJitError,
                       {v.requiredDriver.empty() ? std::string() : driverMajor(v.requiredDriver)}}};
    } else {
        v.remedies = {{RemedyKind::StartIt, {}}};
    }
    return v;
}

Verdict Compat::checkImage(const ImageDetails& image, const std::string& reference, const HostGpus& host,
                           const EngineGpuSupport& engine)
{
    return decide(ImageNeeds::fromImage(image, reference), host, engine);
}

Verdict Compat::checkReference(const std::string& reference, const HostGpus& host, const EngineGpuSupport& engine)
{
    return decide(ImageNeeds::fromReference(reference), host, engine);
}

Result<Verdict> Compat::checkBeforePull(EngineClient& engine, const std::string& reference, const HostGpus& host)
{
    auto image = engine.inspectImage(reference);
    if (!image && image.error().kind != ErrorKind::NotFound) {
        return image.error();
    }
    const auto support = EngineGpuSupport::detect(engine);
    if (image) {
        return checkImage(*image, reference, host, support);
    }
    auto v = checkReference(reference, host, support);
    v.notes.push_back(reference + " is not on this engine: decided from its name and tag, before any pull.");
    return v;
}

} // namespace berth::core
