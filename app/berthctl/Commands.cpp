// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "Commands.h"

#include "Table.h"
#include "berth/core/Launcher.h"
#include "berth/core/Units.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

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

std::string portsText(const ContainerSummary& c)
{
    std::string out;
    for (const auto& p : c.ports) {
        if (!out.empty()) {
            out += ", ";
        }
        if (p.publicPort) {
            out += (p.ip.empty() ? "" : (p.ip.find(':') != std::string::npos ? "[" + p.ip + "]" : p.ip) + ":") +
                   std::to_string(p.publicPort) + "->";
        }
        out += std::to_string(p.privatePort) + "/" + p.type;
    }
    return out;
}

void printJson(const json& j)
{
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}
} // namespace

int fail(const Invocation& inv, const Error& error)
{
    std::cerr << "berthctl: " << error.describe() << '\n';
    if (inv.json) {
        printJson({{"error",
                    {{"kind", toString(error.kind)},
                     {"message", error.message},
                     {"engineMessage", error.engineMessage},
                     {"httpStatus", error.httpStatus}}}});
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
    if (inv.json) {
        printJson({{"endpoint", rt.engine.endpoint()},
                   {"apiVersion", rt.engine.apiVersion()},
                   {"version", ver->raw},
                   {"info", info->raw}});
        return kExitOk;
    }
    std::string runtimes;
    for (const auto& r : info->runtimes) {
        runtimes += (runtimes.empty() ? "" : ", ") + r;
    }
    Table t({"Endpoint:", rt.engine.endpoint()});
    t.add({"Engine:", std::string(ver->podman ? "Podman " : "Docker ") + ver->version});
    t.add({"API:", rt.engine.apiVersion() + " (engine serves " + ver->minApiVersion + " to " + ver->apiVersion + ")"});
    t.add({"System:", info->operatingSystem + ", " + info->architecture + ", kernel " + ver->kernelVersion});
    t.add({"CPUs:", std::to_string(info->ncpu)});
    t.add({"Memory:", formatBytes(static_cast<std::uint64_t>(info->memTotal))});
    t.add({"Cgroup:", info->cgroupVersion.empty() ? "?" : "v" + info->cgroupVersion});
    t.add({"Runtimes:", runtimes + (info->defaultRuntime.empty() ? "" : " (default " + info->defaultRuntime + ")")});
    t.add({"Containers:", std::to_string(info->containers) + " (" + std::to_string(info->containersRunning) + " running)"});
    t.add({"Images:", std::to_string(info->images)});
    t.print(std::cout);
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
    Table t({"REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"});
    const auto now = nowSeconds();
    for (const auto& i : *images) {
        std::vector<std::string> tags = i.repoTags;
        if (tags.empty()) {
            tags.push_back("<none>:<none>");
        }
        for (const auto& tag : tags) {
            auto colon = tag.rfind(':');
            t.add({tag.substr(0, colon), colon == std::string::npos ? "" : tag.substr(colon + 1), shortId(i.id),
                   formatAgo(i.created, now), formatBytes(static_cast<std::uint64_t>(i.size))});
        }
    }
    t.print(std::cout);
    return kExitOk;
}

int cmdPs(const Invocation& inv, Runtime& rt)
{
    const bool all = inv.has("all");
    if (inv.json) {
        // The engine's own JSON, untouched: ids and names as the engine has them.
        auto text = rt.engine.listContainersJson(all);
        if (!text) {
            return fail(inv, text.error());
        }
        std::fwrite(text->data(), 1, text->size(), stdout);
        if (text->empty() || text->back() != '\n') {
            std::fputc('\n', stdout);
        }
        return kExitOk;
    }
    auto list = rt.engine.listContainers(all);
    if (!list) {
        return fail(inv, list.error());
    }
    Table t({"CONTAINER ID", "NAME", "IMAGE", "STATE", "STATUS", "PORTS"});
    for (const auto& c : *list) {
        t.add({shortId(c.id), c.name(), c.image, c.state, c.status, portsText(c)});
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
                    std::cerr << l.id << ": " << l.status << '\n';
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
                  << p.layersComplete() << "/" << p.layers().size() << " layers\x1b[K" << std::flush;
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
    PullPrinter printer(inv.json);
    PullProgress last;
    auto r = rt.engine.pullImage(ref, [&](const PullProgress& p) {
        last = p;
        printer.update(p);
    }, &rt.interrupted);
    printer.finish(last, r.ok());
    if (!r) {
        if (r.error().kind == ErrorKind::Cancelled) {
            std::cerr << "berthctl: pull of " << ref << " cancelled; layers already downloaded are kept.\n";
            return kExitFailure;
        }
        return fail(inv, r.error());
    }
    auto details = rt.engine.inspectImage(ref);
    if (inv.json) {
        json out = {{"reference", ref}, {"status", last.status()}};
        if (details) {
            out["id"] = details->id;
            out["repoDigests"] = details->repoDigests;
        }
        printJson(out);
    } else {
        std::cout << (last.status().empty() ? "Pulled " + ref : last.status()) << '\n';
        if (details && !details->repoDigests.empty()) {
            std::cout << "Digest: " << details->repoDigests.front() << '\n';
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
            std::cerr << "berthctl: --tail takes a whole number of lines, not '" << *tail << "'\n";
            return kExitUsage;
        }
    }
    std::string pendingLine[3];
    auto r = rt.engine.logs(name, opts, [&](LogStream s, std::string_view data) {
        if (inv.json) {
            // One JSON object per line, with the stream it came from.
            auto& buf = pendingLine[static_cast<int>(s)];
            buf.append(data);
            std::size_t pos;
            while ((pos = buf.find('\n')) != std::string::npos) {
                std::cout << json{{"stream", s == LogStream::Stderr ? "stderr" : "stdout"},
                                  {"line", buf.substr(0, pos)}}
                                 .dump(-1, ' ', false, json::error_handler_t::replace)
                          << '\n';
                buf.erase(0, pos + 1);
            }
            std::cout.flush();
        } else {
            std::FILE* f = s == LogStream::Stderr ? stderr : stdout;
            std::fwrite(data.data(), 1, data.size(), f);
            std::fflush(f);
        }
        return true;
    }, &rt.interrupted);
    if (inv.json) {
        for (int s = 1; s <= 2; ++s) {
            if (!pendingLine[s].empty()) {
                std::cout << json{{"stream", s == 2 ? "stderr" : "stdout"}, {"line", pendingLine[s]}}.dump(
                                 -1, ' ', false, json::error_handler_t::replace)
                          << '\n';
            }
        }
    }
    if (!r && r.error().kind != ErrorKind::Cancelled) {
        return fail(inv, r.error());
    }
    return kExitOk;
}

namespace {
/// --time, or the default: 30 s for a Berth environment (Jupyter shuts its kernels down), 10 s otherwise.
std::optional<int> graceSeconds(const Invocation& inv, bool berthEnvironment)
{
    auto t = inv.value("time");
    if (!t) {
        return berthEnvironment ? 30 : 10;
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
    auto grace = graceSeconds(inv, details->labels.count("berth.env") > 0);
    if (!grace) {
        std::cerr << "berthctl: --time takes whole seconds from 0 to 3600\n";
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
        std::cout << "Stopped " << details->name;
        if (after && after->state.exitCode == 137) {
            std::cout << " (it did not stop within " << *grace << " s and was killed)";
        }
        std::cout << '\n';
    }
    return kExitOk;
}

int cmdRm(const Invocation& inv, Runtime& rt)
{
    const std::string name = inv.positional.at(0);
    auto details = rt.engine.inspectContainer(name);
    if (!details) {
        return fail(inv, details.error());
    }
    // Files written in the container outside its mounts go with it: say which, and keep them unless forced.
    if (!inv.has("force")) {
        Launcher launcher(rt.engine);
        auto risky = launcher.filesAtRisk(details->id);
        if (!risky) {
            return fail(inv, risky.error());
        }
        if (!risky->empty()) {
            const std::size_t shown = std::min<std::size_t>(risky->size(), 20);
            std::string list;
            for (std::size_t i = 0; i < shown; ++i) {
                list += "\n  " + (*risky)[i];
            }
            if (risky->size() > shown) {
                list += "\n  ... and " + std::to_string(risky->size() - shown) + " more";
            }
            Error e = makeError(ErrorKind::Conflict,
                                "Removing " + details->name + " would lose " + std::to_string(risky->size()) +
                                    " file(s) written inside it, outside its mounts:" + list +
                                    "\nCopy them into the mounted folder first (in Jupyter: move them into work/), "
                                    "or remove anyway with --force.");
            if (inv.json) {
                std::cerr << "berthctl: " << e.message << '\n';
                printJson({{"error", {{"kind", "conflict"}, {"message", e.message}, {"files", *risky}}}});
                return kExitFailure;
            }
            return fail(inv, e);
        }
    }
    auto r = rt.engine.removeContainer(details->id, inv.has("force"), false);
    if (!r) {
        return fail(inv, r.error());
    }
    if (inv.json) {
        printJson({{"id", details->id}, {"name", details->name}, {"removed", true}});
    } else {
        std::cout << "Removed " << details->name << '\n';
    }
    return kExitOk;
}

} // namespace berth::cli
