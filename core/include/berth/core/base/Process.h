// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Programs Berth runs itself (ssh, for remote engines): by argument vector, never through a shell, with a time
// limit, their signal mask and SIGPIPE reset (Berth's threads block or ignore some).

#include "berth/core/base/Result.h"

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include <sys/types.h>

namespace berth::core {

struct ProcessOutput
{
    int exitCode = -1; ///< -1 when it was killed by a signal
    std::string out;
    std::string err;
};

/// Runs argv[0] (looked up on PATH) with argv, stdin from /dev/null, and collects its output (each stream up to
/// `maxOutput` bytes; more is read and dropped). Past `timeout`, or once `cancel` is set, it is killed and the
/// answer is a Timeout (Cancelled) error naming the program.
Result<ProcessOutput> runProcess(const std::vector<std::string>& argv, std::chrono::milliseconds timeout,
                                 const std::atomic<bool>* cancel = nullptr, std::size_t maxOutput = 1u << 20);

/// Starts argv[0] (looked up on PATH) in the background, stdin from /dev/null, stdout and stderr appended to
/// `logPath`; returns its pid, for processExited() and stopProcess().
Result<pid_t> spawnProcess(const std::vector<std::string>& argv, const std::string& logPath);

/// True once the child `pid` has exited; it is reaped then, so the caller remembers the answer (asked again later,
/// the pid may belong to another process).
bool processExited(pid_t pid);

/// SIGTERM, then SIGKILL after `grace`; reaps it. Only for a child that has not been seen to exit.
void stopProcess(pid_t pid, std::chrono::milliseconds grace = std::chrono::seconds(2));

} // namespace berth::core
