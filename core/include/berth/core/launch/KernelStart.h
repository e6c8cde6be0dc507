// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// A notebook's kernel started while its page is still loading: Jupyter keeps one session per notebook path,
// and the page, once loaded, asks for its session and finds this one with its kernel already booted. A
// kernel takes a second or two to start; the page would otherwise start it only after it has loaded.

#include "berth/core/base/Result.h"
#include "berth/core/launch/Environment.h"
#include "berth/core/launch/Readiness.h"

#include <string>

namespace berth::core {

/// Starts the session of notebook `treePath` in `env`'s Jupyter, with the kernel its metadata names (the
/// server's default when it names none), signed with the token. Returns the kernel's id. Nothing is done
/// (and "" returned) for a path that is not a notebook.
Result<std::string> startNotebookSession(const EnvironmentInfo& env, const std::string& treePath,
                                         const JupyterConnector& connect = {});

} // namespace berth::core
