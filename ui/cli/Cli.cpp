// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// berthctl: Berth on the command line. Parses the command line, connects to the engine, runs one command.

#include "Cli.h"
#include "Commands.h"
#include "Translate.h"

#include "berth/core/base/Spelling.h"
#include "berth/core/base/Token.h"
#include "berth/core/engine/Connect.h"
#include "berth/core/engine/CurlTransport.h"
#include "berth/core/engine/Endpoint.h"

#include <algorithm>
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
    std::string valueName = "VALUE"; ///< how help shows the value: SIZE, SRC:DST[:ro]...
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
    bool eachName = false; ///< NAME... : the command runs once per name, as docker's stop and rm do
};

constexpr std::size_t kMany = 1000;

int cmdComplete(const Invocation& inv, Runtime& rt);

std::vector<CommandSpec> makeCommands()
{
    return {
        {"info", "", berth::cli::tr("Show the engine: version, API, CPUs, memory, runtimes"), {}, 0, 0, cmdInfo},
        {"images", "", berth::cli::tr("List the images on the engine"), {}, 0, 0, cmdImages},
        {"ps", "", berth::cli::tr("List running containers"),
         {{"all", 'a', false, berth::cli::tr("also stopped ones")},
          {"quiet", 'q', false, berth::cli::tr("only the ids")}},
         0, 0, cmdPs},
        {"pull", "IMAGE", berth::cli::tr("Pull an image, with progress"), {}, 1, 1, cmdPull},
        {"logs", "NAME", berth::cli::tr("Print a container's log"),
         {{"follow", 'f', false, berth::cli::tr("keep printing new lines until Ctrl-C or the container stops")},
          {"tail", 'n', true, berth::cli::tr("only the last N lines"), "N"},
          {"timestamps", 't', false, berth::cli::tr("prefix each line with its time")}},
         1, 1, cmdLogs},
        {"stop", "NAME...", berth::cli::tr("Stop containers gracefully"),
         {{"time", 't', true,
           berth::cli::tr("seconds to wait before killing it (default 30 for a Berth environment, 10 otherwise)"),
           "S"}},
         1, kMany, cmdStop, true},
        {"start", "NAME...",
         berth::cli::tr("Start stopped environments again (token, folder and caps kept) and wait for Jupyter"),
         {{"timeout", 0, true, berth::cli::tr("seconds to wait for Jupyter (default 180)"), "S"},
          {"no-wait", 0, false, berth::cli::tr("return once started")}},
         1, kMany, cmdStart, true},
        {"restart", "NAME...", berth::cli::tr("Stop, then start again and wait for Jupyter"),
         {{"timeout", 0, true, berth::cli::tr("seconds to wait for Jupyter (default 180)"), "S"},
          {"no-wait", 0, false, berth::cli::tr("return once started")}},
         1, kMany, cmdRestart, true},
        {"rm", "NAME...", berth::cli::tr("Remove containers; refuses when user files would be lost"),
         {{"force", 'f', false, berth::cli::tr("remove it even while it runs or when files would be lost")}},
         1, kMany, cmdRm, true},
        {"launch", "IMAGE | --profile FILE", berth::cli::tr("Start a Jupyter environment and wait until it answers"),
         {{"profile", 0, true,
           berth::cli::tr("a classroom profile (devcontainer.json); IMAGE, if given, replaces its image"), "FILE"},
          {"allow", 0, true,
           berth::cli::tr("with --profile: grant what it asks beyond a notebook's needs, by the name berthctl "
                          "profile show gives (repeatable): privileged, cap-add=NAME, device=PATH, network=host..."),
           "WHAT"},
          {"name", 0, true,
           berth::cli::tr("the environment's name (default: from the image, or the profile's environment)"), "NAME"},
          {"mount", 'v', true,
           berth::cli::tr("a host folder in the container (repeatable); HOST must exist unless ,create"),
           "HOST:CONTAINER[:ro][,create]"},
          {"workspace", 0, true, berth::cli::tr("host folder for notebooks (default: ~/Documents/Berth/NAME)"), "DIR"},
          {"no-workspace", 0, false, berth::cli::tr("mount no notebook folder (work is lost with the container)")},
          {"memory", 'm', true, berth::cli::tr("memory cap: 512m, 4g, 1.5GiB"), "SIZE"},
          {"cpus", 0, true, berth::cli::tr("CPU cap: 2, 0.5 (0.01 at least)"), "N"},
          {"port", 'p', true,
           berth::cli::tr("Jupyter's port on 127.0.0.1 (default: a free one the engine picks)"), "PORT"},
          {"shm-size", 0, true, berth::cli::tr("shared memory (default 1g, or half a smaller memory cap)"), "SIZE"},
          {"gpus", 0, true, berth::cli::tr("all, none, a count (2), or device=0,1 / GPU-<uuid>"), "GPUS"},
          {"env", 'e', true,
           berth::cli::tr("a variable in the container (repeatable); with --profile, --env NAME picks one of its "
                          "environments"),
           "KEY=VALUE"},
          {"timeout", 0, true, berth::cli::tr("seconds to wait for Jupyter (default 180)"), "S"},
          {"no-wait", 0, false, berth::cli::tr("return once started, without waiting for Jupyter")},
          {"show-token", 0, false, berth::cli::tr("print the token too")},
          {"force", 0, false,
           berth::cli::tr("launch a GPU request even when berthctl check says it cannot run here")}},
         0, 1, cmdLaunch},
        {"profile", "validate|show|pin FILE | save NAME FILE",
         berth::cli::tr("A classroom profile (devcontainer.json, or a folder with .devcontainer/): validate it; show "
                        "what each environment will do here, with its GPU verdict and warnings; pin its images to "
                        "the local digests; save a running environment as a new profile, pinned"),
         {{"dry-run", 0, false, berth::cli::tr("pin: say what would change, write nothing")}}, 2, 3, cmdProfile},
        {"bundle", "export PROFILE -o FILE.tar | import FILE.tar [DIR]",
         berth::cli::tr("An offline bundle: a profile and its images in one file (export), loaded into any engine "
                        "with every image's ID checked, the profile written to DIR (import; default: a folder named "
                        "after the bundle)"),
         {{"output", 'o', true, berth::cli::tr("export: the bundle to write (never over an existing file)"),
           "FILE.tar"}},
         2, 3, cmdBundle},
        {"token", "NAME", berth::cli::tr("Print an environment's Jupyter token"), {}, 1, 1, cmdToken},
        {"open", "NAME", berth::cli::tr("Print an environment's URL, or open it in the browser"),
         {{"browser", 'b', false, berth::cli::tr("open it in the browser, logged in")}}, 1, 1, cmdOpen},
        {"record", "NAME", berth::cli::tr("What ran: image digest, CUDA, driver, GPUs, caps, mounts, Jupyter"), {},
         1, 1, cmdRecord},
        {"gpu", "",
         berth::cli::tr("Show this machine's NVIDIA GPUs, driver and CUDA, and whether the engine can pass GPUs"), {},
         0, 0, cmdGpu},
        {"check", "IMAGE",
         berth::cli::tr("Say whether IMAGE can run here, before any pull (exit 0: runs on the GPU or is a CPU "
                        "image; 3: cannot run here; 4: unknown; 1: failure such as the engine down; 2: bad usage)"),
         {}, 1, 1, cmdCheck},
        {"inspect", "NAME", berth::cli::tr("Print the engine's own JSON of a container (else of an image)"), {}, 1,
         1, cmdInspect},
        {"rmi", "IMAGE...", berth::cli::tr("Remove images"),
         {{"force", 'f', false, berth::cli::tr("untag it even when a container uses it")}}, 1, kMany, cmdRmi, true},
        {"stats", "NAME", berth::cli::tr("Show a container's CPU, memory, network and PIDs until Ctrl-C"),
         {{"no-stream", 0, false, berth::cli::tr("one sample, then exit")}}, 1, 1, cmdStats},
        {"exec", "NAME -- CMD...", berth::cli::tr("Run a command in a running container; its exit code is berthctl's"),
         {{"timeout", 0, true, berth::cli::tr("seconds the command may take (default 300)"), "S"}}, 2, kMany,
         cmdExec},
        {"events", "", berth::cli::tr("Follow the engine's events until Ctrl-C"),
         {{"filter", 'f', true,
           berth::cli::tr("only these (repeatable): type=container, label=berth.env, container=NAME..."),
           "KEY=VALUE"}},
         0, 0, cmdEvents},
        {"cp", "NAME:/PATH DEST",
         berth::cli::tr("Copy files out of a container (running or stopped) into a folder"), {}, 2, 2, cmdCp},
        {"complete", "commands | options COMMAND | containers | environments | images",
         berth::cli::tr("Names for shell completion, one a line (the completions in resources/completions call it); "
                        "nothing when the engine does not answer"),
         {}, 1, 2, cmdComplete},
        {"help", "[COMMAND]", berth::cli::tr("Show help for berthctl or a command"),
         {{"man", 0, false,
           berth::cli::tr("the whole manual as a man page (troff), as berthctl(1) is built from it")}},
         0, 1, nullptr},
        {"version", "", berth::cli::tr("Show Berth's version"), {}, 0, 0, nullptr},
    };
}

/// The table in the language berthctl speaks, made once for each (the manual page asks for English).
const std::vector<CommandSpec>& commands()
{
    if (language() == Language::English) {
        static const std::vector<CommandSpec> english = makeCommands();
        return english;
    }
    static const std::vector<CommandSpec> translated = makeCommands();
    return translated;
}

/// Names for the shell's completion: quick, quiet, and never an error a shell would print under the prompt.
int cmdComplete(const Invocation& inv, Runtime& rt)
{
    const std::string& what = inv.positional.at(0);
    if (what == "commands") {
        for (const auto& c : commands()) {
            std::cout << c.name << '\n';
        }
    } else if (what == "options") {
        for (const auto& c : commands()) {
            if (inv.positional.size() == 2 && c.name == inv.positional[1]) {
                for (const auto& o : c.options) {
                    std::cout << "--" << o.name << '\n';
                }
            }
        }
        for (const char* global : {"--host", "--context", "--json", "--help"}) {
            std::cout << global << '\n';
        }
    } else if (what == "containers" || what == "environments") {
        core::Filters filters;
        if (what == "environments") {
            filters["label"] = {"berth.env"};
        }
        auto list = rt.engine.listContainers(true, filters);
        for (const auto& c : list ? *list : std::vector<core::ContainerSummary>{}) {
            for (const auto& n : c.names) {
                std::cout << core::printable(n.starts_with("/") ? n.substr(1) : n, false) << '\n';
            }
        }
    } else if (what == "images") {
        auto list = rt.engine.listImages();
        for (const auto& i : list ? *list : std::vector<core::ImageSummary>{}) {
            for (const auto& t : i.repoTags) {
                if (t != "<none>:<none>") {
                    std::cout << core::printable(t, false) << '\n';
                }
            }
        }
    } else {
        return kExitUsage;
    }
    return kExitOk;
}

/// " Did you mean 'X'?" for the closest of `known`, else "".
std::string didYouMean(const std::string& typed, const std::vector<std::string>& known)
{
    const std::string best = core::closestName(typed, known);
    return best.empty() ? std::string() : arg(berth::cli::tr(" Did you mean '%1'?"), best);
}

/// "  HEAD      help", the help's further lines (a translation breaks its own) under its first.
void printOption(std::ostream& out, const std::string& head, const std::string& help, std::size_t column)
{
    out << "  " << head << std::string(head.size() + 2 > column ? 2 : column - head.size(), ' ');
    for (const char c : help) {
        out << c;
        if (c == '\n') {
            out << std::string(column + 2, ' ');
        }
    }
    out << '\n';
}

void printUsage(std::ostream& out)
{
    out << arg(berth::cli::tr("Usage: %1"), "berthctl [-H URL | --context NAME] [--json] COMMAND [ARGS...]") << "\n\n"
        << berth::cli::tr("Containerized AI environments on a Docker or Podman engine.") << "\n\n"
        << berth::cli::tr("Commands:") << '\n';
    for (const auto& c : commands()) {
        std::string head = c.name + (c.args.empty() ? "" : " " + c.args);
        out << "  " << head << std::string(head.size() < 18 ? 18 - head.size() : 1, ' ') << c.summary << '\n';
    }
    out << '\n' << berth::cli::tr("Options for every command:") << '\n';
    printOption(
        out, "-H, --host URL",
        berth::cli::tr("engine address: unix:///path/to/socket or tcp://host:port\n(default: DOCKER_HOST, else the "
                       "docker context, else Docker's or\nPodman's usual socket)"),
        18);
    printOption(out, "-c, --context NAME", berth::cli::tr("use a docker context (docker context ls)"), 18);
    printOption(out, "--json", berth::cli::tr("machine-readable output"), 18);
    printOption(out, "-h, --help", berth::cli::tr("help for berthctl or a command"), 18);
    printOption(out, "--version", berth::cli::tr("print Berth's version"), 18);
    out << '\n'
        << berth::cli::tr(
               "Exit codes: 0 success, 1 failure (one line on stderr says why), 2 bad usage, 130 interrupted.")
        << '\n';
}

void printCommandUsage(const CommandSpec& c, std::ostream& out)
{
    out << arg(berth::cli::tr("Usage: %1"),
               "berthctl " + c.name + (c.options.empty() ? "" : " [OPTIONS]") + (c.args.empty() ? "" : " " + c.args))
        << "\n\n"
        << arg(berth::cli::tr("%1."), c.summary) << '\n';
    if (!c.options.empty()) {
        out << '\n' << berth::cli::tr("Options:") << '\n';
        for (const auto& o : c.options) {
            std::string head = (o.shortName ? std::string("-") + o.shortName + ", " : "    ") + "--" + o.name +
                               (o.takesValue ? " " + o.valueName : "");
            if (head.size() > 24) {
                out << "  " << head << "\n" << std::string(26, ' ') << o.help << '\n';
            } else {
                out << "  " << head << std::string(24 - head.size(), ' ') << o.help << '\n';
            }
        }
    }
}

/// Text for troff: backslashes and hyphens escaped, no line starting with a control character.
std::string roff(const std::string& text)
{
    std::string out;
    for (const char c : text) {
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else {
            out += c;
        }
    }
    if (!out.empty() && (out.front() == '.' || out.front() == '\'')) {
        out.insert(0, "\\&");
    }
    return out;
}

/// berthctl(1): made from the same table as --help, so the manual names every command and option.
void printManual(std::ostream& out)
{
    out << ".TH BERTHCTL 1 \"\" \"Berth " << BERTH_VERSION << "\" \"User Commands\"\n"
        << ".SH NAME\nberthctl \\- containerized AI environments on a Docker or Podman engine\n"
        << ".SH SYNOPSIS\n.B berthctl\n[\\fB\\-H\\fR \\fIURL\\fR | \\fB\\-\\-context\\fR \\fINAME\\fR] "
           "[\\fB\\-\\-json\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR...]\n"
        << ".SH DESCRIPTION\nBerth on the command line: Jupyter environments launched with a fresh token, caps and "
           "a notebook folder that outlives the container; images and whether this machine's NVIDIA driver can run "
           "them, before any pull; classroom profiles (a devcontainer.json) and offline bundles. It speaks the "
           "Docker Engine API to Docker or Podman, and never needs the docker CLI.\n"
        << ".SH OPTIONS\n.TP\n\\fB\\-H\\fR, \\fB\\-\\-host\\fR \\fIURL\\fR\nThe engine: "
           "unix:///path/to/socket or tcp://host:port (default: DOCKER_HOST, else the docker context, else Docker's "
           "or Podman's usual socket).\n"
        << ".TP\n\\fB\\-c\\fR, \\fB\\-\\-context\\fR \\fINAME\\fR\nA docker context.\n"
        << ".TP\n\\fB\\-\\-json\\fR\nMachine-readable output; failures as {\"error\": {...}}.\n"
        << ".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nHelp for berthctl or a command.\n"
        << ".TP\n\\fB\\-\\-version\\fR\nBerth's version.\n.SH COMMANDS\n";
    for (const auto& c : commands()) {
        out << ".TP\n.B " << roff(c.name) << (c.args.empty() ? "" : "\n\\fI" + roff(c.args) + "\\fR") << '\n'
            << roff(c.summary) << ".\n";
        if (!c.options.empty()) {
            out << ".RS\n";
            for (const auto& o : c.options) {
                out << ".TP\n";
                if (o.shortName) {
                    out << "\\fB\\-" << o.shortName << "\\fR, ";
                }
                out << "\\fB\\-\\-" << roff(o.name) << "\\fR" << (o.takesValue ? " \\fI" + roff(o.valueName) + "\\fR" : "")
                    << '\n' << roff(o.help) << "\n";
            }
            out << ".RE\n";
        }
    }
    out << ".SH EXIT STATUS\n0 success; 1 failure, with one line on stderr saying why; 2 bad usage; 130 after Ctrl-C. "
           "check: 3 cannot run here, 4 unknown.\n"
        << ".SH ENVIRONMENT\n.TP\n.B DOCKER_HOST\nThe engine's address, as the docker CLI reads it.\n"
        << ".TP\n.B DOCKER_CONTEXT\nA docker context to use.\n"
        << ".SH FILES\nNotebook folders: ~/Documents/Berth/NAME (the XDG documents folder). Nothing else is written "
           "but what a command is asked to write; no token is ever written to a file Berth keeps.\n"
        << ".SH SEE ALSO\n.BR berth (1),\n.BR docker (1),\n.BR podman (1)\n";
}

bool g_json = false; ///< --json anywhere on the command line: usage errors are JSON too

/// `message` is worded twice: in the user's language for the terminal, in English for --json (an interface).
int usageError(const std::function<std::string()>& message, const CommandSpec* c = nullptr)
{
    if (g_json) {
        const EnglishOnly english;
        printJson({{"error", {{"kind", "usage"}, {"message", message()}, {"engineMessage", ""}, {"httpStatus", 0}}}});
    }
    std::cerr << "berthctl: " << core::printable(message()) << '\n';
    std::cerr << (c ? arg(berth::cli::tr("Run 'berthctl %1 --help' for its usage."), c->name)
                    : berth::cli::tr("Run 'berthctl --help' for usage."))
              << '\n';
    return kExitUsage;
}

} // namespace

std::vector<std::string> berth::cli::optionNames()
{
    std::vector<std::string> names = {"--host", "--context", "--json", "--help", "--version"};
    for (const auto& c : commands()) {
        for (const auto& o : c.options) {
            if (std::find(names.begin(), names.end(), "--" + o.name) == names.end()) {
                names.push_back("--" + o.name);
            }
        }
    }
    return names;
}

int berth::cli::run(const std::vector<std::string>& args, std::atomic<bool>& interrupted,
                    std::shared_ptr<core::Transport> transport)
{
    g_json = std::find(args.begin(), args.end(), "--json") != args.end();
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
                return usageError(
                    [] { return berth::cli::tr("--context needs the name of a docker context (docker context ls)"); });
            }
            continue;
        }
        if (a == "-H" || a == "--host") {
            host = needValue("--host");
            if (!host) {
                return usageError([] {
                    return berth::cli::tr(
                        "--host needs an address, like unix:///var/run/docker.sock or tcp://host:2375");
                });
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
                std::vector<std::string> names;
                for (const auto& c : commands()) {
                    names.push_back(c.name);
                }
                return usageError(
                    [&] { return arg(berth::cli::tr("unknown command '%1'."), a) + didYouMean(a, names); });
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
                std::vector<std::string> names;
                for (const auto& o : spec->options) {
                    names.push_back("--" + o.name);
                }
                return usageError(
                    [&] {
                        return arg(berth::cli::tr("unknown option '%1' for %2."), a, spec->name) + didYouMean(a, names);
                    },
                    spec);
            }
            for (auto& [o, _] : found) {
                if (o->takesValue) {
                    auto v = needValue(o->name);
                    if (!v) {
                        return usageError([&] { return arg(berth::cli::tr("--%1 needs a value"), o->name); }, spec);
                    }
                    inv.options[o->name].push_back(*v);
                } else {
                    inv.options[o->name];
                }
            }
            continue;
        }
        if (a.size() > 1 && a[0] == '-') {
            return usageError([&] { return arg(berth::cli::tr("unknown option '%1'"), a); });
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
    if (spec->name == "version") {
        std::cout << "berthctl " << BERTH_VERSION << '\n';
        return kExitOk;
    }
    if (spec->name == "help") {
        if (inv.has("man")) {
            const EnglishOnly english; // berthctl(1) is built from it, and man pages are English
            printManual(std::cout);
            return kExitOk;
        }
        if (inv.positional.empty()) {
            printUsage(std::cout);
            return kExitOk;
        }
        for (const auto& c : commands()) {
            if (c.name == inv.positional.front()) {
                printCommandUsage(c, std::cout);
                return kExitOk;
            }
        }
        return usageError([&] { return arg(berth::cli::tr("no command '%1'"), inv.positional.front()); });
    }
    if (inv.positional.size() < spec->minArgs) {
        return usageError([&] { return arg(berth::cli::tr("%1 needs %2"), spec->name, spec->args); }, spec);
    }
    if (inv.positional.size() > spec->maxArgs) {
        return usageError([&] { return arg(berth::cli::tr("too many arguments for %1"), spec->name); }, spec);
    }

    if (!transport) {
        auto endpoint = core::resolveEndpoint(host, core::EndpointEnvironment::system(), context);
        if (!endpoint) {
            std::cerr << "berthctl: " << endpoint.error().describe() << '\n';
            return endpoint.error().kind == core::ErrorKind::BadInput ? kExitUsage : kExitFailure;
        }
        // berthctl: an ssh connection outlives the command by a minute, for the next one to reuse.
        transport = core::connectTo(*endpoint, std::chrono::seconds(60));
    }

    int rc = kExitFailure;
    {
        auto engine = std::make_shared<core::EngineClient>(std::move(transport));
        Runtime rt{*engine, engine, interrupted};
        try {
            if (spec->eachName && inv.positional.size() > 1) {
                // As docker does: every name is tried; the exit code says whether any failed.
                rc = kExitOk;
                for (const auto& name : inv.positional) {
                    Invocation one = inv;
                    one.positional = {name};
                    const int r = spec->run(one, rt);
                    rc = rc == kExitOk ? r : rc;
                    if (interrupted.load()) {
                        break;
                    }
                }
            } else {
                rc = spec->run(inv, rt);
            }
        } catch (const std::exception& e) {
            // Core reports errors as values; this is the last guard against a bug, not a way of working.
            std::cerr << "berthctl: " << arg(berth::cli::tr("internal error (%1); please report it."), e.what())
                      << '\n';
            rc = kExitFailure;
        }
    }
    // Ctrl-C: the shell's convention (128 + SIGINT), whatever the command made of it.
    return interrupted.load() ? 130 : rc;
}
