// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// launch, token, open, record: the one-click Jupyter job on the command line.
#include "Commands.h"

#include "Table.h"
#include "berth/core/GpuHost.h"
#include "berth/core/Launcher.h"
#include "berth/core/Units.h"

#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

extern char** environ;

namespace berth::cli {

using nlohmann::json;
using namespace berth::core;

namespace {
int usage(const std::string& message)
{
    std::cerr << "berthctl: " << message << '\n';
    return kExitUsage;
}

std::string cwd()
{
    std::error_code ec;
    auto p = std::filesystem::current_path(ec);
    return ec ? std::string("/") : p.string();
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
        if (m_quiet) {
            return;
        }
        if (m_tty) {
            std::string line = p.message;
            if (p.fraction >= 0 && p.phase == LaunchProgress::Phase::Pulling) {
                line += " " + std::to_string(static_cast<int>(p.fraction * 100)) + "%";
            }
            std::cerr << "\r" << line << "\x1b[K" << std::flush;
            m_dirty = true;
            return;
        }
        if (p.phase != m_lastPhase || !m_any) {
            std::cerr << p.message << (p.phase == LaunchProgress::Phase::Waiting ? "..." : "") << '\n';
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
        std::cout << infoJson(*env, showToken).dump(2) << '\n';
        return kExitOk;
    }
    std::cout << "Environment " << env->name << (env->ready ? " is ready." : " is starting.") << '\n';
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
        std::cout << json{{"name", env->name}, {"token", env->token}, {"source", env->tokenSource}}.dump(2) << '\n';
    } else {
        std::cout << env->token << '\n';
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
        auto waited = launcher.waitReady(env->id);
        if (!waited) {
            return fail(inv, waited.error());
        }
        env = waited;
    }
    if (!inv.has("browser")) {
        if (inv.json) {
            std::cout << infoJson(*env, false).dump(2) << '\n';
        } else {
            std::cout << env->url << '\n';
        }
        return kExitOk;
    }
    // The browser gets a private file that forwards to the address with the token, as Jupyter itself does:
    // the token never appears on a command line, where any local user could read it.
    std::string dir = std::getenv("XDG_RUNTIME_DIR") ? std::getenv("XDG_RUNTIME_DIR") : "";
    if (dir.empty()) {
        dir = std::string(std::getenv("HOME") ? std::getenv("HOME") : "/tmp") + "/.cache";
    }
    dir += "/berth";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    ::chmod(dir.c_str(), 0700);
    const std::string file = dir + "/open-" + env->name + ".html";
    {
        const mode_t old = ::umask(077);
        std::ofstream out(file, std::ios::trunc);
        ::umask(old);
        const std::string target = env->url + "?token=" + env->token;
        out << "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url="
            << target << "\"><title>Berth</title></head><body><p>Opening " << env->name << "...</p>"
            << "<script>window.location.replace(\"" << target << "\");</script></body></html>\n";
        if (!out) {
            return fail(inv, makeError(ErrorKind::Io, "Could not write " + file + "."));
        }
    }
    const char* opener = std::getenv("BROWSER") ? std::getenv("BROWSER") : "xdg-open";
    pid_t pid = 0;
    std::string fileArg = file;
    char* argv[] = {const_cast<char*>(opener), fileArg.data(), nullptr};
    if (posix_spawnp(&pid, opener, nullptr, nullptr, argv, environ) != 0) {
        return fail(inv, makeError(ErrorKind::Io, std::string("Could not run ") + opener +
                                                      " to open a browser. Open " + env->url +
                                                      " yourself and paste the token (berthctl token " + env->name +
                                                      ")."));
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
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
        std::cout << rec->dump(2) << '\n';
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
