// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/gpu/EngineGpuSupport.h"

#include "berth/core/engine/Endpoint.h"

#include "berth/core/engine/EngineClient.h"

#include <filesystem>
#include <fstream>
#include <system_error>

namespace berth::core {

namespace {

/// A CDI spec (YAML or JSON) in `dir` declaring kind nvidia.com/gpu. Reads at most 1 MiB of each file.
bool hasNvidiaCdiSpec(const std::string& dir)
{
    std::error_code ec;
    std::filesystem::directory_iterator it(dir, ec);
    if (ec) {
        return false;
    }
    for (std::filesystem::directory_iterator end; it != end; it.increment(ec)) {
        if (ec) {
            return false;
        }
        const auto ext = it->path().extension().string();
        if (ext != ".yaml" && ext != ".yml" && ext != ".json") {
            continue;
        }
        std::ifstream in(it->path(), std::ios::binary);
        std::string text(1 << 20, '\0');
        in.read(text.data(), static_cast<std::streamsize>(text.size()));
        text.resize(static_cast<std::size_t>(in.gcount()));
        if (text.find("nvidia.com/gpu") != std::string::npos) {
            return true;
        }
    }
    return false;
}

} // namespace

const char* toString(EngineGpuSupport::State state)
{
    switch (state) {
    case EngineGpuSupport::State::Yes:
        return "yes";
    case EngineGpuSupport::State::No:
        return "no";
    case EngineGpuSupport::State::Unknown:
        break;
    }
    return "unknown";
}

bool isLocalEndpoint(const std::string& endpoint)
{
    return isLocalAddress(endpoint); // one answer, Endpoint's
}

const char* EngineGpuSupport::installToolkitMessage()
{
    return "Docker here cannot hand GPUs to containers: install the NVIDIA Container Toolkit "
           "(nvidia-ctk runtime configure --runtime=docker, then restart Docker)";
}

EngineGpuSupport EngineGpuSupport::unknown(std::string why)
{
    EngineGpuSupport s;
    s.state = State::Unknown;
    s.detail = std::move(why);
    return s;
}

EngineGpuSupport EngineGpuSupport::fromInfo(const EngineInfo& info, const std::string& endpoint,
                                            const std::vector<std::string>& hookDirs)
{
    EngineGpuSupport s;
    s.endpoint = endpoint;
    s.remote = !isLocalEndpoint(endpoint);
    for (const auto& r : info.runtimes) {
        if (r == "nvidia" || r == "nvidia-cdi" || r == "nvidia-legacy") {
            s.nvidiaRuntime = true;
        }
    }
    if (!s.remote) {
        for (const auto& dir : info.cdiSpecDirs) {
            s.cdi = s.cdi || hasNvidiaCdiSpec(dir);
        }
        std::error_code ec;
        for (const auto& dir : hookDirs) {
            s.toolkitHook = s.toolkitHook ||
                            std::filesystem::exists(std::filesystem::path(dir) / "nvidia-container-runtime-hook", ec);
        }
    }
    if (s.nvidiaRuntime) {
        s.state = State::Yes;
        s.detail = "the engine has the nvidia runtime";
    } else if (s.cdi) {
        s.state = State::Yes;
        s.detail = "the engine has a CDI spec for nvidia.com/gpu";
    } else if (s.toolkitHook) {
        s.state = State::Yes;
        s.detail = "the NVIDIA Container Toolkit's hook is installed (docker run's GPU option works)";
    } else if (s.remote) {
        s.state = State::Unknown;
        s.detail = "the engine at " + endpoint +
                   " is on another machine and has no nvidia runtime; Berth cannot see its toolkit from here";
    } else {
        s.state = State::No;
        s.detail = installToolkitMessage();
    }
    return s;
}

EngineGpuSupport EngineGpuSupport::detect(EngineClient& engine)
{
    auto info = engine.info();
    if (!info) {
        auto s = unknown("the engine did not answer: " + info.error().message);
        s.endpoint = engine.endpoint();
        s.remote = !isLocalEndpoint(s.endpoint);
        return s;
    }
    return fromInfo(*info, engine.endpoint());
}

bool EngineGpuSupport::explainStartError(Error& error, const std::string& image)
{
    const std::string text = error.message + "\n" + error.engineMessage;
    std::string message;
    if (text.find("could not select device driver") != std::string::npos ||
        text.find("unknown or invalid runtime name: nvidia") != std::string::npos ||
        text.find("unknown runtime specified nvidia") != std::string::npos) {
        error.kind = ErrorKind::Unsupported;
        error.message = std::string(installToolkitMessage()) + ".";
        error.remedies = {{RemedyKind::InstallToolkit, {}}, {RemedyKind::LaunchWithoutGpus, {}}};
        return true;
    }
    if (auto pos = text.find("unsatisfied condition: "); pos != std::string::npos) {
        std::string cond = text.substr(pos + 23);
        cond = cond.substr(0, cond.find_first_of(",\n"));
        message = "The NVIDIA Container Toolkit refused this image: it needs " + cond +
                  ", which this machine's driver does not give.";
    } else if (text.find("CUDA driver version is insufficient") != std::string::npos) {
        message = "The program in the container needs a newer CUDA than this machine's NVIDIA driver supports.";
    } else {
        return false;
    }
    error.kind = ErrorKind::Unsupported;
    error.message = std::move(message);
    error.remedies = {{RemedyKind::UpdateDriver, {""}}, {RemedyKind::CheckImage, {image}}};
    return true;
}

nlohmann::json EngineGpuSupport::toJson() const
{
    return {{"state", toString(state)},       {"nvidiaRuntime", nvidiaRuntime}, {"cdi", cdi},
            {"toolkitHook", toolkitHook},     {"remote", remote},               {"endpoint", endpoint},
            {"detail", detail}};
}

} // namespace berth::core
