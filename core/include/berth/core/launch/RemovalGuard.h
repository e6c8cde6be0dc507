// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Nothing lost on remove: what removing a container would take with it. The engine's change list gives the
// files written in the container's own layer (outside its mounts); anonymous volumes the image declares
// (VOLUME /data) are listed through the engine's archive API, since removing the container leaves them
// behind, unnamed and attached to nothing.

#include "berth/core/engine/EngineClient.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace berth::core {

/// Of a container's layer changes, the files a person would miss: notebooks anywhere (hidden folders too),
/// and any file under the notebook folder, home folders, /tf, /workspace, /notebooks, /data, /work, except
/// known caches and histories (.cache, __pycache__, .ipynb_checkpoints, Jupyter's and IPython's state...).
/// Deleted files and files under `mountTargets` are not at risk. Sorted.
std::vector<std::string> layerFilesAtRisk(const std::vector<FileChange>& changes,
                                          const std::vector<std::string>& mountTargets,
                                          const std::string& notebookRoot);

/// An anonymous volume of the container, with the files in it (a bounded listing).
struct VolumeAtRisk
{
    std::string name;   ///< the engine's name for it (64 hex digits)
    std::string target; ///< where it is mounted in the container
    std::vector<std::string> files;
    bool more = false; ///< the listing stopped at its limit
};

struct RemovalRisk
{
    std::vector<std::string> files; ///< in the container's own layer
    std::vector<VolumeAtRisk> volumes;
    bool empty() const;
    /// Every file, those in volumes too.
    std::vector<std::string> allFiles() const;
};

/// What removing `nameOrId` would lose.
Result<RemovalRisk> removalRisk(EngineClient& engine, const std::string& nameOrId);

/// A container removed, and the anonymous volumes it leaves behind (kept, as docker rm without -v does).
struct Removal
{
    std::string id;
    std::string name;
    std::vector<VolumeAtRisk> keptVolumes;
};

/// Removes a container unless that would lose user files: then a Conflict error whose `files` lists them (those
/// in volumes too) and whose remedies fit the environment: move them into its notebook folder (named inside and
/// on this machine), copy them out of the folder of the first one, or remove anyway. `force` removes anyway, and
/// a running container too. Anonymous volumes are never removed.
Result<Removal> removeUnlessFilesLost(EngineClient& engine, const std::string& nameOrId, bool force);

/// Regular files named in a tar stream, fed in chunks of any size; stops at `maxFiles`.
class TarLister
{
public:
    explicit TarLister(std::size_t maxFiles = 200);
    ~TarLister();
    /// Returns false once enough is known (the limit reached, or the archive's end).
    bool feed(std::string_view chunk);
    const std::vector<std::string>& files() const { return m_files; }
    /// The archive's first entry, whatever its type (Docker starts with the folder itself: "data/").
    const std::string& firstName() const { return m_first; }
    bool more() const { return m_more; }

private:
    std::size_t m_max;
    std::vector<std::string> m_files;
    std::string m_first;
    bool m_sawEntry = false;
    bool m_more = false;
    std::unique_ptr<class TarReader> m_reader;
};

} // namespace berth::core
