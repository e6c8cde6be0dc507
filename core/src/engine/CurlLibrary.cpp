// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "engine/CurlLibrary.h"

#include "berth/core/engine/CurlTransport.h"

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <dlfcn.h>
#if defined(__linux__)
#include <sys/resource.h>
#endif

namespace berth::core {
namespace curl {
namespace {

struct Loaded
{
    Api api{};
    std::optional<Error> error;
};

std::once_flag g_once;
Loaded g_loaded;
std::atomic<bool> g_preloading{false};
std::atomic<bool> g_unloaded{false};

#if defined(__APPLE__)
constexpr const char* kNames[] = {"libcurl.4.dylib", "libcurl.dylib"};
#else
constexpr const char* kNames[] = {"libcurl.so.4", "libcurl.so"};
#endif

template <typename F> bool resolve(void* library, const char* name, F& into, std::string& missing)
{
    into = reinterpret_cast<F>(::dlsym(library, name));
    if (!into) {
        missing += missing.empty() ? name : std::string(", ") + name;
    }
    return into != nullptr;
}

void load()
{
    void* library = nullptr;
    std::string why;
    for (const char* name : kNames) {
        library = ::dlopen(name, RTLD_NOW | RTLD_LOCAL);
        if (library) {
            break;
        }
        if (why.empty()) {
            if (const char* e = ::dlerror()) {
                why = e;
            }
        }
    }
    if (!library) {
        g_loaded.error = makeError(ErrorKind::Io,
                                   "Berth talks to the engine through libcurl, which could not be loaded (" + why +
                                       "). Install it: sudo apt install libcurl4 (Fedora: sudo dnf install libcurl).");
        return;
    }
    Api& a = g_loaded.api;
    std::string missing;
    resolve(library, "curl_easy_init", a.easyInit, missing);
    resolve(library, "curl_easy_cleanup", a.easyCleanup, missing);
    resolve(library, "curl_easy_reset", a.easyReset, missing);
    resolve(library, "curl_easy_setopt", a.easySetopt, missing);
    resolve(library, "curl_easy_perform", a.easyPerform, missing);
    resolve(library, "curl_easy_getinfo", a.easyGetinfo, missing);
    resolve(library, "curl_easy_strerror", a.easyStrerror, missing);
    resolve(library, "curl_slist_append", a.slistAppend, missing);
    resolve(library, "curl_slist_free_all", a.slistFreeAll, missing);
    resolve(library, "curl_global_init", a.globalInit, missing);
    resolve(library, "curl_global_cleanup", a.globalCleanup, missing);
    if (!missing.empty()) {
        g_loaded.error = makeError(ErrorKind::Io, "The libcurl found lacks " + missing +
                                                      ": it is not the libcurl Berth was built for. Reinstall "
                                                      "libcurl4 (7.85 or newer).");
        return;
    }
    if (const CURLcode rc = a.globalInit(CURL_GLOBAL_DEFAULT); rc != CURLE_OK) {
        g_loaded.error = makeError(ErrorKind::Io, std::string("libcurl could not start (curl_global_init: ") +
                                                      a.easyStrerror(rc) + ").");
        return;
    }
    // The library stays loaded: pooled handles and TLS state live in it until the process ends.
}

} // namespace

Result<const Api*> api()
{
    std::call_once(g_once, load);
    if (g_loaded.error) {
        return *g_loaded.error;
    }
    return &g_loaded.api;
}

} // namespace curl

void preloadHttpLibrary()
{
    if (curl::g_preloading.exchange(true)) {
        return;
    }
    // Detached: a program that exits at once (--help) must not wait for it, nor end with a joinable thread. The
    // thread touches nothing once call_once returns.
    std::thread([] {
#if defined(__linux__)
        // A head start, never a cost: with the CPU wanted by the window being built and by the display server
        // drawing it, this thread waits (nice +10: measured, the window's first frame came about 15 ms sooner).
        ::setpriority(PRIO_PROCESS, 0, 10); // who 0: this thread alone, on Linux
#endif
        (void)curl::api();
    }).detach();
}

void unloadHttpLibrary()
{
    if (curl::g_unloaded.exchange(true)) {
        return;
    }
    // Waits for a load under way (a preload's). When libcurl was never needed nothing is loaded now: a request
    // after this one (there should be none) gets an error, not a library half torn down.
    bool neverLoaded = false;
    std::call_once(curl::g_once, [&neverLoaded] {
        neverLoaded = true;
        curl::g_loaded.error = makeError(ErrorKind::Io, "Berth's network library was already shut down.");
    });
    if (!neverLoaded && !curl::g_loaded.error) {
        curl::g_loaded.api.globalCleanup();
    }
}

} // namespace berth::core
