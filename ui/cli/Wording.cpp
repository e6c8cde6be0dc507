// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "cli/Wording.h"

#include "cli/Translate.h"

#include <cctype>

namespace berth::cli {

using core::RemedyKind;

namespace {
bool isAside(RemedyKind kind)
{
    return kind == RemedyKind::LaunchAnyway;
}

bool usesImage(RemedyKind kind)
{
    return kind == RemedyKind::UseCpuImage || kind == RemedyKind::UseOlderImage ||
           kind == RemedyKind::UseCudaImageUpTo;
}

/// The remedies that name an image: with their verb ("use X (the CPU version)"), or without it when they follow
/// another one ("..., or use X (the CPU version), or Y (an older release ...)").
std::string imageClause(const core::Remedy& r, bool withVerb)
{
    const std::string& a = r.arg(0);
    switch (r.kind) {
    case RemedyKind::UseCpuImage:
        return arg(withVerb ? berth::cli::tr("use %1 (the CPU version)") : berth::cli::tr("%1 (the CPU version)"), a);
    case RemedyKind::UseOlderImage:
        return arg(withVerb ? berth::cli::tr("use %1 (an older release built for a CUDA this driver runs)")
                            : berth::cli::tr("%1 (an older release built for a CUDA this driver runs)"),
                   a);
    default:
        return arg(withVerb ? berth::cli::tr("use an nvidia/cuda image of CUDA %1 or older")
                            : berth::cli::tr("an nvidia/cuda image of CUDA %1 or older"),
                   a);
    }
}
} // namespace

std::string remedyClause(const core::Remedy& r, std::size_t position)
{
    const std::string& a = r.arg(0);
    const std::string& b = r.arg(1);
    switch (r.kind) {
    case RemedyKind::StartEngine:
        return berth::cli::tr(
            "start Docker (sudo systemctl start docker) or Podman (systemctl --user start podman.socket)");
    case RemedyKind::CheckEngine:
        return berth::cli::tr(
            "check that the engine is running and responsive (docker info), and restart it if it hangs");
    case RemedyKind::CheckNetwork:
        return arg(berth::cli::tr("check that the engine listens at %1 and that no firewall is in the way"), a);
    case RemedyKind::JoinEngineGroup:
        return arg(berth::cli::tr("add yourself to the group that owns %1 (sudo usermod -aG docker $USER, then log in "
                                  "again), or use rootless Podman"),
                   a);
    case RemedyKind::CheckTls:
        return berth::cli::tr("check DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem) and DOCKER_TLS_VERIFY");
    case RemedyKind::ChooseEngine:
        return berth::cli::tr("set --host / DOCKER_HOST to where your engine listens");
    case RemedyKind::PullImage:
        return arg(berth::cli::tr("pull it first (berthctl pull %1)"), a);
    case RemedyKind::ListContainers:
        return berth::cli::tr("list them with berthctl ps -a");
    case RemedyKind::ChooseName:
        return berth::cli::tr("choose another name with --name");
    case RemedyKind::RemoveContainer:
        return arg(berth::cli::tr("remove it (berthctl rm %1)"), a);
    case RemedyKind::StopContainer:
        return position == 0 ? arg(berth::cli::tr("stop it first (berthctl stop %1)"), a)
                             : arg(berth::cli::tr("stop it (berthctl stop %1)"), a);
    case RemedyKind::UsedByContainer:
        return arg(berth::cli::tr("remove the containers that use %1 first (berthctl ps -a shows them)"), a);
    case RemedyKind::OpenEnvironment:
        return arg(berth::cli::tr("open it (berthctl open %1)"), a);
    case RemedyKind::StartEnvironment:
        return arg(berth::cli::tr("start it again (berthctl start %1)"), a);
    case RemedyKind::ShowLog:
        return arg(berth::cli::tr("look at its log (berthctl logs %1)"), a);
    case RemedyKind::WaitLonger:
        return arg(berth::cli::tr("wait longer (berthctl open %1)"), a);
    case RemedyKind::LaunchAgain:
        return berth::cli::tr("launch it again; its notebook folder is kept");
    case RemedyKind::RaiseMemory:
        return berth::cli::tr("launch it again with a larger --memory");
    case RemedyKind::ChoosePort:
        return berth::cli::tr("choose another --port, or leave it out and the engine picks a free one");
    case RemedyKind::ChooseWorkspace:
        return berth::cli::tr("choose another notebook folder with --workspace");
    case RemedyKind::RunWhereEngineRuns:
        return arg(berth::cli::tr("run Berth on the machine of %1, or forward the notebook's port yourself with ssh -L "
                                  "once it is launched there"),
                   a);
    case RemedyKind::MoveToNotebookFolder:
        return arg(berth::cli::tr("in Jupyter, move them into %1 (that is %2 on this machine)"), a, b);
    case RemedyKind::CopyFilesOut:
        return arg(berth::cli::tr("copy them out with berthctl cp %1:%2 DEST"), a, b);
    case RemedyKind::RemoveAnyway:
        return berth::cli::tr("remove anyway with --force");
    case RemedyKind::StartIt:
        return berth::cli::tr("nothing to change: start it");
    case RemedyKind::StartItUpdateDriverOnJitError:
        return a.empty()
                   ? berth::cli::tr("start it; update the NVIDIA driver if a program reports a PTX or JIT error")
                   : arg(berth::cli::tr("start it; if a program reports a PTX or JIT error, update the driver to %1 or "
                                        "newer"),
                         a);
    case RemedyKind::UseGpuImage:
        return arg(berth::cli::tr("to use this machine's NVIDIA GPU, use %1 and check it again"), a);
    case RemedyKind::UseCpuImage:
    case RemedyKind::UseOlderImage:
    case RemedyKind::UseCudaImageUpTo:
        return imageClause(r, true);
    case RemedyKind::UseMachineWithGpu:
        return berth::cli::tr("run it on a machine with an NVIDIA GPU, or choose a CPU image");
    case RemedyKind::UseNewerGpu:
        return berth::cli::tr("run it on a machine with a newer NVIDIA GPU");
    case RemedyKind::UpdateDriver:
        return a.empty() ? berth::cli::tr("update the NVIDIA driver to its newest release")
                         : arg(berth::cli::tr("update the driver to %1 or newer"), a);
    case RemedyKind::LoadDriver:
        return berth::cli::tr("load the NVIDIA driver (reboot, or run 'sudo modprobe nvidia'), then check again");
    case RemedyKind::InstallToolkit:
        return berth::cli::tr("install the NVIDIA Container Toolkit, run 'sudo nvidia-ctk runtime configure "
                              "--runtime=docker', then restart Docker (sudo systemctl restart docker)");
    case RemedyKind::UseDockerForGpus:
        return berth::cli::tr("use Docker with the NVIDIA Container Toolkit");
    case RemedyKind::LaunchWithoutGpus:
        return berth::cli::tr("launch without --gpus to run on the CPU");
    case RemedyKind::LaunchAnyway:
        return berth::cli::tr("--force launches it anyway");
    case RemedyKind::CheckImage:
        return arg(berth::cli::tr("use an image built for an older CUDA (berthctl check %1 says which)"), a);
    case RemedyKind::PullAndCheck:
        return arg(berth::cli::tr("pull it first (berthctl pull %1), then run berthctl check %1 again"), a);
    case RemedyKind::CheckOnEngineMachine:
        return arg(berth::cli::tr("run berthctl check %1 on the machine that runs the engine"), a);
    case RemedyKind::PickCudaTag:
        return berth::cli::tr("pick a tag that names its CUDA version");
    case RemedyKind::AskImageAuthors:
        return berth::cli::tr("ask the image's authors which CUDA it needs");
    case RemedyKind::FixImageRequirement:
        return berth::cli::tr("use another image, or ask its authors to fix NVIDIA_REQUIRE_CUDA");
    case RemedyKind::AllowHostAccess: {
        std::string flags;
        for (const auto& what : r.args) {
            flags += (flags.empty() ? "--allow " : " --allow ") + what;
        }
        return arg(berth::cli::tr("if you trust the profile's author, launch it with %1"), flags);
    }
    case RemedyKind::PinProfileAgain:
        return berth::cli::tr("if you wrote the profile, pin it again (berthctl profile pin FILE)");
    }
    return berth::cli::tr("see berthctl --help");
}

std::string remedySentence(const std::vector<core::Remedy>& remedies)
{
    std::string sentence, asides;
    std::size_t position = 0;
    bool lastUsedImage = false;
    for (const auto& r : remedies) {
        if (isAside(r.kind)) {
            asides += arg(berth::cli::tr(" (%1.)"), remedyClause(r, 0));
            continue;
        }
        std::string clause;
        if (remedies.size() == 1 && r.kind == RemedyKind::UseCpuImage) {
            clause = arg(berth::cli::tr("use %1 (the CPU version) instead"), r.arg(0));
        } else {
            // "..., or use A (the CPU version), or B (an older release ...)": one "use" for a run of images.
            clause = usesImage(r.kind) ? imageClause(r, !lastUsedImage) : remedyClause(r, position);
        }
        lastUsedImage = usesImage(r.kind);
        sentence = position == 0 ? clause : arg(berth::cli::tr("%1, or %2"), sentence, clause);
        ++position;
    }
    if (!sentence.empty()) {
        if (static_cast<unsigned char>(sentence[0]) < 0x80) { // a letter to capitalize; Chinese has none
            sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
        }
        sentence = arg(berth::cli::tr("%1."), sentence);
    }
    if (sentence.empty() && asides.starts_with(' ')) {
        return asides.substr(1);
    }
    return sentence + asides;
}

std::string describe(const core::Error& error)
{
    // What is wrong, what to do, then the engine's own words (Error::describe's rule for when they add something).
    // The message is core's, in English; berthctl's words around it are the user's language.
    std::string text = error.message;
    if (const std::string advice = remedySentence(error.remedies); !advice.empty()) {
        text = arg(berth::cli::tr("%1 %2"), text, advice);
    }
    if (error.describe().size() > error.message.size()) {
        text += arg(berth::cli::tr(" (engine said: %1)"), error.engineMessage);
    }
    if (!error.logLines.empty()) {
        text += "\n" + berth::cli::tr("Its last lines:");
        for (const auto& line : error.logLines) {
            text += "\n  | " + line;
        }
    }
    return text;
}

nlohmann::json errorJson(const core::Error& error)
{
    const EnglishOnly english; // an interface: its advice is the same in every language
    nlohmann::json e = {{"kind", core::toString(error.kind)},
                        {"message", error.message},
                        {"engineMessage", error.engineMessage},
                        {"httpStatus", error.httpStatus},
                        {"remedies", core::remediesToJson(error.remedies)},
                        {"advice", remedySentence(error.remedies)}};
    if (!error.files.empty()) {
        e["files"] = error.files;
    }
    if (!error.field.empty()) {
        e["field"] = error.field;
    }
    if (!error.logLines.empty()) {
        e["logLines"] = error.logLines;
    }
    return e;
}

int checkExitCode(const core::Verdict& v)
{
    switch (v.kind) {
    case core::Verdict::Kind::RunsOnGpu:
    case core::Verdict::Kind::RunsOnCpu:
        return 0;
    case core::Verdict::Kind::CannotRun:
        return kExitCannotRun;
    case core::Verdict::Kind::Unknown:
        break;
    }
    return kExitUnknown;
}

std::string verdictText(const core::Verdict& v)
{
    switch (v.kind) {
    case core::Verdict::Kind::RunsOnGpu:
        return v.minorVersionCompat ? berth::cli::tr("runs on the GPU (through CUDA minor-version compatibility)")
                                    : berth::cli::tr("runs on the GPU");
    case core::Verdict::Kind::RunsOnCpu:
        return berth::cli::tr("runs on the CPU only (a CPU image)");
    case core::Verdict::Kind::CannotRun:
        return arg(berth::cli::tr("cannot run here (%1)"), core::toString(v.reason)); // the reason is a keyword
    case core::Verdict::Kind::Unknown:
        break;
    }
    return arg(berth::cli::tr("unknown (%1)"), core::toString(v.reason));
}

} // namespace berth::cli
