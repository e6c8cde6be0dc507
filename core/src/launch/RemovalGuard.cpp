// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/launch/RemovalGuard.h"

#include "berth/core/launch/Environment.h"

#include "base/JsonAccess.h"
#include "engine/TarReader.h"

#include <algorithm>
#include <array>

namespace berth::core {

namespace {
/// `p` is `dir` or below it. A trailing slash names the same folder (Podman reports mount targets as given:
/// "/data/").
bool under(std::string_view p, std::string_view dir)
{
    while (dir.size() > 1 && dir.back() == '/') {
        dir.remove_suffix(1);
    }
    if (dir == "/") {
        return !p.empty() && p.front() == '/';
    }
    return !dir.empty() &&
           (p == dir || (p.size() > dir.size() && p.substr(0, dir.size()) == dir && p[dir.size()] == '/'));
}

/// A path component somewhere in `p` equals one of `names`.
template <std::size_t N>
bool hasComponent(std::string_view p, const std::array<std::string_view, N>& names)
{
    std::size_t start = 0;
    while (start < p.size()) {
        auto slash = p.find('/', start);
        auto part = p.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (std::find(names.begin(), names.end(), part) != names.end()) {
            return true;
        }
        if (slash == std::string_view::npos) {
            break;
        }
        start = slash + 1;
    }
    return false;
}

// Caches and state that programs make again by themselves: not a person's work.
constexpr std::array<std::string_view, 11> kCacheFolders = {
    ".cache", "__pycache__", ".ipynb_checkpoints", ".ipython", ".jupyter", ".npm", ".conda",
    ".virtual_documents", ".keras", ".nv", ".local"};
constexpr std::array<std::string_view, 8> kStateFiles = {
    ".bash_history", ".python_history", ".lesshst", ".wget-hsts", ".viminfo", ".sudo_as_admin_successful",
    ".zsh_history", "nohup.out"};

std::string leaf(std::string_view p)
{
    auto slash = p.rfind('/');
    return std::string(slash == std::string_view::npos ? p : p.substr(slash + 1));
}


} // namespace

std::vector<std::string> layerFilesAtRisk(const std::vector<FileChange>& changes,
                                          const std::vector<std::string>& mountTargets,
                                          const std::string& notebookRoot)
{
    std::vector<std::string> userRoots = {"/root", "/home", "/tf", "/workspace", "/notebooks", "/data", "/work"};
    if (!notebookRoot.empty() && notebookRoot.front() == '/') {
        userRoots.push_back(notebookRoot);
    }
    std::vector<std::string> paths;
    for (const auto& c : changes) {
        if (c.kind != FileChange::Kind::Deleted && !c.path.empty()) {
            paths.push_back(c.path);
        }
    }
    std::sort(paths.begin(), paths.end());
    paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
    std::vector<std::string> risky;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const std::string& p = paths[i];
        // Folders show up as changed too: only leaves are files.
        if (i + 1 < paths.size() && under(paths[i + 1], p)) {
            continue;
        }
        if (std::any_of(mountTargets.begin(), mountTargets.end(), [&](const std::string& m) { return under(p, m); })) {
            continue;
        }
        // A notebook is work wherever it is, a hidden folder included; only Jupyter's own copies are not.
        if (p.ends_with(".ipynb")) {
            if (!hasComponent(p, std::array<std::string_view, 2>{".ipynb_checkpoints", ".virtual_documents"})) {
                risky.push_back(p);
            }
            continue;
        }
        if (hasComponent(p, kCacheFolders) ||
            std::find(kStateFiles.begin(), kStateFiles.end(), leaf(p)) != kStateFiles.end()) {
            continue;
        }
        if (std::any_of(userRoots.begin(), userRoots.end(), [&](const std::string& r) { return under(p, r); })) {
            risky.push_back(p);
        }
    }
    return risky;
}

bool RemovalRisk::empty() const
{
    return files.empty() && std::all_of(volumes.begin(), volumes.end(), [](const VolumeAtRisk& v) { return v.files.empty(); });
}

std::vector<std::string> RemovalRisk::allFiles() const
{
    std::vector<std::string> all = files;
    for (const auto& v : volumes) {
        all.insert(all.end(), v.files.begin(), v.files.end());
    }
    return all;
}

TarLister::TarLister(std::size_t maxFiles) : m_max(maxFiles)
{
    m_reader = std::make_unique<TarReader>(
        [this](const TarEntry& e) {
            if (!m_sawEntry) {
                m_sawEntry = true;
                m_first = e.name;
            }
            if (e.type == '0' || e.type == '7') {
                if (m_files.size() >= m_max) {
                    m_more = true;
                    return false;
                }
                m_files.push_back(e.name);
            }
            return true;
        },
        [](std::string_view) { return true; });
}

TarLister::~TarLister() = default;

bool TarLister::feed(std::string_view chunk)
{
    return m_reader->feed(chunk);
}

Result<RemovalRisk> removalRisk(EngineClient& engine, const std::string& nameOrId)
{
    auto d = engine.inspectContainer(nameOrId);
    if (!d) {
        return d.error();
    }
    auto changes = engine.containerChanges(d->id);
    if (!changes) {
        return changes.error();
    }
    RemovalRisk risk;
    std::vector<std::string> mounts;
    const auto& list = jread::path(d->raw, {"Mounts"});
    if (list.is_array()) {
        for (const auto& m : list) {
            mounts.push_back(jread::str(m, "Destination"));
            const std::string volume = jread::str(m, "Name");
            // Anonymous volumes are named by 64 hex digits; a named one was asked for and outlives containers.
            const bool anonymous = jread::str(m, "Type") == "volume" && volume.size() == 64 &&
                                   volume.find_first_not_of("0123456789abcdef") == std::string::npos;
            if (anonymous) {
                risk.volumes.push_back({volume, jread::str(m, "Destination"), {}, false});
            }
        }
    }
    std::string notebookRoot;
    if (auto it = d->labels.find(labels::kNotebookRoot); it != d->labels.end()) {
        notebookRoot = it->second;
    }
    risk.files = layerFilesAtRisk(*changes, mounts, notebookRoot);
    for (auto& v : risk.volumes) {
        TarLister tar;
        auto r = engine.archive(d->id, v.target, [&](std::string_view c) { return tar.feed(c); });
        if (!r) {
            return r.error();
        }
        // Docker names entries from the folder's own name ("data/results.csv" for /data, first "data/");
        // Podman, for a volume, from inside it ("/results.csv").
        const std::string base = v.target.substr(v.target.rfind('/') + 1);
        std::string first = tar.firstName();
        while (first.starts_with("./")) {
            first.erase(0, 2);
        }
        while (!first.empty() && first.back() == '/') {
            first.pop_back();
        }
        const bool fromFolderName = first == base;
        const std::string parent = v.target.substr(0, v.target.rfind('/'));
        for (std::string f : tar.files()) {
            while (f.starts_with("./") || f.starts_with("/")) {
                f.erase(0, f.front() == '/' ? 1 : 2);
            }
            v.files.push_back((fromFolderName ? parent : v.target) + "/" + f);
        }
        v.more = tar.more();
    }
    return risk;
}

Result<Removal> removeUnlessFilesLost(EngineClient& engine, const std::string& nameOrId, bool force)
{
    auto details = engine.inspectContainer(nameOrId);
    if (!details) {
        return details.error();
    }
    auto risk = removalRisk(engine, details->id);
    if (!risk) {
        return risk.error();
    }
    if (!force && !risk->empty()) {
        Error e;
        e.kind = ErrorKind::Conflict;
        e.files = risk->allFiles();
        e.message = "Removing " + details->name + " would lose " + std::to_string(e.files.size()) + " file(s)" +
                    (risk->files.empty() ? " in volumes the image declares, which nothing would use after it is gone."
                                         : " written inside it, outside its mounts.");
        // Advice that fits this environment: where its notebook folder is, inside and on this machine.
        const std::string target = labelValue(details->labels, labels::kWorkspaceTarget);
        const std::string host = labelValue(details->labels, labels::kWorkspace);
        if (!target.empty() && !host.empty()) {
            e.with(RemedyKind::MoveToNotebookFolder, {target, host});
        }
        const std::string& first = e.files.front();
        e.with(RemedyKind::CopyFilesOut, {details->name, first.substr(0, std::max<std::size_t>(first.rfind('/'), 1))});
        e.with(RemedyKind::RemoveAnyway, {details->name});
        return e;
    }
    auto r = engine.removeContainer(details->id, force, false);
    if (!r) {
        Error e = r.error();
        if (e.kind == ErrorKind::Conflict) {
            e.message = "Container " + details->name + " is running."; // its name, not its 64-digit id
            e.remedies = {{RemedyKind::StopContainer, {details->name}}};
        }
        return e;
    }
    return Removal{details->id, details->name, std::move(risk->volumes)};
}

} // namespace berth::core
