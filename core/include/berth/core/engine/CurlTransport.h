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

/// libcurl is loaded when first needed, not by the program loader at start (it brings about 25 libraries, about
/// 15 ms). A window calls this before it builds itself: the library then loads on a thread of its own meanwhile,
/// and the first request finds it ready. Without it, the first request loads it.
void preloadHttpLibrary();
/// At the end of main(), once every request has ended: waits for a preload still under way, then cleans libcurl up
/// (curl_global_cleanup) if it was loaded.
void unloadHttpLibrary();

/// The real transport: libcurl over a unix socket or TCP (optionally TLS). Keeps idle easy handles
/// so consecutive requests reuse the connection.
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
    Result<std::unique_ptr<Handle>> acquire();
    void release(std::unique_ptr<Handle> handle);
    Result<HttpResponse> perform(const HttpRequest& request, const ChunkHandler* onChunk,
                                 const std::atomic<bool>* cancel);

    Endpoint m_endpoint;
    std::chrono::milliseconds m_connectTimeout;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Handle>> m_idle;
};

} // namespace berth::core
