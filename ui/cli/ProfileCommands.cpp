// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// profile validate, show and pin: a teacher's checks before handing a class one file.
#include "Commands.h"

#include "Table.h"
#include "berth/core/base/Units.h"
#include "berth/core/gpu/GpuHost.h"
#include "berth/core/profile/Pinning.h"
#include "berth/core/profile/Profile.h"
#include "berth/core/profile/ProfileCheck.h"
#include "berth/core/profile/SaveProfile.h"
#include "berth/core/profile/Bundle.h"

#include <unistd.h>

#include <filesystem>

#include <iostream>
#include <sstream>

namespace berth::cli {

using nlohmann::json;
using namespace berth::core;

namespace {

std::string joined(const std::vector<std::string>& items, const std::string& separator = ", ")
{
    std::string out;
    for (const auto& i : items) {
        out += (out.empty() ? "" : separator) + i;
    }
    return out;
}

std::string commandText(const LifecycleCommand& c)
{
    if (c.argv.size() == 3 && c.argv[0] == "/bin/sh" && c.argv[1] == "-c") {
        return c.argv[2];
    }
    return joined(c.argv, " ");
}

std::string capsText(const LaunchChoices& c)
{
    std::vector<std::string> parts;
    if (!c.memory.empty()) {
        parts.push_back(arg(berth::cli::tr("memory %1"), c.memory));
    }
    if (!c.cpus.empty()) {
        parts.push_back(arg(berth::cli::tr("CPUs %1"), c.cpus));
    }
    if (!c.shmSize.empty()) {
        parts.push_back(arg(berth::cli::tr("shared memory %1"), c.shmSize));
    }
    return parts.empty() ? berth::cli::tr("none (the engine's whole machine; shared memory 1g)")
                         : joined(parts, berth::cli::tr(", "));
}

void printEnvironment(const ProfileEnvironment& e, const EnvironmentCheck* check)
{
    std::cout << '\n'
              << (e.description.empty() ? arg(berth::cli::tr("Environment %1"), printable(e.id, false))
                                        : arg(berth::cli::tr("Environment %1: %2"), printable(e.id, false),
                                              printable(e.description, false)))
              << '\n';
    std::string imageState;
    if (check) {
        switch (check->image) {
        case EnvironmentCheck::ImageState::Present:
            imageState = berth::cli::tr("on this engine");
            break;
        case EnvironmentCheck::ImageState::Missing:
            imageState = berth::cli::tr("not on this engine: a launch pulls it");
            break;
        case EnvironmentCheck::ImageState::PinMismatch:
            imageState = berth::cli::tr("REFUSED: another image has its name here");
            break;
        case EnvironmentCheck::ImageState::Unknown:
            imageState = berth::cli::tr("unknown");
            break;
        }
    }
    const bool pinned = e.choices.image.find('@') != std::string::npos;
    Table t({"  " + berth::cli::tr("Image:"), e.choices.image + (pinned ? "" : "  " + berth::cli::tr("(not pinned)")) +
                                                  (imageState.empty() ? "" : "  [" + imageState + "]")});
    if (check && !check->imageMessage.empty()) {
        t.add({"", check->imageMessage});
    }
    std::string gpu = e.gpu == GpuNeed::Required   ? berth::cli::tr("required")
                      : e.gpu == GpuNeed::Optional ? berth::cli::tr("optional (used when this machine can)")
                                                   : berth::cli::tr("not asked");
    if (!e.choices.gpus.empty()) {
        gpu += "; --gpus " + e.choices.gpus;
    }
    t.add({"  " + berth::cli::tr("GPU:"), gpu});
    if (check && check->verdict) {
        const bool onGpu = check->verdict->kind == Verdict::Kind::RunsOnGpu;
        t.add({"  " + berth::cli::tr("Verdict:"),
               check->usesGpus && onGpu ? arg(berth::cli::tr("%1; launched with GPUs"), verdictText(*check->verdict))
                                        : verdictText(*check->verdict)});
        if (!check->verdict->message.empty()) {
            t.add({"", check->verdict->message});
        }
    }
    t.add({"  " + berth::cli::tr("Caps:"), capsText(e.choices)});
    for (const auto& m : e.choices.mounts) {
        t.add({"  " + berth::cli::tr("Mount:"), m});
    }
    for (const auto& v : e.choices.env) {
        t.add({"  " + berth::cli::tr("Variable:"), v});
    }
    t.add({"  " + berth::cli::tr("Notebooks:"),
           e.choices.workspace.empty() ? arg(berth::cli::tr("%1 (Berth's default)"), "~/Documents/Berth/" + e.id)
                                       : e.choices.workspace});
    if (!e.openPage.empty()) {
        t.add({"  " + berth::cli::tr("Opens first:"), e.openPage});
    }
    if (!e.locked.empty()) {
        t.add({"  " + berth::cli::tr("Locked:"), joined({e.locked.begin(), e.locked.end()})});
    }
    for (const auto& c : e.commands) {
        t.add({"  " + berth::cli::tr("Runs inside:"), c.key + ": " + commandText(c)});
    }
    for (const auto& c : e.consents) {
        // The consequence is core's, in English: "it " and it read as one sentence there.
        t.add({"  " + berth::cli::tr("Needs --allow:"),
               arg(berth::cli::tr("%1: it %2"), c.allowName(), c.consequence())});
    }
    if (check) {
        for (const auto& s : check->shortfalls) {
            t.add({"  " + berth::cli::tr("Not met here:"), s});
        }
        for (const auto& n : check->notes) {
            t.add({"  " + berth::cli::tr("Note:"), n});
        }
    }
    for (const auto& w : e.warnings) {
        t.add({"  " + berth::cli::tr("Warning:"), w});
    }
    std::ostringstream out;
    t.print(out);
    std::cout << printable(out.str());
}

int profileFailure(const Invocation& inv, const Error& error)
{
    if (inv.json) {
        printJson({{"valid", false}, {"error", errorJson(error)}});
    }
    std::cerr << "berthctl: " << printable(error.message) << '\n';
    if (error.kind == ErrorKind::BadInput && error.field == "profile") {
        std::cerr << berth::cli::tr("Nothing was applied.") << '\n';
    }
    return kExitFailure;
}

} // namespace

int cmdProfile(const Invocation& inv, Runtime& rt)
{
    const std::string& action = inv.positional.at(0);
    if (action != "validate" && action != "show" && action != "pin" && action != "save") {
        std::cerr << "berthctl: "
                  << arg(berth::cli::tr("profile %1: say validate, show, pin or save."), printable(action)) << '\n';
        return kExitUsage;
    }
    if ((action == "save") != (inv.positional.size() == 3)) {
        std::cerr << "berthctl: "
                  << (action == "save" ? berth::cli::tr("profile save needs NAME FILE.")
                                       : arg(berth::cli::tr("profile %1 needs FILE."), action))
                  << '\n';
        return kExitUsage;
    }
    if (action == "save") {
        auto text = profileForEnvironment(rt.engine, inv.positional.at(1));
        if (!text) {
            return fail(inv, text.error());
        }
        if (auto written = writeNewProfile(inv.positional.at(2), *text); !written) {
            return fail(inv, written.error());
        }
        if (inv.json) {
            printJson({{"written", inv.positional.at(2)}});
        } else {
            std::cout << arg(berth::cli::tr("Saved %1 as %2 (pinned)."), printable(inv.positional.at(1), false),
                             printable(inv.positional.at(2), false))
                      << '\n';
        }
        return kExitOk;
    }
    auto profile = loadProfile(inv.positional.at(1));
    if (!profile) {
        return profileFailure(inv, profile.error());
    }
    if (action == "validate") {
        std::vector<std::string> ids;
        json envs = json::array();
        for (const auto& e : profile->environments) {
            ids.push_back(e.id);
            envs.push_back(toJson(e));
        }
        if (inv.json) {
            printJson({{"valid", true}, {"title", profile->title}, {"files", profile->files}, {"environments", envs}});
            return kExitOk;
        }
        std::cout << arg(ids.size() == 1 ? berth::cli::tr("%1: valid; %2 environment: %3")
                                         : berth::cli::tr("%1: valid; %2 environments: %3"),
                         printable(profile->path, false), ids.size(), printable(joined(ids), false))
                  << '\n';
        for (const auto& e : profile->environments) {
            for (const auto& w : e.warnings) {
                std::cout << "  " << arg(berth::cli::tr("warning: %1"), printable(w, false)) << '\n';
            }
            for (const auto& c : e.consents) {
                std::cout << "  "
                          << arg(berth::cli::tr("%1 needs --allow %2"), printable(e.id, false),
                                 printable(c.allowName(), false))
                          << '\n';
            }
        }
        return kExitOk;
    }
    if (action == "pin") {
        auto changes = pinProfile(rt.engine, *profile, !inv.has("dry-run"));
        if (!changes) {
            return fail(inv, changes.error());
        }
        if (inv.json) {
            json list = json::array();
            for (const auto& c : *changes) {
                list.push_back({{"file", c.file}, {"environment", c.environment}, {"before", c.before}, {"after", c.after}});
            }
            printJson({{"written", !inv.has("dry-run")}, {"changes", list}});
            return kExitOk;
        }
        for (const auto& c : *changes) {
            std::cout << printable(c.environment, false) << ": "
                      << (c.before == c.after
                              ? arg(berth::cli::tr("%1 (already pinned to it)"), printable(c.after, false))
                              : printable(c.before, false) + "  ->  " + printable(c.after, false))
                      << '\n';
        }
        std::cout << (inv.has("dry-run") ? berth::cli::tr("Nothing was written (--dry-run).")
                                         : berth::cli::tr("Pinned; comments and layout kept."))
                  << '\n';
        return kExitOk;
    }

    const HostGpus host = GpuHost::probeEngineHost(rt.engine);
    const auto checks = checkProfile(rt.engine, *profile, host);
    if (inv.json) {
        json envs = json::array();
        for (std::size_t i = 0; i < profile->environments.size(); ++i) {
            json j = toJson(profile->environments[i]);
            j["check"] = checks[i].toJson();
            envs.push_back(j);
        }
        printJson({{"title", profile->title}, {"author", profile->author}, {"files", profile->files},
                   {"environments", envs}});
        return kExitOk;
    }
    const std::string title = printable(profile->title.empty() ? profile->path : profile->title, false);
    std::cout << (profile->author.empty()
                      ? arg(berth::cli::tr("Profile: %1"), title)
                      : arg(berth::cli::tr("Profile: %1 (by %2)"), title, printable(profile->author, false)))
              << '\n';
    for (const auto& f : profile->files) {
        std::cout << arg(berth::cli::tr("File: %1"), printable(f, false)) << '\n';
    }
    for (std::size_t i = 0; i < profile->environments.size(); ++i) {
        printEnvironment(profile->environments[i], &checks[i]);
    }
    return kExitOk;
}

namespace {
/// A bundle's progress on stderr: a line that redraws itself on a terminal, nothing otherwise but the phases.
class BundlePrinter
{
public:
    explicit BundlePrinter(bool quiet) : m_quiet(quiet), m_tty(!quiet && isatty(STDERR_FILENO)) {}
    ~BundlePrinter()
    {
        if (m_dirty) {
            std::cerr << "\r\x1b[K" << std::flush;
        }
    }
    void operator()(const BundleProgress& p)
    {
        if (m_quiet) {
            return;
        }
        const std::string what = p.phase == BundleProgress::Phase::Saving    ? berth::cli::tr("Saving images")
                                 : p.phase == BundleProgress::Phase::Loading ? berth::cli::tr("Loading images")
                                                                             : berth::cli::tr("Checking images");
        if (!m_tty) {
            if (p.phase != m_last || !m_any) {
                std::cerr << arg(berth::cli::tr("%1..."), what) << '\n';
            }
            m_last = p.phase;
            m_any = true;
            return;
        }
        std::string line;
        if (p.phase == BundleProgress::Phase::Checking) {
            line = arg(berth::cli::tr("%1 %2 of %3"), what, p.done + 1, p.total);
        } else if (p.total > 0) {
            line = arg(berth::cli::tr("%1: %2 of %3 (%4%)"), what, formatBytes(static_cast<std::uint64_t>(p.done)),
                       formatBytes(static_cast<std::uint64_t>(p.total)), p.done * 100 / p.total);
        } else {
            line = arg(berth::cli::tr("%1: %2"), what, formatBytes(static_cast<std::uint64_t>(p.done)));
        }
        std::cerr << "\r" << line << "\x1b[K" << std::flush;
        m_dirty = true;
    }

private:
    bool m_quiet;
    bool m_tty;
    bool m_dirty = false;
    bool m_any = false;
    BundleProgress::Phase m_last = BundleProgress::Phase::Saving;
};
} // namespace

int cmdBundle(const Invocation& inv, Runtime& rt)
{
    const std::string& action = inv.positional.at(0);
    if (action == "export") {
        if (inv.positional.size() != 2 || !inv.has("output")) {
            std::cerr << "berthctl: " << berth::cli::tr("bundle export needs PROFILE and -o FILE.tar.") << '\n';
            return kExitUsage;
        }
        auto profile = loadProfile(inv.positional.at(1));
        if (!profile) {
            return profileFailure(inv, profile.error());
        }
        Result<Bundle> bundle = makeError(ErrorKind::Io, "not written");
        {
            BundlePrinter printer(inv.json);
            bundle = exportBundle(rt.engine, *profile, *inv.value("output"), std::ref(printer), &rt.interrupted);
        }
        if (!bundle) {
            return fail(inv, bundle.error());
        }
        if (inv.json) {
            json images = json::array();
            for (const auto& i : bundle->images) {
                images.push_back({{"reference", i.reference}, {"id", i.id}});
            }
            printJson({{"bundle", bundle->path}, {"bytes", bundle->bytes}, {"images", images}});
            return kExitOk;
        }
        std::cout << arg(bundle->images.size() == 1 ? berth::cli::tr("Wrote %1 (%2): the profile and %3 image.")
                                                    : berth::cli::tr("Wrote %1 (%2): the profile and %3 images."),
                         printable(bundle->path, false), formatBytes(static_cast<std::uint64_t>(bundle->bytes)),
                         bundle->images.size())
                  << '\n'
                  << arg(berth::cli::tr("On each computer: berthctl bundle import %1"), printable(bundle->path, false))
                  << '\n';
        return kExitOk;
    }
    if (action == "import") {
        if (inv.has("output")) {
            std::cerr << "berthctl: " << berth::cli::tr("bundle import takes FILE.tar [DIR], not -o.") << '\n';
            return kExitUsage;
        }
        const std::string file = inv.positional.at(1);
        std::string dir;
        if (inv.positional.size() == 3) {
            dir = inv.positional.at(2);
        } else {
            dir = std::filesystem::path(file).stem().string();
            if (dir.empty() || dir == "." || dir == "..") {
                dir = "berth-profile";
            }
        }
        Result<Bundle> bundle = makeError(ErrorKind::Io, "not read");
        {
            BundlePrinter printer(inv.json);
            bundle = importBundle(rt.engine, file, dir, std::ref(printer), &rt.interrupted);
        }
        if (!bundle) {
            return fail(inv, bundle.error());
        }
        if (inv.json) {
            json images = json::array();
            for (const auto& i : bundle->images) {
                images.push_back({{"reference", i.reference}, {"id", i.id}});
            }
            printJson({{"profile", bundle->path}, {"images", images}});
            return kExitOk;
        }
        for (const auto& i : bundle->images) {
            std::cout << arg(berth::cli::tr("Loaded %1 (%2), checked."), printable(i.reference, false),
                             i.id.substr(0, 19))
                      << '\n';
        }
        std::cout << arg(berth::cli::tr("The profile is %1"), printable(bundle->path, false)) << '\n'
                  << arg(berth::cli::tr("Launch it: berthctl launch --profile %1 (or open it in Berth)"),
                         printable(bundle->path, false))
                  << '\n';
        return kExitOk;
    }
    std::cerr << "berthctl: " << arg(berth::cli::tr("bundle %1: say export or import."), printable(action)) << '\n';
    return kExitUsage;
}

} // namespace berth::cli
