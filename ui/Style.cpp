// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/Style.h"

#include <QApplication>
#include <QIconEngine>
#include <QImageReader>
#include <QPainter>
#include <QPixmap>
#include <QPointer>
#include <QStyleOption>

namespace berth::ui {

namespace {

/// A standard icon of the wrapped style, asked for when first drawn or measured.
class DeferredIcon final : public QIconEngine
{
  public:
    DeferredIcon(const QProxyStyle* style, QStyle::StandardPixmap which, Qt::LayoutDirection direction)
        : m_style(const_cast<QProxyStyle*>(style)), m_which(which), m_direction(direction)
    {
    }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, mode, state);
    }
    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        return icon().pixmap(size, scale, mode, state);
    }
    QSize actualSize(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }
    // Every style has these two arrows; asking would read them.
    bool isNull() override { return m_loaded ? icon().isNull() : false; }
    QString key() const override { return QStringLiteral("berth-deferred"); }
    QIconEngine* clone() const override { return new DeferredIcon(*this); }

  private:
    QIcon& icon()
    {
        if (!m_loaded) {
            m_loaded = true;
            // The style may have been replaced since (a theme change): then ask the application's.
            const QStyle* from = m_style ? m_style->baseStyle() : QApplication::style();
            QStyleOption option;
            option.direction = m_direction;
            m_icon = from->standardIcon(m_which, &option);
        }
        return m_icon;
    }

    QPointer<QProxyStyle> m_style;
    QStyle::StandardPixmap m_which;
    Qt::LayoutDirection m_direction;
    bool m_loaded = false;
    QIcon m_icon;
};

} // namespace

Style::Style(const QString& baseStyleName) : QProxyStyle(baseStyleName) {}

QIcon Style::standardIcon(StandardPixmap icon, const QStyleOption* option, const QWidget* widget) const
{
    if (icon == SP_ToolBarHorizontalExtensionButton || icon == SP_ToolBarVerticalExtensionButton) {
        const Qt::LayoutDirection direction = option   ? option->direction
                                              : widget ? widget->layoutDirection()
                                                       : QGuiApplication::layoutDirection();
        return QIcon(new DeferredIcon(this, icon, direction));
    }
    return QProxyStyle::standardIcon(icon, option, widget);
}

void installStyle()
{
    QApplication::setStyle(new Style(QApplication::style()->name()));
}

QPixmap readPng(const QString& path)
{
    QImageReader reader(path, "png");
    reader.setAutoDetectImageFormat(false); // PNG's own reader, built into Qt: no plugin is asked
    return QPixmap::fromImage(reader.read());
}

} // namespace berth::ui
