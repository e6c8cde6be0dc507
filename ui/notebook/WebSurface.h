// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// The notebook pane's browser, seen from the window: one web view signed in to one environment's Jupyter.
// QtWebEngine itself lives in a module of its own (ui/web, libberth_web.so) that the window loads when the
// first notebook opens: linked into berth it would cost every start about 60 ms before any window shows.
// Nothing here names a WebEngine type.

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <QVariant>

#include <functional>

class QWidget;

namespace berth::ui {

class WebSurface;

/// What a surface tells the pane.
struct WebSurfaceHooks
{
    std::function<void(const QUrl&)> openExternally;   ///< a link to another site: the system browser
    /// window.open, a link with a target: a new surface on the same server and profile, for a new tab that
    /// takes it over (and gives it hooks of its own with setHooks).
    std::function<void(WebSurface*)> adoptWindow;
    std::function<void(bool ok)> loadFinished;
    std::function<void(const QString&)> titleChanged;
    std::function<void(const QUrl&)> urlChanged;
};

/// One web view for one Jupyter server at http://127.0.0.1:PORT, in a profile of that server's own (shared
/// only with the windows its pages open): off the record (cookies, cache and storage in memory only), no plugins, no file access,
/// every permission prompt refused. Every request to exactly that server carries `Authorization: token T`; no
/// other request does; a main-frame address with `token=` is sent on without it.
class WebSurface
{
public:
    virtual ~WebSurface() = default;
    virtual QWidget* widget() = 0;
    virtual void setHooks(const WebSurfaceHooks& hooks) = 0;
    /// The server this surface signs in to (port 0: none yet). A surface made early, while the environment
    /// starts, gets its server once Jupyter answers: the web engine starts meanwhile.
    virtual void setServer(int port, const QByteArray& token) = 0;
    virtual void load(const QUrl& url) = 0;
    virtual QUrl url() const = 0;
    virtual void reload() = 0;
    /// 1.0 is 100 %.
    virtual void setZoom(double factor) = 0;
    virtual double zoom() const = 0;
    /// The print dialog, then the page on the printer chosen.
    virtual void print() = 0;
    virtual void runJavaScript(const QString& script, std::function<void(const QVariant&)> done) = 0;
    /// Every address this surface asked for (requests, navigations, WebSocket handshakes), for tests: a token
    /// in any of them is a failure.
    virtual QStringList requestedUrls() const = 0;
};

/// The module's one entry point (extern "C", looked up by name).
using MakeWebSurface = WebSurface* (*)(int port, const QByteArray& token, const WebSurfaceHooks& hooks,
                                       QWidget* parent);
inline constexpr const char* kMakeWebSurfaceSymbol = "berth_make_web_surface";

/// Loads libberth_web.so (../lib/berth from the program when installed, ../lib in a build tree) once; nullptr, with the
/// reason in `error`, when it cannot.
MakeWebSurface webSurfaceMaker(QString* error);

} // namespace berth::ui
