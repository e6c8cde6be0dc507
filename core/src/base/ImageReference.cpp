// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/base/ImageReference.h"

#include "base/Text.h"
#include "berth/core/base/Escape.h"

#include <algorithm>

namespace berth::core {

namespace {
// distribution/reference's limits: RepositoryNameTotalLengthMax (the path, as docker normalises it) and the tag's.
constexpr std::size_t kMaxRepositoryLength = 255;
constexpr std::size_t kMaxTagLength = 128;
constexpr std::size_t kMaxShown = 120;
constexpr std::string_view kOfficialPrefix = "library/";

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isLowerAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || isDigit(c);
}

bool isAlnum(char c)
{
    return isLowerAlnum(c) || (c >= 'A' && c <= 'Z');
}

bool isLowerHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f');
}

bool isHex(char c)
{
    return isLowerHex(c) || (c >= 'A' && c <= 'F');
}

bool allOf(std::string_view s, bool (*pred)(char))
{
    return std::all_of(s.begin(), s.end(), pred);
}

/// Text for a message: visible, never obeyed, and not endless.
std::string shown(std::string_view text)
{
    return printable(text.substr(0, kMaxShown), false) + (text.size() > kMaxShown ? "..." : "");
}

Error refuse(std::string_view text, const std::string& why)
{
    return makeError(ErrorKind::BadInput, "'" + shown(text) + "' is not an image reference: " + why +
                                              ". Write it like python:3.12 or "
                                              "quay.io/jupyter/minimal-notebook:latest.");
}

/// path-component := [a-z0-9]+ (separator [a-z0-9]+)*, separator := "." | "_" | "__" | "-"+
bool validPathComponent(std::string_view c)
{
    if (c.empty() || !isLowerAlnum(c.front()) || !isLowerAlnum(c.back())) {
        return false;
    }
    for (std::size_t i = 0; i < c.size();) {
        if (isLowerAlnum(c[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (!isLowerAlnum(c[j])) { // ends before the last character, which is alphanumeric
            ++j;
        }
        const auto sep = c.substr(i, j - i);
        if (sep != "." && sep != "_" && sep != "__" && !allOf(sep, [](char s) { return s == '-'; })) {
            return false;
        }
        i = j;
    }
    return true;
}

/// domain-component := [a-zA-Z0-9] | [a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]
bool validDomainComponent(std::string_view c)
{
    return !c.empty() && isAlnum(c.front()) && isAlnum(c.back()) &&
           allOf(c, [](char ch) { return isAlnum(ch) || ch == '-'; });
}

/// host[:port], host := domain-name | "[" IPv6 "]" (hex digits and colons: no zone, no embedded IPv4).
bool validRegistry(std::string_view d)
{
    std::string_view port;
    if (d.starts_with('[')) {
        const auto close = d.find(']');
        if (close == std::string_view::npos || close == 1 ||
            !allOf(d.substr(1, close - 1), [](char c) { return isHex(c) || c == ':'; })) {
            return false;
        }
        port = d.substr(close + 1);
    } else {
        const auto colon = d.find(':');
        if (colon != std::string_view::npos) {
            port = d.substr(colon);
            d = d.substr(0, colon);
        }
        for (const auto& c : text::split(d, '.')) {
            if (!validDomainComponent(c)) {
                return false;
            }
        }
    }
    return port.empty() || (port.size() > 1 && port[0] == ':' && allOf(port.substr(1), isDigit));
}

/// tag := [\w][\w.-]{0,127}
bool validTag(std::string_view t)
{
    const auto word = [](char c) { return isAlnum(c) || c == '_'; };
    return !t.empty() && t.size() <= kMaxTagLength && word(t.front()) &&
           std::all_of(t.begin(), t.end(), [&](char c) { return word(c) || c == '.' || c == '-'; });
}

/// What an image id looks like: 64 hex digits, or "sha256:" and hex digits (which docker would read as an image
/// named "sha256"; no one means that).
bool looksLikeId(std::string_view text)
{
    if (text.size() == 64 && allOf(text, isLowerHex)) {
        return true;
    }
    return text.starts_with("sha256:") && text.size() > 7 && allOf(text.substr(7), isHex);
}

/// Docker's rule for the first of several components: a registry when it has a '.' or a ':', is "localhost", or
/// has an upper-case letter (repository paths cannot); otherwise it is part of a Docker Hub path.
bool namesRegistry(std::string_view first)
{
    return first.find_first_of(".:") != std::string_view::npos || first == "localhost" ||
           std::any_of(first.begin(), first.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}
} // namespace

Result<ImageReference> ImageReference::parse(std::string_view text)
{
    if (text.empty()) {
        return refuse(text, "it is empty");
    }
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f) {
            return refuse(text, "it contains a space or a control character");
        }
        if (u >= 0x80) {
            return refuse(text, "it contains a character that is not ASCII");
        }
    }
    if (looksLikeId(text)) {
        return refuse(text, "it is an image id, which names an image on one engine, not in a registry");
    }

    ImageReference ref;
    std::string_view rest = text;
    if (const auto at = rest.find('@'); at != std::string_view::npos) {
        const auto digest = rest.substr(at + 1);
        if (!isDigest(digest)) {
            return refuse(text, "its digest must be sha256: and 64 lower-case hex digits (or sha512: and 128)");
        }
        ref.digest = std::string(digest);
        rest = rest.substr(0, at);
    }
    if (const auto colon = rest.rfind(':'); colon != std::string_view::npos) {
        const auto slash = rest.rfind('/');
        if (slash == std::string_view::npos || colon > slash) {
            const auto tag = rest.substr(colon + 1);
            if (!validTag(tag)) {
                return refuse(text, "its tag must be 1 to 128 letters, digits, '_', '.' or '-', and not start "
                                    "with '.' or '-'");
            }
            ref.tag = std::string(tag);
            rest = rest.substr(0, colon);
        }
    }
    if (rest.empty()) {
        return refuse(text, "it has no name");
    }
    if (const auto slash = rest.find('/'); slash != std::string_view::npos && namesRegistry(rest.substr(0, slash))) {
        const auto registry = rest.substr(0, slash);
        if (!validRegistry(registry)) {
            return refuse(text, "its registry '" + shown(registry) + "' is not a host name or host:port");
        }
        ref.registry = std::string(registry);
        rest = rest.substr(slash + 1);
    }
    for (const auto& component : text::split(rest, '/')) {
        if (component.empty()) {
            return refuse(text, "its path has an empty component (a '/' at an end, or two together)");
        }
        if (!validPathComponent(component)) {
            if (validPathComponent(text::lower(component))) {
                return refuse(text, "its repository must be lower-case");
            }
            return refuse(text, "'" + shown(component) +
                                    "' is not a path component: lower-case letters and digits, separated by one "
                                    "'.', one or two '_', or '-'s");
        }
    }
    ref.repository = std::string(rest);
    // Docker counts the path as it normalises it: Hub's official images carry "library/".
    const bool official = ref.onDockerHub() && ref.repository.find('/') == std::string::npos;
    if (ref.repository.size() + (official ? kOfficialPrefix.size() : 0) > kMaxRepositoryLength) {
        return refuse(text, "its repository is longer than 255 characters");
    }
    return ref;
}

bool ImageReference::isDigest(std::string_view text)
{
    std::size_t hexDigits = 0;
    if (text.starts_with("sha256:")) {
        hexDigits = 64;
    } else if (text.starts_with("sha512:")) {
        hexDigits = 128;
    } else {
        return false;
    }
    const auto hex = text.substr(7);
    return hex.size() == hexDigits && allOf(hex, isLowerHex);
}

std::string ImageReference::name() const
{
    return registry.empty() ? repository : registry + "/" + repository;
}

std::string ImageReference::tagOrLatest() const
{
    return tag.empty() ? std::string("latest") : tag;
}

bool ImageReference::pinned() const
{
    return isDigest(digest);
}

std::string ImageReference::shortName() const
{
    const auto slash = repository.rfind('/');
    return slash == std::string::npos ? repository : repository.substr(slash + 1);
}

std::string ImageReference::toString() const
{
    std::string out = name();
    if (!tag.empty()) {
        out += ":" + tag;
    }
    if (!digest.empty()) {
        out += "@" + digest;
    }
    return out;
}

bool ImageReference::onDockerHub() const
{
    const std::string r = text::lower(registry);
    return r.empty() || r == "docker.io" || r == "index.docker.io" || r == "registry-1.docker.io";
}

std::string ImageReference::familiarRepository() const
{
    // Only a single component after "library/": docker keeps "library/a/b" whole (distribution/reference).
    if (onDockerHub() && repository.starts_with(kOfficialPrefix) &&
        repository.find('/', kOfficialPrefix.size()) == std::string::npos) {
        return repository.substr(kOfficialPrefix.size());
    }
    return repository;
}

std::string ImageReference::familiar() const
{
    if (!onDockerHub()) {
        return toString();
    }
    ImageReference shown = *this;
    shown.registry.clear();
    shown.repository = familiarRepository();
    // Unless the short form would read as another image: "docker.io/foo.com/x" is not "foo.com/x".
    const auto text = shown.toString();
    const auto again = parse(text);
    return again && again->onDockerHub() && again->familiarRepository() == shown.repository ? text : toString();
}

std::pair<std::string, std::string> ImageReference::repositoryAndTag(const std::string& repoTag)
{
    if (const auto ref = parse(repoTag)) {
        return {ref->name(), ref->tag.empty() ? "<none>" : ref->tag};
    }
    // An untagged image ("<none>:<none>" from older engines), or text no reference reads: shown whole.
    return {repoTag == "<none>:<none>" ? "<none>" : repoTag, "<none>"};
}

} // namespace berth::core
