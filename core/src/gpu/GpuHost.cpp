// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/gpu/GpuHost.h"

#include "berth/core/engine/EngineClient.h"
#include "base/Text.h"

#include "berth/core/gpu/CompatTables.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <fstream>

extern char** environ;

namespace berth::core {

using text::lower;
using text::trim;

namespace {

// NVML's C ABI, the part Berth reads (nvml.h). Every call returns nvmlReturn_t; 0 is success.
using NvmlReturn = int;
using NvmlDevice = void*;
struct NvmlMemory
{
    unsigned long long total;
    unsigned long long free;
    unsigned long long used;
};
constexpr NvmlReturn kNvmlSuccess = 0;
constexpr NvmlReturn kNvmlDriverNotLoaded = 9;
constexpr unsigned kNvmlMaxDevices = 64;

using FnVoid = NvmlReturn (*)();
using FnErrorString = const char* (*)(NvmlReturn);
using FnDriverVersion = NvmlReturn (*)(char*, unsigned);
using FnCudaVersion = NvmlReturn (*)(int*);
using FnCount = NvmlReturn (*)(unsigned*);
using FnHandle = NvmlReturn (*)(unsigned, NvmlDevice*);
using FnDeviceString = NvmlReturn (*)(NvmlDevice, char*, unsigned);
using FnMemory = NvmlReturn (*)(NvmlDevice, NvmlMemory*);
using FnCapability = NvmlReturn (*)(NvmlDevice, int*, int*);
using FnBrand = NvmlReturn (*)(NvmlDevice, int*);
struct NvmlUtilization
{
    unsigned gpu;
    unsigned memory;
};
using FnUtilization = NvmlReturn (*)(NvmlDevice, NvmlUtilization*);

class Library
{
public:
    explicit Library(const std::string& name) : m_handle(dlopen(name.c_str(), RTLD_NOW | RTLD_LOCAL))
    {
        if (!m_handle) {
            const char* e = dlerror();
            m_error = e ? e : "unknown dlopen error";
        }
    }
    ~Library()
    {
        if (m_handle) {
            dlclose(m_handle);
        }
    }
    Library(const Library&) = delete;
    Library& operator=(const Library&) = delete;

    bool loaded() const { return m_handle != nullptr; }
    const std::string& error() const { return m_error; }

    /// The first of the names the library exports, as a function pointer of type F (nullptr when none).
    template <class F>
    F symbol(std::initializer_list<const char*> names) const
    {
        for (const char* n : names) {
            if (void* p = dlsym(m_handle, n)) {
                F f = nullptr;
                static_assert(sizeof f == sizeof p);
                std::memcpy(&f, &p, sizeof f);
                return f;
            }
        }
        return nullptr;
    }

private:
    void* m_handle;
    std::string m_error;
};

/// A fixed-size C string buffer from a library: use only up to its first NUL, never past the end.
std::string fromBuffer(const char* buf, std::size_t size)
{
    std::size_t n = 0;
    while (n < size && buf[n] != '\0') {
        ++n;
    }
    return trim(std::string_view(buf, n));
}

bool isVersion(std::string_view v)
{
    if (v.empty() || !std::isdigit(static_cast<unsigned char>(v.front())) || v.back() == '.') {
        return false;
    }
    for (char c : v) {
        if (c != '.' && !std::isdigit(static_cast<unsigned char>(c))) {
            return false;
        }
    }
    return v.find("..") == std::string_view::npos;
}

bool fileExists(const std::string& path)
{
    struct stat st
    {
    };
    return !path.empty() && ::stat(path.c_str(), &st) == 0;
}

std::string cudaFromInt(int v)
{
    return std::to_string(v / 1000) + "." + std::to_string((v % 1000) / 10);
}

void fillCudaFromTable(HostGpus& h)
{
    if (h.cudaVersion.empty() && !h.driverVersion.empty()) {
        if (auto c = CompatTables::maxCudaFor(h.driverVersion)) {
            h.cudaVersion = *c;
            h.cudaFromTable = true;
        }
    }
}

/// "24576", "24576 MiB", "23.5 GiB" -> bytes; unit defaults to the header's (MiB for nvidia-smi).
std::uint64_t parseMemory(std::string_view value, std::string_view headerUnit)
{
    std::string v = trim(value);
    std::size_t i = 0;
    std::uint64_t whole = 0;
    while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) {
        if (whole > (1ULL << 40)) {
            return 0;
        }
        whole = whole * 10 + static_cast<std::uint64_t>(v[i] - '0');
        ++i;
    }
    if (i == 0) {
        return 0;
    }
    if (i < v.size() && v[i] == '.') { // fractions are rare; drop them
        ++i;
        while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) {
            ++i;
        }
    }
    std::string unit = lower(trim(std::string_view(v).substr(i)));
    if (unit.empty()) {
        unit = lower(headerUnit);
    }
    std::uint64_t mult = 1024ULL * 1024ULL; // nvidia-smi reports MiB
    if (unit == "kib" || unit == "kb") {
        mult = 1024ULL;
    } else if (unit == "gib" || unit == "gb") {
        mult = 1024ULL * 1024ULL * 1024ULL;
    } else if (unit == "b") {
        mult = 1;
    }
    return whole * mult;
}

bool notAvailable(std::string_view v)
{
    return v.empty() || v == "N/A" || (v.size() >= 2 && v.front() == '[' && v.back() == ']');
}

std::string canonicalColumn(std::string name)
{
    name = lower(trim(name));
    if (name == "gpu_name") {
        return "name";
    }
    if (name == "gpu_uuid") {
        return "uuid";
    }
    if (name == "gpu_bus_id") {
        return "pci.bus_id";
    }
    return name;
}

std::vector<std::string> splitCsv(std::string_view line)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const auto comma = line.find(',', start);
        out.push_back(trim(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
        if (comma == std::string_view::npos) {
            return out;
        }
        start = comma + 1;
    }
}

} // namespace

const char* toString(HostGpus::Source source)
{
    switch (source) {
    case HostGpus::Source::Nvml:
        return "nvml";
    case HostGpus::Source::NvidiaSmi:
        return "nvidia-smi";
    case HostGpus::Source::ProcVersion:
        return "proc";
    case HostGpus::Source::None:
        break;
    }
    return "none";
}

nlohmann::json toJson(const HostGpus& host)
{
    nlohmann::json gpus = nlohmann::json::array();
    for (const auto& g : host.gpus) {
        gpus.push_back({{"index", g.index},
                        {"name", g.name},
                        {"uuid", g.uuid},
                        {"memoryTotal", g.memoryTotal},
                        {"computeCapability", g.computeCapability},
                        {"brand", g.brand}});
    }
    nlohmann::json j = {{"source", toString(host.source)},
            {"nvidia", host.hasNvidiaDriver()},
            {"driverVersion", host.driverVersion},
            {"cudaVersion", host.cudaVersion},
            {"cudaFromTable", host.cudaFromTable},
            {"driverNotLoaded", host.driverNotLoaded},
            {"gpus", gpus},
            {"rocm", host.rocm},
            {"notes", host.notes}};
    if (!host.machine.empty()) {
        j["machine"] = host.machine;
    }
    return j;
}

Result<std::vector<GpuUsage>> GpuHost::sampleUsage(const std::string& library)
{
    Library lib(library);
    if (!lib.loaded()) {
        return makeError(ErrorKind::NotFound, "NVML (" + library + ") is not installed: " + lib.error());
    }
    auto init = lib.symbol<FnVoid>({"nvmlInit_v2", "nvmlInit"});
    auto shutdown = lib.symbol<FnVoid>({"nvmlShutdown"});
    auto count = lib.symbol<FnCount>({"nvmlDeviceGetCount_v2", "nvmlDeviceGetCount"});
    auto handle = lib.symbol<FnHandle>({"nvmlDeviceGetHandleByIndex_v2", "nvmlDeviceGetHandleByIndex"});
    auto memory = lib.symbol<FnMemory>({"nvmlDeviceGetMemoryInfo"});
    auto utilization = lib.symbol<FnUtilization>({"nvmlDeviceGetUtilizationRates"});
    if (!init || !shutdown || !count || !handle) {
        return makeError(ErrorKind::Unsupported, "NVML (" + library + ") lacks nvmlInit or nvmlDeviceGetCount");
    }
    if (init() != kNvmlSuccess) {
        return makeError(ErrorKind::Io, "NVML could not start");
    }
    std::vector<GpuUsage> out;
    unsigned n = 0;
    if (count(&n) == kNvmlSuccess) {
        for (unsigned i = 0; i < std::min(n, kNvmlMaxDevices); ++i) {
            NvmlDevice dev = nullptr;
            if (handle(i, &dev) != kNvmlSuccess) {
                continue;
            }
            GpuUsage u;
            u.index = static_cast<int>(i);
            if (NvmlUtilization r{}; utilization && utilization(dev, &r) == kNvmlSuccess && r.gpu <= 100) {
                u.gpuPercent = static_cast<int>(r.gpu);
            }
            if (NvmlMemory m{}; memory && memory(dev, &m) == kNvmlSuccess && m.used <= m.total) {
                u.memoryUsed = static_cast<std::int64_t>(m.used);
                u.memoryTotal = static_cast<std::int64_t>(m.total);
            }
            out.push_back(u);
        }
    }
    shutdown();
    return out;
}

GpuProbeOptions GpuProbeOptions::fromEnvironment()
{
    GpuProbeOptions o;
    auto env = [](const char* name, std::string& into) {
        if (const char* v = std::getenv(name); v && *v) {
            into = v;
        }
    };
    env("BERTH_NVML_LIBRARY", o.nvmlLibrary);
    env("BERTH_NVIDIA_SMI", o.nvidiaSmi);
    env("BERTH_NVIDIA_PROC_VERSION", o.procVersionPath);
    env("BERTH_KFD_PATH", o.kfdPath);
    return o;
}

std::string GpuHost::brandName(int nvmlBrand)
{
    // nvmlBrandType_t, named as NVIDIA's go-nvlib and libnvidia-container report brands for `brand=` rules.
    static constexpr const char* kNames[] = {"Unknown",      "Quadro",    "Tesla",     "NVS",
                                             "GRID",         "GeForce",   "Titan",     "NvidiaVApps",
                                             "NvidiaVPC",    "NvidiaVCS", "NvidiaVWS", "NvidiaCloudGaming",
                                             "QuadroRTX",    "NvidiaRTX", "Nvidia",    "GeForceRTX",
                                             "TitanRTX"};
    if (nvmlBrand < 0 || nvmlBrand >= static_cast<int>(std::size(kNames))) {
        return "Unknown";
    }
    return kNames[nvmlBrand];
}

Result<HostGpus> GpuHost::probeNvml(const std::string& library)
{
    Library lib(library);
    if (!lib.loaded()) {
        return makeError(ErrorKind::NotFound, "NVML (" + library + ") is not installed: " + lib.error());
    }
    auto init = lib.symbol<FnVoid>({"nvmlInit_v2", "nvmlInit"});
    auto shutdown = lib.symbol<FnVoid>({"nvmlShutdown"});
    auto errorString = lib.symbol<FnErrorString>({"nvmlErrorString"});
    auto driverVersion = lib.symbol<FnDriverVersion>({"nvmlSystemGetDriverVersion"});
    auto cudaVersion = lib.symbol<FnCudaVersion>({"nvmlSystemGetCudaDriverVersion_v2", "nvmlSystemGetCudaDriverVersion"});
    auto count = lib.symbol<FnCount>({"nvmlDeviceGetCount_v2", "nvmlDeviceGetCount"});
    auto handle = lib.symbol<FnHandle>({"nvmlDeviceGetHandleByIndex_v2", "nvmlDeviceGetHandleByIndex"});
    auto name = lib.symbol<FnDeviceString>({"nvmlDeviceGetName"});
    auto uuid = lib.symbol<FnDeviceString>({"nvmlDeviceGetUUID"});
    auto memory = lib.symbol<FnMemory>({"nvmlDeviceGetMemoryInfo"});
    auto capability = lib.symbol<FnCapability>({"nvmlDeviceGetCudaComputeCapability"});
    auto brand = lib.symbol<FnBrand>({"nvmlDeviceGetBrand"});
    if (!init || !shutdown || !driverVersion || !count || !handle) {
        return makeError(ErrorKind::Unsupported,
                         "NVML (" + library + ") lacks nvmlInit, nvmlSystemGetDriverVersion or nvmlDeviceGetCount");
    }
    auto describe = [&](NvmlReturn rc) {
        const char* s = errorString ? errorString(rc) : nullptr;
        return (s ? std::string(s, strnlen(s, 256)) : std::string("error")) + " (" + std::to_string(rc) + ")";
    };

    HostGpus h;
    h.source = HostGpus::Source::Nvml;
    const NvmlReturn rc = init();
    if (rc == kNvmlDriverNotLoaded) {
        h.driverNotLoaded = true;
        h.notes.push_back("NVML: the NVIDIA driver is installed but not loaded: " + describe(rc));
        return h;
    }
    if (rc != kNvmlSuccess) {
        return makeError(ErrorKind::Io, "NVML could not start: " + describe(rc));
    }

    char buf[96] = {};
    if (NvmlReturn r = driverVersion(buf, 80); r == kNvmlSuccess) {
        h.driverVersion = fromBuffer(buf, 80);
        if (!isVersion(h.driverVersion)) {
            h.notes.push_back("NVML: unreadable driver version '" + h.driverVersion + "'");
            h.driverVersion.clear();
        }
    } else {
        h.notes.push_back("NVML: no driver version: " + describe(r));
    }
    if (int v = 0; cudaVersion && cudaVersion(&v) == kNvmlSuccess && v > 0 && v < 1000000) {
        h.cudaVersion = cudaFromInt(v);
    } else {
        h.notes.push_back("NVML: the driver did not tell its CUDA version; taken from the driver table");
    }
    fillCudaFromTable(h);

    unsigned n = 0;
    if (NvmlReturn r = count(&n); r != kNvmlSuccess) {
        h.notes.push_back("NVML: cannot count GPUs: " + describe(r));
        n = 0;
    }
    if (n > kNvmlMaxDevices) {
        h.notes.push_back("NVML: reports " + std::to_string(n) + " GPUs; reading the first " +
                          std::to_string(kNvmlMaxDevices));
        n = kNvmlMaxDevices;
    }
    for (unsigned i = 0; i < n; ++i) {
        NvmlDevice dev = nullptr;
        if (NvmlReturn r = handle(i, &dev); r != kNvmlSuccess) {
            h.notes.push_back("NVML: GPU " + std::to_string(i) + " cannot be read: " + describe(r));
            continue;
        }
        GpuDevice g;
        g.index = static_cast<int>(i);
        if (char b[96] = {}; name && name(dev, b, 96) == kNvmlSuccess) {
            g.name = fromBuffer(b, 96);
        }
        if (char b[96] = {}; uuid && uuid(dev, b, 96) == kNvmlSuccess) {
            g.uuid = fromBuffer(b, 96);
        }
        if (NvmlMemory m{}; memory && memory(dev, &m) == kNvmlSuccess) {
            g.memoryTotal = m.total;
        }
        if (int major = 0, minor = 0; capability && capability(dev, &major, &minor) == kNvmlSuccess && major > 0 &&
                                      major < 1000 && minor >= 0 && minor < 1000) {
            g.computeCapability = std::to_string(major) + "." + std::to_string(minor);
        }
        if (int b = 0; brand && brand(dev, &b) == kNvmlSuccess) {
            g.brand = brandName(b);
        }
        h.gpus.push_back(std::move(g));
    }
    shutdown();
    return h;
}

CommandOutput GpuHost::run(const std::vector<std::string>& argv, std::chrono::milliseconds timeout)
{
    CommandOutput out;
    if (argv.empty()) {
        return out;
    }
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        out.out = std::string("cannot make a pipe: ") + std::strerror(errno);
        return out;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // Its own process group, so a timeout kills whatever it started too.
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    posix_spawnattr_setpgroup(&attr, 0);
    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setsigmask(&attr, &none);

    std::vector<char*> args;
    for (const auto& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    pid_t pid = -1;
    const int spawned = posix_spawnp(&pid, args[0], &actions, &attr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    ::close(fds[1]);
    if (spawned != 0) {
        ::close(fds[0]);
        out.out = std::strerror(spawned);
        out.exitCode = spawned == ENOENT ? 127 : 126;
        return out;
    }

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    auto remainingMs = [&] {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        return static_cast<int>(std::max<long long>(0, left.count()));
    };
    constexpr std::size_t kMaxOutput = 1 << 20;
    bool eof = false;
    while (!eof) {
        const int left = remainingMs();
        if (left <= 0) {
            out.timedOut = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        const int pr = ::poll(&p, 1, left);
        if (pr < 0 && errno == EINTR) {
            continue;
        }
        if (pr <= 0) {
            out.timedOut = pr == 0;
            break;
        }
        char buf[4096];
        const ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            eof = true;
            break;
        }
        if (out.out.size() < kMaxOutput) {
            out.out.append(buf, static_cast<std::size_t>(std::min<std::size_t>(static_cast<std::size_t>(n), kMaxOutput - out.out.size())));
        }
    }
    ::close(fds[0]);

    int status = 0;
    while (!out.timedOut) {
        const pid_t w = ::waitpid(pid, &status, WNOHANG);
        if (w == pid) {
            out.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            ::kill(-pid, SIGKILL); // anything it left behind in its group
            return out;
        }
        if (w < 0 && errno != EINTR) {
            return out;
        }
        if (remainingMs() <= 0) {
            out.timedOut = true;
            break;
        }
        ::usleep(10000);
    }
    ::kill(-pid, SIGKILL);
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    out.exitCode = -1;
    return out;
}

Result<HostGpus> GpuHost::probeNvidiaSmi(const std::string& program, std::chrono::milliseconds timeout)
{
    const std::string base = "--query-gpu=index,name,uuid,driver_version,memory.total";
    auto res = run({program, base + ",compute_cap", "--format=csv,nounits"}, timeout);
    if (!res.timedOut && res.exitCode != 0 && res.out.find("is not a valid field to query") != std::string::npos) {
        // Drivers before 510 have no compute_cap field.
        res = run({program, base, "--format=csv,nounits"}, timeout);
    }
    if (res.timedOut) {
        return makeError(ErrorKind::Timeout, program + " did not answer within " +
                                                 std::to_string(timeout.count() / 1000) + " s and was stopped");
    }
    if (res.exitCode == 127) {
        return makeError(ErrorKind::NotFound, program + " is not on PATH");
    }
    HostGpus h;
    h.source = HostGpus::Source::NvidiaSmi;
    if (res.exitCode != 0) {
        if (res.out.find("communicate with the NVIDIA driver") != std::string::npos) {
            h.driverNotLoaded = true;
            h.notes.push_back("nvidia-smi: " + text::firstLine(res.out));
            return h;
        }
        const std::string line = text::firstLine(res.out);
        return makeError(ErrorKind::Io, program + " failed (exit " + std::to_string(res.exitCode) + ")" +
                                            (line.empty() ? std::string() : ": " + line));
    }
    auto report = parseNvidiaSmiCsv(res.out);
    if (!report) {
        return report.error();
    }
    h.driverVersion = report->driverVersion;
    h.gpus = std::move(report->gpus);
    fillCudaFromTable(h);
    if (h.cudaFromTable) {
        h.notes.push_back("nvidia-smi: CUDA version taken from the driver table");
    }
    return h;
}

HostGpus GpuHost::probeRemote(RemoteHost& host, std::chrono::milliseconds timeout)
{
    HostGpus h;
    h.machine = host.name();
    const std::string base = "--query-gpu=index,name,uuid,driver_version,memory.total";
    auto r = host.run({"nvidia-smi", base + ",compute_cap", "--format=csv,nounits"}, timeout);
    if (r && r->exitCode != 0 && (r->out + r->err).find("is not a valid field to query") != std::string::npos) {
        r = host.run({"nvidia-smi", base, "--format=csv,nounits"}, timeout); // drivers before 510
    }
    const std::string where = "nvidia-smi on " + host.name() + ": ";
    if (!r) {
        h.unknown = true; // the connection failed: nothing is known of its GPUs, not even that it has none
        h.notes.push_back(where + r.error().message);
        return h;
    }
    if (r->exitCode == 127) {
        h.notes.push_back(where + "not installed (no NVIDIA driver there)");
        return h;
    }
    const std::string said = r->out + r->err;
    if (r->exitCode != 0) {
        if (said.find("communicate with the NVIDIA driver") != std::string::npos) {
            h.source = HostGpus::Source::NvidiaSmi;
            h.driverNotLoaded = true;
        }
        h.notes.push_back(where + text::firstLine(said));
        return h;
    }
    auto report = parseNvidiaSmiCsv(r->out);
    if (!report) {
        h.notes.push_back(where + report.error().message);
        return h;
    }
    h.source = HostGpus::Source::NvidiaSmi;
    h.driverVersion = report->driverVersion;
    h.gpus = std::move(report->gpus);
    fillCudaFromTable(h);
    h.notes.push_back("asked on " + host.name() + " with nvidia-smi");
    return h;
}

HostGpus GpuHost::probeEngineHost(EngineClient& engine)
{
    if (RemoteHost* remote = engine.remoteHost()) {
        return probeRemote(*remote);
    }
    return probe();
}

Result<HostGpus> GpuHost::probeProcVersion(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return makeError(ErrorKind::NotFound, path + " does not exist (no NVIDIA kernel module is loaded)");
    }
    std::string text(64 * 1024, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    auto v = parseProcVersion(text);
    if (!v) {
        return makeError(ErrorKind::BadInput, path + " holds no driver version Berth can read");
    }
    HostGpus h;
    h.source = HostGpus::Source::ProcVersion;
    h.driverVersion = *v;
    fillCudaFromTable(h);
    h.notes.push_back("proc: driver version from " + path + "; GPU names and memory are unknown");
    return h;
}

Result<NvidiaSmiReport> GpuHost::parseNvidiaSmiCsv(std::string_view text, const std::vector<std::string>& columns)
{
    std::vector<std::string> lines;
    {
        std::size_t start = 0;
        while (start <= text.size()) {
            auto nl = text.find('\n', start);
            std::string line = trim(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
            if (!line.empty()) {
                lines.push_back(std::move(line));
            }
            if (nl == std::string_view::npos) {
                break;
            }
            start = nl + 1;
        }
    }
    std::vector<std::string> names;
    std::vector<std::string> units;
    std::size_t first = 0;
    if (columns.empty()) {
        if (lines.empty()) {
            return makeError(ErrorKind::BadInput, "nvidia-smi printed nothing");
        }
        for (auto& h : splitCsv(lines[0])) {
            std::string unit;
            if (auto b = h.find(" ["); b != std::string::npos && h.back() == ']') {
                unit = h.substr(b + 2, h.size() - b - 3);
                h = h.substr(0, b);
            }
            names.push_back(canonicalColumn(h));
            units.push_back(unit);
        }
        first = 1;
    } else {
        for (const auto& c : columns) {
            names.push_back(canonicalColumn(c));
            units.emplace_back();
        }
    }
    auto col = [&](const char* n) -> int {
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (names[i] == n) {
                return static_cast<int>(i);
            }
        }
        return -1;
    };
    const int cIndex = col("index"), cName = col("name"), cUuid = col("uuid"), cDriver = col("driver_version"),
              cMem = col("memory.total"), cCap = col("compute_cap");
    if (cName < 0 && cUuid < 0 && cDriver < 0 && cIndex < 0) {
        return makeError(ErrorKind::BadInput, "nvidia-smi's output has none of the columns index, name, uuid, "
                                              "driver_version: '" + text::firstLine(lines.empty() ? "" : lines[0]).substr(0, 80) + "'");
    }
    NvidiaSmiReport report;
    for (std::size_t li = first; li < lines.size(); ++li) {
        auto fields = splitCsv(lines[li]);
        if (fields.size() != names.size()) {
            return makeError(ErrorKind::BadInput, "nvidia-smi's line " + std::to_string(li + 1) + " has " +
                                                      std::to_string(fields.size()) + " fields, expected " +
                                                      std::to_string(names.size()));
        }
        auto field = [&](int c) -> std::string {
            if (c < 0) {
                return {};
            }
            const std::string& v = fields[static_cast<std::size_t>(c)];
            return notAvailable(v) ? std::string() : v;
        };
        GpuDevice g;
        g.index = static_cast<int>(report.gpus.size());
        if (auto v = field(cIndex); !v.empty()) {
            int idx = 0;
            auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), idx);
            if (ec == std::errc() && p == v.data() + v.size() && idx >= 0) {
                g.index = idx;
            }
        }
        g.name = field(cName);
        g.uuid = field(cUuid);
        if (auto v = field(cMem); !v.empty()) {
            g.memoryTotal = parseMemory(v, cMem >= 0 ? units[static_cast<std::size_t>(cMem)] : "");
        }
        if (auto v = field(cCap); isVersion(v)) {
            g.computeCapability = v;
        }
        if (auto v = field(cDriver); isVersion(v) && report.driverVersion.empty()) {
            report.driverVersion = v;
        }
        report.gpus.push_back(std::move(g));
    }
    return report;
}

std::optional<std::string> GpuHost::parseProcVersion(std::string_view text)
{
    const auto nvrm = text.find("NVRM version:");
    if (nvrm == std::string_view::npos) {
        return std::nullopt;
    }
    std::string_view line = text.substr(nvrm);
    line = line.substr(0, line.find('\n'));
    const auto module = line.find("Module");
    if (module == std::string_view::npos) {
        return std::nullopt;
    }
    std::string_view rest = line.substr(module + 6);
    while (!rest.empty()) {
        std::size_t b = 0;
        while (b < rest.size() && std::isspace(static_cast<unsigned char>(rest[b]))) {
            ++b;
        }
        std::size_t e = b;
        while (e < rest.size() && !std::isspace(static_cast<unsigned char>(rest[e]))) {
            ++e;
        }
        const std::string_view token = rest.substr(b, e - b);
        if (token.empty()) {
            break;
        }
        if (isVersion(token) && token.find('.') != std::string_view::npos && token.size() <= 32) {
            return std::string(token);
        }
        rest = rest.substr(e);
    }
    return std::nullopt;
}

HostGpus GpuHost::probe(const GpuProbeOptions& options)
{
    HostGpus out;
    std::vector<std::string> notes;
    const bool rocm = fileExists(options.kfdPath);
    bool notLoaded = false;
    auto finish = [&](HostGpus h) {
        notes.insert(notes.end(), h.notes.begin(), h.notes.end());
        h.notes = std::move(notes);
        h.rocm = rocm;
        h.driverNotLoaded = h.driverNotLoaded || (notLoaded && !h.hasNvidiaDriver());
        return h;
    };
    auto consider = [&](const char* what, Result<HostGpus> r) -> bool {
        if (!r) {
            notes.push_back(std::string(what) + ": " + r.error().message);
            return false;
        }
        if (r->hasNvidiaDriver()) {
            out = std::move(*r);
            return true;
        }
        notLoaded = notLoaded || r->driverNotLoaded;
        notes.insert(notes.end(), r->notes.begin(), r->notes.end());
        if (r->notes.empty()) {
            notes.push_back(std::string(what) + ": no NVIDIA driver version found");
        }
        return false;
    };
    if (options.useNvml && consider("NVML", probeNvml(options.nvmlLibrary))) {
        return finish(std::move(out));
    }
    if (options.useNvidiaSmi && consider("nvidia-smi", probeNvidiaSmi(options.nvidiaSmi, options.smiTimeout))) {
        return finish(std::move(out));
    }
    if (options.useProc && consider("proc", probeProcVersion(options.procVersionPath))) {
        return finish(std::move(out));
    }
    if (rocm) {
        notes.push_back("ROCm: " + options.kfdPath + " exists (AMD GPU); Berth reports it but gives no verdict for it");
    }
    return finish(HostGpus{});
}

} // namespace berth::core
