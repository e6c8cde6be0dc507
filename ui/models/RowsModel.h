// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// A table of rows the engine lists, kept in step with each new list without a reset: rows that went are
// removed, rows that stayed are updated in place, new ones appended. Views keep their selection and scroll.

#include <QAbstractTableModel>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace berth::ui {

template <class Row>
class RowsModel : public QAbstractTableModel
{
public:
    explicit RowsModel(QStringList headers, QObject* parent = nullptr)
        : QAbstractTableModel(parent), m_headers(std::move(headers))
    {
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_headers.size());
    }
    QVariant headerData(int section, Qt::Orientation o, int role) const override
    {
        if (o == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_headers.size()) {
            return m_headers.at(section);
        }
        return {};
    }

    const std::vector<Row>& rows() const { return m_rows; }
    const Row* row(int i) const { return i >= 0 && i < rowCount() ? &m_rows[static_cast<std::size_t>(i)] : nullptr; }
    /// The row whose key is `key`, or -1.
    int find(const std::string& k) const
    {
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            if (key(m_rows[i]) == k) {
                return static_cast<int>(i);
            }
        }
        return -1;
    }

protected:
    virtual std::string key(const Row& row) const = 0;

    void setRows(std::vector<Row> fresh)
    {
        // Gone: removed from the bottom up.
        for (int i = rowCount() - 1; i >= 0; --i) {
            const std::string k = key(m_rows[static_cast<std::size_t>(i)]);
            bool kept = false;
            for (const auto& f : fresh) {
                kept = kept || key(f) == k;
            }
            if (!kept) {
                beginRemoveRows({}, i, i);
                m_rows.erase(m_rows.begin() + i);
                endRemoveRows();
            }
        }
        // Stayed: updated; new: appended.
        for (auto& f : fresh) {
            const int at = find(key(f));
            if (at >= 0) {
                m_rows[static_cast<std::size_t>(at)] = std::move(f);
                Q_EMIT dataChanged(index(at, 0), index(at, columnCount() - 1));
            } else {
                beginInsertRows({}, rowCount(), rowCount());
                m_rows.push_back(std::move(f));
                endInsertRows();
            }
        }
    }

    QStringList m_headers;
    std::vector<Row> m_rows;
};

} // namespace berth::ui
