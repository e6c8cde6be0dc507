// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// NVIDIA_REQUIRE_* evaluated as libnvidia-container's dsl.c does, table by table: version comparison,
// operators and their quirks, OR/AND with lazy evaluation, the no-device rule, the toolkit's messages, and
// the requirements an image's Env gives the toolkit.
#include "berth/core/gpu/CudaRequirement.h"

#include <QTest>

using namespace berth::core;
using Cmp = CudaRequirement::Comparator;
using Outcome = RequirementResult::Outcome;

Q_DECLARE_METATYPE(Cmp)
Q_DECLARE_METATYPE(Outcome)

namespace {
QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

const char* outcomeName(Outcome o)
{
    return o == Outcome::Satisfied ? "satisfied" : o == Outcome::Unsatisfied ? "unsatisfied" : "invalid";
}

// A GeForce RTX 3090 (8.6) on driver 470.82.01, which gives CUDA 11.4.
const RequirementHost kHost470{std::string("470.82.01"), std::string("11.4")};
const RequirementDevice kRtx3090{std::string("8.6"), std::string("GeForce")};
const RequirementDevice kTeslaT4{std::string("7.5"), std::string("Tesla")};

// nvidia/cuda:12.2.0's NVIDIA_REQUIRE_CUDA (from the nvidia/cuda Dockerfiles), datacenter exceptions included.
const char* kCuda122 = "cuda>=12.2 brand=tesla,driver>=470,driver<471 brand=unknown,driver>=470,driver<471 "
                       "brand=nvidia,driver>=470,driver<471 brand=nvidiartx,driver>=470,driver<471 "
                       "brand=geforce,driver>=470,driver<471 brand=geforcertx,driver>=470,driver<471 "
                       "brand=quadro,driver>=470,driver<471 brand=quadrortx,driver>=470,driver<471 "
                       "brand=titan,driver>=470,driver<471 brand=titanrtx,driver>=470,driver<471 "
                       "brand=tesla,driver>=525,driver<526 brand=unknown,driver>=525,driver<526";
} // namespace

class TestCudaRequirement : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void comparesVersionsNumberByNumber_data()
    {
        QTest::addColumn<QString>("v1");
        QTest::addColumn<Cmp>("cmp");
        QTest::addColumn<QString>("v2");
        QTest::addColumn<int>("expected");
        QTest::newRow("equal") << "12.2" << Cmp::Equal << "12.2" << 1;
        QTest::newRow("trailing zero equal") << "12.2" << Cmp::Equal << "12.2.0" << 1;
        QTest::newRow("trailing zeros both") << "12.2.0.0" << Cmp::GreaterEqual << "12.2" << 1;
        QTest::newRow("numeric not text") << "12.10" << Cmp::Greater << "12.9" << 1;
        QTest::newRow("leading zero") << "535.54.03" << Cmp::Equal << "535.54.3" << 1;
        QTest::newRow("less") << "11.4" << Cmp::Less << "12.2" << 1;
        QTest::newRow("not less") << "12.4" << Cmp::Less << "12.2" << 0;
        QTest::newRow("ge false") << "11.4" << Cmp::GreaterEqual << "12.2" << 0;
        QTest::newRow("ge true") << "12.4" << Cmp::GreaterEqual << "12.2" << 1;
        QTest::newRow("longer is greater") << "12.2.1" << Cmp::Greater << "12.2" << 1;
        QTest::newRow("shorter is less") << "12.2" << Cmp::Less << "12.2.1" << 1;
        QTest::newRow("driver lt") << "470.82.01" << Cmp::Less << "471" << 1;
        QTest::newRow("driver ge") << "470.82.01" << Cmp::GreaterEqual << "470" << 1;
        QTest::newRow("not equal") << "1.0" << Cmp::NotEqual << "1" << 0;
        QTest::newRow("not equal differs") << "1.1" << Cmp::NotEqual << "1" << 1;
        QTest::newRow("double dots") << "12..2" << Cmp::Equal << "12.2" << 1;
        QTest::newRow("letters") << "12.2a" << Cmp::Equal << "12.2" << -1;
        QTest::newRow("space") << "12.2" << Cmp::Equal << " 12.2" << -1;
        QTest::newRow("minus") << "-1" << Cmp::Less << "2" << -1;
        QTest::newRow("leading dot") << ".5" << Cmp::Less << "2" << -1;
        QTest::newRow("overflow") << "99999999999999999999999" << Cmp::Greater << "1" << -1;
        QTest::newRow("uintmax is an error") << "18446744073709551615" << Cmp::Greater << "1" << -1;
        QTest::newRow("empty left") << "" << Cmp::Less << "1" << 1;
    }
    void comparesVersionsNumberByNumber()
    {
        QFETCH(QString, v1);
        QFETCH(Cmp, cmp);
        QFETCH(QString, v2);
        QFETCH(int, expected);
        QCOMPARE(CudaRequirement::compareVersion(v1.toStdString(), cmp, v2.toStdString()), expected);
    }

    void comparesBrandsCaseInsensitivelyOnlyForEquality()
    {
        QCOMPARE(CudaRequirement::compareString("GeForceRTX", Cmp::Equal, "geforcertx"), 1);
        QCOMPARE(CudaRequirement::compareString("Tesla", Cmp::NotEqual, "tesla"), 0);
        QCOMPARE(CudaRequirement::compareString("Tesla", Cmp::Less, "tesla"), -1);
    }

    void evaluatesAsTheToolkitDoes_data()
    {
        QTest::addColumn<QString>("predicate");
        QTest::addColumn<bool>("withDevice");
        QTest::addColumn<Outcome>("expected");
        QTest::addColumn<QString>("failed");
        // Plain cuda and driver conditions against driver 470.82.01 (CUDA 11.4).
        QTest::newRow("cuda ok") << "cuda>=11.0" << true << Outcome::Satisfied << "";
        QTest::newRow("cuda too new") << "cuda>=12.2" << true << Outcome::Unsatisfied << "cuda >= 12.2";
        QTest::newRow("cuda equal major.minor") << "cuda=11.4" << true << Outcome::Satisfied << "";
        QTest::newRow("driver range") << "driver>=470,driver<471" << true << Outcome::Satisfied << "";
        QTest::newRow("driver range miss") << "driver>=525,driver<526" << true << Outcome::Unsatisfied
                                           << "driver >= 525";
        // OR: the first alternative that holds wins; AND stops at the first false.
        QTest::newRow("or second holds") << "cuda>=12.2 driver>=470" << true << Outcome::Satisfied << "";
        QTest::newRow("or none holds") << "cuda>=12.2 driver>=525" << true << Outcome::Unsatisfied << "driver >= 525";
        QTest::newRow("and second false") << "cuda>=11.0,driver>=500" << true << Outcome::Unsatisfied
                                          << "driver >= 500";
        // nvidia/cuda 12.2: the GeForce on 470 matches brand=geforce,driver>=470,driver<471: datacenter-style
        // forward compatibility is declared for every brand in this image, so the toolkit lets it start.
        QTest::newRow("nvidia/cuda 12.2 on 470 geforce") << kCuda122 << true << Outcome::Satisfied << "";
        // Keys and brands are case-insensitive.
        QTest::newRow("upper-case key") << "CUDA>=11.0" << true << Outcome::Satisfied << "";
        QTest::newRow("brand mixed case") << "brand=GEFORCE" << true << Outcome::Satisfied << "";
        QTest::newRow("brand other") << "brand=tesla" << true << Outcome::Unsatisfied << "brand = tesla";
        QTest::newRow("brand not equal") << "brand!=tesla" << true << Outcome::Satisfied << "";
        // arch and brand hold when no device is visible; cuda and driver still count.
        QTest::newRow("arch without device") << "arch>=9.0" << false << Outcome::Satisfied << "";
        QTest::newRow("brand without device") << "brand=tesla" << false << Outcome::Satisfied << "";
        QTest::newRow("arch too low") << "arch>=9.0" << true << Outcome::Unsatisfied << "arch >= 9.0";
        QTest::newRow("arch ok") << "arch>=7.0" << true << Outcome::Satisfied << "";
        // Operator quirks of dsl.c: a lone ! reads as !=, < before <=, unknown runs are invalid.
        QTest::newRow("lone bang is not-equal") << "cuda!12.2" << true << Outcome::Satisfied << "";
        QTest::newRow("lone bang formats as !=") << "cuda!11.4" << true << Outcome::Unsatisfied << "cuda != 11.4";
        QTest::newRow("double equal invalid") << "cuda==11.4" << true << Outcome::Invalid << "cuda==11.4";
        QTest::newRow("=> invalid") << "cuda=>11.4" << true << Outcome::Invalid << "cuda=>11.4";
        QTest::newRow("< less") << "cuda<12" << true << Outcome::Satisfied << "";
        QTest::newRow("> greater") << "cuda>11" << true << Outcome::Satisfied << "";
        // Unreadable conditions are invalid, but only when evaluation reaches them.
        QTest::newRow("unknown key") << "vram>=8" << true << Outcome::Invalid << "vram>=8";
        QTest::newRow("unknown key after a hit") << "cuda>=11.0 vram>=8" << true << Outcome::Satisfied << "";
        QTest::newRow("unknown key after a miss") << "cuda>=12.0,vram>=8" << true << Outcome::Unsatisfied
                                                  << "cuda >= 12.0";
        QTest::newRow("no operator") << "cuda" << true << Outcome::Invalid << "cuda";
        QTest::newRow("no name") << ">=11" << true << Outcome::Invalid << ">=11";
        QTest::newRow("no value") << "cuda>=" << true << Outcome::Invalid << "cuda>=";
        QTest::newRow("text version") << "cuda>=twelve" << true << Outcome::Invalid << "cuda>=twelve";
        QTest::newRow("brand with <") << "brand<tesla" << true << Outcome::Invalid << "brand<tesla";
        // Empty pieces are skipped; a tab is not a separator.
        QTest::newRow("empty") << "" << true << Outcome::Satisfied << "";
        QTest::newRow("spaces only") << "   " << true << Outcome::Satisfied << "";
        QTest::newRow("commas only") << ",,," << true << Outcome::Satisfied << "";
        QTest::newRow("double space") << "cuda>=12.2  driver>=470" << true << Outcome::Satisfied << "";
        QTest::newRow("tab") << "cuda>=11.0\tdriver>=1" << true << Outcome::Invalid << "cuda>=11.0\tdriver>=1";
        // A failing alternative followed by one with only empty conditions stays failed (ret is kept).
        QTest::newRow("empty alternative keeps failure") << "cuda>=12.2 ," << true << Outcome::Unsatisfied
                                                         << "cuda >= 12.2";
        // A false condition longer than the toolkit's 128-byte buffer is an error.
        const QString longValue = "1" + QString(".1").repeated(70);
        QTest::newRow("long false condition") << "driver<" + longValue << true << Outcome::Invalid
                                              << "driver<" + longValue;
        QTest::newRow("long true condition") << "driver>" + longValue << true << Outcome::Satisfied << "";
        // The value is a C string: it ends at a NUL.
        QTest::newRow("nul ends it") << QString::fromLatin1("cuda>=11.0\0vram>=8", 18) << true << Outcome::Satisfied
                                     << "";
    }
    void evaluatesAsTheToolkitDoes()
    {
        QFETCH(QString, predicate);
        QFETCH(bool, withDevice);
        QFETCH(Outcome, expected);
        QFETCH(QString, failed);
        const QByteArray bytes = predicate.toUtf8();
        auto r = CudaRequirement::evaluate(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                                           kHost470, withDevice ? &kRtx3090 : nullptr);
        QVERIFY2(r.outcome == expected, outcomeName(r.outcome));
        QCOMPARE(q(r.failedCondition), failed);
    }

    void saysWhatTheToolkitSays()
    {
        auto r = CudaRequirement::evaluate("cuda>=12.2 brand=tesla,driver>=535", kHost470, &kRtx3090);
        QCOMPARE(r.toolkitMessage, std::string("unsatisfied condition: cuda>=12.2, please update your driver to a newer "
                                               "version, or use an earlier cuda container"));
        r = CudaRequirement::evaluate("driver>=999", kHost470, &kRtx3090);
        QCOMPARE(r.toolkitMessage, std::string("unsatisfied condition: driver>=999"));
        r = CudaRequirement::evaluate("cuda>=x", kHost470, &kRtx3090);
        QCOMPARE(r.toolkitMessage, std::string("invalid expression"));
        // The message names the first space-separated piece, even an empty one.
        r = CudaRequirement::evaluate(" cuda>=12.2", kHost470, &kRtx3090);
        QCOMPARE(r.toolkitMessage, std::string("unsatisfied condition: "));
    }

    void unknownHostValuesHold()
    {
        const RequirementHost none;
        QVERIFY(CudaRequirement::evaluate("cuda>=99,driver>=999", none, &kRtx3090).satisfied());
        // ...but the toolkit never reads the value then, so even an unreadable one passes.
        QVERIFY(CudaRequirement::evaluate("cuda>=x", none, nullptr).satisfied());
    }

    void everyVisibleGpuMustSatisfyEveryRequirement()
    {
        const std::vector<RequirementDevice> two{kRtx3090, kTeslaT4};
        auto r = CudaRequirement::evaluateAll({"cuda>=11.0", "arch>=8.0"}, kHost470, two);
        QVERIFY(r.outcome == Outcome::Unsatisfied);
        QCOMPARE(r.deviceIndex, 1);
        QCOMPARE(r.failedCondition, std::string("arch >= 8.0"));
        QVERIFY(CudaRequirement::evaluateAll({"cuda>=11.0", "arch>=7.0"}, kHost470, two).satisfied());
        // No visible device: evaluated once, globally, where arch holds.
        QVERIFY(CudaRequirement::evaluateAll({"cuda>=11.0", "arch>=9.0"}, kHost470, {}).satisfied());
        QVERIFY(!CudaRequirement::evaluateAll({"cuda>=12.0"}, kHost470, {}).satisfied());
        QVERIFY(CudaRequirement::evaluateAll({}, kHost470, two).satisfied());
    }

    void findsTheCudaAnImageNeeds()
    {
        QCOMPARE(CudaRequirement::minimumCuda(kCuda122).value_or(""), std::string("12.2"));
        QCOMPARE(CudaRequirement::minimumCuda("brand=tesla,driver>=418 cuda>=11.2").value_or(""), std::string("11.2"));
        QVERIFY(!CudaRequirement::minimumCuda("driver>=450").has_value());
        QVERIFY(!CudaRequirement::minimumCuda("cuda>=x").has_value());
        const auto alts = CudaRequirement::alternatives("cuda>=12.2 brand=tesla,driver>=470,driver<471 junk");
        QCOMPARE(alts.size(), std::size_t(2));
        QCOMPARE(alts[1].size(), std::size_t(3));
        QCOMPARE(alts[1][0].key, std::string("brand"));
        QCOMPARE(alts[1][2].op, std::string("<"));
    }

    void readsRequirementsFromAnImagesEnv_data()
    {
        QTest::addColumn<QStringList>("env");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("require cuda") << QStringList{"PATH=/bin", "NVIDIA_REQUIRE_CUDA=cuda>=12.2", "CUDA_VERSION=12.2.0"}
                                      << QStringList{"cuda>=12.2"};
        QTest::newRow("cuda version only") << QStringList{"CUDA_VERSION=11.8.0"} << QStringList{"cuda>=11.8"};
        QTest::newRow("cuda version major only") << QStringList{"CUDA_VERSION=12"} << QStringList{"cuda>=12.0"};
        QTest::newRow("cuda version v-prefixed") << QStringList{"CUDA_VERSION=v12.4.1"} << QStringList{"cuda>=12.4"};
        QTest::newRow("cuda version prerelease") << QStringList{"CUDA_VERSION=12.4.1-rc1"}
                                                 << QStringList{"cuda>=12.4"};
        QTest::newRow("unreadable cuda version") << QStringList{"CUDA_VERSION=twelve"}
                                                 << QStringList{"cuda>=invalid:twelve"};
        QTest::newRow("empty require falls back") << QStringList{"NVIDIA_REQUIRE_CUDA=", "CUDA_VERSION=12.1.1"}
                                                  << QStringList{"", "cuda>=12.1"};
        QTest::newRow("several sorted by name")
            << QStringList{"NVIDIA_REQUIRE_DRIVER=driver>=535", "NVIDIA_REQUIRE_ARCH=arch>=8.0",
                           "NVIDIA_REQUIRE_JETPACK=csv-mounts=all"}
            << QStringList{"arch>=8.0", "driver>=535"};
        QTest::newRow("disabled") << QStringList{"NVIDIA_REQUIRE_CUDA=cuda>=12.2", "NVIDIA_DISABLE_REQUIRE=true"}
                                  << QStringList{};
        QTest::newRow("disable false") << QStringList{"NVIDIA_REQUIRE_CUDA=cuda>=12.2", "NVIDIA_DISABLE_REQUIRE=false"}
                                       << QStringList{"cuda>=12.2"};
        QTest::newRow("disable yes is not a Go bool") << QStringList{"CUDA_VERSION=12.2", "NVIDIA_DISABLE_REQUIRE=yes"}
                                                      << QStringList{"cuda>=12.2"};
        QTest::newRow("later wins") << QStringList{"NVIDIA_REQUIRE_CUDA=cuda>=11.0", "NVIDIA_REQUIRE_CUDA=cuda>=12.0"}
                                    << QStringList{"cuda>=12.0"};
        QTest::newRow("nothing") << QStringList{"PATH=/usr/bin", "HOME=/root", "NOEQUALS"} << QStringList{};
    }
    void readsRequirementsFromAnImagesEnv()
    {
        QFETCH(QStringList, env);
        QFETCH(QStringList, expected);
        std::vector<std::string> e;
        for (const auto& s : env) {
            e.push_back(s.toStdString());
        }
        QStringList got;
        for (const auto& r : CudaRequirement::requirementsFromEnv(e)) {
            got << q(r);
        }
        QCOMPARE(got, expected);
    }
};

QTEST_GUILESS_MAIN(TestCudaRequirement)
#include "TestCudaRequirement.moc"
