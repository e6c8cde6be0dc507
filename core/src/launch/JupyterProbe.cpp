// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/launch/JupyterProbe.h"

#include "base/JsonAccess.h"
#include "berth/core/engine/CurlTransport.h"

namespace berth::core {

using namespace std::chrono_literals;

JupyterProbe::JupyterProbe(const std::string& host, int port)
{
    Endpoint ep;
    ep.scheme = Endpoint::Scheme::Tcp;
    ep.host = host;
    ep.port = port;
    m_transport = std::make_shared<CurlTransport>(ep, 2s);
}

JupyterProbe::JupyterProbe(std::shared_ptr<Transport> transport) : m_transport(std::move(transport)) {}

Result<int> JupyterProbe::status(const std::string& token) const
{
    HttpRequest req;
    req.target = "/api/status";
    req.timeout = 5s;
    req.maxBody = 64 * 1024; // whatever listens on the port decides what it sends: a status page is small
    req.headers.emplace_back("Authorization", "token " + token);
    auto r = m_transport->send(req);
    if (!r) {
        return r.error();
    }
    return r->status;
}

Result<std::string> JupyterProbe::version() const
{
    HttpRequest req;
    req.target = "/api";
    req.timeout = 5s;
    req.maxBody = 64 * 1024;
    auto r = m_transport->send(req);
    if (!r) {
        return r.error();
    }
    auto j = jread::parse(r->body);
    if (r->status != 200 || !j) {
        Error e = makeError(ErrorKind::Engine, "The server at this port does not look like Jupyter (GET /api gave " +
                                                   std::to_string(r->status) + ").");
        e.httpStatus = r->status;
        return e;
    }
    return jread::str(*j, "version");
}

} // namespace berth::core
