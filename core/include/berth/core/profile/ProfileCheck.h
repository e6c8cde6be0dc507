// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// What each environment of a profile will meet here, before anything is pulled: its image (on the engine, the
// pinned one or not), the GPU verdict, and hostRequirements against what the engine and this machine have.
// Every front end shows this first; none of it is silently skipped.

#include "berth/core/gpu/Compat.h"
#include "berth/core/gpu/GpuHost.h"
#include "berth/core/profile/Profile.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace berth::core {

class EngineClient;

struct EnvironmentCheck
{
    enum class ImageState
    {
        Present,     ///< on the engine (the pinned one, when pinned)
        Missing,     ///< not on the engine: a launch pulls it (by digest when pinned)
        PinMismatch, ///< another image under the pinned name: a launch refuses it
        Unknown,     ///< the engine could not be asked
    };
    std::string id;
    ImageState image = ImageState::Unknown;
    std::string imageMessage; ///< the pin mismatch's message, the engine's error
    std::optional<Verdict> verdict;
    bool usesGpus = false;                 ///< a launch asks for GPUs (required, or optional and usable here)
    std::vector<std::string> shortfalls;   ///< hostRequirements this machine does not meet, one sentence each
    std::vector<std::string> notes;        ///< what could not be checked, and why

    nlohmann::json toJson() const;
};

const char* toString(EnvironmentCheck::ImageState state);

/// Checks every environment; never fails: what cannot be asked is said in the check.
std::vector<EnvironmentCheck> checkProfile(EngineClient& engine, const Profile& profile, const HostGpus& host);

/// An environment's settings as data, for --json and the GUI's summary (no host or engine needed).
nlohmann::json toJson(const ProfileEnvironment& environment);

} // namespace berth::core
