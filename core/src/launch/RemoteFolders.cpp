// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/launch/RemoteFolders.h"

#include <algorithm>
#include <cstdio>
#include <random>
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
// "MARK:KIND:PATH", MARK being a fresh random word ($2), KIND dir, file, socket, other or missing. The mark finds the
// answer after whatever a remote's shell start-up files print, and a path cannot forge it: nobody there knows it
// beforehand. The path comes last, as it is, and is checked here. Paths come as arguments, never inside the script.
constexpr const char* kResolve =
    "p=$(realpath -m -- \"$1\") || exit 3; if [ -S \"$p\" ]; then k=socket; elif [ -d \"$p\" ]; then k=dir; "
    "elif [ -f \"$p\" ]; then k=file; elif [ -e \"$p\" ] || [ -L \"$p\" ]; then k=other; else k=missing; fi; "
    "printf %s \"$2:$k:$p\"";

/// A word nobody on the remote can guess: marks the one answer that is the script's.
std::string freshMark()
{
    std::random_device rd;
    char out[40];
    std::snprintf(out, sizeof out, "berth-%08x%08x%08x", rd(), rd(), rd());
    return out;
}

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
        const std::string mark = freshMark();
        auto said = output(m_host, {"sh", "-c", "printf %s \"$1:$(realpath -m -- \"$HOME\")\"", "sh", mark});
        if (!said) {
            return said.error();
        }
        const auto at = said->find(mark + ":");
        m_home = at == std::string::npos ? std::string() : trimmed(said->substr(at + mark.size() + 1));
        if (m_home.find_first_of("\n\r") != std::string::npos) {
            m_home.clear(); // a home with a line break in its name is no home Berth uses
        }
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
    if (path.empty() || (path.front() != '/' && path != "~" && !path.starts_with("~/"))) {
        return makeError(ErrorKind::BadInput, "The path '" + path + "' on " + m_host.name() +
                                                  " must be absolute, or start with ~/ (your home there).");
    }
    auto rules = policy();
    if (!rules) {
        return rules.error();
    }
    // ~ is the home there, as the launch form says.
    std::string there = path;
    if (there == "~" || there.starts_with("~/")) {
        there = rules->home + there.substr(1);
    }
    const std::string mark = freshMark();
    auto said = output(m_host, {"sh", "-c", kResolve, "sh", there, mark});
    if (!said) {
        return said.error();
    }
    // What the script printed, after its mark: KIND:PATH. A path with a control character in it (a link there
    // can lead anywhere) is refused.
    Judged j;
    std::string kind;
    if (const auto at = said->find(mark + ":"); at != std::string::npos) {
        const std::string rest = said->substr(at + mark.size() + 1);
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
