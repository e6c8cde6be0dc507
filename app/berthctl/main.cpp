// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// berthctl: Berth on the command line. Everything but the process's own set-up is ui/cli (tested in-process).

#include "cli/Cli.h"
#include "berth/core/engine/CurlTransport.h"

#include "berth/core/base/Token.h"


#include <atomic>
#include <csignal>
#include <cstdlib>

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int)
{
    if (g_interrupted.load()) {
        std::_Exit(130); // a second Ctrl-C: leave at once
    }
    g_interrupted.store(true);
}

} // namespace

int main(int argc, char** argv)
{
    berth::core::protectSecretsInMemory();
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    std::signal(SIGPIPE, SIG_IGN);
    const int rc = berth::cli::run({argv + 1, argv + argc}, g_interrupted);
    berth::core::unloadHttpLibrary(); // libcurl was loaded by the first request, if any
    return rc;
}
