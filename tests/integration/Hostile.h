// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// The hostile engine and the hostile Jupyter of tests/hostile, started for one test and stopped after it.

#include "LiveEngine.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

namespace berth::test {

class HostileEngine
{
public:
    /// Starts tests/hostile/hostile_engine.py in `mode` on a socket of its own.
    explicit HostileEngine(const QString& mode, int jupyterPort = 0)
    {
        m_socket = m_dir.path() + "/engine.sock";
        QStringList args{QStringLiteral(BERTH_HOSTILE_DIR "/hostile_engine.py"), m_socket, mode, "--record",
                         recordPath()};
        if (jupyterPort) {
            args << "--jupyter-port" << QString::number(jupyterPort);
        }
        m_process.start("python3", args);
        if (!m_process.waitForReadyRead(10000) || !m_process.readLine().startsWith("ready")) {
            qFatal("the hostile engine did not start: %s", m_process.readAllStandardError().constData());
        }
    }
    ~HostileEngine()
    {
        m_process.kill();
        m_process.waitForFinished();
    }
    QString host() const { return "unix://" + m_socket; }
    QString recordPath() const { return m_dir.path() + "/requests.log"; }
    /// The requests it received, one "METHOD PATH[ auth]" a line.
    QStringList requests() const
    {
        QFile f(recordPath());
        if (!f.open(QIODevice::ReadOnly)) {
            return {};
        }
        return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
    }

private:
    QTemporaryDir m_dir;
    QString m_socket;
    QProcess m_process;
};

class HostileJupyter
{
public:
    explicit HostileJupyter(const QString& mode)
    {
        m_process.start("python3", {QStringLiteral(BERTH_HOSTILE_DIR "/hostile_jupyter.py"), mode, recordPath()});
        if (!m_process.waitForReadyRead(10000)) {
            qFatal("the hostile Jupyter did not start: %s", m_process.readAllStandardError().constData());
        }
        m_port = m_process.readLine().trimmed().toInt();
    }
    ~HostileJupyter()
    {
        m_process.kill();
        m_process.waitForFinished();
    }
    int port() const { return m_port; }
    QString recordPath() const { return m_dir.path() + "/requests.log"; }
    QString requests() const
    {
        QFile f(recordPath());
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
};

} // namespace berth::test
