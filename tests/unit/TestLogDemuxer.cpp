// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "FakeTransport.h"

#include "berth/core/engine/LogDemuxer.h"

#include <QTest>

using namespace berth::core;

class TestLogDemuxer : public QObject
{
    Q_OBJECT

    static std::pair<std::string, std::string> run(const std::string& bytes, const std::vector<std::size_t>& cuts)
    {
        std::string out, err;
        LogDemuxer d(false, [&](LogStream s, std::string_view data) { (s == LogStream::Stderr ? err : out).append(data); });
        std::size_t from = 0;
        for (std::size_t cut : cuts) {
            d.feed(std::string_view(bytes).substr(from, cut - from));
            from = cut;
        }
        d.feed(std::string_view(bytes).substr(from));
        return {out, err};
    }

private Q_SLOTS:
    void decodesRecordedFramesCutAtEveryPlace()
    {
        const std::string bytes = berth::test::fixture("logs-multiplexed.bin");
        const auto whole = run(bytes, {});
        QCOMPARE(whole.first, std::string("out 4\nout 5\nout 6\n"));
        QCOMPARE(whole.second, std::string("err 4\nerr 5\nerr 6\n"));
        for (std::size_t i = 0; i <= bytes.size(); ++i) {
            for (std::size_t j = i; j <= bytes.size(); j += 5) {
                QCOMPARE(run(bytes, {i, j}), whole);
            }
        }
    }

    void handlesALargeFrameAndAnEmptyOne()
    {
        std::string big(70000, 'x');
        std::string bytes = std::string("\x01\0\0\0", 4) + std::string("\x00\x01\x11\x70", 4) + big;
        bytes += std::string("\x02\0\0\0\0\0\0\0", 8);
        bytes += std::string("\x02\0\0\0\0\0\0\x02", 8) + "e\n";
        auto r = run(bytes, {3, 4000, 70009});
        QCOMPARE(r.first, big);
        QCOMPARE(r.second, std::string("e\n"));
    }

    void keepsAHalfHeaderForTheNextChunk()
    {
        std::string out;
        LogDemuxer d(false, [&](LogStream, std::string_view data) { out.append(data); });
        d.feed(std::string("\x01\0\0", 3));
        QCOMPARE(d.pending(), std::size_t(3));
        d.feed(std::string("\0\0\0\0\x03", 5));
        d.feed("abc");
        QCOMPARE(out, std::string("abc"));
        QCOMPARE(d.pending(), std::size_t(0));
    }

    void passesTtyBytesThrough()
    {
        std::string out;
        LogDemuxer d(true, [&](LogStream s, std::string_view data) {
            QCOMPARE(s, LogStream::Stdout);
            out.append(data);
        });
        d.feed(std::string("\x01\0\0\0", 4));
        d.feed("raw\r\n");
        QCOMPARE(out, std::string("\x01\0\0\0raw\r\n", 9));
    }
};

QTEST_APPLESS_MAIN(TestLogDemuxer)
#include "TestLogDemuxer.moc"
