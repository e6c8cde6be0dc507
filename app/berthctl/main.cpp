// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// berthctl: Berth on the command line. Parses the command line, connects to the engine, runs one command.

#include "Commands.h"

#include "berth/core/CurlTransport.h"
#include "berth/core/Endpoint.h"
#include "berth/core/Token.h"

#include <curl/curl.h>

#include <csignal>
#include <cstring>
#include <functional>
#include <iostream>

using namespace berth;
using namespace berth::cli;

namespace {

struct OptionSpec
{
    std::string name;   ///< long name, without --
    char shortName = 0; ///< 0 when none
    bool takesValue = false;
    std::string help;
};

struct CommandSpec
{
    std::string name;
    std::string args;
    std::string summary;
    std::vector<OptionSpec> options;
    std::size_t minArgs = 0;
    std::size_t maxArgs = 0;
    std::function<int(const Invocation&, Runtime&)> run;
};

const std::vector<CommandSpec>& commands()
{
    static const std::vector<CommandSpec> list = {
        {"info", "", "Show the engine: version, API, CPUs, memory, runtimes", {}, 0, 0, cmdInfo},
        {"images", "", "List the images on the engine", {}, 0, 0, cmdImages},
        {"ps", "", "List running containers", {{"all", 'a', false, "also stopped ones"}}, 0, 0, cmdPs},
        {"pull", "IMAGE", "Pull an image, with progress", {}, 1, 1, cmdPull},
        {"logs", "NAME", "Print a container's log",
         {{"follow", 'f', false, "keep printing new lines until Ctrl-C or the container stops"},
          {"tail", 'n', true, "only the last N lines"},
          {"timestamps", 't', false, "prefix each line with its time"}},
         1, 1, cmdLogs},
        {"stop", "NAME", "Stop a container gracefully",
         {{"time", 't', true, "seconds to wait before killing it (default 10)"}}, 1, 1, cmdStop},
        {"rm", "NAME", "Remove a container; refuses when user files would be lost",
         {{"force", 'f', false, "remove it even while it runs or when files would be lost"}}, 1, 1, cmdRm},
        {"launch", "IMAGE", "Start a Jupyter environment and wait until it answers",
         {{"name", 0, true, "the environment's name (default: from the image)"},
          {"mount", 'v', true, "HOST:CONTAINER[:ro][,create] (repeatable); HOST must exist unless ,create"},
          {"workspace", 0, true, "host folder for notebooks (default: ~/Documents/Berth/NAME)"},
          {"no-workspace", 0, false, "mount no notebook folder (work is lost with the container)"},
          {"memory", 'm', true, "memory cap: 512m, 4g, 1.5GiB"},
          {"cpus", 0, true, "CPU cap: 2, 0.5 (0.01 at least)"},
          {"port", 'p', true, "Jupyter's port on 127.0.0.1 (default: a free one the engine picks)"},
          {"shm-size", 0, true, "shared memory (default 1g, or half a smaller memory cap)"},
          {"gpus", 0, true, "all, none, a count (2), or device=0,1 / GPU-<uuid>"},
          {"env", 'e', true, "KEY=VALUE in the container (repeatable)"},
          {"timeout", 0, true, "seconds to wait for Jupyter (default 180)"},
          {"no-wait", 0, false, "return once started, without waiting for Jupyter"},
          {"show-token", 0, false, "print the token too"},
          {"force", 0, false, "launch a GPU request even when berthctl check says it cannot run here"}},
         1, 1, cmdLaunch},
        {"token", "NAME", "Print an environment's Jupyter token", {}, 1, 1, cmdToken},
        {"open", "NAME", "Print an environment's URL, or open it in the browser",
         {{"browser", 'b', false, "open it in the browser, logged in"}}, 1, 1, cmdOpen},
        {"record", "NAME", "What ran: image digest, CUDA, driver, GPUs, caps, mounts, Jupyter", {}, 1, 1, cmdRecord},
        {"gpu", "", "Show this machine's NVIDIA GPUs, driver and CUDA, and whether the engine can pass GPUs", {}, 0, 0,
         cmdGpu},
        {"check", "IMAGE",
         "Say whether IMAGE can run here, before any pull (exit 0: runs on the GPU or is a CPU image; "
         "3: cannot run here; 4: unknown; 1: failure such as the engine down; 2: bad usage)",
         {}, 1, 1, cmdCheck},
    };
    return list;
}

void printUsage(std::ostream& out)
{
    out << "Usage: berthctl [--host URL | --context NAME] [--json] COMMAND [ARGS...]\n\n"
           "Containerized AI environments on a Docker or Podman engine.\n\nCommands:\n";
    for (const auto& c : commands()) {
        std::string head = c.name + (c.args.empty() ? "" : " " + c.args);
        out << "  " << head << std::string(head.size() < 18 ? 18 - head.size() : 1, ' ') << c.summary << '\n';
    }
    out << "\nOptions for every command:\n"
           "  --host URL        engine address: unix:///path/to/socket or tcp://host:port\n"
           "                    (default: DOCKER_HOST, else the docker context, else Docker's or\n"
           "                    Podman's usual socket)\n"
           "  -c, --context NAME  use a docker context (docker context ls)\n"
           "  --json            machine-readable output\n"
           "  -h, --help        help for berthctl or a command\n"
           "  --version         print Berth's version\n\n"
           "Exit codes: 0 success, 1 failure (one line on stderr says why), 2 bad usage.\n";
}

void printCommandUsage(const CommandSpec& c, std::ostream& out)
{
    out << "Usage: berthctl " << c.name << (c.options.empty() ? "" : " [OPTIONS]") << (c.args.empty() ? "" : " " + c.args)
        << "\n\n"
        << c.summary << ".\n";
    if (!c.options.empty()) {
        out << "\nOptions:\n";
        for (const auto& o : c.options) {
            std::string head = (o.shortName ? std::string("-") + o.shortName + ", " : "    ") + "--" + o.name +
                               (o.takesValue ? " N" : "");
            out << "  " << head << std::string(head.size() < 20 ? 20 - head.size() : 1, ' ') << o.help << '\n';
        }
    }
}

int usageError(const std::string& message, const CommandSpec* c = nullptr)
{
    std::cerr << "berthctl: " << message << '\n';
    std::cerr << (c ? "Run 'berthctl " + c->name + " --help' for its usage." : "Run 'berthctl --help' for usage.")
              << '\n';
    return kExitUsage;
}

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int)
{
    if (g_interrupted.load()) {
        std::_Exit(130); // a second Ctrl-C: leave at once
    }
    g_interrupted.store(true);
}

} // namespace

int main(int argc, char** argv)
{
    core::protectSecretsInMemory();
    std::vector<std::string> args(argv + 1, argv + argc);
    std::optional<std::string> host;
    std::optional<std::string> context;
    Invocation inv;
    const CommandSpec* spec = nullptr;
    bool help = false;

    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string a = args[i];
        std::optional<std::string> inlineValue;
        if (a.starts_with("--") && a.find('=') != std::string::npos) {
            inlineValue = a.substr(a.find('=') + 1);
            a = a.substr(0, a.find('='));
        }
        auto needValue = [&](const std::string& what) -> std::optional<std::string> {
            if (inlineValue) {
                return inlineValue;
            }
            if (i + 1 >= args.size()) {
                return std::nullopt;
            }
            (void)what;
            return args[++i];
        };
        if (a == "--") {
            for (++i; i < args.size(); ++i) {
                inv.positional.push_back(args[i]);
            }
            break;
        }
        if (a == "-h" || a == "--help") {
            help = true;
            continue;
        }
        if (a == "--version") {
            std::cout << "berthctl " << BERTH_VERSION << '\n';
            return kExitOk;
        }
        if (a == "--json") {
            inv.json = true;
            continue;
        }
        if (a == "-c" || a == "--context") {
            context = needValue("--context");
            if (!context) {
                return usageError("--context needs the name of a docker context (docker context ls)");
            }
            continue;
        }
        if (a == "-H" || a == "--host") {
            host = needValue("--host");
            if (!host) {
                return usageError("--host needs an address, like unix:///var/run/docker.sock or tcp://host:2375");
            }
            continue;
        }
        if (!spec && !a.starts_with("-")) {
            for (const auto& c : commands()) {
                if (c.name == a) {
                    spec = &c;
                }
            }
            if (!spec) {
                return usageError("unknown command '" + a + "'");
            }
            inv.command = a;
            continue;
        }
        if (a.size() > 1 && a[0] == '-' && spec) {
            // -af style bundles of short flags are split; each must be known to the command.
            std::vector<std::pair<const OptionSpec*, std::string>> found;
            if (a.starts_with("--")) {
                for (const auto& o : spec->options) {
                    if ("--" + o.name == a) {
                        found.emplace_back(&o, a);
                    }
                }
            } else {
                for (std::size_t k = 1; k < a.size(); ++k) {
                    const OptionSpec* match = nullptr;
                    for (const auto& o : spec->options) {
                        if (o.shortName == a[k]) {
                            match = &o;
                        }
                    }
                    if (!match || (match->takesValue && a.size() > 2)) {
                        found.clear();
                        break;
                    }
                    found.emplace_back(match, a);
                }
            }
            if (found.empty()) {
                return usageError("unknown option '" + a + "' for " + spec->name, spec);
            }
            for (auto& [o, _] : found) {
                if (o->takesValue) {
                    auto v = needValue(o->name);
                    if (!v) {
                        return usageError("--" + o->name + " needs a value", spec);
                    }
                    inv.options[o->name].push_back(*v);
                } else {
                    inv.options[o->name];
                }
            }
            continue;
        }
        if (a.size() > 1 && a[0] == '-') {
            return usageError("unknown option '" + a + "'");
        }
        inv.positional.push_back(a);
    }

    if (!spec) {
        if (help) {
            printUsage(std::cout);
            return kExitOk;
        }
        printUsage(std::cerr);
        return kExitUsage;
    }
    if (help) {
        printCommandUsage(*spec, std::cout);
        return kExitOk;
    }
    if (inv.positional.size() < spec->minArgs) {
        return usageError(spec->name + " needs " + spec->args, spec);
    }
    if (inv.positional.size() > spec->maxArgs) {
        return usageError("too many arguments for " + spec->name, spec);
    }

    auto endpoint = core::resolveEndpoint(host, core::EndpointEnvironment::system(), context);
    if (!endpoint) {
        std::cerr << "berthctl: " << endpoint.error().describe() << '\n';
        return endpoint.error().kind == core::ErrorKind::BadInput ? kExitUsage : kExitFailure;
    }

    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    std::signal(SIGPIPE, SIG_IGN);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    int rc = kExitFailure;
    {
        core::EngineClient engine(std::make_shared<core::CurlTransport>(*endpoint));
        Runtime rt{engine, g_interrupted};
        try {
            rc = spec->run(inv, rt);
        } catch (const std::exception& e) {
            // Core reports errors as values; this is the last guard against a bug, not a way of working.
            std::cerr << "berthctl: internal error (" << e.what() << "); please report it.\n";
            rc = kExitFailure;
        }
    }
    curl_global_cleanup();
    return rc;
}
