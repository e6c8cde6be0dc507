// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// The GPU parsers meet many mutated and random inputs, seeded with what real machines and images print. A
// deterministic stand-in for the libFuzzer target tests/fuzz/fuzz_gpu_parsers.cpp (same body), so every test
// run covers it. A crash, a throw or a broken invariant (std::abort) fails the test.
#include "../fuzz/GpuParsersFuzz.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <random>

namespace {
std::vector<std::string> seeds()
{
    std::vector<std::string> out = {
        "cuda>=12.2 brand=tesla,driver>=470,driver<471 brand=geforce,driver>=470,driver<471",
        "cuda>=11.2 brand=tesla,driver>=418,driver<419 brand=tesla,driver>=440,driver<441 driver>=450",
        "arch>=8.0,cuda!12 brand!=tesla",
        "NVIDIA_REQUIRE_CUDA=cuda>=12.2\nCUDA_VERSION=12.2.0\nNVIDIA_DISABLE_REQUIRE=false\nNVIDIA_REQUIRE_ARCH=arch>=7",
        "tensorflow/tensorflow:2.15.0-gpu-jupyter",
        "pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime",
        "nvcr.io/nvidia/cuda:11.8.0-cudnn8-devel-ubuntu22.04@sha256:00",
        "index, name, uuid, driver_version, memory.total [MiB], compute_cap\n0, Tesla T4, GPU-1, 535.54.03, 15360, 7.5\n",
        "",
    };
    const QDir dir(QStringLiteral(BERTH_TEST_DATA "/gpu"));
    for (const auto& name : dir.entryList(QDir::Files)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly)) {
            const QByteArray b = f.readAll();
            out.emplace_back(b.constData(), static_cast<std::size_t>(b.size()));
        }
    }
    return out;
}

std::string mutate(std::string s, std::mt19937& rng)
{
    static const std::string pieces[] = {">=", "<", "!", "=", ",", " ", "\n", ".", "..", "cuda", "driver", "arch",
                                         "brand", "[N/A]", " MiB", "Module", "NVRM version:", "9999999999999999999999",
                                         "\t", std::string(1, '\0'), "\xff\xfe", ":", "@", "/", "-gpu", "cuda12.", "0"};
    const int edits = 1 + static_cast<int>(rng() % 6);
    for (int e = 0; e < edits; ++e) {
        const std::size_t pos = s.empty() ? 0 : rng() % (s.size() + 1);
        switch (rng() % 6) {
        case 0: // flip a byte
            if (!s.empty()) {
                s[pos % s.size()] = static_cast<char>(rng() % 256);
            }
            break;
        case 1: // insert a piece the parsers care about
            s.insert(pos, pieces[rng() % std::size(pieces)]);
            break;
        case 2: // cut
            s.resize(pos);
            break;
        case 3: // delete a run
            if (pos < s.size()) {
                s.erase(pos, 1 + rng() % 8);
            }
            break;
        case 4: // duplicate a run
            if (pos < s.size()) {
                s.insert(pos, s.substr(pos, 1 + rng() % 32));
            }
            break;
        default: // random bytes
            for (int i = static_cast<int>(rng() % 16); i > 0; --i) {
                s.insert(s.begin() + static_cast<std::ptrdiff_t>(pos), static_cast<char>(rng() % 256));
            }
        }
    }
    return s.size() > 16384 ? s.substr(0, 16384) : s;
}
} // namespace

class TestGpuParsersFuzz : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seedsPass()
    {
        for (const auto& s : seeds()) {
            berth::fuzz::gpuParsers(s);
        }
    }

    void mutatedInputsNeitherCrashNorBreakInvariants()
    {
        std::mt19937 rng(20260611);
        const auto base = seeds();
        for (int i = 0; i < 6000; ++i) {
            std::string s = base[rng() % base.size()];
            for (int round = static_cast<int>(rng() % 3); round >= 0; --round) {
                s = mutate(std::move(s), rng);
            }
            berth::fuzz::gpuParsers(s);
        }
    }

    void randomBytesNeitherCrashNorBreakInvariants()
    {
        std::mt19937 rng(7);
        const std::string alphabet = "cudriverabnhgt0123456789.,<>=! \n-:/@[]";
        for (int i = 0; i < 3000; ++i) {
            std::string s(rng() % 200, '\0');
            for (auto& c : s) {
                c = i % 2 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
            }
            berth::fuzz::gpuParsers(s);
        }
    }
};

QTEST_GUILESS_MAIN(TestGpuParsersFuzz)
#include "TestGpuParsersFuzz.moc"
