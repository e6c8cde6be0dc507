// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Opening a notebook file from the desktop (`berth FILE.ipynb`) or a path in an environment
// (`berth --open NAME/PATH`): which environment has the file, and the address of the file in its Jupyter.

#include "berth/core/launch/Environment.h"

#include <optional>
#include <string>
#include <vector>

namespace berth::core {

/// An environment that has a host file in its notebook folder, and the file's path in Jupyter's tree
/// (relative to the notebook root, '/'-separated).
struct FileInEnvironment
{
    EnvironmentInfo environment;
    std::string treePath;
};

/// The environment whose workspace folder holds `hostFile` (an absolute, normalised path): running ones
/// before stopped ones, then the deepest workspace. nullopt when none has it.
std::optional<FileInEnvironment> environmentForFile(const std::vector<EnvironmentInfo>& environments,
                                                    const std::string& hostFile);

/// `treePath` without empty, "." and ".." segments: the one form the page's address and the kernel's session
/// both use.
std::string normalTreePath(const std::string& treePath);

/// normalTreePath's segments, each percent-encoded, joined by '/'.
std::string encodeTreePath(const std::string& treePath);

/// The address path that opens `treePath` in the environment's Jupyter: /notebooks/... for the classic
/// notebook server (5.x, 6.x), /lab/tree/... for jupyter_server (JupyterLab, Notebook 7), "/" for the root.
/// Each segment is percent-encoded.
std::string notebookUrlPath(const std::string& jupyterVersion, const std::string& treePath);

/// Splits `NAME[/PATH]` (berth --open) into the environment's name and the path in its tree.
std::pair<std::string, std::string> splitOpenTarget(const std::string& target);

} // namespace berth::core
