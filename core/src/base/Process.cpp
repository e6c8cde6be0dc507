// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/base/Process.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <optional>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace berth::core {

namespace {
struct SpawnAttributes
{
    posix_spawnattr_t attr{};
    posix_spawn_file_actions_t actions{};
    SpawnAttributes()
    {
        posix_spawnattr_init(&attr);
        posix_spawn_file_actions_init(&actions);
        sigset_t none, pipe;
        sigemptyset(&none);
        sigemptyset(&pipe);
        sigaddset(&pipe, SIGPIPE);
        posix_spawnattr_setsigmask(&attr, &none);
        posix_spawnattr_setsigdefault(&attr, &pipe);
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    }
    ~SpawnAttributes()
    {
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attr);
    }
    SpawnAttributes(const SpawnAttributes&) = delete;
    SpawnAttributes& operator=(const SpawnAttributes&) = delete;
};

Result<pid_t> spawn(const std::vector<std::string>& argv, SpawnAttributes& sa)
{
    if (argv.empty()) {
        return makeError(ErrorKind::BadInput, "No program to run.");
    }
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const auto& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    // Only 0, 1 and 2 reach the program: a long-lived ssh must not hold Berth's files (a hand-off page, a socket)
    // that were opened without O_CLOEXEC.
    posix_spawn_file_actions_addclosefrom_np(&sa.actions, 3);
    pid_t pid = 0;
    const int rc = ::posix_spawnp(&pid, argv.front().c_str(), &sa.actions, &sa.attr, args.data(), environ);
    if (rc != 0) {
        return makeError(ErrorKind::Io, "Cannot run " + argv.front() + ": " + std::strerror(rc) + ".");
    }
    return pid;
}

/// Waits for `pid`; a status that was lost (ECHILD: reaped elsewhere) reads as killed, never as success.
void reap(pid_t pid, int* status)
{
    while (::waitpid(pid, status, 0) < 0) {
        if (errno != EINTR) {
            *status = -1;
            return;
        }
    }
}
} // namespace

Result<ProcessOutput> runProcess(const std::vector<std::string>& argv, std::chrono::milliseconds timeout,
                                 const std::atomic<bool>* cancel, std::size_t maxOutput)
{
    int out[2], err[2];
    if (::pipe2(out, O_CLOEXEC) != 0) {
        return makeError(ErrorKind::Io, std::string("Cannot make a pipe: ") + std::strerror(errno) + ".");
    }
    if (::pipe2(err, O_CLOEXEC) != 0) {
        ::close(out[0]);
        ::close(out[1]);
        return makeError(ErrorKind::Io, std::string("Cannot make a pipe: ") + std::strerror(errno) + ".");
    }
    SpawnAttributes sa;
    posix_spawn_file_actions_addopen(&sa.actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&sa.actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&sa.actions, err[1], 2);
    auto pid = spawn(argv, sa);
    ::close(out[1]);
    ::close(err[1]);
    if (!pid) {
        ::close(out[0]);
        ::close(err[0]);
        return pid.error();
    }
    ProcessOutput result;
    pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open = 2;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::optional<Error> stopped;
    while (open > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            stopped = makeError(ErrorKind::Timeout, argv.front() + " did not finish within " +
                                                        std::to_string(timeout.count() / 1000) + " s; it was stopped.");
            break;
        }
        if (cancel && cancel->load()) {
            stopped = makeError(ErrorKind::Cancelled, argv.front() + " was cancelled.");
            break;
        }
        const int n = ::poll(fds, 2, static_cast<int>(std::min<long long>(left.count(), 100)));
        if (n < 0 && errno != EINTR) {
            break;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) {
                continue;
            }
            char buf[8192];
            const auto got = ::read(fds[i].fd, buf, sizeof buf);
            if (got > 0) {
                const auto room = maxOutput > sinks[i]->size() ? maxOutput - sinks[i]->size() : 0;
                sinks[i]->append(buf, std::min<std::size_t>(room, static_cast<std::size_t>(got)));
            } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            }
        }
    }
    for (auto& f : fds) {
        if (f.fd >= 0) {
            ::close(f.fd);
        }
    }
    if (stopped) {
        stopProcess(*pid, std::chrono::milliseconds(500));
        return *stopped;
    }
    int status = 0;
    reap(*pid, &status);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

Result<pid_t> spawnProcess(const std::vector<std::string>& argv, const std::string& logPath)
{
    SpawnAttributes sa;
    posix_spawn_file_actions_addopen(&sa.actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&sa.actions, 1, logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_adddup2(&sa.actions, 1, 2);
    return spawn(argv, sa);
}

bool processExited(pid_t pid)
{
    int status = 0;
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    return r == pid || (r < 0 && errno == ECHILD);
}

void stopProcess(pid_t pid, std::chrono::milliseconds grace)
{
    if (pid <= 0 || processExited(pid)) {
        return;
    }
    ::kill(pid, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + grace;
    while (std::chrono::steady_clock::now() < deadline) {
        if (processExited(pid)) {
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    reap(pid, &status);
}

} // namespace berth::core
