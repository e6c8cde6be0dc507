// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/gpu/CompatTables.h"

#include "berth/core/engine/EngineClient.h"

#include <array>
#include <cctype>

namespace berth::core {

namespace {

// Source: NVIDIA CUDA Toolkit release notes, table "CUDA Toolkit and Corresponding Driver Versions"
// (https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html), as kept in /work/shared/REFERENCE.md
// section 3. 12.7 was never released; 11.4 Update 1 and 2 and 11.2.1 raised the minimum on Linux.
constexpr std::array kCudaDrivers{
    CudaDriverRow{"10.0", "410.48", "411.31"},       CudaDriverRow{"10.1", "418.39", "418.96"},
    CudaDriverRow{"10.2", "440.33", "441.22"},       CudaDriverRow{"11.0", "450.51.06", "451.82"},
    CudaDriverRow{"11.1", "455.32", "456.81"},       CudaDriverRow{"11.2", "460.27.03", "460.82"},
    CudaDriverRow{"11.2.1", "460.32.03", "460.82"},  CudaDriverRow{"11.3", "465.19.01", "465.89"},
    CudaDriverRow{"11.4", "470.42.01", "471.11"},    CudaDriverRow{"11.4.1", "470.57.02", "471.11"},
    CudaDriverRow{"11.4.2", "470.57.02", "471.11"},  CudaDriverRow{"11.5", "495.29.05", "496.04"},
    CudaDriverRow{"11.6", "510.39.01", "511.23"},    CudaDriverRow{"11.7", "515.43.04", "516.01"},
    CudaDriverRow{"11.8", "520.61.05", "520.06"},    CudaDriverRow{"12.0", "525.60.13", "527.41"},
    CudaDriverRow{"12.1", "530.30.02", "531.14"},    CudaDriverRow{"12.2", "535.54.03", "536.25"},
    CudaDriverRow{"12.3", "545.23.06", "545.84"},    CudaDriverRow{"12.4", "550.54.14", "551.61"},
    CudaDriverRow{"12.5", "555.42.02", "555.85"},    CudaDriverRow{"12.6", "560.28.03", "560.76"},
    CudaDriverRow{"12.8", "570.26", "570.65"},       CudaDriverRow{"12.9", "575.51.03", "576.02"},
    CudaDriverRow{"13.0", "580.65.06", ""},
};

// Source: NVIDIA "CUDA Compatibility" guide, section "Minor Version Compatibility"
// (https://docs.nvidia.com/deploy/cuda-compatibility/). 10.x had no such rule.
constexpr std::array kMinorCompat{
    MinorCompatRow{11, "450.80.02", "452.39"},
    MinorCompatRow{12, "525.60.13", "527.41"},
    MinorCompatRow{13, "580.65.06", ""},
};

// Source: tensorflow/docs, site/en/install/source.md, "Tested build configurations", Linux GPU
// (https://www.tensorflow.org/install/source#gpu).
constexpr std::array kTensorflow{
    TensorFlowRow{"2.0", "2.0", "10.0", "7.4"},  TensorFlowRow{"2.1", "2.3", "10.1", "7.6"},
    TensorFlowRow{"2.4", "2.4", "11.0", "8.0"},  TensorFlowRow{"2.5", "2.11", "11.2", "8.1"},
    TensorFlowRow{"2.12", "2.13", "11.8", "8.6"}, TensorFlowRow{"2.14", "2.14", "11.8", "8.7"},
    TensorFlowRow{"2.15", "2.15", "12.2", "8.9"}, TensorFlowRow{"2.16", "2.16", "12.3", "8.9"},
    TensorFlowRow{"2.17", "2.17", "12.3", "8.9"}, TensorFlowRow{"2.18", "2.19", "12.5", "9.3"},
};

constexpr std::array kSources{
    TableSource{"CUDA toolkit -> minimum driver",
                "NVIDIA CUDA Toolkit release notes, 'CUDA Toolkit and Corresponding Driver Versions' "
                "(https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html)"},
    TableSource{"minor-version compatibility",
                "NVIDIA CUDA Compatibility guide, 'Minor Version Compatibility' "
                "(https://docs.nvidia.com/deploy/cuda-compatibility/)"},
    TableSource{"TensorFlow -> CUDA/cuDNN",
                "tensorflow/docs site/en/install/source.md, 'Tested build configurations' "
                "(https://www.tensorflow.org/install/source#gpu)"},
    TableSource{"image tags",
                "Docker Hub tag lists of tensorflow/tensorflow (CPU twin drops '-gpu'), pytorch/pytorch "
                "('<torch>-cuda<X.Y>-cudnn<N>-runtime|devel') and nvidia/cuda ('<X.Y.Z>-<flavour>-<os>')"},
    TableSource{"NVIDIA_REQUIRE_* rules",
                "NVIDIA libnvidia-container src/cli/dsl.c and src/cli/configure.c; nvidia-container-toolkit "
                "internal/config/image/cuda_image.go (https://github.com/NVIDIA/libnvidia-container)"},
};

bool startsWithDigit(std::string_view s)
{
    return !s.empty() && std::isdigit(static_cast<unsigned char>(s.front()));
}

int majorOf(std::string_view v)
{
    int m = 0;
    for (char c : v) {
        if (!std::isdigit(static_cast<unsigned char>(c)) || m > 100000) {
            break;
        }
        m = m * 10 + (c - '0');
    }
    return m;
}

std::size_t dots(std::string_view v)
{
    std::size_t n = 0;
    for (char c : v) {
        n += c == '.' ? 1 : 0;
    }
    return n;
}

/// A version made only of digits and dots, starting and ending with a digit.
bool plainVersion(std::string_view v)
{
    if (!startsWithDigit(v) || v.back() == '.') {
        return false;
    }
    for (char c : v) {
        if (c != '.' && !std::isdigit(static_cast<unsigned char>(c))) {
            return false;
        }
    }
    return v.find("..") == std::string_view::npos;
}

} // namespace

std::span<const CudaDriverRow> CompatTables::cudaDrivers()
{
    return kCudaDrivers;
}

std::span<const MinorCompatRow> CompatTables::minorCompat()
{
    return kMinorCompat;
}

std::span<const TensorFlowRow> CompatTables::tensorflow()
{
    return kTensorflow;
}

std::span<const TableSource> CompatTables::sources()
{
    return kSources;
}

std::string CompatTables::majorMinor(std::string_view version)
{
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t start = i;
        while (i < version.size() && std::isdigit(static_cast<unsigned char>(version[i])) && i - start < 6) {
            ++i;
        }
        return i > start;
    };
    if (!digits() || i >= version.size() || version[i] != '.') {
        return {};
    }
    ++i;
    if (!digits()) {
        return {};
    }
    std::string out(version.substr(0, i));
    // "12.02" and "12.2" are the same version to the toolkit; keep the text as written.
    return out;
}

std::optional<std::string> CompatTables::minDriverFor(std::string_view cuda, bool windows)
{
    if (!plainVersion(cuda)) {
        return std::nullopt;
    }
    const std::string mm = majorMinor(cuda);
    if (mm.empty()) {
        return std::nullopt;
    }
    // An update row ("11.2.1") applies to that update and later ones of the same minor.
    const CudaDriverRow* best = nullptr;
    for (const auto& row : kCudaDrivers) {
        if (majorMinor(row.cuda) != mm || compareVersions(row.cuda, cuda) > 0) {
            continue;
        }
        if (!best || compareVersions(row.cuda, best->cuda) > 0) {
            best = &row;
        }
    }
    if (!best) {
        // Not in the table (12.7, 11.9): the next release the table has within the same major.
        const int major = majorOf(mm);
        for (const auto& row : kCudaDrivers) {
            if (majorOf(row.cuda) == major && dots(row.cuda) == 1 && compareVersions(row.cuda, mm) > 0) {
                best = &row;
                break;
            }
        }
    }
    if (!best) {
        return std::nullopt;
    }
    const char* v = windows ? best->windowsMin : best->linuxMin;
    if (!*v) {
        return std::nullopt;
    }
    return std::string(v);
}

std::optional<std::string> CompatTables::minorCompatFloor(int cudaMajor, bool windows)
{
    for (const auto& row : kMinorCompat) {
        if (row.cudaMajor == cudaMajor) {
            const char* v = windows ? row.windowsFloor : row.linuxFloor;
            if (*v) {
                return std::string(v);
            }
        }
    }
    return std::nullopt;
}

std::optional<std::string> CompatTables::maxCudaFor(std::string_view driverVersion, bool windows)
{
    if (!plainVersion(driverVersion)) {
        return std::nullopt;
    }
    std::optional<std::string> best;
    for (const auto& row : kCudaDrivers) {
        const char* min = windows ? row.windowsMin : row.linuxMin;
        if (!*min || dots(row.cuda) != 1) {
            continue;
        }
        if (compareVersions(driverVersion, min) >= 0 && (!best || compareVersions(row.cuda, *best) > 0)) {
            best = row.cuda;
        }
    }
    return best;
}

std::optional<TensorFlowRow> CompatTables::tensorflowRelease(std::string_view version)
{
    const std::string mm = majorMinor(version);
    if (mm.empty()) {
        return std::nullopt;
    }
    for (const auto& row : kTensorflow) {
        if (compareVersions(mm, row.first) >= 0 && compareVersions(mm, row.last) <= 0) {
            return row;
        }
    }
    return std::nullopt;
}

std::optional<std::string> CompatTables::newestTensorflowFor(std::string_view cuda)
{
    const std::string mm = majorMinor(cuda);
    if (mm.empty()) {
        return std::nullopt;
    }
    const TensorFlowRow* best = nullptr;
    for (const auto& row : kTensorflow) {
        if (compareVersions(row.cuda, mm) <= 0 && (!best || compareVersions(row.last, best->last) > 0)) {
            best = &row;
        }
    }
    if (!best) {
        return std::nullopt;
    }
    return std::string(best->last) + ".0";
}

} // namespace berth::core
