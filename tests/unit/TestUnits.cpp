// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/base/Units.h"

#include <QTest>

using namespace berth::core;

class TestUnits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesSizesAsDockerDoes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("bytes");
        QTest::newRow("512m") << "512m" << qint64(512) * 1024 * 1024;
        QTest::newRow("4g") << "4g" << qint64(4) * 1024 * 1024 * 1024;
        QTest::newRow("1.5GiB") << "1.5GiB" << qint64(1536) * 1024 * 1024;
        QTest::newRow("64MB") << "64MB" << qint64(64) * 1024 * 1024;
        QTest::newRow("2048") << "2048" << qint64(2048);
        QTest::newRow("1k") << " 1 K " << qint64(1024);
        QTest::newRow("2t") << "2t" << qint64(2) * 1024 * 1024 * 1024 * 1024;
    }
    void parsesSizesAsDockerDoes()
    {
        QFETCH(QString, text);
        QFETCH(qint64, bytes);
        auto r = parseSize(text.toStdString());
        QVERIFY(r.ok());
        QCOMPARE(static_cast<qint64>(*r), bytes);
    }

    void refusesNonsenseSizes()
    {
        for (const char* t : {"", "g", "-1g", "1.2.3g", "1x", "lots", "1e9", "nan", "inf", "0x10", "99999999999t"}) {
            auto r = parseSize(t);
            QVERIFY2(!r.ok(), t);
            QCOMPARE(r.error().kind, ErrorKind::BadInput);
            QVERIFY(r.error().message.find("512m") != std::string::npos || r.error().message.find("larger") != std::string::npos);
        }
    }

    void parsesCpus()
    {
        QCOMPARE(*parseCpus("2"), std::int64_t(2000000000));
        QCOMPARE(*parseCpus("0.5"), std::int64_t(500000000));
        for (const char* t : {"0", "-1", "", "two", "1e3", "100000"}) {
            QVERIFY2(!parseCpus(t).ok(), t);
        }
    }

    void formatsBytesForPeople()
    {
        QCOMPARE(formatBytes(0), std::string("0 B"));
        QCOMPARE(formatBytes(1536), std::string("1.5 KiB"));
        QCOMPARE(formatBytes(474ull * 1024 * 1024), std::string("474 MiB"));
        QCOMPARE(formatAgo(1000, 1030), std::string("just now"));
        QCOMPARE(formatAgo(1000, 1000 + 7200), std::string("2 hours ago"));
    }
};

QTEST_APPLESS_MAIN(TestUnits)
#include "TestUnits.moc"
