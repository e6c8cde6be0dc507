// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/Result.h"

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
    /// 0..1 over all layers, or -1 while no layer has told its size.
    double fraction() const;
    int layersComplete() const;
    bool upToDate() const { return m_status.find("up to date") != std::string::npos; }

private:
    LayerProgress& layer(const std::string& id);
    std::vector<LayerProgress> m_layers;
    std::string m_status;
};

} // namespace berth::core
