// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/launch/ContainerCommands.h"

#include "base/JsonAccess.h"
#include "base/Text.h"
#include "berth/core/base/Escape.h"
#include "berth/core/engine/EngineClient.h"

namespace berth::core {

namespace {
/// A lifecycle command may install packages: long, but not without end.
constexpr std::chrono::minutes kCommandDeadline{20};
constexpr std::size_t kLinesKept = 20;
constexpr std::size_t kMostCommands = 64;
} // namespace

Result<void> runContainerCommands(EngineClient& engine, const std::string& id, const std::string& name,
                                  const std::vector<ContainerCommand>& commands,
                                  const LaunchProgressHandler& onProgress, const std::atomic<bool>* cancel)
{
    auto tell = [&](const std::string& message) {
        if (onProgress) {
            onProgress(LaunchProgress{LaunchProgress::Phase::Running, message, -1});
        }
    };
    for (const auto& command : commands) {
        if (cancel && cancel->load()) {
            return makeError(ErrorKind::Cancelled, "Cancelled while running " + command.key + ".");
        }
        tell("Running " + command.key + " in " + name);
        auto ran = engine.exec(id, command.argv, kCommandDeadline, cancel);
        if (!ran) {
            Error e = ran.error();
            e.message = command.key + " could not run in " + name + ": " + e.message;
            return e;
        }
        std::vector<std::string> lines;
        for (const std::string* stream : {&ran->out, &ran->err}) {
            for (auto& line : text::split(*stream, '\n')) {
                if (!line.empty()) {
                    lines.push_back(printable(line, false));
                }
            }
        }
        for (const auto& line : lines) {
            tell(line);
        }
        if (ran->exitCode != 0) {
            Error e = makeError(ErrorKind::Engine, command.key + " failed in " + name + " (exit code " +
                                                       std::to_string(ran->exitCode) +
                                                       "). The environment is running: look inside it, or remove "
                                                       "it and tell the profile's author.");
            const std::size_t from = lines.size() > kLinesKept ? lines.size() - kLinesKept : 0;
            e.logLines.assign(lines.begin() + static_cast<std::ptrdiff_t>(from), lines.end());
            return e;
        }
    }
    return {};
}

std::vector<ContainerCommand> startCommandsFromLabel(const std::string& label)
{
    std::vector<ContainerCommand> out;
    auto parsed = jread::parse(label);
    if (!parsed || !parsed->is_array() || parsed->size() > kMostCommands) {
        return out;
    }
    for (const auto& c : *parsed) {
        const auto* argv = jread::member(c, "argv");
        if (!argv || !argv->is_array() || argv->empty()) {
            return {};
        }
        ContainerCommand command{jread::str(c, "key"), {}};
        for (const auto& a : *argv) {
            if (!a.is_string()) {
                return {};
            }
            command.argv.push_back(a.get<std::string>());
        }
        if (command.key.empty()) {
            return {};
        }
        out.push_back(std::move(command));
    }
    return out;
}

} // namespace berth::core
