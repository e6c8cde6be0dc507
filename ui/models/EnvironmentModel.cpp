// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/models/EnvironmentModel.h"

#include "berth/core/base/Units.h"
#include "ui/RemedyText.h"
#include "ui/async/Async.h"

#include "ui/Tone.h"
#include <QApplication>
#include <QColor>
#include <QPalette>

namespace berth::ui {

QString capsText(const core::EnvironmentInfo& e)
{
    QStringList parts;
    if (e.memory > 0) {
        parts << QString::fromStdString(core::formatBytes(static_cast<std::uint64_t>(e.memory)));
    }
    if (e.nanoCpus > 0) {
        parts << EnvironmentModel::tr("%1 CPUs").arg(static_cast<double>(e.nanoCpus) / 1e9, 0, 'g', 3);
    }
    if (!e.gpus.empty()) {
        parts << EnvironmentModel::tr("GPUs: %1").arg(QString::fromStdString(e.gpus));
    }
    return parts.isEmpty() ? EnvironmentModel::tr("none") : parts.join(QStringLiteral(", "));
}

EnvironmentModel::EnvironmentModel(std::shared_ptr<core::EngineClient> engine, QObject* parent)
    : RowsModel({tr("Name"), tr("State"), tr("Image"), tr("Address"), tr("Caps"), tr("Notebooks"), tr("Status"),
                 tr("CPU"), tr("Memory")},
                parent),
      m_engine(std::move(engine))
{
    m_refresher = new Refresher(
        [this, engine = m_engine]() -> std::function<void()> {
            auto list = core::listEnvironments(*engine);
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

void EnvironmentModel::refresh()
{
    if (m_engine) {
        m_refresher->request();
    }
}

void EnvironmentModel::setUsage(const QString& id, double cpuPercent, std::uint64_t memoryUsed)
{
    m_usage[id.toStdString()] = {cpuPercent, memoryUsed};
    if (const int r = find(id.toStdString()); r >= 0) {
        Q_EMIT dataChanged(index(r, Cpu), index(r, Memory));
    }
}

QVariant EnvironmentModel::data(const QModelIndex& index, int role) const
{
    const core::EnvironmentInfo* e = row(index.row());
    if (!e) {
        return {};
    }
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case Name:
            return QString::fromStdString(e->name);
        case State:
            return QString::fromUtf8(core::toString(e->state));
        case Image:
            return QString::fromStdString(e->image);
        case Address:
            return QString::fromStdString(e->url);
        case Caps:
            return capsText(*e);
        case Notebooks:
            return QString::fromStdString(e->workspace);
        case Status:
            return QString::fromStdString(e->status);
        case Cpu:
        case Memory: {
            auto it = m_usage.find(e->id);
            if (it == m_usage.end() || e->state != core::EnvironmentState::Running) {
                return QString();
            }
            return index.column() == Cpu ? QStringLiteral("%1 %").arg(it->second.cpu, 0, 'f', 1)
                                         : QString::fromStdString(core::formatBytes(it->second.memory));
        }
        }
    }
    if (role == Qt::ForegroundRole && index.column() == State) {
        return e->state == core::EnvironmentState::Running ? QVariant(toneColor(Tone::Good, QApplication::palette())) : QVariant();
    }
    if (role == Qt::UserRole) {
        return QString::fromStdString(e->id);
    }
    return {};
}

} // namespace berth::ui
