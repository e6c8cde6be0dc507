// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/engine/PodmanService.h"

#include "berth/core/engine/CurlTransport.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <thread>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::core {

namespace {
namespace fs = std::filesystem;

std::string runtimeDir(const EndpointEnvironment& env)
{
    if (auto dir = env.getenv("XDG_RUNTIME_DIR"); dir && !dir->empty()) {
        return *dir;
    }
    return "/run/user/" + std::to_string(::getuid());
}

bool answers(const std::string& socketPath)
{
    Endpoint endpoint;
    endpoint.scheme = Endpoint::Scheme::Unix;
    endpoint.socketPath = socketPath;
    CurlTransport transport(endpoint, std::chrono::seconds(1));
    HttpRequest ping;
    ping.target = "/_ping";
    ping.timeout = std::chrono::seconds(2);
    ping.headerTimeout = std::chrono::seconds(2);
    auto r = transport.send(ping);
    return r && r->status == 200;
}

std::vector<std::string> lastLines(const std::string& path, std::size_t count)
{
    std::ifstream in(path);
    std::deque<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
        if (lines.size() > count) {
            lines.pop_front();
        }
    }
    return {lines.begin(), lines.end()};
}

Error failure(std::string message, const std::string& log)
{
    auto e = makeError(ErrorKind::EngineUnreachable, std::move(message));
    e.logLines = lastLines(log, 12);
    return e;
}
} // namespace

std::string userPodmanSocket(const EndpointEnvironment& env)
{
    if (::getuid() == 0 && env.getenv("XDG_RUNTIME_DIR").value_or("").empty()) {
        return "/run/podman/podman.sock";
    }
    return runtimeDir(env) + "/podman/podman.sock";
}

std::optional<PodmanService> findPodmanService(const EndpointEnvironment& env)
{
    if (!env.findProgram) {
        return std::nullopt;
    }
    auto program = env.findProgram("podman");
    if (!program) {
        return std::nullopt;
    }
    const std::string state = ::getuid() == 0 && env.getenv("XDG_RUNTIME_DIR").value_or("").empty()
                                  ? std::string("/run/berth")
                                  : runtimeDir(env) + "/berth";
    return PodmanService{*program, userPodmanSocket(env), state};
}

Result<int> startPodmanService(const PodmanService& service, std::chrono::milliseconds timeout,
                               const std::atomic<bool>* cancel)
{
    if (answers(service.socketPath)) {
        return 0;
    }
    std::error_code ec;
    fs::create_directories(service.stateDir, ec);
    fs::permissions(service.stateDir, fs::perms::owner_all, fs::perm_options::replace, ec);
    fs::create_directories(fs::path(service.socketPath).parent_path(), ec);
    if (!fs::is_directory(fs::path(service.socketPath).parent_path())) {
        return makeError(ErrorKind::Io, "Cannot make the folder of Podman's socket, " +
                                            fs::path(service.socketPath).parent_path().string() + ": " +
                                            (ec ? ec.message() : "not a folder") + ".");
    }
    // A socket file left by a service that is gone would make Podman refuse to listen.
    fs::remove(service.socketPath, ec);

    const std::string log = service.stateDir + "/podman-service.log";
    const int logFd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    const int nullFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    int pidPipe[2] = {-1, -1};
    if (logFd < 0 || nullFd < 0 || ::pipe2(pidPipe, O_CLOEXEC) != 0) {
        const std::string why = std::strerror(errno);
        for (int fd : {logFd, nullFd, pidPipe[0], pidPipe[1]}) {
            if (fd >= 0) {
                ::close(fd);
            }
        }
        return makeError(ErrorKind::Io, "Cannot write Podman's log, " + log + ": " + why + ".");
    }
    // Everything the child needs is made before fork(): between fork and exec only async-signal-safe calls.
    const std::string address = "unix://" + service.socketPath;
    const char* argv[] = {service.program.c_str(), "system", "service", "--time=0", address.c_str(), nullptr};
    const char* dir = service.stateDir.c_str(); // conmon leaves files in the service's working directory

    const pid_t child = ::fork();
    if (child < 0) {
        const std::string why = std::strerror(errno);
        for (int fd : {logFd, nullFd, pidPipe[0], pidPipe[1]}) {
            ::close(fd);
        }
        return makeError(ErrorKind::Io, "Cannot start Podman: " + why + ".");
    }
    if (child == 0) {
        // A session of its own, and a grandchild of Berth's: it outlives Berth and is never Berth's zombie.
        ::setsid();
        const pid_t grandchild = ::fork();
        if (grandchild != 0) {
            if (grandchild > 0) {
                (void)!::write(pidPipe[1], &grandchild, sizeof grandchild);
            }
            ::_exit(grandchild > 0 ? 0 : 127);
        }
        // What Berth's threads block or ignore (SIGPIPE, for libcurl) is not Podman's to inherit.
        sigset_t none;
        ::sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::signal(SIGPIPE, SIG_DFL);
        if (::chdir(dir) != 0 || ::dup2(nullFd, 0) < 0 || ::dup2(logFd, 1) < 0 || ::dup2(logFd, 2) < 0) {
            ::_exit(127);
        }
        ::execv(argv[0], const_cast<char* const*>(argv));
        ::_exit(127);
    }
    ::close(pidPipe[1]);
    ::close(logFd);
    ::close(nullFd);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    pid_t pid = 0;
    const auto got = ::read(pidPipe[0], &pid, sizeof pid);
    ::close(pidPipe[0]);
    if (got != sizeof pid || pid <= 0) {
        return failure("Podman's service could not be started (" + service.program + ").", log);
    }
    {
        std::ofstream pidFile(service.stateDir + "/podman-service.pid", std::ios::trunc);
        pidFile << pid << '\n';
    }

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        if (fs::exists(service.socketPath, ec) && answers(service.socketPath)) {
            return static_cast<int>(pid);
        }
        // Reparented to init, which reaps it: once it has exited, kill() no longer finds it.
        if (::kill(pid, 0) != 0 && errno == ESRCH) {
            return failure("Podman's service stopped as it started; its last lines follow (all of them are in " +
                               log + ").",
                           log);
        }
        if (cancel && cancel->load()) {
            ::kill(pid, SIGTERM);
            return makeError(ErrorKind::Cancelled, "Starting Podman was cancelled.");
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(pid, SIGTERM);
            return failure("Podman's service did not answer at " + service.socketPath + " within " +
                               std::to_string(std::chrono::duration_cast<std::chrono::seconds>(timeout).count()) +
                               " seconds; it was stopped. Its last lines follow (all of them are in " + log + ").",
                           log);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

} // namespace berth::core
