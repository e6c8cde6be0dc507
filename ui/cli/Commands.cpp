// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "Commands.h"

#include "Table.h"
#include "berth/core/base/ImageReference.h"
#include "berth/core/launch/DiskSpace.h"
#include "berth/core/launch/Launcher.h"
#include "berth/core/launch/RemovalGuard.h"
#include "berth/core/base/Units.h"

#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <utility>

namespace berth::cli {

using nlohmann::json;
using namespace berth::core;

namespace {
std::int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string shortId(std::string id)
{
    if (id.starts_with("sha256:")) {
        id.erase(0, 7);
    }
    return id.substr(0, 12);
}

} // namespace

void printJson(const json& j)
{
    std::cout << jsonText(j, 2) << '\n';
}

int fail(const Invocation& inv, const Error& error)
{
    return fail(inv, [&] { return error; });
}

int fail(const Invocation& inv, const std::function<Error()>& error)
{
    // Messages quote logs and engines: shown, never obeyed by the terminal.
    std::cerr << "berthctl: " << printable(describe(error())) << '\n';
    if (inv.json) {
        const EnglishOnly english;
        printJson({{"error", errorJson(error())}});
    }
    return kExitFailure;
}

int cmdInfo(const Invocation& inv, Runtime& rt)
{
    auto info = rt.engine.info();
    if (!info) {
        return fail(inv, info.error());
    }
    auto ver = rt.engine.version();
    if (!ver) {
        return fail(inv, ver.error());
    }
    const bool exposed = ver->loopbackPortsReachableFromNetwork();
    auto exposedWarning = [&] {
        return arg(
            berth::cli::tr("Docker %1 lets other machines on this network segment reach ports published on "
                           "127.0.0.1 (moby#45610), Jupyter's among them. Update Docker to 28 or later, or drop such "
                           "traffic: iptables -t raw -I PREROUTING ! -i lo -d 127.0.0.0/8 -j DROP"),
            ver->version);
    };
    if (inv.json) {
        const EnglishOnly english;
        json out = {{"endpoint", rt.engine.endpoint()},
                    {"apiVersion", rt.engine.apiVersion()},
                    {"version", ver->raw},
                    {"info", info->raw}};
        out["warnings"] = exposed ? json::array({exposedWarning()}) : json::array();
        printJson(out);
        return kExitOk;
    }
    std::string runtimes;
    for (const auto& r : info->runtimes) {
        runtimes += (runtimes.empty() ? "" : ", ") + r;
    }
    Table t({berth::cli::tr("Endpoint:"), rt.engine.endpoint()});
    t.add({berth::cli::tr("Engine:"), std::string(ver->podman ? "Podman " : "Docker ") + ver->version});
    t.add({berth::cli::tr("API:"), arg(berth::cli::tr("%1 (engine serves %2 to %3)"), rt.engine.apiVersion(),
                                       ver->minApiVersion, ver->apiVersion)});
    t.add({berth::cli::tr("System:"),
           arg(berth::cli::tr("%1, %2, kernel %3"), info->operatingSystem, info->architecture, ver->kernelVersion)});
    t.add({berth::cli::tr("CPUs:"), std::to_string(info->ncpu)});
    t.add({berth::cli::tr("Memory:"), formatBytes(static_cast<std::uint64_t>(info->memTotal))});
    t.add({berth::cli::tr("Cgroup:"), info->cgroupVersion.empty() ? "?" : "v" + info->cgroupVersion});
    t.add({berth::cli::tr("Runtimes:"), info->defaultRuntime.empty()
                                            ? runtimes
                                            : arg(berth::cli::tr("%1 (default %2)"), runtimes, info->defaultRuntime)});
    t.add({berth::cli::tr("Containers:"),
           arg(berth::cli::tr("%1 (%2 running)"), info->containers, info->containersRunning)});
    t.add({berth::cli::tr("Images:"), std::to_string(info->images)});
    t.print(std::cout);
    if (exposed) {
        std::cout << '\n' << arg(berth::cli::tr("Warning: %1"), exposedWarning()) << '\n';
    }
    return kExitOk;
}

int cmdImages(const Invocation& inv, Runtime& rt)
{
    auto images = rt.engine.listImages();
    if (!images) {
        return fail(inv, images.error());
    }
    if (inv.json) {
        json arr = json::array();
        for (const auto& i : *images) {
            arr.push_back(i.raw);
        }
        printJson(arr);
        return kExitOk;
    }
    Table t({berth::cli::tr("REPOSITORY"), berth::cli::tr("TAG"), berth::cli::tr("IMAGE ID"), berth::cli::tr("CREATED"),
             berth::cli::tr("SIZE")});
    const auto now = nowSeconds();
    for (const auto& i : *images) {
        std::vector<std::string> tags = i.repoTags;
        if (tags.empty()) {
            tags.push_back("<none>:<none>");
        }
        for (const auto& repoTag : tags) {
            const auto [repository, tag] = ImageReference::repositoryAndTag(repoTag);
            t.add({repository, tag, shortId(i.id), formatAgo(i.created, now),
                   formatBytes(static_cast<std::uint64_t>(i.size))});
        }
    }
    t.print(std::cout);
    return kExitOk;
}

int cmdPs(const Invocation& inv, Runtime& rt)
{
    const bool all = inv.has("all");
    if (inv.has("quiet")) {
        // Ids only, for scripts: berthctl stop $(berthctl ps -q)
        auto list = rt.engine.listContainers(all);
        if (!list) {
            return fail(inv, list.error());
        }
        for (const auto& c : *list) {
            std::cout << printable(shortId(c.id), false) << '\n'; // the engine's word, shown, not obeyed
        }
        return kExitOk;
    }
    if (inv.json) {
        // The engine's own JSON, untouched: ids and names as the engine has them.
        auto text = rt.engine.listContainersJson(all);
        if (!text) {
            return fail(inv, text.error());
        }
        const std::string shown = escapeJsonText(*text); // same JSON; nothing in it a terminal would obey
        std::fwrite(shown.data(), 1, shown.size(), stdout);
        if (shown.empty() || shown.back() != '\n') {
            std::fputc('\n', stdout);
        }
        return kExitOk;
    }
    auto list = rt.engine.listContainers(all);
    if (!list) {
        return fail(inv, list.error());
    }
    Table t({berth::cli::tr("CONTAINER ID"), berth::cli::tr("NAME"), berth::cli::tr("IMAGE"), berth::cli::tr("STATE"),
             berth::cli::tr("STATUS"), berth::cli::tr("PORTS")});
    for (const auto& c : *list) {
        t.add({shortId(c.id), c.name(), c.image, c.state, c.status, c.portsText()});
    }
    t.print(std::cout);
    return kExitOk;
}

namespace {
class PullPrinter
{
public:
    explicit PullPrinter(bool json) : m_json(json), m_tty(!json && isatty(STDERR_FILENO)) {}

    void update(const PullProgress& p)
    {
        if (m_json) {
            return;
        }
        if (!m_tty) {
            // A log for pipes: one line per layer state change, not per byte.
            for (const auto& l : p.layers()) {
                auto& seen = m_seen[l.id];
                if (l.status != "Downloading" && l.status != "Extracting" && seen != l.status) {
                    seen = l.status;
                    std::cerr << printable(l.id + ": " + l.status, false) << '\n';
                }
            }
            return;
        }
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last < std::chrono::milliseconds(100)) {
            return;
        }
        m_last = now;
        draw(p);
    }

    void finish(const PullProgress& p, bool ok)
    {
        if (m_tty && ok) {
            draw(p, 1.0);
            std::cerr << '\n';
        } else if (m_tty) {
            std::cerr << '\n';
        }
    }

private:
    void draw(const PullProgress& p, double forced = -1)
    {
        const double f = forced >= 0 ? forced : p.fraction();
        constexpr int width = 30;
        std::string bar(width, ' ');
        const int filled = f < 0 ? 0 : static_cast<int>(f * width + 0.5);
        for (int i = 0; i < filled && i < width; ++i) {
            bar[static_cast<std::size_t>(i)] = '=';
        }
        if (filled < width && f >= 0) {
            bar[static_cast<std::size_t>(filled)] = '>';
        }
        char pct[16];
        std::snprintf(pct, sizeof pct, f < 0 ? "  ?%%" : "%3d%%", f < 0 ? 0 : static_cast<int>(f * 100));
        std::cerr << "\r[" << bar << "] " << pct << "  " << formatBytes(static_cast<std::uint64_t>(p.bytesDone()))
                  << " / " << formatBytes(static_cast<std::uint64_t>(p.bytesTotal())) << "  "
                  << arg(berth::cli::tr("%1/%2 layers"), p.layersComplete(), p.layers().size()) << "\x1b[K"
                  << std::flush;
    }

    bool m_json;
    bool m_tty;
    std::map<std::string, std::string> m_seen;
    std::chrono::steady_clock::time_point m_last{};
};
} // namespace

int cmdPull(const Invocation& inv, Runtime& rt)
{
    const std::string ref = inv.positional.at(0);
    // Room for it, said before anything is downloaded, and a warning once the layers' sizes say it may not fit.
    std::optional<DiskSpace> space;
    auto info = rt.engine.info();
    if (!info) {
        return fail(inv, info.error()); // an engine that cannot say what it is will not pull either
    }
    space = imageStoreSpace(*info);
    if (space && !inv.json) {
        std::cerr << arg(berth::cli::tr("Room for images: %1"), printable(describe(*space), false)) << '\n';
    }
    bool warned = false;
    PullPrinter printer(inv.json);
    PullProgress last;
    auto r = rt.engine.pullImage(ref, [&](const PullProgress& p) {
        last = p;
        if (space && !warned && pullMayNotFit(p.bytesTotal(), *space)) {
            warned = true;
            std::cerr << (inv.json ? "" : "\n") << "berthctl: "
                      << arg(berth::cli::tr(
                                 "warning: this pull downloads %1 so far, about twice that unpacked, and only %2 "
                                 "is free at %3; free some space (docker image prune) if it fails."),
                             formatBytes(static_cast<std::uint64_t>(p.bytesTotal())), formatBytes(space->freeBytes),
                             printable(space->path, false))
                      << '\n';
        }
        printer.update(p);
    }, &rt.interrupted);
    printer.finish(last, r.ok());
    if (!r) {
        if (r.error().kind == ErrorKind::Cancelled) {
            std::cerr << "berthctl: "
                      << arg(berth::cli::tr("pull of %1 cancelled; layers already downloaded are kept."),
                             printable(ref, false))
                      << '\n';
            return kExitFailure;
        }
        return fail(inv, r.error());
    }
    auto details = rt.engine.inspectImage(ref);
    if (inv.json) {
        json out = {{"reference", ref}, {"status", last.status()}};
        if (space) {
            out["diskSpace"] = {{"path", space->path}, {"freeBytes", space->freeBytes}, {"totalBytes", space->totalBytes}};
        }
        if (details) {
            out["id"] = details->id;
            out["repoDigests"] = details->repoDigests;
        }
        printJson(out);
    } else {
        // The engine's last status line ("Status: Downloaded newer image for ...") is its own words.
        std::cout << printable(last.status().empty() ? arg(berth::cli::tr("Pulled %1"), ref) : last.status(), false)
                  << '\n';
        if (details && !details->repoDigests.empty()) {
            std::cout << arg(berth::cli::tr("Digest: %1"), printable(details->repoDigests.front(), false)) << '\n';
        }
    }
    return kExitOk;
}

int cmdLogs(const Invocation& inv, Runtime& rt)
{
    const std::string name = inv.positional.at(0);
    LogOptions opts;
    opts.follow = inv.has("follow");
    opts.timestamps = inv.has("timestamps");
    if (auto tail = inv.value("tail")) {
        try {
            std::size_t used = 0;
            int n = std::stoi(*tail, &used);
            if (used != tail->size() || n < 0) {
                throw std::invalid_argument("tail");
            }
            opts.tail = n;
        } catch (const std::exception&) {
            std::cerr << "berthctl: "
                      << arg(berth::cli::tr("--tail takes a whole number of lines, not '%1'"), printable(*tail))
                      << '\n';
            return kExitUsage;
        }
    }
    // --json: one object per line. A line is cut at 64 KiB (the rest follows as further objects) so that a
    // container that never ends a line cannot grow this process without bound; only new bytes are searched.
    constexpr std::size_t kMaxLine = 64 * 1024;
    std::string pendingLine[3];
    auto emitLine = [](LogStream s, std::string_view line) {
        std::cout << jsonText(json{{"stream", s == LogStream::Stderr ? "stderr" : "stdout"}, {"line", line}}) << '\n';
    };
    // A terminal sees colours but no other escape sequence; a pipe or file gets the bytes as they are.
    const bool tty[3] = {false, isatty(STDOUT_FILENO) == 1, isatty(STDERR_FILENO) == 1};
    TerminalFilter filters[3];
    auto r = rt.engine.logs(name, opts, [&](LogStream s, std::string_view data) {
        const int k = s == LogStream::Stderr ? 2 : 1;
        if (inv.json) {
            auto& buf = pendingLine[k];
            while (!data.empty()) {
                const auto nl = data.find('\n');
                const std::size_t room = kMaxLine - buf.size();
                if (nl != std::string_view::npos && nl <= room) {
                    buf.append(data.substr(0, nl));
                    emitLine(s, buf);
                    buf.clear();
                    data.remove_prefix(nl + 1);
                } else if (data.size() < room) {
                    buf.append(data);
                    data = {};
                } else {
                    buf.append(data.substr(0, room));
                    emitLine(s, buf);
                    buf.clear();
                    data.remove_prefix(room);
                }
            }
            std::cout.flush();
        } else {
            std::FILE* f = k == 2 ? stderr : stdout;
            if (tty[k]) {
                const std::string shown = filters[k].feed(data);
                std::fwrite(shown.data(), 1, shown.size(), f);
            } else {
                std::fwrite(data.data(), 1, data.size(), f);
            }
            std::fflush(f);
        }
        return true;
    }, &rt.interrupted);
    if (inv.json) {
        for (int k = 1; k <= 2; ++k) {
            if (!pendingLine[k].empty()) {
                emitLine(k == 2 ? LogStream::Stderr : LogStream::Stdout, pendingLine[k]);
            }
        }
    } else {
        for (int k = 1; k <= 2; ++k) {
            if (tty[k]) {
                const std::string rest = filters[k].finish();
                std::fwrite(rest.data(), 1, rest.size(), k == 2 ? stderr : stdout);
            }
        }
    }
    if (!r && r.error().kind != ErrorKind::Cancelled) {
        return fail(inv, r.error());
    }
    return kExitOk;
}

namespace {
/// --time, or core's default for this container (defaultStopGrace: 30 s for an environment, 10 s otherwise).
std::optional<int> graceSeconds(const Invocation& inv, const ContainerDetails& details)
{
    auto t = inv.value("time");
    if (!t) {
        return defaultStopGrace(details);
    }
    try {
        std::size_t used = 0;
        int n = std::stoi(*t, &used);
        if (used == t->size() && n >= 0 && n <= 3600) {
            return n;
        }
    } catch (const std::exception&) {
    }
    return std::nullopt;
}
} // namespace

int cmdStop(const Invocation& inv, Runtime& rt)
{
    const std::string name = inv.positional.at(0);
    auto details = rt.engine.inspectContainer(name);
    if (!details) {
        return fail(inv, details.error());
    }
    auto grace = graceSeconds(inv, *details);
    if (!grace) {
        std::cerr << "berthctl: " << berth::cli::tr("--time takes whole seconds from 0 to 3600") << '\n';
        return kExitUsage;
    }
    auto r = rt.engine.stopContainer(details->id, *grace);
    if (!r) {
        return fail(inv, r.error());
    }
    auto after = rt.engine.inspectContainer(details->id);
    if (inv.json) {
        printJson({{"id", details->id},
                   {"name", details->name},
                   {"state", after ? after->state.status : "unknown"},
                   {"exitCode", after ? after->state.exitCode : -1}});
    } else {
        std::cout << (after && after->state.exitCode == 137
                          ? arg(berth::cli::tr("Stopped %1 (it did not stop within %2 s and was killed)"),
                                printable(details->name, false), *grace)
                          : arg(berth::cli::tr("Stopped %1"), printable(details->name, false)))
                  << '\n';
    }
    return kExitOk;
}

int cmdRm(const Invocation& inv, Runtime& rt)
{
    // Files written in the container outside its mounts go with it: core refuses, with the list, unless forced.
    auto removed = removeUnlessFilesLost(rt.engine, inv.positional.at(0), inv.has("force"));
    if (!removed) {
        const Error& e = removed.error();
        if (e.files.empty() || inv.json) {
            return fail(inv, e);
        }
        const std::size_t shown = std::min<std::size_t>(e.files.size(), 20);
        std::string text = e.message;
        text.back() = ':';
        for (std::size_t i = 0; i < shown; ++i) {
            text += "\n  " + e.files[i];
        }
        if (e.files.size() > shown) {
            text += "\n  " + arg(berth::cli::tr("... and %1 more"), e.files.size() - shown);
        }
        std::string advice = remedySentence(e.remedies);
        if (static_cast<unsigned char>(advice[0]) < 0x80) {
            advice[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(advice[0])));
        }
        std::cerr << "berthctl: " << printable(text + "\n" + arg(berth::cli::tr("Save them first: %1"), advice))
                  << '\n';
        return kExitFailure;
    }
    json kept = json::array();
    for (const auto& v : removed->keptVolumes) {
        kept.push_back({{"volume", v.name}, {"target", v.target}, {"files", v.files.size()}});
    }
    if (inv.json) {
        printJson({{"id", removed->id}, {"name", removed->name}, {"removed", true}, {"keptVolumes", kept}});
    } else {
        std::cout << arg(berth::cli::tr("Removed %1"), printable(removed->name)) << '\n';
        // Anonymous volumes are kept (as docker rm without -v does): their files are not thrown away unasked.
        for (const auto& v : removed->keptVolumes) {
            std::cout << arg(berth::cli::tr(
                                 "Kept its volume %1 (was %2, %3 file(s)) on the engine; remove it with docker "
                                 "volume rm %4 when it is no longer needed."),
                             v.name.substr(0, 12), printable(v.target),
                             std::to_string(v.files.size()) + (v.more ? "+" : ""), v.name)
                      << '\n';
        }
    }
    return kExitOk;
}

} // namespace berth::cli
