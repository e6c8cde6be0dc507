// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/base/Result.h"

namespace berth::core {

const char* toString(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::EngineUnreachable:
        return "engine-unreachable";
    case ErrorKind::NotFound:
        return "not-found";
    case ErrorKind::Conflict:
        return "conflict";
    case ErrorKind::BadInput:
        return "bad-input";
    case ErrorKind::Timeout:
        return "timeout";
    case ErrorKind::Cancelled:
        return "cancelled";
    case ErrorKind::Engine:
        return "engine";
    case ErrorKind::Io:
        return "io";
    case ErrorKind::Unsupported:
        return "unsupported";
    }
    return "unknown";
}

std::string Error::describe() const
{
    if (engineMessage.empty() || message.find(engineMessage) != std::string::npos) {
        return message;
    }
    return message + " (engine said: " + engineMessage + ")";
}

Error& Error::with(RemedyKind remedy, std::vector<std::string> args) &
{
    remedies.push_back({remedy, std::move(args)});
    return *this;
}

Error&& Error::with(RemedyKind remedy, std::vector<std::string> args) &&
{
    remedies.push_back({remedy, std::move(args)});
    return std::move(*this);
}

bool Error::has(RemedyKind remedy) const
{
    for (const auto& r : remedies) {
        if (r.kind == remedy) {
            return true;
        }
    }
    return false;
}

} // namespace berth::core
