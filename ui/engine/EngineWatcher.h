// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// The engine's events stream on a thread of its own, turned into signals on the GUI thread: lists follow what
// anyone does to containers and images within a moment, and nothing is polled while nothing happens. When the
// engine goes away the watcher says so and asks again every two seconds; when it is back, everything is
// listed afresh (events missed meanwhile included).

#include "berth/core/engine/EngineClient.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace berth::ui {

class Mailbox;

class EngineWatcher : public QObject
{
    Q_OBJECT
public:
    explicit EngineWatcher(std::shared_ptr<core::EngineClient> engine, QObject* parent = nullptr);
    /// Tells the stream to end; its thread is joined once it returns (never waited for here).
    ~EngineWatcher() override;

    /// Starts watching (once).
    void start();
    bool connected() const { return m_connected; }
    const QString& problem() const { return m_problem; }

    /// Which events change the lists: a container's lifecycle (not its exec and health checks, which a
    /// healthy Jupyter image runs every few seconds), and images (created and destroyed containers change
    /// what uses an image).
    static bool changesContainers(const core::Event& e);
    static bool changesImages(const core::Event& e);
    /// Events the engine sends before its lists show them: Docker says "die" some 50 to 100 ms (seconds, on a
    /// loaded machine) before its container list stops saying "running". After one, the containers are listed
    /// again half a second and two seconds later, so the row settles on what the engine ends up saying.
    static bool listsLagBehind(const core::Event& e);

Q_SIGNALS:
    /// A container was created, started, stopped, removed... (bursts come as one signal).
    void containersChanged();
    /// An image was pulled, tagged, removed... (bursts come as one signal).
    void imagesChanged();
    /// The engine answers again, or stopped answering (`problem` says what is wrong and what to do).
    void connectionChanged(bool connected);

private:
    /// What the watching thread shares with this object, which may be gone before the thread ends.
    struct Shared
    {
        std::atomic<bool> stop{false};
        std::atomic<bool> done{false};
        std::mutex mutex;
        std::condition_variable wake;
    };
    static void run(std::shared_ptr<core::EngineClient> engine, std::shared_ptr<Shared> shared,
                    std::shared_ptr<Mailbox> mailbox, EngineWatcher* self);
    void post(bool containers, bool images, bool settle);
    void setConnected(bool connected, const QString& problem);

    std::shared_ptr<core::EngineClient> m_engine;
    std::shared_ptr<Shared> m_shared = std::make_shared<Shared>();
    std::shared_ptr<Mailbox> m_mailbox;
    std::thread m_thread;
    QTimer m_containersTimer;
    QTimer m_imagesTimer;
    QTimer m_settleSoon;
    QTimer m_settleLate;
    bool m_connected = false;
    QString m_problem;
};

} // namespace berth::ui
