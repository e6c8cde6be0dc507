// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/launch/DiskSpace.h"

#include "base/JsonAccess.h"
#include "berth/core/base/Units.h"
#include "berth/core/launch/Readiness.h"

#include <sys/statvfs.h>

namespace berth::core {

std::optional<DiskSpace> diskSpaceAt(const std::string& path)
{
    struct statvfs s {};
    if (path.empty() || path.front() != '/' || ::statvfs(path.c_str(), &s) != 0) {
        return std::nullopt;
    }
    DiskSpace d;
    d.path = path;
    d.freeBytes = static_cast<std::uint64_t>(s.f_bavail) * s.f_frsize;
    d.totalBytes = static_cast<std::uint64_t>(s.f_blocks) * s.f_frsize;
    return d;
}

std::optional<DiskSpace> imageStoreSpace(const EngineInfo& info)
{
    if (!engineInfoIsThisHost(info)) {
        return std::nullopt;
    }
    return diskSpaceAt(jread::str(info.raw, "DockerRootDir"));
}

bool pullMayNotFit(std::int64_t downloadBytes, const DiskSpace& space)
{
    if (downloadBytes <= 0) {
        return false;
    }
    return static_cast<std::uint64_t>(downloadBytes) * 2 > space.freeBytes;
}

std::string describe(const DiskSpace& space)
{
    return formatBytes(space.freeBytes) + " free of " + formatBytes(space.totalBytes) + " at " + space.path;
}

} // namespace berth::core
