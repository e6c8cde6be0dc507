// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/containers/ContainersPage.h"

#include "ui/environments/Actions.h"
#include "ui/models/ContainerModel.h"

#include <QAction>
#include <QTableView>

namespace berth::ui {

ContainersPage::ContainersPage(std::shared_ptr<core::EngineClient> engine, ContainerModel* model, QWidget* parent)
    : ListPage(tr("Containers"), model, parent), m_engine(std::move(engine))
{
    setObjectName(QStringLiteral("containersPage"));
    auto* log = addRowAction(tr("&Log"), QKeySequence(Qt::CTRL | Qt::Key_L), QStringLiteral("log"));
    connect(log, &QAction::triggered, this,
            [this] { showLog(this, m_engine, currentId(), currentText(ContainerModel::Name)); });
    connect(addRowAction(tr("S&top"), QKeySequence(Qt::CTRL | Qt::Key_Period), QStringLiteral("stop")),
            &QAction::triggered, this,
            [this] { stopContainer(this, m_engine, currentId(), currentText(ContainerModel::Name)); });
    connect(addRowAction(tr("&Remove..."), QKeySequence::Delete, QStringLiteral("remove")), &QAction::triggered, this,
            [this] { removeContainer(this, m_engine, currentId(), currentText(ContainerModel::Name)); });
    connect(table(), &QTableView::activated, log, &QAction::trigger);
    connect(model, &ContainerModel::refreshed, this, [this, model] {
        sayAboutList(model->problem(), !model->problem().isEmpty());
    });
}

} // namespace berth::ui
