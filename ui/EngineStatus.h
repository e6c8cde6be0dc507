// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/engine/EngineClient.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>

namespace berth::ui {

/// What the engine is, checked off the GUI thread: "Docker 20.10.24 (API 1.41) at unix:///...", or
/// what went wrong and what to do.
class EngineStatus : public QObject
{
    Q_OBJECT
public:
    struct Snapshot
    {
        bool connected = false;
        bool checking = true;
        QString text;
        QString warning; ///< what the user should know about this engine (an old Docker's exposed ports)
    };

    /// `engine` may be null when no endpoint could be made; `setupError` then says why.
    EngineStatus(std::shared_ptr<core::EngineClient> engine, QString setupError, QObject* parent = nullptr);

    const Snapshot& snapshot() const { return m_snapshot; }
    /// The engine asked (null when no endpoint could be made).
    const std::shared_ptr<core::EngineClient>& engine() const { return m_engine; }

public Q_SLOTS:
    /// Asks the engine again; asked while a check is under way, one more follows it.
    void refresh();

Q_SIGNALS:
    void changed();

private:
    std::shared_ptr<core::EngineClient> m_engine;
    QFutureWatcher<Snapshot> m_watcher;
    Snapshot m_snapshot;
    bool m_again = false;
};

} // namespace berth::ui
