// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// This machine's NVIDIA GPUs and driver, the newest CUDA the driver runs, and whether the engine can hand GPUs
// to containers (and what to do when it cannot). Each GPU's load and memory in use are sampled from NVML every
// two seconds, only while the page is shown.

#include "berth/core/engine/EngineClient.h"
#include "berth/core/gpu/GpuHost.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QTableWidget;

namespace berth::ui {

class GpusPage : public QWidget
{
    Q_OBJECT
public:
    GpusPage(std::shared_ptr<core::EngineClient> engine, QWidget* parent = nullptr);

    /// Looks again: GPUs, driver, the engine's support.
    void refresh();
    QTableWidget* table() const { return m_table; }
    QLabel* driver() const { return m_driver; }
    QLabel* engineSupport() const { return m_engine; }
    /// Samples taken so far (tests wait on it).
    int samples() const { return m_samples; }

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void sample();

    std::shared_ptr<core::EngineClient> m_engineClient;
    QLabel* m_driver;
    QLabel* m_engine;
    QTableWidget* m_table;
    QTimer m_sampler;
    bool m_probed = false;
    bool m_sampling = false;
    int m_samples = 0;
};

} // namespace berth::ui
