// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Copying files out of a container (running or stopped) through the engine's archive API: the way to
// save work before removing an environment. The archive comes from the container, so it is untrusted:
// only files and folders are written, never outside the destination, never through a link, never over
// something that is already there.

#include "berth/core/engine/EngineClient.h"

#include <atomic>
#include <string>
#include <vector>

namespace berth::core {

struct CopyResult
{
    std::vector<std::string> written; ///< files written, as paths under the destination
    std::vector<std::string> skipped; ///< links, devices and names that would leave the destination
    std::uint64_t bytes = 0;
};

/// Copies `path` (a file or a folder) out of container `nameOrId` into the folder `destination`, which
/// must exist. Files that exist there already are not replaced: the copy stops with an error naming one.
Result<CopyResult> copyFromContainer(EngineClient& engine, const std::string& nameOrId, const std::string& path,
                                     const std::string& destination, const std::atomic<bool>* cancel = nullptr);

} // namespace berth::core
