// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/launch/BrowserHandoff.h"

#include "berth/core/base/Token.h"
#include "berth/core/launch/LaunchSpec.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace berth::core {

Result<std::string> privateRuntimeDir()
{
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    std::string base = runtime ? runtime : "";
    if (base.empty()) {
        const char* home = std::getenv("HOME");
        if (!home || !*home) {
            return makeError(ErrorKind::Io, "Neither XDG_RUNTIME_DIR nor HOME is set: there is no private place for "
                                            "the browser's page.");
        }
        base = std::string(home) + "/.cache";
        ::mkdir(base.c_str(), 0700);
    }
    const std::string dir = base + "/berth";
    ::mkdir(dir.c_str(), 0700);
    struct stat st{};
    if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::getuid() || (st.st_mode & 077) != 0) {
        return makeError(ErrorKind::Io, dir + " is not a private folder of yours (a folder with mode 700); remove "
                                              "it and try again.");
    }
    return dir;
}

Result<std::string> writeBrowserHandoff(const EnvironmentInfo& env)
{
    const bool urlSafe = !env.token.empty() && std::all_of(env.token.begin(), env.token.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    });
    if (!urlSafe) {
        return makeError(ErrorKind::BadInput, "The token of " + env.name + " has characters Berth will not put in a "
                                              "page; open " + env.url + " and paste the token.");
    }
    if (env.url.empty()) {
        return makeError(ErrorKind::NotFound, env.name + " has no address on this machine.");
    }
    auto dir = privateRuntimeDir();
    if (!dir) {
        return dir.error();
    }
    // The engine names the environment: a name that is not a plain file name does not choose the path.
    const bool plainName = checkName(env.name).ok() && env.name.find("..") == std::string::npos;
    // A name of its own each time: a second open within the first's lifetime does not lose its page.
    auto unique = secureToken(6);
    const std::string file = *dir + "/open-" + (plainName ? env.name : std::string("environment")) + "-" +
                             (unique ? *unique : std::to_string(::getpid())) + ".html";
    ::unlink(file.c_str());
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        return makeError(ErrorKind::Io, "Could not create " + file + ": " + std::strerror(errno) + ".");
    }
    const std::string target = env.url + "?token=" + env.token;
    const std::string page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" "
                             "content=\"0;url=" + target + "\"><title>Berth</title></head><body><p>Opening " +
                             env.url + "...</p><script>window.location.replace(\"" + target +
                             "\");</script></body></html>\n";
    const bool written = ::write(fd, page.data(), page.size()) == static_cast<ssize_t>(page.size());
    ::close(fd);
    if (!written) {
        ::unlink(file.c_str());
        return makeError(ErrorKind::Io, "Could not write " + file + ".");
    }
    return file;
}

} // namespace berth::core
