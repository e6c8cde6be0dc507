// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// The real engine the test command started (DOCKER_HOST, else the usual sockets), and a label unique to
// this test process so that parallel tests never touch each other's containers, and cleanup finds them.

#include "berth/core/engine/CurlTransport.h"
#include "berth/core/engine/EngineClient.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QString>
#include <QTest>

#include <memory>
#include <string>

namespace berth::test {

inline std::shared_ptr<core::EngineClient> liveEngine()
{
    auto ep = core::resolveEndpoint(std::nullopt, core::EndpointEnvironment::system());
    if (!ep) {
        qFatal("no engine endpoint: %s", ep.error().message.c_str());
    }
    return std::make_shared<core::EngineClient>(std::make_shared<core::CurlTransport>(*ep));
}

/// The loopback registry of tests/testbed/registry.sh (BERTH_TEST_REGISTRY, else its default port).
inline std::string registryAddress()
{
    const char* r = std::getenv("BERTH_TEST_REGISTRY");
    return r && *r ? std::string(r) : std::string("127.0.0.1:5055");
}

/// "berth.test=<random>": put it on everything a test creates.
inline const std::string& runLabelValue()
{
    static const std::string v = QString::number(QRandomGenerator::system()->generate64(), 36).toStdString();
    return v;
}

/// Removes every container carrying this run's label (force, with anonymous volumes).
inline void removeLabelled(core::EngineClient& engine)
{
    auto list = engine.listContainers(true, {{"label", {"berth.test=" + runLabelValue()}}});
    if (list) {
        for (const auto& c : *list) {
            (void)engine.removeContainer(c.id, true, true);
        }
    }
}

/// Removes every container whose name carries this run's value (launches name theirs with uniqueName()).
inline void removeNamed(core::EngineClient& engine)
{
    auto list = engine.listContainers(true, {{"name", {runLabelValue()}}});
    if (list) {
        for (const auto& c : *list) {
            (void)engine.removeContainer(c.id, true, true);
        }
    }
}

/// Removes an image with every tag that shares its id, so that pulling it again downloads its layers.
inline void removeImageEverywhere(core::EngineClient& engine, const std::string& reference)
{
    auto d = engine.inspectImage(reference);
    if (d) {
        (void)engine.removeImage(d->id, true);
    }
}

/// A unique name for a container of this run.
inline std::string uniqueName(const char* what)
{
    return std::string("berth-t-") + what + "-" + runLabelValue();
}

/// This process's environment with HOME at `home` (and no XDG_CONFIG_HOME): notebook folders go there.
inline QProcessEnvironment environmentWithHome(const QString& home)
{
    auto e = QProcessEnvironment::systemEnvironment();
    e.insert("HOME", home);
    e.remove("XDG_CONFIG_HOME");
    return e;
}

/// Runs berthctl with arguments; returns exit code, stdout, stderr.
struct CtlResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

inline CtlResult berthctl(const QStringList& args, int timeoutMs = 120000,
                          const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(BERTHCTL_PATH), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, QString::fromUtf8(p.readAllStandardOutput()), QStringLiteral("timed out")};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace berth::test
