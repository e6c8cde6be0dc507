// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/profile/Pinning.h"

#include "berth/core/base/ImageReference.h"
#include "berth/core/engine/EngineClient.h"
#include "berth/core/profile/Jsonc.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace berth::core {

namespace {

bool sameRepository(const ImageReference& a, const ImageReference& b)
{
    if (a.onDockerHub() && b.onDockerHub()) {
        return a.familiarRepository() == b.familiarRepository();
    }
    return a.registry == b.registry && a.repository == b.repository;
}

/// The registry digest of `image` for ref's repository, or "".
std::string registryDigest(const ImageDetails& image, const ImageReference& ref)
{
    for (const auto& entry : image.repoDigests) {
        auto parsed = ImageReference::parse(entry);
        if (parsed && !parsed->digest.empty() && sameRepository(*parsed, ref)) {
            return parsed->digest;
        }
    }
    return {};
}

/// name:tag as written (no digest), which is what a person pulls and a list shows.
std::string unpinned(const ImageReference& ref)
{
    return ref.name() + ":" + ref.tagOrLatest();
}

Result<std::string> readWhole(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return makeError(ErrorKind::Io, path + ": cannot be read (" + std::strerror(errno) + ")");
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// Replaces `path` with `text` at once: a temporary file beside it, synced, then renamed over it, with its mode.
Result<void> replaceFile(const std::string& path, const std::string& text)
{
    char real[PATH_MAX];
    if (!::realpath(path.c_str(), real)) {
        return makeError(ErrorKind::Io, path + ": " + std::strerror(errno));
    }
    struct stat st{};
    if (::stat(real, &st) != 0) {
        return makeError(ErrorKind::Io, path + ": " + std::strerror(errno));
    }
    std::string temp = std::string(real) + ".berth-pin-XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) {
        return makeError(ErrorKind::Io, "Cannot write beside " + path + ": " + std::strerror(errno));
    }
    bool ok = ::fchmod(fd, st.st_mode & 07777) == 0;
    std::size_t done = 0;
    while (ok && done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        ok = n > 0;
        done += n > 0 ? static_cast<std::size_t>(n) : 0;
    }
    ok = ok && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!ok || ::rename(temp.c_str(), real) != 0) {
        const int err = ok ? errno : saved;
        ::unlink(temp.c_str());
        return makeError(ErrorKind::Io, "Cannot write " + path + ": " + std::strerror(err) + "; it is unchanged.");
    }
    return {};
}

} // namespace

Result<std::string> localPinDigest(EngineClient& engine, const std::string& reference)
{
    auto ref = ImageReference::parse(reference);
    if (!ref) {
        return ref.error();
    }
    auto image = engine.inspectImage(unpinned(*ref));
    if (!image) {
        if (image.error().kind == ErrorKind::NotFound) {
            Error e = makeError(ErrorKind::NotFound, unpinned(*ref) + " is not on the engine, so there is nothing to "
                                                                      "pin it to. Pull it first.");
            return e.with(RemedyKind::PullImage, {unpinned(*ref)});
        }
        return image.error();
    }
    const std::string digest = registryDigest(*image, *ref);
    return digest.empty() ? image->id : digest;
}

Result<std::string> resolvePinnedImage(EngineClient& engine, const std::string& reference)
{
    auto ref = ImageReference::parse(reference);
    if (!ref) {
        return ref.error();
    }
    if (!ref->pinned()) {
        return reference;
    }
    const std::string byDigest = ref->name() + "@" + ref->digest;
    if (ref->tag.empty()) {
        return byDigest;
    }
    auto image = engine.inspectImage(unpinned(*ref));
    if (!image) {
        if (image.error().kind != ErrorKind::NotFound) {
            return image.error();
        }
        return byDigest; // not here under its name: the engine finds it by digest, or pulls exactly that
    }
    const std::string local = registryDigest(*image, *ref);
    if (local == ref->digest || image->id == ref->digest) {
        return unpinned(*ref);
    }
    Error e = makeError(ErrorKind::Conflict,
                        "The profile pins " + unpinned(*ref) + " to " + ref->digest + ", but the " + unpinned(*ref) +
                            " on this engine is " + (local.empty() ? image->id : local + " (image ID " + image->id + ")") +
                            ": another image under the same name. Berth runs only the pinned one: import the class's "
                            "bundle, or pull the pinned one.");
    return std::move(e.with(RemedyKind::PullImage, {byDigest}).with(RemedyKind::PinProfileAgain));
}

Result<std::string> replaceString(std::string_view text, const std::string& pointer, const std::string& value)
{
    auto doc = parseJsonc(text);
    if (!doc) {
        return doc.error();
    }
    auto it = doc->spans.find(pointer);
    if (it == doc->spans.end() || !doc->value.contains(nlohmann::json::json_pointer(pointer)) ||
        !doc->value[nlohmann::json::json_pointer(pointer)].is_string()) {
        return makeError(ErrorKind::BadInput, "no string at " + pointer);
    }
    std::string out(text.substr(0, it->second.begin));
    out += nlohmann::json(value).dump();
    out += text.substr(it->second.end);
    return out;
}

Result<std::vector<PinChange>> pinProfile(EngineClient& engine, const Profile& profile, bool write)
{
    std::vector<PinChange> changes;
    std::set<std::pair<std::string, std::string>> seen; // (file, pointer): environments may share one image
    std::string missing;
    for (const auto& env : profile.environments) {
        if (env.imagePointer.empty() || !seen.insert({env.file, env.imagePointer}).second) {
            continue;
        }
        auto ref = ImageReference::parse(env.choices.image);
        if (!ref) {
            return ref.error();
        }
        auto digest = localPinDigest(engine, unpinned(*ref));
        if (!digest) {
            if (digest.error().kind != ErrorKind::NotFound) {
                return digest.error();
            }
            missing += "\n  - " + unpinned(*ref) + " (environment " + env.id + ")";
            continue;
        }
        ImageReference pinned = *ref;
        pinned.digest = *digest;
        if (pinned.tag.empty()) {
            pinned.tag = "latest"; // written out, so a reader sees which tag it was
        }
        changes.push_back({env.file, env.id, env.choices.image, pinned.toString()});
    }
    if (!missing.empty()) {
        Error e = makeError(ErrorKind::NotFound, "Nothing was pinned: these images are not on the engine:" + missing +
                                                     "\nPull them, then pin again.");
        return e;
    }
    if (!write) {
        return changes;
    }
    std::map<std::string, std::string> texts;
    for (const auto& c : changes) {
        if (!texts.count(c.file)) {
            auto text = readWhole(c.file);
            if (!text) {
                return text.error();
            }
            texts[c.file] = *text;
        }
    }
    // Each file's new text is made and read back as a profile before any file is written: all or nothing.
    for (const auto& env : profile.environments) {
        for (const auto& c : changes) {
            if (c.file == env.file && c.environment == env.id) {
                auto next = replaceString(texts[c.file], env.imagePointer, c.after);
                if (!next) {
                    return makeError(ErrorKind::BadInput, c.file + " changed while it was pinned; nothing was written.");
                }
                texts[c.file] = *next;
            }
        }
    }
    for (const auto& [file, text] : texts) {
        if (auto check = parseJsonc(text); !check) {
            return makeError(ErrorKind::BadInput, file + ": pinning would break it (" + check.error().message +
                                                      "); nothing was written.");
        }
    }
    for (const auto& [file, text] : texts) {
        if (auto r = replaceFile(file, text); !r) {
            return r.error();
        }
    }
    return changes;
}

} // namespace berth::core
