// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// What a person can do about an error or a verdict, as data: a kind and its arguments. Core says what is
// wrong; each front end words the remedy its own way (berthctl with its commands and flags, the window with
// its buttons, through tr()). Core's messages never name a front end's command or flag.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace berth::core {

// X(kind, name, arguments): the arguments a remedy carries, in order, for the front ends' wording.
#define BERTH_REMEDY_KINDS(X)                                                                                   \
    /* The engine */                                                                                            \
    X(StartEngine, "start-engine", "address")              /* nothing listens at the engine's address */        \
    X(CheckEngine, "check-engine", "address")              /* it accepts but does not answer: restart it */     \
    X(CheckNetwork, "check-network", "address")            /* TCP: is it listening, is a firewall in the way */ \
    X(JoinEngineGroup, "join-engine-group", "socket")      /* permission denied on the socket */                \
    X(CheckTls, "check-tls", "address")                    /* TLS failed: the certificates */                   \
    X(ChooseEngine, "choose-engine", "")                   /* point at another engine */                        \
    /* Images and containers */                                                                                 \
    X(PullImage, "pull-image", "image")                                                                         \
    X(ListContainers, "list-containers", "")                                                                    \
    X(ChooseName, "choose-name", "")                                                                            \
    X(RemoveContainer, "remove-container", "name")                                                              \
    X(StopContainer, "stop-container", "name")                                                                  \
    X(UsedByContainer, "remove-containers-using-image", "image")                                                \
    /* Environments */                                                                                          \
    X(OpenEnvironment, "open-environment", "name")                                                              \
    X(StartEnvironment, "start-environment", "name")                                                            \
    X(ShowLog, "show-log", "name")                                                                              \
    X(WaitLonger, "wait-longer", "name")                                                                        \
    X(LaunchAgain, "launch-again", "")                     /* its notebook folder is kept */                    \
    X(RaiseMemory, "raise-memory", "cap")                  /* the cap it had, "24 MiB", or "" */                \
    X(ChoosePort, "choose-port", "port")                   /* or let the engine pick one */                     \
    X(ChooseWorkspace, "choose-workspace", "")                                                                  \
    X(RunWhereEngineRuns, "run-where-engine-runs", "address")                                                   \
    /* Removing */                                                                                              \
    X(MoveToNotebookFolder, "move-to-notebook-folder", "target host")                                           \
    X(CopyFilesOut, "copy-files-out", "name path")                                                              \
    X(RemoveAnyway, "remove-anyway", "name")                                                                    \
    /* GPUs */                                                                                                  \
    X(StartIt, "start-it", "")                              /* nothing to change */                             \
    X(StartItUpdateDriverOnJitError, "start-it-update-driver-on-jit-error", "driver")                           \
    X(UseGpuImage, "use-gpu-image", "image")                                                                    \
    X(UseCpuImage, "use-cpu-image", "image")                                                                    \
    X(UseOlderImage, "use-older-image", "image")            /* built for a CUDA this driver runs */            \
    X(UseCudaImageUpTo, "use-cuda-image-up-to", "cuda")                                                         \
    X(UseMachineWithGpu, "use-machine-with-gpu", "")                                                            \
    X(UseNewerGpu, "use-newer-gpu", "")                                                                         \
    X(UpdateDriver, "update-driver", "driver")              /* driver major, or "" for the newest release */   \
    X(LoadDriver, "load-driver", "")                                                                            \
    X(InstallToolkit, "install-toolkit", "")                                                                    \
    X(UseDockerForGpus, "use-docker-for-gpus", "")          /* Podman's API ignores GPU requests */            \
    X(LaunchWithoutGpus, "launch-without-gpus", "")                                                             \
    X(LaunchAnyway, "launch-anyway", "")                    /* past a verdict that says it cannot run */       \
    X(CheckImage, "check-image", "image")                   /* which CUDA fits: the verdict */                 \
    X(PullAndCheck, "pull-and-check", "image")                                                                  \
    X(CheckOnEngineMachine, "check-on-engine-machine", "image")                                                 \
    X(PickCudaTag, "pick-cuda-tag", "")                                                                         \
    X(AskImageAuthors, "ask-image-authors", "")                                                                 \
    X(FixImageRequirement, "fix-image-requirement", "")                                                         \
    /* Classroom profiles */                                                                                    \
    X(AllowHostAccess, "allow-host-access", "what...")     /* HostConsent::allowName() of each, to grant */    \
    X(PinProfileAgain, "pin-profile-again", "")            /* the profile's author pins the local image */

enum class RemedyKind
{
#define BERTH_REMEDY_ENUM(kind, name, args) kind,
    BERTH_REMEDY_KINDS(BERTH_REMEDY_ENUM)
#undef BERTH_REMEDY_ENUM
};

/// Every kind, in declaration order (tests check that each front end words each one).
const std::vector<RemedyKind>& allRemedyKinds();
/// Stable name for JSON ("raise-memory").
const char* toString(RemedyKind kind);
/// The names of a kind's arguments, space-separated ("name path"), as listed above.
const char* remedyArguments(RemedyKind kind);

struct Remedy
{
    RemedyKind kind;
    std::vector<std::string> args;

    /// args[i], or "" when the remedy has fewer.
    const std::string& arg(std::size_t i) const;
    bool operator==(const Remedy&) const = default;
};

/// [{"kind": "raise-memory", "cap": "24 MiB"}, ...]: each argument under its name.
nlohmann::json remediesToJson(const std::vector<Remedy>& remedies);

} // namespace berth::core
