// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// The colour of a label's words by what they say: a problem, a warning, or nothing special. The colour is
// picked for the system's theme (a dark red on a light window, a light red on a dark one) and follows the
// theme when it changes. Palettes, not style sheets: a style sheet would wrap the widget's style and costs
// the window's first paint.

class QColor;
class QPalette;
class QWidget;

namespace berth::ui {

enum class Tone { Plain, Good, Warning, Problem };

/// The colour of `tone` on `palette`'s window: dark shades on a light theme, light ones on a dark theme.
QColor toneColor(Tone tone, const QPalette& palette);

/// Gives `label`'s text the colour of `tone` (Plain: the theme's own), now and whenever the theme changes.
void setTone(QWidget* label, Tone tone);

} // namespace berth::ui
