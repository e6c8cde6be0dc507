// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/base/Result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace berth::core {

struct LayerProgress
{
    std::string id;
    std::string status; ///< the engine's words: Downloading, Extracting, Pull complete...
    std::int64_t current = 0;
    std::int64_t total = 0;
    bool downloaded = false; ///< all bytes are here (verifying, extracting, complete, already there)
    bool complete = false;
};

/// The state of one pull, built from the engine's progress messages.
class PullProgress
{
public:
    /// Takes one message of the stream; an error message (errorDetail or error) comes back as an Error.
    std::optional<Error> apply(const nlohmann::json& message);

    const std::vector<LayerProgress>& layers() const { return m_layers; }
    /// The last message that was not about one layer ("Pulling from library/x", "Status: ...").
    const std::string& status() const { return m_status; }
    /// Bytes of layers whose size is known, and how many of them are here.
    std::int64_t bytesTotal() const;
    std::int64_t bytesDone() const;
    /// 0..1 over the layers seen so far; never goes back when a new layer shows up (Podman names layers as it
    /// reaches them). -1 before the first layer.
    double fraction() const { return m_fraction; }
    /// The stream ended without an error: everything is here. Podman sends no "Pull complete" nor a final
    /// "Status:" line; this says "Pulled <reference>" then.
    void finish(const std::string& reference);
    int layersComplete() const;
    bool upToDate() const { return m_status.find("up to date") != std::string::npos; }

private:
    LayerProgress& layer(const std::string& id);
    double rawFraction() const;
    std::vector<LayerProgress> m_layers;
    std::string m_status;
    double m_fraction = -1;
};

} // namespace berth::core
