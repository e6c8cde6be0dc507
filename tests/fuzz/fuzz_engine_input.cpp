// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// libFuzzer target for everything that reads what an engine or a person hands Berth: log and exec
// streams, JSON document streams (events, pull progress, stats) and the typed views of engine JSON,
// engine addresses, and launch options (sizes, CPUs, mounts, GPUs, env). The first byte picks the parser.
#include "berth/core/engine/EngineTypes.h"
#include "berth/core/engine/Endpoint.h"
#include "berth/core/base/JsonLineSplitter.h"
#include "berth/core/launch/LaunchSpec.h"
#include "berth/core/engine/LogDemuxer.h"
#include "berth/core/launch/NotebookLayout.h"
#include "berth/core/engine/PullProgress.h"
#include "berth/core/engine/Stats.h"
#include "berth/core/base/Units.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace berth::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) {
        return 0;
    }
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 6) {
    case 0: { // log stream, cut into pieces at bytes the input chooses
        for (bool tty : {false, true}) {
            std::size_t total = 0;
            LogDemuxer d(tty, [&](LogStream, std::string_view s) { total += s.size(); });
            for (std::size_t i = 0; i < text.size(); i += 1 + static_cast<unsigned char>(text[i]) % 17) {
                d.feed(text.substr(i, 1 + static_cast<unsigned char>(text[i]) % 17));
            }
        }
        break;
    }
    case 1: { // a stream of JSON documents, seen as every kind the engine sends
        PullProgress pull;
        JsonLineSplitter split([&](std::string_view doc) {
            auto j = nlohmann::json::parse(doc, nullptr, false);
            if (j.is_discarded()) {
                return true;
            }
            (void)pull.apply(j);
            (void)pull.fraction();
            (void)Event::fromJson(j);
            (void)computeStats(j);
            (void)ContainerSummary::fromJson(j);
            (void)ContainerDetails::fromJson(j).hostPort("8888/tcp");
            (void)notebookLayout(ImageDetails::fromJson(j));
            (void)EngineInfo::fromJson(j);
            return true;
        });
        split.feed(text);
        split.finish();
        break;
    }
    case 2:
        (void)parseEndpoint(text);
        break;
    case 3:
        (void)parseSize(text);
        (void)parseCpus(text);
        break;
    case 4:
        (void)parseMount(text, "/home/user");
        (void)parseGpus(text);
        break;
    default:
        (void)parseEnv(text);
        (void)checkName(text);
        break;
    }
    return 0;
}
