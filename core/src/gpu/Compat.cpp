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

std::string hostText(const HostGpus& host)
{
    return "this machine has driver " + host.driverVersion +
           (host.cudaVersion.empty() ? std::string() : " (CUDA " + host.cudaVersion + ")") + gpuList(host);
}

std::string cpuTwinTail(const ImageNeeds& needs)
{
    return needs.cpuTwin.empty() ? std::string() : ", or use " + needs.cpuTwin + " (the CPU version)";
}

Verdict cannot(Verdict v, Verdict::Reason reason, std::string message, std::string suggestion)
{
    v.kind = Verdict::Kind::CannotRun;
    v.reason = reason;
    v.message = std::move(message);
    v.suggestion = std::move(suggestion);
    return v;
}

Verdict unknown(Verdict v, Verdict::Reason reason, std::string message, std::string suggestion)
{
    v.kind = Verdict::Kind::Unknown;
    v.reason = reason;
    v.message = std::move(message);
    v.suggestion = std::move(suggestion);
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

int Verdict::exitCode() const
{
    switch (kind) {
    case Kind::RunsOnGpu:
    case Kind::RunsOnCpu:
        return Compat::kExitRuns;
    case Kind::CannotRun:
        return Compat::kExitCannotRun;
    case Kind::Unknown:
        break;
    }
    return Compat::kExitUnknown;
}

nlohmann::json Verdict::toJson() const
{
    return {{"verdict", toString(kind)},
            {"reason", toString(reason)},
            {"message", message},
            {"suggestion", suggestion},
            {"requiredDriver", requiredDriver},
            {"minorVersionCompat", minorVersionCompat},
            {"toolkitMessage", toolkitMessage},
            {"exitCode", exitCode()},
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
        v.suggestion = !needs.gpuTwin.empty() && host.hasNvidiaDriver()
                           ? "To use this machine's NVIDIA GPU, use " + needs.gpuTwin + " and check it again."
                           : "Nothing to change: start it.";
        return v;
    }
    if (needs.kind == ImageNeeds::Kind::Unknown) {
        return unknown(std::move(v), Verdict::Reason::ImageUnknown, "Berth cannot tell " + needs.missing + ".",
                       needs.readFromImage ? "Ask the image's authors which CUDA it needs."
                                       : "Pull it first (berthctl pull " + ref + "), then run berthctl check " + ref +
                                             " again.");
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
                       "Run berthctl check " + ref + " on the machine that runs the engine.");
    }
    if (!host.hasNvidiaDriver()) {
        if (host.driverNotLoaded) {
            return cannot(std::move(v), Verdict::Reason::DriverNotLoaded,
                          "This image needs an NVIDIA GPU" + cudaText +
                              "; the NVIDIA driver on this machine is installed but not loaded.",
                          "Load the NVIDIA driver (reboot, or run 'sudo modprobe nvidia'), then check again" +
                              cpuTwinTail(needs) + ".");
        }
        return cannot(std::move(v), Verdict::Reason::NoGpu,
                      "This image needs an NVIDIA GPU" + cudaText +
                          ", and this machine has no NVIDIA GPU (no NVIDIA driver was found)." +
                          (host.rocm ? " It has an AMD GPU (ROCm), which CUDA images cannot use." : ""),
                      needs.cpuTwin.empty() ? "Run it on a machine with an NVIDIA GPU, or choose a CPU image."
                                            : "Use " + needs.cpuTwin + " (the CPU version) instead.");
    }
    if (host.cudaVersion.empty()) {
        return unknown(std::move(v), Verdict::Reason::HostUnknown,
                       "Berth found NVIDIA driver " + host.driverVersion +
                           " but not which CUDA it supports (it is older than every driver Berth's table knows).",
                       v.requiredDriver.empty() ? "Update the NVIDIA driver to a current release, then check again."
                                                : "Update the NVIDIA driver to " + driverMajor(v.requiredDriver) +
                                                      " or newer, then check again.");
    }
    if (needs.cuda.empty() && needs.requirements.empty()) {
        return unknown(std::move(v), Verdict::Reason::ImageUnknown, "Berth cannot tell " + needs.missing + ".",
                       "Pick a tag that names its CUDA version, or pull the image and check it again.");
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
                          needs.cpuTwin.empty() ? "Use another image, or ask its authors to fix NVIDIA_REQUIRE_CUDA."
                                                : "Use " + needs.cpuTwin + " (the CPU version), or another image.");
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
                                  "Run it on a machine with a newer NVIDIA GPU" + cpuTwinTail(needs) + ".");
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
            message = "This image requires '" + needs.requirements.front() + "', which this machine's NVIDIA driver " +
                      host.driverVersion + " (CUDA " + host.cudaVersion + ") does not meet.";
        } else if (!v.requiredDriver.empty()) {
            message = "This image needs CUDA " + needs.cuda + ", which needs NVIDIA driver " + v.requiredDriver +
                      " or newer; this machine has " + host.driverVersion + ".";
        } else {
            message = "This image needs CUDA " + needs.cuda + ", newer than this machine's NVIDIA driver " +
                      host.driverVersion + " supports (CUDA " + host.cudaVersion + ").";
        }
        std::string suggestion = v.requiredDriver.empty()
                                     ? "Update the NVIDIA driver to its newest release"
                                     : "Update the driver to " + driverMajor(v.requiredDriver) + " or newer";
        suggestion += cpuTwinTail(needs);
        if (auto older = needs.olderImageFor(host.cudaVersion); !older.empty()) {
            suggestion += (needs.cpuTwin.empty() ? ", or use " : ", or ") + older +
                          " (an older release built for a CUDA this driver runs)";
        } else if (needs.framework == "cuda") {
            suggestion += ", or use an nvidia/cuda image of CUDA " + host.cudaVersion + " or older";
        }
        suggestion += ".";
        if (!v.toolkitMessage.empty()) {
            v.notes.push_back("Started anyway, the NVIDIA Container Toolkit would refuse it: " + v.toolkitMessage);
        }
        return cannot(std::move(v), Verdict::Reason::DriverTooOld, message, suggestion);
    }

    // The engine.
    if (engine.state == EngineGpuSupport::State::No) {
        return cannot(std::move(v), Verdict::Reason::EngineCannotPassGpus,
                      std::string(EngineGpuSupport::installToolkitMessage()) + ".",
                      "Install the NVIDIA Container Toolkit, run 'sudo nvidia-ctk runtime configure --runtime=docker', "
                      "then restart Docker (sudo systemctl restart docker)" +
                          cpuTwinTail(needs) + ".");
    }
    if (engine.state == EngineGpuSupport::State::Unknown) {
        return unknown(std::move(v), Verdict::Reason::EngineUnknown,
                       "The image fits this machine's driver, but Berth cannot tell whether the engine can hand GPUs "
                       "to containers: " +
                           engine.detail + ".",
                       "Start the engine (or check DOCKER_HOST), then check again.");
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
        v.suggestion = v.requiredDriver.empty()
                           ? "Start it; update the NVIDIA driver if a program reports a PTX or JIT error."
                           : "Start it; if a program reports a PTX or JIT error, update the driver to " +
                                 driverMajor(v.requiredDriver) + " or newer.";
    } else {
        v.suggestion = "Nothing to change: start it.";
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
