// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// A profile pins each image by digest so thirty students run the same bytes. The digest is the registry's
// (RepoDigests) when the image came from one, else the image's own ID (an image built or loaded locally has no
// registry digest); a local image is accepted when either matches.

#include "berth/core/base/Result.h"
#include "berth/core/profile/Profile.h"

#include <string>
#include <vector>

namespace berth::core {

class EngineClient;

/// The reference to run for a profile's image: unpinned, itself; pinned, `name:tag` when the local image under
/// that name has the pinned digest, `name@digest` when no local image has that name (to be pulled by digest). A
/// local image that differs is refused (Conflict) with both digests and how to go on.
Result<std::string> resolvePinnedImage(EngineClient& engine, const std::string& reference);

/// The digest Berth pins a local image by: its registry digest for the reference's repository, else its ID.
Result<std::string> localPinDigest(EngineClient& engine, const std::string& reference);

struct PinChange
{
    std::string file;
    std::string environment;
    std::string before;
    std::string after;
};

/// Writes the local images' digests into the profile's files, keeping every comment and the layout (only the
/// image strings change); each file replaced whole (a temporary file renamed over it) only when every image of
/// the profile is on the engine. `write` false: only says what would change.
Result<std::vector<PinChange>> pinProfile(EngineClient& engine, const Profile& profile, bool write = true);

/// `text` with the JSON string at `pointer` replaced by `value` (the rest byte for byte).
Result<std::string> replaceString(std::string_view text, const std::string& pointer, const std::string& value);

} // namespace berth::core
