// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/notebook/WebSurface.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibrary>
#include <QOpenGLContext>

#include <utility>

QT_BEGIN_NAMESPACE
// Exported by QtGui and declared by QtWebEngine the same way: the context every other one shares with.
Q_GUI_EXPORT void qt_gl_set_global_share_context(QOpenGLContext* context);
QT_END_NAMESPACE

namespace berth::ui {

namespace {

/// What Qt::AA_ShareOpenGLContexts, set before the application, would have made at start: a context QtWebEngine
/// shares its pages' textures with. Made here, when the first notebook opens, it costs a start of the window
/// nothing (made at start, it loads Mesa and LLVM, about 40% of a cold start under Xvfb).
void shareGlContexts()
{
    if (QOpenGLContext::globalShareContext()) {
        return;
    }
    static QOpenGLContext* context = nullptr;
    context = new QOpenGLContext;
    context->setFormat(QSurfaceFormat::defaultFormat());
    context->create();
    qt_gl_set_global_share_context(context);
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    qAddPostRoutine([] {
        qt_gl_set_global_share_context(nullptr);
        delete std::exchange(context, nullptr);
    });
}

} // namespace

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
    shareGlContexts(); // before QtWebEngine is loaded: it looks for the context as it starts
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
