// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/models/ContainerModel.h"

#include "berth/core/launch/Environment.h"
#include "ui/RemedyText.h"
#include "ui/async/Async.h"

namespace berth::ui {

ContainerModel::ContainerModel(std::shared_ptr<core::EngineClient> engine, QObject* parent)
    : RowsModel({tr("Name"), tr("Image"), tr("State"), tr("Status"), tr("Ports"), tr("Berth environment")}, parent),
      m_engine(std::move(engine))
{
    m_refresher = new Refresher(
        [this, engine = m_engine]() -> std::function<void()> {
            auto list = engine->listContainers(true);
            return [this, list = std::move(list)]() mutable {
                if (list) {
                    m_problem.clear();
                    setRows(std::move(list.value()));
                } else {
                    m_problem = errorText(list.error());
                }
                Q_EMIT refreshed();
            };
        },
        this);
}

void ContainerModel::refresh()
{
    if (m_engine) {
        m_refresher->request();
    }
}

QVariant ContainerModel::data(const QModelIndex& index, int role) const
{
    const core::ContainerSummary* c = row(index.row());
    if (!c) {
        return {};
    }
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case Name:
            return QString::fromStdString(c->name());
        case Image:
            return QString::fromStdString(c->image);
        case State:
            return QString::fromStdString(c->state);
        case Status:
            return QString::fromStdString(c->status);
        case Ports:
            return QString::fromStdString(c->portsText());
        case Environment:
            return c->labels.count(core::labels::kEnvironment) ? tr("yes") : tr("no");
        }
    }
    if (role == Qt::UserRole) {
        return QString::fromStdString(c->id);
    }
    return {};
}

} // namespace berth::ui
