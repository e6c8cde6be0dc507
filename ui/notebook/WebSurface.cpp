// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/notebook/WebSurface.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibrary>

namespace berth::ui {

MakeWebSurface webSurfaceMaker(QString* error)
{
    static MakeWebSurface maker = nullptr;
    static QString failure;
    if (maker || !failure.isEmpty()) {
        if (error) {
            *error = failure;
        }
        return maker;
    }
    const QString dir = QCoreApplication::applicationDirPath();
    // Installed: <prefix>/lib/berth beside <prefix>/bin; in a build tree: build/lib beside build/bin.
    const QStringList places = {dir + QStringLiteral("/../lib/berth/libberth_web.so"),
                                dir + QStringLiteral("/../lib/libberth_web.so")};
    QStringList tried;
    for (const QString& place : places) {
        if (!QFileInfo::exists(place)) {
            tried << place;
            continue;
        }
        QLibrary library(place);
        library.setLoadHints(QLibrary::ResolveAllSymbolsHint);
        maker = reinterpret_cast<MakeWebSurface>(library.resolve(kMakeWebSurfaceSymbol));
        if (maker) {
            return maker; // the library stays loaded for the life of the program
        }
        tried << place + QStringLiteral(" (") + library.errorString() + QLatin1Char(')');
    }
    failure = QCoreApplication::translate("Notebook", "The notebook pane's module (libberth_web.so) is missing or "
                                                      "broken; reinstall Berth, or use Open in Browser. Tried: %1")
                  .arg(tried.join(QStringLiteral(", ")));
    if (error) {
        *error = failure;
    }
    return nullptr;
}

} // namespace berth::ui
