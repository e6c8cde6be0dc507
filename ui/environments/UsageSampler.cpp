// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/environments/UsageSampler.h"

#include <QPointer>

namespace berth::ui {

UsageSampler::UsageSampler(std::shared_ptr<core::EngineClient> engine, QObject* parent)
    : QObject(parent), m_engine(std::move(engine))
{
}

UsageSampler::~UsageSampler()
{
    stopAll();
    for (auto& s : m_ending) {
        s.thread.join(); // each ends within about a second of being told
    }
}

void UsageSampler::reap()
{
    for (auto it = m_ending.begin(); it != m_ending.end();) {
        if (it->done->load()) {
            it->thread.join();
            it = m_ending.erase(it);
        } else {
            ++it;
        }
    }
}

void UsageSampler::follow(const QSet<QString>& ids)
{
    // Streams of containers no longer followed: told to end; their threads are joined once they have returned.
    for (auto it = m_streams.begin(); it != m_streams.end();) {
        if (!ids.contains(it->first)) {
            it->second.stop->store(true);
            m_ending.push_back(std::move(it->second));
            it = m_streams.erase(it);
        } else {
            ++it;
        }
    }
    reap();
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
        s.thread = std::thread([this, engine = m_engine, id, stop, done] {
            (void)engine->streamStats(
                id.toStdString(),
                [this, id, stop](const core::StatsSample& sample) {
                    if (!stop->load()) {
                        QMetaObject::invokeMethod(
                            this, [this, id, sample] { Q_EMIT sampled(id, sample); }, Qt::QueuedConnection);
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
