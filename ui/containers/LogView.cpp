// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/containers/LogView.h"

#include "berth/core/base/Escape.h"
#include "berth/core/base/Token.h"
#include "ui/RemedyText.h"
#include "ui/async/Async.h"

#include "ui/Tone.h"
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QGuiApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QTextBlock>
#include <QVBoxLayout>

namespace berth::ui {

namespace {
constexpr int kMaxBlocks = 20000; // the view keeps the last lines; Save writes what it shows
}

LogView::LogView(std::shared_ptr<core::EngineClient> engine, const QString& idOrName, const QString& title,
                 QWidget* parent)
    : QDialog(parent), m_engine(std::move(engine)), m_text(new QPlainTextEdit(this)), m_search(new QLineEdit(this)),
      m_pause(new QCheckBox(tr("&Pause"), this)), m_state(new QLabel(this))
{
    setWindowTitle(tr("Log of %1").arg(title));
    setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    m_search->setPlaceholderText(tr("Find in the log (Enter: next)"));
    m_search->setAccessibleName(tr("Find in the log"));
    bar->addWidget(m_search, 1);
    bar->addWidget(m_pause);
    auto* copy = new QPushButton(tr("&Copy"), this);
    auto* saveButton = new QPushButton(tr("&Save..."), this);
    bar->addWidget(copy);
    bar->addWidget(saveButton);
    layout->addLayout(bar);
    m_text->setObjectName(QStringLiteral("logText"));
    m_text->setAccessibleName(tr("Log"));
    m_text->setReadOnly(true);
    m_text->setMaximumBlockCount(kMaxBlocks);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_text->setFont(mono);
    layout->addWidget(m_text, 1);
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(close);

    connect(m_search, &QLineEdit::returnPressed, this, &LogView::findNext);
    connect(new QShortcut(QKeySequence::Find, this), &QShortcut::activated, m_search,
            qOverload<>(&QWidget::setFocus));
    connect(new QShortcut(QKeySequence::FindNext, this), &QShortcut::activated, this, &LogView::findNext);
    connect(copy, &QPushButton::clicked, this, [this] {
        QString selected = m_text->textCursor().selectedText();
        selected.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
        QGuiApplication::clipboard()->setText(selected.isEmpty() ? m_text->toPlainText() : selected);
    });
    connect(saveButton, &QPushButton::clicked, this, &LogView::save);
    connect(m_pause, &QCheckBox::toggled, this, [this](bool paused) {
        if (!paused && !m_held.isEmpty()) {
            insert(std::exchange(m_held, QString()), false);
        }
    });
    resize(900, 600);

    // The stream: on its own thread, the last 2000 lines then whatever comes, until the view closes.
    // The thread touches nothing of the view's but the mailbox: the view may close while it waits on the engine.
    const std::string id = idOrName.toStdString();
    m_thread = std::thread([this, id, engine = m_engine, stop = m_stop, done = m_done, mailbox = m_mailbox] {
        core::LogOptions options;
        options.follow = true;
        options.tail = 2000;
        std::string pending[3];
        auto send = [&](std::string_view text, bool err) {
            const QString shown = QString::fromStdString(core::printable(core::redactTokens(text), false));
            mailbox->post([this, shown, err] { append(shown, err); });
        };
        auto r = engine->logs(
            id, options,
            [&](core::LogStream stream, std::string_view chunk) {
                // Whole lines only, so that a token split across two chunks is still hidden.
                auto& buffer = pending[static_cast<int>(stream) == 2 ? 2 : 1];
                buffer.append(chunk);
                const auto nl = buffer.rfind('\n');
                if (nl != std::string::npos) {
                    send(std::string_view(buffer).substr(0, nl), stream == core::LogStream::Stderr);
                    buffer.erase(0, nl + 1);
                }
                return !stop->load();
            },
            stop.get());
        if (!stop->load()) {
            // A last line without its newline (often what a crash printed) is shown too.
            for (int s : {1, 2}) {
                if (!pending[s].empty()) {
                    send(pending[s], s == 2);
                }
            }
            const QString end = r ? tr("The container stopped; the log ends here.") : errorText(r.error());
            mailbox->post([this, end] { m_state->setText(end); });
        }
        done->store(true);
    });
}

LogView::~LogView()
{
    m_stop->store(true);
    m_mailbox->close();
    Reaper::adopt(std::move(m_thread), m_done); // joined once it returns: the view closes at once
}

void LogView::append(const QString& chunk, bool stderrStream)
{
    m_lines += static_cast<int>(chunk.count(QLatin1Char('\n'))) + 1;
    if (m_pause->isChecked()) {
        m_held += (m_held.isEmpty() ? QString() : QStringLiteral("\n")) + chunk;
        return;
    }
    insert(chunk, stderrStream);
}

void LogView::insert(const QString& chunk, bool stderrStream)
{
    // stderr in another colour; both plain text.
    QTextCursor c(m_text->document());
    c.movePosition(QTextCursor::End);
    QTextCharFormat f;
    if (stderrStream) {
        f.setForeground(toneColor(Tone::Problem, m_text->palette()));
    }
    if (!m_text->document()->isEmpty()) {
        c.insertBlock(QTextBlockFormat(), f);
    }
    c.insertText(chunk, f);
    m_text->ensureCursorVisible();
}

void LogView::findNext()
{
    const QString what = m_search->text();
    if (what.isEmpty()) {
        return;
    }
    if (!m_text->find(what)) {
        m_text->moveCursor(QTextCursor::Start); // from the top again
        if (!m_text->find(what)) {
            m_state->setText(tr("'%1' is not in the log.").arg(what));
        }
    }
}

void LogView::save()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Save the Log"), windowTitle() + QStringLiteral(".txt"));
    if (file.isEmpty()) {
        return;
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(m_text->toPlainText().toUtf8()) < 0 || !out.commit()) {
        QMessageBox::warning(this, tr("Save the Log"), tr("Could not write %1: %2").arg(file, out.errorString()));
    }
}

} // namespace berth::ui
