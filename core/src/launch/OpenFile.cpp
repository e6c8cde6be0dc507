// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/launch/OpenFile.h"

#include "berth/core/engine/EngineClient.h"

#include <cstdlib>

namespace berth::core {

namespace {

/// `path` relative to `folder` when it lies inside it ("" for the folder itself); nullopt otherwise.
std::optional<std::string> inside(const std::string& folder, const std::string& path)
{
    if (folder.empty() || folder.front() != '/') {
        return std::nullopt;
    }
    std::string f = folder;
    while (f.size() > 1 && f.back() == '/') {
        f.pop_back();
    }
    if (path == f) {
        return std::string();
    }
    const std::string prefix = f == "/" ? f : f + "/";
    if (path.compare(0, prefix.size(), prefix) != 0) {
        return std::nullopt;
    }
    return path.substr(prefix.size());
}

} // namespace

std::optional<FileInEnvironment> environmentForFile(const std::vector<EnvironmentInfo>& environments,
                                                    const std::string& hostFile)
{
    std::optional<FileInEnvironment> best;
    std::size_t bestDepth = 0;
    bool bestRunning = false;
    for (const auto& env : environments) {
        const auto rel = inside(env.workspace, hostFile);
        if (!rel) {
            continue;
        }
        // Where the workspace is in Jupyter's tree: its mount point below the notebook root.
        std::string tree;
        if (const auto mount = inside(env.notebookRoot.empty() ? env.workspaceTarget : env.notebookRoot,
                                      env.workspaceTarget)) {
            tree = *mount;
        } else {
            continue; // mounted outside what Jupyter shows
        }
        if (!rel->empty()) {
            tree = tree.empty() ? *rel : tree + "/" + *rel;
        }
        const bool running = env.state == EnvironmentState::Running;
        const std::size_t depth = env.workspace.size();
        if (!best || (running && !bestRunning) || (running == bestRunning && depth > bestDepth)) {
            best = FileInEnvironment{env, tree};
            bestDepth = depth;
            bestRunning = running;
        }
    }
    return best;
}

std::string normalTreePath(const std::string& treePath)
{
    std::string out;
    std::size_t start = 0;
    while (start <= treePath.size()) {
        const std::size_t slash = treePath.find('/', start);
        const std::string segment = treePath.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (!segment.empty() && segment != "." && segment != "..") {
            out += (out.empty() ? "" : "/") + segment;
        }
        if (slash == std::string::npos) {
            break;
        }
        start = slash + 1;
    }
    return out;
}

std::string encodeTreePath(const std::string& treePath)
{
    std::string out;
    const std::string path = normalTreePath(treePath);
    std::size_t start = 0;
    while (!path.empty() && start <= path.size()) {
        const std::size_t slash = path.find('/', start);
        out += (start ? "/" : "") + urlEncode(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (slash == std::string::npos) {
            break;
        }
        start = slash + 1;
    }
    return out;
}

std::string notebookUrlPath(const std::string& jupyterVersion, const std::string& treePath)
{
    const std::string encoded = encodeTreePath(treePath);
    if (encoded.empty()) {
        return "/";
    }
    const bool classic = std::atoi(jupyterVersion.c_str()) >= 5; // notebook 5.x, 6.x; jupyter_server is 1.x, 2.x
    return (classic ? "/notebooks/" : "/lab/tree/") + encoded;
}

std::pair<std::string, std::string> splitOpenTarget(const std::string& target)
{
    const auto slash = target.find('/');
    if (slash == std::string::npos) {
        return {target, std::string()};
    }
    return {target.substr(0, slash), target.substr(slash + 1)};
}

} // namespace berth::core
