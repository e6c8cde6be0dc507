// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/launch/KernelStart.h"

#include "base/JsonAccess.h"
#include "berth/core/engine/CurlTransport.h"
#include "berth/core/engine/EngineClient.h"
#include "berth/core/launch/OpenFile.h"

#include <nlohmann/json.hpp>

namespace berth::core {

Result<std::string> startNotebookSession(const EnvironmentInfo& env, const std::string& path,
                                         const JupyterConnector& connect)
{
    const std::string treePath = normalTreePath(path); // as the page's address has it
    if (treePath.size() < 7 || treePath.compare(treePath.size() - 6, 6, ".ipynb") != 0 || env.hostPort <= 0) {
        return std::string();
    }
    std::shared_ptr<Transport> http;
    if (connect) {
        http = connect("127.0.0.1", env.hostPort);
    } else {
        Endpoint ep;
        ep.scheme = Endpoint::Scheme::Tcp;
        ep.host = "127.0.0.1";
        ep.port = env.hostPort;
        http = std::make_shared<CurlTransport>(ep, std::chrono::milliseconds(1000));
    }
    const std::vector<std::pair<std::string, std::string>> auth = {{"Authorization", "token " + env.token},
                                                                   {"Content-Type", "application/json"}};
    // The kernel the notebook asks for, from its own metadata.
    HttpRequest get;
    get.target = "/api/contents/" + encodeTreePath(treePath) + "?type=notebook&content=1";
    get.headers = auth;
    // Short deadlines: the page waits for this (a kernel that cannot start is the page's to report).
    get.timeout = std::chrono::seconds(3);
    get.headerTimeout = std::chrono::seconds(3);
    auto nb = http->send(get);
    if (!nb) {
        return nb.error();
    }
    if (nb->status != 200) {
        return makeError(ErrorKind::NotFound, "Jupyter has no notebook " + treePath + " (HTTP " +
                                              std::to_string(nb->status) + ")");
    }
    const auto doc = nlohmann::json::parse(nb->body, nullptr, false);
    const std::string kernel =
        jread::str(jread::path(doc, {"content", "metadata", "kernelspec"}), "name");
    nlohmann::json body = {{"path", treePath}, {"type", "notebook"}, {"name", ""}};
    if (!kernel.empty()) {
        body["kernel"] = {{"name", kernel}};
    }
    HttpRequest post;
    post.method = "POST";
    post.target = "/api/sessions";
    post.headers = auth;
    post.body = body.dump();
    post.timeout = std::chrono::seconds(5); // Jupyter answers once the kernel's process is started, not booted
    post.headerTimeout = std::chrono::seconds(5);
    auto session = http->send(post);
    if (!session) {
        return session.error();
    }
    if (session->status != 201 && session->status != 200) {
        return makeError(ErrorKind::Engine, "Jupyter did not start a kernel for " + treePath + " (HTTP " +
                                            std::to_string(session->status) + ")");
    }
    const auto s = nlohmann::json::parse(session->body, nullptr, false);
    return jread::str(jread::path(s, {"kernel"}), "id");
}

} // namespace berth::core
