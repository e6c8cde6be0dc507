// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/launch/Launcher.h"

#include "berth/core/launch/ContainerCommands.h"

#include "base/JsonAccess.h"
#include "berth/core/gpu/Compat.h"
#include "berth/core/engine/Endpoint.h"
#include "berth/core/gpu/EngineGpuSupport.h"
#include "berth/core/gpu/GpuHost.h"
#include "berth/core/gpu/ImageNeeds.h"
#include "berth/core/launch/ContainerBody.h"
#include "berth/core/launch/Record.h"
#include "launch/LaunchInternal.h"
#include "berth/core/launch/MountPolicy.h"
#include "berth/core/launch/RemoteFolders.h"
#include "berth/core/launch/RemovalGuard.h"
#include "berth/core/base/ImageReference.h"
#include "berth/core/base/Token.h"
#include "berth/core/base/Units.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <span>
#include <thread>

namespace berth::core {

using namespace std::chrono_literals;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {
/// A bind mount's source judged where it lies: here by checkHostPath, or on the engine's machine (through ssh) by
/// the rules that go by its name there. The path to send the engine, or why not.
Result<std::string> judgeSource(std::optional<RemoteFolders>& remote, const std::string& path,
                                const HostPathPolicy& policy, bool readOnly)
{
    if (!remote) {
        return checkHostPath(path, policy, readOnly);
    }
    auto there = remote->judge(path, false);
    if (!there) {
        return there.error();
    }
    return there->path;
}
using detail::cancelled;

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
} // namespace

std::string defaultWorkspaceRoot()
{
    auto root = defaultWorkspaceRoot(HostPathPolicy::forThisUser());
    return root ? *root : std::string();
}

Launcher::Launcher(std::shared_ptr<EngineClient> engine, LaunchOptions options)
    : m_engine(std::move(engine)), m_options(std::move(options)), m_readiness(m_engine, m_options.jupyterConnector)
{
    if (m_options.workspaceRoot.empty()) {
        m_options.workspaceRoot = defaultWorkspaceRoot();
    }
}

json Launcher::createBody(const LaunchSpec& spec, const NotebookLayout& layout, const std::string& name,
                          const std::string& token, const std::string& workspace)
{
    return containerCreateBody(spec, layout, name, token, workspace);
}

Result<EnvironmentInfo> Launcher::describe(const std::string& nameOrId)
{
    return m_readiness.describe(nameOrId);
}

Result<EnvironmentInfo> Launcher::waitReady(const std::string& nameOrId, const LaunchProgressHandler& onProgress,
                                            const std::atomic<bool>* cancel)
{
    return m_readiness.waitReady(nameOrId, m_options.readyTimeout, onProgress, cancel);
}

Result<bool> Launcher::engineRunsHere()
{
    return m_readiness.engineRunsHere();
}

Result<EnvironmentInfo> Launcher::readyEnvironment(const std::string& nameOrId, bool wait,
                                                   const std::atomic<bool>* cancel)
{
    auto env = describe(nameOrId);
    if (!env) {
        return env.error();
    }
    if (env->state != EnvironmentState::Running) {
        return makeError(ErrorKind::Conflict, env->name + " is " + toString(env->state) + ", not running.")
            .with(RemedyKind::StartEnvironment, {env->name});
    }
    if (env->ready) {
        return env;
    }
    if (auto here = engineRunsHere(); !here || !*here) {
        return here ? detail::remoteEngineError(m_engine->endpoint()) : here.error();
    }
    if (wait) {
        return waitReady(env->id, {}, cancel);
    }
    return makeError(ErrorKind::NotFound, "No working token for " + env->name + ": its Jupyter does not answer yet.")
        .with(RemedyKind::WaitLonger, {env->name})
        .with(RemedyKind::ShowLog, {env->name});
}

Result<nlohmann::json> Launcher::record(const std::string& nameOrId, const HostGpus* host)
{
    return environmentRecord(*m_engine, m_readiness, nameOrId, host);
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
    return details.labels.count(labels::kEnvironment) ? 30 : 10;
}

Result<EnvironmentInfo> Launcher::start(const std::string& nameOrId, const LaunchProgressHandler& onProgress,
                                        const std::atomic<bool>* cancel)
{
    m_cancel = cancel;
    auto d = m_engine->inspectContainer(nameOrId);
    if (!d) {
        return d.error();
    }
    const bool environment = d->labels.count(labels::kEnvironment) > 0;
    if (!d->state.running) {
        if (environment) {
            const HostPathPolicy policy = HostPathPolicy::forThisUser(m_engine->endpoint());
            std::optional<RemoteFolders> remote;
            if (RemoteHost* host = m_engine->remoteHost()) {
                auto ep = parseEndpoint(m_engine->endpoint());
                remote.emplace(*host, ep ? ep->socketPath : std::string());
            }
            if (const auto* ms = jread::member(d->raw, "Mounts"); ms && ms->is_array()) {
                for (const auto& m : *ms) {
                    if (jread::str(m, "Type") != "bind") {
                        continue;
                    }
                    const std::string source = jread::str(m, "Source");
                    auto judged =
                        judgeSource(remote, source, policy, jread::member(m, "RW") && !jread::boolean(m, "RW"));
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
        auto started = m_engine->startContainer(d->id);
        if (!started) {
            Error e = started.error();
            e.message = "The engine could not start " + d->name + ": " +
                        (e.engineMessage.empty() ? e.message : e.engineMessage);
            e.engineMessage.clear();
            return e;
        }
        if (auto label = d->labels.find(labels::kStartCommands); environment && label != d->labels.end()) {
            // A profile's postStartCommand: at every start, inside the container.
            if (auto ran = runContainerCommands(*m_engine, d->id, d->name, startCommandsFromLabel(label->second),
                                                onProgress, cancel);
                !ran) {
                return ran.error();
            }
        }
    }
    if (!environment || !m_options.wait) {
        return describe(d->id);
    }
    return waitReady(d->id, onProgress, cancel);
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
    if (auto ok = validate(input, m_engine->remoteHost() == nullptr); !ok) {
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
        return detail::remoteEngineError(m_engine->endpoint());
    }
    LaunchSpec spec = input;
    const HostPathPolicy policy = HostPathPolicy::forThisUser(m_engine->endpoint());
    // An engine on another machine (ssh://): its mounts are that machine's folders, judged and made there.
    std::optional<RemoteFolders> remote;
    if (RemoteHost* host = m_engine->remoteHost()) {
        auto ep = parseEndpoint(m_engine->endpoint());
        remote.emplace(*host, ep ? ep->socketPath : std::string());
        for (auto& m : spec.mounts) {
            auto judged = remote->judge(m.source, m.create);
            if (!judged) {
                return judged.error();
            }
            m.source = judged->path;
        }
    }
    // This machine's folders (an engine through ssh had its own judged there, above).
    for (auto& m : remote ? std::span<MountSpec>() : std::span<MountSpec>(spec.mounts)) {
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
        // No NVIDIA GPU where the engine runs at all: say exactly that, whatever the image.
        const HostGpus host = GpuHost::probeEngineHost(*m_engine);
        if (host.unknown) {
            return makeError(ErrorKind::EngineUnreachable,
                             "Not launched: Berth could not ask " + host.machine + " about its GPUs" +
                                 (host.notes.empty() ? std::string(".") : " (" + host.notes.front() + ")."));
        }
        if (!host.hasNvidiaDriver()) {
            const std::string machine = remote ? m_engine->remoteHost()->name() : std::string("this machine");
            Error e = makeError(ErrorKind::Unsupported,
                                "Not launched: " + machine + " has no NVIDIA GPU" +
                                    (host.driverNotLoaded ? " in use (NVIDIA's driver is installed but not loaded)"
                                                          : " (no NVIDIA driver was found)") +
                                    ".");
            if (host.driverNotLoaded) {
                e.with(RemedyKind::LoadDriver);
            }
            return std::move(e).with(RemedyKind::LaunchWithoutGpus);
        }
        // Podman's compatible API accepts DeviceRequests and ignores them: the notebook would start without
        // GPUs and nobody would be told.
        if (auto v = m_engine->version(); v && v->podman) {
            return makeError(ErrorKind::Unsupported,
                             "Not launched: Podman's Docker-compatible API ignores GPU requests, so the notebook "
                             "would start without GPUs.")
                .with(RemedyKind::UseDockerForGpus)
                .with(RemedyKind::LaunchWithoutGpus)
                .with(RemedyKind::LaunchAnyway);
        }
        auto verdict = Compat::checkBeforePull(*m_engine, spec.image, host);
        if (verdict && verdict->kind == Verdict::Kind::CannotRun) {
            Error e;
            e.kind = ErrorKind::Unsupported;
            e.message = "Not launched: " + verdict->message;
            e.remedies = verdict->remedies;
            e.engineMessage = verdict->toolkitMessage;
            return std::move(e).with(RemedyKind::LaunchAnyway);
        }
        // The GPUs are there, but the engine cannot hand them to a container: said before anything is made.
        if (const auto support = EngineGpuSupport::detect(*m_engine); support.state == EngineGpuSupport::State::No) {
            return makeError(ErrorKind::Unsupported,
                             std::string("Not launched: ") + EngineGpuSupport::installToolkitMessage() + ".")
                .with(RemedyKind::InstallToolkit)
                .with(RemedyKind::LaunchWithoutGpus)
                .with(RemedyKind::LaunchAnyway);
        }
    }
    auto image = m_engine->inspectImage(spec.image);
    if (!image && image.error().kind == ErrorKind::NotFound && m_options.pullIfMissing) {
        tell(LaunchProgress::Phase::Pulling, "Pulling " + spec.image, 0);
        auto pulled = m_engine->pullImage(spec.image, [&](const PullProgress& p) {
            tell(LaunchProgress::Phase::Pulling, "Pulling " + spec.image, p.fraction());
        }, cancel);
        if (!pulled) {
            return pulled.error();
        }
        image = m_engine->inspectImage(spec.image);
    }
    if (!image) {
        return image.error();
    }
    const NotebookLayout layout = notebookLayout(*image);
    // An image built for NVIDIA GPUs, launched without them: it runs, on the CPU, and the person is told.
    const bool gpuImageOnCpu =
        spec.gpus.mode == GpuRequest::Mode::None && ImageNeeds::fromImage(*image, spec.image).kind == ImageNeeds::Kind::Gpu;
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
    if (!spec.noWorkspace && remote) {
        // On the engine's machine: ~/Documents/Berth/NAME in the remote user's home, made there.
        std::string folder = spec.workspace;
        if (folder.empty()) {
            auto root = remote->workspaceRoot();
            if (!root) {
                return root.error();
            }
            folder = *root + "/" + spec.name;
        }
        auto judged = remote->judge(folder, true);
        if (!judged) {
            Error e = judged.error();
            e.message += " (the notebook folder)";
            return std::move(e).with(RemedyKind::ChooseWorkspace);
        }
        workspace = judged->path;
        madeWorkspace = judged->created;
    } else if (!spec.noWorkspace) {
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
            e.message += " (the notebook folder)";
            return std::move(e).with(RemedyKind::ChooseWorkspace);
        }
        workspace = prepared->path;
        workspaceFd = Fd(prepared->fd);
        madeWorkspace = prepared->created;
    }
    auto failLaunch = [&](Error e) {
        if (madeWorkspace) {
            if (remote) {
                remote->removeIfEmpty(workspace);
            } else {
                removeIfEmpty(workspace);
            }
        }
        return e;
    };
    auto token = secureToken();
    if (!token) {
        return failLaunch(token.error());
    }

    // Judged again just before the engine sees the paths: nothing may have been swapped since (on the engine's
    // machine too: a pull there takes minutes).
    auto judgedAgain = [&](const std::string& path, bool readOnly) -> Result<void> {
        auto again = judgeSource(remote, path, policy, readOnly);
        if (!again || *again != path) {
            return again ? makeError(ErrorKind::BadInput, path + " changed while launching; not launched.") : again.error();
        }
        return {};
    };
    for (const auto& m : spec.mounts) {
        if (auto ok = judgedAgain(m.source, m.readOnly); !ok) {
            return failLaunch(ok.error());
        }
    }
    if (!workspace.empty()) {
        if (auto ok = judgedAgain(workspace, false); !ok) {
            return failLaunch(ok.error());
        }
    }

    tell(LaunchProgress::Phase::Creating, "Creating " + spec.name);
    const json body = createBody(spec, layout, spec.name, *token, workspace);
    auto created = m_engine->createContainer(spec.name, body);
    if (!created) {
        Error e = created.error();
        if (e.kind == ErrorKind::Conflict) {
            // Not "remove it": what is there may be somebody's work. Say what it is and how to get to it.
            auto there = m_engine->inspectContainer(spec.name);
            const bool environment = there && there->labels.count(labels::kEnvironment);
            const bool running = there && there->state.running;
            e.message = std::string(environment ? "An environment" : "A container") + " named " + spec.name +
                        " already exists" + (running ? " and runs" : there ? " (stopped)" : "") + ".";
            e.remedies.clear();
            if (environment) {
                e.with(running ? RemedyKind::OpenEnvironment : RemedyKind::StartEnvironment, {spec.name});
            }
            e.with(RemedyKind::ChooseName);
        }
        return failLaunch(e);
    }
    // Ctrl-C while the engine was creating: nothing is started, and what was made goes away.
    if (cancelled(cancel)) {
        (void)m_engine->removeContainer(created->id, true);
        return failLaunch(makeError(ErrorKind::Cancelled, "Cancelled; " + spec.name + " was not started and is removed."));
    }
    tell(LaunchProgress::Phase::Starting, "Starting " + spec.name);
    auto started = m_engine->startContainer(created->id);
    if (!started) {
        Error e = started.error();
        (void)m_engine->removeContainer(created->id, true);
        const std::string& said = e.engineMessage;
        if (EngineGpuSupport::explainStartError(e, spec.image)) {
            // rewritten, with remedies
        } else if (said.find("executable file not found") != std::string::npos) {
            e.message = "The image " + spec.image + " cannot start: " + said + ". It may not be a Jupyter image.";
        } else if (spec.hostPort && (said.find("address already in use") != std::string::npos ||
                                     said.find("port is already allocated") != std::string::npos)) {
            e.kind = ErrorKind::Conflict;
            e.message = "Port " + std::to_string(spec.hostPort) + " on 127.0.0.1 is taken by another program; " +
                        spec.name + " was not started.";
            e.with(RemedyKind::ChoosePort, {std::to_string(spec.hostPort)});
        } else {
            e.message = "The engine could not start " + spec.name + ": " + (said.empty() ? e.message : said);
            e.engineMessage.clear();
        }
        return failLaunch(e);
    }
    // Berth running as root makes root-owned folders; an image that runs as another user could not write
    // its notebooks there. Hand a folder Berth just made to the container's user, through the folder opened
    // above (never by its path, which could by now lead elsewhere).
    if (madeWorkspace && !remote && geteuid() == 0 && !image->user.empty() && image->user != "root" && image->user != "0") {
        auto ids = m_engine->exec(created->id, {"sh", "-c", "echo $(id -u) $(id -g)"}, 30s, cancel);
        if (ids && ids->exitCode == 0) {
            unsigned uid = 0, gid = 0;
            if (std::sscanf(ids->out.c_str(), "%u %u", &uid, &gid) == 2 && uid != 0) {
                if (::fchown(workspaceFd.get(), uid, gid) != 0) {
                    // Not fatal: Jupyter still runs, saving into the folder will say permission denied.
                }
            }
        }
    }
    auto env = m_options.wait ? waitReady(created->id, onProgress, cancel) : describe(created->id);
    if (env) {
        env->gpuImageOnCpu = gpuImageOnCpu;
    }
    return env;
}

Result<std::vector<std::string>> Launcher::filesAtRisk(const std::string& nameOrId)
{
    auto risk = removalRisk(*m_engine, nameOrId);
    if (!risk) {
        return risk.error();
    }
    return risk->allFiles();
}

} // namespace berth::core
