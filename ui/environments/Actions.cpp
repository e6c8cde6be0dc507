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
    const QString dest = QFileDialog::getExistingDirectory(
        page, ListPage::tr("Copy %1 out of %2 into...").arg(QString::fromStdString(from), name));
    if (dest.isEmpty() || from.empty()) {
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
            QMessageBox ask(QMessageBox::Question, ListPage::tr("Remove %1?").arg(name),
                            ListPage::tr("The files are copied into %1. Remove %2 now?").arg(dest, name),
                            QMessageBox::Yes | QMessageBox::No, page);
            ask.setTextFormat(Qt::PlainText);
            ask.setDefaultButton(QMessageBox::No);
            if (ask.exec() == QMessageBox::Yes) {
                removeNow(page, engine, id, name, true);
            }
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
            RemoveDialog dialog(name, r.error(), page);
            if (dialog.exec() != QDialog::Accepted) {
                page->say(ListPage::tr("Kept %1 and its files.").arg(name));
                return;
            }
            if (dialog.choice() == RemoveDialog::RemoveAnyway) {
                removeNow(page, engine, id, name, true);
            } else {
                copyOut(page, engine, id, name, r.error());
            }
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
