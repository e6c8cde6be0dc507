// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/base/Result.h"

#include <string>
#include <string_view>

namespace berth::core {

/// `bytes` random bytes from the OS's secure generator (getrandom), as lower-case hex. 24 bytes = 192
/// bits, the size Jupyter uses itself.
Result<std::string> secureToken(std::size_t bytes = 24);

/// Keeps tokens this process holds out of core dumps and away from other processes of the same user
/// (PR_SET_DUMPABLE 0, no core file). Called first thing by berth and berthctl.
void protectSecretsInMemory();

/// Text with Jupyter tokens hidden: every `token=VALUE` (any case, so `?token=`, `--NotebookApp.token=`,
/// `JUPYTER_TOKEN=`), `"token": "VALUE"`, and `known` itself. One linear pass: text from a container may be
/// anything, of any length.
std::string redactTokens(std::string_view text, const std::string& known = {});

/// The token a Jupyter server printed in its log: the last `?token=` or `&token=` followed by 8 or more
/// letters and digits. Empty when there is none. Linear in the length of `log`.
std::string findLogToken(std::string_view log);

} // namespace berth::core
