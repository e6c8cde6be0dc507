// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/launch/Launcher.h"

#include "base/JsonAccess.h"
#include "berth/core/gpu/Compat.h"
#include "berth/core/engine/Endpoint.h"
#include "berth/core/gpu/EngineGpuSupport.h"
#include "berth/core/gpu/GpuHost.h"
#include "berth/core/launch/JupyterProbe.h"
#include "berth/core/launch/MountPolicy.h"
#include "berth/core/launch/RemovalGuard.h"
#include "berth/core/base/ImageReference.h"
#include "berth/core/base/Token.h"
#include "berth/core/base/Units.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <thread>

namespace berth::core {

using namespace std::chrono_literals;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {
constexpr std::int64_t kGiB = 1024LL * 1024 * 1024;
constexpr const char* kLoopback = "127.0.0.1";
constexpr std::size_t kMaxLogScan = 1u << 20;

bool cancelled(const std::atomic<bool>* cancel)
{
    return cancel && cancel->load();
}

/// A short readable name from the image: "berth-test/notebook:6" -> "notebook-3fa2", "lab/my.app" -> "my-app-3fa2".
/// A path component makes a valid container name (its dots read as dashes); an image id has none: "env-3fa2".
std::string defaultName(const std::string& image)
{
    const auto ref = ImageReference::parse(image);
    std::string base = ref ? ref->shortName().substr(0, 40) : std::string("env");
    std::replace(base.begin(), base.end(), '.', '-');
    auto suffix = secureToken(2);
    return base + "-" + (suffix ? *suffix : std::string("0000"));
}

int portNumber(const std::string& port)
{
    return std::atoi(port.substr(0, port.find('/')).c_str());
}

/// The last lines of a container's log, indented for reading under a message, tokens hidden. Read with a
/// deadline and a cap, and cancellable: a hostile image may print anything, or nothing but never end a line.
std::string lastLogLines(EngineClient& engine, const std::string& id, int lines, const std::string& token,
                         const std::atomic<bool>* cancel)
{
    std::string text;
    LogOptions opts;
    opts.tail = lines;
    opts.timeout = 10s;
    (void)engine.logs(id, opts, [&](LogStream, std::string_view d) {
        text.append(d.substr(0, 64 * 1024 - std::min<std::size_t>(text.size(), 64 * 1024)));
        return text.size() < 64 * 1024;
    }, cancel);
    text = redactTokens(text, token);
    std::string out;
    std::size_t start = 0;
    int shown = 0;
    while (start < text.size() && shown < lines) {
        auto nl = text.find('\n', start);
        std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        if (line.size() > 500) {
            line = line.substr(0, 500) + "...";
        }
        out += "  | " + line + "\n";
        ++shown;
        if (nl == std::string::npos) {
            break;
        }
        start = nl + 1;
    }
    return out;
}

/// The token Berth gave a container, from its environment ("" when none).
std::string envToken(const ContainerDetails& d)
{
    for (const auto& kv : d.env) {
        if (kv.starts_with("JUPYTER_TOKEN=")) {
            return kv.substr(14);
        }
    }
    return {};
}

Error remoteEngineError(const std::string& endpoint)
{
    return makeError(ErrorKind::Unsupported,
                     "The engine at " + endpoint + " runs on another machine (its name and kernel are not this "
                     "machine's), where Jupyter's port is bound to that machine's 127.0.0.1. Run Berth on that "
                     "machine, or forward the notebook's port yourself with ssh -L once it is launched there.");
}

bool sleepUnlessCancelled(std::chrono::milliseconds d, const std::atomic<bool>* cancel)
{
    for (auto waited = 0ms; waited < d; waited += 50ms) {
        if (cancelled(cancel)) {
            return false;
        }
        std::this_thread::sleep_for(50ms);
    }
    return true;
}
} // namespace

std::string defaultWorkspaceRoot()
{
    auto root = defaultWorkspaceRoot(HostPathPolicy::forThisUser());
    return root ? *root : std::string();
}

bool engineIsLocal(const std::string& endpoint)
{
    return isLocalAddress(endpoint);
}

bool engineInfoIsThisHost(const EngineInfo& info)
{
    if (info.operatingSystem.find("Docker Desktop") != std::string::npos) {
        return true; // its VM's published ports are forwarded to this machine's loopback
    }
    char host[256] = {0};
    utsname uts{};
    if (::gethostname(host, sizeof host - 1) != 0 || ::uname(&uts) != 0) {
        return false;
    }
    const std::string kernel = jread::str(info.raw, "KernelVersion");
    return info.name == host && kernel == uts.release;
}

Launcher::Launcher(EngineClient& engine, LaunchOptions options) : m_engine(engine), m_options(std::move(options))
{
    if (m_options.workspaceRoot.empty()) {
        m_options.workspaceRoot = defaultWorkspaceRoot();
    }
}

json Launcher::createBody(const LaunchSpec& spec, const NotebookLayout& layout, const std::string& name,
                          const std::string& token, const std::string& workspace)
{
    json envList = json::array();
    envList.push_back("JUPYTER_TOKEN=" + token);
    for (const auto& [k, v] : spec.env) {
        envList.push_back(k + "=" + v);
    }
    json mounts = json::array();
    if (!workspace.empty()) {
        mounts.push_back({{"Type", "bind"}, {"Source", workspace}, {"Target", layout.workspaceTarget}, {"ReadOnly", false}});
    }
    for (const auto& m : spec.mounts) {
        mounts.push_back({{"Type", "bind"}, {"Source", m.source}, {"Target", m.target}, {"ReadOnly", m.readOnly}});
    }
    json host = {
        {"PortBindings", {{layout.port, json::array({{{"HostIp", kLoopback},
                                                       {"HostPort", spec.hostPort ? std::to_string(spec.hostPort) : ""}}})}}},
        {"Mounts", mounts},
        {"Init", true},
        {"Privileged", false},
        {"RestartPolicy", {{"Name", "no"}}},
    };
    // Docker's 64 MB /dev/shm breaks PyTorch's DataLoader workers: 1 GiB, or half a smaller memory cap.
    std::int64_t shm = spec.shmSize.value_or(kGiB);
    if (!spec.shmSize && spec.memory && *spec.memory < 2 * kGiB) {
        shm = std::max<std::int64_t>(64LL * 1024 * 1024, *spec.memory / 2);
    }
    host["ShmSize"] = shm;
    if (spec.memory) {
        host["Memory"] = *spec.memory;
    }
    if (spec.nanoCpus) {
        host["NanoCpus"] = *spec.nanoCpus;
    }
    switch (spec.gpus.mode) {
    case GpuRequest::Mode::None:
        break;
    case GpuRequest::Mode::All:
        host["DeviceRequests"] = json::array({{{"Driver", ""}, {"Count", -1}, {"Capabilities", {{"gpu"}}}}});
        break;
    case GpuRequest::Mode::Count:
        host["DeviceRequests"] = json::array({{{"Driver", ""}, {"Count", spec.gpus.count}, {"Capabilities", {{"gpu"}}}}});
        break;
    case GpuRequest::Mode::Devices:
        host["DeviceRequests"] = json::array({{{"Driver", ""}, {"DeviceIDs", spec.gpus.deviceIds}, {"Capabilities", {{"gpu"}}}}});
        break;
    }
    json labels = {{"berth.env", name},
                   {"berth.version", BERTH_VERSION},
                   {"berth.token-source", "env"},
                   {"berth.port", layout.port},
                   {"berth.notebook-root", layout.root},
                   {"berth.workspace", workspace},
                   {"berth.workspace-target", workspace.empty() ? std::string() : layout.workspaceTarget}};
    if (!spec.profile.empty()) {
        labels["berth.profile"] = spec.profile;
    }
    return {{"Image", spec.image},
            {"Env", envList},
            {"Labels", labels},
            {"ExposedPorts", {{layout.port, json::object()}}},
            {"HostConfig", host}};
}

namespace {
/// A file descriptor closed when it goes out of scope.
class Fd
{
public:
    explicit Fd(int fd = -1) : m_fd(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    Fd& operator=(Fd&& o) noexcept
    {
        std::swap(m_fd, o.m_fd);
        return *this;
    }
    ~Fd()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    int get() const { return m_fd; }

private:
    int m_fd;
};

/// Removes a notebook folder Berth made for a launch that failed, when nothing was put in it.
void removeIfEmpty(const std::string& folder)
{
    std::error_code ec;
    if (!folder.empty() && fs::is_empty(folder, ec) && !ec) {
        fs::remove(folder, ec);
    }
}
} // namespace

int defaultStopGrace(const ContainerDetails& details)
{
    return details.labels.count("berth.env") ? 30 : 10;
}

Result<EnvironmentInfo> Launcher::start(const std::string& nameOrId, const LaunchProgressHandler& onProgress,
                                        const std::atomic<bool>* cancel)
{
    m_cancel = cancel;
    auto d = m_engine.inspectContainer(nameOrId);
    if (!d) {
        return d.error();
    }
    const bool environment = d->labels.count("berth.env") > 0;
    if (!d->state.running) {
        if (environment) {
            const HostPathPolicy policy = HostPathPolicy::forThisUser(m_engine.endpoint());
            if (const auto* ms = jread::member(d->raw, "Mounts"); ms && ms->is_array()) {
                for (const auto& m : *ms) {
                    if (jread::str(m, "Type") != "bind") {
                        continue;
                    }
                    const std::string source = jread::str(m, "Source");
                    auto judged = checkHostPath(source, policy, jread::member(m, "RW") && !jread::boolean(m, "RW"));
                    if (!judged || *judged != source) {
                        Error e = judged ? makeError(ErrorKind::BadInput, source + " now leads to " + *judged + ".")
                                         : judged.error();
                        e.message = d->name + " was not started: its folder " + source +
                                    " is no longer one a notebook may have. " + e.message;
                        return e;
                    }
                }
            }
        }
        if (onProgress) {
            onProgress({LaunchProgress::Phase::Starting, "Starting " + d->name, -1});
        }
        auto started = m_engine.startContainer(d->id);
        if (!started) {
            Error e = started.error();
            e.message = "The engine could not start " + d->name + ": " +
                        (e.engineMessage.empty() ? e.message : e.engineMessage);
            e.engineMessage.clear();
            return e;
        }
    }
    if (!environment || !m_options.wait) {
        return describe(d->id);
    }
    return waitReady(d->id, onProgress, cancel);
}

Result<bool> Launcher::engineRunsHere()
{
    if (m_runsHere) {
        return *m_runsHere;
    }
    if (!engineIsLocal(m_engine.endpoint())) {
        m_runsHere = false;
        return false;
    }
    auto info = m_engine.info();
    if (!info) {
        return info.error();
    }
    m_runsHere = engineInfoIsThisHost(*info);
    return *m_runsHere;
}

Result<EnvironmentInfo> Launcher::launch(const LaunchSpec& input, const LaunchProgressHandler& onProgress,
                                         const std::atomic<bool>* cancel)
{
    auto tell = [&](LaunchProgress::Phase phase, std::string message, double fraction = -1) {
        if (onProgress) {
            onProgress({phase, std::move(message), fraction});
        }
    };
    m_cancel = cancel;
    if (auto ok = validate(input); !ok) {
        return ok.error();
    }
    auto here = engineRunsHere();
    if (!here) {
        return here.error();
    }
    if (!*here) {
        // Jupyter is published on the engine's loopback: from here it cannot be reached, and asking this
        // machine's 127.0.0.1:<port> would hand the token to whatever listens there. A socket forwarded from
        // another machine looks local by its address; the engine's own identity tells.
        return remoteEngineError(m_engine.endpoint());
    }
    LaunchSpec spec = input;
    const HostPathPolicy policy = HostPathPolicy::forThisUser(m_engine.endpoint());
    for (auto& m : spec.mounts) {
        std::error_code ec;
        if (!fs::exists(m.source, ec)) {
            if (!m.create) {
                return makeError(ErrorKind::BadInput, "The host folder " + m.source +
                                                          " does not exist. Create it, or add ,create to the mount.");
            }
            auto made = prepareFolder(m.source, policy);
            if (!made) {
                return made.error();
            }
            ::close(made->fd);
        }
        auto judged = checkHostPath(m.source, policy, m.readOnly);
        if (!judged) {
            return judged.error();
        }
        m.source = *judged; // the engine is sent the path that was judged, not one a link may change
    }

    // A GPU request that cannot work here is refused before a multi-gigabyte pull, in words to act on.
    if (spec.gpus.mode != GpuRequest::Mode::None && !m_options.force) {
        // No NVIDIA GPU here at all: say exactly that, whatever the image.
        const HostGpus host = GpuHost::probe();
        if (!host.hasNvidiaDriver()) {
            return makeError(ErrorKind::Unsupported,
                             std::string("Not launched: this machine has no NVIDIA GPU") +
                                 (host.driverNotLoaded ? " in use (NVIDIA's driver is installed but not loaded: "
                                                         "restart, or load it with sudo modprobe nvidia)"
                                                       : " (no NVIDIA driver was found)") +
                                 ". Launch without --gpus to run on the CPU.");
        }
        // Podman's compatible API accepts DeviceRequests and ignores them: the notebook would start without
        // GPUs and nobody would be told.
        if (auto v = m_engine.version(); v && v->podman) {
            return makeError(ErrorKind::Unsupported,
                             "Not launched: Podman's Docker-compatible API ignores GPU requests, so the notebook "
                             "would start without GPUs. Use Docker with the NVIDIA Container Toolkit, or launch "
                             "with --gpus none. (--force launches it anyway.)");
        }
        auto verdict = Compat::checkBeforePull(m_engine, spec.image, host);
        if (verdict && verdict->kind == Verdict::Kind::CannotRun) {
            Error e;
            e.kind = ErrorKind::Unsupported;
            e.message = "Not launched: " + verdict->message + (verdict->suggestion.empty() ? "" : " " + verdict->suggestion) +
                        " (--force launches it anyway.)";
            e.engineMessage = verdict->toolkitMessage;
            return e;
        }
        // The GPUs are there, but the engine cannot hand them to a container: said before anything is made.
        if (const auto support = EngineGpuSupport::detect(m_engine); support.state == EngineGpuSupport::State::No) {
            return makeError(ErrorKind::Unsupported, std::string("Not launched: ") +
                                                         EngineGpuSupport::installToolkitMessage() +
                                                         " (--force launches it anyway.)");
        }
    }
    auto image = m_engine.inspectImage(spec.image);
    if (!image && image.error().kind == ErrorKind::NotFound && m_options.pullIfMissing) {
        tell(LaunchProgress::Phase::Pulling, "Pulling " + spec.image, 0);
        auto pulled = m_engine.pullImage(spec.image, [&](const PullProgress& p) {
            tell(LaunchProgress::Phase::Pulling, "Pulling " + spec.image, p.fraction());
        }, cancel);
        if (!pulled) {
            return pulled.error();
        }
        image = m_engine.inspectImage(spec.image);
    }
    if (!image) {
        return image.error();
    }
    const NotebookLayout layout = notebookLayout(*image);
    if (spec.name.empty()) {
        spec.name = defaultName(spec.image);
    }
    if (cancelled(cancel)) {
        return makeError(ErrorKind::Cancelled, "Cancelled; " + spec.name + " was not created.");
    }

    // The notebook folder: judged like every mount, made without following links, 0700, kept open so that
    // handing it to the container's user below cannot be redirected.
    std::string workspace;
    Fd workspaceFd;
    bool madeWorkspace = false;
    if (!spec.noWorkspace) {
        std::string folder = spec.workspace;
        if (folder.empty()) {
            std::string root = m_options.workspaceRoot;
            if (root.empty()) {
                auto r = defaultWorkspaceRoot(policy);
                if (!r) {
                    return r.error();
                }
                root = *r;
            }
            folder = root + "/" + spec.name;
        }
        auto prepared = prepareFolder(folder, policy);
        if (!prepared) {
            Error e = prepared.error();
            e.message += " (the notebook folder; choose another with --workspace)";
            return e;
        }
        workspace = prepared->path;
        workspaceFd = Fd(prepared->fd);
        madeWorkspace = prepared->created;
    }
    auto failLaunch = [&](Error e) {
        if (madeWorkspace) {
            removeIfEmpty(workspace);
        }
        return e;
    };
    auto token = secureToken();
    if (!token) {
        return failLaunch(token.error());
    }

    // Judged again just before the engine sees the paths: nothing may have been swapped since.
    for (const auto& m : spec.mounts) {
        auto again = checkHostPath(m.source, policy, m.readOnly);
        if (!again || *again != m.source) {
            return failLaunch(again ? makeError(ErrorKind::BadInput, m.source + " changed while launching; not launched.")
                                    : again.error());
        }
    }
    if (!workspace.empty()) {
        auto again = checkHostPath(workspace, policy, false);
        if (!again || *again != workspace) {
            return failLaunch(again ? makeError(ErrorKind::BadInput, workspace + " changed while launching; not launched.")
                                    : again.error());
        }
    }

    tell(LaunchProgress::Phase::Creating, "Creating " + spec.name);
    const json body = createBody(spec, layout, spec.name, *token, workspace);
    auto created = m_engine.createContainer(spec.name, body);
    if (!created) {
        Error e = created.error();
        if (e.kind == ErrorKind::Conflict) {
            // Not "remove it": what is there may be somebody's work. Say what it is and how to get to it.
            auto there = m_engine.inspectContainer(spec.name);
            const bool environment = there && there->labels.count("berth.env");
            const bool running = there && there->state.running;
            e.message = std::string(environment ? "An environment" : "A container") + " named " + spec.name +
                        " already exists" + (running ? " and runs" : there ? " (stopped)" : "") + ". " +
                        (environment ? (running ? "Open it (berthctl open " + spec.name + ")"
                                                : "Start it again (berthctl start " + spec.name + ")")
                                     : std::string("Choose another name")) +
                        (environment ? ", or choose another name with --name." : " with --name.");
        }
        return failLaunch(e);
    }
    // Ctrl-C while the engine was creating: nothing is started, and what was made goes away.
    if (cancelled(cancel)) {
        (void)m_engine.removeContainer(created->id, true);
        return failLaunch(makeError(ErrorKind::Cancelled, "Cancelled; " + spec.name + " was not started and is removed."));
    }
    tell(LaunchProgress::Phase::Starting, "Starting " + spec.name);
    auto started = m_engine.startContainer(created->id);
    if (!started) {
        Error e = started.error();
        (void)m_engine.removeContainer(created->id, true);
        const std::string& said = e.engineMessage;
        if (auto advice = EngineGpuSupport::explainStartError(e)) {
            e.kind = ErrorKind::Unsupported;
            e.message = *advice;
        } else if (said.find("executable file not found") != std::string::npos) {
            e.message = "The image " + spec.image + " cannot start: " + said + ". It may not be a Jupyter image.";
        } else if (spec.hostPort && (said.find("address already in use") != std::string::npos ||
                                     said.find("port is already allocated") != std::string::npos)) {
            e.kind = ErrorKind::Conflict;
            e.message = "Port " + std::to_string(spec.hostPort) + " on 127.0.0.1 is taken by another program; " +
                        spec.name + " was not started. Choose another --port, or leave it out and the engine picks "
                        "a free one.";
        } else {
            e.message = "The engine could not start " + spec.name + ": " + (said.empty() ? e.message : said);
            e.engineMessage.clear();
        }
        return failLaunch(e);
    }
    // Berth running as root makes root-owned folders; an image that runs as another user could not write
    // its notebooks there. Hand a folder Berth just made to the container's user, through the folder opened
    // above (never by its path, which could by now lead elsewhere).
    if (madeWorkspace && geteuid() == 0 && !image->user.empty() && image->user != "root" && image->user != "0") {
        auto ids = m_engine.exec(created->id, {"sh", "-c", "echo $(id -u) $(id -g)"}, 30s, cancel);
        if (ids && ids->exitCode == 0) {
            unsigned uid = 0, gid = 0;
            if (std::sscanf(ids->out.c_str(), "%u %u", &uid, &gid) == 2 && uid != 0) {
                if (::fchown(workspaceFd.get(), uid, gid) != 0) {
                    // Not fatal: Jupyter still runs, saving into the folder will say permission denied.
                }
            }
        }
    }
    if (!m_options.wait) {
        return describe(created->id);
    }
    return waitReady(created->id, onProgress, cancel);
}

Error Launcher::earlyExit(const std::string& id, const ContainerDetails& d)
{
    Error e;
    e.kind = ErrorKind::Engine;
    const std::string lines = lastLogLines(m_engine, id, 20, envToken(d), m_cancel);
    const auto mem = jread::i64(jread::path(d.raw, {"HostConfig"}), "Memory");
    const std::string cap =
        mem > 0 ? " (its cap is " + formatBytes(static_cast<std::uint64_t>(mem)) + ")" : std::string();
    if (d.state.oomKilled) {
        e.message = "The environment " + d.name + " ran out of memory" + cap +
                    " and was stopped. Launch it again with a larger --memory.";
    } else if (d.state.exitCode == 137 && mem > 0) {
        // Killed with SIGKILL under a memory cap: the kernel's OOM killer, though Podman does not flag it.
        e.message = "The environment " + d.name + " was killed (exit code 137), most likely because it ran out "
                    "of memory" + cap + ". Launch it again with a larger --memory.";
    } else {
        e.message = "The environment " + d.name + " stopped (exit code " + std::to_string(d.state.exitCode) +
                    ") before Jupyter answered.";
        if (!d.state.error.empty()) {
            e.engineMessage = d.state.error;
        }
    }
    e.message += lines.empty() ? " It printed nothing." : " Its last lines:\n" + lines;
    while (!e.message.empty() && e.message.back() == '\n') {
        e.message.pop_back();
    }
    return e;
}

Result<EnvironmentInfo> Launcher::describe(const std::string& nameOrId)
{
    auto d = m_engine.inspectContainer(nameOrId);
    if (!d) {
        return d.error();
    }
    EnvironmentInfo info;
    info.name = d->name;
    info.id = d->id;
    info.image = d->configImage;
    info.state = d->state.status;
    auto label = [&](const char* k) {
        auto it = d->labels.find(k);
        return it == d->labels.end() ? std::string() : it->second;
    };
    info.workspace = label("berth.workspace");
    info.workspaceTarget = label("berth.workspace-target");
    info.notebookRoot = label("berth.notebook-root");
    std::string port = label("berth.port");
    if (port.empty()) {
        port = "8888/tcp";
    }
    info.hostPort = d->hostPort(port);
    if (info.hostPort) {
        info.url = "http://" + std::string(kLoopback) + ":" + std::to_string(info.hostPort) + "/";
    }
    info.token = envToken(*d);
    if (!info.token.empty()) {
        info.tokenSource = "env";
    }
    // A token goes only to a server on this machine: an engine elsewhere publishes on its own loopback.
    auto here = d->state.running && info.hostPort ? engineRunsHere() : Result<bool>(false);
    if (here && *here) {
        JupyterProbe probe(kLoopback, info.hostPort);
        auto st = info.token.empty() ? Result<int>(403) : probe.status(info.token);
        if (st && *st == 200) {
            info.ready = true;
        } else if (st && *st == 403) {
            std::string source;
            auto own = discoverToken(d->id, portNumber(port), source);
            if (own) {
                auto again = probe.status(*own);
                if (again && *again == 200) {
                    info.token = *own;
                    info.tokenSource = source;
                    info.ready = true;
                }
            }
        }
        if (info.ready) {
            auto v = probe.version();
            info.jupyterVersion = v ? *v : std::string();
        }
    }
    return info;
}

Result<std::string> Launcher::discoverToken(const std::string& id, int containerPortNumber, std::string& source)
{
    // The running server's own word first (`jupyter server list --json`, `jupyter notebook list --json`):
    // it is exact even when the log has been rotated. Then the log's "?token=..." lines.
    for (const char* tool : {"server", "notebook"}) {
        auto r = m_engine.exec(id, {"jupyter", tool, "list", "--json"}, 20s, m_cancel);
        if (cancelled(m_cancel)) {
            return makeError(ErrorKind::Cancelled, "Cancelled.");
        }
        if (!r || r->exitCode != 0) {
            continue;
        }
        std::size_t start = 0;
        while (start < r->out.size()) {
            auto nl = r->out.find('\n', start);
            auto j = jread::parse(std::string_view(r->out).substr(start, nl == std::string::npos ? std::string::npos : nl - start));
            start = nl == std::string::npos ? r->out.size() : nl + 1;
            if (j && jread::i64(*j, "port") == containerPortNumber && !jread::str(*j, "token").empty()) {
                source = "server-list";
                return jread::str(*j, "token");
            }
        }
    }
    // The log's last lines, capped and read with a deadline: an image decides what it prints, and how much.
    std::string log;
    LogOptions opts;
    opts.tail = 2000;
    opts.timeout = 10s;
    (void)m_engine.logs(id, opts, [&](LogStream, std::string_view d) {
        log.append(d.substr(0, kMaxLogScan - std::min(log.size(), kMaxLogScan)));
        return log.size() < kMaxLogScan;
    }, m_cancel);
    const std::string found = findLogToken(log);
    if (found.empty()) {
        return makeError(ErrorKind::NotFound, "The image chose its own Jupyter token and it could not be read.");
    }
    source = "log";
    return found;
}

Result<EnvironmentInfo> Launcher::waitReady(const std::string& nameOrId, const LaunchProgressHandler& onProgress,
                                            const std::atomic<bool>* cancel)
{
    m_cancel = cancel;
    // Jupyter on another machine never answers here: say so now rather than after the whole wait.
    if (auto here = engineRunsHere(); !here || !*here) {
        return here ? remoteEngineError(m_engine.endpoint()) : here.error();
    }
    const auto start = std::chrono::steady_clock::now();
    const auto deadline = start + m_options.readyTimeout;
    auto nextInspect = start;
    std::optional<JupyterProbe> probe;
    std::string token, id = nameOrId, name = nameOrId;
    bool askedForOwnToken = false;
    std::optional<Error> engineGone; // the engine stopped answering (restarting): waited for, up to the deadline
    for (;;) {
        if (cancelled(cancel)) {
            return makeError(ErrorKind::Cancelled, "Cancelled while waiting for Jupyter; the environment is still "
                                                   "starting (berthctl stop " + name + " to stop it).");
        }
        const auto now = std::chrono::steady_clock::now();
        const auto waited = std::chrono::duration_cast<std::chrono::seconds>(now - start).count();
        if (now >= nextInspect || !probe) {
            nextInspect = now + 1s;
            auto d = m_engine.inspectContainer(id);
            if (!d && d.error().kind == ErrorKind::EngineUnreachable && now < deadline) {
                engineGone = d.error();
                if (onProgress) {
                    onProgress({LaunchProgress::Phase::Waiting, "The engine does not answer; waiting for it (" +
                                                                    std::to_string(waited) + " s)", -1});
                }
                (void)sleepUnlessCancelled(500ms, cancel);
                continue;
            }
            if (!d) {
                Error e = d.error();
                if (e.kind == ErrorKind::NotFound && engineGone) {
                    e.message = "The engine restarted while " + name + " was starting, and the environment is gone. "
                                "Launch it again; its notebook folder is kept.";
                }
                return e;
            }
            engineGone.reset();
            id = d->id;
            name = d->name;
            token = envToken(*d); // hidden in every message from here on, whatever happens next
            if (!d->state.running && d->state.status != "created") {
                return earlyExit(id, *d);
            }
            if (!probe) {
                auto info = describe(id);
                if (!info) {
                    return info.error();
                }
                if (info->ready) {
                    if (onProgress) {
                        onProgress({LaunchProgress::Phase::Ready, "Jupyter is ready at " + info->url, 1});
                    }
                    return info;
                }
                if (info->hostPort) {
                    probe.emplace(kLoopback, info->hostPort);
                    token = info->token;
                }
            }
        }
        if (probe) {
            auto st = probe->status(token);
            if (st && (*st == 200 || (*st == 403 && !askedForOwnToken))) {
                // 200: ready. 403: Jupyter is up but ignores JUPYTER_TOKEN: describe() finds its own token.
                askedForOwnToken = askedForOwnToken || *st == 403;
                auto info = describe(id);
                if (info && info->ready) {
                    if (onProgress) {
                        onProgress({LaunchProgress::Phase::Ready, "Jupyter is ready at " + info->url, 1});
                    }
                    return info;
                }
            }
        }
        if (now >= deadline) {
            if (engineGone) {
                Error e = *engineGone;
                e.message = "The engine stopped answering while " + name + " was starting, and did not come back "
                            "within " + std::to_string(waited) + " s. " + e.message;
                return e;
            }
            Error e;
            e.kind = ErrorKind::Timeout;
            e.message = "Jupyter in " + name + " did not answer within " + std::to_string(waited) +
                        " s. The container still runs: look at its log (berthctl logs " + name +
                        "), wait longer (berthctl open " + name + "), or stop it.";
            const std::string lines = lastLogLines(m_engine, id, 10, token, cancel);
            if (!lines.empty()) {
                e.message += " Last lines:\n" + lines;
            }
            while (e.message.back() == '\n') {
                e.message.pop_back();
            }
            return e;
        }
        if (onProgress) {
            onProgress({LaunchProgress::Phase::Waiting, "Waiting for Jupyter (" + std::to_string(waited) + " s)", -1});
        }
        (void)sleepUnlessCancelled(100ms, cancel);
    }
}

Result<std::vector<std::string>> Launcher::filesAtRisk(const std::string& nameOrId)
{
    auto risk = removalRisk(m_engine, nameOrId);
    if (!risk) {
        return risk.error();
    }
    return risk->allFiles();
}

Result<json> Launcher::record(const std::string& nameOrId, const json& host)
{
    auto d = m_engine.inspectContainer(nameOrId);
    if (!d) {
        return d.error();
    }
    json rec;
    rec["berthVersion"] = BERTH_VERSION;
    rec["name"] = d->name;
    rec["id"] = d->id;
    rec["createdAt"] = d->created;
    rec["startedAt"] = d->state.startedAt;
    rec["state"] = d->state.status;
    json img = {{"reference", d->configImage}, {"id", d->image}};
    auto image = m_engine.inspectImage(d->image);
    if (image) {
        img["repoDigests"] = image->repoDigests;
        img["repoTags"] = image->repoTags;
        img["created"] = image->created;
        img["architecture"] = image->architecture;
        auto cuda = image->envValue("CUDA_VERSION");
        img["cudaVersion"] = cuda ? json(*cuda) : json(nullptr);
        auto req = image->envValue("NVIDIA_REQUIRE_CUDA");
        img["nvidiaRequireCuda"] = req ? json(*req) : json(nullptr);
    }
    rec["image"] = img;
    const auto& hc = jread::path(d->raw, {"HostConfig"});
    const auto nano = jread::i64(hc, "NanoCpus");
    rec["resources"] = {{"memoryBytes", jread::i64(hc, "Memory")},
                        {"cpus", static_cast<double>(nano) / 1e9},
                        {"shmBytes", jread::i64(hc, "ShmSize")},
                        {"gpuRequests", jread::member(hc, "DeviceRequests") ? hc["DeviceRequests"] : json(nullptr)}};
    // The top-level Mounts: both Docker and Podman fill it (Podman has no HostConfig.Mounts).
    json mounts = json::array();
    if (const auto* ms = jread::member(d->raw, "Mounts"); ms && ms->is_array()) {
        for (const auto& m : *ms) {
            mounts.push_back({{"source", jread::str(m, "Source")},
                              {"target", jread::str(m, "Destination")},
                              {"readOnly", jread::member(m, "RW") && !jread::boolean(m, "RW")}});
        }
    }
    rec["mounts"] = mounts;
    json ports = json::array();
    for (const auto& [containerPort, bindings] : d->ports) {
        for (const auto& b : bindings) {
            ports.push_back({{"container", containerPort}, {"hostIp", b.ip}, {"hostPort", b.publicPort}});
        }
    }
    rec["ports"] = ports;
    auto info = describe(d->id);
    rec["jupyter"] = {{"version", info && !info->jupyterVersion.empty() ? json(info->jupyterVersion) : json(nullptr)},
                      {"url", info ? info->url : std::string()}};
    auto ver = m_engine.version();
    if (ver) {
        rec["engine"] = {{"version", ver->version}, {"apiVersion", m_engine.apiVersion()}, {"podman", ver->podman},
                         {"os", ver->os}, {"arch", ver->arch}, {"kernel", ver->kernelVersion}};
    }
    rec["host"] = host.is_null() ? json::object() : host;
    if (auto p = d->labels.find("berth.profile"); p != d->labels.end()) {
        rec["profile"] = p->second;
    }
    return rec;
}

} // namespace berth::core
