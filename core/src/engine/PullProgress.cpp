// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/engine/PullProgress.h"

#include "base/JsonAccess.h"

#include <algorithm>

namespace berth::core {

using namespace berth::core::jread;

LayerProgress& PullProgress::layer(const std::string& id)
{
    for (auto& l : m_layers) {
        if (l.id == id) {
            return l;
        }
    }
    m_layers.push_back(LayerProgress{id, {}, 0, 0, false, false});
    return m_layers.back();
}

std::optional<Error> PullProgress::apply(const nlohmann::json& message)
{
    const auto& detail = path(message, {"errorDetail"});
    std::string error = str(detail, "message");
    if (error.empty()) {
        error = str(message, "error");
    }
    if (!error.empty()) {
        Error e;
        e.kind = ErrorKind::Engine;
        e.engineMessage = error;
        e.message = "The pull failed: " + error;
        return e;
    }
    const std::string status = str(message, "status");
    const std::string id = str(message, "id");
    // Layer ids are short hex digests; messages with another id (a tag, "latest") are general.
    const bool isLayer = !id.empty() && id.size() <= 64 && id.find_first_not_of("0123456789abcdef") == std::string::npos &&
                         status.find("Pulling from") == std::string::npos;
    if (!isLayer) {
        if (!status.empty()) {
            m_status = id.empty() || status.starts_with("Status:") ? status : status + " " + id;
        }
        if (upToDate()) {
            m_fraction = 1.0;
        }
        return std::nullopt;
    }
    LayerProgress& l = layer(id);
    l.status = status;
    const auto& pd = path(message, {"progressDetail"});
    if (status == "Downloading") {
        l.current = i64(pd, "current");
        if (auto t = i64(pd, "total"); t > 0) {
            l.total = t;
        }
    } else if (status == "Verifying Checksum" || status == "Download complete" || status == "Extracting") {
        l.downloaded = true;
        l.current = l.total;
    } else if (status == "Pull complete" || status == "Already exists") {
        l.downloaded = true;
        l.complete = true;
        l.current = l.total;
    }
    m_fraction = std::max(m_fraction, rawFraction());
    return std::nullopt;
}

void PullProgress::finish(const std::string& reference)
{
    for (auto& l : m_layers) {
        l.downloaded = true;
        l.complete = true;
        l.current = l.total;
    }
    m_fraction = 1.0;
    if (!m_status.starts_with("Status:")) {
        m_status = "Pulled " + reference;
    }
}

std::int64_t PullProgress::bytesTotal() const
{
    std::int64_t sum = 0;
    for (const auto& l : m_layers) {
        sum += l.total;
    }
    return sum;
}

std::int64_t PullProgress::bytesDone() const
{
    std::int64_t sum = 0;
    for (const auto& l : m_layers) {
        sum += l.downloaded ? l.total : l.current;
    }
    return sum;
}

double PullProgress::rawFraction() const
{
    if (m_layers.empty()) {
        return -1.0;
    }
    // Each layer weighs the same until its size is known; then by bytes among those whose size is known.
    double doneShare = 0;
    for (const auto& l : m_layers) {
        if (l.complete) {
            doneShare += 1.0;
        } else if (l.downloaded) {
            doneShare += 0.9; // extraction remains
        } else if (l.total > 0) {
            doneShare += 0.9 * static_cast<double>(l.current) / static_cast<double>(l.total);
        }
    }
    return doneShare / static_cast<double>(m_layers.size());
}

int PullProgress::layersComplete() const
{
    int n = 0;
    for (const auto& l : m_layers) {
        n += l.complete ? 1 : 0;
    }
    return n;
}

} // namespace berth::core
