// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/launch/Readiness.h"

#include "base/JsonAccess.h"
#include "berth/core/base/Token.h"
#include "berth/core/base/Units.h"
#include "berth/core/engine/CurlTransport.h"
#include "berth/core/engine/Endpoint.h"
#include "launch/LaunchInternal.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <optional>

namespace berth::core {

using namespace std::chrono_literals;
using namespace detail;

namespace {
constexpr std::size_t kMaxLogScan = 1u << 20;
} // namespace

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

Readiness::Readiness(std::shared_ptr<EngineClient> engine, JupyterConnector connect)
    : m_engine(std::move(engine)), m_connect(std::move(connect))
{
    if (!m_connect) {
        m_connect = [](const std::string& host, int port) -> std::shared_ptr<Transport> {
            Endpoint ep;
            ep.scheme = Endpoint::Scheme::Tcp;
            ep.host = host;
            ep.port = port;
            return std::make_shared<CurlTransport>(ep, 2s);
        };
    }
}

JupyterProbe Readiness::probe(int hostPort) const
{
    return JupyterProbe(m_connect(kLoopback, hostPort));
}

Result<bool> Readiness::engineRunsHere()
{
    if (m_runsHere) {
        return *m_runsHere;
    }
    if (m_engine->remoteHost()) {
        // Through ssh: its published ports come to this machine's 127.0.0.1 over the connection (describe()).
        m_runsHere = true;
        return true;
    }
    if (!engineIsLocal(m_engine->endpoint())) {
        m_runsHere = false;
        return false;
    }
    auto info = m_engine->info();
    if (!info) {
        return info.error();
    }
    m_runsHere = engineInfoIsThisHost(*info);
    return *m_runsHere;
}

Error Readiness::earlyExit(const std::string& id, const ContainerDetails& d)
{
    Error e;
    e.kind = ErrorKind::Engine;
    e.logLines = lastLogLines(*m_engine, id, 20, envToken(d), m_cancel);
    const auto mem = jread::i64(jread::path(d.raw, {"HostConfig"}), "Memory");
    const std::string cap =
        mem > 0 ? " (its cap is " + formatBytes(static_cast<std::uint64_t>(mem)) + ")" : std::string();
    if (d.state.oomKilled) {
        e.message = "The environment " + d.name + " ran out of memory" + cap + " and was stopped.";
        e.with(RemedyKind::RaiseMemory, {mem > 0 ? formatBytes(static_cast<std::uint64_t>(mem)) : std::string()});
    } else if (d.state.exitCode == 137 && mem > 0) {
        // Killed with SIGKILL under a memory cap: the kernel's OOM killer, though Podman does not flag it.
        e.message = "The environment " + d.name + " was killed (exit code 137), most likely because it ran out "
                    "of memory" + cap + ".";
        e.with(RemedyKind::RaiseMemory, {formatBytes(static_cast<std::uint64_t>(mem))});
    } else {
        e.message = "The environment " + d.name + " stopped (exit code " + std::to_string(d.state.exitCode) +
                    ") before Jupyter answered.";
        if (!d.state.error.empty()) {
            e.engineMessage = d.state.error;
        }
    }
    if (e.logLines.empty()) {
        e.message += " It printed nothing.";
    }
    return e;
}

Result<EnvironmentInfo> Readiness::describe(const std::string& nameOrId)
{
    auto d = m_engine->inspectContainer(nameOrId);
    if (!d) {
        return d.error();
    }
    EnvironmentInfo info;
    info.name = d->name;
    info.id = d->id;
    info.image = d->configImage;
    info.state = environmentStateFrom(d->state.status);
    const std::string port = readLabels(info, d->labels);
    info.hostPort = d->hostPort(port);
    if (RemoteHost* remote = m_engine->remoteHost(); remote && info.hostPort) {
        // Published on the remote's 127.0.0.1 only; here through the ssh connection, on a port of this machine's
        // 127.0.0.1. The token never crosses the network in clear.
        info.machine = remote->name();
        info.enginePort = info.hostPort;
        info.hostPort = 0;
        if (d->state.running) {
            auto local = remote->forwardPort(info.enginePort);
            if (!local) {
                return local.error();
            }
            info.hostPort = *local;
        }
    }
    if (info.hostPort) {
        info.url = "http://" + std::string(kLoopback) + ":" + std::to_string(info.hostPort) + "/";
    }
    info.token = envToken(*d);
    if (!info.token.empty()) {
        info.tokenSource = TokenSource::Berth;
    }
    // A token goes only to a server on this machine: an engine elsewhere publishes on its own loopback.
    auto here = d->state.running && info.hostPort ? engineRunsHere() : Result<bool>(false);
    if (here && *here) {
        // GET /api needs no token: whether Jupyter listens, and which server it is. Then the token is proved.
        const JupyterProbe jupyter = probe(info.hostPort);
        auto api = jupyter.version();
        if (!JupyterProbe::listening(api)) {
            return info;
        }
        info.jupyterVersion = api ? *api : std::string();
        auto st = info.token.empty() ? Result<int>(403) : jupyter.status(info.token);
        if (st && *st == 200) {
            info.ready = true;
        } else if (st && *st == 403) {
            TokenSource source = TokenSource::None;
            auto own = discoverToken(d->id, portNumber(port), source);
            if (own) {
                auto again = jupyter.status(*own);
                if (again && *again == 200) {
                    info.token = *own;
                    info.tokenSource = source;
                    info.ready = true;
                }
            }
        }
    }
    return info;
}

Result<std::string> Readiness::discoverToken(const std::string& id, int containerPortNumber, TokenSource& source)
{
    // The running server's own word first (`jupyter server list --json`, `jupyter notebook list --json`):
    // it is exact even when the log has been rotated. Then the log's "?token=..." lines.
    for (const char* tool : {"server", "notebook"}) {
        auto r = m_engine->exec(id, {"jupyter", tool, "list", "--json"}, 20s, m_cancel);
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
                source = TokenSource::ServerList;
                return jread::str(*j, "token");
            }
        }
    }
    // The log's last lines, capped and read with a deadline: an image decides what it prints, and how much.
    std::string log;
    LogOptions opts;
    opts.tail = 2000;
    opts.timeout = 10s;
    (void)m_engine->logs(id, opts, [&](LogStream, std::string_view d) {
        log.append(d.substr(0, kMaxLogScan - std::min(log.size(), kMaxLogScan)));
        return log.size() < kMaxLogScan;
    }, m_cancel);
    const std::string found = findLogToken(log);
    if (found.empty()) {
        return makeError(ErrorKind::NotFound, "The image chose its own Jupyter token and it could not be read.");
    }
    source = TokenSource::Log;
    return found;
}

Result<EnvironmentInfo> Readiness::waitReady(const std::string& nameOrId, std::chrono::seconds timeout,
                                             const LaunchProgressHandler& onProgress, const std::atomic<bool>* cancel)
{
    m_cancel = cancel;
    // Jupyter on another machine never answers here: say so now rather than after the whole wait.
    if (auto here = engineRunsHere(); !here || !*here) {
        return here ? remoteEngineError(m_engine->endpoint()) : here.error();
    }
    const auto start = std::chrono::steady_clock::now();
    const auto deadline = start + timeout;
    auto nextInspect = start;
    std::optional<JupyterProbe> jupyter;
    bool listening = false; ///< GET /api answered: Jupyter is up, the token is asked next
    std::string token, id = nameOrId, name = nameOrId;
    bool askedForOwnToken = false;
    std::optional<Error> engineGone; // the engine stopped answering (restarting): waited for, up to the deadline
    for (;;) {
        if (cancelled(cancel)) {
            return makeError(ErrorKind::Cancelled, "Cancelled while waiting for Jupyter; the environment " + name +
                                                       " is still starting.")
                .with(RemedyKind::StopContainer, {name});
        }
        const auto now = std::chrono::steady_clock::now();
        const auto waited = std::chrono::duration_cast<std::chrono::seconds>(now - start).count();
        if (now >= nextInspect || !jupyter) {
            nextInspect = now + 1s;
            auto d = m_engine->inspectContainer(id);
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
                    e.message = "The engine restarted while " + name + " was starting, and the environment is gone.";
                    e.remedies = {{RemedyKind::LaunchAgain, {}}};
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
            if (!jupyter) {
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
                    jupyter.emplace(probe(info->hostPort));
                    token = info->token;
                }
            }
        }
        if (jupyter && !listening) {
            listening = JupyterProbe::listening(jupyter->version());
        }
        if (jupyter && listening) {
            auto st = jupyter->status(token);
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
                        " s. The container still runs.";
            e.with(RemedyKind::ShowLog, {name}).with(RemedyKind::WaitLonger, {name}).with(RemedyKind::StopContainer, {name});
            e.logLines = lastLogLines(*m_engine, id, 10, token, cancel);
            return e;
        }
        if (onProgress) {
            onProgress({LaunchProgress::Phase::Waiting, "Waiting for Jupyter (" + std::to_string(waited) + " s)", -1});
        }
        (void)sleepUnlessCancelled(100ms, cancel);
    }
}

} // namespace berth::core
