// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// libFuzzer target for the GPU parsers; see docs/gpu.md ("Fuzzing") for how to build and run it.
#include "GpuParsersFuzz.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > 64 * 1024) {
        return 0;
    }
    berth::fuzz::gpuParsers(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
