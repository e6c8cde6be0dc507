// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/MainWindow.h"

#include "ui/EngineStatus.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QVBoxLayout>

namespace berth::ui {

MainWindow::MainWindow(EngineStatus* status, QWidget* parent)
    : QMainWindow(parent), m_status(status), m_engineLine(new QLabel(this))
{
    setWindowTitle(tr("Berth"));
    resize(1100, 720);

    auto* central = new QLabel(tr("No environments yet."), this);
    central->setAlignment(Qt::AlignCenter);
    setCentralWidget(central);

    // Engines and containers choose what these say: plain text, never markup.
    m_engineLine->setObjectName(QStringLiteral("engineLine"));
    m_engineLine->setTextFormat(Qt::PlainText);
    m_engineLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_engineLine->setWordWrap(true);
    statusBar()->addWidget(m_engineLine, 1);
    m_engineWarning = new QLabel(this);
    m_engineWarning->setObjectName(QStringLiteral("engineWarning"));
    m_engineWarning->setTextFormat(Qt::PlainText);
    m_engineWarning->setWordWrap(true);
    m_engineWarning->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_engineWarning->setStyleSheet(QStringLiteral("color: #8a5300;"));
    m_engineWarning->hide();
    statusBar()->addPermanentWidget(m_engineWarning, 1);

    auto* file = menuBar()->addMenu(tr("&File"));
    auto* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    auto* engine = menuBar()->addMenu(tr("&Engine"));
    auto* refresh = engine->addAction(tr("&Check Again"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, m_status, &EngineStatus::refresh);

    connect(m_status, &EngineStatus::changed, this, &MainWindow::showStatus);
    showStatus();
}

void MainWindow::showStatus()
{
    const auto& s = m_status->snapshot();
    m_engineLine->setText(s.text);
    m_engineLine->setProperty("connected", s.connected);
    m_engineLine->setStyleSheet(s.connected || s.checking ? QString() : QStringLiteral("color: #b00020;"));
    m_engineWarning->setText(s.warning);
    m_engineWarning->setVisible(!s.warning.isEmpty());
}

} // namespace berth::ui
