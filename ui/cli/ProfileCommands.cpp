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
        parts.push_back("memory " + c.memory);
    }
    if (!c.cpus.empty()) {
        parts.push_back("CPUs " + c.cpus);
    }
    if (!c.shmSize.empty()) {
        parts.push_back("shared memory " + c.shmSize);
    }
    return parts.empty() ? "none (the engine's whole machine; shared memory 1g)" : joined(parts);
}

void printEnvironment(const ProfileEnvironment& e, const EnvironmentCheck* check)
{
    std::cout << "\nEnvironment " << printable(e.id, false)
              << (e.description.empty() ? "" : ": " + printable(e.description, false)) << '\n';
    std::string imageState;
    if (check) {
        switch (check->image) {
        case EnvironmentCheck::ImageState::Present:
            imageState = "on this engine";
            break;
        case EnvironmentCheck::ImageState::Missing:
            imageState = "not on this engine: a launch pulls it";
            break;
        case EnvironmentCheck::ImageState::PinMismatch:
            imageState = "REFUSED: another image has its name here";
            break;
        case EnvironmentCheck::ImageState::Unknown:
            imageState = "unknown";
            break;
        }
    }
    const bool pinned = e.choices.image.find('@') != std::string::npos;
    Table t({"  Image:", e.choices.image + (pinned ? "" : "  (not pinned)") +
                             (imageState.empty() ? "" : "  [" + imageState + "]")});
    if (check && !check->imageMessage.empty()) {
        t.add({"", check->imageMessage});
    }
    std::string gpu = e.gpu == GpuNeed::Required   ? "required"
                      : e.gpu == GpuNeed::Optional ? "optional (used when this machine can)"
                                                   : "not asked";
    if (!e.choices.gpus.empty()) {
        gpu += "; --gpus " + e.choices.gpus;
    }
    t.add({"  GPU:", gpu});
    if (check && check->verdict) {
        const bool onGpu = check->verdict->kind == Verdict::Kind::RunsOnGpu;
        t.add({"  Verdict:", verdictText(*check->verdict) + (check->usesGpus && onGpu ? "; launched with GPUs" : "")});
        if (!check->verdict->message.empty()) {
            t.add({"", check->verdict->message});
        }
    }
    t.add({"  Caps:", capsText(e.choices)});
    for (const auto& m : e.choices.mounts) {
        t.add({"  Mount:", m});
    }
    for (const auto& v : e.choices.env) {
        t.add({"  Variable:", v});
    }
    t.add({"  Notebooks:", e.choices.workspace.empty() ? "~/Documents/Berth/" + e.id + " (Berth's default)"
                                                       : e.choices.workspace});
    if (!e.openPage.empty()) {
        t.add({"  Opens first:", e.openPage});
    }
    if (!e.locked.empty()) {
        t.add({"  Locked:", joined({e.locked.begin(), e.locked.end()})});
    }
    for (const auto& c : e.commands) {
        t.add({"  Runs inside:", c.key + ": " + commandText(c)});
    }
    for (const auto& c : e.consents) {
        t.add({"  Needs --allow:", c.allowName() + ": it " + c.consequence()});
    }
    if (check) {
        for (const auto& s : check->shortfalls) {
            t.add({"  Not met here:", s});
        }
        for (const auto& n : check->notes) {
            t.add({"  Note:", n});
        }
    }
    for (const auto& w : e.warnings) {
        t.add({"  Warning:", w});
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
        std::cerr << "Nothing was applied.\n";
    }
    return kExitFailure;
}

} // namespace

int cmdProfile(const Invocation& inv, Runtime& rt)
{
    const std::string& action = inv.positional.at(0);
    if (action != "validate" && action != "show" && action != "pin" && action != "save") {
        std::cerr << "berthctl: profile " << printable(action) << ": say validate, show, pin or save.\n";
        return kExitUsage;
    }
    if ((action == "save") != (inv.positional.size() == 3)) {
        std::cerr << "berthctl: profile " << (action == "save" ? "save needs NAME FILE" : action + " needs FILE")
                  << ".\n";
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
            std::cout << "Saved " << printable(inv.positional.at(1), false) << " as "
                      << printable(inv.positional.at(2), false) << " (pinned).\n";
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
        std::cout << printable(profile->path, false) << ": valid; " << ids.size()
                  << (ids.size() == 1 ? " environment: " : " environments: ") << printable(joined(ids), false) << '\n';
        for (const auto& e : profile->environments) {
            for (const auto& w : e.warnings) {
                std::cout << "  warning: " << printable(w, false) << '\n';
            }
            for (const auto& c : e.consents) {
                std::cout << "  " << printable(e.id, false) << " needs --allow " << printable(c.allowName(), false)
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
                      << (c.before == c.after ? printable(c.after, false) + " (already pinned to it)"
                                              : printable(c.before, false) + "  ->  " + printable(c.after, false))
                      << '\n';
        }
        std::cout << (inv.has("dry-run") ? "Nothing was written (--dry-run).\n" : "Pinned; comments and layout kept.\n");
        return kExitOk;
    }

    const HostGpus host = GpuHost::probe();
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
    std::cout << "Profile: " << printable(profile->title.empty() ? profile->path : profile->title, false)
              << (profile->author.empty() ? "" : " (by " + printable(profile->author, false) + ")") << '\n';
    for (const auto& f : profile->files) {
        std::cout << "File: " << printable(f, false) << '\n';
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
        const char* what = p.phase == BundleProgress::Phase::Saving    ? "Saving images"
                           : p.phase == BundleProgress::Phase::Loading ? "Loading images"
                                                                       : "Checking images";
        if (!m_tty) {
            if (p.phase != m_last || !m_any) {
                std::cerr << what << "...\n";
            }
            m_last = p.phase;
            m_any = true;
            return;
        }
        std::string line = what;
        if (p.phase == BundleProgress::Phase::Checking) {
            line += " " + std::to_string(p.done + 1) + " of " + std::to_string(p.total);
        } else {
            line += ": " + formatBytes(static_cast<std::uint64_t>(p.done));
            if (p.total > 0) {
                line += " of " + formatBytes(static_cast<std::uint64_t>(p.total)) + " (" +
                        std::to_string(p.done * 100 / p.total) + "%)";
            }
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
            std::cerr << "berthctl: bundle export needs PROFILE and -o FILE.tar.\n";
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
        std::cout << "Wrote " << printable(bundle->path, false) << " (" << formatBytes(static_cast<std::uint64_t>(bundle->bytes))
                  << "): the profile and " << bundle->images.size() << (bundle->images.size() == 1 ? " image" : " images")
                  << ".\nOn each computer: berthctl bundle import " << printable(bundle->path, false) << '\n';
        return kExitOk;
    }
    if (action == "import") {
        if (inv.has("output")) {
            std::cerr << "berthctl: bundle import takes FILE.tar [DIR], not -o.\n";
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
            std::cout << "Loaded " << printable(i.reference, false) << " (" << i.id.substr(0, 19) << "), checked.\n";
        }
        std::cout << "The profile is " << printable(bundle->path, false) << "\nLaunch it: berthctl launch --profile "
                  << printable(bundle->path, false) << " (or open it in Berth)\n";
        return kExitOk;
    }
    std::cerr << "berthctl: bundle " << printable(action) << ": say export or import.\n";
    return kExitUsage;
}

} // namespace berth::cli
