// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/engine/Archive.h"

#include "engine/TarReader.h"
#include "base/Text.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>

namespace berth::core {

namespace {
/// The parts of an archive name, or nothing when it would leave the destination (absolute after
/// trimming, "..", empty).
std::optional<std::vector<std::string>> safeParts(const std::string& name)
{
    if (name.starts_with("/")) {
        return std::nullopt; // the engine names entries relative to the copied folder; this one is not
    }
    std::vector<std::string> parts;
    for (auto& p : text::split(name, '/')) {
        if (p.empty() || p == ".") {
            continue;
        }
        if (p == "..") {
            return std::nullopt;
        }
        parts.push_back(p);
    }
    if (parts.empty()) {
        return std::nullopt;
    }
    return parts;
}

/// Opens (making when missing, 0755) the folders of `parts` below `root`, following no link: the fd of the
/// last, or -1 with errno.
int openFolders(int root, const std::vector<std::string>& parts, std::size_t count)
{
    int fd = ::dup(root);
    for (std::size_t i = 0; i < count && fd >= 0; ++i) {
        if (::mkdirat(fd, parts[i].c_str(), 0755) != 0 && errno != EEXIST) {
            const int err = errno;
            ::close(fd);
            errno = err;
            return -1;
        }
        const int next = ::openat(fd, parts[i].c_str(), O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        const int err = errno;
        ::close(fd);
        errno = err;
        fd = next;
    }
    return fd;
}
} // namespace

Result<CopyResult> copyFromContainer(EngineClient& engine, const std::string& nameOrId, const std::string& path,
                                     const std::string& destination, const std::atomic<bool>* cancel)
{
    const int root = ::open(destination.c_str(), O_DIRECTORY | O_CLOEXEC);
    if (root < 0) {
        return makeError(ErrorKind::BadInput, "The destination " + destination + " is not a folder that can be opened (" +
                                                  std::strerror(errno) + "). Make it first.");
    }
    CopyResult result;
    std::optional<Error> failure;
    int file = -1;
    std::string current;
    TarReader reader(
        [&](const TarEntry& e) {
            if (file >= 0) {
                ::close(file);
                file = -1;
            }
            auto parts = safeParts(e.name);
            if (!parts || (e.type != '0' && e.type != '7' && e.type != '5')) {
                result.skipped.push_back(e.name);
                return true;
            }
            const std::size_t folders = e.type == '5' ? parts->size() : parts->size() - 1;
            const int dir = openFolders(root, *parts, folders);
            if (dir < 0) {
                failure = makeError(ErrorKind::Io, "Could not make the folder for " + e.name + " in " + destination +
                                                       ": " + std::strerror(errno) +
                                                       (errno == ELOOP || errno == ENOTDIR ? " (a link or a file is in the way)" : "") +
                                                       ".");
                return false;
            }
            if (e.type == '5') {
                ::close(dir);
                return true;
            }
            // Never over what is there, never through a link, never with set-id bits.
            file = ::openat(dir, parts->back().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                            static_cast<mode_t>((e.mode & 0777) | 0600));
            const int err = errno;
            ::close(dir);
            if (file < 0) {
                current = destination + "/" + e.name;
                failure = makeError(err == EEXIST ? ErrorKind::Conflict : ErrorKind::Io,
                                    err == EEXIST ? current + " exists already; it was not replaced. Copy into an "
                                                              "empty folder."
                                                  : "Could not write " + current + ": " + std::strerror(err) + ".");
                return false;
            }
            result.written.push_back(e.name);
            return true;
        },
        [&](std::string_view data) {
            if (file < 0) {
                return true; // an entry that was skipped: its bytes go nowhere
            }
            while (!data.empty()) {
                const ssize_t n = ::write(file, data.data(), data.size());
                if (n <= 0) {
                    failure = makeError(ErrorKind::Io, "Could not write into " + destination + ": " +
                                                           std::strerror(errno) + ".");
                    return false;
                }
                result.bytes += static_cast<std::uint64_t>(n);
                data.remove_prefix(static_cast<std::size_t>(n));
            }
            return true;
        });
    auto r = engine.archive(nameOrId, path, [&](std::string_view chunk) { return reader.feed(chunk); }, cancel,
                            std::chrono::milliseconds(0));
    if (file >= 0) {
        ::close(file);
    }
    ::close(root);
    if (failure) {
        return *failure;
    }
    if (!r) {
        Error e = r.error();
        if (e.kind == ErrorKind::NotFound) {
            e.message = "There is no " + path + " in " + nameOrId + ".";
        }
        return e;
    }
    return result;
}

} // namespace berth::core
