// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// A running environment written down as a profile, pinned: the image by digest, its variables, folders, caps and
// GPUs, so the same environment can be launched again here or by someone else. Never its token.

#include "berth/core/base/Result.h"

#include <string>

namespace berth::core {

class EngineClient;

/// The profile text (a devcontainer.json with customizations.berth) for environment `nameOrId`: what loadProfile
/// reads back as the same environment. The notebook folder is left out (it is this machine's); extra folders
/// are kept, with a comment that they name this machine's paths.
Result<std::string> profileForEnvironment(EngineClient& engine, const std::string& nameOrId);

/// Writes `text` to `path`, which must not exist yet (nothing is overwritten), readable by its owner and group.
Result<void> writeNewProfile(const std::string& path, const std::string& text);

} // namespace berth::core
