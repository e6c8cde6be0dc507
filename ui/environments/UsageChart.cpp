// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/environments/UsageChart.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

namespace berth::ui {

namespace {
constexpr int kWindow = 120; // samples: about two minutes at one a second
}

UsageChart::UsageChart(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_chart(new QChart), m_view(new QChartView(m_chart, this)),
      m_cpu(new QLineSeries(this)), m_memory(new QLineSeries(this)), m_x(new QValueAxis(this)),
      m_cpuAxis(new QValueAxis(this)), m_memoryAxis(new QValueAxis(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title->setTextFormat(Qt::PlainText);
    layout->addWidget(m_title);
    m_cpu->setName(tr("CPU %"));
    m_memory->setName(tr("Memory (MiB)"));
    m_chart->addSeries(m_cpu);
    m_chart->addSeries(m_memory);
    m_x->setRange(0, kWindow);
    m_x->setLabelsVisible(false);
    m_cpuAxis->setRange(0, m_maxCpu);
    m_cpuAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_memoryAxis->setRange(0, m_maxMemory);
    m_memoryAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_cpuAxis, Qt::AlignLeft);
    m_chart->addAxis(m_memoryAxis, Qt::AlignRight);
    m_cpu->attachAxis(m_x);
    m_cpu->attachAxis(m_cpuAxis);
    m_memory->attachAxis(m_x);
    m_memory->attachAxis(m_memoryAxis);
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(170);
    m_view->setAccessibleName(tr("CPU and memory over time"));
    layout->addWidget(m_view);
    showEnvironment({}, {});
}

void UsageChart::showEnvironment(const QString& id, const QString& name)
{
    if (id == m_id && !id.isEmpty()) {
        return;
    }
    m_id = id;
    m_cpu->clear();
    m_memory->clear();
    m_t = 0;
    m_maxCpu = 100;
    m_maxMemory = 64;
    m_x->setRange(0, kWindow);
    m_cpuAxis->setRange(0, m_maxCpu);
    m_memoryAxis->setRange(0, m_maxMemory);
    m_title->setText(id.isEmpty() ? tr("Select a running environment to see its CPU and memory.")
                                  : tr("CPU and memory of %1, live").arg(name));
}

void UsageChart::add(const QString& id, const core::StatsSample& sample)
{
    if (id != m_id) {
        return;
    }
    const double mib = static_cast<double>(sample.memoryUsed) / (1024.0 * 1024.0);
    m_cpu->append(m_t, sample.cpuPercent);
    m_memory->append(m_t, mib);
    ++m_t;
    if (m_cpu->count() > kWindow) {
        m_cpu->remove(0);
        m_memory->remove(0);
    }
    m_x->setRange(std::max(0, m_t - kWindow), std::max(kWindow, m_t));
    if (sample.cpuPercent > m_maxCpu) {
        m_maxCpu = sample.cpuPercent * 1.2;
        m_cpuAxis->setRange(0, m_maxCpu);
    }
    if (mib > m_maxMemory) {
        m_maxMemory = mib * 1.2;
        m_memoryAxis->setRange(0, m_maxMemory);
    }
}

int UsageChart::points() const
{
    return static_cast<int>(m_cpu->count());
}

} // namespace berth::ui
