// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/Tone.h"

#include <QApplication>
#include <QColor>
#include <QEvent>
#include <QPalette>
#include <QSet>
#include <QWidget>

namespace berth::ui {

namespace {

const char* const kToneProperty = "berthTone";

void apply(QWidget* label, Tone tone)
{
    // Only the text's colours are set; everything else is still the theme's, inherited as before.
    QPalette p;
    if (tone != Tone::Plain) {
        const QColor c = toneColor(tone, QApplication::palette(label));
        p.setColor(QPalette::WindowText, c);
        p.setColor(QPalette::Text, c);
    }
    label->setPalette(p);
}

/// Reapplies every toned label's colour when the system's theme or the application's palette changes.
class ToneKeeper : public QObject
{
public:
    static ToneKeeper* instance()
    {
        static auto* keeper = [] {
            auto* k = new ToneKeeper(qApp);
            qApp->installEventFilter(k);
            return k;
        }();
        return keeper;
    }

    void keep(QWidget* label)
    {
        if (!m_labels.contains(label)) {
            m_labels.insert(label);
            connect(label, &QObject::destroyed, this, [this, label] { m_labels.remove(label); });
        }
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange) {
            for (QWidget* label : std::as_const(m_labels)) {
                apply(label, static_cast<Tone>(label->property(kToneProperty).toInt()));
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    using QObject::QObject;
    QSet<QWidget*> m_labels;
};

} // namespace

QColor toneColor(Tone tone, const QPalette& palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    switch (tone) {
    case Tone::Good:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x7f, 0x3b);
    case Tone::Warning:
        return dark ? QColor(0xff, 0xcc, 0x80) : QColor(0x8a, 0x53, 0x00);
    case Tone::Problem:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
    case Tone::Plain:
        break;
    }
    return palette.color(QPalette::WindowText);
}

void setTone(QWidget* label, Tone tone)
{
    ToneKeeper::instance()->keep(label);
    label->setProperty(kToneProperty, static_cast<int>(tone));
    apply(label, tone);
}

} // namespace berth::ui
