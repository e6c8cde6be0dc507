// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/images/ImagesPage.h"

#include "berth/core/base/Units.h"
#include "berth/core/engine/PullProgress.h"
#include "ui/RemedyText.h"
#include "ui/Tone.h"
#include "ui/async/Async.h"
#include "ui/models/ImageModel.h"

#include <QAction>
#include <QInputDialog>
#include <QLabel>
#include <QLayout>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>

#include <chrono>

namespace berth::ui {

ImagesPage::ImagesPage(std::shared_ptr<core::EngineClient> engine, ImageModel* model, QWidget* parent)
    : ListPage(tr("Images"), model, parent), m_engine(std::move(engine)), m_progress(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel Pull"), this)), m_layers(new QListWidget(this)), m_space(new QLabel(this)),
      m_mailbox(std::make_shared<Mailbox>(this))
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
    m_layers->setObjectName(QStringLiteral("pullLayers"));
    m_layers->setAccessibleName(tr("Layers being pulled"));
    m_layers->setMaximumHeight(140);
    m_layers->hide();
    m_space->setObjectName(QStringLiteral("diskSpace"));
    m_space->setTextFormat(Qt::PlainText);
    m_space->setWordWrap(true);
    m_space->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_space->hide();
    layout()->addWidget(m_space);
    layout()->addWidget(m_progress);
    layout()->addWidget(m_layers);
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
    m_progress->setFormat(tr("Starting..."));
    m_progress->show();
    m_cancel->show();
    m_layers->clear();
    m_layers->show();
    m_space->clear();
    m_space->show();
    setTone(m_space, Tone::Plain);
    say(tr("Pulling %1...").arg(reference));
    runAsync(
        this,
        [this, engine = m_engine, ref = reference.toStdString(), cancel, mailbox = m_mailbox] {
            // Room for images first, said before anything is downloaded (an engine on this machine only).
            std::optional<core::DiskSpace> space;
            auto info = engine->info();
            if (!info) {
                return core::Result<void>(info.error()); // it would not pull either: said once, not twice
            }
            space = core::imageStoreSpace(*info);
            if (space) {
                mailbox->post([this, s = *space] { showSpace(s, 0); });
            }
            // The layers' state at most ten times a second: a pull sends hundreds of messages a second.
            auto last = std::chrono::steady_clock::time_point{};
            bool warned = false;
            core::PullProgress latest;
            auto r = engine->pullImage(
                ref,
                [&](const core::PullProgress& p) {
                    latest = p;
                    const auto now = std::chrono::steady_clock::now();
                    const bool tooBig = space && !warned && core::pullMayNotFit(p.bytesTotal(), *space);
                    if (now - last < std::chrono::milliseconds(100) && !tooBig) {
                        return;
                    }
                    last = now;
                    warned = warned || tooBig;
                    mailbox->post([this, p, tooBig, space] {
                        showPullProgress(p);
                        if (tooBig) {
                            showSpace(*space, p.bytesTotal());
                        }
                    });
                },
                cancel.get());
            mailbox->post([this, latest] { showPullProgress(latest); }); // the last state, whenever it came
            return r;
        },
        [this, reference](core::Result<void> r) {
            m_cancelPull.reset();
            m_progress->hide();
            m_cancel->hide();
            m_layers->hide();
            if (r) {
                say(tr("Pulled %1.").arg(reference));
            } else if (r.error().kind == core::ErrorKind::Cancelled) {
                say(tr("The pull of %1 was cancelled; the layers already down are kept.").arg(reference));
            } else {
                sayError(r.error());
            }
        });
}

void ImagesPage::showSpace(const core::DiskSpace& space, std::int64_t downloadBytes)
{
    const QString free = QString::fromStdString(core::formatBytes(space.freeBytes));
    const QString path = QString::fromStdString(space.path);
    if (downloadBytes > 0) {
        m_space->setText(tr("This pull downloads %1 so far, about twice that once unpacked, and only %2 is free "
                            "at %3. Cancel and free some space (remove images you no longer use), or go on "
                            "and see.")
                             .arg(QString::fromStdString(core::formatBytes(static_cast<std::uint64_t>(downloadBytes))),
                                  free, path));
        setTone(m_space, Tone::Warning);
    } else {
        m_space->setText(tr("Room for images: %1 free of %2 at %3.")
                             .arg(free, QString::fromStdString(core::formatBytes(space.totalBytes)), path));
    }
}

void ImagesPage::showPullProgress(const core::PullProgress& p)
{
    const double f = p.fraction();
    if (f >= 0) {
        m_progress->setValue(static_cast<int>(f * 1000));
    }
    //: A pull's progress bar: layers done of all, then bytes down of all.
    m_progress->setFormat(tr("%1 of %2 layers, %3 of %4")
                              .arg(p.layersComplete())
                              .arg(p.layers().size())
                              .arg(QString::fromStdString(core::formatBytes(static_cast<std::uint64_t>(p.bytesDone()))),
                                   QString::fromStdString(core::formatBytes(static_cast<std::uint64_t>(p.bytesTotal())))));
    // One line a layer: its short id, the engine's word for its state, and its bytes when known.
    const auto& layers = p.layers();
    while (m_layers->count() > static_cast<int>(layers.size())) {
        delete m_layers->takeItem(m_layers->count() - 1);
    }
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const auto& l = layers[i];
        QString line = QString::fromStdString(l.id.substr(0, 12)) + QStringLiteral("  ") +
                       QString::fromStdString(l.status);
        if (l.total > 0 && !l.complete) {
            line += QStringLiteral("  ") + tr("%1 of %2").arg(
                QString::fromStdString(core::formatBytes(static_cast<std::uint64_t>(l.current))),
                QString::fromStdString(core::formatBytes(static_cast<std::uint64_t>(l.total))));
        }
        if (static_cast<int>(i) < m_layers->count()) {
            m_layers->item(static_cast<int>(i))->setText(line);
        } else {
            m_layers->addItem(line);
        }
    }
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
