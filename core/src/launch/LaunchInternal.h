// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// What the parts of a launch share (Launcher, Readiness, the record): not public.

#include "berth/core/engine/EngineClient.h"

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

namespace berth::core::detail {

inline constexpr const char* kLoopback = "127.0.0.1";

inline bool cancelled(const std::atomic<bool>* cancel)
{
    return cancel && cancel->load();
}

/// "8888/tcp" -> 8888.
int portNumber(const std::string& port);
/// The token Berth gave a container, from its environment ("" when none).
std::string envToken(const ContainerDetails& d);
/// The last lines of a container's log, tokens hidden, each at most 500 bytes. Read with a deadline and a cap,
/// and cancellable: a hostile image may print anything, or nothing but never end a line.
std::vector<std::string> lastLogLines(EngineClient& engine, const std::string& id, int lines,
                                      const std::string& token, const std::atomic<bool>* cancel);
/// The error for an engine on another machine, where Jupyter's port is that machine's loopback.
Error remoteEngineError(const std::string& endpoint);
/// Sleeps in 50 ms steps; false when cancelled.
bool sleepUnlessCancelled(std::chrono::milliseconds d, const std::atomic<bool>* cancel);

} // namespace berth::core::detail
