// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/base/Remedy.h"

#include <sstream>

namespace berth::core {

const std::vector<RemedyKind>& allRemedyKinds()
{
    static const std::vector<RemedyKind> all = {
#define BERTH_REMEDY_LIST(kind, name, args) RemedyKind::kind,
        BERTH_REMEDY_KINDS(BERTH_REMEDY_LIST)
#undef BERTH_REMEDY_LIST
    };
    return all;
}

const char* toString(RemedyKind kind)
{
    switch (kind) {
#define BERTH_REMEDY_NAME(kind, name, args)                                                                             \
    case RemedyKind::kind:                                                                                              \
        return name;
        BERTH_REMEDY_KINDS(BERTH_REMEDY_NAME)
#undef BERTH_REMEDY_NAME
    }
    return "unknown";
}

const char* remedyArguments(RemedyKind kind)
{
    switch (kind) {
#define BERTH_REMEDY_ARGS(kind, name, args)                                                                             \
    case RemedyKind::kind:                                                                                              \
        return args;
        BERTH_REMEDY_KINDS(BERTH_REMEDY_ARGS)
#undef BERTH_REMEDY_ARGS
    }
    return "";
}

const std::string& Remedy::arg(std::size_t i) const
{
    static const std::string none;
    return i < args.size() ? args[i] : none;
}

nlohmann::json remediesToJson(const std::vector<Remedy>& remedies)
{
    auto out = nlohmann::json::array();
    for (const auto& r : remedies) {
        nlohmann::json j = {{"kind", toString(r.kind)}};
        std::istringstream names(remedyArguments(r.kind));
        std::string name;
        for (std::size_t i = 0; names >> name; ++i) {
            j[name] = r.arg(i);
        }
        out.push_back(std::move(j));
    }
    return out;
}

} // namespace berth::core
