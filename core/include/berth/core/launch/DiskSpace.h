// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Room for images: how much space is left where the engine keeps them, said before a pull, and whether a pull
// of a given size may not fit. Only for an engine on this machine: a remote engine's disk is not Berth's to
// measure.

#include "berth/core/engine/EngineTypes.h"

#include <cstdint>
#include <optional>
#include <string>

namespace berth::core {

struct DiskSpace
{
    std::string path; ///< the engine's image store: Docker's DockerRootDir, Podman's graph root
    std::uint64_t freeBytes = 0; ///< available to the engine (statvfs's f_bavail)
    std::uint64_t totalBytes = 0;
};

/// The space left at `path`, or nullopt when it cannot be measured (no such folder, not readable).
std::optional<DiskSpace> diskSpaceAt(const std::string& path);

/// The space left where the engine that answered `info` keeps its images, when that engine runs on this
/// machine (engineInfoIsThisHost); nullopt otherwise.
std::optional<DiskSpace> imageStoreSpace(const EngineInfo& info);

/// A pull that downloads `downloadBytes` (compressed, as registries send them) may not fit in `space`: a
/// layer takes about twice its download once unpacked, and the download is kept until it is.
bool pullMayNotFit(std::int64_t downloadBytes, const DiskSpace& space);

/// "12.3 GiB free of 50.0 GiB at /var/lib/docker"
std::string describe(const DiskSpace& space);

} // namespace berth::core
