// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// The real berthctl run as a person runs it: its own process, the environment given, a minute at most.

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace berth::test {

struct BerthctlRun
{
    int exitCode = -1; ///< -1: it did not end by itself (a signal, or killed after the minute)
    QString out;
    QString err;
};

inline BerthctlRun runBerthctl(const QStringList& args, const QProcessEnvironment& env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(BERTHCTL_PATH), args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace berth::test
