// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/launch/RemoteFolders.h"

#include <algorithm>
#include <chrono>
#include <sstream>

namespace berth::core {

namespace {
using namespace std::chrono_literals;

/// What a command there printed, or an error naming it and what it said.
Result<std::string> output(RemoteHost& host, const std::vector<std::string>& argv)
{
    auto r = host.run(argv, 20s);
    if (!r) {
        return r.error();
    }
    if (r->exitCode != 0) {
        auto e = makeError(ErrorKind::Engine, argv.front() + " on " + host.name() + " failed (exit code " +
                                                  std::to_string(r->exitCode) + ").");
        e.engineMessage = r->err;
        return e;
    }
    return r->out;
}

// One line, no quote or backslash (SshTransport::run passes no other to a login shell that may not be sh): prints
// "berth-resolved:KIND:PATH", KIND being dir, file, socket, other or missing. The marker finds it after whatever a
// remote's shell start-up files print; the path comes last, as it is, and is checked here. Paths come as arguments,
// never inside the script.
constexpr const char* kResolve =
    "p=$(realpath -m -- \"$1\") || exit 3; if [ -S \"$p\" ]; then k=socket; elif [ -d \"$p\" ]; then k=dir; "
    "elif [ -f \"$p\" ]; then k=file; elif [ -e \"$p\" ] || [ -L \"$p\" ]; then k=other; else k=missing; fi; "
    "printf %s \"berth-resolved:$k:$p\"";

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) {
        s.pop_back();
    }
    return s;
}
} // namespace

RemoteFolders::RemoteFolders(RemoteHost& host, std::string engineSocket) : m_host(host), m_socket(std::move(engineSocket)) {}

Result<HostPathPolicy> RemoteFolders::policy()
{
    if (m_home.empty()) {
        auto home = output(m_host, {"sh", "-c", "printf %s \"$HOME\""});
        if (!home) {
            return home.error();
        }
        auto resolved = output(m_host, {"realpath", "-m", "--", *home});
        m_home = resolved ? trimmed(*resolved) : *home;
        if (m_home.empty() || m_home.front() != '/') {
            return makeError(ErrorKind::Engine, "Your account on " + m_host.name() + " has no home folder.");
        }
    }
    HostPathPolicy p;
    p.home = m_home;
    p.homes = {m_home};
    p.engineSockets = {m_socket};
    return p;
}

Result<RemoteFolders::Judged> RemoteFolders::judge(const std::string& path, bool create)
{
    if (path.empty() || path.front() != '/') {
        return makeError(ErrorKind::BadInput, "The path '" + path + "' on " + m_host.name() + " must be absolute.");
    }
    auto rules = policy();
    if (!rules) {
        return rules.error();
    }
    auto said = output(m_host, {"sh", "-c", kResolve, "sh", path});
    if (!said) {
        return said.error();
    }
    // What the script printed, after the marker: KIND:PATH. A path with a control character in it (a link there
    // can lead anywhere) is refused: it could not be told apart from what follows it.
    Judged j;
    std::string kind;
    if (const auto at = said->rfind("berth-resolved:"); at != std::string::npos) {
        const std::string rest = said->substr(at + 15);
        const auto colon = rest.find(':');
        kind = rest.substr(0, colon);
        j.path = colon == std::string::npos ? std::string() : rest.substr(colon + 1);
    }
    const bool known = kind == "dir" || kind == "file" || kind == "socket" || kind == "other" || kind == "missing";
    if (!known || j.path.empty() || j.path.front() != '/' ||
        std::any_of(j.path.begin(), j.path.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; })) {
        return makeError(ErrorKind::Engine, "Could not resolve " + path + " on " + m_host.name() +
                                                " (it may lead to a name with a control character in it).");
    }
    if (auto named = judgePathName(path, j.path, *rules); !named) {
        Error e = named.error();
        e.message += " (on " + m_host.name() + ")";
        return e;
    }
    if (kind == "socket" || kind == "other") {
        return makeError(ErrorKind::BadInput, "Not mounted: " + path + " on " + m_host.name() +
                                                  " is a socket, device or pipe, not a file or folder.");
    }
    if (kind == "missing") {
        if (!create) {
            return makeError(ErrorKind::BadInput, "The folder " + path + " does not exist on " + m_host.name() +
                                                      ". Create it there, or add ,create to the mount.");
        }
        // Every folder made, the parents too, open to this user only (mkdir -m would give only the last one 0700).
        auto made = output(m_host, {"sh", "-c", "umask 077 && mkdir -p -- \"$1\"", "sh", j.path});
        if (!made) {
            Error e = made.error();
            e.message = "Could not make " + j.path + " on " + m_host.name() + ".";
            return e;
        }
        j.created = true;
    }
    return j;
}

Result<std::string> RemoteFolders::workspaceRoot()
{
    auto rules = policy();
    if (!rules) {
        return rules.error();
    }
    return rules->home + "/Documents/Berth";
}

void RemoteFolders::removeIfEmpty(const std::string& path)
{
    (void)m_host.run({"rmdir", "--", path}, 20s);
}

} // namespace berth::core
