// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/engine/SshTransport.h"

#include "base/Text.h"
#include "berth/core/base/Escape.h"
#include "berth/core/base/Process.h"
#include "berth/core/engine/PortRelay.h"

#include <algorithm>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::core {

namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr auto kOpenTimeout = 30s;

std::string readLog(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) {
        s.pop_back();
    }
    constexpr std::size_t kMax = 4096;
    return s.size() > kMax ? s.substr(s.size() - kMax) : s;
}

std::string lastLine(const std::string& text)
{
    const auto nl = text.rfind('\n');
    return nl == std::string::npos ? text : text.substr(nl + 1);
}

std::string shellQuote(const std::string& arg)
{
    std::string q = "'";
    for (char c : arg) {
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return q + "'";
}

/// A port of 127.0.0.1 free now, for ssh to bind (berthctl's shared forwards, which outlive this process).
Result<int> freeLocalPort()
{
    auto bound = bindLoopback(false);
    if (!bound) {
        return bound.error();
    }
    ::close(bound->fd);
    return bound->port;
}

std::string runtimeBase()
{
    if (const char* rt = std::getenv("XDG_RUNTIME_DIR"); rt && *rt == '/') {
        std::error_code ec;
        const std::string base = std::string(rt) + "/berth";
        fs::create_directories(base, ec);
        fs::permissions(base, fs::perms::owner_all, fs::perm_options::replace, ec);
        if (fs::is_directory(base, ec)) {
            return base;
        }
    }
    return "/tmp";
}

/// A private folder for the connection's sockets: a fresh one, or (shared) one named after the engine and the
/// ssh command, which must be this user's own and closed to others.
Result<std::string> privateDir(const std::string& sharedKey)
{
    const std::string base = runtimeBase();
    if (!sharedKey.empty()) {
        char name[32];
        std::snprintf(name, sizeof name, "/ssh-%u-%016zx", static_cast<unsigned>(::getuid()),
                      std::hash<std::string>{}(sharedKey));
        const std::string dir = base + name;
        if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
            return makeError(ErrorKind::Io, "Cannot make " + dir + ": " + std::strerror(errno) + ".");
        }
        struct stat st{};
        if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::getuid() ||
            (st.st_mode & 077) != 0) {
            return makeError(ErrorKind::Io, dir + " is not a folder of yours closed to others: Berth will not keep "
                                                  "an engine's connection there. Remove it.");
        }
        return dir;
    }
    std::string templ = base + "/ssh-XXXXXX";
    if (!::mkdtemp(templ.data())) {
        return makeError(ErrorKind::Io, "Cannot make a private folder in " + base + ": " + std::strerror(errno) + ".");
    }
    return templ; // mkdtemp makes it 0700
}

Error sshFailure(const std::string& host, const std::string& said)
{
    const std::string log = text::trim(said); // ssh ends its lines with \r\n
    Error e;
    e.kind = ErrorKind::EngineUnreachable;
    e.engineMessage = log.empty() ? "ssh exited without a word" : log; // shown as ssh says it
    if (log.find("Host key verification failed") != std::string::npos ||
        log.find("IDENTIFICATION HAS CHANGED") != std::string::npos) {
        e.message = "ssh refused to connect to " + host + ": its host key is unknown to you or has changed. Berth "
                    "never decides that for you: connect once with ssh " + host + " in a terminal, check the key it "
                    "shows and accept it, or find out why it changed.";
    } else if (log.find("Permission denied") != std::string::npos) {
        e.message = "ssh could not log in to " + host + " with your keys. Berth asks for no password: add a key "
                    "(ssh-copy-id " + host + ") or load yours into ssh-agent.";
    } else {
        e.message = "ssh could not connect to " + host + ": " + lastLine(e.engineMessage) + ".";
    }
    return e;
}
} // namespace

std::vector<std::string> sshCommandFromEnvironment()
{
    std::vector<std::string> words;
    if (const char* c = std::getenv("BERTH_SSH_COMMAND"); c && *c) {
        std::istringstream in(c);
        for (std::string w; in >> w;) {
            words.push_back(w);
        }
    }
    if (words.empty()) {
        words.emplace_back("ssh");
    }
    return words;
}

SshTransport::SshTransport(Endpoint endpoint, std::chrono::seconds persist, std::vector<std::string> sshCommand)
    : m_endpoint(std::move(endpoint)), m_persist(persist), m_ssh(std::move(sshCommand))
{
}

SshTransport::~SshTransport()
{
    std::lock_guard lock(m_mutex);
    if (m_persist.count() > 0) {
        return; // shared: it closes by itself once unused for m_persist
    }
    if (m_running && m_pid > 0 && !processExited(m_pid)) {
        stopProcess(m_pid); // the master closes its forwards and removes its control socket
    }
    if (!m_dir.empty()) {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
}

std::string SshTransport::folder() const
{
    std::lock_guard lock(m_mutex);
    return m_dir;
}

std::string SshTransport::name() const
{
    return (m_endpoint.user.empty() ? std::string() : m_endpoint.user + "@") + m_endpoint.host;
}

pid_t SshTransport::connectionPid() const
{
    std::lock_guard lock(m_mutex);
    return m_running ? m_pid : 0;
}

std::vector<std::string> SshTransport::sshArgs(std::vector<std::string> options) const
{
    std::vector<std::string> argv = m_ssh;
    // Whatever ~/.ssh/config says: no question (a password, a new host key) and no key accepted unseen; nothing of
    // this machine's handed to the remote (the agent, the display); no local command. An address can be handed to
    // a student; these keep a hostile one from getting more than its engine.
    for (const char* o : {"-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", "ForwardAgent=no", "-o",
                          "ForwardX11=no", "-o", "PermitLocalCommand=no", "-o"}) {
        argv.emplace_back(o);
    }
    argv.push_back("ControlPath=" + m_dir + "/control");
    argv.insert(argv.end(), options.begin(), options.end());
    if (m_endpoint.port) {
        argv.emplace_back("-p");
        argv.push_back(std::to_string(m_endpoint.port));
    }
    if (!m_endpoint.user.empty()) {
        argv.emplace_back("-l");
        argv.push_back(m_endpoint.user);
    }
    argv.emplace_back("--");
    argv.push_back(m_endpoint.host);
    return argv;
}

Result<void> SshTransport::ensureOpen()
{
    std::lock_guard lock(m_mutex);
    if (m_running && (m_pid == 0 || !processExited(m_pid))) {
        return {};
    }
    m_running = false;
    return openLocked();
}

bool SshTransport::dropped(const Error& error)
{
    std::lock_guard lock(m_mutex);
    if (!m_running) {
        return false;
    }
    if (m_pid > 0) {
        if (!processExited(m_pid)) {
            return false;
        }
    } else if (error.kind != ErrorKind::EngineUnreachable) {
        return false; // shared: a refused connection to the forwarded socket says the master is gone
    }
    m_running = false;
    return true;
}

Result<void> SshTransport::openLocked()
{
    if (m_dir.empty()) {
        std::string key;
        if (m_persist.count() > 0) {
            key = m_endpoint.display();
            for (const auto& w : m_ssh) {
                key += '\n' + w;
            }
        }
        auto dir = privateDir(key);
        if (!dir) {
            return dir.error();
        }
        m_dir = *dir;
        m_socket = m_dir + "/engine.sock";
        Endpoint local;
        local.scheme = Endpoint::Scheme::Unix;
        local.socketPath = m_socket;
        m_curl = std::make_unique<CurlTransport>(local);
    }
    // Shared: one process at a time opens it; the others find it open.
    const int lockFd = m_persist.count() > 0 ? ::open((m_dir + "/lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)
                                             : -1;
    if (lockFd >= 0) {
        // Never forever: a berthctl stopped with Ctrl-Z while it connects must not hold up every other one.
        const auto until = std::chrono::steady_clock::now() + kOpenTimeout;
        while (::flock(lockFd, LOCK_EX | LOCK_NB) != 0) {
            if (std::chrono::steady_clock::now() >= until) {
                ::close(lockFd);
                return makeError(ErrorKind::Timeout, "Another Berth has been opening the connection to " + name() +
                                                         " for " + std::to_string(kOpenTimeout.count()) +
                                                         " s; try again, or end it.");
            }
            std::this_thread::sleep_for(50ms);
        }
    }
    struct Unlock
    {
        int fd;
        ~Unlock()
        {
            if (fd >= 0) {
                ::close(fd);
            }
        }
    } unlock{lockFd};
    std::error_code ec;
    const std::string control = m_dir + "/control";
    if (m_persist.count() > 0 && fs::exists(control, ec)) {
        auto check = runProcess(sshArgs({"-O", "check"}), 10s);
        if (check && check->exitCode == 0) {
            m_running = true;
            m_pid = 0;
            return {}; // another process opened it meanwhile, or a stale forward was just refused: see send()
        }
    }
    fs::remove(m_socket, ec);
    fs::remove(control, ec);
    std::vector<std::string> options = {"-N",
                                        "-o", "ControlMaster=yes",
                                        "-o", m_persist.count() > 0 ? "ControlPersist=" + std::to_string(m_persist.count()) + "s"
                                                                    : std::string("ControlPersist=no"),
                                        "-o", "ExitOnForwardFailure=yes",
                                        "-o", "ServerAliveInterval=10",
                                        "-o", "ServerAliveCountMax=3",
                                        "-o", "ConnectTimeout=15",
                                        "-o", "StreamLocalBindUnlink=yes",
                                        "-o", "StreamLocalBindMask=0177",
                                        "-L", m_socket + ":" + m_endpoint.socketPath};
    // Reopened: the notebooks' forwards come back behind the ports Berth kept holding, so open pages reconnect.
    // (Shared: a new connection has none; forwardPort asks for each again.)
    if (m_persist.count() == 0) {
        for (const auto& [remote, local] : m_forwards) {
            options.emplace_back("-L");
            options.push_back(notebookSocket(remote) + ":127.0.0.1:" + std::to_string(remote));
        }
    }
    const std::string log = m_dir + "/ssh.log";
    if (m_persist.count() > 0) {
        fs::remove(m_dir + "/forwards", ec); // a new connection has none of the old one's forwards
        // ssh goes to the background once connected (ControlPersist): its exit says how it went.
        auto r = runProcess(sshArgs(options), kOpenTimeout);
        if (!r) {
            return r.error();
        }
        if (r->exitCode != 0 || !fs::exists(m_socket, ec)) {
            return sshFailure(name(), r->err);
        }
        m_pid = 0;
        m_running = true;
        return {};
    }
    std::ofstream(log, std::ios::trunc).close();
    auto pid = spawnProcess(sshArgs(options), log);
    if (!pid) {
        return pid.error();
    }
    const auto deadline = std::chrono::steady_clock::now() + kOpenTimeout;
    while (true) {
        if (processExited(*pid)) {
            return sshFailure(name(), readLog(log));
        }
        // The forward is made once ssh has logged in; the control socket once it is master.
        if (fs::exists(m_socket, ec) && fs::exists(control, ec)) {
            break;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            stopProcess(*pid);
            auto e = sshFailure(name(), readLog(log));
            e.kind = ErrorKind::Timeout;
            e.message = "ssh did not connect to " + name() + " within " + std::to_string(kOpenTimeout.count()) +
                        " s; it was stopped.";
            return e;
        }
        std::this_thread::sleep_for(20ms);
    }
    m_pid = *pid;
    m_running = true;
    return {};
}

Error SshTransport::explain(Error error)
{
    const std::string local = "unix://" + m_socket;
    auto rename = [&](std::string& s) {
        for (auto at = s.find(local); at != std::string::npos; at = s.find(local, at)) {
            s.replace(at, local.size(), describe());
        }
    };
    // The window's own connection logs to a file; a shared one is in the background, its words gone.
    const std::string log = m_persist.count() > 0 ? std::string() : readLog(m_dir + "/ssh.log");
    const bool gotNothing = error.message.find("Empty reply") != std::string::npos ||
                            error.message.find("Recv failure") != std::string::npos ||
                            error.message.find("reset by peer") != std::string::npos;
    if (log.rfind("open failed") != std::string::npos || (m_persist.count() > 0 && gotNothing)) {
        auto e = makeError(ErrorKind::EngineUnreachable,
                           "ssh reached " + name() + ", but no engine answers at " + m_endpoint.socketPath +
                               " there. Give the engine's socket in the address, as in ssh://" + name() +
                               "/run/user/1000/podman/podman.sock for a user's Podman.");
        e.engineMessage = lastLine(log);
        return e;
    }
    rename(error.message);
    for (auto& r : error.remedies) {
        for (auto& a : r.args) {
            rename(a);
        }
    }
    return error;
}

Result<HttpResponse> SshTransport::send(const HttpRequest& request)
{
    if (auto open = ensureOpen(); !open) {
        return open.error();
    }
    auto r = m_curl->send(request);
    if (r) {
        return r;
    }
    // Only a request that changes nothing is sent again: a create or an exec may have reached the engine already.
    const bool repeatable = (request.method == "GET" || request.method == "HEAD") && !request.bodySource;
    if (dropped(r.error()) && repeatable) { // dropped or not, the next request opens it again
        // The connection dropped (a laptop's network changed, the server restarted sshd): once more, anew.
        if (auto open = ensureOpen(); !open) {
            return open.error();
        }
        r = m_curl->send(request);
        if (r) {
            return r;
        }
    }
    return explain(r.error());
}

Result<HttpResponse> SshTransport::stream(const HttpRequest& request, const ChunkHandler& onChunk,
                                          const std::atomic<bool>* cancel)
{
    if (auto open = ensureOpen(); !open) {
        return open.error();
    }
    auto r = m_curl->stream(request, onChunk, cancel);
    if (!r) {
        dropped(r.error()); // the next request opens it again
        return explain(r.error());
    }
    return r;
}

std::string SshTransport::notebookSocket(int remotePort) const
{
    return m_dir + "/port-" + std::to_string(remotePort) + ".sock";
}

Result<int> SshTransport::forwardPort(int remotePort)
{
    if (remotePort < 1 || remotePort > 65535) {
        return makeError(ErrorKind::Engine, "The engine named port " + std::to_string(remotePort) +
                                                ", which is no port: nothing forwarded.");
    }
    if (auto open = ensureOpen(); !open) {
        return open.error();
    }
    std::lock_guard lock(m_mutex);
    const std::string there = "127.0.0.1:" + std::to_string(remotePort);
    auto forward = [&](const std::string& here) -> Result<void> {
        auto r = runProcess(sshArgs({"-O", "forward", "-L", here + ":" + there}), 15s);
        if (!r) {
            return r.error();
        }
        if (r->exitCode != 0) {
            auto e = makeError(ErrorKind::EngineUnreachable,
                               "ssh could not forward port " + std::to_string(remotePort) + " of " + name() + " here.");
            e.engineMessage = text::trim(r->err);
            return e;
        }
        return {};
    };
    if (m_persist.count() == 0) {
        // The window's: a port Berth holds itself for as long as it runs, relaying to ssh's forward in the private
        // folder. Kept across a dropped connection, so nobody else can take it and receive the notebook's traffic.
        if (auto it = m_forwards.find(remotePort); it != m_forwards.end()) {
            return it->second;
        }
        if (auto made = forward(notebookSocket(remotePort)); !made) {
            return made.error();
        }
        auto relay = PortRelay::listen(notebookSocket(remotePort));
        if (!relay) {
            return relay.error();
        }
        const int local = (*relay)->port();
        m_relays[remotePort] = std::move(*relay);
        m_forwards[remotePort] = local;
        return local;
    }
    // berthctl's: the shared connection holds a port of this machine's for the browser that opens after berthctl
    // has gone. A forward recorded by an earlier command is asked for again, never trusted: the connection accepts
    // its own forward once more, and fails when the port is somebody else's now (then another port is taken).
    const std::string recorded = m_dir + "/forwards";
    std::vector<int> candidates;
    if (auto it = m_forwards.find(remotePort); it != m_forwards.end()) {
        candidates.push_back(it->second);
    }
    {
        std::ifstream in(recorded);
        for (int remote = 0, local = 0; in >> remote >> local;) {
            if (remote == remotePort && local > 0 && local < 65536) {
                candidates.push_back(local);
            }
        }
    }
    for (int local : candidates) {
        if (forward("127.0.0.1:" + std::to_string(local))) {
            m_forwards[remotePort] = local;
            return local;
        }
    }
    Error last = makeError(ErrorKind::Io, "No free port on 127.0.0.1.");
    for (int attempt = 0; attempt < 3; ++attempt) { // a port taken between the choice and ssh's bind: another
        auto local = freeLocalPort();
        if (!local) {
            return local.error();
        }
        auto made = forward("127.0.0.1:" + std::to_string(*local));
        if (made) {
            m_forwards[remotePort] = *local;
            std::ofstream(recorded, std::ios::app) << remotePort << ' ' << *local << '\n';
            return *local;
        }
        last = made.error();
    }
    return last;
}

Result<ProcessOutput> SshTransport::run(const std::vector<std::string>& argv, std::chrono::milliseconds timeout)
{
    if (auto open = ensureOpen(); !open) {
        return open.error();
    }
    // The words reach the remote user's login shell, which may be fish or tcsh, not sh: quoted the one way every
    // shell reads alike, which holds only without quotes, backslashes and control characters inside.
    std::string command;
    for (const auto& a : argv) {
        if (a.find_first_of("'\\") != std::string::npos ||
            std::any_of(a.begin(), a.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; })) {
            return makeError(ErrorKind::BadInput, "Berth does not pass '" + printable(a, false) + "' to " + name() +
                                                      ": it holds a quote, a backslash or a control character.");
        }
        command += (command.empty() ? "" : " ") + shellQuote(a);
    }
    std::vector<std::string> args;
    {
        std::lock_guard lock(m_mutex);
        args = sshArgs({"-o", "ControlMaster=no", "-T"});
    }
    args.push_back(command);
    auto r = runProcess(args, timeout);
    if (!r) {
        return r.error();
    }
    if (r->exitCode == 255) {
        return sshFailure(name(), r->err);
    }
    return r;
}

} // namespace berth::core
