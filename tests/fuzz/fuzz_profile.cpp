// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// libFuzzer target for classroom profiles, which come from somebody else: the JSON-with-comments reader, the
// devcontainer.json and customizations.berth reader, the launch choices it makes, the consents, and the in-place
// edit `profile pin` makes. Checks each one's promise and traps when it breaks. Seeds: the example profiles and
// the corpus of bad ones (tests/data/profiles/bad).
#include "berth/core/launch/LaunchSpec.h"
#include "berth/core/profile/Jsonc.h"
#include "berth/core/profile/Pinning.h"
#include "berth/core/profile/Profile.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace berth::core;

namespace {
void check(bool ok)
{
    if (!ok) {
        __builtin_trap();
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto doc = parseJsonc(text);
    if (doc) {
        // Every place kept lies inside the text, and a value's bytes are where it says.
        for (const auto& [pointer, span] : doc->spans) {
            check(span.begin <= span.end && span.end <= doc->text.size());
            check(span.keyBegin == std::string::npos || span.keyBegin < span.begin);
            const TextPosition p = doc->positionOf(pointer);
            check(p.line >= 1 && p.column >= 1);
        }
        // What it read is valid UTF-8: dumping it does not throw.
        (void)doc->value.dump();
    } else {
        check(!doc.error().message.empty());
    }

    const EnvironmentLookup env = [](const std::string& name) -> std::optional<std::string> {
        return name == "X" ? std::optional<std::string>("x") : std::nullopt;
    };
    auto profile = parseProfile(text, "/nonexistent-berth-fuzz/p.json", "/nonexistent-berth-fuzz", env);
    if (!profile) {
        check(profile.error().kind == ErrorKind::BadInput && !profile.error().message.empty());
        return 0;
    }
    check(!profile->environments.empty());
    for (const auto& e : profile->environments) {
        check(!e.id.empty() && checkName(e.id).ok());
        check(!e.choices.image.empty());
        // Nothing is granted without its name, and the names granted give exactly what was asked.
        auto none = grantConsents(e, {});
        check(e.consents.empty() == none.ok());
        std::vector<std::string> all;
        for (const auto& c : e.consents) {
            all.push_back(c.allowName());
        }
        auto granted = grantConsents(e, all);
        check(granted.ok());
        check(e.consents.empty() == granted->empty());
        // A profile that reads makes a spec (its folders are judged again at launch).
        (void)profileLaunchSpec(e, {}, all);
        // Pinning edits only the image string: the text still reads, with the new image.
        if (!e.imagePointer.empty()) {
            auto edited = replaceString(text, e.imagePointer, "python:3.12@sha256:" + std::string(64, 'a'));
            check(edited.ok());
            auto again = parseJsonc(*edited);
            check(again.ok());
        }
    }
    return 0;
}
