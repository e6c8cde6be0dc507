// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/base/Spelling.h"

#include <algorithm>

namespace berth::core {

namespace {
/// Edits (insert, delete, replace) from a to b.
std::size_t distance(const std::string& a, const std::string& b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}
} // namespace

std::string closestName(const std::string& typed, const std::vector<std::string>& known)
{
    if (typed.size() > 256) {
        return {}; // a hostile key's length would cost its square
    }
    std::string best;
    std::size_t bestDistance = 3;
    for (const auto& k : known) {
        const std::size_t d = k.starts_with(typed) && typed.size() >= 2 ? 1 : distance(typed, k);
        if (d < bestDistance) {
            best = k;
            bestDistance = d;
        }
    }
    return best;
}

} // namespace berth::core
