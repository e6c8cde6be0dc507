// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/engine/CurlTransport.h"
#include "base/Text.h"
#include "engine/CurlLibrary.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>

namespace berth::core {

using text::lower;
using text::trim;

namespace {
constexpr std::size_t kMaxIdleHandles = 4;
constexpr std::size_t kMaxErrorBody = 1 << 20;

constexpr std::size_t kMaxHeaderBytes = 256 * 1024;

struct Exchange
{
    HttpResponse response;
    const ChunkHandler* onChunk = nullptr;
    const std::atomic<bool>* cancel = nullptr;
    bool stoppedByHandler = false;
    std::size_t maxBody = 0;
    std::size_t headerBytes = 0;
    bool tooLarge = false;
    bool headersLate = false;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    std::chrono::seconds headerTimeout{0};
    const BodySource* source = nullptr;
    std::int64_t sourceSize = -1;
    std::int64_t sent = 0;
    std::optional<Error> sourceError; ///< why the upload's source gave up; the request's result
};

size_t onHeader(char* data, size_t size, size_t count, void* user)
{
    auto* ex = static_cast<Exchange*>(user);
    std::string_view line(data, size * count);
    ex->headerBytes += line.size();
    if (ex->headerBytes > kMaxHeaderBytes) {
        ex->tooLarge = true;
        return 0; // headers without end are an attack, not an answer
    }
    if (line.starts_with("HTTP/")) {
        // A new response (after 100-continue or a redirect): start over.
        ex->response.headers.clear();
        auto sp = line.find(' ');
        if (sp != std::string_view::npos) {
            ex->response.status = std::atoi(std::string(line.substr(sp + 1, 3)).c_str());
        }
    } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
        ex->response.headers[lower(std::string(line.substr(0, colon)))] = trim(line.substr(colon + 1));
    }
    return size * count;
}

size_t onWrite(char* data, size_t size, size_t count, void* user)
{
    auto* ex = static_cast<Exchange*>(user);
    const size_t n = size * count;
    const bool success = ex->response.status >= 200 && ex->response.status < 300;
    if (ex->onChunk && success) {
        if (!(*ex->onChunk)(std::string_view(data, n))) {
            ex->stoppedByHandler = true;
            return CURL_WRITEFUNC_ERROR;
        }
        return n;
    }
    if (ex->response.body.size() + n > kMaxErrorBody && ex->onChunk) {
        return n; // an error body this large is not worth keeping whole
    }
    if (ex->response.body.size() + n > ex->maxBody) {
        ex->tooLarge = true;
        return CURL_WRITEFUNC_ERROR;
    }
    ex->response.body.append(data, n);
    return n;
}

size_t onRead(char* buffer, size_t size, size_t count, void* user)
{
    auto* ex = static_cast<Exchange*>(user);
    if (ex->cancel && ex->cancel->load(std::memory_order_relaxed)) {
        return CURL_READFUNC_ABORT; // at once, not at the next progress call; reads as Cancelled
    }
    std::size_t max = size * count;
    if (ex->sourceSize >= 0) {
        max = std::min<std::size_t>(max, static_cast<std::size_t>(ex->sourceSize - ex->sent));
        if (max == 0) {
            return 0;
        }
    }
    auto n = (*ex->source)(buffer, max);
    if (!n) {
        ex->sourceError = n.error();
        return CURL_READFUNC_ABORT;
    }
    if (*n > max) {
        ex->sourceError = makeError(ErrorKind::Io, "The upload's source gave more bytes than asked for.");
        return CURL_READFUNC_ABORT;
    }
    if (*n == 0 && ex->sourceSize >= 0) {
        // The engine waits for the bytes Content-Length promised: an early end would hang, not finish.
        ex->sourceError = makeError(ErrorKind::Io, "The upload ended after " + std::to_string(ex->sent) + " of the " +
                                                       std::to_string(ex->sourceSize) +
                                                       " bytes announced: the file got shorter while it was read.");
        return CURL_READFUNC_ABORT;
    }
    ex->sent += static_cast<std::int64_t>(*n);
    ex->started = std::chrono::steady_clock::now(); // the wait for the answer begins after the last byte
    return *n;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    auto* ex = static_cast<Exchange*>(user);
    if (ex->cancel && ex->cancel->load(std::memory_order_relaxed)) {
        return 1;
    }
    if (ex->response.status == 0 && ex->headerTimeout.count() > 0 &&
        std::chrono::steady_clock::now() - ex->started > ex->headerTimeout) {
        ex->headersLate = true;
        return 1;
    }
    return 0;
}
} // namespace

struct CurlTransport::Handle
{
    explicit Handle(const curl::Api& api) : lib(api), curl(api.easyInit()) {}
    ~Handle()
    {
        if (curl) {
            lib.easyCleanup(curl);
        }
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    const curl::Api& lib;
    CURL* curl;
};

CurlTransport::CurlTransport(Endpoint endpoint, std::chrono::milliseconds connectTimeout)
    : m_endpoint(std::move(endpoint)), m_connectTimeout(connectTimeout)
{
}

CurlTransport::~CurlTransport() = default;

Result<std::unique_ptr<CurlTransport::Handle>> CurlTransport::acquire()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            auto h = std::move(m_idle.back());
            m_idle.pop_back();
            return h;
        }
    }
    auto lib = curl::api();
    if (!lib) {
        return lib.error();
    }
    auto h = std::make_unique<Handle>(**lib);
    if (!h->curl) {
        return makeError(ErrorKind::Io, "Could not set up a network handle (libcurl).");
    }
    return std::unique_ptr<Handle>(std::move(h));
}

void CurlTransport::release(std::unique_ptr<Handle> handle)
{
    std::lock_guard lock(m_mutex);
    if (m_idle.size() < kMaxIdleHandles) {
        m_idle.push_back(std::move(handle));
    }
}

Result<HttpResponse> CurlTransport::send(const HttpRequest& request)
{
    return perform(request, nullptr, nullptr);
}

Result<HttpResponse> CurlTransport::stream(const HttpRequest& request, const ChunkHandler& onChunk,
                                           const std::atomic<bool>* cancel)
{
    return perform(request, &onChunk, cancel);
}

Result<HttpResponse> CurlTransport::perform(const HttpRequest& request, const ChunkHandler* onChunk,
                                            const std::atomic<bool>* cancel)
{
    auto acquired = acquire();
    if (!acquired) {
        return acquired.error();
    }
    auto handle = std::move(acquired).value();
    const curl::Api& lib = handle->lib;
    CURL* c = handle->curl;
    lib.easyReset(c);

    Exchange ex;
    ex.onChunk = onChunk;
    ex.cancel = cancel;
    ex.maxBody = request.maxBody;
    ex.headerTimeout = request.headerTimeout;
    const std::string url = m_endpoint.baseUrl() + request.target;
    char errbuf[CURL_ERROR_SIZE] = {0};

    lib.setopt(c, CURLOPT_URL, url.c_str());
    lib.setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    lib.setopt(c, CURLOPT_NOSIGNAL, 1L);
    lib.setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    lib.setopt(c, CURLOPT_USERAGENT, "Berth/" BERTH_VERSION);
    lib.setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_connectTimeout.count()));
    lib.setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
    if (request.idleTimeout.count() > 0) {
        lib.setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
        lib.setopt(c, CURLOPT_LOW_SPEED_TIME, static_cast<long>(request.idleTimeout.count()));
    }
    lib.setopt(c, CURLOPT_HEADERFUNCTION, onHeader);
    lib.setopt(c, CURLOPT_HEADERDATA, &ex);
    lib.setopt(c, CURLOPT_WRITEFUNCTION, onWrite);
    lib.setopt(c, CURLOPT_WRITEDATA, &ex);
    lib.setopt(c, CURLOPT_NOPROGRESS, 0L);
    lib.setopt(c, CURLOPT_XFERINFOFUNCTION, onProgress);
    lib.setopt(c, CURLOPT_XFERINFODATA, &ex);
    // http_proxy must never see engine or Jupyter traffic on this machine (nor a token in a header).
    lib.setopt(c, CURLOPT_NOPROXY, "localhost,127.0.0.1,::1");
    if (m_endpoint.scheme == Endpoint::Scheme::Unix) {
        lib.setopt(c, CURLOPT_UNIX_SOCKET_PATH, m_endpoint.socketPath.c_str());
        lib.setopt(c, CURLOPT_PROXY, "");
    }
    if (m_endpoint.tls) {
        lib.setopt(c, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
        lib.setopt(c, CURLOPT_SSL_VERIFYPEER, m_endpoint.tlsVerify ? 1L : 0L);
        lib.setopt(c, CURLOPT_SSL_VERIFYHOST, m_endpoint.tlsVerify ? 2L : 0L);
        if (!m_endpoint.caFile.empty()) {
            lib.setopt(c, CURLOPT_CAINFO, m_endpoint.caFile.c_str());
        }
        if (!m_endpoint.certFile.empty()) {
            lib.setopt(c, CURLOPT_SSLCERT, m_endpoint.certFile.c_str());
            lib.setopt(c, CURLOPT_SSLKEY, m_endpoint.keyFile.c_str());
        }
    }

    if (request.bodySource) {
        ex.source = &request.bodySource;
        ex.sourceSize = request.bodySize;
        lib.setopt(c, CURLOPT_POST, 1L);
        lib.setopt(c, CURLOPT_CUSTOMREQUEST, request.method.c_str());
        lib.setopt(c, CURLOPT_READFUNCTION, onRead);
        lib.setopt(c, CURLOPT_READDATA, &ex);
        lib.setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
                   static_cast<curl_off_t>(std::max<std::int64_t>(request.bodySize, -1)));
    } else if (request.method == "GET") {
        lib.setopt(c, CURLOPT_HTTPGET, 1L);
    } else if (request.method == "HEAD") {
        lib.setopt(c, CURLOPT_NOBODY, 1L);
    } else {
        lib.setopt(c, CURLOPT_CUSTOMREQUEST, request.method.c_str());
        if (request.method == "POST" || request.method == "PUT" || !request.body.empty()) {
            lib.setopt(c, CURLOPT_POSTFIELDS, request.body.data());
            lib.setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        }
    }
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers) {
        headers = lib.slistAppend(headers, (name + ": " + value).c_str());
    }
    headers = lib.slistAppend(headers, "Expect:"); // no 100-continue round trip
    if (request.bodySource && request.bodySize < 0) {
        headers = lib.slistAppend(headers, "Transfer-Encoding: chunked");
    }
    lib.setopt(c, CURLOPT_HTTPHEADER, headers);

    const CURLcode rc = lib.easyPerform(c);
    long osErrno = 0;
    lib.easyGetinfo(c, CURLINFO_OS_ERRNO, &osErrno);
    lib.setopt(c, CURLOPT_HTTPHEADER, nullptr);
    lib.slistFreeAll(headers);

    curl_off_t connectTime = 0;
    lib.easyGetinfo(c, CURLINFO_CONNECT_TIME_T, &connectTime);
    if (rc == CURLE_OK || (rc == CURLE_WRITE_ERROR && ex.stoppedByHandler)) {
        if (rc == CURLE_OK) {
            lib.easyReset(c); // no pointers into this call's stack stay in a pooled handle
            release(std::move(handle));
        }
        return std::move(ex.response);
    }
    // The connection state is unknown after a failure: drop the handle rather than reuse it.
    const std::string where = m_endpoint.display();
    const std::string detail = errbuf[0] ? std::string(errbuf) : std::string(lib.easyStrerror(rc));
    if (ex.sourceError) {
        return *ex.sourceError; // the upload's own reason (a file that could not be read), not libcurl's "aborted"
    }
    Error err;
    err.engineMessage = detail;
    if (ex.tooLarge) {
        err.kind = ErrorKind::Engine;
        err.message = "The answer from " + where + " to " + request.method + " " + request.target +
                      " is larger than Berth reads (" + std::to_string(request.maxBody / 1024) +
                      " KiB of body, 256 KiB of headers); it was not read further.";
        err.engineMessage.clear();
        err.httpStatus = ex.response.status;
        return err;
    }
    if (ex.headersLate) {
        err.kind = ErrorKind::Timeout;
        err.message = "The engine at " + where + " accepted the connection but did not answer " + request.method + " " +
                      request.target + " within " + std::to_string(request.headerTimeout.count()) + " s.";
        err.engineMessage.clear();
        err.with(RemedyKind::CheckEngine, {where}).with(RemedyKind::ChooseEngine);
        return err;
    }
    switch (rc) {
    case CURLE_ABORTED_BY_CALLBACK:
        err.kind = ErrorKind::Cancelled;
        err.message = "Cancelled.";
        break;
    case CURLE_OPERATION_TIMEDOUT:
        if (request.idleTimeout.count() > 0 && ex.response.status != 0) {
            err.kind = ErrorKind::Timeout;
            err.message = "The engine at " + where + " sent nothing for " +
                          std::to_string(request.idleTimeout.count()) + " s during " + request.method + " " +
                          request.target + "; gave up.";
        } else if (ex.response.status == 0 && connectTime == 0) {
            err.kind = ErrorKind::EngineUnreachable;
            err.message = "The engine at " + where + " did not answer in time.";
            err.with(RemedyKind::CheckEngine, {where}).with(RemedyKind::ChooseEngine);
        } else {
            err.kind = ErrorKind::Timeout;
            err.message = "The engine at " + where + " took too long to answer " + request.method + " " +
                          request.target + " (limit " + std::to_string(request.timeout.count() / 1000) + " s).";
        }
        break;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_UNSUPPORTED_PROTOCOL:
        err.kind = ErrorKind::EngineUnreachable;
        if (m_endpoint.scheme == Endpoint::Scheme::Unix && osErrno == EACCES) {
            err.message = "Permission denied on " + m_endpoint.socketPath + ".";
            err.with(RemedyKind::JoinEngineGroup, {m_endpoint.socketPath});
        } else if (m_endpoint.scheme == Endpoint::Scheme::Unix) {
            err.message = "No engine answers at " + where + (osErrno == ENOENT ? " (no such socket)" : "") + ".";
            err.with(RemedyKind::StartEngine, {where}).with(RemedyKind::ChooseEngine);
        } else {
            err.message = "No engine answers at " + where + ".";
            err.with(RemedyKind::CheckNetwork, {where}).with(RemedyKind::ChooseEngine);
        }
        break;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
        err.kind = ErrorKind::EngineUnreachable;
        err.message = "TLS with " + where + " failed.";
        err.with(RemedyKind::CheckTls, {where});
        break;
    default:
        err.kind = ErrorKind::Io;
        err.message = "Talking to the engine at " + where + " failed: " + detail + ".";
        break;
    }
    if (err.kind != ErrorKind::Io) {
        err.engineMessage.clear(); // libcurl's words ("port 80") would only confuse; the message says it all
    }
    err.httpStatus = ex.response.status;
    return err;
}

} // namespace berth::core
