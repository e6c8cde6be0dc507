// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Opening an environment in an outside browser without its token on any command line, where every local user
// could read it: a private page that forwards the browser to the address with the token, as Jupyter itself does.

#include "berth/core/base/Result.h"
#include "berth/core/launch/Environment.h"

#include <string>

namespace berth::core {

/// $XDG_RUNTIME_DIR/berth, else ~/.cache/berth: made 0700, and refused unless it is a real folder of this user
/// that nobody else can read.
Result<std::string> privateRuntimeDir();

/// Writes <private dir>/open-NAME.html, mode 0600, made afresh (never through a link), that sends the browser
/// to the environment's address with its token. Refuses a token with characters that do not belong in an
/// address. Returns the file's path; the caller hands it to the browser and removes it soon after.
Result<std::string> writeBrowserHandoff(const EnvironmentInfo& env);

} // namespace berth::core
