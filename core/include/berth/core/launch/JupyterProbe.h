// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/base/Result.h"

#include <memory>
#include <string>

namespace berth::core {

class Transport;

/// Asks a Jupyter server (classic notebook or jupyter_server) whether it is up and whether a token opens it.
class JupyterProbe
{
public:
    /// A server published on host:port (plain HTTP on loopback).
    JupyterProbe(const std::string& host, int port);
    /// Over another transport (tests).
    explicit JupyterProbe(std::shared_ptr<Transport> transport);

    /// HTTP status of GET /api/status with "Authorization: token <t>": 200 open, 403 wrong token.
    Result<int> status(const std::string& token) const;
    /// GET /api, unauthenticated: the server's version, e.g. "6.4.12". An error with httpStatus set when
    /// something answered but not as Jupyter does (or more than Berth reads).
    Result<std::string> version() const;
    /// Whether anything answers HTTP on the port (GET /api): the version when it is Jupyter's, else "".
    static bool listening(const Result<std::string>& version) { return version.ok() || version.error().httpStatus != 0; }

private:
    std::shared_ptr<Transport> m_transport;
};

} // namespace berth::core
