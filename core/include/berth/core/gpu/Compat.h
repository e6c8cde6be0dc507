// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// The verdict: can this image run here, on the GPU, before anything is pulled? With the reason and what a
// student can do about it (remedies, which each front end words).

#include "berth/core/gpu/EngineGpuSupport.h"
#include "berth/core/engine/EngineTypes.h"
#include "berth/core/gpu/GpuHost.h"
#include "berth/core/gpu/ImageNeeds.h"
#include "berth/core/base/Result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace berth::core {

class EngineClient;

struct Verdict
{
    enum class Kind
    {
        RunsOnGpu, ///< a GPU image whose needs this host and engine meet
        RunsOnCpu, ///< a CPU image: no GPU needed
        CannotRun, ///< a GPU image this machine cannot run; `reason` says why
        Unknown,   ///< Berth cannot tell; `message` says what is missing
    };
    enum class Reason
    {
        None,
        DriverTooOld,         ///< the driver gives an older CUDA than the image needs
        NoGpu,                ///< no NVIDIA GPU or driver on this machine
        DriverNotLoaded,      ///< the driver is installed but not running
        EngineCannotPassGpus, ///< the engine has no NVIDIA runtime, CDI spec or toolkit hook
        GpuTooOld,            ///< an arch= condition fails: the GPU's compute capability is too low
        InvalidRequirement,   ///< the toolkit cannot read the image's NVIDIA_REQUIRE_* and refuses it anywhere
        ImageUnknown,         ///< what the image needs is not known
        HostUnknown,          ///< what this machine gives is not known
        EngineUnknown,        ///< whether the engine can pass GPUs is not known (remote or unreachable)
    };
    Kind kind = Kind::Unknown;
    Reason reason = Reason::None;
    std::string message;    ///< what Berth found, in sentences for a student
    std::vector<Remedy> remedies; ///< what to do, first the best; alternatives after it
    std::string requiredDriver;       ///< the lowest driver for the image's CUDA ("535.54.03"), when known
    bool minorVersionCompat = false;  ///< runs through CUDA minor-version compatibility (limited features)
    std::string toolkitMessage;       ///< what the NVIDIA Container Toolkit would say when it refuses
    ImageNeeds needs;
    EngineGpuSupport engine; ///< what the verdict assumed of the engine
    std::vector<std::string> notes;

    nlohmann::json remediesJson() const;
    nlohmann::json toJson() const;
};

const char* toString(Verdict::Kind kind);
const char* toString(Verdict::Reason reason);

class Compat
{
public:
    /// The verdict for needs against this machine and engine.
    static Verdict decide(const ImageNeeds& needs, const HostGpus& host, const EngineGpuSupport& engine);
    /// For an image on the engine (inspected); `reference` is what the user named.
    static Verdict checkImage(const ImageDetails& image, const std::string& reference, const HostGpus& host,
                              const EngineGpuSupport& engine);
    /// From the reference's tag alone: for images not pulled yet.
    static Verdict checkReference(const std::string& reference, const HostGpus& host, const EngineGpuSupport& engine);
    /// Before a pull: inspects the image when it is on the engine, otherwise decides from its tag; asks the
    /// engine whether it can pass GPUs. Fails only when the engine cannot be asked at all.
    static Result<Verdict> checkBeforePull(EngineClient& engine, const std::string& reference, const HostGpus& host);
};

} // namespace berth::core
