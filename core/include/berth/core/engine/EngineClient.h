// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/engine/EngineTypes.h"
#include "berth/core/engine/LogDemuxer.h"
#include "berth/core/engine/PullProgress.h"
#include "berth/core/base/Result.h"
#include "berth/core/engine/Stats.h"
#include "berth/core/engine/Transport.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace berth::core {

struct LogOptions
{
    bool follow = false;
    bool timestamps = false;
    bool stdoutStream = true;
    bool stderrStream = true;
    std::optional<int> tail; ///< last N lines; all when unset
    /// The whole read's limit (not for follow); zero: none.
    std::chrono::milliseconds timeout{0};
};

struct EventOptions
{
    Filters filters;
    /// Only events after this time (Unix nanoseconds); unset = from now.
    std::optional<std::int64_t> sinceNano;
    /// Reconnect (with the last event's time) when the stream drops, until cancelled.
    bool reconnect = true;
};

using PullHandler = std::function<void(const PullProgress&)>;
/// Told after each piece of an upload: bytes sent so far, of `bytesTotal` (-1 when unknown).
using LoadHandler = std::function<void(std::int64_t bytesSent, std::int64_t bytesTotal)>;
using LogHandler = std::function<bool(LogStream, std::string_view)>;
using StatsHandler = std::function<bool(const StatsSample&)>;
using EventHandler = std::function<bool(const Event&)>;
/// Told when an event stream dropped and is about to be tried again.
using DisconnectHandler = std::function<void(const Error&)>;

/// Typed calls to one Docker-compatible engine (Docker Engine API v1.41 and up, Podman's compatible
/// API). Blocking; safe to use from several threads; streams end on `cancel` or when a handler says so.
class EngineClient
{
public:
    static constexpr const char* kFloorApi = "1.41";

    explicit EngineClient(std::shared_ptr<Transport> transport);

    /// Agrees on an API version with the engine (from /_ping, and /version on engines whose minimum may be
    /// above 1.41). Calls do not need it first: they go out as v1.41, which every engine from Docker 20.10
    /// on serves but 29.0-29.2, and negotiate only when the engine refuses that version (one round trip
    /// saved on every command).
    Result<std::string> negotiate();
    std::string endpoint() const { return m_transport->describe(); }
    /// The engine's machine when it is another one reached through ssh (Transport::remoteHost); else null.
    RemoteHost* remoteHost() const { return m_transport->remoteHost(); }

    Result<PingInfo> ping();
    Result<VersionInfo> version();
    Result<EngineInfo> info();

    Result<std::vector<ImageSummary>> listImages(const Filters& filters = {});
    Result<ImageDetails> inspectImage(const std::string& reference);
    Result<void> removeImage(const std::string& reference, bool force = false);
    /// Pulls `reference` (a tag defaults to latest), telling progress after each engine message.
    Result<void> pullImage(const std::string& reference, const PullHandler& onProgress,
                           const std::atomic<bool>* cancel = nullptr, const std::string& registryAuth = {});

    /// An archive of the images (a docker-archive tar, as `docker save` writes it, the same from Docker and Podman),
    /// handed to `onChunk` as it arrives. The result is an error unless the archive came whole: also when onChunk
    /// returned false (what it got is then no archive to keep).
    Result<void> saveImages(const std::vector<std::string>& references, const ChunkHandler& onChunk,
                            const std::atomic<bool>* cancel = nullptr);
    /// Loads an image archive (docker-archive, or OCI on Podman) read from `source` as it is sent; `size` bytes,
    /// or -1 when unknown. Tells bytes sent to `onProgress`; says which images the engine loaded.
    Result<LoadResult> loadImages(const BodySource& source, std::int64_t size, const LoadHandler& onProgress,
                                  const std::atomic<bool>* cancel = nullptr);
    /// The same from a file, opened as itself (a symbolic link, a FIFO or a device is refused).
    Result<LoadResult> loadImagesFromFile(const std::string& path, const LoadHandler& onProgress,
                                          const std::atomic<bool>* cancel = nullptr);

    Result<std::vector<ContainerSummary>> listContainers(bool all = false, const Filters& filters = {});
    /// The same list as the engine's JSON text, untouched (for --json output).
    Result<std::string> listContainersJson(bool all = false, const Filters& filters = {});
    Result<ContainerDetails> inspectContainer(const std::string& idOrName);
    Result<CreatedContainer> createContainer(const std::string& name, const nlohmann::json& body);
    Result<void> startContainer(const std::string& idOrName);
    /// Graceful stop: SIGTERM (or the image's stop signal), SIGKILL after `graceSeconds`.
    Result<void> stopContainer(const std::string& idOrName, int graceSeconds = 10);
    Result<void> killContainer(const std::string& idOrName, const std::string& signal = "SIGKILL");
    Result<void> removeContainer(const std::string& idOrName, bool force = false, bool volumes = false);
    /// Files added, changed or deleted in the container's own layer (not in its mounts).
    Result<std::vector<FileChange>> containerChanges(const std::string& idOrName);
    /// Runs a command in a running container and collects its output (each stream capped at 1 MiB: more is
    /// an error, not a process that grows without bound).
    Result<ExecResult> exec(const std::string& idOrName, const std::vector<std::string>& cmd,
                            std::chrono::milliseconds timeout = std::chrono::seconds(30),
                            const std::atomic<bool>* cancel = nullptr);

    /// A tar stream of `path` in the container (running or not; through its mounts and volumes), handed to
    /// `onChunk` as it arrives; bounded by a deadline.
    Result<void> archive(const std::string& idOrName, const std::string& path, const ChunkHandler& onChunk,
                         const std::atomic<bool>* cancel = nullptr,
                         std::chrono::milliseconds timeout = std::chrono::seconds(60));

    /// Logs, decoded (multiplexed or TTY). With follow, runs until the container stops, cancel, or handler false.
    Result<void> logs(const std::string& idOrName, const LogOptions& options, const LogHandler& onData,
                      const std::atomic<bool>* cancel = nullptr);
    /// One sample with a real CPU figure (the engine waits for two readings, about a second).
    Result<StatsSample> stats(const std::string& idOrName);
    /// One sample at once; CPU reads 0 because there is no earlier reading.
    Result<StatsSample> statsOneShot(const std::string& idOrName);
    /// A sample about every second until cancel or the handler returns false.
    Result<void> streamStats(const std::string& idOrName, const StatsHandler& onSample,
                             const std::atomic<bool>* cancel = nullptr);
    /// Engine events, filtered; reconnects (resuming after the last event seen) unless told not to.
    Result<void> events(const EventOptions& options, const EventHandler& onEvent, const std::atomic<bool>* cancel,
                        const DisconnectHandler& onDisconnect = {});

    /// The API version in use; empty until the first answer.
    std::string apiVersion() const { return m_negotiated.load() ? m_api : std::string(); }

private:
    Result<HttpResponse> call(const std::string& method, const std::string& pathAndQuery,
                              const std::string& body = {},
                              std::chrono::milliseconds timeout = std::chrono::seconds(60));
    Result<HttpResponse> callStream(const std::string& method, const std::string& pathAndQuery,
                                    const ChunkHandler& onChunk, const std::atomic<bool>* cancel,
                                    const std::string& body = {},
                                    const std::vector<std::pair<std::string, std::string>>& headers = {},
                                    std::chrono::milliseconds timeout = std::chrono::milliseconds(0));
    Result<nlohmann::json> callJson(const std::string& method, const std::string& pathAndQuery,
                                    const std::string& body = {});
    Error errorFrom(const HttpResponse& response, const std::string& what) const;
    /// Sends with the agreed version, or optimistically with the floor; negotiates and retries once when the
    /// engine refuses the floor.
    Result<HttpResponse> versioned(HttpRequest request, const std::string& pathAndQuery, const ChunkHandler* onChunk,
                                   const std::atomic<bool>* cancel);

    std::shared_ptr<Transport> m_transport;
    std::mutex m_negotiateMutex;
    std::atomic<bool> m_negotiated{false};
    std::string m_api;
};

/// Percent-encodes a query value.
std::string urlEncode(std::string_view text);
/// Filters as the engine's query parameter: url-encoded JSON, {"label":["k=v"]}.
std::string encodeFilters(const Filters& filters);
/// Compares dotted versions numerically ("1.41" < "1.100"): -1, 0 or 1.
int compareVersions(std::string_view a, std::string_view b);

} // namespace berth::core
