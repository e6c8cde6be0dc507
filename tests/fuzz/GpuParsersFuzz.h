// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// One input through every parser of outside text in GPU detection and compatibility: NVIDIA_REQUIRE_*
// constraints, nvidia-smi CSV, /proc/driver/nvidia/version, image references and env, and the verdict built on
// them. Shared by the libFuzzer target (fuzz_gpu_parsers.cpp) and the deterministic unit test
// (tests/unit/TestGpuParsersFuzz.cpp). Aborts when an invariant breaks, so both notice.

#include "berth/core/base/ImageReference.h"
#include "berth/core/gpu/Compat.h"
#include "berth/core/gpu/CompatTables.h"
#include "berth/core/gpu/CudaRequirement.h"
#include "berth/core/gpu/GpuHost.h"

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace berth::fuzz {

inline void check(bool ok)
{
    if (!ok) {
        std::abort();
    }
}

inline std::vector<std::string> lines(std::string_view data)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= data.size() && out.size() < 64) {
        const auto nl = data.find('\n', start);
        out.emplace_back(data.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
        if (nl == std::string_view::npos) {
            break;
        }
        start = nl + 1;
    }
    return out;
}

inline void gpuParsers(std::string_view data)
{
    using namespace berth::core;
    using Outcome = RequirementResult::Outcome;

    // NVIDIA_REQUIRE_* against a few machines, with and without a device.
    const RequirementHost hosts[] = {{std::string("470.82.01"), std::string("11.4")},
                                     {std::string("550.54.14"), std::string("12.4")},
                                     {std::nullopt, std::nullopt}};
    const RequirementDevice dev{std::string("8.6"), std::string("GeForce")};
    for (const auto& h : hosts) {
        for (const RequirementDevice* d : {&dev, static_cast<const RequirementDevice*>(nullptr)}) {
            const auto r = CudaRequirement::evaluate(data, h, d);
            check(r.outcome != Outcome::Satisfied || r.failedCondition.empty());
            check(r.outcome == Outcome::Satisfied || !r.toolkitMessage.empty());
        }
    }
    (void)CudaRequirement::alternatives(data);
    if (auto c = CudaRequirement::minimumCuda(data)) {
        check(!c->empty());
    }
    const auto envLines = lines(data);
    (void)CudaRequirement::requirementsFromEnv(envLines);
    for (const auto& l : envLines) {
        for (auto cmp : {CudaRequirement::Comparator::Equal, CudaRequirement::Comparator::LessEqual}) {
            const int same = CudaRequirement::compareVersion(l, cmp, l);
            check(same == 1 || same == -1);
        }
    }

    // nvidia-smi, with its header and with Berth's own columns.
    if (auto r = GpuHost::parseNvidiaSmiCsv(data); r.ok()) {
        std::size_t newlines = 0;
        for (char c : data) {
            newlines += c == '\n' ? 1 : 0;
        }
        check(r->gpus.size() <= newlines + 1);
    }
    (void)GpuHost::parseNvidiaSmiCsv(data, {"index", "name", "uuid", "driver_version", "memory.total", "compute_cap"});

    // /proc/driver/nvidia/version.
    if (auto v = GpuHost::parseProcVersion(data)) {
        check(!v->empty() && v->find('.') != std::string::npos);
        (void)CompatTables::maxCudaFor(*v);
    }

    // The data table's lookups take any text.
    (void)CompatTables::minDriverFor(data);
    (void)CompatTables::maxCudaFor(data);
    (void)CompatTables::majorMinor(data);
    (void)CompatTables::tensorflowRelease(data);

    // An image: the input as its reference and as its env; the verdict on two machines.
    const std::string ref(data.substr(0, 256));
    if (const auto parsed = ImageReference::parse(data)) {
        // What is read is written back as it was, and reads the same again.
        check(parsed->toString() == data);
        const auto again = ImageReference::parse(parsed->familiar());
        check(again && again->tag == parsed->tag && again->digest == parsed->digest &&
              again->onDockerHub() == parsed->onDockerHub() &&
              again->familiarRepository() == parsed->familiarRepository());
        check(parsed->pinned() == !parsed->digest.empty());
        check(!parsed->shortName().empty());
    }
    ImageDetails image;
    image.env = envLines;
    image.repoTags = {ref};
    HostGpus gpuHost;
    gpuHost.driverVersion = "535.129.03";
    gpuHost.cudaVersion = "12.2";
    gpuHost.gpus.push_back({0, "GPU", "GPU-0", 1, "8.6", "GeForce"});
    EngineGpuSupport engine;
    engine.state = EngineGpuSupport::State::Yes;
    for (const HostGpus& h : {gpuHost, HostGpus{}}) {
        for (const auto& v : {Compat::checkReference(ref, h, engine), Compat::checkImage(image, ref, h, engine)}) {
            check(!v.message.empty());
            check(!v.remedies.empty());
            for (const auto& r : v.remedies) {
                check(std::string(toString(r.kind)) != "unknown");
            }
            (void)v.toJson().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        }
    }
}

} // namespace berth::fuzz
