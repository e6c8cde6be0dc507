// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/engine/EngineClient.h"
#include "berth/core/launch/Environment.h"
#include "ui/models/RowsModel.h"

#include <map>
#include <memory>

namespace berth::ui {

class Refresher;

/// Berth's environments (containers with berth.* labels), from the engine's container list alone: one
/// request per refresh, so it follows every event.
class EnvironmentModel : public RowsModel<core::EnvironmentInfo>
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        State,
        Image,
        Address,
        Caps,
        Notebooks,
        Status,
        Cpu,
        Memory,
    };
    EnvironmentModel(std::shared_ptr<core::EngineClient> engine, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role) const override;
    /// Lists again (coalesced: one list at a time, one more after it if asked meanwhile).
    void refresh();
    /// What went wrong with the last list ("" when it worked).
    const QString& problem() const { return m_problem; }
    /// The latest CPU and memory of an environment (from UsageSampler), shown in its row.
    void setUsage(const QString& id, double cpuPercent, std::uint64_t memoryUsed);

Q_SIGNALS:
    void refreshed();

protected:
    std::string key(const core::EnvironmentInfo& e) const override { return e.id; }

private:
    std::shared_ptr<core::EngineClient> m_engine;
    Refresher* m_refresher;
    QString m_problem;
    struct Usage
    {
        double cpu = 0;
        std::uint64_t memory = 0;
    };
    std::map<std::string, Usage> m_usage;
};

/// "4 GiB, 2 CPUs, GPUs: all" from an environment's caps; "none" without any.
QString capsText(const core::EnvironmentInfo& e);

} // namespace berth::ui
