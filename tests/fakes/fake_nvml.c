/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: 2026 The Berth developers */

/*
 * A fake libnvidia-ml.so.1 with NVML's C ABI (the calls Berth makes), configured by environment
 * variables read at nvmlInit time, so one test process can try several machines:
 *
 *   FAKE_NVML_INIT_ERROR  nvmlReturn_t nvmlInit_v2 returns (default 0; 9 = driver not loaded)
 *   FAKE_NVML_DRIVER      driver version string (default "535.129.03")
 *   FAKE_NVML_CUDA        nvmlSystemGetCudaDriverVersion value (default 12020 = 12.2; "fail" = not supported)
 *   FAKE_NVML_GPUS        GPUs separated by ';', each "name|uuid|memory MiB|compute capability|brand number"
 *                         (default: one "NVIDIA GeForce RTX 3090|GPU-...|24576|8.6|5"); "none" for zero
 *   FAKE_NVML_FAIL        name of one call that fails with FAKE_NVML_FAIL_CODE (default 999)
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int nvmlReturn_t;
typedef struct FakeDevice* nvmlDevice_t;
typedef struct
{
    unsigned long long total;
    unsigned long long free;
    unsigned long long used;
} nvmlMemory_t;

#define FAKE_MAX 16

struct FakeDevice
{
    char name[96];
    char uuid[96];
    unsigned long long memoryMiB;
    int ccMajor;
    int ccMinor;
    int brand;
};

static struct FakeDevice g_devices[FAKE_MAX];
static unsigned g_count;
static int g_initialized;

static const char* env(const char* name, const char* fallback)
{
    const char* v = getenv(name);
    return v && *v ? v : fallback;
}

static int failing(const char* call)
{
    const char* f = getenv("FAKE_NVML_FAIL");
    return f && strcmp(f, call) == 0;
}

static nvmlReturn_t failCode(void)
{
    return atoi(env("FAKE_NVML_FAIL_CODE", "999"));
}

static void copyField(char* dst, size_t size, const char* src, size_t len)
{
    if (len >= size) {
        len = size - 1;
    }
    memcpy(dst, src, len);
    dst[len] = '\0';
}

static void loadDevices(void)
{
    const char* spec = env("FAKE_NVML_GPUS", "NVIDIA GeForce RTX 3090|GPU-5f1c2a3b-0000-1111-2222-333344445555|24576|8.6|5");
    g_count = 0;
    if (strcmp(spec, "none") == 0) {
        return;
    }
    const char* p = spec;
    while (*p && g_count < FAKE_MAX) {
        const char* end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char item[512];
        copyField(item, sizeof item, p, len);
        struct FakeDevice* d = &g_devices[g_count];
        memset(d, 0, sizeof *d);
        char* fields[5] = {0};
        char* s = item;
        for (int i = 0; i < 5; ++i) {
            fields[i] = s;
            char* bar = s ? strchr(s, '|') : NULL;
            if (bar) {
                *bar = '\0';
                s = bar + 1;
            } else {
                s = NULL;
            }
        }
        if (fields[0]) {
            copyField(d->name, sizeof d->name, fields[0], strlen(fields[0]));
        }
        if (fields[1]) {
            copyField(d->uuid, sizeof d->uuid, fields[1], strlen(fields[1]));
        }
        d->memoryMiB = fields[2] ? strtoull(fields[2], NULL, 10) : 0;
        if (fields[3]) {
            sscanf(fields[3], "%d.%d", &d->ccMajor, &d->ccMinor);
        }
        d->brand = fields[4] ? atoi(fields[4]) : 5;
        ++g_count;
        if (!end) {
            break;
        }
        p = end + 1;
    }
}

static int valid(nvmlDevice_t dev)
{
    return g_initialized && dev >= g_devices && dev < g_devices + g_count;
}

nvmlReturn_t nvmlInit_v2(void)
{
    int rc = atoi(env("FAKE_NVML_INIT_ERROR", "0"));
    if (rc != 0) {
        return rc;
    }
    loadDevices();
    g_initialized = 1;
    return 0;
}

nvmlReturn_t nvmlInit(void)
{
    return nvmlInit_v2();
}

nvmlReturn_t nvmlShutdown(void)
{
    if (!g_initialized) {
        return 1;
    }
    g_initialized = 0;
    return 0;
}

const char* nvmlErrorString(nvmlReturn_t rc)
{
    switch (rc) {
    case 0: return "Success";
    case 1: return "Uninitialized";
    case 2: return "Invalid Argument";
    case 3: return "Not Supported";
    case 7: return "Insufficient Size";
    case 9: return "Driver Not Loaded";
    case 12: return "Library Not Found";
    case 15: return "GPU is lost";
    case 18: return "Driver/library version mismatch";
    default: return "Unknown Error";
    }
}

nvmlReturn_t nvmlSystemGetDriverVersion(char* version, unsigned int length)
{
    if (!g_initialized) {
        return 1;
    }
    if (failing("nvmlSystemGetDriverVersion")) {
        return failCode();
    }
    const char* v = env("FAKE_NVML_DRIVER", "535.129.03");
    if (!version || strlen(v) + 1 > length) {
        return 7;
    }
    strcpy(version, v);
    return 0;
}

nvmlReturn_t nvmlSystemGetCudaDriverVersion_v2(int* cudaDriverVersion)
{
    if (!g_initialized) {
        return 1;
    }
    const char* v = env("FAKE_NVML_CUDA", "12020");
    if (failing("nvmlSystemGetCudaDriverVersion") || strcmp(v, "fail") == 0) {
        return 3;
    }
    if (!cudaDriverVersion) {
        return 2;
    }
    *cudaDriverVersion = atoi(v);
    return 0;
}

nvmlReturn_t nvmlSystemGetCudaDriverVersion(int* cudaDriverVersion)
{
    return nvmlSystemGetCudaDriverVersion_v2(cudaDriverVersion);
}

nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int* deviceCount)
{
    if (!g_initialized) {
        return 1;
    }
    if (failing("nvmlDeviceGetCount")) {
        return failCode();
    }
    if (!deviceCount) {
        return 2;
    }
    *deviceCount = g_count;
    return 0;
}

nvmlReturn_t nvmlDeviceGetCount(unsigned int* deviceCount)
{
    return nvmlDeviceGetCount_v2(deviceCount);
}

nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t* device)
{
    if (!g_initialized) {
        return 1;
    }
    if (failing("nvmlDeviceGetHandleByIndex") && index == 0) {
        return failCode();
    }
    if (!device || index >= g_count) {
        return 2;
    }
    *device = &g_devices[index];
    return 0;
}

nvmlReturn_t nvmlDeviceGetHandleByIndex(unsigned int index, nvmlDevice_t* device)
{
    return nvmlDeviceGetHandleByIndex_v2(index, device);
}

static nvmlReturn_t copyOut(const char* value, char* out, unsigned int length)
{
    if (!out || strlen(value) + 1 > length) {
        return 7;
    }
    strcpy(out, value);
    return 0;
}

nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t device, char* name, unsigned int length)
{
    if (!valid(device)) {
        return 2;
    }
    return copyOut(device->name, name, length);
}

nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t device, char* uuid, unsigned int length)
{
    if (!valid(device)) {
        return 2;
    }
    return copyOut(device->uuid, uuid, length);
}

nvmlReturn_t nvmlDeviceGetMemoryInfo(nvmlDevice_t device, nvmlMemory_t* memory)
{
    if (!valid(device) || !memory) {
        return 2;
    }
    memory->total = device->memoryMiB * 1024ULL * 1024ULL;
    /* FAKE_NVML_USED_MIB: memory in use on every device (default none). */
    memory->used = strtoull(env("FAKE_NVML_USED_MIB", "0"), NULL, 10) * 1024ULL * 1024ULL;
    if (memory->used > memory->total) {
        memory->used = memory->total;
    }
    memory->free = memory->total - memory->used;
    return 0;
}

typedef struct
{
    unsigned int gpu;
    unsigned int memory;
} nvmlUtilization_t;

/* FAKE_NVML_UTIL: the busy share of every device, 0..100 (default 0). */
nvmlReturn_t nvmlDeviceGetUtilizationRates(nvmlDevice_t device, nvmlUtilization_t* utilization)
{
    if (!valid(device) || !utilization) {
        return 2;
    }
    if (failing("nvmlDeviceGetUtilizationRates")) {
        return failCode();
    }
    utilization->gpu = (unsigned)atoi(env("FAKE_NVML_UTIL", "0"));
    utilization->memory = 0;
    return 0;
}

nvmlReturn_t nvmlDeviceGetCudaComputeCapability(nvmlDevice_t device, int* major, int* minor)
{
    if (!valid(device) || !major || !minor) {
        return 2;
    }
    if (failing("nvmlDeviceGetCudaComputeCapability")) {
        return failCode();
    }
    *major = device->ccMajor;
    *minor = device->ccMinor;
    return 0;
}

nvmlReturn_t nvmlDeviceGetBrand(nvmlDevice_t device, int* brand)
{
    if (!valid(device) || !brand) {
        return 2;
    }
    *brand = device->brand;
    return 0;
}
