// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// A build without Qt has no compiler for resources/translations/berthctl_zh_CN.ts: berthctl speaks English.
#include "cli/Translate.h"

namespace berth::cli {

std::span<const Translation> simplifiedChineseTable()
{
    return {};
}

} // namespace berth::cli
