// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/EngineStatus.h"

#include "ui/RemedyText.h"
#include "ui/async/Async.h"

#include <QtConcurrent/QtConcurrentRun>

namespace berth::ui {

EngineStatus::EngineStatus(std::shared_ptr<core::EngineClient> engine, QString setupError, QObject* parent)
    : QObject(parent), m_engine(std::move(engine))
{
    connect(&m_watcher, &QFutureWatcher<Snapshot>::finished, this, [this] {
        m_snapshot = m_watcher.result();
        Q_EMIT changed();
        if (m_again) {
            m_again = false;
            refresh(); // asked while a check was under way: asked again, once
        }
    });
    if (!m_engine) {
        m_snapshot = {false, false, setupError, {}};
    }
}

void EngineStatus::refresh()
{
    if (!m_engine) {
        return;
    }
    if (m_watcher.isRunning()) {
        m_again = true;
        return;
    }
    m_snapshot.checking = true;
    if (m_snapshot.text.isEmpty()) {
        m_snapshot.text = tr("Looking for the engine...");
    }
    Q_EMIT changed();
    auto engine = m_engine;
    m_watcher.setFuture(QtConcurrent::run(ioPool(), [engine]() -> Snapshot {
        auto v = engine->version();
        if (!v) {
            return {false, false, errorText(v.error()), {}};
        }
        const QString kind = v->podman ? QStringLiteral("Podman") : QStringLiteral("Docker");
        Snapshot s{true, false,
                   tr("%1 %2 (API %3) at %4")
                       .arg(kind, QString::fromStdString(v->version), QString::fromStdString(engine->apiVersion()),
                            QString::fromStdString(engine->endpoint())),
                   {}};
        if (v->loopbackPortsReachableFromNetwork()) {
            s.warning = tr("Docker %1 lets other machines on this network segment reach ports published on "
                           "127.0.0.1 (moby#45610), Jupyter's among them. Update Docker to 28 or later, or drop "
                           "such traffic with: iptables -t raw -I PREROUTING ! -i lo -d 127.0.0.0/8 -j DROP")
                            .arg(QString::fromStdString(v->version));
        }
        return s;
    }));
}

} // namespace berth::ui
