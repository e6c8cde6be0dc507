// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// CPU and memory of running containers from the engine's stats streams, one stream a container on a thread of
// its own, only while someone looks (the page that shows them is visible). Samples arrive on the GUI thread.

#include "berth/core/engine/EngineClient.h"
#include "berth/core/engine/Stats.h"

#include <QObject>
#include <QSet>
#include <QString>

#include <atomic>
#include <map>
#include <memory>
#include <thread>
#include <vector>

namespace berth::ui {

class UsageSampler : public QObject
{
    Q_OBJECT
public:
    explicit UsageSampler(std::shared_ptr<core::EngineClient> engine, QObject* parent = nullptr);
    ~UsageSampler() override;

    /// Follows exactly these containers (by id): new ones get a stream, the others' streams end.
    void follow(const QSet<QString>& ids);
    void stopAll() { follow({}); }
    int following() const { return static_cast<int>(m_streams.size()); }

Q_SIGNALS:
    void sampled(const QString& id, const core::StatsSample& sample);

private:
    struct Stream
    {
        std::shared_ptr<std::atomic<bool>> stop;
        std::shared_ptr<std::atomic<bool>> done; ///< its thread has returned: joining it does not wait
        std::thread thread;
    };
    std::shared_ptr<core::EngineClient> m_engine;
    std::shared_ptr<class Mailbox> m_mailbox;
    std::map<QString, Stream> m_streams;
};

} // namespace berth::ui
