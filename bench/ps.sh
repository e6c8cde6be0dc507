#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# `berthctl ps -a --json` against a raw `curl --unix-socket` request and `docker ps -a`, on the same engine
# with 200 containers. Prints median wall times and their ratios. Goal: berthctl within 1.2x of curl.
#   bench/ps.sh [BUILD_DIR]     (needs a running engine and the berth-test images: tests/testbed/*.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
export DOCKER_HOST=${DOCKER_HOST:-unix:///var/run/docker.sock}
sock=${DOCKER_HOST#unix://}
n=${BENCH_CONTAINERS:-200}
runs=${BENCH_RUNS:-40}

existing=$(docker ps -aq --filter label=berth.bench=ps | wc -l)
if ((existing < n)); then
    echo "creating $((n - existing)) containers..." >&2
    for _ in $(seq $((existing + 1)) "$n"); do
        docker create --label berth.bench=ps berth-test/ticker:latest >/dev/null
    done
fi
trap 'docker ps -aq --filter label=berth.bench=ps | xargs -r docker rm -f >/dev/null' EXIT

python3 - "$build/bin/berthctl" "$sock" "$runs" <<'PY'
import statistics, subprocess, sys, time
berthctl, sock, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
cases = {
    "curl (raw request)": ["curl", "-s", "--unix-socket", sock, "http://localhost/v1.41/containers/json?all=1"],
    "berthctl ps -a --json": [berthctl, "ps", "-a", "--json"],
    "docker ps -a": ["docker", "ps", "-a"],
}
med = {}
for name, cmd in cases.items():
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)  # warm up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t0)
    med[name] = statistics.median(times)
base = med["curl (raw request)"]
print(f"{'command':26} {'median ms':>10} {'vs curl':>8}")
for name, m in med.items():
    print(f"{name:26} {m * 1000:10.2f} {m / base:7.2f}x")
print(f"goal: berthctl <= 1.20x curl -> {'met' if med['berthctl ps -a --json'] / base <= 1.2 else 'NOT met'}")
PY
