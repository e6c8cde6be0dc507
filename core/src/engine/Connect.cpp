// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/engine/Connect.h"

#include "berth/core/engine/CurlTransport.h"
#include "berth/core/engine/SshTransport.h"

namespace berth::core {

std::shared_ptr<Transport> connectTo(const Endpoint& endpoint, std::chrono::seconds sshPersist)
{
    if (endpoint.scheme == Endpoint::Scheme::Ssh) {
        return std::make_shared<SshTransport>(endpoint, sshPersist);
    }
    return std::make_shared<CurlTransport>(endpoint);
}

} // namespace berth::core
