// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/gpu/EngineGpuSupport.h"

#include "berth/core/engine/Endpoint.h"

#include "berth/core/engine/EngineClient.h"
#include "base/Text.h"

#include <filesystem>
#include <fstream>
#include <system_error>

namespace berth::core {

namespace {

const std::vector<std::string> kHookDirs = {"/usr/bin", "/usr/local/bin", "/usr/sbin", "/bin"};

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

/// Yes, No or Unknown from what was found, in words.
void settle(EngineGpuSupport& s)
{
    using State = EngineGpuSupport::State;
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
        s.detail = "the engine at " + s.endpoint +
                   " is on another machine and has no nvidia runtime; Berth cannot see its toolkit from here";
    } else {
        s.state = State::No;
        s.detail = EngineGpuSupport::installToolkitMessage();
    }
}

/// The CDI specs and the toolkit's hook, looked for on the engine's machine through ssh: what fromInfo looks for
/// here when the engine is this machine's.
bool lookOnRemote(EngineGpuSupport& s, RemoteHost& remote, const EngineInfo& info,
                  const std::vector<std::string>& hookDirs)
{
    // Directories come as arguments, never inside the script: "cdi" once a spec names nvidia.com/gpu, "hook" once
    // the hook is there.
    static const char* kScript =
        "n=$1; shift; i=0; for d in \"$@\"; do i=$((i+1)); if [ $i -le $n ]; then "
        "for f in \"$d\"/*.yaml \"$d\"/*.yml \"$d\"/*.json; do [ -f \"$f\" ] && head -c 1048576 \"$f\" | "
        "grep -q nvidia.com/gpu && echo berth-found:cdi; done; "
        "else [ -x \"$d/nvidia-container-runtime-hook\" ] && echo berth-found:hook; fi; done; exit 0";
    std::vector<std::string> argv = {"sh", "-c", kScript, "sh", std::to_string(info.cdiSpecDirs.size())};
    argv.insert(argv.end(), info.cdiSpecDirs.begin(), info.cdiSpecDirs.end());
    argv.insert(argv.end(), hookDirs.begin(), hookDirs.end());
    auto r = remote.run(argv, std::chrono::seconds(20));
    if (!r || r->exitCode != 0) {
        s.detail = "Berth could not look for the NVIDIA Container Toolkit on " + remote.name() + ": " +
                   (r ? text::firstLine(r->err) : r.error().message);
        return false;
    }
    s.cdi = r->out.find("berth-found:cdi") != std::string::npos; // marked: a login script's words do not count
    s.toolkitHook = r->out.find("berth-found:hook") != std::string::npos;
    return true;
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
    settle(s);
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
    if (RemoteHost* remote = engine.remoteHost()) {
        // Through ssh Berth can look at the engine's machine itself: its GPUs are asked there too (probeRemote).
        EngineGpuSupport s = fromInfo(*info, engine.endpoint());
        s.remote = false;
        s.machine = remote->name();
        if (!lookOnRemote(s, *remote, *info, kHookDirs)) {
            s.state = s.nvidiaRuntime ? State::Yes : State::Unknown; // not known is not "no"
            if (s.nvidiaRuntime) {
                s.detail = "the engine has the nvidia runtime";
            }
            return s;
        }
        settle(s);
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
            {"toolkitHook", toolkitHook},     {"remote", remote}, {"machine", machine},               {"endpoint", endpoint},
            {"detail", detail}};
}

} // namespace berth::core
