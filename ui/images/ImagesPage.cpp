// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/images/ImagesPage.h"

#include "berth/core/engine/PullProgress.h"
#include "ui/RemedyText.h"
#include "ui/async/Async.h"
#include "ui/models/ImageModel.h"

#include <QAction>
#include <QInputDialog>
#include <QLayout>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>

namespace berth::ui {

ImagesPage::ImagesPage(std::shared_ptr<core::EngineClient> engine, ImageModel* model, QWidget* parent)
    : ListPage(tr("Images"), model, parent), m_engine(std::move(engine)), m_progress(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel Pull"), this)), m_mailbox(std::make_shared<Mailbox>(this))
{
    setObjectName(QStringLiteral("imagesPage"));
    connect(addAction(tr("&Pull..."), QKeySequence(Qt::CTRL | Qt::Key_P), QStringLiteral("pull")), &QAction::triggered,
            this, [this] {
                bool ok = false;
                const QString ref = QInputDialog::getText(this, tr("Pull an Image"),
                                                          tr("Image (for example python:3.12 or "
                                                             "quay.io/jupyter/minimal-notebook:latest):"),
                                                          QLineEdit::Normal, QString(), &ok);
                if (ok && !ref.trimmed().isEmpty()) {
                    pull(ref.trimmed());
                }
            });
    connect(addRowAction(tr("&Remove..."), QKeySequence::Delete, QStringLiteral("remove")), &QAction::triggered, this,
            &ImagesPage::remove);
    m_progress->setAccessibleName(tr("Pull progress"));
    m_progress->hide();
    m_cancel->hide();
    layout()->addWidget(m_progress);
    layout()->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_cancelPull) {
            m_cancelPull->store(true);
        }
    });
    connect(model, &ImageModel::refreshed, this, [this, model] {
        sayAboutList(model->problem(), !model->problem().isEmpty());
    });
}

ImagesPage::~ImagesPage()
{
    m_mailbox->close();
    if (m_cancelPull) {
        m_cancelPull->store(true); // a pull under way ends; its layers so far stay on the engine
    }
}

void ImagesPage::pull(const QString& reference)
{
    if (m_cancelPull) {
        say(tr("A pull is under way; cancel it or wait for it to end."), true);
        return;
    }
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancelPull = cancel;
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    say(tr("Pulling %1...").arg(reference));
    runAsync(
        this,
        [this, engine = m_engine, ref = reference.toStdString(), cancel, mailbox = m_mailbox] {
            return engine->pullImage(
                ref,
                [this, &mailbox](const core::PullProgress& p) {
                    const double f = p.fraction();
                    if (f >= 0) {
                        mailbox->post([this, f] { m_progress->setValue(static_cast<int>(f * 1000)); });
                    }
                },
                cancel.get());
        },
        [this, reference](core::Result<void> r) {
            m_cancelPull.reset();
            m_progress->hide();
            m_cancel->hide();
            if (r) {
                say(tr("Pulled %1.").arg(reference));
            } else if (r.error().kind == core::ErrorKind::Cancelled) {
                say(tr("The pull of %1 was cancelled; the layers already down are kept.").arg(reference));
            } else {
                sayError(r.error());
            }
        });
}

void ImagesPage::remove()
{
    const QString repo = currentText(ImageModel::Repository), tag = currentText(ImageModel::Tag);
    const QString ref = repo == QStringLiteral("<none>") ? currentId() : repo + QLatin1Char(':') + tag;
    QMessageBox ask(QMessageBox::Question, tr("Remove %1?").arg(ref),
                    tr("Remove the image %1 from the engine? Pulling it again downloads it again.").arg(ref),
                    QMessageBox::Yes | QMessageBox::No, this);
    ask.setTextFormat(Qt::PlainText);
    ask.setDefaultButton(QMessageBox::No);
    if (ask.exec() != QMessageBox::Yes) {
        return;
    }
    runAsync(
        this, [engine = m_engine, r = ref.toStdString()] { return engine->removeImage(r, false); },
        [this, ref](core::Result<void> r) {
            if (r) {
                say(tr("Removed %1.").arg(ref));
            } else {
                sayError(r.error());
            }
        });
}

} // namespace berth::ui
