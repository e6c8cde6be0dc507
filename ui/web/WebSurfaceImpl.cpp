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
#include <QTimer>
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

/// The profile of one server, shared by its surface and the windows its pages open: WebEngine gives a new
/// window only to a page of the opener's profile. Deleted after the last page on it.
struct Profile
{
    QWebEngineProfile* profile = nullptr;
    TokenInterceptor* interceptor = nullptr;

    Profile(int port, const QByteArray& token)
    {
        // Off the record: no storage name, so cookies, cache and local storage live in memory only.
        profile = new QWebEngineProfile;
        profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
        profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
        profile->setSpellCheckEnabled(false);
        interceptor = new TokenInterceptor(port, token, profile);
        profile->setUrlRequestInterceptor(interceptor);
        auto* s = profile->settings();
        s->setAttribute(QWebEngineSettings::PluginsEnabled, false);
        s->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
        s->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
        s->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, true);
        s->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, true);
        s->setAttribute(QWebEngineSettings::ScreenCaptureEnabled, false);
        s->setAttribute(QWebEngineSettings::WebRTCPublicInterfacesOnly, true);
        s->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
        // Downloads ask where to save (once a download, whichever page of the profile started it).
        QObject::connect(profile, &QWebEngineProfile::downloadRequested, profile,
                         [](QWebEngineDownloadRequest* download) {
                             const QString suggested =
                                 QStandardPaths::writableLocation(QStandardPaths::DownloadLocation) +
                                 QLatin1Char('/') + download->downloadFileName();
                             const QString file =
                                 QFileDialog::getSaveFileName(nullptr, QObject::tr("Save As"), suggested);
                             if (file.isEmpty()) {
                                 download->cancel();
                                 return;
                             }
                             const QFileInfo where(file);
                             download->setDownloadDirectory(where.absolutePath());
                             download->setDownloadFileName(where.fileName());
                             download->accept();
                         });
    }
    ~Profile() { delete profile; }
    Profile(const Profile&) = delete;
    Profile& operator=(const Profile&) = delete;
};

class NotebookPage : public QWebEnginePage
{
public:
    NotebookPage(QWebEngineProfile* profile, int port, const WebSurfaceHooks* hooks, QObject* parent)
        : QWebEnginePage(profile, parent), m_port(port), m_hooks(hooks)
    {
        // No camera, microphone, geolocation, notifications, screen capture...: refused without a prompt.
        connect(this, &QWebEnginePage::featurePermissionRequested, this,
                [this](const QUrl& origin, QWebEnginePage::Feature feature) {
                    setFeaturePermission(origin, feature, QWebEnginePage::PermissionDeniedByUser);
                });
    }

    void setPort(int port) { m_port = port; }
    std::function<QWebEnginePage*()> makeWindow;
    std::function<void()> refusedFirst;

protected:
    bool acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame) override
    {
        if (isMainFrame && !isServer(url, m_port) && url.scheme() != QLatin1String("about")) {
            // Another site: the system browser, never this signed-in view. A window opened for it (a link
            // with a target) goes too, once the address is known.
            const bool web = url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
            const bool fresh = this->url().isEmpty() || this->url() == QUrl(QStringLiteral("about:blank"));
            if (web && m_hooks->openExternally && (type == NavigationTypeLinkClicked || fresh)) {
                m_hooks->openExternally(url);
            }
            if (fresh && refusedFirst) {
                refusedFirst(); // a window opened only for another site: it goes, no tab is left behind
            }
            return false;
        }
        return QWebEnginePage::acceptNavigationRequest(url, type, isMainFrame);
    }

    QWebEnginePage* createWindow(WebWindowType) override { return makeWindow ? makeWindow() : nullptr; }

private:
    int m_port;
    const WebSurfaceHooks* m_hooks; ///< the surface's, which a new tab may replace
};

class WebSurfaceImpl : public WebSurface
{
public:
    WebSurfaceImpl(std::shared_ptr<Profile> profile, int port, const WebSurfaceHooks& hooks, QWidget* parent)
        : m_profile(std::move(profile)), m_view(new QWebEngineView(parent)), m_hooks(hooks)
    {
        m_page = new NotebookPage(m_profile->profile, port, &m_hooks, m_view);
        m_view->setPage(m_page);
        m_page->makeWindow = [this]() -> QWebEnginePage* {
            if (!m_hooks.adoptWindow) {
                return nullptr;
            }
            // A tab takes it over once it is on this server; a window for another site never gets one.
            auto* other = new WebSurfaceImpl(m_profile, m_port, m_hooks, nullptr);
            auto adopted = std::make_shared<bool>(false);
            QObject::connect(other->m_page, &QWebEnginePage::urlChanged, other->m_view,
                             [other, adopted, adopt = m_hooks.adoptWindow](const QUrl& url) {
                                 if (!*adopted && isServer(url, other->m_port)) {
                                     *adopted = true;
                                     adopt(other);
                                 }
                             });
            other->m_page->refusedFirst = [other, adopted] {
                if (!*adopted) {
                    *adopted = true;
                    QTimer::singleShot(0, [other] { delete other; });
                }
            };
            return other->m_page;
        };
        m_port = port;
        if (port <= 0) {
            m_view->load(QUrl(QStringLiteral("about:blank"))); // the web engine's processes start now
        }
        QObject::connect(m_page, &QWebEnginePage::loadFinished, m_view, [this](bool ok) {
            if (m_hooks.loadFinished) {
                m_hooks.loadFinished(ok);
            }
        });
        QObject::connect(m_page, &QWebEnginePage::titleChanged, m_view, [this](const QString& title) {
            if (m_hooks.titleChanged) {
                m_hooks.titleChanged(title);
            }
        });
        QObject::connect(m_page, &QWebEnginePage::urlChanged, m_view, [this](const QUrl& url) {
            if (m_hooks.urlChanged) {
                m_hooks.urlChanged(url);
            }
        });
    }

    ~WebSurfaceImpl() override
    {
        // The view and its page first; the profile goes with the last surface on it (WebEngine wants no page
        // left on a profile it releases).
        delete m_view.data();
    }

    QWidget* widget() override { return m_view; }
    void setHooks(const WebSurfaceHooks& hooks) override { m_hooks = hooks; }
    void setServer(int port, const QByteArray& token) override
    {
        m_port = port;
        m_profile->interceptor->setServer(port, token);
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
    QStringList requestedUrls() const override { return m_profile->interceptor->seen(); }

private:
    std::shared_ptr<Profile> m_profile; ///< outlives m_view: members go in reverse order, after the destructor
    QPointer<QWebEngineView> m_view;
    WebSurfaceHooks m_hooks;
    NotebookPage* m_page = nullptr;
    int m_port = 0;
};

} // namespace
} // namespace berth::ui

extern "C" Q_DECL_EXPORT berth::ui::WebSurface* berth_make_web_surface(int port, const QByteArray& token,
                                                                        const berth::ui::WebSurfaceHooks& hooks,
                                                                        QWidget* parent)
{
    return new berth::ui::WebSurfaceImpl(std::make_shared<berth::ui::Profile>(port, token), port, hooks, parent);
}
