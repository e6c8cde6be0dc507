// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Replays recorded engine answers. Each expected request is matched by method and target prefix (after
// the /vX.Y version prefix is stripped); streams hand their body over in chunks of a chosen size. An upload
// (bodySource) is read whole before the answer, as an engine would, and kept for the test to look at.

#include "berth/core/engine/Transport.h"

#include <QFile>
#include <QString>

#include <cctype>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace berth::test {

inline std::string fixture(const char* name)
{
    QFile f(QStringLiteral(BERTH_TEST_DATA "/engine/") + QString::fromUtf8(name));
    if (!f.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", name);
    }
    const QByteArray b = f.readAll();
    return std::string(b.constData(), static_cast<std::size_t>(b.size()));
}

/// A recorded error file: the body, a newline, then the status on the last line (curl -w).
inline core::HttpResponse errorFixture(const char* name)
{
    std::string text = fixture(name);
    while (!text.empty() && text.back() == '\n') {
        text.pop_back();
    }
    const auto nl = text.rfind('\n');
    core::HttpResponse r;
    r.status = std::stoi(text.substr(nl + 1));
    r.body = text.substr(0, nl);
    return r;
}

struct Expectation
{
    std::string method;
    std::string targetPrefix;
    core::HttpResponse response;
    std::size_t chunkSize = 0; ///< streams: 0 = whole body at once
    bool failConnect = false;
};

class FakeTransport final : public core::Transport
{
public:
    void expect(std::string method, std::string targetPrefix, core::HttpResponse response, std::size_t chunkSize = 0)
    {
        std::lock_guard lock(m_mutex);
        m_expected.push_back({std::move(method), std::move(targetPrefix), std::move(response), chunkSize, false});
    }
    void expectConnectFailure(std::string method, std::string targetPrefix)
    {
        std::lock_guard lock(m_mutex);
        m_expected.push_back({std::move(method), std::move(targetPrefix), {}, 0, true});
    }
    static core::HttpResponse ok(std::string body, int status = 200)
    {
        core::HttpResponse r;
        r.status = status;
        r.body = std::move(body);
        return r;
    }

    core::Result<core::HttpResponse> send(const core::HttpRequest& request) override
    {
        auto e = take(request);
        if (!e) {
            return e.error();
        }
        if (auto up = upload(request, nullptr); !up) {
            return up.error();
        }
        return e->response;
    }

    core::Result<core::HttpResponse> stream(const core::HttpRequest& request, const core::ChunkHandler& onChunk,
                                            const std::atomic<bool>* cancel) override
    {
        auto e = take(request);
        if (!e) {
            return e.error();
        }
        if (auto up = upload(request, cancel); !up) {
            return up.error();
        }
        core::HttpResponse r = e->response;
        if (r.status < 200 || r.status >= 300) {
            return r;
        }
        const std::string body = std::move(r.body);
        r.body.clear();
        const std::size_t step = e->chunkSize ? e->chunkSize : std::max<std::size_t>(body.size(), 1);
        for (std::size_t i = 0; i < body.size(); i += step) {
            if (cancel && cancel->load()) {
                return core::makeError(core::ErrorKind::Cancelled, "Cancelled.");
            }
            if (!onChunk(std::string_view(body).substr(i, step))) {
                return r;
            }
        }
        return r;
    }

    std::string describe() const override { return "unix:///fake.sock"; }

    std::vector<std::string> targets() const
    {
        std::lock_guard lock(m_mutex);
        return m_seen;
    }
    std::vector<core::HttpRequest> requests() const
    {
        std::lock_guard lock(m_mutex);
        return m_requests;
    }
    std::size_t pending() const
    {
        std::lock_guard lock(m_mutex);
        return m_expected.size();
    }
    /// The bytes each upload sent, in order.
    std::vector<std::string> uploads() const
    {
        std::lock_guard lock(m_mutex);
        return m_uploads;
    }
    /// How many bytes an upload is asked for at a time.
    void setUploadStep(std::size_t step) { m_uploadStep = step; }

private:
    /// Reads an upload to its end (or its error, or cancel), as the real transport does.
    core::Result<void> upload(const core::HttpRequest& request, const std::atomic<bool>* cancel)
    {
        if (!request.bodySource) {
            return {};
        }
        std::string got;
        std::vector<char> buffer(m_uploadStep);
        for (;;) {
            if (cancel && cancel->load()) {
                return core::makeError(core::ErrorKind::Cancelled, "Cancelled.");
            }
            auto n = request.bodySource(buffer.data(), buffer.size());
            if (!n) {
                return n.error();
            }
            if (*n == 0) {
                break;
            }
            got.append(buffer.data(), *n);
        }
        if (request.bodySize >= 0 && static_cast<std::int64_t>(got.size()) != request.bodySize) {
            return core::makeError(core::ErrorKind::Io, "the upload did not send the size it announced (fake)");
        }
        std::lock_guard lock(m_mutex);
        m_uploads.push_back(std::move(got));
        return {};
    }

    core::Result<Expectation> take(const core::HttpRequest& request)
    {
        std::lock_guard lock(m_mutex);
        m_seen.push_back(request.method + " " + request.target);
        m_requests.push_back(request);
        std::string target = request.target;
        if (target.size() > 2 && target.starts_with("/v") && std::isdigit(static_cast<unsigned char>(target[2]))) {
            auto slash = target.find('/', 1);
            target = target.substr(slash);
        }
        for (auto it = m_expected.begin(); it != m_expected.end(); ++it) {
            if (it->method == request.method && target.starts_with(it->targetPrefix)) {
                Expectation e = *it;
                m_expected.erase(it);
                if (e.failConnect) {
                    return core::makeError(core::ErrorKind::EngineUnreachable, "No engine answers (fake).");
                }
                return e;
            }
        }
        return core::makeError(core::ErrorKind::Io, "unexpected request " + request.method + " " + request.target);
    }

    mutable std::mutex m_mutex;
    std::deque<Expectation> m_expected;
    std::vector<std::string> m_seen;
    std::vector<core::HttpRequest> m_requests;
    std::vector<std::string> m_uploads;
    std::size_t m_uploadStep = 16384;
};

/// The /_ping answer of the recorded Docker 20.10 engine, or one claiming another API version.
inline core::HttpResponse pingResponse(const std::string& apiVersion = {})
{
    core::HttpResponse r;
    r.status = 200;
    r.body = "OK";
    std::string text = fixture("ping.headers");
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto nl = text.find('\n', pos);
        std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        pos = nl == std::string::npos ? text.size() : nl + 1;
        auto colon = line.find(':');
        if (colon != std::string::npos && !line.starts_with("HTTP/")) {
            std::string name = line.substr(0, colon);
            for (auto& ch : name) {
                ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            }
            std::string value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ') {
                value.erase(0, 1);
            }
            r.headers[name] = value;
        }
    }
    if (!apiVersion.empty()) {
        r.headers["api-version"] = apiVersion;
    }
    return r;
}

} // namespace berth::test
