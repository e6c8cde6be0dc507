// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// A small chart of one environment's CPU (% of one CPU) and memory over the last two minutes.

#include "berth/core/engine/Stats.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace berth::ui {

class UsageChart : public QWidget
{
    Q_OBJECT
public:
    explicit UsageChart(QWidget* parent = nullptr);

    /// Starts over for another environment ("" shows nothing).
    void showEnvironment(const QString& id, const QString& name);
    const QString& environment() const { return m_id; }
    void add(const QString& id, const core::StatsSample& sample);
    int points() const;

private:
    QString m_id;
    QLabel* m_title;
    QChart* m_chart;
    QChartView* m_view;
    QLineSeries* m_cpu;
    QLineSeries* m_memory;
    QValueAxis* m_x;
    QValueAxis* m_cpuAxis;
    QValueAxis* m_memoryAxis;
    int m_t = 0;
    double m_maxCpu = 100;
    double m_maxMemory = 64;
};

} // namespace berth::ui
