// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/gpu/ImageNeeds.h"
#include "base/Text.h"

#include "berth/core/base/ImageReference.h"
#include "berth/core/gpu/CompatTables.h"
#include "berth/core/gpu/CudaRequirement.h"
#include "berth/core/engine/EngineClient.h"

#include <algorithm>
#include <cctype>

namespace berth::core {

using text::split;

using text::lower;
using text::trim;

namespace {

/// The name and tag of a reference: they tell what an image needs. Its digest does not, so a malformed one (which
/// a pull refuses) does not stop the reading.
Result<ImageReference> nameAndTag(std::string_view reference)
{
    return ImageReference::parse(reference.substr(0, reference.find('@')));
}

std::string join(const std::vector<std::string>& parts, char sep)
{
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) {
            out += sep;
        }
        out += p;
    }
    return out;
}

bool startsWithVersion(std::string_view s)
{
    return !CompatTables::majorMinor(s).empty();
}

/// The digits following `word` in `tag` ("cuda12.1" -> "12.1" for "cuda"); empty when absent.
std::string numberAfter(std::string_view tag, std::string_view word, bool allowDot)
{
    std::size_t pos = 0;
    while ((pos = tag.find(word, pos)) != std::string_view::npos) {
        std::size_t i = pos + word.size();
        std::size_t j = i;
        while (j < tag.size() && (std::isdigit(static_cast<unsigned char>(tag[j])) || (allowDot && tag[j] == '.'))) {
            ++j;
        }
        if (j > i && std::isdigit(static_cast<unsigned char>(tag[i]))) {
            std::string v(tag.substr(i, j - i));
            while (!v.empty() && v.back() == '.') {
                v.pop_back();
            }
            return v;
        }
        pos = i;
    }
    return {};
}

void tensorflowFromTag(const ImageReference& r, ImageNeeds& n)
{
    const std::string tag = r.tagOrLatest();
    n.framework = "tensorflow";
    auto parts = split(tag, '-');
    bool gpu = false;
    std::vector<std::string> cpuParts;
    for (const auto& p : parts) {
        if (p == "gpu") {
            gpu = true;
        } else {
            cpuParts.push_back(p);
        }
    }
    if (startsWithVersion(parts.front())) {
        n.frameworkVersion = parts.front();
    }
    if (!gpu) {
        n.kind = ImageNeeds::Kind::Cpu;
        n.source = "tag: TensorFlow's CPU build (GPU builds carry -gpu)";
        auto gpuParts = parts;
        gpuParts.insert(gpuParts.begin() + 1, "gpu");
        n.gpuTwin = r.name() + ":" + join(gpuParts, '-');
        return;
    }
    n.kind = ImageNeeds::Kind::Gpu;
    n.cpuTwin = r.name() + ":" + (cpuParts.empty() ? std::string("latest") : join(cpuParts, '-'));
    const auto row = CompatTables::tensorflowRelease(n.frameworkVersion);
    if (!row) {
        n.missing = n.frameworkVersion.empty()
                        ? "which CUDA '" + tag + "' is built for: the tag names no TensorFlow release (pin one, like 2.15.0-gpu-jupyter)"
                        : "which CUDA TensorFlow " + n.frameworkVersion + " is built for: Berth's table knows 2.0 to 2.19";
        return;
    }
    n.cuda = row->cuda;
    n.cudnn = row->cudnn;
    // The -gpu images are built FROM nvidia/cuda and inherit its NVIDIA_REQUIRE_CUDA: the toolkit checks.
    n.requirements = {"cuda>=" + n.cuda};
    n.source = "tag: TensorFlow " + CompatTables::majorMinor(n.frameworkVersion) + " is tested with CUDA " + n.cuda +
               " and cuDNN " + n.cudnn;
}

void pytorchFromTag(const ImageReference& r, ImageNeeds& n)
{
    const std::string tag = r.tagOrLatest();
    n.framework = "pytorch";
    auto parts = split(tag, '-');
    if (startsWithVersion(parts.front())) {
        n.frameworkVersion = parts.front();
    }
    const std::string cuda = numberAfter(tag, "cuda", true);
    if (cuda.empty() && tag.find("cpu") != std::string::npos) {
        n.kind = ImageNeeds::Kind::Cpu;
        n.source = "tag: a CPU build of PyTorch";
        return;
    }
    n.kind = ImageNeeds::Kind::Gpu;
    if (cuda.empty() || CompatTables::majorMinor(cuda).empty()) {
        n.missing = "which CUDA '" + tag + "' is built for: the tag names none (tags like 2.3.0-cuda12.1-cudnn8-runtime do)";
        return;
    }
    n.cuda = CompatTables::majorMinor(cuda);
    n.cudnn = numberAfter(tag, "cudnn", false);
    const bool devel = tag.find("-devel") != std::string::npos;
    if (devel) {
        // devel images are built FROM nvidia/cuda and inherit its requirement.
        n.requirements = {"cuda>=" + n.cuda};
    }
    n.source = "tag: PyTorch built for CUDA " + n.cuda + (n.cudnn.empty() ? "" : " and cuDNN " + n.cudnn) +
               (devel ? "" : " (runtime images declare no NVIDIA_REQUIRE_CUDA)");
}

void cudaFromTag(const ImageReference& r, ImageNeeds& n)
{
    const std::string tag = r.tagOrLatest();
    n.framework = "cuda";
    auto parts = split(tag, '-');
    if (!startsWithVersion(parts.front())) {
        n.kind = ImageNeeds::Kind::Gpu;
        n.missing = "which CUDA '" + tag + "' is: nvidia/cuda tags start with the version (12.2.0-runtime-ubuntu22.04)";
        return;
    }
    n.kind = ImageNeeds::Kind::Gpu;
    n.frameworkVersion = parts.front();
    n.cuda = CompatTables::majorMinor(parts.front());
    n.cudnn = numberAfter(tag, "cudnn", false);
    n.requirements = {"cuda>=" + n.cuda};
    n.source = "tag: nvidia/cuda " + n.frameworkVersion;
}

void stacksFromTag(const ImageReference& r, ImageNeeds& n)
{
    const std::string tag = r.tagOrLatest();
    n.framework = "docker-stacks";
    const std::string cuda = numberAfter(tag, "cuda", true);
    if (tag.find("cuda") == std::string::npos) {
        n.kind = ImageNeeds::Kind::Cpu;
        n.source = "tag: a Jupyter docker-stacks image without a cuda tag";
        return;
    }
    n.kind = ImageNeeds::Kind::Gpu;
    if (cuda.empty()) {
        n.missing = "which CUDA '" + tag + "' is built for";
        return;
    }
    n.cuda = cuda.find('.') == std::string::npos ? cuda + ".0" : CompatTables::majorMinor(cuda);
    n.source = "tag: a Jupyter docker-stacks CUDA " + cuda + " image (pip wheels; no NVIDIA_REQUIRE_CUDA)";
}

std::string envMajorMinor(const ImageDetails& image, std::initializer_list<const char*> names)
{
    for (const char* name : names) {
        if (auto v = image.envValue(name); v && !v->empty()) {
            auto mm = CompatTables::majorMinor(*v);
            return mm.empty() ? *v : mm;
        }
    }
    return {};
}

} // namespace

const char* toString(ImageNeeds::Kind kind)
{
    switch (kind) {
    case ImageNeeds::Kind::Gpu:
        return "gpu";
    case ImageNeeds::Kind::Cpu:
        return "cpu";
    case ImageNeeds::Kind::Unknown:
        break;
    }
    return "unknown";
}

ImageNeeds ImageNeeds::fromReference(const std::string& reference)
{
    ImageNeeds n;
    n.reference = reference;
    const auto parsed = nameAndTag(reference);
    if (!parsed) {
        n.kind = Kind::Unknown;
        n.missing = "what " + reference + " needs: it is not an image reference (one is written like python:3.12 or "
                                          "quay.io/jupyter/minimal-notebook:latest)";
        return n;
    }
    const ImageReference& r = *parsed;
    const bool hub = r.onDockerHub();
    const std::string registry = lower(r.registry);
    const std::string repository = r.familiarRepository();
    if (hub && repository == "tensorflow/tensorflow") {
        tensorflowFromTag(r, n);
    } else if (hub && repository == "pytorch/pytorch") {
        pytorchFromTag(r, n);
    } else if ((hub || registry == "nvcr.io") && repository == "nvidia/cuda") {
        cudaFromTag(r, n);
    } else if ((hub || registry == "quay.io") && repository.starts_with("jupyter/") &&
               repository.ends_with("-notebook")) {
        stacksFromTag(r, n);
    } else {
        n.kind = Kind::Unknown;
        n.missing = "what " + reference +
                    " needs: it is not on this engine and its name is not one Berth knows (tensorflow/tensorflow, "
                    "pytorch/pytorch, nvidia/cuda, jupyter docker-stacks)";
    }
    return n;
}

ImageNeeds ImageNeeds::fromImage(const ImageDetails& image, const std::string& reference)
{
    // The reference may be an id (which is no reference), or name no tag; the image's own tags say more then.
    std::string tagRef = reference;
    const auto parsed = nameAndTag(reference);
    if ((!parsed || parsed->tag.empty()) && !image.repoTags.empty() && image.repoTags.front() != "<none>:<none>") {
        tagRef = image.repoTags.front();
    }
    ImageNeeds fromTag = fromReference(tagRef);
    ImageNeeds n;
    n.reference = reference;
    n.readFromImage = true;
    n.framework = fromTag.framework;
    n.frameworkVersion = fromTag.frameworkVersion;
    n.cpuTwin = fromTag.cpuTwin;
    n.gpuTwin = fromTag.gpuTwin;
    n.requireDisabled = CudaRequirement::requireDisabled(image.env);
    n.requirements = CudaRequirement::requirementsFromEnv(image.env);
    const auto requireCuda = image.envValue("NVIDIA_REQUIRE_CUDA");
    const auto cudaVersion = image.envValue("CUDA_VERSION");
    n.cudnn = envMajorMinor(image, {"CUDNN_VERSION", "NV_CUDNN_VERSION"});
    if (n.cudnn.empty()) {
        n.cudnn = fromTag.cudnn;
    }
    const bool declares = (requireCuda && !requireCuda->empty()) || (cudaVersion && !cudaVersion->empty());

    if (!n.requirements.empty() || (n.requireDisabled && declares)) {
        n.kind = Kind::Gpu;
        for (const auto& r : n.requirements) {
            if (auto c = CudaRequirement::minimumCuda(r)) {
                n.cuda = CompatTables::majorMinor(*c).empty() ? *c : CompatTables::majorMinor(*c);
                break;
            }
        }
        if (n.cuda.empty()) {
            if (requireCuda && !requireCuda->empty()) {
                if (auto c = CudaRequirement::minimumCuda(*requireCuda)) {
                    n.cuda = CompatTables::majorMinor(*c);
                }
            }
            if (n.cuda.empty() && cudaVersion) {
                n.cuda = CompatTables::majorMinor(*cudaVersion);
            }
        }
        if (requireCuda && !requireCuda->empty()) {
            n.source = "image: NVIDIA_REQUIRE_CUDA=" + *requireCuda;
        } else if (cudaVersion && !cudaVersion->empty()) {
            n.source = "image: CUDA_VERSION=" + *cudaVersion + " (the toolkit reads it as cuda>=" +
                       (n.cuda.empty() ? *cudaVersion : n.cuda) + ")";
        } else {
            n.source = "image: NVIDIA_REQUIRE_* settings";
        }
        if (n.requireDisabled) {
            n.source += "; NVIDIA_DISABLE_REQUIRE is set, so the toolkit checks nothing";
        }
        if (n.cuda.empty() && !n.requirements.empty()) {
            n.missing = "the CUDA version: the image's requirements name none";
        }
        return n;
    }
    if (fromTag.kind == Kind::Gpu) {
        n.kind = Kind::Gpu;
        n.cuda = fromTag.cuda;
        n.missing = fromTag.missing;
        // The image itself declares nothing, so the toolkit checks nothing: only the tag tells the CUDA.
        n.requirements.clear();
        n.source = fromTag.source + (fromTag.source.empty() ? "" : "; ") + "the image itself declares no CUDA";
        return n;
    }
    n.kind = Kind::Cpu;
    n.source = fromTag.kind == Kind::Cpu
                   ? fromTag.source
                   : "image: declares no CUDA (no NVIDIA_REQUIRE_CUDA, no CUDA_VERSION) and its tag is not a GPU one";
    return n;
}

std::string ImageNeeds::olderImageFor(const std::string& hostCuda) const
{
    if (framework != "tensorflow" || kind != Kind::Gpu) {
        return {};
    }
    auto older = CompatTables::newestTensorflowFor(hostCuda);
    if (!older) {
        return {};
    }
    const std::string current = CompatTables::majorMinor(frameworkVersion);
    if (!current.empty() && compareVersions(CompatTables::majorMinor(*older), current) >= 0) {
        return {};
    }
    const auto r = nameAndTag(reference);
    if (!r) {
        return {};
    }
    auto parts = split(r->tagOrLatest(), '-');
    if (startsWithVersion(parts.front())) {
        parts.front() = *older;
    } else {
        parts.insert(parts.begin(), *older);
        parts.erase(std::remove(parts.begin() + 1, parts.end(), std::string("latest")), parts.end());
    }
    return r->name() + ":" + join(parts, '-');
}

nlohmann::json ImageNeeds::toJson() const
{
    return {{"kind", toString(kind)},
            {"reference", reference},
            {"fromImage", readFromImage},
            {"cuda", cuda},
            {"cudnn", cudnn},
            {"requirements", requirements},
            {"requireDisabled", requireDisabled},
            {"source", source},
            {"framework", framework},
            {"frameworkVersion", frameworkVersion},
            {"cpuTwin", cpuTwin},
            {"gpuTwin", gpuTwin},
            {"missing", missing}};
}

} // namespace berth::core
