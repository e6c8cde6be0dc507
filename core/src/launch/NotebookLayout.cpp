// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/launch/NotebookLayout.h"

#include <algorithm>
#include <sstream>
#include <vector>

namespace berth::core {

namespace {
std::vector<std::string> words(const ImageDetails& image)
{
    std::vector<std::string> out;
    auto add = [&](const std::vector<std::string>& list) {
        for (const auto& arg : list) {
            std::istringstream in(arg); // "bash -c 'jupyter notebook --notebook-dir=/tf ...'" counts too
            std::string w;
            while (in >> w) {
                while (!w.empty() && (w.back() == '"' || w.back() == '\'' || w.back() == ';')) {
                    w.pop_back();
                }
                out.push_back(w);
            }
        }
    };
    add(image.entrypoint);
    add(image.cmd);
    return out;
}

std::string optionValue(const std::vector<std::string>& w, const std::vector<std::string>& names)
{
    for (std::size_t i = 0; i < w.size(); ++i) {
        for (const auto& n : names) {
            if (w[i].starts_with(n + "=")) {
                return w[i].substr(n.size() + 1);
            }
            if (w[i] == n && i + 1 < w.size()) {
                return w[i + 1];
            }
        }
    }
    return {};
}

bool isHome(const std::string& dir)
{
    if (dir == "/root") {
        return true;
    }
    if (!dir.starts_with("/home/")) {
        return false;
    }
    return dir.find('/', 6) == std::string::npos;
}
} // namespace

NotebookLayout notebookLayout(const ImageDetails& image)
{
    NotebookLayout l;
    if (auto p = image.envValue("JUPYTER_PORT"); p && !p->empty()) {
        l.port = *p + "/tcp";
    } else if (!image.exposedPorts.empty() &&
               std::find(image.exposedPorts.begin(), image.exposedPorts.end(), "8888/tcp") == image.exposedPorts.end()) {
        l.port = image.exposedPorts.front();
    }
    const auto w = words(image);
    std::string user = image.user.substr(0, image.user.find(':'));
    const auto nbUser = image.envValue("NB_USER");
    l.root = optionValue(w, {"--notebook-dir", "--NotebookApp.notebook_dir", "--ServerApp.root_dir",
                             "--ServerApp.notebook_dir"});
    if (nbUser || user == "jovyan") {
        l.shape = "docker-stacks";
        if (l.root.empty()) {
            l.root = "/home/" + (nbUser && !nbUser->empty() ? *nbUser : std::string("jovyan"));
        }
    } else if (l.root == "/tf" || image.workingDir == "/tf") {
        l.shape = "tensorflow";
    } else {
        l.shape = "generic";
    }
    if (l.root.empty()) {
        l.root = !image.workingDir.empty() && image.workingDir != "/"
                     ? image.workingDir
                     : (user.empty() || user == "root" || user == "0" ? std::string("/root") : "/home/" + user);
    }
    while (l.root.size() > 1 && l.root.back() == '/') {
        l.root.pop_back();
    }
    l.workspaceTarget = isHome(l.root) ? l.root + "/work" : l.root;
    return l;
}

} // namespace berth::core
