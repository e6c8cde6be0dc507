// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/base/Result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace berth::core {

/// "512m", "4g", "1.5GiB", "2048" (bytes), "64MB". Units are binary (k = 1024), as docker's are.
Result<std::int64_t> parseSize(std::string_view text);
/// "2", "0.5", "1.25" CPUs -> NanoCpus.
Result<std::int64_t> parseCpus(std::string_view text);
/// 1536 -> "1.5 KiB"; 0 -> "0 B".
std::string formatBytes(std::uint64_t bytes);
/// A Unix time as "3 minutes ago" against now.
std::string formatAgo(std::int64_t unixTime, std::int64_t now);

} // namespace berth::core
