// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// NVIDIA_REQUIRE_* constraints, evaluated exactly as NVIDIA's container toolkit does (libnvidia-container
// src/cli/dsl.c and configure.c; nvidia-container-toolkit internal/config/image/cuda_image.go):
// a space separates alternatives (OR), a comma joins conditions (AND), evaluation is left to right and
// lazy, keys are cuda, driver, arch and brand (case-insensitive), operators = != < <= > >=, versions
// compare number by number, brands as case-insensitive strings. A condition the toolkit cannot read
// makes the whole requirement invalid, but only when evaluation reaches it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::core {

/// What the toolkit compares cuda and driver conditions with. Unset values make those conditions hold,
/// as the toolkit does when it cannot read them.
struct RequirementHost
{
    std::optional<std::string> driverVersion; ///< "535.129.03"
    std::optional<std::string> cudaVersion;   ///< the driver's CUDA, "12.2"
};

/// One visible GPU, for arch and brand conditions.
struct RequirementDevice
{
    std::optional<std::string> arch;  ///< compute capability, "8.6"
    std::optional<std::string> brand; ///< as libnvidia-container names it: "GeForce", "Tesla", "NvidiaRTX"...
};

struct RequirementResult
{
    enum class Outcome
    {
        Satisfied,
        Unsatisfied,
        Invalid,
    };
    Outcome outcome = Outcome::Satisfied;
    /// The toolkit's own error text: "unsatisfied condition: cuda>=12.2, please update your driver to a newer
    /// version, or use an earlier cuda container", or "invalid expression".
    std::string toolkitMessage;
    /// The requirement that failed, as written in the image.
    std::string requirement;
    /// The last condition found false, formatted as the toolkit keeps it ("cuda >= 12.2").
    std::string failedCondition;
    /// Index of the GPU it failed on; -1 when evaluated without a device.
    int deviceIndex = -1;

    bool satisfied() const { return outcome == Outcome::Satisfied; }
};

/// A condition of a requirement, for explanations ("cuda", ">=", "12.2").
struct RequirementCondition
{
    std::string key; ///< lower case
    std::string op;
    std::string value;
};

class CudaRequirement
{
public:
    enum class Comparator
    {
        Equal,
        NotEqual,
        Less,
        LessEqual,
        Greater,
        GreaterEqual,
    };

    /// dsl_compare_version: 1 true, 0 false, -1 when either side is not digits and dots.
    static int compareVersion(std::string_view v1, Comparator cmp, std::string_view v2);
    /// dsl_compare_string: case-insensitive; -1 for operators other than = and !=.
    static int compareString(std::string_view s1, Comparator cmp, std::string_view s2);

    /// One predicate against the host and one device (nullptr: no visible device), as dsl_evaluate.
    static RequirementResult evaluate(std::string_view predicate, const RequirementHost& host,
                                      const RequirementDevice* device);
    /// Every requirement on every visible device, as configure_command does; with no device, once globally.
    static RequirementResult evaluateAll(const std::vector<std::string>& requirements, const RequirementHost& host,
                                         const std::vector<RequirementDevice>& devices);

    /// The alternatives of a predicate with their conditions, skipping what cannot be read (for explaining).
    static std::vector<std::vector<RequirementCondition>> alternatives(std::string_view predicate);
    /// The CUDA version named by the first `cuda>=X` (or `cuda>X`, `cuda=X`) condition of a predicate.
    static std::optional<std::string> minimumCuda(std::string_view predicate);

    /// The requirements the toolkit checks for an image's Env (KEY=VALUE): every NVIDIA_REQUIRE_* value
    /// except NVIDIA_REQUIRE_JETPACK*, sorted by name, plus `cuda>=X.Y` from CUDA_VERSION when
    /// NVIDIA_REQUIRE_CUDA is unset or empty. Empty when NVIDIA_DISABLE_REQUIRE is true.
    static std::vector<std::string> requirementsFromEnv(const std::vector<std::string>& env);
    /// NVIDIA_DISABLE_REQUIRE read as Go's strconv.ParseBool does (1, t, T, TRUE, true, True).
    static bool requireDisabled(const std::vector<std::string>& env);
};

} // namespace berth::core
