// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/engine/EngineWatcher.h"

#include "ui/RemedyText.h"

namespace berth::ui {

using namespace std::chrono_literals;

EngineWatcher::EngineWatcher(std::shared_ptr<core::EngineClient> engine, QObject* parent)
    : QObject(parent), m_engine(std::move(engine))
{
    // A burst (docker compose up, a pull of many layers) is one refresh, 150 ms after it starts.
    for (QTimer* t : {&m_containersTimer, &m_imagesTimer}) {
        t->setSingleShot(true);
        t->setInterval(150);
    }
    connect(&m_containersTimer, &QTimer::timeout, this, &EngineWatcher::containersChanged);
    connect(&m_imagesTimer, &QTimer::timeout, this, &EngineWatcher::imagesChanged);
}

EngineWatcher::~EngineWatcher()
{
    m_stop.store(true);
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void EngineWatcher::start()
{
    if (!m_engine || m_thread.joinable()) {
        return;
    }
    m_thread = std::thread([this] { run(); });
}

bool EngineWatcher::pause(std::chrono::milliseconds d)
{
    std::unique_lock lock(m_mutex);
    return !m_wake.wait_for(lock, d, [this] { return m_stop.load(); });
}

void EngineWatcher::post(bool containers, bool images)
{
    QMetaObject::invokeMethod(
        this,
        [this, containers, images] {
            if (containers && !m_containersTimer.isActive()) {
                m_containersTimer.start();
            }
            if (images && !m_imagesTimer.isActive()) {
                m_imagesTimer.start();
            }
        },
        Qt::QueuedConnection);
}

void EngineWatcher::setConnected(bool connected, const QString& problem)
{
    QMetaObject::invokeMethod(
        this,
        [this, connected, problem] {
            const bool changed = connected != m_connected || problem != m_problem;
            m_connected = connected;
            m_problem = problem;
            if (changed) {
                Q_EMIT connectionChanged(connected);
            }
            if (connected) {
                Q_EMIT containersChanged(); // whatever happened while nobody listened
                Q_EMIT imagesChanged();
            }
        },
        Qt::QueuedConnection);
}

void EngineWatcher::run()
{
    while (!m_stop.load()) {
        auto v = m_engine->version();
        if (m_stop.load()) {
            break;
        }
        if (!v) {
            setConnected(false, errorText(v.error()));
            (void)pause(2s);
            continue;
        }
        setConnected(true, {});
        core::EventOptions options;
        options.reconnect = false; // a dropped stream is said, then everything is listed again
        options.filters = {{"type", {"container", "image"}}};
        auto r = m_engine->events(
            options,
            [this](const core::Event& e) {
                post(e.type == "container", e.type == "image" || (e.type == "container" && e.action == "destroy"));
                return !m_stop.load();
            },
            &m_stop);
        if (m_stop.load()) {
            break;
        }
        setConnected(false, r ? tr("The engine closed its event stream; asking again...")
                              : errorText(r.error()));
        (void)pause(1s);
    }
}

} // namespace berth::ui
