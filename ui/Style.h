// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// The window's style: the system's own (Fusion, Breeze, whatever the desktop picked), less one cost at start.
//
// Qt reads a PNG whose reader was not told "no sniffing" by first loading every image-format plugin (GIF, ICO,
// JPEG with libjpeg) to ask each whether it reads PNG. A tool bar's "more actions" button reads its arrow icon
// that way as the tool bar is made: about 6 ms of every start, and the plugins' memory, for a button shown only
// when a window is too narrow for its actions. Under this style that icon is read when it is first drawn, and
// Berth's own PNGs are read by Qt's PNG reader alone (readPng).

#include <QProxyStyle>

class QPixmap;
class QString;

namespace berth::ui {

class Style : public QProxyStyle
{
    Q_OBJECT
  public:
    /// Wraps the style QApplication would use (its name: `-style`, QT_STYLE_OVERRIDE, the desktop's choice).
    explicit Style(const QString& baseStyleName);

    QIcon standardIcon(StandardPixmap icon, const QStyleOption* option = nullptr,
                       const QWidget* widget = nullptr) const override;
};

/// Makes the application's style a Style around the one it has; before the first widget.
void installStyle();

/// A PNG file or resource, read as PNG only (no image plugin loaded to ask); a null pixmap when it cannot be read.
QPixmap readPng(const QString& path);

} // namespace berth::ui
