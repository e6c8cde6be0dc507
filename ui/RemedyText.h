// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// The window's words for core's remedies and errors, translatable (tr() in the "Remedy" context). They speak
// of what the window offers (its Settings, its launch form, its buttons), never of berthctl's flags.

#include "berth/core/base/Result.h"

#include <QString>

namespace berth::ui {

/// One remedy as a sentence, e.g. "Start Docker or Podman, or choose another engine in Settings."
QString remedyText(const core::Remedy& remedy);

/// A whole error for a label or dialog: what is wrong, then each remedy, then the engine's words.
QString errorText(const core::Error& error);

} // namespace berth::ui
