#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# Launch-to-ready: `berthctl launch` against a shell baseline (`docker run` plus a curl poll loop on
# /api/status with the token) on the same image. Prints medians and the ratio. Goal: within 1.05x.
#   bench/launch.sh [BUILD_DIR]    (needs a running engine and berth-test/notebook:6: tests/testbed/*.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
export DOCKER_HOST=${DOCKER_HOST:-unix:///var/run/docker.sock}
runs=${BENCH_RUNS:-10}
image=${BENCH_IMAGE:-berth-test/notebook:6}
export HOME=$(mktemp -d)   # berthctl's workspaces go here, not into a real home
trap 'docker ps -aq --filter label=berth.bench=launch | xargs -r docker rm -f >/dev/null; docker ps -aq --filter name=berth-bench- | xargs -r docker rm -f >/dev/null; rm -rf "$HOME"' EXIT

baseline() {
    local token id port
    token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    id=$(docker run -d --init --label berth.bench=launch -e JUPYTER_TOKEN="$token" -p 127.0.0.1::8888 "$image")
    port=$(docker port "$id" 8888/tcp | head -1 | sed 's/.*://')
    until [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: token $token" "http://127.0.0.1:$port/api/status") == 200 ]]; do
        sleep 0.1
    done
}
berth() {
    "$build/bin/berthctl" launch "$image" --name "berth-bench-$1" >/dev/null 2>&1
}

BENCH_FUNCS="$(declare -f baseline berth); image=$image; build=$build" python3 - "$runs" <<'PY'
import os, statistics, subprocess, sys, time
runs = int(sys.argv[1])
def clean():
    subprocess.run("docker ps -aq --filter label=berth.bench=launch --filter name=berth-bench- | xargs -r docker rm -f >/dev/null; "
                   "docker ps -aq --filter name=berth-bench- | xargs -r docker rm -f >/dev/null", shell=True)
times = {"baseline (docker run + curl loop)": [], "berthctl launch": []}
for i in range(runs):
    for name, fn in (("baseline (docker run + curl loop)", "baseline"), ("berthctl launch", f"berth {i}")):
        t0 = time.perf_counter()
        subprocess.run(["bash", "-c", f"source /dev/stdin; {fn}"], input=os.environ["BENCH_FUNCS"], text=True, check=True)
        times[name].append(time.perf_counter() - t0)
        clean()
base = statistics.median(times["baseline (docker run + curl loop)"])
print(f"{'launch to ready':34} {'median s':>9} {'ratio':>7}")
for name, t in times.items():
    m = statistics.median(t)
    print(f"{name:34} {m:9.2f} {m / base:6.2f}x")
ratio = statistics.median(times["berthctl launch"]) / base
print(f"goal: berthctl <= 1.05x baseline -> {'met' if ratio <= 1.05 else 'NOT met'}")
PY
