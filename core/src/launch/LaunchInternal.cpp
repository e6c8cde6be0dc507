// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "launch/LaunchInternal.h"

#include "berth/core/base/Token.h"

#include <thread>

namespace berth::core::detail {

using namespace std::chrono_literals;

int portNumber(const std::string& port)
{
    return std::atoi(port.substr(0, port.find('/')).c_str());
}

std::vector<std::string> lastLogLines(EngineClient& engine, const std::string& id, int lines,
                                      const std::string& token, const std::atomic<bool>* cancel)
{
    std::string text;
    LogOptions opts;
    opts.tail = lines;
    opts.timeout = 10s;
    (void)engine.logs(id, opts, [&](LogStream, std::string_view d) {
        text.append(d.substr(0, 64 * 1024 - std::min<std::size_t>(text.size(), 64 * 1024)));
        return text.size() < 64 * 1024;
    }, cancel);
    text = redactTokens(text, token);
    std::vector<std::string> out;
    std::size_t start = 0;
    int shown = 0;
    while (start < text.size() && shown < lines) {
        auto nl = text.find('\n', start);
        std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        if (line.size() > 500) {
            line = line.substr(0, 500) + "...";
        }
        out.push_back(std::move(line));
        ++shown;
        if (nl == std::string::npos) {
            break;
        }
        start = nl + 1;
    }
    return out;
}

std::string envToken(const ContainerDetails& d)
{
    for (const auto& kv : d.env) {
        if (kv.starts_with("JUPYTER_TOKEN=")) {
            return kv.substr(14);
        }
    }
    return {};
}

Error remoteEngineError(const std::string& endpoint)
{
    return makeError(ErrorKind::Unsupported,
                     "The engine at " + endpoint + " runs on another machine (its name and kernel are not this "
                     "machine's), where Jupyter's port is bound to that machine's 127.0.0.1.")
        .with(RemedyKind::RunWhereEngineRuns, {endpoint});
}

bool sleepUnlessCancelled(std::chrono::milliseconds d, const std::atomic<bool>* cancel)
{
    for (auto waited = 0ms; waited < d; waited += 50ms) {
        if (cancelled(cancel)) {
            return false;
        }
        std::this_thread::sleep_for(50ms);
    }
    return true;
}

} // namespace berth::core::detail
