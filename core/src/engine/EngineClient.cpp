// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/engine/EngineClient.h"

#include "base/JsonAccess.h"
#include "base/Text.h"
#include "berth/core/base/ImageReference.h"
#include "berth/core/base/JsonLineSplitter.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <set>
#include <thread>

namespace berth::core {

using namespace std::chrono_literals;
using nlohmann::json;

namespace {
// Engines from this API on may refuse 1.41 (29.0-29.2 accept 1.44 and up): ask /version for the minimum.
constexpr const char* kAskMinimumFrom = "1.52";

std::string boolParam(bool b)
{
    return b ? "1" : "0";
}

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) {
        s.pop_back();
    }
    return s;
}

std::string nanoTimeParam(std::int64_t nanos)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%lld.%09lld", static_cast<long long>(nanos / 1000000000),
                  static_cast<long long>(nanos % 1000000000));
    return buf;
}

bool cancelled(const std::atomic<bool>* cancel)
{
    return cancel && cancel->load();
}

std::string joined(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

// A hostile engine could name images without end: past this, the answer is not read further.
constexpr std::size_t kMaxLoadedNames = 1u << 20;

// The end of a save stream, kept to check that the archive is whole: a tar ends with two zero blocks, and Docker
// appends its error as JSON when it fails after the first byte went out.
constexpr std::size_t kArchiveTail = 8192;

// Podman writes a whole archive to a file of its own before the first byte of a save, and stores a whole archive
// before it answers a load: some 40 MB/s on the test bed, so minutes for a CUDA image of gigabytes.
constexpr std::chrono::seconds kArchiveWait{1800};

bool archiveComplete(std::string_view tail, std::int64_t total)
{
    if (total < 1024 || total % 512 != 0 || tail.size() < 1024) {
        return false;
    }
    const auto end = tail.substr(tail.size() - 1024);
    return end.find_first_not_of('\0') == std::string_view::npos;
}

/// The engine's error inside a stream (`errorDetail` or `error`), empty when it is no error.
std::string streamError(const json& message)
{
    std::string error = jread::str(jread::path(message, {"errorDetail"}), "message");
    return error.empty() ? jread::str(message, "error") : error;
}

/// Words the engine uses when what it was given is no image archive (Docker mid-stream, Podman in a 500).
bool notAnArchive(const std::string& engineMessage)
{
    for (const char* says : {"archive/tar", "tar file", "payload does not match", "unexpected EOF", "manifest.json"}) {
        if (engineMessage.find(says) != std::string::npos) {
            return true;
        }
    }
    return false;
}
} // namespace

std::string urlEncode(std::string_view text)
{
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

std::string encodeFilters(const Filters& filters)
{
    json j = json::object();
    for (const auto& [key, values] : filters) {
        j[key] = values;
    }
    return urlEncode(j.dump(-1, ' ', false, json::error_handler_t::replace));
}

int compareVersions(std::string_view a, std::string_view b)
{
    while (!a.empty() || !b.empty()) {
        auto take = [](std::string_view& s) {
            long v = 0;
            auto dot = s.find('.');
            auto part = s.substr(0, dot);
            std::from_chars(part.data(), part.data() + part.size(), v);
            s = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
            return v;
        };
        long x = take(a), y = take(b);
        if (x != y) {
            return x < y ? -1 : 1;
        }
    }
    return 0;
}

EngineClient::EngineClient(std::shared_ptr<Transport> transport) : m_transport(std::move(transport)) {}

Result<std::string> EngineClient::negotiate()
{
    if (m_negotiated.load()) {
        return m_api;
    }
    std::lock_guard lock(m_negotiateMutex);
    if (m_negotiated.load()) {
        return m_api;
    }
    HttpRequest req;
    req.target = "/_ping";
    req.timeout = 15s;
    auto r = m_transport->send(req);
    if (!r) {
        return r.error();
    }
    if (r->status != 200) {
        return errorFrom(*r, "Asking the engine at " + endpoint() + " for its API version");
    }
    std::string served = r->header("api-version");
    std::string minimum;
    if (served.empty() || compareVersions(served, kAskMinimumFrom) >= 0) {
        req.target = "/version";
        auto v = m_transport->send(req);
        if (!v) {
            return v.error();
        }
        auto j = jread::parse(v->body);
        if (v->status != 200 || !j) {
            return errorFrom(*v, "Asking the engine at " + endpoint() + " for its version");
        }
        auto info = VersionInfo::fromJson(*j);
        if (served.empty()) {
            served = info.apiVersion;
        }
        minimum = info.minApiVersion;
    }
    if (served.empty() || compareVersions(served, kFloorApi) < 0) {
        return makeError(ErrorKind::Unsupported,
                         "The engine at " + endpoint() + " speaks Docker API " + (served.empty() ? "?" : served) +
                             "; Berth needs " + kFloorApi +
                             " or newer (Docker 20.10 or later, Podman 3 or later). Update the engine.");
    }
    std::string chosen = kFloorApi;
    if (!minimum.empty() && compareVersions(minimum, chosen) > 0) {
        chosen = minimum;
    }
    if (compareVersions(chosen, served) > 0) {
        chosen = served;
    }
    m_api = chosen;
    m_negotiated.store(true);
    return m_api;
}

Error EngineClient::errorFrom(const HttpResponse& response, const std::string& what) const
{
    Error e;
    e.httpStatus = response.status;
    auto j = jread::parse(response.body);
    e.engineMessage = j ? jread::str(*j, "message") : std::string();
    if (e.engineMessage.empty()) {
        e.engineMessage = trimmed(response.body.substr(0, 2000));
    }
    switch (response.status) {
    case 400:
        e.kind = ErrorKind::BadInput;
        break;
    case 404:
        e.kind = ErrorKind::NotFound;
        break;
    case 409:
        e.kind = ErrorKind::Conflict;
        break;
    default:
        e.kind = ErrorKind::Engine;
        break;
    }
    // Podman answers some conflicts with 500 and says which in "cause": a name in use, a container in the
    // wrong state (removing a running one, killing a stopped one).
    const std::string cause = j ? jread::str(*j, "cause") : std::string();
    if (response.status == 500 &&
        (cause.find("already in use") != std::string::npos || cause.find("container state improper") != std::string::npos)) {
        e.kind = ErrorKind::Conflict;
    }
    e.message = what + " failed: " + (e.engineMessage.empty() ? "HTTP status " + std::to_string(response.status)
                                                              : e.engineMessage);
    if (!e.message.ends_with(".")) {
        e.message += ".";
    }
    return e;
}

Result<HttpResponse> EngineClient::versioned(HttpRequest req, const std::string& pathAndQuery,
                                             const ChunkHandler* onChunk, const std::atomic<bool>* cancel)
{
    auto send = [&](const std::string& api) {
        req.target = "/v" + api + pathAndQuery;
        return onChunk ? m_transport->stream(req, *onChunk, cancel) : m_transport->send(req);
    };
    if (m_negotiated.load()) {
        return send(m_api);
    }
    auto r = send(kFloorApi);
    if (!r) {
        return r;
    }
    // "client version 1.41 is too old/new" (400): the engine wants another version.
    if (r->status == 400 && r->body.find("client version") != std::string::npos) {
        auto api = negotiate();
        if (!api) {
            return api.error();
        }
        return send(*api);
    }
    std::lock_guard lock(m_negotiateMutex);
    if (!m_negotiated.load()) {
        m_api = kFloorApi;
        m_negotiated.store(true);
    }
    return r;
}

Result<HttpResponse> EngineClient::call(const std::string& method, const std::string& pathAndQuery,
                                        const std::string& body, std::chrono::milliseconds timeout)
{
    HttpRequest req;
    req.method = method;
    req.timeout = timeout;
    if (!body.empty()) {
        req.headers.emplace_back("Content-Type", "application/json");
        req.body = body;
    }
    return versioned(std::move(req), pathAndQuery, nullptr, nullptr);
}

Result<HttpResponse> EngineClient::callStream(const std::string& method, const std::string& pathAndQuery,
                                              const ChunkHandler& onChunk, const std::atomic<bool>* cancel,
                                              const std::string& body,
                                              const std::vector<std::pair<std::string, std::string>>& headers,
                                              std::chrono::milliseconds timeout)
{
    HttpRequest req;
    req.method = method;
    req.timeout = timeout;
    req.headers = headers;
    if (!body.empty()) {
        req.headers.emplace_back("Content-Type", "application/json");
        req.body = body;
    }
    return versioned(std::move(req), pathAndQuery, &onChunk, cancel);
}

Result<json> EngineClient::callJson(const std::string& method, const std::string& pathAndQuery,
                                    const std::string& body)
{
    auto r = call(method, pathAndQuery, body);
    if (!r) {
        return r.error();
    }
    if (r->status < 200 || r->status >= 300) {
        return errorFrom(*r, method + " " + pathAndQuery);
    }
    auto j = jread::parse(r->body);
    if (!j) {
        Error e = makeError(ErrorKind::Engine, "The engine at " + endpoint() + " answered " + pathAndQuery +
                                                   " with something that is not JSON.");
        e.engineMessage = r->body.substr(0, 200);
        e.httpStatus = r->status;
        return e;
    }
    return std::move(*j);
}

Result<PingInfo> EngineClient::ping()
{
    HttpRequest req;
    req.target = "/_ping";
    req.timeout = 15s;
    auto r = m_transport->send(req);
    if (!r) {
        return r.error();
    }
    if (r->status != 200) {
        return errorFrom(*r, "Pinging the engine at " + endpoint());
    }
    return PingInfo{r->header("api-version"), r->header("ostype"), r->header("server")};
}

Result<VersionInfo> EngineClient::version()
{
    auto j = callJson("GET", "/version");
    if (!j) {
        return j.error();
    }
    return VersionInfo::fromJson(*j);
}

Result<EngineInfo> EngineClient::info()
{
    auto j = callJson("GET", "/info");
    if (!j) {
        return j.error();
    }
    return EngineInfo::fromJson(*j);
}

Result<std::vector<ImageSummary>> EngineClient::listImages(const Filters& filters)
{
    std::string q = "/images/json";
    if (!filters.empty()) {
        q += "?filters=" + encodeFilters(filters);
    }
    auto j = callJson("GET", q);
    if (!j) {
        return j.error();
    }
    std::vector<ImageSummary> out;
    if (j->is_array()) {
        for (const auto& e : *j) {
            out.push_back(ImageSummary::fromJson(e));
        }
    }
    return out;
}

Result<ImageDetails> EngineClient::inspectImage(const std::string& reference)
{
    auto r = call("GET", "/images/" + urlEncode(reference) + "/json");
    if (!r) {
        return r.error();
    }
    if (r->status == 404) {
        Error e = errorFrom(*r, "Looking up image " + reference);
        e.message = "The image " + reference + " is not on this engine.";
        e.with(RemedyKind::PullImage, {reference});
        return e;
    }
    if (r->status != 200) {
        return errorFrom(*r, "Inspecting image " + reference);
    }
    auto j = jread::parse(r->body);
    if (!j) {
        return makeError(ErrorKind::Engine, "The engine's description of " + reference + " is not JSON.");
    }
    return ImageDetails::fromJson(*j);
}

Result<void> EngineClient::removeImage(const std::string& reference, bool force)
{
    auto r = call("DELETE", "/images/" + urlEncode(reference) + "?force=" + boolParam(force));
    if (!r) {
        return r.error();
    }
    if (r->status != 200) {
        Error e = errorFrom(*r, "Removing image " + reference);
        if (r->status == 409) {
            e.message += " Remove the containers that use it first, or force it.";
        }
        return e;
    }
    return {};
}

Result<void> EngineClient::pullImage(const std::string& reference, const PullHandler& onProgress,
                                     const std::atomic<bool>* cancel, const std::string& registryAuth)
{
    const auto ref = ImageReference::parse(reference);
    if (!ref) {
        return ref.error();
    }
    // A pinned reference travels whole, which the API reads as a pull by digest (a tag written with the digest is
    // dropped, as the docker CLI drops it). Otherwise the tag goes apart; none at all would pull every tag.
    const std::string image = ref->pinned() ? ref->name() + "@" + ref->digest : ref->name();
    std::string q = "/images/create?fromImage=" + urlEncode(image);
    if (!ref->pinned()) {
        q += "&tag=" + urlEncode(ref->tagOrLatest());
    }
    PullProgress progress;
    std::optional<Error> failure;
    JsonLineSplitter splitter([&](std::string_view doc) {
        auto j = jread::parse(doc);
        if (!j) {
            return true; // not a progress message; keep going
        }
        if (auto err = progress.apply(*j)) {
            failure = err;
            return false;
        }
        if (onProgress) {
            onProgress(progress);
        }
        return true;
    });
    std::vector<std::pair<std::string, std::string>> headers;
    if (!registryAuth.empty()) {
        headers.emplace_back("X-Registry-Auth", registryAuth);
    }
    HttpRequest req;
    req.method = "POST";
    req.timeout = 0ms;
    req.idleTimeout = 300s; // a registry that sends nothing for five minutes is not coming back
    req.headers = headers;
    ChunkHandler feed = [&](std::string_view c) { return splitter.feed(c); };
    auto r = versioned(std::move(req), q, &feed, cancel);
    if (!r) {
        return r.error();
    }
    if (r->status != 200) {
        Error e = errorFrom(*r, "Pulling " + reference);
        const auto& said = e.engineMessage;
        if (said.find("dial tcp") != std::string::npos || said.find("no such host") != std::string::npos ||
            said.find("i/o timeout") != std::string::npos) {
            e.message += " The engine could not reach the registry: check its network and proxy settings, or "
                         "load the image from a file.";
        }
        if (r->status == 404) {
            e.kind = ErrorKind::NotFound;
            e.message = "The registry has no image " + reference + ", or needs a login for it. Check the name and tag.";
        }
        return e;
    }
    if (!failure) {
        splitter.finish();
    }
    if (failure) {
        Error e = *failure;
        e.message = "Pulling " + reference + " failed: " + e.engineMessage;
        return e;
    }
    progress.finish(reference);
    if (onProgress) {
        onProgress(progress);
    }
    return {};
}

Result<void> EngineClient::saveImages(const std::vector<std::string>& references, const ChunkHandler& onChunk,
                                      const std::atomic<bool>* cancel)
{
    if (references.empty()) {
        return makeError(ErrorKind::BadInput, "Name at least one image to save.");
    }
    std::string q = "/images/get";
    for (const auto& reference : references) {
        if (reference.empty()) {
            return makeError(ErrorKind::BadInput, "An empty image name cannot be saved: name each image by its "
                                                  "reference (repository:tag) or its id.");
        }
        // Repeated names: Docker and Podman (4.3 on) put every image into one archive.
        q += (q.find('?') == std::string::npos ? "?names=" : "&names=") + urlEncode(reference);
    }
    const std::string what = joined(references);
    std::int64_t total = 0;
    std::string tail;
    bool stopped = false;
    ChunkHandler feed = [&](std::string_view chunk) {
        total += static_cast<std::int64_t>(chunk.size());
        if (chunk.size() >= kArchiveTail) {
            tail.assign(chunk.substr(chunk.size() - kArchiveTail));
        } else {
            tail.append(chunk);
            if (tail.size() > 2 * kArchiveTail) {
                tail.erase(0, tail.size() - kArchiveTail);
            }
        }
        if (!onChunk(chunk)) {
            stopped = true;
            return false;
        }
        return true;
    };
    HttpRequest req;
    req.timeout = 0ms; // gigabytes over a slow link take what they take; cancel ends it
    req.headerTimeout = kArchiveWait;
    auto r = versioned(std::move(req), q, &feed, cancel);
    if (!r) {
        return r.error();
    }
    if (r->status != 200) {
        Error e = errorFrom(*r, "Saving " + what);
        // Docker: 404 "reference does not exist" (not saying which); Podman: 500 "<name>: image not known".
        if (r->status == 404 || e.engineMessage.find("image not known") != std::string::npos ||
            e.engineMessage.find("No such image") != std::string::npos) {
            e.kind = ErrorKind::NotFound;
            if (references.size() == 1) {
                e.message = "The image " + what + " is not on this engine.";
                e.with(RemedyKind::PullImage, {references.front()});
            } else {
                e.message = "Not all of " + what + " are on this engine; nothing was saved. Check the names with the "
                            "engine's image list.";
            }
        }
        return e;
    }
    if (stopped) {
        return makeError(ErrorKind::Cancelled,
                         "Saving " + what + " stopped before the archive was complete: what was written is not an "
                                            "archive to keep.");
    }
    if (!archiveComplete(tail, total)) {
        Error e = makeError(ErrorKind::Engine, "The engine at " + endpoint() + " stopped sending the archive of " +
                                                   what + " before its end (" + std::to_string(total) +
                                                   " bytes came): what was written is not an archive to keep.");
        auto brace = tail.rfind("{\"errorDetail\"");
        if (brace == std::string::npos) {
            brace = tail.rfind("{\"error\"");
        }
        if (brace != std::string::npos) {
            if (auto j = jread::parse(std::string_view(tail).substr(brace)); j && !streamError(*j).empty()) {
                e.engineMessage = streamError(*j);
                e.message = "Saving " + what + " failed: " + e.engineMessage + ". What was written is not an "
                                                                              "archive to keep.";
            }
        }
        return e;
    }
    return {};
}

Result<LoadResult> EngineClient::loadImages(const BodySource& source, std::int64_t size, const LoadHandler& onProgress,
                                            const std::atomic<bool>* cancel)
{
    if (!source) {
        return makeError(ErrorKind::BadInput, "Nothing to load: give an image archive to read.");
    }
    // An upload cannot go out twice: agree on the API version first rather than by a refused try.
    if (auto api = negotiate(); !api) {
        return api.error();
    }
    LoadResult result;
    std::size_t namesBytes = 0;
    std::optional<Error> failure;
    JsonLineSplitter splitter([&](std::string_view doc) {
        auto j = jread::parse(doc);
        if (!j) {
            return true; // not a message of the engine's; keep going
        }
        if (const std::string error = streamError(*j); !error.empty()) {
            Error e = makeError(notAnArchive(error) ? ErrorKind::BadInput : ErrorKind::Engine,
                                "Loading the image archive failed: " + trimmed(error) + ".");
            e.engineMessage = error;
            failure = std::move(e);
            return false;
        }
        // Docker: one line per image, "Loaded image: x:1" or "Loaded image ID: sha256:..." for one without a tag.
        // Podman: one line for all, "Loaded image: a:1,b:2" (ids for images without a tag, no "ID").
        const std::string said = trimmed(jread::str(*j, "stream"));
        for (const std::string_view prefix : {"Loaded image ID: ", "Loaded image: "}) {
            if (!said.starts_with(prefix)) {
                continue;
            }
            for (const auto& name : text::split(std::string_view(said).substr(prefix.size()), ',')) {
                if (auto n = text::trim(name); !n.empty()) {
                    namesBytes += n.size();
                    result.loaded.push_back(std::move(n));
                }
            }
            break;
        }
        if (namesBytes > kMaxLoadedNames) {
            failure = makeError(ErrorKind::Engine, "The engine at " + endpoint() + " named more loaded images than "
                                                   "Berth reads (1 MiB of names); its answer was not read further.");
            return false;
        }
        return true;
    });
    std::int64_t sent = 0;
    HttpRequest req;
    req.method = "POST";
    req.timeout = 0ms;
    req.headerTimeout = kArchiveWait; // counted from the last byte sent
    req.headers.emplace_back("Content-Type", "application/x-tar");
    req.bodySize = size;
    req.bodySource = [&](char* buffer, std::size_t max) -> Result<std::size_t> {
        auto n = source(buffer, max);
        if (n && *n > 0) {
            sent += static_cast<std::int64_t>(*n);
            if (onProgress) {
                onProgress(sent, size);
            }
        }
        return n;
    };
    ChunkHandler feed = [&](std::string_view chunk) { return splitter.feed(chunk); };
    // quiet=0: Docker tells each layer as it stores it, so the answer flows while a large archive is stored.
    auto r = versioned(std::move(req), "/images/load?quiet=0", &feed, cancel);
    if (r && r->status == 200 && !failure) {
        splitter.finish();
    }
    if (failure) {
        // The engine's words, also when the connection broke after them (an engine may stop reading what it refused).
        Error e = *failure;
        if (!result.loaded.empty()) {
            e.message += " Loaded before that: " + joined(result.loaded) + ".";
        }
        if (e.kind == ErrorKind::BadInput) {
            e.message += " Check that the file is a whole image archive (as docker save or podman save write "
                         "them); a copy cut short reads like this.";
        }
        return e;
    }
    if (!r) {
        Error e = r.error();
        if (!result.loaded.empty()) {
            e.message += " Loaded before that: " + joined(result.loaded) + ".";
        }
        return e;
    }
    if (r->status != 200) {
        Error e = errorFrom(*r, "Loading the image archive");
        if (notAnArchive(e.engineMessage)) {
            e.kind = ErrorKind::BadInput;
            e.message = "The engine at " + endpoint() + " found no image archive it reads in what it was sent. Check "
                        "that the file is a whole image archive (as docker save or podman save write them); a copy "
                        "cut short reads like this.";
        }
        return e;
    }
    if (result.loaded.empty()) {
        return makeError(ErrorKind::Engine, "The engine at " + endpoint() + " took the archive but did not say "
                                            "which images it loaded (its answer ended early). Look for them in "
                                            "its image list.");
    }
    return result;
}

Result<LoadResult> EngineClient::loadImagesFromFile(const std::string& path, const LoadHandler& onProgress,
                                                    const std::atomic<bool>* cancel)
{
    // O_NONBLOCK: a FIFO put where the archive should be does not hang the open; it is refused below.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        const int err = errno;
        if (err == ENOENT) {
            return makeError(ErrorKind::NotFound, "There is no image archive at " + path + ".");
        }
        if (err == ELOOP) {
            return makeError(ErrorKind::BadInput, path + " is a symbolic link; give the path of the archive itself.");
        }
        return makeError(ErrorKind::Io, path + " cannot be read (" + std::strerror(err) + ").");
    }
    struct Closer
    {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        return makeError(ErrorKind::BadInput, path + " is not a file; give the path of an image archive.");
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    BodySource source = [&](char* buffer, std::size_t max) -> Result<std::size_t> {
        for (;;) {
            const ssize_t n = ::read(fd, buffer, max);
            if (n >= 0) {
                return static_cast<std::size_t>(n);
            }
            if (errno != EINTR) {
                return makeError(ErrorKind::Io, "Reading " + path + " failed (" + std::strerror(errno) +
                                                    "); nothing more was sent to the engine.");
            }
        }
    };
    return loadImages(source, static_cast<std::int64_t>(st.st_size), onProgress, cancel);
}

Result<std::string> EngineClient::listContainersJson(bool all, const Filters& filters)
{
    std::string q = "/containers/json?all=" + boolParam(all);
    if (!filters.empty()) {
        q += "&filters=" + encodeFilters(filters);
    }
    auto r = call("GET", q);
    if (!r) {
        return r.error();
    }
    if (r->status != 200) {
        return errorFrom(*r, "Listing containers");
    }
    return std::move(r->body);
}

Result<std::vector<ContainerSummary>> EngineClient::listContainers(bool all, const Filters& filters)
{
    auto text = listContainersJson(all, filters);
    if (!text) {
        return text.error();
    }
    auto j = jread::parse(*text);
    if (!j) {
        return makeError(ErrorKind::Engine, "The engine's container list is not JSON.");
    }
    std::vector<ContainerSummary> out;
    if (j->is_array()) {
        out.reserve(j->size());
        for (const auto& e : *j) {
            out.push_back(ContainerSummary::fromJson(e));
        }
    }
    return out;
}

Result<ContainerDetails> EngineClient::inspectContainer(const std::string& idOrName)
{
    auto r = call("GET", "/containers/" + urlEncode(idOrName) + "/json");
    if (!r) {
        return r.error();
    }
    if (r->status == 404) {
        Error e = errorFrom(*r, "Looking up container " + idOrName);
        e.message = "No container named " + idOrName + " on this engine.";
        e.with(RemedyKind::ListContainers);
        return e;
    }
    if (r->status != 200) {
        return errorFrom(*r, "Inspecting container " + idOrName);
    }
    auto j = jread::parse(r->body);
    if (!j) {
        return makeError(ErrorKind::Engine, "The engine's description of container " + idOrName + " is not JSON.");
    }
    return ContainerDetails::fromJson(*j);
}

Result<CreatedContainer> EngineClient::createContainer(const std::string& name, const json& body)
{
    std::string q = "/containers/create";
    if (!name.empty()) {
        q += "?name=" + urlEncode(name);
    }
    auto r = call("POST", q, body.dump(-1, ' ', false, json::error_handler_t::replace));
    if (!r) {
        return r.error();
    }
    if (r->status != 201) {
        Error e = errorFrom(*r, "Creating container " + name);
        if (e.kind == ErrorKind::Conflict) {
            e.message = "A container named " + name + " already exists.";
            e.with(RemedyKind::ChooseName).with(RemedyKind::RemoveContainer, {name});
        } else if (r->status == 404) {
            e.message = "The image " + jread::str(body, "Image") + " is not on this engine.";
            e.with(RemedyKind::PullImage, {jread::str(body, "Image")});
        }
        return e;
    }
    auto j = jread::parse(r->body);
    CreatedContainer c;
    if (j) {
        c.id = jread::str(*j, "Id");
        c.warnings = jread::strings(*j, "Warnings");
    }
    if (c.id.empty()) {
        return makeError(ErrorKind::Engine, "The engine created a container but did not say its id.");
    }
    return c;
}

Result<void> EngineClient::startContainer(const std::string& idOrName)
{
    auto r = call("POST", "/containers/" + urlEncode(idOrName) + "/start", {}, 120s);
    if (!r) {
        return r.error();
    }
    if (r->status != 204 && r->status != 304) {
        return errorFrom(*r, "Starting container " + idOrName);
    }
    return {};
}

Result<void> EngineClient::stopContainer(const std::string& idOrName, int graceSeconds)
{
    graceSeconds = std::max(0, graceSeconds);
    auto r = call("POST", "/containers/" + urlEncode(idOrName) + "/stop?t=" + std::to_string(graceSeconds), {},
                  std::chrono::seconds(graceSeconds + 30));
    if (!r) {
        return r.error();
    }
    if (r->status != 204 && r->status != 304) {
        return errorFrom(*r, "Stopping container " + idOrName);
    }
    return {};
}

Result<void> EngineClient::killContainer(const std::string& idOrName, const std::string& signal)
{
    auto r = call("POST", "/containers/" + urlEncode(idOrName) + "/kill?signal=" + urlEncode(signal));
    if (!r) {
        return r.error();
    }
    if (r->status != 204) {
        return errorFrom(*r, "Killing container " + idOrName);
    }
    return {};
}

Result<void> EngineClient::removeContainer(const std::string& idOrName, bool force, bool volumes)
{
    auto r = call("DELETE", "/containers/" + urlEncode(idOrName) + "?force=" + boolParam(force) +
                                "&v=" + boolParam(volumes));
    if (!r) {
        return r.error();
    }
    if (r->status != 204 && r->status != 200) {
        Error e = errorFrom(*r, "Removing container " + idOrName);
        if (e.kind == ErrorKind::Conflict) {
            e.message = "Container " + idOrName + " is running.";
            e.with(RemedyKind::StopContainer, {idOrName});
        }
        return e;
    }
    return {};
}

Result<std::vector<FileChange>> EngineClient::containerChanges(const std::string& idOrName)
{
    auto j = callJson("GET", "/containers/" + urlEncode(idOrName) + "/changes");
    if (!j) {
        return j.error();
    }
    std::vector<FileChange> out;
    if (j->is_array()) {
        for (const auto& e : *j) {
            auto kind = jread::i64(e, "Kind");
            out.push_back({kind == 1 ? FileChange::Kind::Added
                                     : (kind == 2 ? FileChange::Kind::Deleted : FileChange::Kind::Modified),
                           jread::str(e, "Path")});
        }
    }
    return out;
}

Result<ExecResult> EngineClient::exec(const std::string& idOrName, const std::vector<std::string>& cmd,
                                      std::chrono::milliseconds timeout, const std::atomic<bool>* cancel)
{
    json body = {{"AttachStdout", true}, {"AttachStderr", true}, {"Tty", false}, {"Cmd", cmd}};
    auto created = callJson("POST", "/containers/" + urlEncode(idOrName) + "/exec",
                            body.dump(-1, ' ', false, json::error_handler_t::replace));
    if (!created) {
        return created.error();
    }
    const std::string execId = jread::str(*created, "Id");
    if (execId.empty()) {
        return makeError(ErrorKind::Engine, "The engine did not say the id of the command it set up.");
    }
    ExecResult result;
    constexpr std::size_t kMaxOutput = 1u << 20;
    bool tooMuch = false;
    LogDemuxer demux(false, [&](LogStream s, std::string_view d) {
        std::string& out = s == LogStream::Stderr ? result.err : result.out;
        if (out.size() + d.size() > kMaxOutput) {
            tooMuch = true;
            return;
        }
        out.append(d);
    });
    HttpRequest req;
    req.method = "POST";
    req.timeout = timeout;
    req.headers.emplace_back("Content-Type", "application/json");
    req.body = R"({"Detach":false,"Tty":false})";
    ChunkHandler feed = [&](std::string_view c) {
        demux.feed(c);
        return !tooMuch;
    };
    auto r = versioned(std::move(req), "/exec/" + execId + "/start", &feed, cancel);
    if (tooMuch) {
        return makeError(ErrorKind::Engine, "A command in " + idOrName + " printed more than 1 MiB; its output was "
                                            "not read further.");
    }
    if (!r) {
        return r.error();
    }
    if (r->status != 200 && r->status != 101) {
        return errorFrom(*r, "Running a command in " + idOrName);
    }
    auto inspected = callJson("GET", "/exec/" + execId + "/json");
    if (!inspected) {
        return inspected.error();
    }
    result.exitCode = static_cast<int>(jread::i64(*inspected, "ExitCode", -1));
    return result;
}

Result<void> EngineClient::logs(const std::string& idOrName, const LogOptions& options, const LogHandler& onData,
                                const std::atomic<bool>* cancel)
{
    auto details = inspectContainer(idOrName);
    if (!details) {
        return details.error();
    }
    std::string q = "/containers/" + details->id + "/logs?stdout=" + boolParam(options.stdoutStream) +
                    "&stderr=" + boolParam(options.stderrStream) + "&follow=" + boolParam(options.follow) +
                    "&timestamps=" + boolParam(options.timestamps);
    if (options.tail) {
        q += "&tail=" + std::to_string(*options.tail);
    }
    bool stop = false;
    LogDemuxer demux(details->tty, [&](LogStream s, std::string_view d) {
        if (!stop && !onData(s, d)) {
            stop = true;
        }
    });
    auto r = callStream("GET", q, [&](std::string_view c) {
        demux.feed(c);
        return !stop;
    }, cancel, {}, {}, options.follow ? 0ms : options.timeout);
    if (!r) {
        Error e = r.error();
        if (options.follow && (e.kind == ErrorKind::Io || e.kind == ErrorKind::EngineUnreachable)) {
            // The connection broke mid-stream: most often the engine restarted.
            e.kind = ErrorKind::EngineUnreachable;
            e.message = "The engine at " + endpoint() + " stopped sending the log of " + details->name +
                        " (it may have restarted). Follow it again once the engine answers.";
        }
        return e;
    }
    if (r->status != 200) {
        return errorFrom(*r, "Reading the log of " + idOrName);
    }
    return {};
}

Result<void> EngineClient::archive(const std::string& idOrName, const std::string& path, const ChunkHandler& onChunk,
                                   const std::atomic<bool>* cancel, std::chrono::milliseconds timeout)
{
    auto r = callStream("GET", "/containers/" + urlEncode(idOrName) + "/archive?path=" + urlEncode(path), onChunk,
                        cancel, {}, {}, timeout);
    if (!r) {
        return r.error();
    }
    if (r->status != 200) {
        return errorFrom(*r, "Reading " + path + " in " + idOrName);
    }
    return {};
}

Result<StatsSample> EngineClient::stats(const std::string& idOrName)
{
    auto j = callJson("GET", "/containers/" + urlEncode(idOrName) + "/stats?stream=0");
    if (!j) {
        return j.error();
    }
    return computeStats(*j);
}

Result<StatsSample> EngineClient::statsOneShot(const std::string& idOrName)
{
    auto j = callJson("GET", "/containers/" + urlEncode(idOrName) + "/stats?stream=0&one-shot=1");
    if (!j) {
        return j.error();
    }
    return computeStats(*j);
}

Result<void> EngineClient::streamStats(const std::string& idOrName, const StatsHandler& onSample,
                                       const std::atomic<bool>* cancel)
{
    JsonLineSplitter splitter([&](std::string_view doc) {
        auto j = jread::parse(doc);
        return !j || onSample(computeStats(*j));
    });
    auto r = callStream("GET", "/containers/" + urlEncode(idOrName) + "/stats?stream=1",
                        [&](std::string_view c) { return splitter.feed(c); }, cancel);
    if (!r) {
        return r.error();
    }
    if (r->status != 200) {
        return errorFrom(*r, "Reading the resource use of " + idOrName);
    }
    return {};
}

Result<void> EngineClient::events(const EventOptions& options, const EventHandler& onEvent,
                                  const std::atomic<bool>* cancel, const DisconnectHandler& onDisconnect)
{
    std::optional<std::int64_t> since = options.sinceNano;
    // Resuming asks for events from the last one's time on; engines resend what they have from then (Podman
    // from the start of that second), so what was delivered already is recognised and not delivered twice.
    std::int64_t lastNano = 0;
    std::set<std::string> deliveredAtLast;
    auto backoff = 500ms;
    for (;;) {
        const auto connectedAt = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count();
        std::string q = "/events?";
        if (since) {
            q += "since=" + nanoTimeParam(*since) + "&";
        }
        if (!options.filters.empty()) {
            q += "filters=" + encodeFilters(options.filters);
        }
        bool stopped = false;
        bool sawEvent = false;
        JsonLineSplitter splitter([&](std::string_view doc) {
            auto j = jread::parse(doc);
            if (!j) {
                return true;
            }
            Event e = Event::fromJson(*j);
            if (e.timeNano > 0) {
                const std::string key = e.type + "/" + e.action + "/" + e.actorId;
                if (e.timeNano < lastNano || (e.timeNano == lastNano && deliveredAtLast.count(key))) {
                    return true; // seen before the connection dropped
                }
                if (e.timeNano > lastNano) {
                    lastNano = e.timeNano;
                    deliveredAtLast.clear();
                }
                deliveredAtLast.insert(key);
                since = e.timeNano;
            }
            sawEvent = true;
            if (!onEvent(e)) {
                stopped = true;
                return false;
            }
            return true;
        });
        auto r = callStream("GET", q, [&](std::string_view c) { return splitter.feed(c); }, cancel);
        if (stopped) {
            return {};
        }
        Error err;
        if (!r) {
            err = r.error();
            if (err.kind == ErrorKind::Cancelled) {
                return err;
            }
        } else if (r->status != 200) {
            err = errorFrom(*r, "Watching engine events");
            if (r->status == 400) {
                return err; // bad filters will not get better
            }
        } else {
            err = makeError(ErrorKind::EngineUnreachable, "The engine at " + endpoint() + " closed the event stream.");
        }
        if (!options.reconnect || cancelled(cancel)) {
            return cancelled(cancel) ? Result<void>(makeError(ErrorKind::Cancelled, "Cancelled.")) : Result<void>(err);
        }
        if (!since) {
            since = connectedAt; // resume from when this connection began, so nothing in between is lost
        }
        if (onDisconnect) {
            onDisconnect(err);
        }
        if (sawEvent) {
            backoff = 500ms;
        }
        for (auto waited = 0ms; waited < backoff; waited += 100ms) {
            if (cancelled(cancel)) {
                return makeError(ErrorKind::Cancelled, "Cancelled.");
            }
            std::this_thread::sleep_for(100ms);
        }
        backoff = std::min<std::chrono::milliseconds>(backoff * 2, 5s);
    }
}

} // namespace berth::core
