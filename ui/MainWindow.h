// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include <QMainWindow>

class QLabel;

namespace berth::ui {

class EngineStatus;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(EngineStatus* status, QWidget* parent = nullptr);

    /// The engine line at the bottom (for tests and screen readers).
    QLabel* engineLine() const { return m_engineLine; }

private:
    void showStatus();

    EngineStatus* m_status;
    QLabel* m_engineWarning = nullptr;
    QLabel* m_engineLine;
};

} // namespace berth::ui
