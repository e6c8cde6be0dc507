// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/engine/PortRelay.h"

#include <cerrno>
#include <cstring>
#include <mutex>
#include <set>
#include <system_error>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace berth::core {

struct PortRelay::State
{
    std::string target;
    int listenFd = -1;
    std::mutex mutex;
    bool stopping = false;
    std::set<int> open; ///< every relayed connection's two sockets, shut down when the relay goes
    std::thread acceptor;

    /// Registers a socket unless the relay is going; false then (the caller closes it).
    bool track(int fd)
    {
        std::lock_guard lock(mutex);
        if (stopping) {
            return false;
        }
        open.insert(fd);
        return true;
    }
    void forget(int fd)
    {
        std::lock_guard lock(mutex);
        open.erase(fd);
    }
};

namespace {

/// Copies `from` to `to` until `from` ends, then ends `to`'s writing side. Blocking: one thread a direction.
void pump(int from, int to)
{
    char buf[64 * 1024];
    while (true) {
        const ssize_t n = ::recv(from, buf, sizeof buf, 0);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        for (ssize_t sent = 0; sent < n;) {
            const ssize_t w = ::send(to, buf + sent, static_cast<std::size_t>(n - sent), MSG_NOSIGNAL);
            if (w < 0 && errno == EINTR) {
                continue;
            }
            if (w <= 0) {
                ::shutdown(from, SHUT_RD);
                ::shutdown(to, SHUT_WR);
                return;
            }
            sent += w;
        }
    }
    ::shutdown(to, SHUT_WR);
}

int connectUnix(const std::string& path)
{
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path.size() >= sizeof addr.sun_path) {
        return -1;
    }
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -1;
    }
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

/// One connection: both directions, then both sockets closed.
void relay(std::shared_ptr<PortRelay::State> state, int client)
{
    const int server = connectUnix(state->target); // ssh down: nothing behind the port, the client is turned away
    if (server < 0 || !state->track(server)) {
        if (server >= 0) {
            ::close(server);
        }
        state->forget(client);
        ::close(client);
        return;
    }
    try {
        std::thread back(pump, server, client);
        pump(client, server);
        back.join();
    } catch (const std::system_error&) {
        // No second thread to be had: the connection is closed, never left half-relayed.
    }
    state->forget(client);
    state->forget(server);
    ::close(client);
    ::close(server);
}

} // namespace

Result<LoopbackSocket> bindLoopback(bool listening)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return makeError(ErrorKind::Io, std::string("Cannot make a socket: ") + std::strerror(errno) + ".");
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || (listening && ::listen(fd, 64) != 0) ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        const std::string why = std::strerror(errno);
        ::close(fd);
        return makeError(ErrorKind::Io, "No free port on 127.0.0.1: " + why + ".");
    }
    return LoopbackSocket{fd, static_cast<int>(ntohs(addr.sin_port))};
}

Result<std::unique_ptr<PortRelay>> PortRelay::listen(std::string unixSocket)
{
    auto bound = bindLoopback(true);
    if (!bound) {
        return bound.error();
    }
    const int fd = bound->fd;
    auto state = std::make_shared<State>();
    state->target = std::move(unixSocket);
    state->listenFd = fd;
    state->acceptor = std::thread([state] {
        while (true) {
            const int client = ::accept4(state->listenFd, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0) {
                {
                    std::lock_guard lock(state->mutex);
                    if (state->stopping) {
                        return; // shut down: the relay is going
                    }
                }
                // Anything else passes (a client gone before accept, no memory or fds for a moment).
                if (errno != EINTR && errno != ECONNABORTED) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                }
                continue;
            }
            if (!state->track(client)) {
                ::close(client);
                return;
            }
            try {
                std::thread(relay, state, client).detach();
            } catch (const std::system_error&) {
                state->forget(client); // no thread to be had: this client is turned away, the relay goes on
                ::close(client);
            }
        }
    });
    return std::unique_ptr<PortRelay>(new PortRelay(std::move(state), bound->port));
}

PortRelay::PortRelay(std::shared_ptr<State> state, int port) : m_state(std::move(state)), m_port(port) {}

PortRelay::~PortRelay()
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->stopping = true;
        for (int fd : m_state->open) {
            ::shutdown(fd, SHUT_RDWR); // each connection's threads end and close their sockets
        }
    }
    ::shutdown(m_state->listenFd, SHUT_RDWR); // wakes accept()
    m_state->acceptor.join();
    ::close(m_state->listenFd);
}

} // namespace berth::core
