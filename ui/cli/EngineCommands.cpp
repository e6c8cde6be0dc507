// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// inspect, rmi, stats, exec, events: what core already does, on the command line.
#include "Commands.h"

#include "Table.h"
#include "berth/core/engine/Archive.h"
#include "berth/core/base/Units.h"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>

namespace berth::cli {

using nlohmann::json;
using namespace berth::core;

int cmdInspect(const Invocation& inv, Runtime& rt)
{
    // A container by that name first, as docker inspect does; else an image.
    const std::string name = inv.positional.at(0);
    auto c = rt.engine.inspectContainer(name);
    if (c) {
        printJson(c->raw);
        return kExitOk;
    }
    if (c.error().kind != ErrorKind::NotFound) {
        return fail(inv, c.error());
    }
    auto i = rt.engine.inspectImage(name);
    if (!i) {
        if (i.error().kind != ErrorKind::NotFound) {
            return fail(inv, i.error());
        }
        return fail(inv, [&] {
            return makeError(ErrorKind::NotFound,
                             arg(berth::cli::tr("No container or image named %1 on this engine."), name));
        });
    }
    printJson(i->raw);
    return kExitOk;
}

int cmdRmi(const Invocation& inv, Runtime& rt)
{
    const std::string ref = inv.positional.at(0);
    auto r = rt.engine.removeImage(ref, inv.has("force"));
    if (!r) {
        return fail(inv, [&] {
            Error e = r.error();
            if (e.kind == ErrorKind::Conflict) {
                e.message = arg(berth::cli::tr("The image %1 is used by a container."), ref);
                e.remedies = {{RemedyKind::UsedByContainer, {ref}}, {RemedyKind::RemoveAnyway, {ref}}};
            }
            return e;
        });
    }
    if (inv.json) {
        printJson({{"image", ref}, {"removed", true}});
    } else {
        std::cout << arg(berth::cli::tr("Removed %1"), printable(ref, false)) << '\n';
    }
    return kExitOk;
}

namespace {
json sampleJson(const std::string& name, const StatsSample& s)
{
    return {{"name", name},        {"cpuPercent", s.cpuPercent}, {"memoryUsed", s.memoryUsed},
            {"memoryLimit", s.memoryLimit}, {"memoryPercent", s.memoryPercent}, {"netRx", s.netRx},
            {"netTx", s.netTx},     {"blockRead", s.blockRead},   {"blockWrite", s.blockWrite},
            {"pids", s.pids},       {"read", s.read}};
}

std::vector<std::string> sampleRow(const std::string& name, const StatsSample& s)
{
    char cpu[32], mem[32];
    std::snprintf(cpu, sizeof cpu, "%.2f%%", s.cpuPercent);
    std::snprintf(mem, sizeof mem, "%.2f%%", s.memoryPercent);
    return {name, cpu, formatBytes(s.memoryUsed) + " / " + formatBytes(s.memoryLimit), mem,
            formatBytes(s.netRx) + " / " + formatBytes(s.netTx), std::to_string(s.pids)};
}

std::vector<std::string> statsHeader()
{
    return {berth::cli::tr("NAME"),  berth::cli::tr("CPU %"),   berth::cli::tr("MEM USAGE / LIMIT"),
            berth::cli::tr("MEM %"), berth::cli::tr("NET I/O"), berth::cli::tr("PIDS")};
}
} // namespace

int cmdStats(const Invocation& inv, Runtime& rt)
{
    const std::string name = inv.positional.at(0);
    auto d = rt.engine.inspectContainer(name);
    if (!d) {
        return fail(inv, d.error());
    }
    if (inv.has("no-stream")) {
        auto s = rt.engine.stats(d->id); // two readings a second apart: a real CPU figure
        if (!s) {
            return fail(inv, s.error());
        }
        if (inv.json) {
            printJson(sampleJson(d->name, *s));
        } else {
            Table t(statsHeader());
            t.add(sampleRow(d->name, *s));
            t.print(std::cout);
        }
        return kExitOk;
    }
    // Until Ctrl-C or the container stops: a line a sample (one JSON object a line with --json).
    const bool tty = !inv.json && isatty(STDOUT_FILENO);
    bool first = true;
    auto r = rt.engine.streamStats(d->id, [&](const StatsSample& s) {
        if (first) {
            first = false; // the first sample has no earlier reading: its CPU is 0
            return true;
        }
        if (inv.json) {
            std::cout << jsonText(sampleJson(d->name, s)) << std::endl;
            return true;
        }
        Table t(statsHeader());
        t.add(sampleRow(d->name, s));
        if (tty) {
            std::cout << "\x1b[H\x1b[2J";
        }
        t.print(std::cout);
        std::cout.flush();
        return true;
    }, &rt.interrupted);
    if (!r && r.error().kind != ErrorKind::Cancelled) {
        return fail(inv, r.error());
    }
    return kExitOk;
}

int cmdExec(const Invocation& inv, Runtime& rt)
{
    const std::string name = inv.positional.at(0);
    std::vector<std::string> cmd(inv.positional.begin() + 1, inv.positional.end());
    if (cmd.empty()) {
        std::cerr << "berthctl: " << berth::cli::tr("exec needs a command after the name: berthctl exec NAME -- ls /")
                  << '\n';
        return kExitUsage;
    }
    long seconds = 300;
    if (auto t = inv.value("timeout")) {
        char* end = nullptr;
        seconds = std::strtol(t->c_str(), &end, 10);
        if (t->empty() || *end != '\0' || seconds < 1 || seconds > 86400) {
            std::cerr << "berthctl: " << berth::cli::tr("--timeout takes whole seconds, 1 or more") << '\n';
            return kExitUsage;
        }
    }
    auto r = rt.engine.exec(name, cmd, std::chrono::seconds(seconds), &rt.interrupted);
    if (!r) {
        return fail(inv, r.error());
    }
    if (inv.json) {
        printJson({{"exitCode", r->exitCode}, {"stdout", r->out}, {"stderr", r->err}});
        return kExitOk;
    }
    // The command's own bytes, as docker exec passes them; escaped only on a terminal.
    auto emit = [](std::FILE* f, const std::string& text) {
        std::string shown = text;
        if (isatty(fileno(f))) {
            TerminalFilter filter; // a cut-off sequence is shown at the end, and colours are reset
            shown = filter.feed(text) + filter.finish();
        }
        std::fwrite(shown.data(), 1, shown.size(), f);
    };
    emit(stdout, r->out);
    emit(stderr, r->err);
    // The command's exit code is berthctl's, as docker exec's is (0-255).
    return r->exitCode < 0 ? kExitFailure : r->exitCode;
}

int cmdEvents(const Invocation& inv, Runtime& rt)
{
    EventOptions opts;
    if (inv.options.count("filter")) {
        for (const auto& f : inv.options.at("filter")) {
            const auto eq = f.find('=');
            if (eq == std::string::npos || eq == 0) {
                std::cerr << "berthctl: "
                          << berth::cli::tr("--filter takes KEY=VALUE, like type=container or label=berth.env") << '\n';
                return kExitUsage;
            }
            opts.filters[f.substr(0, eq)].push_back(f.substr(eq + 1));
        }
    }
    auto r = rt.engine.events(opts, [&](const Event& e) {
        if (inv.json) {
            std::cout << jsonText(e.raw) << std::endl;
            return true;
        }
        const std::time_t t = static_cast<std::time_t>(e.time);
        char when[32];
        std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", std::localtime(&t));
        auto nameIt = e.attributes.find("name");
        const std::string who = nameIt != e.attributes.end() ? nameIt->second : e.actorId.substr(0, 12);
        std::cout << when << "  " << printable(e.type + " " + e.action + " " + who, false) << std::endl;
        return true;
    }, &rt.interrupted, [](const Error& e) {
        std::cerr << "berthctl: " << arg(berth::cli::tr("%1 Reconnecting..."), printable(e.message)) << '\n';
    });
    if (!r && r.error().kind != ErrorKind::Cancelled) {
        return fail(inv, r.error());
    }
    return kExitOk;
}

int cmdCp(const Invocation& inv, Runtime& rt)
{
    const std::string from = inv.positional.at(0);
    const auto colon = from.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 >= from.size() || from[colon + 1] != '/') {
        std::cerr << "berthctl: " << berth::cli::tr("cp copies out of a container: berthctl cp NAME:/PATH DEST")
                  << '\n';
        return kExitUsage;
    }
    const std::string name = from.substr(0, colon), path = from.substr(colon + 1);
    const std::string dest = inv.positional.at(1);
    ::mkdir(dest.c_str(), 0755); // one level, as cp does; an existing folder is fine
    auto r = copyFromContainer(rt.engine, name, path, dest, &rt.interrupted);
    if (!r) {
        return fail(inv, r.error());
    }
    if (inv.json) {
        printJson({{"written", r->written}, {"skipped", r->skipped}, {"bytes", r->bytes}});
        return kExitOk;
    }
    std::cout << arg(berth::cli::tr("Copied %1 file(s), %2, from %3 into %4"), r->written.size(), formatBytes(r->bytes),
                     printable(from, false), printable(dest, false))
              << '\n';
    for (const auto& s : r->skipped) {
        std::cout << "  "
                  << arg(berth::cli::tr("skipped %1 (a link, a device, or a name outside the folder)"),
                         printable(s, false))
                  << '\n';
    }
    return kExitOk;
}

} // namespace berth::cli
