// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// The yardstick of bench/gui.sh: a bare Qt window with one label, started and timed as berth is. Once it has
// been painted it writes the time to BERTH_READY_FILE, and quits when BERTH_EXIT_WHEN_READY=1.
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QTimer>

#include <chrono>

namespace {
void tellReady()
{
    if (const QString file = qEnvironmentVariable("BERTH_READY_FILE"); !file.isEmpty()) {
        QFile f(file);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            const auto now = std::chrono::system_clock::now().time_since_epoch();
            f.write(QByteArray::number(static_cast<qint64>(
                        std::chrono::duration_cast<std::chrono::nanoseconds>(now).count())) +
                    " shown\n");
        }
    }
    if (qEnvironmentVariable("BERTH_EXIT_WHEN_READY") == QLatin1String("1")) {
        QCoreApplication::quit();
    }
}

/// The first paint, then the next turn of the event loop: as berth's ready probe.
class FirstPaint : public QObject
{
public:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            QTimer::singleShot(0, this, [] { tellReady(); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_painted = false;
};
} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QLabel label(QStringLiteral("Hello"));
    label.resize(1100, 720);
    FirstPaint probe;
    label.installEventFilter(&probe);
    label.show();
    return QApplication::exec();
}
