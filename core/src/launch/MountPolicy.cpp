// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/launch/MountPolicy.h"

#include "berth/core/engine/Endpoint.h"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/xattr.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <filesystem>
#include <fstream>

namespace berth::core {

namespace fs = std::filesystem;

namespace {
std::string normalized(const std::string& path)
{
    std::string p = fs::path(path).lexically_normal().string();
    while (p.size() > 1 && p.back() == '/') {
        p.pop_back();
    }
    return p;
}

/// Where a path leads, following symlinks even when they dangle: a link to a socket that is not there yet
/// leads to it once the engine starts, and a bind mount follows it then.
std::string resolvedPath(const std::string& path)
{
    std::error_code ec;
    fs::path p = path;
    for (int hops = 0; hops < 40; ++hops) {
        fs::path canonical = fs::weakly_canonical(p, ec);
        if (ec) {
            return normalized(p.string());
        }
        if (!fs::is_symlink(fs::symlink_status(canonical, ec))) {
            return normalized(canonical.string());
        }
        fs::path target = fs::read_symlink(canonical, ec);
        if (ec) {
            return normalized(canonical.string());
        }
        p = target.is_absolute() ? target : canonical.parent_path() / target;
    }
    return normalized(p.string());
}

/// `p` is `dir` or inside it.
bool within(const std::string& p, const std::string& dir)
{
    if (dir == "/") {
        return true;
    }
    return p == dir || (p.size() > dir.size() && p.compare(0, dir.size(), dir) == 0 && p[dir.size()] == '/');
}

/// The system's own trees: what the notebook would break or read through them, or what it would control.
const char* const kSystemTrees[] = {
    "/proc", "/sys", "/dev", "/etc", "/boot", "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32",
    "/run", "/var/run", "/var/lib/docker", "/var/lib/containers", "/var/lib/containerd", "/var/lib/podman",
    "/var/lib/kubelet", "/var/log", "/var/cache", "/var/spool", "/var/mail", "/var/backups", "/var/lib", "/snap"};

const char* const kUsualSockets[] = {"/var/run/docker.sock", "/run/docker.sock", "/run/podman/podman.sock",
                                     "/run/containerd/containerd.sock", "/run/user"};

Error refuse(const std::string& given, const std::string& real, const std::string& why)
{
    const std::string shown = given == real ? given : given + " (which is " + real + ")";
    return makeError(ErrorKind::BadInput, "Mounting " + shown + " is refused: " + why);
}

/// A socket within a few levels of `dir`: it would let the notebook talk to whatever listens there. Bounded:
/// a data folder of a million files is not walked whole.
std::string socketInside(const std::string& dir)
{
    std::error_code ec;
    int seen = 0;
    for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (++seen > 20000) {
            break;
        }
        if (it.depth() >= 3) {
            it.disable_recursion_pending();
        }
        if (fs::is_socket(it->symlink_status(ec))) { // a link inside leads elsewhere in the container
            return it->path().string();
        }
    }
    return {};
}

/// The deepest part of `p` that exists (p itself, or "/").
std::string existingPart(std::string p)
{
    struct stat st{};
    while (p != "/" && ::lstat(p.c_str(), &st) != 0) {
        p = fs::path(p).parent_path().string();
    }
    return p;
}

bool othersMayWrite(const std::string& path, const struct stat& st, uid_t uid);

/// Why another user could change where `path` leads (a folder on the way that they own, or may write
/// without the sticky bit protecting the entry), or nothing.
std::optional<std::string> swappable(const std::string& path, const HostPathPolicy& policy)
{
    std::deque<std::string> todo;
    for (const auto& part : fs::path(path).relative_path()) {
        todo.push_back(part.string());
    }
    fs::path cur = "/";
    int hops = 0;
    while (!todo.empty()) {
        const std::string comp = todo.front();
        todo.pop_front();
        if (comp.empty() || comp == ".") {
            continue;
        }
        if (comp == "..") {
            cur = cur.parent_path();
            continue;
        }
        struct stat dir{};
        if (::lstat(cur.c_str(), &dir) != 0) {
            return std::nullopt;
        }
        const fs::path next = cur / comp;
        struct stat entry{};
        const bool exists = ::lstat(next.c_str(), &entry) == 0;
        if (dir.st_uid != 0 && dir.st_uid != policy.uid) {
            return cur.string() + " belongs to another user, who could replace what is in it between Berth's check "
                                  "and the mount.";
        }
        const bool othersWrite = othersMayWrite(cur.string(), dir, policy.uid);
        if (othersWrite && (!(dir.st_mode & S_ISVTX) || (exists && entry.st_uid != 0 && entry.st_uid != policy.uid))) {
            return cur.string() + " can be written by other users, who could swap " + next.string() +
                   " for a link between Berth's check and the mount.";
        }
        if (!exists) {
            return std::nullopt; // Berth makes the rest itself, following no link
        }
        if (S_ISLNK(entry.st_mode)) {
            if (++hops > 40) {
                return std::nullopt; // a loop: nothing to mount there anyway
            }
            std::error_code ec;
            const fs::path target = fs::read_symlink(next, ec);
            if (ec) {
                return std::nullopt;
            }
            std::vector<std::string> parts;
            for (const auto& part : target.relative_path()) {
                parts.push_back(part.string());
            }
            todo.insert(todo.begin(), parts.begin(), parts.end());
            if (target.is_absolute()) {
                cur = "/";
            }
            continue;
        }
        cur = next;
    }
    return std::nullopt;
}

/// getpwent() walks one list per process: launches on several threads take turns.
std::mutex& passwdWalk()
{
    static std::mutex m;
    return m;
}

/// The password database's home folder of `uid` ("" when none).
std::string passwdHome(uid_t uid)
{
    long size = ::sysconf(_SC_GETPW_R_SIZE_MAX);
    std::string buf(size > 0 ? static_cast<std::size_t>(size) : 16384, '\0');
    passwd pw{};
    passwd* found = nullptr;
    if (::getpwuid_r(uid, &pw, buf.data(), buf.size(), &found) == 0 && found && found->pw_dir) {
        return found->pw_dir;
    }
    return {};
}

/// `home` as a real folder (canonical), or "" when it is none (or "/", a daemon's).
std::string realHome(const std::string& home)
{
    std::error_code ec;
    if (home.empty() || home.front() != '/' || !fs::is_directory(home, ec)) {
        return {};
    }
    const std::string r = resolvedPath(home);
    return r == "/" ? std::string() : r;
}

std::string homeOf(uid_t uid)
{
    const char* h = std::getenv("HOME");
    std::string home = realHome(h ? h : "");
    return home.empty() ? realHome(passwdHome(uid)) : home;
}

/// A folder whose group may write it, and whose group is not the user's alone (Debian's user private
/// group: named as the user, no other members), or that has an access control list: others may write.
bool othersMayWrite(const std::string& path, const struct stat& st, uid_t uid)
{
    if (st.st_mode & S_IWOTH) {
        return true;
    }
    if (::lgetxattr(path.c_str(), "system.posix_acl_access", nullptr, 0) > 0) {
        return true; // an ACL: the group bits are its mask, and named users or groups may write
    }
    if (!(st.st_mode & S_IWGRP)) {
        return false;
    }
    if (st.st_uid != uid) {
        return true;
    }
    long size = ::sysconf(_SC_GETGR_R_SIZE_MAX);
    std::string buf(size > 0 ? static_cast<std::size_t>(size) : 16384, '\0');
    group gr{};
    group* found = nullptr;
    for (int tries = 0; tries < 4; ++tries) {
        const int rc = ::getgrgid_r(st.st_gid, &gr, buf.data(), buf.size(), &found);
        if (rc != ERANGE) {
            break;
        }
        buf.resize(buf.size() * 4);
    }
    if (!found || (found->gr_mem && found->gr_mem[0])) {
        return true; // unknown, or a group with members
    }
    // No listed members; still, anyone whose primary group it is may write: only the user's own group is safe.
    long pwSize = ::sysconf(_SC_GETPW_R_SIZE_MAX);
    std::string pwBuf(pwSize > 0 ? static_cast<std::size_t>(pwSize) : 16384, '\0');
    passwd pw{};
    passwd* me = nullptr;
    if (::getpwuid_r(uid, &pw, pwBuf.data(), pwBuf.size(), &me) != 0 || !me) {
        return true;
    }
    if (me->pw_gid != st.st_gid || std::string(found->gr_name) != me->pw_name) {
        return true;
    }
    std::lock_guard lock(passwdWalk());
    ::setpwent();
    bool shared = false;
    while (passwd* other = ::getpwent()) {
        if (other->pw_gid == st.st_gid && other->pw_uid != uid) {
            shared = true;
            break;
        }
    }
    ::endpwent();
    return shared;
}
} // namespace

HostPathPolicy HostPathPolicy::forThisUser(const std::string& endpoint)
{
    HostPathPolicy p;
    p.uid = ::geteuid();
    p.home = homeOf(p.uid);
    // Homes to protect: HOME, the password database's for this user, the user sudo or pkexec acts for,
    // and the machine's people (uid 1000 and up), whose keys root would otherwise hand out.
    auto addHome = [&](const std::string& h) {
        const std::string r = realHome(h);
        if (!r.empty() && std::find(p.homes.begin(), p.homes.end(), r) == p.homes.end()) {
            p.homes.push_back(r);
        }
    };
    addHome(p.home);
    addHome(passwdHome(p.uid));
    for (const char* var : {"SUDO_UID", "PKEXEC_UID"}) {
        if (const char* v = std::getenv(var); v && *v) {
            addHome(passwdHome(static_cast<uid_t>(std::strtoul(v, nullptr, 10))));
        }
    }
    std::lock_guard lock(passwdWalk());
    ::setpwent();
    while (passwd* pw = ::getpwent()) {
        if ((pw->pw_uid >= 1000 && pw->pw_uid < 60000) || pw->pw_uid == 0) {
            if (pw->pw_dir) {
                addHome(pw->pw_dir);
            }
        }
    }
    ::endpwent();
    if (auto ep = parseEndpoint(endpoint); ep && ep->scheme == Endpoint::Scheme::Unix) {
        p.engineSockets.push_back(ep->socketPath);
    }
    for (const char* s : kUsualSockets) {
        p.engineSockets.emplace_back(s);
    }
    if (const char* rt = std::getenv("XDG_RUNTIME_DIR"); rt && *rt == '/') {
        p.engineSockets.push_back(std::string(rt) + "/docker.sock");
        p.engineSockets.push_back(std::string(rt) + "/podman/podman.sock");
    }
    return p;
}

Result<void> judgePathName(const std::string& given, const std::string& p, const HostPathPolicy& policy)
{
    const std::string control = "which would give the notebook full control of this machine.";
    if (p == "/") {
        return refuse(given, p, "it is the host's whole file system. Mount the folder you need.");
    }
    // The engine's control first: its socket in a container gives the notebook the whole machine.
    for (const auto& s : policy.engineSockets) {
        if (within(s, p) || within(resolvedPath(s), p)) {
            return refuse(given, p, "it " + std::string(p == s ? "is" : "holds") + " an engine's socket (" + s + "), " +
                                        control);
        }
    }
    if (within(p, "/run") || within(p, "/var/run") || p.ends_with(".sock")) {
        return refuse(given, p, "it is or holds an engine socket (engines keep theirs under /run), " + control);
    }
    for (const char* tree : kSystemTrees) {
        if (within(p, tree)) {
            return refuse(given, p, std::string("it is part of the system (") + tree +
                                        "), which a notebook must not read or change. Mount a folder of your own.");
        }
        if (within(tree, p) || within(resolvedPath(tree), p)) {
            return refuse(given, p, std::string("it holds the system's ") + tree +
                                        ". Mount a folder of your own inside it.");
        }
    }
    std::vector<std::string> homes = policy.homes;
    if (!policy.home.empty() && std::find(homes.begin(), homes.end(), policy.home) == homes.end()) {
        homes.push_back(policy.home);
    }
    for (const auto& home : homes) {
        const bool yours = home == policy.home;
        const std::string whose = yours ? "your home folder" : "the home folder " + home;
        if (within(home, p)) {
            return refuse(given, p, "it " + std::string(p == home ? "is" : "holds") + " " + whose +
                                        ", with keys, passwords and the settings programs run at login. Mount a "
                                        "folder inside it, such as ~/data.");
        }
        if (within(p, home)) {
            const std::string rest = p.substr(home.size() + 1);
            if (rest.starts_with(".")) {
                return refuse(given, p, "it is in the hidden settings of " + whose + " (" + rest.substr(0, rest.find('/')) +
                                            "): keys, passwords, engine data and what runs at login live there.");
            }
        }
    }

    return {};
}

Result<std::string> checkHostPath(const std::string& given, const HostPathPolicy& policy, bool readOnly)
{
    if (given.empty() || given.front() != '/') {
        return makeError(ErrorKind::BadInput, "The host path '" + given + "' must be absolute.");
    }
    const std::string p = resolvedPath(given);
    if (auto named = judgePathName(given, p, policy); !named) {
        return named.error();
    }
    const std::string control = "which would give the notebook full control of this machine.";

    struct stat st{};
    const bool exists = ::stat(p.c_str(), &st) == 0;
    if (exists) {
        if (S_ISSOCK(st.st_mode)) {
            return refuse(given, p, "it is a socket: whatever listens there (an engine, an agent) would take orders "
                                    "from the notebook, " + control);
        }
        if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
            return refuse(given, p, "it is a device or a pipe, not a file or folder.");
        }
        if (S_ISDIR(st.st_mode) && (st.st_mode & S_IWOTH) && (st.st_mode & S_ISVTX)) {
            return refuse(given, p, "it is shared with every user of this machine (like /tmp). Mount a folder of "
                                    "your own inside it.");
        }
        if (S_ISDIR(st.st_mode)) {
            if (auto sock = socketInside(p); !sock.empty()) {
                return refuse(given, p, "it holds a socket (" + sock +
                                            "): whatever listens there would take orders from the notebook, " + control +
                                            " Mount a folder without one.");
            }
        }
    }
    // Berth grants nobody more than they have: the engine (root) would read and write anything.
    const std::string here = existingPart(p);
    int mode = R_OK | (readOnly && exists ? 0 : W_OK);
    if (::faccessat(AT_FDCWD, here.c_str(), mode, AT_EACCESS) != 0) {
        return refuse(given, p, std::string("you may not ") + (mode & W_OK ? "write" : "read") + " " + here +
                                    " yourself, and Berth gives a notebook no more than you have.");
    }
    // Between this check and the mount, nobody else may be able to swap a folder on the way for a link: every
    // folder the path passes through, links followed as the kernel follows them, is judged.
    if (auto swap = swappable(given, policy)) {
        return refuse(given, p, *swap);
    }
    return p;
}

Result<PreparedFolder> prepareFolder(const std::string& path, const HostPathPolicy& policy)
{
    auto judged = checkHostPath(path, policy, false);
    if (!judged) {
        return judged.error();
    }
    const std::string target = *judged;
    std::string base = existingPart(target);
    int fd = ::open(base.c_str(), O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        return makeError(ErrorKind::Io, "Could not open " + base + ": " + std::strerror(errno) +
                                            (errno == ENOTDIR ? " (a file, not a folder)" : "") + ".");
    }
    PreparedFolder out;
    const std::string rest = target == base ? std::string() : target.substr(base == "/" ? 1 : base.size() + 1);
    for (const auto& part : fs::path(rest)) {
        const std::string name = part.string();
        if (name.empty()) {
            continue;
        }
        out.created = ::mkdirat(fd, name.c_str(), 0700) == 0;
        if (!out.created && errno != EEXIST) {
            const int err = errno;
            ::close(fd);
            return makeError(ErrorKind::Io, "Could not create the folder " + target + ": " + std::strerror(err) + ".");
        }
        const int next = ::openat(fd, name.c_str(), O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        const int err = errno;
        ::close(fd);
        if (next < 0) {
            return makeError(ErrorKind::BadInput, "Could not open the folder " + target + ": " +
                                                      (err == ELOOP || err == ENOTDIR
                                                           ? std::string("something that is not a folder (a link or a file) is in the way")
                                                           : std::string(std::strerror(err))) +
                                                      ". Choose another folder.");
        }
        fd = next;
    }
    // Judged again now that it exists: the sockets inside, who may write it.
    auto again = checkHostPath(target, policy, false);
    if (!again) {
        ::close(fd);
        return again.error();
    }
    out.path = *again;
    out.fd = fd;
    return out;
}

Result<std::string> defaultWorkspaceRoot(const HostPathPolicy& policy)
{
    if (policy.home.empty()) {
        return makeError(ErrorKind::BadInput, "There is no home folder (HOME is not set, or not a folder) to keep "
                                              "notebooks in. Set HOME, or choose a folder for them.");
    }
    const std::string& home = policy.home;
    std::string docs;
    // xdg-user-dirs: XDG_DOCUMENTS_DIR="$HOME/Documents" in $XDG_CONFIG_HOME/user-dirs.dirs
    const char* cfg = std::getenv("XDG_CONFIG_HOME");
    std::string config = cfg && *cfg == '/' ? std::string(cfg) : home + "/.config";
    std::ifstream in(config + "/user-dirs.dirs");
    std::string line;
    while (std::getline(in, line)) {
        if (line.starts_with("XDG_DOCUMENTS_DIR=")) {
            std::string v = line.substr(18);
            if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
                v = v.substr(1, v.size() - 2);
            }
            if (v.starts_with("$HOME")) {
                v = home + v.substr(5);
            }
            v = normalized(v);
            // Only a documents folder inside the home folder, and not the home folder itself.
            if (!v.empty() && v.front() == '/' && v != home && within(v, home)) {
                docs = v;
            }
        }
    }
    if (docs.empty()) {
        docs = home + "/Documents";
    }
    return docs + "/Berth";
}

} // namespace berth::core
