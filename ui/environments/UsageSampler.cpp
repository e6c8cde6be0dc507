// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/environments/UsageSampler.h"

#include "ui/async/Async.h"

namespace berth::ui {

UsageSampler::UsageSampler(std::shared_ptr<core::EngineClient> engine, QObject* parent)
    : QObject(parent), m_engine(std::move(engine)), m_mailbox(std::make_shared<Mailbox>(this))
{
}

UsageSampler::~UsageSampler()
{
    m_mailbox->close();
    stopAll(); // the streams' threads go to the reaper: nothing here waits for the engine
}

void UsageSampler::follow(const QSet<QString>& ids)
{
    // Streams of containers no longer followed: told to end; their threads are joined once they have returned.
    for (auto it = m_streams.begin(); it != m_streams.end();) {
        if (!ids.contains(it->first)) {
            it->second.stop->store(true);
            Reaper::adopt(std::move(it->second.thread), it->second.done);
            it = m_streams.erase(it);
        } else {
            ++it;
        }
    }
    if (!m_engine) {
        return;
    }
    for (const QString& id : ids) {
        if (m_streams.count(id)) {
            continue;
        }
        auto stop = std::make_shared<std::atomic<bool>>(false);
        auto done = std::make_shared<std::atomic<bool>>(false);
        Stream s;
        s.stop = stop;
        s.done = done;
        s.thread = std::thread([this, engine = m_engine, id, stop, done, mailbox = m_mailbox] {
            (void)engine->streamStats(
                id.toStdString(),
                [this, id, stop, &mailbox](const core::StatsSample& sample) {
                    if (!stop->load()) {
                        mailbox->post([this, id, sample] { Q_EMIT sampled(id, sample); });
                    }
                    return !stop->load();
                },
                stop.get());
            done->store(true);
        });
        m_streams.emplace(id, std::move(s));
    }
}

} // namespace berth::ui
