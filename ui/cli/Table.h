// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace berth::cli {

/// Columns aligned by the widest cell, two spaces apart, the way people read `docker ps`.
class Table
{
public:
    explicit Table(std::vector<std::string> header) : m_rows{std::move(header)} {}
    void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
    void print(std::ostream& out) const;

private:
    std::vector<std::vector<std::string>> m_rows;
};

/// Display width of UTF-8 text in a terminal's columns: one a code point, two for Chinese and other wide ones.
std::size_t displayWidth(const std::string& text);

} // namespace berth::cli
