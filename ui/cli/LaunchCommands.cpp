// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// launch, token, open, record: the one-click Jupyter job on the command line.
#include "Commands.h"

#include "Table.h"
#include "berth/core/gpu/GpuHost.h"
#include "berth/core/launch/BrowserHandoff.h"
#include "berth/core/launch/Launcher.h"
#include "berth/core/gpu/Compat.h"
#include "berth/core/profile/Profile.h"
#include "berth/core/profile/ProfileLaunch.h"
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



std::string cwd()
{
    std::error_code ec;
    auto p = std::filesystem::current_path(ec);
    return ec ? std::string("/") : p.string();
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
        if (p.phase == LaunchProgress::Phase::Running) {
            // A lifecycle command's output: every line, kept on screen.
            if (m_dirty) {
                std::cerr << "\r\x1b[K";
                m_dirty = false;
            }
            std::cerr << printable(p.message, false) << '\n';
            m_lastPhase = p.phase;
            m_any = true;
            return;
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

Result<std::chrono::seconds> timeoutOption(const Invocation& inv)
{
    auto t = inv.value("timeout");
    return t ? parseReadyTimeout(*t) : Result<std::chrono::seconds>(std::chrono::seconds(180));
}

/// A wrong choice as a usage error (exit 2), named by its flag: "--memory: '12q' is not a size...". `error` is
/// made in the user's language for the terminal, and again in English for --json.
int usage(const Invocation& inv, const std::function<Error()>& error)
{
    auto message = [](const Error& e) {
        std::string text = (e.field.empty() ? std::string() : "--" + e.field + ": ") + e.message;
        if (!e.remedies.empty()) {
            text += "\n" + remedySentence(e.remedies);
        }
        return text;
    };
    std::cerr << "berthctl: " << printable(message(error())) << '\n';
    if (inv.json) {
        const EnglishOnly english;
        const Error e = error();
        json j = errorJson(e);
        j["kind"] = "usage";
        j["message"] = message(e);
        printJson({{"error", j}});
    }
    return kExitUsage;
}

int usage(const Invocation& inv, const Error& e)
{
    return usage(inv, [&] { return e; });
}
} // namespace

namespace {
/// The person's own choices on the command line, as typed.
LaunchChoices choicesFromFlags(const Invocation& inv)
{
    LaunchChoices choices;
    choices.image = inv.positional.empty() ? std::string() : inv.positional.at(0);
    choices.name = inv.value("name").value_or("");
    if (inv.options.count("mount")) {
        choices.mounts = inv.options.at("mount");
    }
    if (inv.options.count("env")) {
        choices.env = inv.options.at("env");
    }
    choices.memory = inv.value("memory").value_or("");
    choices.shmSize = inv.value("shm-size").value_or("");
    choices.cpus = inv.value("cpus").value_or("");
    choices.gpus = inv.value("gpus").value_or("");
    choices.port = inv.value("port").value_or("");
    choices.workspace = inv.value("workspace").value_or("");
    choices.noWorkspace = inv.has("no-workspace");
    choices.baseDir = cwd();
    return choices;
}

int tellLaunched(const Invocation& inv, const EnvironmentInfo& env, const std::string& openPage = {})
{
    const bool showToken = inv.has("show-token");
    if (inv.json) {
        json j = toJson(env, showToken);
        if (!openPage.empty()) {
            j["openPage"] = openPage;
        }
        printJson(j);
        return kExitOk;
    }
    if (env.gpuImageOnCpu) {
        std::cerr << arg(berth::cli::tr(
                             "Note: %1 is built for NVIDIA GPUs; launched without --gpus, it runs on the CPU."),
                         printable(env.image, false))
                  << '\n';
    }
    std::cout << arg(env.ready ? berth::cli::tr("Environment %1 is ready.")
                               : berth::cli::tr("Environment %1 is starting."),
                     printable(env.name, false))
              << '\n';
    Table t({"  " + berth::cli::tr("URL:"), env.url.empty() ? berth::cli::tr("(no port yet)") : env.url});
    if (showToken) {
        t.add({"  " + berth::cli::tr("Token:"), env.token});
    } else {
        t.add({"  " + berth::cli::tr("Token:"),
               arg(berth::cli::tr("berthctl token %1   (or: berthctl open %1 --browser)"), env.name)});
    }
    if (!env.machine.empty()) {
        // Through ssh: the folders are the engine's machine's, and the URL is a forward of its 127.0.0.1 port.
        t.add({"  " + berth::cli::tr("Runs on:"),
               arg(berth::cli::tr("%1 (port %2 there, forwarded here over ssh)"), printable(env.machine, false),
                   env.enginePort)});
    }
    if (!env.workspace.empty()) {
        t.add({"  " + berth::cli::tr("Notebooks:"),
               env.machine.empty() ? env.workspace + "  ->  " + env.workspaceTarget
                                   : arg(berth::cli::tr("%1 on %2  ->  %3"), env.workspace,
                                         printable(env.machine, false), env.workspaceTarget)});
    }
    if (!openPage.empty()) {
        t.add({"  " + berth::cli::tr("Start with:"), openPage + "   (berth --open " + env.name + "/" + openPage + ")"});
    }
    if (!env.jupyterVersion.empty()) {
        t.add({"  " + berth::cli::tr("Jupyter:"), env.jupyterVersion});
    }
    t.print(std::cout);
    return kExitOk;
}

int launchFromProfile(const Invocation& inv, Runtime& rt, const LaunchOptions& opts)
{
    auto profile = loadProfile(*inv.value("profile"));
    if (!profile) {
        return fail(inv, profile.error());
    }
    // With a profile, --env NAME (no '=') picks one of its environments; --env KEY=VALUE stays a variable.
    LaunchChoices person = choicesFromFlags(inv);
    std::string envName;
    std::vector<std::string> variables;
    for (const auto& e : person.env) {
        if (e.find('=') != std::string::npos) {
            variables.push_back(e);
        } else if (!envName.empty()) {
            return usage(inv, [&] {
                return makeError(
                    ErrorKind::BadInput,
                    arg(berth::cli::tr("--env names one environment of the profile, not '%1' and '%2'"), envName, e));
            });
        } else {
            envName = e;
        }
    }
    person.env = variables;
    auto chosen = chooseEnvironment(*profile, envName);
    if (!chosen) {
        return usage(inv, chosen.error());
    }
    ProfileEnvironment environment = **chosen;
    if (environment.gpu == GpuNeed::Optional && person.gpus.empty() && environment.choices.gpus.empty()) {
        // "optional": GPUs when the verdict says the image runs on them here, the CPU otherwise; said either way.
        auto verdict = Compat::checkBeforePull(rt.engine, environment.choices.image, GpuHost::probeEngineHost(rt.engine));
        const bool here = verdict && verdict->kind == Verdict::Kind::RunsOnGpu;
        environment.choices.gpus = gpuChoiceFor(environment, here);
        if (!inv.json) {
            std::cerr << (here ? berth::cli::tr("GPUs: this machine can run it on the GPU; launching with --gpus all.")
                               : berth::cli::tr(
                                     "GPUs: optional for this environment, and not usable here; it runs on the CPU."))
                      << '\n';
        }
    } else if (environment.gpu == GpuNeed::Required && environment.choices.gpus.empty()) {
        environment.choices.gpus = gpuChoiceFor(environment, true);
    }
    std::vector<std::string> allowed;
    if (inv.options.count("allow")) {
        allowed = inv.options.at("allow");
    }
    auto spec = profileLaunchSpec(environment, person, allowed);
    if (!spec) {
        return usage(inv, spec.error());
    }
    for (const auto& w : environment.warnings) {
        if (!inv.json) {
            std::cerr << arg(berth::cli::tr("Note: %1"), printable(w, false)) << '\n';
        }
    }
    Result<EnvironmentInfo> env = makeError(ErrorKind::Engine, "not launched");
    {
        LaunchPrinter printer(inv.json);
        env = launchProfileEnvironment(rt.shared, opts, environment, *spec, std::ref(printer), &rt.interrupted);
    }
    if (!env) {
        return fail(inv, env.error());
    }
    return tellLaunched(inv, *env, environment.openPage);
}
} // namespace

int cmdLaunch(const Invocation& inv, Runtime& rt)
{
    auto timeout = timeoutOption(inv);
    if (!timeout) {
        return usage(inv, timeout.error());
    }
    LaunchOptions opts;
    opts.wait = !inv.has("no-wait");
    opts.readyTimeout = *timeout;
    opts.force = inv.has("force");
    if (inv.has("profile")) {
        return launchFromProfile(inv, rt, opts);
    }
    if (inv.positional.empty()) {
        return usage(inv, [] {
            return makeError(ErrorKind::BadInput, berth::cli::tr("launch needs an IMAGE, or --profile FILE"));
        });
    }
    if (inv.has("allow")) {
        return usage(inv,
                     [] { return makeError(ErrorKind::BadInput, berth::cli::tr("--allow goes with --profile FILE")); });
    }
    // The flags are the person's choices, as typed; core turns them into a spec, as it does the launch form's.
    LaunchChoices choices = choicesFromFlags(inv);
    choices.foldersHere = rt.engine.remoteHost() == nullptr; // through ssh: the paths are the engine's machine's
    auto spec = buildLaunchSpec(choices);
    if (!spec) {
        return usage(inv, spec.error());
    }
    Launcher launcher(rt.shared, opts);
    Result<EnvironmentInfo> env = makeError(ErrorKind::Engine, "not launched");
    {
        LaunchPrinter printer(inv.json);
        env = launcher.launch(*spec, std::ref(printer), &rt.interrupted);
    }
    if (!env) {
        return fail(inv, env.error());
    }
    return tellLaunched(inv, *env);
}

namespace {
int startAndTell(const Invocation& inv, Runtime& rt, const std::string& name)
{
    auto timeout = timeoutOption(inv);
    if (!timeout) {
        return usage(inv, timeout.error());
    }
    LaunchOptions opts;
    opts.readyTimeout = *timeout;
    opts.wait = !inv.has("no-wait");
    Launcher launcher(rt.shared, opts);
    Result<EnvironmentInfo> env = makeError(ErrorKind::Engine, "not started");
    {
        LaunchPrinter printer(inv.json);
        env = launcher.start(name, std::ref(printer), &rt.interrupted);
    }
    if (!env) {
        return fail(inv, env.error());
    }
    if (inv.json) {
        printJson(toJson(*env, false));
    } else if (env->url.empty()) {
        std::cout << arg(berth::cli::tr("Started %1"), printable(env->name, false)) << '\n';
    } else {
        std::cout << arg(env->ready ? berth::cli::tr("Environment %1 is ready at %2")
                                    : berth::cli::tr("Environment %1 is starting at %2"),
                         printable(env->name, false), env->url)
                  << '\n';
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
    Launcher launcher(rt.shared);
    auto env = launcher.readyEnvironment(inv.positional.at(0), false, &rt.interrupted);
    if (!env) {
        return fail(inv, env.error());
    }
    if (inv.json) {
        printJson({{"name", env->name}, {"token", env->token}, {"source", toString(env->tokenSource)}});
    } else {
        std::cout << printable(env->token, false) << '\n';
    }
    return kExitOk;
}

int cmdOpen(const Invocation& inv, Runtime& rt)
{
    Launcher launcher(rt.shared);
    auto env = launcher.readyEnvironment(inv.positional.at(0), true, &rt.interrupted);
    if (!env) {
        return fail(inv, env.error());
    }
    if (!inv.has("browser")) {
        if (inv.json) {
            printJson(toJson(*env, false));
        } else {
            std::cout << env->url << '\n';
        }
        return kExitOk;
    }
    // The browser gets a private file that forwards to the address with the token, as Jupyter itself does:
    // the token never appears on a command line, where any local user could read it.
    auto page = writeBrowserHandoff(*env);
    if (!page) {
        return fail(inv, page.error());
    }
    const std::string file = *page;
    const char* opener = std::getenv("BROWSER") ? std::getenv("BROWSER") : "xdg-open";
    pid_t pid = 0;
    std::string fileArg = file;
    char* argv[] = {const_cast<char*>(opener), fileArg.data(), nullptr};
    if (posix_spawnp(&pid, opener, nullptr, nullptr, argv, environ) != 0) {
        ::unlink(file.c_str());
        return fail(inv, [&] {
            return makeError(ErrorKind::Io,
                             arg(berth::cli::tr("Could not run %1 to open a browser. Open %2 yourself and paste "
                                                "the token (berthctl token %3)."),
                                 opener, env->url, env->name));
        });
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    // The browser reads the file within moments; it does not stay on disk with the token afterwards.
    std::string sh = "sh", script = "sleep 30; rm -f -- \"$0\"";
    char* cleanupArgv[] = {sh.data(), const_cast<char*>("-c"), script.data(), fileArg.data(), nullptr};
    pid_t cleaner = 0;
    (void)posix_spawnp(&cleaner, "sh", nullptr, nullptr, cleanupArgv, environ);
    std::cout << arg(berth::cli::tr("Opened %1 in the browser."), env->url) << '\n';
    return kExitOk;
}

int cmdRecord(const Invocation& inv, Runtime& rt)
{
    Launcher launcher(rt.shared);
    // This machine's GPUs belong in the record only when the engine runs here.
    const auto here = launcher.engineRunsHere();
    if (!here) {
        return fail(inv, here.error());
    }
    const HostGpus host = here && *here ? GpuHost::probeEngineHost(rt.engine) : HostGpus{};
    auto rec = launcher.record(inv.positional.at(0), here && *here ? &host : nullptr);
    if (!rec) {
        return fail(inv, rec.error());
    }
    if (inv.json) {
        printJson(*rec);
        return kExitOk;
    }
    const auto& img = (*rec)["image"];
    Table t({berth::cli::tr("Environment:"), (*rec)["name"].get<std::string>()});
    t.add({berth::cli::tr("Image:"), img.value("reference", "")});
    t.add({berth::cli::tr("Image id:"), img.value("id", "")});
    std::string digests;
    if (img.contains("repoDigests")) {
        for (const auto& d : img["repoDigests"]) {
            digests += (digests.empty() ? "" : ", ") + d.get<std::string>();
        }
    }
    t.add({berth::cli::tr("Digest:"), digests.empty() ? berth::cli::tr("(none: built or imported locally)") : digests});
    t.add({berth::cli::tr("CUDA:"), img.contains("cudaVersion") && img["cudaVersion"].is_string()
                                        ? img["cudaVersion"].get<std::string>()
                                        : berth::cli::tr("(not declared)")});
    const auto& res = (*rec)["resources"];
    auto bytesOr = [](const json& v, const std::string& none) {
        return v.is_number() && v.get<std::int64_t>() > 0 ? formatBytes(v.get<std::uint64_t>()) : none;
    };
    t.add({berth::cli::tr("Memory cap:"), bytesOr(res["memoryBytes"], berth::cli::tr("none"))});
    t.add({berth::cli::tr("CPUs:"), res["cpus"].get<double>() > 0
                                        ? std::to_string(res["cpus"].get<double>()).substr(0, 4)
                                        : berth::cli::tr("all")});
    t.add({berth::cli::tr("Shared mem:"), bytesOr(res["shmBytes"], berth::cli::tr("default"))});
    for (const auto& m : (*rec)["mounts"]) {
        const std::string mount = m["source"].get<std::string>() + " -> " + m["target"].get<std::string>();
        t.add({berth::cli::tr("Mount:"),
               m["readOnly"].get<bool>() ? arg(berth::cli::tr("%1 (read-only)"), mount) : mount});
    }
    const auto& jup = (*rec)["jupyter"];
    t.add({berth::cli::tr("Jupyter:"),
           jup["version"].is_string() ? jup["version"].get<std::string>() : berth::cli::tr("(not running)")});
    t.add({berth::cli::tr("Started:"), (*rec)["startedAt"].get<std::string>()});
    t.print(std::cout);
    std::cout << berth::cli::tr("(--json gives the whole record, with the engine and host GPUs)") << '\n';
    return kExitOk;
}

} // namespace berth::cli
