// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/base/Process.h"
#include "berth/core/base/Result.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace berth::core {

/// Gives the next bytes of an upload: fills at most `max` bytes of `buffer` and says how many, 0 at the end. An
/// Error ends the request with that error (a file that could not be read is not sent cut short).
using BodySource = std::function<Result<std::size_t>(char* buffer, std::size_t max)>;

struct HttpRequest
{
    std::string method = "GET";
    std::string target; ///< path and query, e.g. /v1.41/containers/json?all=1
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    /// An upload read as it goes, instead of `body`: an image archive of gigabytes never sits in memory.
    BodySource bodySource;
    /// The upload's length, sent as Content-Length (a source that ends sooner fails the request); -1 when unknown:
    /// chunked transfer encoding.
    std::int64_t bodySize = -1;
    /// Whole-request limit; zero means none (streams that live as long as the caller wants).
    std::chrono::milliseconds timeout{std::chrono::seconds(60)};
    /// For streams: give up when no byte arrived for this long; zero means wait as long as it takes.
    std::chrono::seconds idleTimeout{0};
    /// Give up when the answer's headers have not arrived after this long, streams included: an engine that
    /// accepts and never answers does not hang anyone. With an upload, counted from the last byte sent.
    std::chrono::seconds headerTimeout{60};
    /// The most a whole (not streamed) body may hold; past it, an error rather than memory without bound.
    std::size_t maxBody = 64u << 20;
};

struct HttpResponse
{
    int status = 0;
    std::map<std::string, std::string> headers; ///< names in lower case
    std::string body;

    std::string header(const std::string& lowerName) const
    {
        auto it = headers.find(lowerName);
        return it == headers.end() ? std::string() : it->second;
    }
};

/// Receives a stream's bytes as they arrive; returns false to end the stream early (not an error).
using ChunkHandler = std::function<bool(std::string_view)>;

/// HTTP/1.1 to one engine. Implementations are safe to call from several threads at once.
class Transport
{
public:
    virtual ~Transport() = default;

    /// One request, whole body in memory.
    virtual Result<HttpResponse> send(const HttpRequest& request) = 0;

    /// A request whose 2xx body is handed to onChunk as it arrives (not kept); a non-2xx body is kept
    /// in the response instead, for the error. `cancel` set to true ends the stream with Cancelled.
    virtual Result<HttpResponse> stream(const HttpRequest& request, const ChunkHandler& onChunk,
                                        const std::atomic<bool>* cancel) = 0;

    /// The endpoint as a person would write it, for messages.
    virtual std::string describe() const = 0;

    /// The machine the engine runs on, when it is another one reached through ssh: where its published ports
    /// are forwarded from and short commands run. Null for an engine whose published ports are this machine's.
    virtual class RemoteHost* remoteHost() { return nullptr; }
};

/// Another machine, reached through the same ssh connection as its engine.
class RemoteHost
{
public:
    virtual ~RemoteHost() = default;
    /// As a person would write it: "me@lab" (or "lab").
    virtual std::string name() const = 0;
    /// A port on the remote's 127.0.0.1 (Jupyter's, published there only), as a port on this machine's
    /// 127.0.0.1, forwarded over the connection; the same local port for the same remote port while Berth runs.
    virtual Result<int> forwardPort(int remotePort) = 0;
    /// Runs a program there (by argument vector; each argument is quoted for the remote shell): its exit code and
    /// what it printed. An error only when ssh itself failed (the connection, ssh's exit code 255).
    virtual Result<ProcessOutput> run(const std::vector<std::string>& argv, std::chrono::milliseconds timeout) = 0;
};

} // namespace berth::core
