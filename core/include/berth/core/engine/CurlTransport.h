// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/engine/Endpoint.h"
#include "berth/core/engine/Transport.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <vector>

namespace berth::core {

/// The real transport: libcurl over a unix socket or TCP (optionally TLS). Keeps idle easy handles
/// so consecutive requests reuse the connection. curl_global_init must have run (once, in main()).
class CurlTransport final : public Transport
{
public:
    explicit CurlTransport(Endpoint endpoint, std::chrono::milliseconds connectTimeout = std::chrono::seconds(5));
    ~CurlTransport() override;
    CurlTransport(const CurlTransport&) = delete;
    CurlTransport& operator=(const CurlTransport&) = delete;

    Result<HttpResponse> send(const HttpRequest& request) override;
    Result<HttpResponse> stream(const HttpRequest& request, const ChunkHandler& onChunk,
                                const std::atomic<bool>* cancel) override;
    std::string describe() const override { return m_endpoint.display(); }

    const Endpoint& endpoint() const { return m_endpoint; }

private:
    struct Handle;
    std::unique_ptr<Handle> acquire();
    void release(std::unique_ptr<Handle> handle);
    Result<HttpResponse> perform(const HttpRequest& request, const ChunkHandler* onChunk,
                                 const std::atomic<bool>* cancel);

    Endpoint m_endpoint;
    std::chrono::milliseconds m_connectTimeout;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Handle>> m_idle;
};

} // namespace berth::core
