// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// libcurl, loaded when first needed rather than by the program loader at every start. libcurl brings about
// 25 libraries (TLS, Kerberos, LDAP, SSH, IDN); mapping and relocating them took about 15 ms before a window's
// main() even ran. The desktop app starts loading them on a thread of its own while its window is built
// (preloadHttpLibrary); berthctl loads them with its first request.

#include "berth/core/base/Result.h"

#include <curl/curl.h>

#include <cstdint>
#include <type_traits>

namespace berth::core::curl {

/// The libcurl functions Berth calls, resolved from the loaded library.
struct Api
{
    CURL* (*easyInit)();
    void (*easyCleanup)(CURL*);
    void (*easyReset)(CURL*);
    CURLcode (*easySetopt)(CURL*, CURLoption, ...);
    CURLcode (*easyPerform)(CURL*);
    CURLcode (*easyGetinfo)(CURL*, CURLINFO, ...);
    const char* (*easyStrerror)(CURLcode);
    curl_slist* (*slistAppend)(curl_slist*, const char*);
    void (*slistFreeAll)(curl_slist*);
    CURLcode (*globalInit)(long);
    void (*globalCleanup)();

    /// curl_easy_setopt through the pointer, with the check curl.h's macro would have made: an option's value is a
    /// long, a curl_off_t, a pointer (data, a string, a callback) or nullptr. An int passed where libcurl reads a
    /// long is the classic mistake, and is refused here at compile time.
    template <typename T> CURLcode setopt(CURL* handle, CURLoption option, T value) const
    {
        static_assert(std::is_same_v<T, long> || std::is_same_v<T, curl_off_t> || std::is_pointer_v<T> ||
                          std::is_null_pointer_v<T>,
                      "a libcurl option takes a long, a curl_off_t or a pointer");
        return easySetopt(handle, option, value);
    }
};

/// The loaded library, curl_global_init done; from any thread, loading it on the first call (the others wait).
/// An Io error that says what to install when libcurl cannot be loaded.
Result<const Api*> api();

} // namespace berth::core::curl
