// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/launch/LaunchSpec.h"

#include "base/Text.h"
#include "berth/core/base/Units.h"
#include "berth/core/launch/MountPolicy.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace berth::core {

using text::split;

namespace {
bool allDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

std::string normalized(const std::string& path)
{
    std::string p = std::filesystem::path(path).lexically_normal().string();
    while (p.size() > 1 && p.back() == '/') {
        p.pop_back();
    }
    return p;
}
} // namespace

Result<MountSpec> parseMount(std::string_view text, const std::string& cwd, bool foldersHere)
{
    auto bad = [&](const std::string& why) {
        return makeError(ErrorKind::BadInput, "Mount '" + std::string(text) + "': " + why +
                                                  ". Write HOST:CONTAINER[:ro], e.g. ~/data:/data:ro.");
    };
    MountSpec m;
    std::string_view rest = text;
    if (auto comma = rest.rfind(",create"); comma != std::string_view::npos && comma + 7 == rest.size()) {
        m.create = true;
        rest = rest.substr(0, comma);
    }
    auto parts = split(rest, ':');
    if (parts.size() == 3) {
        if (parts[2] == "ro") {
            m.readOnly = true;
        } else if (parts[2] != "rw") {
            return bad("the mode must be ro or rw, not '" + parts[2] + "'");
        }
        parts.pop_back();
    }
    if (parts.size() != 2 || parts[0].empty() || parts[1].empty()) {
        return bad("it needs a host path and a container path separated by ':'");
    }
    std::string host = parts[0];
    if (!foldersHere) {
        // Another machine's path: kept for it to resolve (~ is the home there).
        if (host.front() != '/' && host != "~" && !host.starts_with("~/")) {
            return bad("on the engine's machine a host path is absolute or starts with ~/");
        }
        m.source = host.front() == '/' ? normalized(host) : host;
    } else if (host == "~" || host.starts_with("~/")) {
        const char* home = std::getenv("HOME");
        if (!home || !*home) {
            return bad("~ cannot be expanded: HOME is not set");
        }
        host = std::string(home) + host.substr(1);
    }
    if (foldersHere && host.front() != '/') {
        host = cwd + "/" + host;
    }
    if (foldersHere) {
        m.source = normalized(host);
    }
    if (parts[1].front() != '/') {
        return bad("the container path must be absolute (start with /)");
    }
    m.target = normalized(parts[1]);
    return m;
}

Result<GpuRequest> parseGpus(std::string_view text)
{
    GpuRequest g;
    std::string t(text);
    auto bad = makeError(ErrorKind::BadInput, "GPUs '" + t + "' is not understood. Use all, none, a count "
                                                              "(2), or devices (device=0,1 or GPU-<uuid>).");
    bad.field = "gpus";
    if (t.empty()) {
        return bad;
    }
    if (t == "none" || t == "0") {
        return g;
    }
    if (t == "all") {
        g.mode = GpuRequest::Mode::All;
        return g;
    }
    if (allDigits(t) && t.size() < 4) {
        g.mode = GpuRequest::Mode::Count;
        g.count = std::stoi(t);
        return g;
    }
    if (t.starts_with("device=")) {
        t = t.substr(7);
    }
    if (t.empty()) {
        return bad; // "device=" naming no device
    }
    for (auto& id : split(t, ',')) {
        const bool uuid = id.starts_with("GPU-") && id.size() > 4 &&
                          std::all_of(id.begin() + 4, id.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) || c == '-'; });
        if (!(allDigits(id) && id.size() < 4) && !uuid) {
            return bad;
        }
        g.deviceIds.push_back(id);
    }
    g.mode = GpuRequest::Mode::Devices;
    return g;
}

Result<std::pair<std::string, std::string>> parseEnv(std::string_view text)
{
    auto eq = text.find('=');
    std::string key(text.substr(0, eq));
    const bool okKey = !key.empty() && !std::isdigit(static_cast<unsigned char>(key[0])) &&
                       std::all_of(key.begin(), key.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
    if (eq == std::string_view::npos || !okKey) {
        Error e = makeError(ErrorKind::BadInput, "'" + std::string(text) + "' must be KEY=VALUE with KEY made of "
                                                 "letters, digits and _.");
        e.field = "env";
        return e;
    }
    return std::make_pair(key, std::string(text.substr(eq + 1)));
}

Result<void> checkName(std::string_view name)
{
    const bool ok = !name.empty() && name.size() <= 128 && std::isalnum(static_cast<unsigned char>(name[0])) &&
                    std::all_of(name.begin(), name.end(), [](char c) {
                        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
                    });
    if (!ok) {
        return makeError(ErrorKind::BadInput, "'" + std::string(name) + "' cannot name an environment: use letters, "
                                              "digits, '_', '.' and '-', starting with a letter or digit.");
    }
    return {};
}

namespace {
Error about(Error e, const char* field)
{
    e.field = field;
    return e;
}
} // namespace

Result<std::chrono::seconds> parseReadyTimeout(std::string_view text)
{
    if (allDigits(text) && text.size() <= 5) {
        const long n = std::atol(std::string(text).c_str());
        if (n >= 1 && n <= 86400) {
            return std::chrono::seconds(n);
        }
    }
    return about(makeError(ErrorKind::BadInput, "A wait for Jupyter is whole seconds, from 1 to 86400, not '" +
                                                    std::string(text) + "'."),
                 "timeout");
}

Result<LaunchSpec> buildLaunchSpec(const LaunchChoices& c)
{
    LaunchSpec spec;
    spec.image = c.image;
    spec.name = c.name;
    spec.profile = c.profile;
    const std::string base = c.baseDir.empty() ? std::string("/") : c.baseDir;
    for (const auto& m : c.mounts) {
        auto parsed = parseMount(m, base, c.foldersHere);
        if (!parsed) {
            return about(parsed.error(), "mount");
        }
        spec.mounts.push_back(*parsed);
    }
    for (const auto& e : c.env) {
        auto parsed = parseEnv(e);
        if (!parsed) {
            return about(parsed.error(), "env");
        }
        spec.env.push_back(*parsed);
    }
    // A number chosen as text: parsed, or the error named after its field.
    using Parser = Result<std::int64_t> (*)(std::string_view);
    const struct
    {
        const std::string& text;
        Parser parse;
        std::optional<std::int64_t>& into;
        const char* field;
    } numbers[] = {{c.memory, parseSize, spec.memory, "memory"},
                   {c.shmSize, parseSize, spec.shmSize, "shm-size"},
                   {c.cpus, parseCpus, spec.nanoCpus, "cpus"}};
    for (const auto& n : numbers) {
        if (!n.text.empty()) {
            auto v = n.parse(n.text);
            if (!v) {
                return about(v.error(), n.field);
            }
            n.into = *v;
        }
    }
    if (!c.gpus.empty()) {
        auto g = parseGpus(c.gpus);
        if (!g) {
            return about(g.error(), "gpus");
        }
        spec.gpus = *g;
    }
    if (!c.port.empty()) {
        const long port = allDigits(c.port) && c.port.size() <= 5 ? std::atol(c.port.c_str()) : 0;
        if (port < 1 || port > 65535) {
            return about(makeError(ErrorKind::BadInput, "A port is a number from 1 to 65535, not '" + c.port + "'."),
                         "port");
        }
        spec.hostPort = static_cast<int>(port);
    }
    if (!c.workspace.empty()) {
        std::string folder = c.workspace;
        if (!c.foldersHere) {
            if (folder.front() != '/' && folder != "~" && !folder.starts_with("~/")) {
                return about(makeError(ErrorKind::BadInput, "The notebook folder on the engine's machine is a path "
                                                            "there: absolute, or starting with ~/."),
                             "workspace");
            }
        } else if (folder == "~" || folder.starts_with("~/")) { // as a mount's host path is
            const char* home = std::getenv("HOME");
            if (!home || !*home) {
                return about(makeError(ErrorKind::BadInput, "~ cannot be expanded: HOME is not set."), "workspace");
            }
            folder = std::string(home) + folder.substr(1);
        }
        spec.workspace = !c.foldersHere ? (folder.front() == '/' ? normalized(folder) : folder)
                                        : normalized(folder.front() == '/' ? folder : base + "/" + folder);
    }
    spec.noWorkspace = c.noWorkspace;
    if (auto ok = validate(spec, c.foldersHere); !ok) {
        return ok.error();
    }
    return spec;
}

Result<void> validate(const LaunchSpec& spec, bool sourcesHere)
{
    if (spec.image.empty() || spec.image.find_first_of(" \t\n") != std::string::npos) {
        return about(makeError(ErrorKind::BadInput, "'" + spec.image + "' is not an image reference."), "image");
    }
    if (!spec.name.empty()) {
        if (auto r = checkName(spec.name); !r) {
            return about(r.error(), "name");
        }
    }
    static const char* systemTargets[] = {"/", "/proc", "/sys", "/dev", "/etc", "/usr", "/bin", "/sbin", "/lib", "/lib64", "/boot", "/run"};
    std::vector<std::string> targets;
    const HostPathPolicy policy = HostPathPolicy::forThisUser();
    for (const auto& m : spec.mounts) {
        // Judged by the same policy as the notebook folder and profiles (MountPolicy.h); another machine's folders
        // are judged there (RemoteFolders).
        if (auto judged = sourcesHere ? checkHostPath(m.source, policy, m.readOnly) : Result<std::string>(m.source);
            !judged) {
            return about(judged.error(), "mount");
        }
        for (const char* t : systemTargets) {
            if (m.target == t) {
                return about(makeError(ErrorKind::BadInput, "Mounting over " + m.target +
                                                                 " would break the container; choose another container "
                                                                 "path, e.g. /data."),
                             "mount");
            }
        }
        if (std::find(targets.begin(), targets.end(), m.target) != targets.end()) {
            return about(makeError(ErrorKind::BadInput, "Two mounts use the container path " + m.target + "."), "mount");
        }
        targets.push_back(m.target);
    }
    if (sourcesHere && !spec.workspace.empty() && !spec.noWorkspace) {
        if (auto judged = checkHostPath(spec.workspace, policy, false); !judged) {
            Error e = judged.error();
            e.message += " (the notebook folder)";
            return about(std::move(e), "workspace");
        }
    }
    constexpr std::int64_t kMinMemory = 6 * 1024 * 1024;
    if (spec.memory && *spec.memory < kMinMemory) {
        return about(makeError(ErrorKind::BadInput, "A memory cap under 6 MiB cannot start anything; Jupyter wants "
                                                    "256m or more."),
                     "memory");
    }
    if (spec.shmSize && *spec.shmSize <= 0) {
        return about(makeError(ErrorKind::BadInput, "Shared memory must be more than 0."), "shm-size");
    }
    if (spec.nanoCpus && *spec.nanoCpus < 10'000'000) {
        // Under 0.01 CPU the engine's figure rounds to 0, which means no cap at all.
        return about(makeError(ErrorKind::BadInput, "A CPU cap under 0.01 cannot be set; write 0.01 or more."), "cpus");
    }
    if (spec.hostPort < 0 || spec.hostPort > 65535) {
        return about(makeError(ErrorKind::BadInput, "A port is a number from 1 to 65535."), "port");
    }
    if (spec.gpus.mode == GpuRequest::Mode::Count && spec.gpus.count < 1) {
        return about(makeError(ErrorKind::BadInput, "A GPU count must be 1 or more."), "gpus");
    }
    for (const auto& [k, v] : spec.env) {
        if (k == "JUPYTER_TOKEN" || k == "JUPYTER_TOKEN_FILE") {
            return about(makeError(ErrorKind::BadInput, "Berth makes a fresh token for every environment; " + k +
                                                            " cannot be set by hand."),
                         "env");
        }
    }
    return {};
}

} // namespace berth::core
