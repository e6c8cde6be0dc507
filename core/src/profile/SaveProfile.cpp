// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/profile/SaveProfile.h"

#include "base/JsonAccess.h"
#include "berth/core/base/ImageReference.h"
#include "berth/core/engine/EngineClient.h"
#include "berth/core/launch/Environment.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

namespace berth::core {

using nlohmann::json;

namespace {
/// A name usable as a profile environment's: lower case, [a-z0-9_.-], starting with a letter or digit.
std::string environmentName(const std::string& name)
{
    std::string out;
    for (const char c : name) {
        const unsigned char u = static_cast<unsigned char>(c);
        out += std::isalnum(u) || c == '_' || c == '.' || c == '-' ? static_cast<char>(std::tolower(u)) : '-';
    }
    while (!out.empty() && !std::isalnum(static_cast<unsigned char>(out.front()))) {
        out.erase(out.begin());
    }
    return out.empty() ? std::string("notebook") : out.substr(0, 64);
}
/// "4g", "768m", else bytes: as a person writes a cap.
std::string sizeText(std::int64_t bytes)
{
    constexpr std::int64_t kMiB = 1024 * 1024;
    if (bytes % (1024 * kMiB) == 0) {
        return std::to_string(bytes / (1024 * kMiB)) + "g";
    }
    if (bytes % kMiB == 0) {
        return std::to_string(bytes / kMiB) + "m";
    }
    return std::to_string(bytes);
}
} // namespace

Result<std::string> profileForEnvironment(EngineClient& engine, const std::string& nameOrId)
{
    auto d = engine.inspectContainer(nameOrId);
    if (!d) {
        return d.error();
    }
    if (!d->labels.count(labels::kEnvironment)) {
        return makeError(ErrorKind::BadInput, d->name + " was not launched by Berth; only an environment can be "
                                                        "saved as a profile.");
    }
    // The image by digest: the one this container runs, whatever its name points at now.
    auto written = ImageReference::parse(d->configImage);
    auto image = engine.inspectImage(d->image);
    if (!image) {
        return image.error();
    }
    std::string pinned;
    if (written) {
        ImageReference ref = *written;
        ref.digest.clear();
        std::string digest = image->id;
        for (const auto& entry : image->repoDigests) {
            auto parsed = ImageReference::parse(entry);
            if (parsed && parsed->name() == ref.name() && !parsed->digest.empty()) {
                digest = parsed->digest;
            }
        }
        if (ref.tag.empty()) {
            ref.tag = "latest";
        }
        ref.digest = digest;
        pinned = ref.toString();
    } else {
        return makeError(ErrorKind::BadInput, d->name + " runs an image without a name (" + d->image +
                                                  "); tag it, then launch it again to save it as a profile.");
    }
    // Its own variables: not the image's, never the token.
    std::set<std::string> fromImage(image->env.begin(), image->env.end());
    json env = json::object();
    for (const auto& e : d->env) {
        const auto eq = e.find('=');
        const std::string key = e.substr(0, eq);
        if (eq == std::string::npos || fromImage.count(e) || key.starts_with("JUPYTER_TOKEN") ||
            key == "JUPYTER_PASSWORD") {
            continue;
        }
        env[key] = e.substr(eq + 1);
    }
    const std::string workspace = d->labels.count(labels::kWorkspace) ? d->labels.at(labels::kWorkspace) : "";
    json mounts = json::array();
    if (const auto* ms = jread::member(d->raw, "Mounts"); ms && ms->is_array()) {
        for (const auto& m : *ms) {
            const std::string source = jread::str(m, "Source");
            if (jread::str(m, "Type") != "bind" || source == workspace) {
                continue;
            }
            const bool readOnly = jread::member(m, "RW") && !jread::boolean(m, "RW");
            mounts.push_back("source=" + source + ",target=" + jread::str(m, "Destination") + ",type=bind" +
                             (readOnly ? ",readonly" : ""));
        }
    }
    const json& host = jread::path(d->raw, {"HostConfig"});
    json caps = json::object();
    if (const auto memory = jread::i64(host, "Memory"); memory > 0) {
        caps["memory"] = sizeText(memory);
    }
    if (const auto cpus = jread::i64(host, "NanoCpus"); cpus > 0) {
        caps["cpus"] = json(static_cast<double>(cpus) / 1e9).dump();
    }
    if (const auto shm = jread::i64(host, "ShmSize"); shm > 0) {
        caps["shmSize"] = sizeText(shm);
    }
    if (auto g = d->labels.find(labels::kGpus); g != d->labels.end() && !g->second.empty()) {
        caps["gpus"] = g->second;
    }
    const std::string name = environmentName(d->name);
    json profile = {{"name", d->name}, {"image", pinned}};
    if (!env.empty()) {
        profile["containerEnv"] = env;
    }
    json berth = {{"title", d->name},
                  {"environments", json::array({{{"name", name},
                                                 {"description", "Saved from " + d->name + ", pinned"},
                                                 {"caps", caps}}})}};
    if (!mounts.empty()) {
        profile["mounts"] = mounts;
    }
    profile["customizations"] = {{"berth", berth}};
    std::string text = "// Saved by Berth from the environment " + d->name +
                       ". It opens in Berth, VS Code and the devcontainer CLI alike;\n"
                       "// its image is pinned by digest.";
    if (!mounts.empty()) {
        text += " Its mounts name folders of the computer it was saved on.";
    }
    return text + "\n" + profile.dump(4) + "\n";
}

Result<void> writeNewProfile(const std::string& path, const std::string& text)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
        return makeError(errno == EEXIST ? ErrorKind::Conflict : ErrorKind::Io,
                         path + ": " + (errno == EEXIST ? std::string("already exists; nothing was replaced")
                                                        : std::string(std::strerror(errno))));
    }
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            const int err = errno;
            ::close(fd);
            ::unlink(path.c_str());
            return makeError(ErrorKind::Io, path + ": " + std::strerror(err));
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) {
        return makeError(ErrorKind::Io, path + ": " + std::strerror(errno));
    }
    return {};
}

} // namespace berth::core
