// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// What every list view shares: a heading, a tool bar of actions on the selected row, the table, and a line
// for what went wrong or what is under way. Actions are enabled only when a row is selected.

#include "berth/core/base/Result.h"

#include <QAbstractItemModel>
#include <QWidget>

class QAction;
class QLabel;
class QTableView;
class QToolBar;

namespace berth::ui {

class ListPage : public QWidget
{
    Q_OBJECT
public:
    ListPage(const QString& heading, QAbstractItemModel* model, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    QLabel* note() const { return m_note; }
    /// The selected row's id (the model's Qt::UserRole in column 0), "" when none.
    QString currentId() const;
    /// The selected row's text in `column`.
    QString currentText(int column) const;

    /// An action on the selected row (disabled without one), with a shortcut and a tool-bar button.
    QAction* addRowAction(const QString& text, const QKeySequence& shortcut, const QString& objectName);
    /// An action that needs no row.
    QAction* addAction(const QString& text, const QKeySequence& shortcut, const QString& objectName);

    /// Says what is under way or what went wrong (plain text).
    void say(const QString& text, bool problem = false);
    void sayError(const core::Error& error);
    /// What the list itself has to say (it could not be listed, it is empty): replaced or cleared by the next
    /// list, while what an action said stays until the next action.
    void sayAboutList(const QString& text, bool problem = false);

private:
    void updateActions();

    QToolBar* m_tools;
    QTableView* m_table;
    QLabel* m_note;
    QList<QAction*> m_rowActions;
    bool m_sized = false;
    bool m_noteIsAboutList = false;
};

} // namespace berth::ui
