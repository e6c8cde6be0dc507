// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// libberth_web.so: the only code that links QtWebEngine (see ui/notebook/WebSurface.h).
#include "ui/notebook/WebSurface.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>
#include <QPrintDialog>
#include <QPointer>
#include <QPrinter>
#include <QStandardPaths>
#include <QUrlQuery>
#include <QWebEngineDownloadRequest>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineUrlRequestInfo>
#include <QWebEngineView>

#include <memory>

namespace berth::ui {
namespace {

bool isServer(const QUrl& url, int port)
{
    if (port <= 0) {
        return false;
    }
    const QString scheme = url.scheme();
    return (scheme == QLatin1String("http") || scheme == QLatin1String("ws")) &&
           url.host() == QLatin1String("127.0.0.1") && url.port() == port;
}

/// The address without any token= in its query.
QUrl withoutToken(QUrl url)
{
    QUrlQuery q(url);
    q.removeAllQueryItems(QStringLiteral("token"));
    url.setQuery(q.isEmpty() ? QString() : q.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

/// Signs every request to exactly this server with the token, and only those; keeps tokens out of addresses.
/// Runs on WebEngine's IO thread.
class TokenInterceptor : public QWebEngineUrlRequestInterceptor
{
public:
    TokenInterceptor(int port, const QByteArray& token, QObject* parent) : QWebEngineUrlRequestInterceptor(parent)
    {
        setServer(port, token);
    }

    void setServer(int port, const QByteArray& token)
    {
        QMutexLocker lock(&m_mutex);
        m_port = port;
        m_header = "token " + token;
    }

    void interceptRequest(QWebEngineUrlRequestInfo& info) override
    {
        const QUrl url = info.requestUrl();
        QMutexLocker lock(&m_mutex);
        m_seen << withoutToken(url).toString();
        if (m_seen.size() > 4000) {
            m_seen.remove(0, 2000); // a page open for days keeps polling: the newest are kept
        }
        if (!isServer(url, m_port)) {
            return;
        }
        // Only what the server's own pages (or Berth itself: no initiator) ask for is signed: a page of another
        // site in a notebook's output must not reach the server as the signed-in user.
        const QUrl from = info.initiator();
        if (!from.isEmpty() && from.scheme() != QLatin1String("about") &&
            !(from.scheme() == QLatin1String("http") && from.host() == QLatin1String("127.0.0.1") &&
              from.port() == m_port)) {
            return;
        }
        if (info.resourceType() == QWebEngineUrlRequestInfo::ResourceTypeMainFrame &&
            QUrlQuery(url).hasQueryItem(QStringLiteral("token"))) {
            info.redirect(withoutToken(url)); // the redirected request comes back here and is signed
            return;
        }
        info.setHttpHeader("Authorization", m_header);
    }

    QStringList seen() const
    {
        QMutexLocker lock(&m_mutex);
        return m_seen;
    }

private:
    mutable QMutex m_mutex;
    int m_port = 0;
    QByteArray m_header;
    QStringList m_seen;
};

class NotebookPage : public QWebEnginePage
{
public:
    NotebookPage(QWebEngineProfile* profile, int port, const WebSurfaceHooks& hooks, QObject* parent)
        : QWebEnginePage(profile, parent), m_port(port), m_hooks(hooks)
    {
        // No camera, microphone, geolocation, notifications, screen capture...: refused without a prompt.
        connect(this, &QWebEnginePage::featurePermissionRequested, this,
                [this](const QUrl& origin, QWebEnginePage::Feature feature) {
                    setFeaturePermission(origin, feature, QWebEnginePage::PermissionDeniedByUser);
                });
    }

protected:
    bool acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame) override
    {
        if (isMainFrame && !isServer(url, m_port) && url.scheme() != QLatin1String("about") &&
            url.scheme() != QLatin1String("data")) {
            // Another site: the system browser, never this signed-in view.
            if (type == NavigationTypeLinkClicked && m_hooks.openExternally &&
                (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))) {
                m_hooks.openExternally(url);
            }
            return false;
        }
        return QWebEnginePage::acceptNavigationRequest(url, type, isMainFrame);
    }

    QWebEnginePage* createWindow(WebWindowType) override;

public:
    void setPort(int port) { m_port = port; }

private:
    int m_port;
    WebSurfaceHooks m_hooks;
};

class WebSurfaceImpl;
QWebEnginePage* pageOf(WebSurface* surface);

QWebEnginePage* NotebookPage::createWindow(WebWindowType)
{
    if (!m_hooks.openWindow) {
        return nullptr;
    }
    WebSurface* other = m_hooks.openWindow();
    return other ? pageOf(other) : nullptr;
}

class WebSurfaceImpl : public WebSurface
{
public:
    WebSurfaceImpl(int port, const QByteArray& token, const WebSurfaceHooks& hooks, QWidget* parent)
        : m_view(new QWebEngineView(parent))
    {
        // Off the record: no storage name, so cookies, cache and local storage live in memory, for this view.
        m_profile = new QWebEngineProfile; // deleted after the page (see the destructor)
        m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
        m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
        m_profile->setSpellCheckEnabled(false);
        m_interceptor = new TokenInterceptor(port, token, m_profile);
        m_profile->setUrlRequestInterceptor(m_interceptor);
        auto* s = m_profile->settings();
        s->setAttribute(QWebEngineSettings::PluginsEnabled, false);
        s->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
        s->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
        s->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, true);
        s->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, true);
        s->setAttribute(QWebEngineSettings::ScreenCaptureEnabled, false);
        s->setAttribute(QWebEngineSettings::WebRTCPublicInterfacesOnly, true);
        s->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
        // Downloads ask where to save.
        QObject::connect(m_profile, &QWebEngineProfile::downloadRequested, m_view,
                         [view = m_view](QWebEngineDownloadRequest* download) {
                             const QString suggested =
                                 QStandardPaths::writableLocation(QStandardPaths::DownloadLocation) +
                                 QLatin1Char('/') + download->downloadFileName();
                             const QString file = QFileDialog::getSaveFileName(view, QObject::tr("Save As"), suggested);
                             if (file.isEmpty()) {
                                 download->cancel();
                                 return;
                             }
                             const QFileInfo where(file);
                             download->setDownloadDirectory(where.absolutePath());
                             download->setDownloadFileName(where.fileName());
                             download->accept();
                         });
        m_page = new NotebookPage(m_profile, port, hooks, m_view);
        m_view->setPage(m_page);
        if (port <= 0) {
            m_view->load(QUrl(QStringLiteral("about:blank"))); // the web engine's processes start now
        }
        if (hooks.loadFinished) {
            QObject::connect(m_page, &QWebEnginePage::loadFinished, m_view, hooks.loadFinished);
        }
        if (hooks.titleChanged) {
            QObject::connect(m_page, &QWebEnginePage::titleChanged, m_view, hooks.titleChanged);
        }
        if (hooks.urlChanged) {
            QObject::connect(m_page, &QWebEnginePage::urlChanged, m_view, hooks.urlChanged);
        }
    }

    ~WebSurfaceImpl() override
    {
        // The view and its page first, then the profile: WebEngine wants no page left on a profile it releases.
        delete m_view.data();
        delete m_profile;
    }

    QWidget* widget() override { return m_view; }
    void setServer(int port, const QByteArray& token) override
    {
        m_interceptor->setServer(port, token);
        m_page->setPort(port);
    }
    void load(const QUrl& url) override { m_view->load(withoutToken(url)); }
    QUrl url() const override { return m_view->url(); }
    void reload() override { m_view->reload(); }
    void setZoom(double factor) override { m_view->setZoomFactor(factor); }
    double zoom() const override { return m_view->zoomFactor(); }
    void print() override
    {
        auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
        QPrintDialog dialog(printer.get(), m_view);
        if (dialog.exec() != QDialog::Accepted) {
            return;
        }
        QObject::connect(m_view, &QWebEngineView::printFinished, m_view, [printer](bool) {}, Qt::SingleShotConnection);
        m_view->print(printer.get());
    }
    void runJavaScript(const QString& script, std::function<void(const QVariant&)> done) override
    {
        m_page->runJavaScript(script, [done = std::move(done)](const QVariant& v) {
            if (done) {
                done(v);
            }
        });
    }
    QStringList requestedUrls() const override { return m_interceptor->seen(); }

    QWebEnginePage* page() const { return m_page; }

private:
    QPointer<QWebEngineView> m_view;
    QWebEngineProfile* m_profile = nullptr;
    TokenInterceptor* m_interceptor = nullptr;
    NotebookPage* m_page = nullptr;
};

QWebEnginePage* pageOf(WebSurface* surface)
{
    return static_cast<WebSurfaceImpl*>(surface)->page();
}

} // namespace
} // namespace berth::ui

extern "C" Q_DECL_EXPORT berth::ui::WebSurface* berth_make_web_surface(int port, const QByteArray& token,
                                                                        const berth::ui::WebSurfaceHooks& hooks,
                                                                        QWidget* parent)
{
    return new berth::ui::WebSurfaceImpl(port, token, hooks, parent);
}
