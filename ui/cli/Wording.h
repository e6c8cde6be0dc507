// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// berthctl's words for what core returns as data: remedies (with berthctl's commands and flags), errors as a
// whole, and the exit codes of `check`.

#include "berth/core/base/Result.h"
#include "berth/core/gpu/Compat.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace berth::cli {

/// One remedy as a clause ("pull it first (berthctl pull python:3.12)"), lower-case first; `position` is its
/// place among the remedies it is said with (0: first). Never empty for any kind.
std::string remedyClause(const core::Remedy& remedy, std::size_t position = 0);

/// The remedies as one sentence: "Update the driver to 535 or newer, or use X (the CPU version)." Asides
/// (--force) follow in brackets. Empty when there are none.
std::string remedySentence(const std::vector<core::Remedy>& remedies);

/// A whole error for the terminal: what is wrong, what to do, the engine's words, and the last lines a
/// container printed. Not escaped: callers pass it through printable().
std::string describe(const core::Error& error);

/// The error as --json shows it: kind, message, remedies (data and berthctl's sentence), files, field, lines.
nlohmann::json errorJson(const core::Error& error);

/// berthctl check's exit code: 0 runs (GPU or CPU-only image), 3 cannot run here, 4 unknown.
inline constexpr int kExitCannotRun = 3;
inline constexpr int kExitUnknown = 4;
int checkExitCode(const core::Verdict& verdict);
/// The verdict in a few words: "runs on the GPU", "cannot run here (driver-too-old)".
std::string verdictText(const core::Verdict& v);

} // namespace berth::cli
