// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/engine/Endpoint.h"
#include "berth/core/engine/Transport.h"

#include <chrono>
#include <memory>

namespace berth::core {

/// The transport for an endpoint: libcurl straight to a unix socket or TCP (TLS), or through ssh for ssh://.
/// Nothing is connected until the first request. `sshPersist`: see SshTransport (zero: the connection is the
/// transport's own).
std::shared_ptr<Transport> connectTo(const Endpoint& endpoint,
                                     std::chrono::seconds sshPersist = std::chrono::seconds(0));

} // namespace berth::core
