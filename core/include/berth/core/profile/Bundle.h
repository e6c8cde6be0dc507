// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// An offline bundle: a classroom profile and its images in one tar file a class installs from a USB stick,
// on Docker or Podman, with no network. The bundle holds berth-bundle.json (what is inside: each image's
// name and ID), the profile's files (its copy pinned by image ID, which the import checks), then the engine's
// own image archive. Import checks every image's ID after loading and writes the profile only when all match.

#include "berth/core/base/Result.h"
#include "berth/core/profile/Profile.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace berth::core {

class EngineClient;

struct BundleProgress
{
    enum class Phase
    {
        Saving,   ///< the engine writes the images into the bundle
        Loading,  ///< the bundle's images go into the engine
        Checking, ///< each loaded image's ID against the bundle's
    };
    Phase phase = Phase::Saving;
    std::int64_t done = 0;   ///< bytes
    std::int64_t total = -1; ///< bytes, -1 when unknown (saving: an estimate, the images' sizes)
};
using BundleProgressHandler = std::function<void(const BundleProgress&)>;

struct BundleImage
{
    std::string reference; ///< name:tag, as the profile runs it
    std::string id;        ///< the image ID (its config's digest), the same on every engine
};

struct Bundle
{
    std::string path;        ///< the bundle written, or the profile imported (to open)
    std::vector<BundleImage> images;
    std::int64_t bytes = 0;  ///< the bundle's size
};

/// Writes `profile` and its images to `outPath`, which must not exist (nothing is overwritten; a failed or
/// cancelled export leaves no file). Every environment's image must be on the engine, and the pinned one
/// where it is pinned.
Result<Bundle> exportBundle(EngineClient& engine, const Profile& profile, const std::string& outPath,
                            const BundleProgressHandler& onProgress = {}, const std::atomic<bool>* cancel = nullptr);

/// Loads a bundle's images into the engine, checks each one's ID, then writes its profile into `destDir` (which
/// must not exist). The profile is read (validated) before any image is loaded; it is written only when every
/// image matched. `path` in the result is the profile to open.
Result<Bundle> importBundle(EngineClient& engine, const std::string& bundlePath, const std::string& destDir,
                            const BundleProgressHandler& onProgress = {}, const std::atomic<bool>* cancel = nullptr);

} // namespace berth::core
