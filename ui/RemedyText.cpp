// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/RemedyText.h"

#include <QCoreApplication>

namespace berth::ui {

using core::RemedyKind;

namespace {
/// Filed under the context lupdate gives a free tr() in this namespace, where berth_zh_CN.ts has them.
QString tr(const char* text)
{
    return QCoreApplication::translate("berth::ui", text);
}
} // namespace

QString remedyText(const core::Remedy& r)
{
    const QString a = QString::fromStdString(r.arg(0));
    const QString b = QString::fromStdString(r.arg(1));
    switch (r.kind) {
    case RemedyKind::StartEngine:
        return tr("Start Docker (sudo systemctl start docker) or Podman (systemctl --user start podman.socket).");
    case RemedyKind::CheckEngine:
        return tr("Check that the engine at %1 is running and responsive; restart it if it hangs.").arg(a);
    case RemedyKind::CheckNetwork:
        return tr("Check that the engine listens at %1 and that no firewall is in the way.").arg(a);
    case RemedyKind::JoinEngineGroup:
        return tr("Add yourself to the group that owns %1 (sudo usermod -aG docker $USER, then log in again), or "
                  "use rootless Podman.")
            .arg(a);
    case RemedyKind::CheckTls:
        return tr("Check the engine's certificates (DOCKER_CERT_PATH: ca.pem, cert.pem, key.pem).");
    case RemedyKind::ChooseEngine:
        return tr("Choose another engine in Settings.");
    case RemedyKind::PullImage:
        return tr("Pull %1 first (Images, Pull).").arg(a);
    case RemedyKind::ListContainers:
        return tr("See the list of containers.");
    case RemedyKind::ChooseName:
        return tr("Choose another name.");
    case RemedyKind::RemoveContainer:
        return tr("Remove the container %1.").arg(a);
    case RemedyKind::StopContainer:
        return tr("Stop %1.").arg(a);
    case RemedyKind::UsedByContainer:
        return tr("Remove the containers that use %1 first.").arg(a);
    case RemedyKind::OpenEnvironment:
        return tr("Open %1.").arg(a);
    case RemedyKind::StartEnvironment:
        return tr("Start %1 again.").arg(a);
    case RemedyKind::ShowLog:
        return tr("Look at the log of %1.").arg(a);
    case RemedyKind::WaitLonger:
        return tr("Wait longer: open %1 again in a moment.").arg(a);
    case RemedyKind::LaunchAgain:
        return tr("Launch it again; its notebook folder is kept.");
    case RemedyKind::RaiseMemory:
        return a.isEmpty() ? tr("Launch it again with more memory.")
                           : tr("Launch it again with more memory than %1.").arg(a);
    case RemedyKind::ChoosePort:
        return tr("Choose another port, or let the engine pick a free one.");
    case RemedyKind::ChooseWorkspace:
        return tr("Choose another notebook folder.");
    case RemedyKind::RunWhereEngineRuns:
        return tr("Run Berth on the machine of %1, or connect to it over SSH.").arg(a);
    case RemedyKind::MoveToNotebookFolder:
        return tr("In Jupyter, move them into %1 (that is %2 on this machine).").arg(a, b);
    case RemedyKind::CopyFilesOut:
        return tr("Copy %2 out of %1 to a folder of yours.").arg(a, b);
    case RemedyKind::RemoveAnyway:
        return tr("Remove it anyway (the files are lost).");
    case RemedyKind::StartIt:
        return tr("Nothing to change: start it.");
    case RemedyKind::StartItUpdateDriverOnJitError:
        return a.isEmpty() ? tr("Start it; update the NVIDIA driver if a program reports a PTX or JIT error.")
                           : tr("Start it; if a program reports a PTX or JIT error, update the driver to %1 or newer.")
                                 .arg(a);
    case RemedyKind::UseGpuImage:
        return tr("To use this machine's NVIDIA GPU, use %1.").arg(a);
    case RemedyKind::UseCpuImage:
        return tr("Use %1 (the CPU version).").arg(a);
    case RemedyKind::UseOlderImage:
        return tr("Use %1 (an older release built for a CUDA this driver runs).").arg(a);
    case RemedyKind::UseCudaImageUpTo:
        return tr("Use an nvidia/cuda image of CUDA %1 or older.").arg(a);
    case RemedyKind::UseMachineWithGpu:
        return tr("Run it on a machine with an NVIDIA GPU, or choose a CPU image.");
    case RemedyKind::UseNewerGpu:
        return tr("Run it on a machine with a newer NVIDIA GPU.");
    case RemedyKind::UpdateDriver:
        return a.isEmpty() ? tr("Update the NVIDIA driver to its newest release.")
                           : tr("Update the NVIDIA driver to %1 or newer.").arg(a);
    case RemedyKind::LoadDriver:
        return tr("Load the NVIDIA driver (restart the computer, or run sudo modprobe nvidia).");
    case RemedyKind::InstallToolkit:
        return tr("Install the NVIDIA Container Toolkit, run sudo nvidia-ctk runtime configure --runtime=docker, then "
                  "restart Docker.");
    case RemedyKind::UseDockerForGpus:
        return tr("Use Docker with the NVIDIA Container Toolkit for GPUs.");
    case RemedyKind::LaunchWithoutGpus:
        return tr("Launch it without GPUs, on the CPU.");
    case RemedyKind::LaunchAnyway:
        return tr("Launch it anyway.");
    case RemedyKind::CheckImage:
        return tr("Check %1 to see which images this driver runs.").arg(a);
    case RemedyKind::PullAndCheck:
        return tr("Pull %1, then check it again.").arg(a);
    case RemedyKind::CheckOnEngineMachine:
        return tr("Check %1 on the machine that runs the engine.").arg(a);
    case RemedyKind::PickCudaTag:
        return tr("Pick a tag that names its CUDA version.");
    case RemedyKind::AskImageAuthors:
        return tr("Ask the image's authors which CUDA it needs.");
    case RemedyKind::FixImageRequirement:
        return tr("Use another image, or ask its authors to fix NVIDIA_REQUIRE_CUDA.");
    case RemedyKind::AllowHostAccess:
        return tr("Allow it only if you trust the profile's author.");
    case RemedyKind::PinProfileAgain:
        return tr("If you wrote the profile, pin it again.");
    }
    return {};
}

QString errorText(const core::Error& error)
{
    QString text = QString::fromStdString(error.message);
    for (const auto& r : error.remedies) {
        text += QLatin1Char(' ') + remedyText(r);
    }
    const std::string withEngine = error.describe();
    if (withEngine.size() > error.message.size()) {
        text += QString::fromStdString(withEngine.substr(error.message.size()));
    }
    return text;
}

} // namespace berth::ui
