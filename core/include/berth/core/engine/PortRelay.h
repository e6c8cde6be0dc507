// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// A port of this machine's 127.0.0.1 that Berth itself holds for as long as it runs, relaying every connection to a
// unix socket (an ssh forward of a notebook's port, in a private folder). Because Berth never lets go of the port,
// no other local user can take it while the ssh connection behind it is down and receive what the notebook pane
// and Berth send there, the token among it; a connection made while ssh is down is simply closed.

#include "berth/core/base/Result.h"

#include <memory>
#include <string>

namespace berth::core {

struct LoopbackSocket
{
    int fd = -1;
    int port = 0;
};
/// A socket on 127.0.0.1 at a free port the kernel chose (listening, or only bound); the caller owns `fd`.
Result<LoopbackSocket> bindLoopback(bool listening);

class PortRelay
{
public:
    /// Listens on 127.0.0.1 (a free port, chosen by the kernel at bind: no window for another to take it).
    static Result<std::unique_ptr<PortRelay>> listen(std::string unixSocket);
    ~PortRelay();
    PortRelay(const PortRelay&) = delete;
    PortRelay& operator=(const PortRelay&) = delete;

    int port() const { return m_port; }

    struct State; ///< shared with the relay's threads, which may outlive it by a moment

private:
    PortRelay(std::shared_ptr<State> state, int port);
    std::shared_ptr<State> m_state;
    int m_port;
};

} // namespace berth::core
