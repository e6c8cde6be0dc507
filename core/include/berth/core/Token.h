// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/Result.h"

#include <string>

namespace berth::core {

/// `bytes` random bytes from the OS's secure generator (getrandom), as lower-case hex. 24 bytes = 192
/// bits, the size Jupyter uses itself.
Result<std::string> secureToken(std::size_t bytes = 24);

} // namespace berth::core
