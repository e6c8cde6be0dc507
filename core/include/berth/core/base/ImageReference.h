// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/base/Result.h"

#include <string>
#include <string_view>

namespace berth::core {

/// An image reference, `[registry/]repository[:tag][@digest]`, read by docker's grammar (distribution/reference).
/// The fields keep what was written, so that the engine is sent the name a person chose and toString() gives the
/// text back; onDockerHub() and familiar() give docker's normalised view ("docker.io/library/python" is "python").
struct ImageReference
{
    std::string registry;   ///< host[:port] as written ("quay.io", "localhost:5000", "docker.io"); "" when none is
    std::string repository; ///< the path as written, lower-case ("jupyter/base-notebook", "library/python")
    std::string tag;        ///< "" when none is written
    std::string digest;     ///< "sha256:" and 64 lower-case hex digits ("sha512:" and 128); "" when none is written

    /// Strict: a name docker would pull (lower-case path components, a tag of at most 128 word characters, a
    /// sha256 or sha512 digest in lower-case hex). An image id ("sha256:<hex>", 64 hex digits) is refused: it
    /// names an image on one engine, not in a registry. The BadInput message shows how to write one.
    static Result<ImageReference> parse(std::string_view text);
    /// A RepoTags entry as a list's REPOSITORY and TAG ("localhost:5000/x:1" -> "localhost:5000/x", "1");
    /// "<none>" for what is missing; text no reference reads is shown whole.
    static std::pair<std::string, std::string> repositoryAndTag(const std::string& repoTag);
    /// "sha256:" and 64 lower-case hex digits, or "sha512:" and 128: what a registry answers for a manifest.
    static bool isDigest(std::string_view text);

    /// registry/repository as written ("docker.io/" is not added, "library/" not dropped).
    std::string name() const;
    /// The tag, or "latest", which is what docker pulls when none is written.
    std::string tagOrLatest() const;
    /// Pinned to one manifest by a valid digest: what is pulled cannot change under the name.
    bool pinned() const;
    /// The last path component ("notebook" for "quay.io/lab/notebook:6"): already a valid container name.
    std::string shortName() const;
    /// name[:tag][@digest]; parse(toString()) gives this reference back.
    std::string toString() const;

    /// No registry written, or Docker Hub's ("docker.io", "index.docker.io", "registry-1.docker.io", any case).
    bool onDockerHub() const;
    /// The repository as the docker CLI shows it: on Docker Hub, an official image's "library/" dropped.
    std::string familiarRepository() const;
    /// The reference as the docker CLI shows it: "python:3.12" for "docker.io/library/python:3.12"; kept whole
    /// where the short form would read as another image ("docker.io/foo.com/x").
    std::string familiar() const;

    bool operator==(const ImageReference&) const = default;
};

} // namespace berth::core
