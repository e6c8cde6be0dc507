// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/gpu/CudaRequirement.h"
#include "base/Text.h"

#include <array>
#include <cctype>
#include <cstdint>
#include <limits>
#include <map>

namespace berth::core {

using text::lower;
using text::trim;

namespace {

using Cmp = CudaRequirement::Comparator;

// dsl.c's operator table, in its order: the first whose first n characters match the operator run wins,
// so a lone "!" reads as "!=" and "<" as "<".
struct Operator
{
    std::string_view text;
    Cmp cmp;
};
constexpr std::array kOperators{
    Operator{"=", Cmp::Equal},       Operator{"!=", Cmp::NotEqual}, Operator{"<", Cmp::Less},
    Operator{"<=", Cmp::LessEqual},  Operator{">", Cmp::Greater},   Operator{">=", Cmp::GreaterEqual},
};
constexpr std::size_t kExprMax = 128; // dsl.c EXPR_MAX: a false condition longer than this is an error
constexpr std::string_view kOpChars = "<>=!";
constexpr std::string_view kCudaRequireGreater = "cuda>=";

bool caseEqual(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

std::size_t span(std::string_view s, std::string_view set)
{
    std::size_t n = 0;
    while (n < s.size() && set.find(s[n]) != std::string_view::npos) {
        ++n;
    }
    return n;
}

/// strtoumax on text known to hold only digits and dots: nullopt when no digit or on overflow (dsl.c
/// treats UINTMAX_MAX, which strtoumax also returns on overflow, as an error).
std::optional<std::uintmax_t> readNumber(std::string_view& s)
{
    std::uintmax_t v = 0;
    std::size_t i = 0;
    constexpr auto kMax = std::numeric_limits<std::uintmax_t>::max();
    bool overflow = false;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        const auto d = static_cast<std::uintmax_t>(s[i] - '0');
        if (v > (kMax - d) / 10) {
            overflow = true;
        } else {
            v = v * 10 + d;
        }
        ++i;
    }
    if (i == 0 || overflow || v == kMax) {
        return std::nullopt;
    }
    s.remove_prefix(i);
    return v;
}

std::vector<std::string_view> splitKeepEmpty(std::string_view s, char sep)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        const auto pos = s.find(sep, start);
        if (pos == std::string_view::npos) {
            out.push_back(s.substr(start));
            return out;
        }
        out.push_back(s.substr(start, pos - start));
        start = pos + 1;
    }
}

struct ParsedCondition
{
    std::string_view name;
    const Operator* op = nullptr;
    std::string_view value;
};

/// evaluate_rule's parsing: name up to the first operator character, then the operator run, then the value.
std::optional<ParsedCondition> parseCondition(std::string_view expr)
{
    const std::size_t n = std::min(expr.find_first_of(kOpChars), expr.size());
    if (n == 0 || n == expr.size()) {
        return std::nullopt;
    }
    std::string_view rest = expr.substr(n);
    const std::size_t opLen = span(rest, kOpChars);
    for (const auto& op : kOperators) {
        if (opLen <= op.text.size() && rest.substr(0, opLen) == op.text.substr(0, opLen)) {
            ParsedCondition c{expr.substr(0, n), &op, rest.substr(opLen)};
            if (c.value.empty()) {
                return std::nullopt;
            }
            return c;
        }
    }
    return std::nullopt;
}

int evaluateCondition(const ParsedCondition& c, const RequirementHost& host, const RequirementDevice* dev)
{
    if (caseEqual(c.name, "cuda")) {
        return host.cudaVersion ? CudaRequirement::compareVersion(*host.cudaVersion, c.op->cmp, c.value) : 1;
    }
    if (caseEqual(c.name, "driver")) {
        return host.driverVersion ? CudaRequirement::compareVersion(*host.driverVersion, c.op->cmp, c.value) : 1;
    }
    if (caseEqual(c.name, "arch")) {
        return dev && dev->arch ? CudaRequirement::compareVersion(*dev->arch, c.op->cmp, c.value) : 1;
    }
    if (caseEqual(c.name, "brand")) {
        return dev && dev->brand ? CudaRequirement::compareString(*dev->brand, c.op->cmp, c.value) : 1;
    }
    return -1;
}

bool digitsOnly(std::string_view s)
{
    if (s.empty()) {
        return false;
    }
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) {
            return false;
        }
    }
    return true;
}

/// "major.minor" of CUDA_VERSION as the toolkit's parseMajorMinorVersion reads it (a semantic version
/// with an optional leading v; a lone major means .0); nullopt when it is not one.
std::optional<std::string> legacyMajorMinor(std::string_view v)
{
    if (!v.empty() && v.front() == 'v') {
        v.remove_prefix(1);
    }
    const auto cut = v.find_first_of("-+");
    const std::string_view core = v.substr(0, cut);
    if (cut != std::string_view::npos && cut + 1 >= v.size()) {
        return std::nullopt;
    }
    auto parts = splitKeepEmpty(core, '.');
    if (parts.size() > 3) {
        return std::nullopt;
    }
    for (auto p : parts) {
        if (!digitsOnly(p) || p.size() > 9 || (p.size() > 1 && p.front() == '0')) {
            return std::nullopt;
        }
    }
    if (parts.size() == 3 || parts.size() == 2) {
        return std::string(parts[0]) + "." + std::string(parts[1]);
    }
    // semver.IsValid accepts "v12" (short form) but not "v12-rc1" or "v12.2-rc1".
    if (cut != std::string_view::npos) {
        return std::nullopt;
    }
    return std::string(parts[0]) + ".0";
}

} // namespace

int CudaRequirement::compareVersion(std::string_view v1, Comparator cmp, std::string_view v2)
{
    constexpr std::string_view kVersionChars = "0123456789.";
    if (span(v1, kVersionChars) != v1.size() || span(v2, kVersionChars) != v2.size()) {
        return -1;
    }
    while (!v1.empty() && !v2.empty()) {
        auto n1 = readNumber(v1);
        if (!n1) {
            return -1;
        }
        auto n2 = readNumber(v2);
        if (!n2) {
            return -1;
        }
        if (*n1 != *n2) {
            switch (cmp) {
            case Cmp::Equal:
                return 0;
            case Cmp::NotEqual:
                return 1;
            case Cmp::Less:
            case Cmp::LessEqual:
                return *n1 < *n2 ? 1 : 0;
            case Cmp::Greater:
            case Cmp::GreaterEqual:
                return *n1 > *n2 ? 1 : 0;
            }
        }
        v1.remove_prefix(span(v1, "."));
        v2.remove_prefix(span(v2, "."));
    }
    v1.remove_prefix(span(v1, ".0"));
    v2.remove_prefix(span(v2, ".0"));
    if (cmp == Cmp::NotEqual) {
        return !v1.empty() || !v2.empty() ? 1 : 0;
    }
    if (cmp == Cmp::Equal || cmp == Cmp::LessEqual || cmp == Cmp::GreaterEqual) {
        if (v1.empty() && v2.empty()) {
            return 1;
        }
        if (cmp == Cmp::Equal) {
            return 0;
        }
    }
    if (cmp == Cmp::Less || cmp == Cmp::LessEqual) {
        return v1.empty() && !v2.empty() ? 1 : 0;
    }
    if (cmp == Cmp::Greater || cmp == Cmp::GreaterEqual) {
        return !v1.empty() && v2.empty() ? 1 : 0;
    }
    return -1;
}

int CudaRequirement::compareString(std::string_view s1, Comparator cmp, std::string_view s2)
{
    if (cmp == Cmp::Equal) {
        return caseEqual(s1, s2) ? 1 : 0;
    }
    if (cmp == Cmp::NotEqual) {
        return caseEqual(s1, s2) ? 0 : 1;
    }
    return -1;
}

RequirementResult CudaRequirement::evaluate(std::string_view predicate, const RequirementHost& host,
                                            const RequirementDevice* device)
{
    // The toolkit gets the value as a C string: it ends at the first NUL.
    predicate = predicate.substr(0, predicate.find('\0'));
    RequirementResult result;
    result.requirement = std::string(predicate);
    int ret = 1;
    for (std::string_view orExpr : splitKeepEmpty(predicate, ' ')) {
        if (orExpr.empty()) {
            continue;
        }
        bool brokeOut = false;
        for (std::string_view andExpr : splitKeepEmpty(orExpr, ',')) {
            if (andExpr.empty()) {
                continue;
            }
            auto cond = parseCondition(andExpr);
            ret = cond ? evaluateCondition(*cond, host, device) : -1;
            if (ret == 0) {
                std::string formatted =
                    std::string(cond->name) + " " + std::string(cond->op->text) + " " + std::string(cond->value);
                if (formatted.size() >= kExprMax) {
                    ret = -1;
                } else {
                    result.failedCondition = std::move(formatted);
                }
            }
            if (ret < 0) {
                result.outcome = RequirementResult::Outcome::Invalid;
                result.toolkitMessage = "invalid expression";
                result.failedCondition = std::string(andExpr);
                return result;
            }
            if (ret == 0) {
                brokeOut = true;
                break;
            }
        }
        if (!brokeOut) {
            break;
        }
    }
    if (ret == 0) {
        result.outcome = RequirementResult::Outcome::Unsatisfied;
        const std::string_view first = predicate.substr(0, predicate.find(' '));
        if (first.size() >= kCudaRequireGreater.size() && first.substr(0, kCudaRequireGreater.size()) == kCudaRequireGreater) {
            result.toolkitMessage = "unsatisfied condition: " + std::string(first) +
                                    ", please update your driver to a newer version, or use an earlier cuda container";
        } else {
            result.toolkitMessage = "unsatisfied condition: " + std::string(first);
        }
        return result;
    }
    result.failedCondition.clear();
    return result;
}

RequirementResult CudaRequirement::evaluateAll(const std::vector<std::string>& requirements,
                                               const RequirementHost& host,
                                               const std::vector<RequirementDevice>& devices)
{
    for (std::size_t i = 0; i < devices.size(); ++i) {
        for (const auto& r : requirements) {
            auto result = evaluate(r, host, &devices[i]);
            if (!result.satisfied()) {
                result.deviceIndex = static_cast<int>(i);
                return result;
            }
        }
    }
    if (devices.empty()) {
        for (const auto& r : requirements) {
            auto result = evaluate(r, host, nullptr);
            if (!result.satisfied()) {
                return result;
            }
        }
    }
    return {};
}

std::vector<std::vector<RequirementCondition>> CudaRequirement::alternatives(std::string_view predicate)
{
    predicate = predicate.substr(0, predicate.find('\0'));
    std::vector<std::vector<RequirementCondition>> out;
    for (std::string_view orExpr : splitKeepEmpty(predicate, ' ')) {
        std::vector<RequirementCondition> conds;
        for (std::string_view andExpr : splitKeepEmpty(orExpr, ',')) {
            if (auto c = parseCondition(andExpr)) {
                conds.push_back({lower(c->name), std::string(c->op->text), std::string(c->value)});
            }
        }
        if (!conds.empty()) {
            out.push_back(std::move(conds));
        }
    }
    return out;
}

std::optional<std::string> CudaRequirement::minimumCuda(std::string_view predicate)
{
    for (const auto& alt : alternatives(predicate)) {
        for (const auto& c : alt) {
            if (c.key == "cuda" && (c.op == ">=" || c.op == ">" || c.op == "=") &&
                compareVersion(c.value, Comparator::Equal, c.value) >= 0) {
                return c.value;
            }
        }
    }
    return std::nullopt;
}

bool CudaRequirement::requireDisabled(const std::vector<std::string>& env)
{
    std::optional<std::string> value;
    for (const auto& e : env) {
        const auto eq = e.find('=');
        if (eq != std::string::npos && std::string_view(e).substr(0, eq) == "NVIDIA_DISABLE_REQUIRE") {
            value = e.substr(eq + 1);
        }
    }
    if (!value) {
        return false;
    }
    for (const char* t : {"1", "t", "T", "TRUE", "true", "True"}) {
        if (*value == t) {
            return true;
        }
    }
    return false;
}

std::vector<std::string> CudaRequirement::requirementsFromEnv(const std::vector<std::string>& env)
{
    if (requireDisabled(env)) {
        return {};
    }
    std::map<std::string, std::string> vars; // the later of repeated names wins, as in a container's env
    for (const auto& e : env) {
        const auto eq = e.find('=');
        if (eq != std::string::npos) {
            vars[e.substr(0, eq)] = e.substr(eq + 1);
        }
    }
    std::vector<std::string> out;
    for (const auto& [name, value] : vars) {
        if (name.starts_with("NVIDIA_REQUIRE_") && !name.starts_with("NVIDIA_REQUIRE_JETPACK")) {
            out.push_back(value);
        }
    }
    const auto cuda = vars.find("CUDA_VERSION");
    const auto req = vars.find("NVIDIA_REQUIRE_CUDA");
    if (cuda != vars.end() && !cuda->second.empty() && (req == vars.end() || req->second.empty())) {
        // An unreadable CUDA_VERSION stops the toolkit's hook; keep it as a condition that reads as invalid.
        auto mm = legacyMajorMinor(cuda->second);
        out.push_back("cuda>=" + (mm ? *mm : "invalid:" + cuda->second));
    }
    return out;
}

} // namespace berth::core
