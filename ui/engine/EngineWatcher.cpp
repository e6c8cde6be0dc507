// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/engine/EngineWatcher.h"

#include "ui/RemedyText.h"
#include "ui/async/Async.h"

#include <set>

namespace berth::ui {

using namespace std::chrono_literals;

EngineWatcher::EngineWatcher(std::shared_ptr<core::EngineClient> engine, QObject* parent)
    : QObject(parent), m_engine(std::move(engine)), m_mailbox(std::make_shared<Mailbox>(this))
{
    // A burst (docker compose up, a pull of many layers) is one refresh, 150 ms after it starts.
    for (QTimer* t : {&m_containersTimer, &m_imagesTimer}) {
        t->setSingleShot(true);
        t->setInterval(150);
    }
    m_settleSoon.setSingleShot(true);
    m_settleSoon.setInterval(500);
    m_settleLate.setSingleShot(true);
    m_settleLate.setInterval(2000);
    for (QTimer* t : {&m_containersTimer, &m_settleSoon, &m_settleLate}) {
        connect(t, &QTimer::timeout, this, &EngineWatcher::containersChanged);
    }
    connect(&m_imagesTimer, &QTimer::timeout, this, &EngineWatcher::imagesChanged);
}

EngineWatcher::~EngineWatcher()
{
    {
        std::lock_guard lock(m_shared->mutex); // no wake-up is lost between the thread's check and its wait
        m_shared->stop.store(true);
    }
    m_shared->wake.notify_all();
    m_mailbox->close();
    if (m_thread.joinable()) {
        Reaper::adopt(std::move(m_thread), std::shared_ptr<std::atomic<bool>>(m_shared, &m_shared->done));
    }
}

void EngineWatcher::start()
{
    if (!m_engine || m_thread.joinable()) {
        return;
    }
    m_thread = std::thread(&EngineWatcher::run, m_engine, m_shared, m_mailbox, this);
}

bool EngineWatcher::changesContainers(const core::Event& e)
{
    static const std::set<std::string> lifecycle = {"create",  "start",   "restart", "die",  "stop",   "kill",
                                                    "destroy", "remove",  "rename",  "pause", "unpause", "update",
                                                    "oom"};
    return e.type == "container" && lifecycle.count(e.action);
}

bool EngineWatcher::changesImages(const core::Event& e)
{
    return e.type == "image" ||
           (e.type == "container" && (e.action == "create" || e.action == "destroy" || e.action == "remove"));
}

bool EngineWatcher::listsLagBehind(const core::Event& e)
{
    static const std::set<std::string> ends = {"die", "stop", "kill", "oom"};
    return e.type == "container" && ends.count(e.action);
}

void EngineWatcher::post(bool containers, bool images, bool settle)
{
    if (settle) {
        m_settleSoon.start(); // (re)started: a burst of exits is settled once, after its last
        m_settleLate.start();
    }
    if (containers && !m_containersTimer.isActive()) {
        m_containersTimer.start();
    }
    if (images && !m_imagesTimer.isActive()) {
        m_imagesTimer.start();
    }
}

void EngineWatcher::setConnected(bool connected, const QString& problem)
{
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
}

void EngineWatcher::run(std::shared_ptr<core::EngineClient> engine, std::shared_ptr<Shared> shared,
                        std::shared_ptr<Mailbox> mailbox, EngineWatcher* self)
{
    // `self` is only ever used on the GUI thread, through the mailbox, which is closed when it goes.
    auto pause = [&](std::chrono::milliseconds d) {
        std::unique_lock lock(shared->mutex);
        shared->wake.wait_for(lock, d, [&] { return shared->stop.load(); });
    };
    auto connectedNow = [&](bool connected, QString problem) {
        mailbox->post([self, connected, problem] { self->setConnected(connected, problem); });
    };
    while (!shared->stop.load()) {
        // Events from before the lists are asked for are asked for too: nothing that happens between the
        // "connected" list and the stream's start is missed.
        const auto asked = std::chrono::duration_cast<std::chrono::nanoseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
        // /_ping, not /version: as good a sign that the engine answers, and dockerd answers it at once, where
        // /version asks containerd and runc first (about 20 ms, and its CPU during a window's first frame).
        auto v = engine->ping();
        if (shared->stop.load()) {
            break;
        }
        if (!v) {
            connectedNow(false, errorText(v.error()));
            pause(2s);
            continue;
        }
        connectedNow(true, {});
        core::EventOptions options;
        options.reconnect = false; // a dropped stream is said, then everything is listed again
        options.sinceNano = asked;
        options.filters = {{"type", {"container", "image"}}};
        auto r = engine->events(
            options,
            [&](const core::Event& e) {
                const bool containers = changesContainers(e), images = changesImages(e), settle = listsLagBehind(e);
                if (containers || images) {
                    mailbox->post([self, containers, images, settle] { self->post(containers, images, settle); });
                }
                return !shared->stop.load();
            },
            &shared->stop);
        if (shared->stop.load()) {
            break;
        }
        connectedNow(false, r ? tr("The engine closed its event stream; asking again...") : errorText(r.error()));
        pause(1s);
    }
    shared->done.store(true);
}

} // namespace berth::ui
