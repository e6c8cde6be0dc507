// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/base/Result.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::core {

/// Where an engine listens and how to talk to it.
struct Endpoint
{
    enum class Scheme
    {
        Unix,
        Tcp,
        Ssh, ///< another machine's engine socket, through the system's ssh (SshTransport)
    };
    Scheme scheme = Scheme::Unix;
    std::string socketPath; ///< Unix: the socket; Ssh: the engine's socket on the remote host
    std::string host;       ///< Tcp and Ssh
    int port = 0;           ///< Tcp; Ssh: 0 leaves it to ssh (its config, else 22)
    std::string user;       ///< Ssh only; empty leaves it to ssh
    bool tls = false;
    bool tlsVerify = false;
    std::string caFile, certFile, keyFile;

    /// As a person would write it: unix:///var/run/docker.sock, tcp://host:2376, ssh://me@lab:2222.
    std::string display() const;
    /// The URL prefix requests go to (the host part is ignored on a unix socket).
    std::string baseUrl() const;
    /// On this machine by its address: a unix socket, or TCP to a loopback address (127.0.0.0/8, ::1,
    /// localhost). Necessary for Jupyter's published port to be ours, not enough (Launcher::engineRunsHere).
    bool isLocal() const;
};

/// The one answer to "is this engine address on this machine?" (Endpoint::isLocal of the parsed address;
/// false when it does not parse).
bool isLocalAddress(std::string_view endpoint);

/// Parses unix:///path, tcp://host[:port], ssh://[user@]host[:port][/remote/socket] (the remote socket defaults to
/// /var/run/docker.sock, as the docker CLI's; Podman's connections name theirs), or a bare absolute socket path.
Result<Endpoint> parseEndpoint(std::string_view text);

/// What endpoint resolution may look at; tests give their own.
struct EndpointEnvironment
{
    std::function<std::optional<std::string>(const char*)> getenv;
    std::function<bool(const std::string&)> exists;
    /// A program's path when it is on PATH (podman, dockerd); may be left empty (then none is).
    std::function<std::optional<std::string>(const std::string&)> findProgram;

    /// The process environment and file system.
    static EndpointEnvironment system();
};

/// The docker CLI's rules: an explicit --host wins, then DOCKER_HOST (with DOCKER_TLS_VERIFY and
/// DOCKER_CERT_PATH), then a docker context (`context`, else DOCKER_CONTEXT, else currentContext in
/// $DOCKER_CONFIG/config.json, default ~/.docker), then the first socket that exists of Docker's and
/// Podman's usual places (endpointCandidates), else the user's Podman socket when Podman is installed (where the
/// service Berth offers to start will listen), else Docker's default socket.
Result<Endpoint> resolveEndpoint(const std::optional<std::string>& hostFlag, const EndpointEnvironment& env,
                                 const std::optional<std::string>& context = std::nullopt);

/// The sockets looked for when nothing names an engine, in order: Docker's, the user's Podman and Docker,
/// root's Podman.
std::vector<std::string> endpointCandidates(const EndpointEnvironment& env);

/// A docker context's endpoint, from $DOCKER_CONFIG/contexts/meta/*/meta.json and its TLS files.
Result<Endpoint> contextEndpoint(const std::string& name, const std::string& dockerConfigDir);

} // namespace berth::core
