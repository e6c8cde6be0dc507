// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// The one data table Berth decides GPU compatibility from: CUDA toolkit -> minimum driver, the
// minor-version compatibility ranges, the CUDA each TensorFlow release was tested with, and the tag
// rules of the images Berth knows. Every row names its source in CompatTables.cpp; keep them there.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace berth::core {

/// One row of NVIDIA's "CUDA Toolkit and Corresponding Driver Versions".
struct CudaDriverRow
{
    const char* cuda;       ///< "12.2", or "11.2.1" for an update that raised the minimum
    const char* linuxMin;   ///< "535.54.03"
    const char* windowsMin; ///< "536.25"; empty when not bundled
};

/// CUDA minor-version compatibility: an application built with any `major`.x runs (with a limited
/// feature set: no PTX JIT of newer code) on a driver at or above the floor of its major version.
struct MinorCompatRow
{
    int cudaMajor;
    const char* linuxFloor;
    const char* windowsFloor; ///< empty when NVIDIA names none
};

/// The CUDA and cuDNN a range of TensorFlow releases was tested with (GPU builds).
struct TensorFlowRow
{
    const char* first; ///< first release of the range, "2.5"
    const char* last;  ///< last release of the range, "2.11"
    const char* cuda;
    const char* cudnn;
};

/// Where a table's facts come from, for people who want to check them.
struct TableSource
{
    const char* table;
    const char* source;
};

class CompatTables
{
public:
    static std::span<const CudaDriverRow> cudaDrivers();
    static std::span<const MinorCompatRow> minorCompat();
    static std::span<const TensorFlowRow> tensorflow();
    static std::span<const TableSource> sources();

    /// The lowest driver that runs `cuda` ("12.2", "11.2.1", "12.2.0") at full features. An update
    /// with its own row ("11.2.1") uses it; a version the table lacks takes the next higher row of
    /// its major version; nullopt when the table knows nothing at or above it in that major.
    static std::optional<std::string> minDriverFor(std::string_view cuda, bool windows = false);
    /// The floor of `cudaMajor`'s minor-version compatibility, nullopt when that major has none (10.x).
    static std::optional<std::string> minorCompatFloor(int cudaMajor, bool windows = false);
    /// The newest CUDA ("12.2") a driver runs at full features; nullopt when older than every row.
    static std::optional<std::string> maxCudaFor(std::string_view driverVersion, bool windows = false);
    /// The tested CUDA/cuDNN of a TensorFlow release ("2.15.0", "2.15"); nullopt when unknown.
    static std::optional<TensorFlowRow> tensorflowRelease(std::string_view version);
    /// The newest TensorFlow release in the table whose CUDA is at most `cuda` ("11.4" -> 2.11).
    static std::optional<std::string> newestTensorflowFor(std::string_view cuda);
    /// "major.minor" of a dotted version ("12.2.0" -> "12.2"); empty when it does not start with one.
    static std::string majorMinor(std::string_view version);
};

} // namespace berth::core
