// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// berthctl as a library: app/berthctl/main.cpp is its main(), tests call run() in-process.

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace berth::core {
class Transport;
}

namespace berth::cli {

/// One berthctl command line (without the program's name): parses it, connects to the engine (-H, -c,
/// DOCKER_HOST, DOCKER_CONTEXT), runs the command, and returns the exit code. Writes to std::cout and std::cerr.
/// `interrupted` is Ctrl-C: set by main()'s signal handler, read by streams and waits; 130 when it was set.
/// unloadHttpLibrary (CurlTransport.h) is the caller's, at the end.
/// `transport`, when given, is the engine (tests hand in recorded answers); -H and -c are then parsed, not used.
int run(const std::vector<std::string>& args, std::atomic<bool>& interrupted,
        std::shared_ptr<core::Transport> transport = nullptr);

/// Every long option berthctl takes, with its dashes ("--memory"), global ones included: the words core must
/// never use (a test reads core's messages for them).
std::vector<std::string> optionNames();

} // namespace berth::cli
