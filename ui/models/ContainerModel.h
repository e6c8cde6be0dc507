// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/engine/EngineClient.h"
#include "ui/models/RowsModel.h"

#include <memory>

namespace berth::ui {

class Refresher;

/// Every container on the engine, Berth's or not, stopped ones too.
class ContainerModel : public RowsModel<core::ContainerSummary>
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Image,
        State,
        Status,
        Ports,
        Environment,
    };
    ContainerModel(std::shared_ptr<core::EngineClient> engine, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role) const override;
    void refresh();
    const QString& problem() const { return m_problem; }

Q_SIGNALS:
    void refreshed();

protected:
    std::string key(const core::ContainerSummary& c) const override { return c.id; }

private:
    std::shared_ptr<core::EngineClient> m_engine;
    Refresher* m_refresher;
    QString m_problem;
};

} // namespace berth::ui
