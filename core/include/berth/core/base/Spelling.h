// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// "Did you mean ...?" for a mistyped name: a command, an option, a profile's key.

#include <string>
#include <vector>

namespace berth::core {

/// The closest of `known` to `typed` (two edits at most, or `typed` a prefix of it of two or more characters),
/// else "".
std::string closestName(const std::string& typed, const std::vector<std::string>& known);

} // namespace berth::core
