// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/ListPage.h"

#include "ui/RemedyText.h"
#include "ui/Tone.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace berth::ui {

ListPage::ListPage(const QString& heading, QAbstractItemModel* model, QWidget* parent)
    : QWidget(parent), m_tools(new QToolBar(this)), m_table(new QTableView(this)), m_note(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    m_tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_tools->setMovable(false);
    // The button a narrow tool bar shows for the actions that do not fit: named, for screen readers.
    if (auto* more = m_tools->findChild<QWidget*>(QStringLiteral("qt_toolbar_ext_button"))) {
        more->setAccessibleName(tr("More actions"));
    }
    m_tools->setAccessibleName(tr("%1 actions").arg(heading));
    layout->addWidget(m_tools);
    m_table->setModel(model);
    m_table->setAccessibleName(heading);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setTextFormat(Qt::PlainText); // engines and containers choose these words: never markup
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_note);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ListPage::updateActions);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ListPage::updateActions);
    connect(model, &QAbstractItemModel::modelReset, this, &ListPage::updateActions);
    // The first rows listed are sized to fit (once they are all in); after that the person's widths are kept.
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_sized) {
            m_sized = true;
            QTimer::singleShot(0, this, [this] { m_table->resizeColumnsToContents(); });
        }
    });
}

QString ListPage::currentId() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(Qt::UserRole).toString();
}

QString ListPage::currentText(int column) const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().siblingAtColumn(column).data().toString();
}

QAction* ListPage::addAction(const QString& text, const QKeySequence& shortcut, const QString& objectName)
{
    auto* a = new QAction(text, this);
    a->setObjectName(objectName);
    a->setShortcut(shortcut);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    if (!shortcut.isEmpty()) {
        a->setToolTip(QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')),
                                                    shortcut.toString(QKeySequence::NativeText)));
    }
    QWidget::addAction(a);
    m_tools->addAction(a);
    return a;
}

QAction* ListPage::addRowAction(const QString& text, const QKeySequence& shortcut, const QString& objectName)
{
    auto* a = addAction(text, shortcut, objectName);
    a->setEnabled(false);
    m_rowActions << a;
    return a;
}

void ListPage::updateActions()
{
    const bool any = !currentId().isEmpty();
    for (auto* a : m_rowActions) {
        a->setEnabled(any);
    }
}

void ListPage::sayAboutList(const QString& text, bool problem)
{
    if (text.isEmpty() && !m_noteIsAboutList) {
        return; // an action's words stay
    }
    say(text, problem);
    m_noteIsAboutList = !text.isEmpty();
}

void ListPage::say(const QString& text, bool problem)
{
    m_noteIsAboutList = false;
    m_note->setText(text);
    setTone(m_note, problem ? Tone::Problem : Tone::Plain);
}

void ListPage::sayError(const core::Error& error)
{
    say(errorText(error), true);
}

} // namespace berth::ui
