// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/environments/Actions.h"

#include "berth/core/engine/Archive.h"
#include "berth/core/launch/Launcher.h"
#include "berth/core/launch/RemovalGuard.h"
#include "ui/ListPage.h"
#include "ui/RemedyText.h"
#include "ui/async/Async.h"
#include "ui/containers/LogView.h"
#include "ui/environments/RemoveDialog.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPointer>

namespace berth::ui {

void stopContainer(ListPage* page, std::shared_ptr<core::EngineClient> engine, const QString& id, const QString& name)
{
    page->say(ListPage::tr("Stopping %1...").arg(name));
    runAsync(
        page,
        [engine, id = id.toStdString()]() -> core::Result<void> {
            auto d = engine->inspectContainer(id);
            if (!d) {
                return d.error();
            }
            return engine->stopContainer(d->id, core::defaultStopGrace(*d));
        },
        [page, name](core::Result<void> r) {
            if (r) {
                page->say(ListPage::tr("Stopped %1.").arg(name));
            } else {
                page->sayError(r.error());
            }
        });
}

namespace {
void removeNow(ListPage* page, std::shared_ptr<core::EngineClient> engine, const QString& id, const QString& name,
               bool force);

void copyOut(ListPage* page, std::shared_ptr<core::EngineClient> engine, const QString& id, const QString& name,
             const core::Error& refusal)
{
    std::string from;
    for (const auto& r : refusal.remedies) {
        if (r.kind == core::RemedyKind::CopyFilesOut) {
            from = r.arg(1);
        }
    }
    const QPointer<ListPage> alive(page);
    const QString dest = QFileDialog::getExistingDirectory(
        page, ListPage::tr("Copy %1 out of %2 into...").arg(QString::fromStdString(from), name));
    if (!alive || dest.isEmpty() || from.empty()) { // the page may have closed while the folder was chosen
        return;
    }
    page->say(ListPage::tr("Copying %1 out of %2...").arg(QString::fromStdString(from), name));
    runAsync(
        page,
        [engine, id = id.toStdString(), from, dest = dest.toStdString()] {
            return core::copyFromContainer(*engine, id, from, dest);
        },
        [page, engine, id, name, dest](core::Result<core::CopyResult> r) {
            if (!r) {
                page->sayError(r.error());
                return;
            }
            page->say(ListPage::tr("Copied %n file(s) into %1.", nullptr, static_cast<int>(r->written.size())).arg(dest));
            // Asked without a nested event loop: the page may close while the question is up.
            auto* ask = new QMessageBox(QMessageBox::Question, ListPage::tr("Remove %1?").arg(name),
                                        ListPage::tr("The files are copied into %1. Remove %2 now?").arg(dest, name),
                                        QMessageBox::Yes | QMessageBox::No, page);
            ask->setAttribute(Qt::WA_DeleteOnClose);
            ask->setTextFormat(Qt::PlainText);
            ask->setDefaultButton(QMessageBox::No);
            QObject::connect(ask, &QMessageBox::finished, page, [page, engine, id, name](int answer) {
                if (answer == QMessageBox::Yes) {
                    removeNow(page, engine, id, name, true);
                }
            });
            ask->open();
        });
}

void removeNow(ListPage* page, std::shared_ptr<core::EngineClient> engine, const QString& id, const QString& name,
               bool force)
{
    page->say(ListPage::tr("Removing %1...").arg(name));
    runAsync(
        page,
        [engine, id = id.toStdString(), force] { return core::removeUnlessFilesLost(*engine, id, force); },
        [page, engine, id, name](core::Result<core::Removal> r) {
            if (r) {
                page->say(ListPage::tr("Removed %1.").arg(name));
                return;
            }
            if (r.error().files.empty()) {
                page->sayError(r.error());
                return;
            }
            page->say(QString());
            // Shown without a nested event loop: the page may close while the dialog is up, and then the
            // dialog goes with it and nothing more happens.
            auto* dialog = new RemoveDialog(name, r.error(), page);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            QObject::connect(dialog, &QDialog::finished, page,
                             [page, engine, id, name, dialog, error = r.error()](int result) {
                                 if (result != QDialog::Accepted) {
                                     page->say(ListPage::tr("Kept %1 and its files.").arg(name));
                                 } else if (dialog->choice() == RemoveDialog::RemoveAnyway) {
                                     removeNow(page, engine, id, name, true);
                                 } else {
                                     copyOut(page, engine, id, name, error);
                                 }
                             });
            dialog->open();
        });
}
} // namespace

void removeContainer(ListPage* page, std::shared_ptr<core::EngineClient> engine, const QString& id,
                     const QString& name)
{
    removeNow(page, std::move(engine), id, name, false);
}

void showLog(ListPage* page, std::shared_ptr<core::EngineClient> engine, const QString& id, const QString& name)
{
    auto* view = new LogView(std::move(engine), id, name, page);
    view->setObjectName(QStringLiteral("logView"));
    view->show();
}

} // namespace berth::ui
