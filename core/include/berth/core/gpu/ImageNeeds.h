// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/engine/EngineTypes.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace berth::core {

/// What an image needs from the GPU side: read from the image's Env when it is on the engine
/// (NVIDIA_REQUIRE_*, CUDA_VERSION), else from the tag tables of CompatTables (tensorflow, pytorch,
/// nvidia/cuda, jupyter docker-stacks).
struct ImageNeeds
{
    enum class Kind
    {
        Gpu,
        Cpu,
        Unknown,
    };
    Kind kind = Kind::Unknown;
    std::string reference;
    bool readFromImage = false; ///< read from the image's own settings, not only its tag
    std::string cuda;       ///< the lowest CUDA it needs, "12.2"; empty when unknown
    std::string cudnn;      ///< "8.9" when known
    /// What the NVIDIA Container Toolkit will check when the container starts (ANDed); empty when it
    /// checks nothing (pytorch runtime images, NVIDIA_DISABLE_REQUIRE).
    std::vector<std::string> requirements;
    bool requireDisabled = false;
    std::string source;           ///< where the facts come from, for people
    std::string framework;        ///< "tensorflow", "pytorch", "cuda", "docker-stacks"; empty when none known
    std::string frameworkVersion; ///< "2.15.0"
    std::string cpuTwin;          ///< the same image built for the CPU, when one exists
    std::string gpuTwin;          ///< the same image built for the GPU, when one exists
    std::string missing;          ///< Unknown: what Berth would need to know

    /// From the reference's tag alone (the image need not be on the engine).
    static ImageNeeds fromReference(const std::string& reference);
    /// From an inspected image; its tag adds the framework and the CPU twin.
    static ImageNeeds fromImage(const ImageDetails& image, const std::string& reference);

    /// "tensorflow/tensorflow:2.11.0-gpu-jupyter" for an older release of the same image built for a CUDA
    /// at most `cuda`; empty when Berth knows none.
    std::string olderImageFor(const std::string& cuda) const;

    nlohmann::json toJson() const;
};

const char* toString(ImageNeeds::Kind kind);

} // namespace berth::core
