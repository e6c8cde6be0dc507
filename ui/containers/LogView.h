// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// A container's log, followed as it grows: stdout and stderr told apart, search, pause, copy and save. The
// stream runs on a thread of its own and ends when the view closes. What a container prints is shown as
// plain text (never markup, never terminal sequences) and tokens in it are hidden.

#include "berth/core/engine/EngineClient.h"
#include "ui/async/Async.h"

#include <QDialog>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QLabel;

namespace berth::ui {

class LogView : public QDialog
{
    Q_OBJECT
public:
    LogView(std::shared_ptr<core::EngineClient> engine, const QString& idOrName, const QString& title,
            QWidget* parent = nullptr);
    ~LogView() override;

    QPlainTextEdit* text() const { return m_text; }
    /// Lines received so far (tests wait on it).
    int lines() const { return m_lines; }

private:
    void append(const QString& chunk, bool stderrStream);
    void insert(const QString& chunk, bool stderrStream);
    void findNext();
    void save();

    std::shared_ptr<core::EngineClient> m_engine;
    QPlainTextEdit* m_text;
    QLineEdit* m_search;
    QCheckBox* m_pause;
    QLabel* m_state;
    std::thread m_thread;
    std::shared_ptr<std::atomic<bool>> m_stop = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<std::atomic<bool>> m_done = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<class Mailbox> m_mailbox = std::make_shared<Mailbox>(this);
    QString m_held; ///< what arrived while paused
    int m_lines = 0;
};

} // namespace berth::ui
