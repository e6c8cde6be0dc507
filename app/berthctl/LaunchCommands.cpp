// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// launch, token, open, record: the one-click Jupyter job on the command line.
#include "Commands.h"

#include "Table.h"
#include "berth/core/gpu/GpuHost.h"
#include "berth/core/launch/Launcher.h"
#include "berth/core/base/Units.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <iostream>

extern char** environ;

namespace berth::cli {

using nlohmann::json;
using namespace berth::core;

namespace {
int usage(const std::string& message)
{
    std::cerr << "berthctl: " << printable(message) << '\n';
    return kExitUsage;
}


std::string cwd()
{
    std::error_code ec;
    auto p = std::filesystem::current_path(ec);
    return ec ? std::string("/") : p.string();
}

/// $XDG_RUNTIME_DIR/berth, else ~/.cache/berth: created 0700, and refused unless it is a real folder of this
/// user that nobody else can read.
Result<std::string> privateDir()
{
    std::string base = std::getenv("XDG_RUNTIME_DIR") ? std::getenv("XDG_RUNTIME_DIR") : "";
    if (base.empty()) {
        const char* home = std::getenv("HOME");
        if (!home || !*home) {
            return makeError(ErrorKind::Io, "Neither XDG_RUNTIME_DIR nor HOME is set: no private place for the "
                                            "browser's file. Use berthctl open NAME and berthctl token NAME.");
        }
        base = std::string(home) + "/.cache";
        ::mkdir(base.c_str(), 0700);
    }
    const std::string dir = base + "/berth";
    ::mkdir(dir.c_str(), 0700);
    struct stat st{};
    if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::getuid() || (st.st_mode & 077) != 0) {
        return makeError(ErrorKind::Io, dir + " is not a private folder of yours (a folder with mode 700); remove "
                                              "it and try again.");
    }
    return dir;
}

json infoJson(const EnvironmentInfo& e, bool withToken)
{
    json j = {{"name", e.name},
              {"id", e.id},
              {"image", e.image},
              {"state", e.state},
              {"ready", e.ready},
              {"url", e.url},
              {"hostPort", e.hostPort},
              {"workspace", e.workspace},
              {"workspaceTarget", e.workspaceTarget},
              {"notebookRoot", e.notebookRoot},
              {"jupyterVersion", e.jupyterVersion},
              {"tokenSource", e.tokenSource}};
    if (withToken) {
        j["token"] = e.token;
    }
    return j;
}

/// Progress of a launch on stderr: a line that redraws itself on a terminal, one line a phase otherwise.
class LaunchPrinter
{
public:
    explicit LaunchPrinter(bool quiet) : m_quiet(quiet), m_tty(!quiet && isatty(STDERR_FILENO)) {}

    void operator()(const LaunchProgress& p)
    {
        if (m_quiet || p.phase == LaunchProgress::Phase::Ready) {
            return; // the result that follows says it is ready
        }
        if (m_tty) {
            std::string line = printable(p.message, false);
            if (p.fraction >= 0 && p.phase == LaunchProgress::Phase::Pulling) {
                line += " " + std::to_string(static_cast<int>(p.fraction * 100)) + "%";
            }
            std::cerr << "\r" << line << "\x1b[K" << std::flush;
            m_dirty = true;
            return;
        }
        if (p.phase != m_lastPhase || !m_any) {
            std::cerr << printable(p.message, false) << (p.phase == LaunchProgress::Phase::Waiting ? "..." : "") << '\n';
        }
        m_lastPhase = p.phase;
        m_any = true;
    }
    ~LaunchPrinter()
    {
        if (m_dirty) {
            std::cerr << "\r\x1b[K" << std::flush;
        }
    }

private:
    bool m_quiet;
    bool m_tty;
    bool m_dirty = false;
    bool m_any = false;
    LaunchProgress::Phase m_lastPhase = LaunchProgress::Phase::Creating;
};

std::optional<std::chrono::seconds> timeoutOption(const Invocation& inv)
{
    auto t = inv.value("timeout");
    if (!t) {
        return std::chrono::seconds(180);
    }
    try {
        std::size_t used = 0;
        long n = std::stol(*t, &used);
        if (used == t->size() && n > 0 && n <= 86400) {
            return std::chrono::seconds(n);
        }
    } catch (const std::exception&) {
    }
    return std::nullopt;
}
} // namespace

int cmdLaunch(const Invocation& inv, Runtime& rt)
{
    LaunchSpec spec;
    spec.image = inv.positional.at(0);
    spec.name = inv.value("name").value_or("");
    const std::string here = cwd();
    if (inv.options.count("mount")) {
        for (const auto& m : inv.options.at("mount")) {
            auto parsed = parseMount(m, here);
            if (!parsed) {
                return usage(parsed.error().message);
            }
            spec.mounts.push_back(*parsed);
        }
    }
    if (inv.options.count("env")) {
        for (const auto& e : inv.options.at("env")) {
            auto parsed = parseEnv(e);
            if (!parsed) {
                return usage(parsed.error().message);
            }
            spec.env.push_back(*parsed);
        }
    }
    for (const char* opt : {"memory", "shm-size"}) {
        if (auto v = inv.value(opt)) {
            auto size = parseSize(*v);
            if (!size) {
                return usage("--" + std::string(opt) + ": " + size.error().message);
            }
            (std::string(opt) == "memory" ? spec.memory : spec.shmSize) = *size;
        }
    }
    if (auto v = inv.value("cpus")) {
        auto n = parseCpus(*v);
        if (!n) {
            return usage("--cpus: " + n.error().message);
        }
        spec.nanoCpus = *n;
    }
    if (auto v = inv.value("gpus")) {
        auto g = parseGpus(*v);
        if (!g) {
            return usage(g.error().message);
        }
        spec.gpus = *g;
    }
    if (auto v = inv.value("port")) {
        int port = 0;
        try {
            std::size_t used = 0;
            port = std::stoi(*v, &used);
            port = used == v->size() ? port : 0;
        } catch (const std::exception&) {
        }
        if (port < 1 || port > 65535) {
            return usage("--port takes a port number from 1 to 65535, not '" + *v + "'");
        }
        spec.hostPort = port;
    }
    if (auto v = inv.value("workspace")) {
        spec.workspace = std::filesystem::path(*v).is_absolute() ? *v : here + "/" + *v;
    }
    spec.noWorkspace = inv.has("no-workspace");
    if (auto ok = validate(spec); !ok) {
        return usage(ok.error().message);
    }
    auto timeout = timeoutOption(inv);
    if (!timeout) {
        return usage("--timeout takes whole seconds, 1 or more");
    }

    LaunchOptions opts;
    opts.wait = !inv.has("no-wait");
    opts.readyTimeout = *timeout;
    opts.force = inv.has("force");
    Launcher launcher(rt.engine, opts);
    Result<EnvironmentInfo> env = makeError(ErrorKind::Engine, "not launched");
    {
        LaunchPrinter printer(inv.json);
        env = launcher.launch(spec, std::ref(printer), &rt.interrupted);
    }
    if (!env) {
        return fail(inv, env.error());
    }
    const bool showToken = inv.has("show-token");
    if (inv.json) {
        printJson(infoJson(*env, showToken));
        return kExitOk;
    }
    std::cout << "Environment " << printable(env->name, false) << (env->ready ? " is ready." : " is starting.") << '\n';
    Table t({"  URL:", env->url.empty() ? "(no port yet)" : env->url});
    if (showToken) {
        t.add({"  Token:", env->token});
    } else {
        t.add({"  Token:", "berthctl token " + env->name + "   (or: berthctl open " + env->name + " --browser)"});
    }
    if (!env->workspace.empty()) {
        t.add({"  Notebooks:", env->workspace + "  ->  " + env->workspaceTarget});
    }
    if (!env->jupyterVersion.empty()) {
        t.add({"  Jupyter:", env->jupyterVersion});
    }
    t.print(std::cout);
    return kExitOk;
}

namespace {
int startAndTell(const Invocation& inv, Runtime& rt, const std::string& name)
{
    auto timeout = timeoutOption(inv);
    if (!timeout) {
        return usage("--timeout takes whole seconds, 1 or more");
    }
    LaunchOptions opts;
    opts.readyTimeout = *timeout;
    opts.wait = !inv.has("no-wait");
    Launcher launcher(rt.engine, opts);
    Result<EnvironmentInfo> env = makeError(ErrorKind::Engine, "not started");
    {
        LaunchPrinter printer(inv.json);
        env = launcher.start(name, std::ref(printer), &rt.interrupted);
    }
    if (!env) {
        return fail(inv, env.error());
    }
    if (inv.json) {
        printJson(infoJson(*env, false));
    } else if (env->url.empty()) {
        std::cout << "Started " << printable(env->name, false) << '\n';
    } else {
        std::cout << "Environment " << printable(env->name, false) << (env->ready ? " is ready at " : " is starting at ")
                  << env->url << '\n';
    }
    return kExitOk;
}
} // namespace

int cmdStart(const Invocation& inv, Runtime& rt)
{
    return startAndTell(inv, rt, inv.positional.at(0));
}

int cmdRestart(const Invocation& inv, Runtime& rt)
{
    const std::string name = inv.positional.at(0);
    auto details = rt.engine.inspectContainer(name);
    if (!details) {
        return fail(inv, details.error());
    }
    if (details->state.running) {
        if (auto r = rt.engine.stopContainer(details->id, defaultStopGrace(*details)); !r) {
            return fail(inv, r.error());
        }
    }
    return startAndTell(inv, rt, details->id);
}

int cmdToken(const Invocation& inv, Runtime& rt)
{
    Launcher launcher(rt.engine);
    auto env = launcher.describe(inv.positional.at(0));
    if (!env) {
        return fail(inv, env.error());
    }
    if (env->token.empty() || (env->state == "running" && !env->ready)) {
        return fail(inv, makeError(ErrorKind::NotFound, "No working token for " + env->name +
                                                            (env->state == "running" ? "" : " (it is " + env->state +
                                                                                                  "; start it first)") +
                                                            "."));
    }
    if (inv.json) {
        printJson({{"name", env->name}, {"token", env->token}, {"source", env->tokenSource}});
    } else {
        std::cout << printable(env->token, false) << '\n';
    }
    return kExitOk;
}

int cmdOpen(const Invocation& inv, Runtime& rt)
{
    Launcher launcher(rt.engine);
    auto env = launcher.describe(inv.positional.at(0));
    if (!env) {
        return fail(inv, env.error());
    }
    if (env->state != "running") {
        return fail(inv, makeError(ErrorKind::Conflict, env->name + " is " + env->state + ", not running."));
    }
    if (!env->ready) {
        auto waited = launcher.waitReady(env->id, {}, &rt.interrupted);
        if (!waited) {
            return fail(inv, waited.error());
        }
        env = waited;
    }
    if (!inv.has("browser")) {
        if (inv.json) {
            printJson(infoJson(*env, false));
        } else {
            std::cout << env->url << '\n';
        }
        return kExitOk;
    }
    // The browser gets a private file that forwards to the address with the token, as Jupyter itself does:
    // the token never appears on a command line, where any local user could read it.
    const bool urlSafe = !env->token.empty() && std::all_of(env->token.begin(), env->token.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    });
    if (!urlSafe) {
        return fail(inv, makeError(ErrorKind::BadInput, "The token of " + env->name +
                                                            " has characters Berth will not put in a page; open " +
                                                            env->url + " and paste it (berthctl token " + env->name +
                                                            ")."));
    }
    auto dir = privateDir();
    if (!dir) {
        return fail(inv, dir.error());
    }
    const std::string file = *dir + "/open-" + env->name + ".html";
    {
        ::unlink(file.c_str());
        const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0) {
            return fail(inv, makeError(ErrorKind::Io, "Could not create " + file + ": " + std::strerror(errno) + "."));
        }
        const std::string target = env->url + "?token=" + env->token;
        const std::string page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" "
                                 "content=\"0;url=" + target + "\"><title>Berth</title></head><body><p>Opening " +
                                 env->url + "...</p><script>window.location.replace(\"" + target +
                                 "\");</script></body></html>\n";
        const bool written = ::write(fd, page.data(), page.size()) == static_cast<ssize_t>(page.size());
        ::close(fd);
        if (!written) {
            ::unlink(file.c_str());
            return fail(inv, makeError(ErrorKind::Io, "Could not write " + file + "."));
        }
    }
    const char* opener = std::getenv("BROWSER") ? std::getenv("BROWSER") : "xdg-open";
    pid_t pid = 0;
    std::string fileArg = file;
    char* argv[] = {const_cast<char*>(opener), fileArg.data(), nullptr};
    if (posix_spawnp(&pid, opener, nullptr, nullptr, argv, environ) != 0) {
        ::unlink(file.c_str());
        return fail(inv, makeError(ErrorKind::Io, std::string("Could not run ") + opener +
                                                      " to open a browser. Open " + env->url +
                                                      " yourself and paste the token (berthctl token " + env->name +
                                                      ")."));
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    // The browser reads the file within moments; it does not stay on disk with the token afterwards.
    std::string sh = "sh", script = "sleep 30; rm -f -- \"$0\"";
    char* cleanupArgv[] = {sh.data(), const_cast<char*>("-c"), script.data(), fileArg.data(), nullptr};
    pid_t cleaner = 0;
    (void)posix_spawnp(&cleaner, "sh", nullptr, nullptr, cleanupArgv, environ);
    std::cout << "Opened " << env->url << " in the browser.\n";
    return kExitOk;
}

int cmdRecord(const Invocation& inv, Runtime& rt)
{
    Launcher launcher(rt.engine);
    auto rec = launcher.record(inv.positional.at(0), toJson(GpuHost::probe()));
    if (!rec) {
        return fail(inv, rec.error());
    }
    if (inv.json) {
        printJson(*rec);
        return kExitOk;
    }
    const auto& img = (*rec)["image"];
    Table t({"Environment:", (*rec)["name"].get<std::string>()});
    t.add({"Image:", img.value("reference", "")});
    t.add({"Image id:", img.value("id", "")});
    std::string digests;
    if (img.contains("repoDigests")) {
        for (const auto& d : img["repoDigests"]) {
            digests += (digests.empty() ? "" : ", ") + d.get<std::string>();
        }
    }
    t.add({"Digest:", digests.empty() ? "(none: built or imported locally)" : digests});
    t.add({"CUDA:", img.contains("cudaVersion") && img["cudaVersion"].is_string() ? img["cudaVersion"].get<std::string>() : "(not declared)"});
    const auto& res = (*rec)["resources"];
    auto bytesOr = [](const json& v, const char* none) {
        return v.is_number() && v.get<std::int64_t>() > 0 ? formatBytes(v.get<std::uint64_t>()) : std::string(none);
    };
    t.add({"Memory cap:", bytesOr(res["memoryBytes"], "none")});
    t.add({"CPUs:", res["cpus"].get<double>() > 0 ? std::to_string(res["cpus"].get<double>()).substr(0, 4) : "all"});
    t.add({"Shared mem:", bytesOr(res["shmBytes"], "default")});
    for (const auto& m : (*rec)["mounts"]) {
        t.add({"Mount:", m["source"].get<std::string>() + " -> " + m["target"].get<std::string>() +
                             (m["readOnly"].get<bool>() ? " (read-only)" : "")});
    }
    const auto& jup = (*rec)["jupyter"];
    t.add({"Jupyter:", jup["version"].is_string() ? jup["version"].get<std::string>() : "(not running)"});
    t.add({"Started:", (*rec)["startedAt"].get<std::string>()});
    t.print(std::cout);
    std::cout << "(--json gives the whole record, with the engine and host GPUs)\n";
    return kExitOk;
}

} // namespace berth::cli
