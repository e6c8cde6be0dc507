// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "cli/Wording.h"

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
} // namespace

std::string remedyClause(const core::Remedy& r, std::size_t position)
{
    const std::string& a = r.arg(0);
    const std::string& b = r.arg(1);
    switch (r.kind) {
    case RemedyKind::StartEngine:
        return "start Docker (sudo systemctl start docker) or Podman (systemctl --user start podman.socket)";
    case RemedyKind::CheckEngine:
        return "check that the engine is running and responsive (docker info), and restart it if it hangs";
    case RemedyKind::CheckNetwork:
        return "check that the engine listens at " + a + " and that no firewall is in the way";
    case RemedyKind::JoinEngineGroup:
        return "add yourself to the group that owns " + a +
               " (sudo usermod -aG docker $USER, then log in again), or use rootless Podman";
    case RemedyKind::CheckTls:
        return "check DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem) and DOCKER_TLS_VERIFY";
    case RemedyKind::ChooseEngine:
        return "set --host / DOCKER_HOST to where your engine listens";
    case RemedyKind::PullImage:
        return "pull it first (berthctl pull " + a + ")";
    case RemedyKind::ListContainers:
        return "list them with berthctl ps -a";
    case RemedyKind::ChooseName:
        return "choose another name with --name";
    case RemedyKind::RemoveContainer:
        return "remove it (berthctl rm " + a + ")";
    case RemedyKind::StopContainer:
        return position == 0 ? "stop it first (berthctl stop " + a + ")" : "stop it (berthctl stop " + a + ")";
    case RemedyKind::UsedByContainer:
        return "remove the containers that use " + a + " first (berthctl ps -a shows them)";
    case RemedyKind::OpenEnvironment:
        return "open it (berthctl open " + a + ")";
    case RemedyKind::StartEnvironment:
        return "start it again (berthctl start " + a + ")";
    case RemedyKind::ShowLog:
        return "look at its log (berthctl logs " + a + ")";
    case RemedyKind::WaitLonger:
        return "wait longer (berthctl open " + a + ")";
    case RemedyKind::LaunchAgain:
        return "launch it again; its notebook folder is kept";
    case RemedyKind::RaiseMemory:
        return "launch it again with a larger --memory";
    case RemedyKind::ChoosePort:
        return "choose another --port, or leave it out and the engine picks a free one";
    case RemedyKind::ChooseWorkspace:
        return "choose another notebook folder with --workspace";
    case RemedyKind::RunWhereEngineRuns:
        return "run Berth on the machine of " + a +
               ", or forward the notebook's port yourself with ssh -L once it is launched there";
    case RemedyKind::MoveToNotebookFolder:
        return "in Jupyter, move them into " + a + " (that is " + b + " on this machine)";
    case RemedyKind::CopyFilesOut:
        return "copy them out with berthctl cp " + a + ":" + b + " DEST";
    case RemedyKind::RemoveAnyway:
        return "remove anyway with --force";
    case RemedyKind::StartIt:
        return "nothing to change: start it";
    case RemedyKind::StartItUpdateDriverOnJitError:
        return a.empty() ? "start it; update the NVIDIA driver if a program reports a PTX or JIT error"
                         : "start it; if a program reports a PTX or JIT error, update the driver to " + a + " or newer";
    case RemedyKind::UseGpuImage:
        return "to use this machine's NVIDIA GPU, use " + a + " and check it again";
    case RemedyKind::UseCpuImage:
        return "use " + a + " (the CPU version)";
    case RemedyKind::UseOlderImage:
        return "use " + a + " (an older release built for a CUDA this driver runs)";
    case RemedyKind::UseCudaImageUpTo:
        return "use an nvidia/cuda image of CUDA " + a + " or older";
    case RemedyKind::UseMachineWithGpu:
        return "run it on a machine with an NVIDIA GPU, or choose a CPU image";
    case RemedyKind::UseNewerGpu:
        return "run it on a machine with a newer NVIDIA GPU";
    case RemedyKind::UpdateDriver:
        return a.empty() ? "update the NVIDIA driver to its newest release" : "update the driver to " + a + " or newer";
    case RemedyKind::LoadDriver:
        return "load the NVIDIA driver (reboot, or run 'sudo modprobe nvidia'), then check again";
    case RemedyKind::InstallToolkit:
        return "install the NVIDIA Container Toolkit, run 'sudo nvidia-ctk runtime configure --runtime=docker', "
               "then restart Docker (sudo systemctl restart docker)";
    case RemedyKind::UseDockerForGpus:
        return "use Docker with the NVIDIA Container Toolkit";
    case RemedyKind::LaunchWithoutGpus:
        return "launch without --gpus to run on the CPU";
    case RemedyKind::LaunchAnyway:
        return "--force launches it anyway";
    case RemedyKind::CheckImage:
        return "use an image built for an older CUDA (berthctl check " + a + " says which)";
    case RemedyKind::PullAndCheck:
        return "pull it first (berthctl pull " + a + "), then run berthctl check " + a + " again";
    case RemedyKind::CheckOnEngineMachine:
        return "run berthctl check " + a + " on the machine that runs the engine";
    case RemedyKind::PickCudaTag:
        return "pick a tag that names its CUDA version";
    case RemedyKind::AskImageAuthors:
        return "ask the image's authors which CUDA it needs";
    case RemedyKind::FixImageRequirement:
        return "use another image, or ask its authors to fix NVIDIA_REQUIRE_CUDA";
    case RemedyKind::AllowHostAccess: {
        std::string flags;
        for (const auto& what : r.args) {
            flags += " --allow " + what;
        }
        return "if you trust the profile's author, launch it with" + flags;
    }
    case RemedyKind::PinProfileAgain:
        return "if you wrote the profile, pin it again (berthctl profile pin FILE)";
    }
    return "see berthctl --help";
}

std::string remedySentence(const std::vector<core::Remedy>& remedies)
{
    std::string sentence, asides;
    std::size_t position = 0;
    bool lastUsedImage = false;
    for (const auto& r : remedies) {
        if (isAside(r.kind)) {
            asides += " (" + remedyClause(r, 0) + ".)";
            continue;
        }
        std::string clause = remedyClause(r, position);
        // "..., or use A (the CPU version), or B (an older release ...)": one "use" for a run of images.
        if (lastUsedImage && usesImage(r.kind) && clause.starts_with("use ")) {
            clause.erase(0, 4);
        }
        lastUsedImage = usesImage(r.kind);
        sentence += (position == 0 ? "" : ", or ") + clause;
        ++position;
    }
    if (!sentence.empty()) {
        sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
        if (remedies.size() == 1 && remedies.front().kind == RemedyKind::UseCpuImage) {
            sentence += " instead";
        }
        sentence += ".";
    }
    if (sentence.empty() && !asides.empty()) {
        return asides.substr(1);
    }
    return sentence + asides;
}

std::string describe(const core::Error& error)
{
    // What is wrong, what to do, then the engine's own words (Error::describe's rule for when they add something).
    std::string text = error.message;
    if (const std::string advice = remedySentence(error.remedies); !advice.empty()) {
        text += " " + advice;
    }
    if (const std::string withEngine = error.describe(); withEngine.size() > error.message.size()) {
        text += withEngine.substr(error.message.size());
    }
    if (!error.logLines.empty()) {
        text += "\nIts last lines:";
        for (const auto& line : error.logLines) {
            text += "\n  | " + line;
        }
    }
    return text;
}

nlohmann::json errorJson(const core::Error& error)
{
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
        return v.minorVersionCompat ? "runs on the GPU (through CUDA minor-version compatibility)" : "runs on the GPU";
    case core::Verdict::Kind::RunsOnCpu:
        return "runs on the CPU only (a CPU image)";
    case core::Verdict::Kind::CannotRun:
        return std::string("cannot run here (") + core::toString(v.reason) + ")";
    case core::Verdict::Kind::Unknown:
        break;
    }
    return std::string("unknown (") + core::toString(v.reason) + ")";
}

} // namespace berth::cli
