// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// berth: the desktop app.

#include "berth/core/engine/CurlTransport.h"
#include "berth/core/engine/Endpoint.h"
#include "berth/core/base/Token.h"
#include "ui/EngineStatus.h"
#include "ui/MainWindow.h"
#include "ui/RemedyText.h"

#include <QApplication>
#include <QCommandLineParser>

#include <memory>
#include <string_view>

#include <curl/curl.h>

namespace {
int run(int argc, char** argv);
}

int main(int argc, char** argv)
{
    berth::core::protectSecretsInMemory();
    curl_global_init(CURL_GLOBAL_DEFAULT);
    // QApplication (and with it the thread pool running engine calls) is gone before libcurl is cleaned up.
    const int rc = run(argc, argv);
    curl_global_cleanup();
    return rc;
}

namespace {
/// --help and --version answer without a display (over ssh, in a package's test): no window is made.
bool onlyAsksForHelp(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "-h" || a == "--help" || a == "--help-all" || a == "-v" || a == "--version") {
            return true;
        }
    }
    return false;
}

int run(int argc, char** argv)
{
    std::unique_ptr<QCoreApplication> owner;
    if (onlyAsksForHelp(argc, argv)) {
        owner = std::make_unique<QCoreApplication>(argc, argv);
    } else {
        owner = std::make_unique<QApplication>(argc, argv);
    }
    QCoreApplication& app = *owner;
    QCoreApplication::setApplicationName(QStringLiteral("Berth"));
    QCoreApplication::setOrganizationName(QStringLiteral("Berth"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BERTH_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Containerized AI environments as easy as opening a document."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption hostOption(QStringList{QStringLiteral("H"), QStringLiteral("host")},
                                  QStringLiteral("Engine address: unix:///path or tcp://host:port."),
                                  QStringLiteral("URL"));
    parser.addOption(hostOption);
    QCommandLineOption contextOption(QStringList{QStringLiteral("c"), QStringLiteral("context")},
                                     QStringLiteral("Use a docker context (docker context ls)."), QStringLiteral("NAME"));
    parser.addOption(contextOption);
    parser.process(app);

    std::optional<std::string> host;
    if (parser.isSet(hostOption)) {
        host = parser.value(hostOption).toStdString();
    }
    std::shared_ptr<berth::core::EngineClient> engine;
    QString setupError;
    std::optional<std::string> context;
    if (parser.isSet(contextOption)) {
        context = parser.value(contextOption).toStdString();
    }
    auto endpoint = berth::core::resolveEndpoint(host, berth::core::EndpointEnvironment::system(), context);
    if (endpoint) {
        engine = std::make_shared<berth::core::EngineClient>(std::make_shared<berth::core::CurlTransport>(*endpoint));
    } else {
        setupError = berth::ui::errorText(endpoint.error());
    }

    int rc = 0;
    {
        berth::ui::EngineStatus status(engine, setupError);
        berth::ui::MainWindow window(&status);
        window.show();
        status.refresh();
        rc = QCoreApplication::exec();
    }
    return rc;
}
} // namespace
