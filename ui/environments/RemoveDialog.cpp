// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/environments/RemoveDialog.h"

#include "ui/RemedyText.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace berth::ui {

RemoveDialog::RemoveDialog(const QString& name, const core::Error& refusal, QWidget* parent)
    : QDialog(parent), m_files(new QListWidget(this))
{
    setWindowTitle(tr("Remove %1?").arg(name));
    auto* layout = new QVBoxLayout(this);
    auto* what = new QLabel(QString::fromStdString(refusal.message), this);
    what->setTextFormat(Qt::PlainText); // file names come from the container: never markup
    what->setWordWrap(true);
    layout->addWidget(what);
    m_files->setObjectName(QStringLiteral("filesAtRisk"));
    m_files->setAccessibleName(tr("Files that would be lost"));
    for (const auto& f : refusal.files) {
        m_files->addItem(QString::fromStdString(f));
    }
    layout->addWidget(m_files);
    QStringList advice;
    for (const auto& r : refusal.remedies) {
        if (r.kind == core::RemedyKind::MoveToNotebookFolder) {
            advice << remedyText(r);
        }
    }
    if (!advice.isEmpty()) {
        auto* move = new QLabel(advice.join(QLatin1Char(' ')), this);
        move->setTextFormat(Qt::PlainText);
        move->setWordWrap(true);
        layout->addWidget(move);
    }
    auto* buttons = new QDialogButtonBox(this);
    auto* keep = buttons->addButton(tr("&Keep It"), QDialogButtonBox::RejectRole);
    auto* copy = buttons->addButton(tr("&Copy Files Out..."), QDialogButtonBox::ActionRole);
    auto* remove = buttons->addButton(tr("&Remove Anyway"), QDialogButtonBox::DestructiveRole);
    keep->setDefault(true); // Enter keeps the files
    copy->setObjectName(QStringLiteral("copyOut"));
    remove->setObjectName(QStringLiteral("removeAnyway"));
    connect(keep, &QPushButton::clicked, this, [this] {
        m_choice = Keep;
        reject();
    });
    connect(copy, &QPushButton::clicked, this, [this] {
        m_choice = CopyOut;
        accept();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        m_choice = RemoveAnyway;
        accept();
    });
    layout->addWidget(buttons);
    resize(560, 420);
}

} // namespace berth::ui
