// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Core's calls block; the GUI thread never does. `runAsync` runs work on Qt's thread pool and hands its result
// to `done` on the GUI thread, unless `context` is gone by then (then nothing is called). `Refresher`
// coalesces requests: one run at a time, and one more after it when asked meanwhile.

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace berth::ui {

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
    watcher->setFuture(QtConcurrent::run([work = std::move(work)]() mutable { return std::make_shared<T>(work()); }));
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
