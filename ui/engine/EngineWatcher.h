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

class EngineWatcher : public QObject
{
    Q_OBJECT
public:
    explicit EngineWatcher(std::shared_ptr<core::EngineClient> engine, QObject* parent = nullptr);
    /// Ends the stream and waits for its thread (about a second at most).
    ~EngineWatcher() override;

    /// Starts watching (once).
    void start();
    bool connected() const { return m_connected; }
    const QString& problem() const { return m_problem; }

Q_SIGNALS:
    /// A container was created, started, stopped, removed... (bursts come as one signal).
    void containersChanged();
    /// An image was pulled, tagged, removed... (bursts come as one signal).
    void imagesChanged();
    /// The engine answers again, or stopped answering (`problem` says what is wrong and what to do).
    void connectionChanged(bool connected);

private:
    void run();
    void post(bool containers, bool images);
    void setConnected(bool connected, const QString& problem);
    /// Sleeps unless told to stop; false when stopping.
    bool pause(std::chrono::milliseconds d);

    std::shared_ptr<core::EngineClient> m_engine;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    QTimer m_containersTimer;
    QTimer m_imagesTimer;
    bool m_connected = false;
    QString m_problem;
};

} // namespace berth::ui
