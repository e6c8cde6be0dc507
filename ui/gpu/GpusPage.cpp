// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/gpu/GpusPage.h"

#include "berth/core/base/Units.h"
#include "berth/core/gpu/EngineGpuSupport.h"
#include "ui/RemedyText.h"
#include "ui/async/Async.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace berth::ui {

namespace {
enum Column
{
    Index,
    Name,
    Memory,
    Compute,
    Load,
    MemoryUsed,
    Uuid,
};

struct Probe
{
    core::HostGpus host;
    core::EngineGpuSupport support;
};

QLabel* plainLabel(QWidget* parent)
{
    auto* l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}
} // namespace

GpusPage::GpusPage(std::shared_ptr<core::EngineClient> engine, QWidget* parent)
    : QWidget(parent), m_engineClient(std::move(engine)), m_driver(plainLabel(this)), m_engine(plainLabel(this)),
      m_table(new QTableWidget(0, 7, this))
{
    setObjectName(QStringLiteral("gpusPage"));
    auto* layout = new QVBoxLayout(this);
    m_driver->setObjectName(QStringLiteral("driver"));
    m_driver->setAccessibleName(tr("NVIDIA driver"));
    layout->addWidget(m_driver);
    m_engine->setObjectName(QStringLiteral("engineGpuSupport"));
    m_engine->setAccessibleName(tr("Whether the engine can pass GPUs"));
    layout->addWidget(m_engine);
    m_table->setHorizontalHeaderLabels(
        {tr("GPU"), tr("Name"), tr("Memory"), tr("Compute capability"), tr("Load"), tr("Memory in use"), tr("UUID")});
    m_table->setAccessibleName(tr("GPUs"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    m_sampler.setInterval(2000);
    connect(&m_sampler, &QTimer::timeout, this, &GpusPage::sample);
}

void GpusPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_probed) {
        refresh();
    }
    m_sampler.start();
    sample();
}

void GpusPage::hideEvent(QHideEvent* event)
{
    m_sampler.stop(); // nothing is sampled while nobody looks
    QWidget::hideEvent(event);
}

void GpusPage::refresh()
{
    m_probed = true;
    m_driver->setText(tr("Looking for NVIDIA GPUs..."));
    runAsync(
        this,
        [engine = m_engineClient] {
            Probe p;
            p.host = engine ? core::GpuHost::probeEngineHost(*engine) : core::GpuHost::probe();
            p.support = engine ? core::EngineGpuSupport::detect(*engine) : core::EngineGpuSupport::unknown("no engine");
            return p;
        },
        [this](Probe p) {
            const auto& h = p.host;
            if (h.hasNvidiaDriver()) {
                m_driver->setText(tr("NVIDIA driver %1, which runs CUDA %2 and older; %n GPU(s).", nullptr,
                                     static_cast<int>(h.gpus.size()))
                                      .arg(QString::fromStdString(h.driverVersion), QString::fromStdString(h.cudaVersion)));
            } else if (h.driverNotLoaded) {
                m_driver->setText(tr("The NVIDIA driver is installed but not loaded. ") +
                                  remedyText({core::RemedyKind::LoadDriver, {}}));
            } else if (h.unknown) {
                m_driver->setText(tr("Berth could not ask %1 about its GPUs: %2")
                                      .arg(QString::fromStdString(h.machine),
                                           QString::fromStdString(h.notes.empty() ? std::string() : h.notes.front())));
            } else if (!h.machine.empty()) {
                m_driver->setText(tr("No NVIDIA GPU on %1: images run on the CPU.").arg(QString::fromStdString(h.machine)));
            } else {
                m_driver->setText(tr("No NVIDIA GPU on this machine: images run on the CPU."));
            }
            if (!h.machine.empty() && h.hasNvidiaDriver()) {
                // The engine's machine, asked through ssh: these are its GPUs, not this laptop's.
                m_driver->setText(tr("On %1: %2").arg(QString::fromStdString(h.machine), m_driver->text()));
            }
            using S = core::EngineGpuSupport::State;
            QString support;
            if (p.support.state == S::Yes) {
                support = tr("The engine can hand GPUs to containers: %1.").arg(QString::fromStdString(p.support.detail));
            } else if (p.support.state == S::No) {
                support = tr("The engine cannot hand GPUs to containers. ") +
                          remedyText({core::RemedyKind::InstallToolkit, {}});
            } else {
                support = tr("Whether the engine can hand GPUs to containers is not known: %1.")
                              .arg(QString::fromStdString(p.support.detail));
            }
            m_engine->setText(h.hasNvidiaDriver() || p.support.state == S::Yes ? support : QString());
            m_table->setRowCount(static_cast<int>(h.gpus.size()));
            for (int r = 0; r < static_cast<int>(h.gpus.size()); ++r) {
                const auto& g = h.gpus[static_cast<std::size_t>(r)];
                auto set = [&](int c, const std::string& text) {
                    m_table->setItem(r, c, new QTableWidgetItem(QString::fromStdString(text)));
                };
                set(Index, std::to_string(g.index));
                set(Name, g.name);
                set(Memory, g.memoryTotal ? core::formatBytes(g.memoryTotal) : std::string("?"));
                set(Compute, g.computeCapability.empty() ? std::string("?") : g.computeCapability);
                set(Load, "");
                set(MemoryUsed, "");
                set(Uuid, g.uuid);
            }
            m_table->resizeColumnsToContents();
        });
}

void GpusPage::sample()
{
    if (m_sampling || !isVisible()) {
        return;
    }
    if (m_engineClient && m_engineClient->remoteHost()) {
        m_sampler.stop(); // this machine's NVML knows nothing of the remote's GPUs
        return;
    }
    m_sampling = true;
    runAsync(this, [] { return core::GpuHost::sampleUsage(); }, [this](core::Result<std::vector<core::GpuUsage>> u) {
        m_sampling = false;
        if (!u) {
            m_sampler.stop(); // no NVML: nothing to sample, nothing to ask again
            return;
        }
        if (++m_samples == 1) {
            QTimer::singleShot(0, this, [this] { m_table->resizeColumnsToContents(); });
        }
        for (const auto& g : *u) {
            for (int r = 0; r < m_table->rowCount(); ++r) {
                if (m_table->item(r, Index) && m_table->item(r, Index)->text().toInt() == g.index) {
                    m_table->setItem(r, Load, new QTableWidgetItem(g.gpuPercent < 0 ? tr("?")
                                                                                    : tr("%1 %").arg(g.gpuPercent)));
                    m_table->setItem(
                        r, MemoryUsed,
                        new QTableWidgetItem(g.memoryUsed < 0
                                                 ? tr("?")
                                                 : QString::fromStdString(core::formatBytes(
                                                       static_cast<std::uint64_t>(g.memoryUsed)))));
                }
            }
        }
    });
}

} // namespace berth::ui
