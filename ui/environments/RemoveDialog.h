// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// What removing would lose, shown before anything goes: the files written inside the container outside its
// mounts (and in its anonymous volumes), where to move them, and three ways on: copy them out, remove anyway,
// or keep everything.

#include "berth/core/base/Result.h"

#include <QDialog>

class QListWidget;
class QLabel;

namespace berth::ui {

class RemoveDialog : public QDialog
{
    Q_OBJECT
public:
    enum Choice
    {
        Keep,
        CopyOut,
        RemoveAnyway,
    };
    /// `refusal`: core's error with its `files` and remedies (removeUnlessFilesLost).
    RemoveDialog(const QString& name, const core::Error& refusal, QWidget* parent = nullptr);

    Choice choice() const { return m_choice; }
    QListWidget* files() const { return m_files; }

private:
    Choice m_choice = Keep;
    QListWidget* m_files;
};

} // namespace berth::ui
