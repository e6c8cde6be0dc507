// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Core's calls block; the GUI thread never does. `runAsync` runs work on Qt's thread pool and hands its result
// to `done` on the GUI thread, unless `context` is gone by then (then nothing is called). `Refresher`
// coalesces requests: one run at a time, and one more after it when asked meanwhile.

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace berth::ui {

/// The pool engine calls run on: they wait on the network (a pull, a launch's wait for Jupyter, a stop's grace),
/// so it has many more threads than cores, and a long job never holds up the lists.
inline QThreadPool* ioPool()
{
    static QThreadPool* pool = [] {
        auto* p = new QThreadPool;
        p->setMaxThreadCount(32);
        p->setExpiryTimeout(30000);
        return p;
    }();
    return pool;
}

/// Threads of streams whose view has gone: told to stop, joined once they have returned, and all of them at
/// exit (berth's main() calls joinAll() before libcurl is cleaned up). The GUI thread never waits on one.
class Reaper
{
public:
    static void adopt(std::thread thread, std::shared_ptr<std::atomic<bool>> done)
    {
        auto& r = instance();
        std::lock_guard lock(r.m_mutex);
        for (auto it = r.m_threads.begin(); it != r.m_threads.end();) {
            if (it->second->load()) {
                it->first.join();
                it = r.m_threads.erase(it);
            } else {
                ++it;
            }
        }
        r.m_threads.emplace_back(std::move(thread), std::move(done));
    }
    static void joinAll()
    {
        auto& r = instance();
        std::lock_guard lock(r.m_mutex);
        for (auto& t : r.m_threads) {
            t.first.join();
        }
        r.m_threads.clear();
    }

    ~Reaper()
    {
        for (auto& t : m_threads) {
            t.first.join(); // told to stop already: each returns within moments
        }
    }

private:
    Reaper() = default;
    static Reaper& instance()
    {
        static Reaper r;
        return r;
    }
    std::mutex m_mutex;
    std::vector<std::pair<std::thread, std::shared_ptr<std::atomic<bool>>>> m_threads;
};

/// Where a worker thread hands things to a QObject that may be gone by then: the object clears it when it
/// goes, and a worker posts only while it is set.
class Mailbox
{
public:
    explicit Mailbox(QObject* target) : m_target(target) {}
    /// Runs `f` on the target's thread, unless the target is gone.
    template <class F>
    void post(F f)
    {
        std::lock_guard lock(m_mutex);
        if (m_target) {
            QMetaObject::invokeMethod(m_target, std::move(f), Qt::QueuedConnection);
        }
    }
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_target = nullptr;
    }

private:
    std::mutex m_mutex;
    QObject* m_target;
};

template <class Work, class Done>
void runAsync(QObject* context, Work work, Done done)
{
    using T = std::invoke_result_t<Work>;
    // Result<T> has no default value, so the future carries a shared pointer to it.
    using Box = std::shared_ptr<T>;
    auto* watcher = new QFutureWatcher<Box>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::move(done)]() mutable {
                         Box result = watcher->result();
                         watcher->deleteLater();
                         done(std::move(*result));
                     });
    watcher->setFuture(
        QtConcurrent::run(ioPool(), [work = std::move(work)]() mutable { return std::make_shared<T>(work()); }));
}

/// Runs `work` (on a worker) when asked, never twice at once; a request while it runs makes one more run after.
/// `work` returns what to do with its result on the GUI thread.
class Refresher : public QObject
{
    Q_OBJECT
public:
    using Work = std::function<std::function<void()>()>;
    Refresher(Work work, QObject* parent) : QObject(parent), m_work(std::move(work)) {}

    void request()
    {
        if (m_running) {
            m_again = true;
            return;
        }
        m_running = true;
        runAsync(this, m_work, [this](std::function<void()> apply) {
            apply();
            m_running = false;
            if (m_again) {
                m_again = false;
                request();
            }
        });
    }
    bool running() const { return m_running; }

private:
    Work m_work;
    bool m_running = false;
    bool m_again = false;
};

} // namespace berth::ui
