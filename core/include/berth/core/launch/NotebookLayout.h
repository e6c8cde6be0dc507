// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/engine/EngineTypes.h"

#include <string>

namespace berth::core {

/// Where an image's Jupyter keeps notebooks and listens, read from the image alone.
struct NotebookLayout
{
    std::string port = "8888/tcp"; ///< the container port Jupyter listens on
    std::string root;              ///< Jupyter's notebook (root) folder in the container
    std::string workspaceTarget;   ///< where the user's host folder is mounted
    std::string shape;             ///< "docker-stacks", "tensorflow", or "generic"
};

/// --notebook-dir / --ServerApp.root_dir on the command line (also inside `bash -c "..."`), docker-stacks'
/// NB_USER, WORKDIR, the user's home. A home folder gets the workspace at <home>/work (as docker-stacks
/// does), so that the image's own dotfiles stay out of the user's folder; any other root is mounted as is.
NotebookLayout notebookLayout(const ImageDetails& image);

} // namespace berth::core
