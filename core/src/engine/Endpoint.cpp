// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/engine/Endpoint.h"

#include "base/JsonAccess.h"
#include "berth/core/engine/PodmanService.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <unistd.h>

namespace berth::core {

namespace {
constexpr std::string_view kDefaultSocket = "/var/run/docker.sock";
constexpr std::size_t kMaxUnixPath = 107; // sizeof(sockaddr_un::sun_path) - 1

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}
} // namespace

std::string Endpoint::display() const
{
    if (scheme == Scheme::Unix) {
        return "unix://" + socketPath;
    }
    if (scheme == Scheme::Ssh) {
        const bool v6 = host.find(':') != std::string::npos;
        return "ssh://" + (user.empty() ? std::string() : user + "@") + (v6 ? "[" + host + "]" : host) +
               (port ? ":" + std::to_string(port) : std::string()) +
               (socketPath == kDefaultSocket ? std::string() : socketPath);
    }
    return "tcp://" + host + ":" + std::to_string(port);
}

std::string Endpoint::baseUrl() const
{
    if (scheme == Scheme::Unix || scheme == Scheme::Ssh) {
        return "http://localhost";
    }
    const bool v6 = host.find(':') != std::string::npos;
    return std::string(tls ? "https://" : "http://") + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

bool Endpoint::isLocal() const
{
    if (scheme == Scheme::Unix) {
        return true;
    }
    if (scheme == Scheme::Ssh) {
        return false; // even ssh://localhost: a published port is reached through the forward, as any remote's
    }
    const bool loopbackV4 = host.starts_with("127.") && host.find_first_not_of("0123456789.") == std::string::npos;
    return host == "localhost" || host == "::1" || host == "[::1]" || loopbackV4;
}

bool isLocalAddress(std::string_view endpoint)
{
    auto ep = parseEndpoint(endpoint);
    return ep && ep->isLocal();
}

Result<Endpoint> parseEndpoint(std::string_view text)
{
    auto bad = [&](const std::string& why) {
        return makeError(ErrorKind::BadInput, "Engine address '" + std::string(text) + "' " + why +
                                                  ". Use unix:///path/to/socket, tcp://host:port or ssh://[user@]host.");
    };
    Endpoint ep;
    if (startsWith(text, "unix://") || startsWith(text, "/")) {
        ep.scheme = Endpoint::Scheme::Unix;
        ep.socketPath = std::string(startsWith(text, "unix://") ? text.substr(7) : text);
        if (ep.socketPath.empty() || ep.socketPath.front() != '/') {
            return bad("needs an absolute socket path");
        }
        if (ep.socketPath.size() > kMaxUnixPath) {
            return bad("has a socket path longer than 107 bytes, which no unix socket can have");
        }
        return ep;
    }
    if (startsWith(text, "tcp://") || startsWith(text, "http://") || startsWith(text, "https://")) {
        ep.scheme = Endpoint::Scheme::Tcp;
        ep.tls = startsWith(text, "https://");
        std::string_view rest = text.substr(text.find("://") + 3);
        if (auto slash = rest.find('/'); slash != std::string_view::npos) {
            if (rest.substr(slash) != "/") {
                return bad("has a path, which Berth does not support");
            }
            rest = rest.substr(0, slash);
        }
        std::string_view portText;
        if (startsWith(rest, "[")) {
            auto close = rest.find(']');
            if (close == std::string_view::npos) {
                return bad("has an unclosed [");
            }
            ep.host = std::string(rest.substr(1, close - 1));
            rest = rest.substr(close + 1);
            if (startsWith(rest, ":")) {
                portText = rest.substr(1);
            } else if (!rest.empty()) {
                return bad("has text after the address");
            }
        } else if (auto colon = rest.rfind(':'); colon != std::string_view::npos) {
            ep.host = std::string(rest.substr(0, colon));
            portText = rest.substr(colon + 1);
        } else {
            ep.host = std::string(rest);
        }
        if (ep.host.empty()) {
            return bad("has no host");
        }
        if (portText.empty()) {
            ep.port = ep.tls ? 2376 : 2375;
        } else {
            int port = 0;
            auto [p, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
            if (ec != std::errc() || p != portText.data() + portText.size() || port < 1 || port > 65535) {
                return bad("has a port that is not a number from 1 to 65535");
            }
            ep.port = port;
        }
        return ep;
    }
    if (startsWith(text, "ssh://")) {
        auto badSsh = [&](const std::string& why) {
            return makeError(ErrorKind::BadInput, "Engine address '" + std::string(text) + "' " + why +
                                                      ". Use ssh://[user@]host[:port][/path/to/remote.sock].");
        };
        ep.scheme = Endpoint::Scheme::Ssh;
        std::string_view rest = text.substr(6);
        std::string_view path;
        if (auto slash = rest.find('/'); slash != std::string_view::npos) {
            path = rest.substr(slash);
            rest = rest.substr(0, slash);
        }
        if (auto at = rest.rfind('@'); at != std::string_view::npos) {
            if (rest.substr(0, at).find(':') != std::string_view::npos) {
                // user:password@host: said without repeating the address, which holds the password.
                return makeError(ErrorKind::BadInput, "The ssh:// engine address has a password in it. Berth never "
                                                      "passes passwords to ssh: use your ssh keys (ssh-copy-id), and "
                                                      "give the address as ssh://user@host.");
            }
            ep.user = std::string(rest.substr(0, at));
            rest = rest.substr(at + 1);
            if (ep.user.empty()) {
                return badSsh("has an empty user name");
            }
        }
        std::string_view portText;
        if (startsWith(rest, "[")) {
            auto close = rest.find(']');
            if (close == std::string_view::npos) {
                return badSsh("has an unclosed [");
            }
            ep.host = std::string(rest.substr(1, close - 1));
            rest = rest.substr(close + 1);
            if (startsWith(rest, ":")) {
                portText = rest.substr(1);
            } else if (!rest.empty()) {
                return badSsh("has text after the address");
            }
        } else if (auto colon = rest.rfind(':'); colon != std::string_view::npos) {
            ep.host = std::string(rest.substr(0, colon));
            portText = rest.substr(colon + 1);
            if (portText.empty()) {
                return badSsh("has an empty port");
            }
        } else {
            ep.host = std::string(rest);
        }
        // Handed to ssh as arguments: nothing that ssh could read as an option or a second word.
        auto plain = [](const std::string& s, std::string_view extra) {
            return !s.empty() && s.front() != '-' && std::all_of(s.begin(), s.end(), [&](unsigned char c) {
                return std::isalnum(c) || extra.find(static_cast<char>(c)) != std::string_view::npos;
            });
        };
        if (!plain(ep.host, ".-_:%")) {
            return badSsh("has a host name ssh would not take (letters, digits, '.', '-', '_' only, not first '-')");
        }
        if (!ep.user.empty() && !plain(ep.user, ".-_")) {
            return badSsh("has a user name ssh would not take (letters, digits, '.', '-', '_' only, not first '-')");
        }
        if (!portText.empty()) {
            int port = 0;
            auto [p, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
            if (ec != std::errc() || p != portText.data() + portText.size() || port < 1 || port > 65535) {
                return badSsh("has a port that is not a number from 1 to 65535");
            }
            ep.port = port;
        }
        ep.socketPath = path.empty() || path == "/" ? std::string(kDefaultSocket) : std::string(path);
        if (ep.socketPath.size() > kMaxUnixPath ||
            std::any_of(ep.socketPath.begin(), ep.socketPath.end(),
                        [](unsigned char c) { return c <= ' ' || c == ':' || c == 0x7f; })) {
            return badSsh("has a remote socket path with spaces, colons or control characters, or over 107 bytes");
        }
        return ep;
    }
    if (startsWith(text, "npipe://")) {
        return makeError(ErrorKind::Unsupported, "Named pipes are not supported yet. In Docker Desktop, enable "
                                                 "'Expose daemon on tcp://localhost:2375' and use that address.");
    }
    return bad("has an unknown scheme");
}

EndpointEnvironment EndpointEnvironment::system()
{
    EndpointEnvironment env;
    env.getenv = [](const char* name) -> std::optional<std::string> {
        const char* v = std::getenv(name);
        if (!v) {
            return std::nullopt;
        }
        return std::string(v);
    };
    env.exists = [](const std::string& path) {
        std::error_code ec;
        return std::filesystem::exists(path, ec);
    };
    env.findProgram = [](const std::string& name) -> std::optional<std::string> {
        const char* path = std::getenv("PATH");
        std::string_view dirs = path && *path ? path : "/usr/local/bin:/usr/bin:/bin";
        while (!dirs.empty()) {
            const auto colon = dirs.find(':');
            const std::string dir(dirs.substr(0, colon));
            dirs = colon == std::string_view::npos ? std::string_view{} : dirs.substr(colon + 1);
            if (dir.empty()) {
                continue; // an empty entry means the current folder: not where an engine's program is looked for
            }
            const std::string candidate = dir + "/" + name;
            if (::access(candidate.c_str(), X_OK) == 0 && !std::filesystem::is_directory(candidate)) {
                return candidate;
            }
        }
        return std::nullopt;
    };
    return env;
}

Result<Endpoint> contextEndpoint(const std::string& name, const std::string& dockerConfigDir)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path metaRoot = fs::path(dockerConfigDir) / "contexts" / "meta";
    // The folder is named by the SHA-256 of the context's name; reading the names avoids needing one.
    for (const auto& entry : fs::directory_iterator(metaRoot, ec)) {
        std::ifstream in(entry.path() / "meta.json");
        if (!in) {
            continue;
        }
        std::stringstream text;
        text << in.rdbuf();
        auto meta = jread::parse(text.str());
        if (!meta || jread::str(*meta, "Name") != name) {
            continue;
        }
        const auto& docker = jread::path(*meta, {"Endpoints", "docker"});
        const std::string host = jread::str(docker, "Host");
        if (host.empty()) {
            return makeError(ErrorKind::BadInput, "The docker context '" + name + "' names no engine address.");
        }
        auto ep = parseEndpoint(host);
        if (!ep) {
            Error e = ep.error();
            e.message = "The docker context '" + name + "': " + e.message;
            return e;
        }
        const fs::path tls = fs::path(dockerConfigDir) / "contexts" / "tls" / entry.path().filename() / "docker";
        if (ep->scheme == Endpoint::Scheme::Tcp && fs::exists(tls / "ca.pem", ec)) {
            ep->tls = true;
            ep->tlsVerify = !jread::boolean(docker, "SkipTLSVerify");
            ep->caFile = (tls / "ca.pem").string();
            if (fs::exists(tls / "cert.pem", ec)) {
                ep->certFile = (tls / "cert.pem").string();
                ep->keyFile = (tls / "key.pem").string();
            }
            if (ep->port == 2375 && host.find(":2375") == std::string::npos) {
                ep->port = 2376;
            }
        }
        return ep;
    }
    return makeError(ErrorKind::NotFound, "There is no docker context named '" + name + "' in " + dockerConfigDir +
                                              ". List them with: docker context ls; or set DOCKER_HOST.");
}

Result<Endpoint> resolveEndpoint(const std::optional<std::string>& hostFlag, const EndpointEnvironment& env,
                                 const std::optional<std::string>& context)
{
    auto nonEmpty = [&](const char* name) -> std::optional<std::string> {
        auto v = env.getenv(name);
        if (v && !v->empty()) {
            return v;
        }
        return std::nullopt;
    };
    std::optional<std::string> text = hostFlag;
    if (!text) {
        text = nonEmpty("DOCKER_HOST");
    }
    if (text) {
        auto ep = parseEndpoint(*text);
        if (!ep) {
            return ep;
        }
        if (ep->scheme == Endpoint::Scheme::Tcp) {
            // docker CLI: DOCKER_TLS_VERIFY non-empty -> TLS with verification; DOCKER_CERT_PATH alone -> TLS
            // without verification.
            auto verify = nonEmpty("DOCKER_TLS_VERIFY");
            auto certPath = nonEmpty("DOCKER_CERT_PATH");
            if (verify || certPath) {
                ep->tls = true;
                ep->tlsVerify = verify.has_value();
                std::string dir = certPath ? *certPath : nonEmpty("HOME").value_or("") + "/.docker";
                ep->caFile = dir + "/ca.pem";
                ep->certFile = dir + "/cert.pem";
                ep->keyFile = dir + "/key.pem";
                if (ep->port == 2375 && !text->ends_with(":2375")) {
                    ep->port = 2376;
                }
            }
        }
        return ep;
    }
    // A docker context other than "default": --context, DOCKER_CONTEXT, then config.json's currentContext.
    const std::string config = nonEmpty("DOCKER_CONFIG").value_or(nonEmpty("HOME").value_or("") + "/.docker");
    std::optional<std::string> ctx = context;
    if (!ctx) {
        ctx = nonEmpty("DOCKER_CONTEXT");
    }
    if (!ctx) {
        std::ifstream in(config + "/config.json");
        std::stringstream configText;
        configText << in.rdbuf();
        if (auto j = jread::parse(configText.str())) {
            if (auto current = jread::str(*j, "currentContext"); !current.empty()) {
                ctx = current;
            }
        }
    }
    if (ctx && *ctx != "default") {
        return contextEndpoint(*ctx, config);
    }
    for (const auto& path : endpointCandidates(env)) {
        if (env.exists(path)) {
            return parseEndpoint(path);
        }
    }
    // Nothing listens. With Podman installed, point at the user's own service: once it is started (the window
    // offers to), Berth finds it there without being told.
    if (env.findProgram && env.findProgram("podman")) {
        return parseEndpoint(userPodmanSocket(env));
    }
    return parseEndpoint(kDefaultSocket);
}

std::vector<std::string> endpointCandidates(const EndpointEnvironment& env)
{
    std::vector<std::string> candidates{std::string(kDefaultSocket)};
    if (auto runtime = env.getenv("XDG_RUNTIME_DIR"); runtime && !runtime->empty()) {
        candidates.push_back(*runtime + "/podman/podman.sock");
        candidates.push_back(*runtime + "/docker.sock");
    }
    candidates.push_back("/run/podman/podman.sock");
    return candidates;
}

} // namespace berth::core
