#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# Launch-to-ready: `berthctl launch` against a shell baseline (`docker run` plus a curl poll loop on
# /api/status with the token) on the same image. Prints medians and the ratio. Goal: within 1.05x.
# Each round runs both, in turn first (so neither always meets a warmer engine), and removes what it
# started before the next measurement: no idle Jupyter servers pile up while it measures.
#   bench/launch.sh [BUILD_DIR]    (needs a running engine and berth-test/notebook:6: tests/testbed/*.sh)
#   bench/launch.sh build | tee bench/results/launch.txt     to keep the numbers with the code
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
    local deadline=$((SECONDS + 180))
    until [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: token $token" "http://127.0.0.1:$port/api/status") == 200 ]]; do
        ((SECONDS < deadline)) || { echo "bench/launch.sh: the baseline's Jupyter did not answer within 180 s" >&2; return 1; }
        sleep 0.1
    done
}
berth() {
    "$build/bin/berthctl" launch "$image" --name "berth-bench-$1" >/dev/null 2>&1
}

BENCH_FUNCS="$(declare -f baseline berth); image=$image; build=$build" python3 - "$runs" <<'PY'
import os, statistics, subprocess, sys, time
runs = int(sys.argv[1])
# Baseline containers carry the label, berthctl's the name; a filter on both would match neither (docker
# ANDs different filters), so each is removed by its own.
mine = ["label=berth.bench=launch", "name=berth-bench-"]
def left():
    ids = set()
    for f in mine:
        ids |= set(subprocess.run(["docker", "ps", "-aq", "--filter", f], capture_output=True, text=True,
                                  check=True).stdout.split())
    return ids
def clean():
    ids = left()
    if ids:
        subprocess.run(["docker", "rm", "-f", *sorted(ids)], stdout=subprocess.DEVNULL, check=True)
    if left():
        sys.exit("bench/launch.sh: containers of the benchmark are still there after removing them")
BASE, BERTH = "baseline (docker run + curl loop)", "berthctl launch"
times = {BASE: [], BERTH: []}
clean()
for i in range(runs):
    contenders = [(BASE, "baseline"), (BERTH, f"berth {i}")]
    if i % 2:
        contenders.reverse()  # alternate who goes first
    for name, fn in contenders:
        t0 = time.perf_counter()
        subprocess.run(["bash", "-c", f"source /dev/stdin; {fn}"], input=os.environ["BENCH_FUNCS"], text=True, check=True)
        times[name].append(time.perf_counter() - t0)
        clean()
base = statistics.median(times[BASE])
print(f"{'launch to ready':34} {'median s':>9} {'ratio':>7} {'min s':>7} {'max s':>7}")
for name, t in times.items():
    m = statistics.median(t)
    print(f"{name:34} {m:9.2f} {m / base:6.2f}x {min(t):7.2f} {max(t):7.2f}")
ratio = statistics.median(times[BERTH]) / base
print(f"{runs} rounds, each contender first in every other one, nothing left running between measurements")
print(f"goal: berthctl <= 1.05x baseline -> {'met' if ratio <= 1.05 else 'NOT met'}")
PY
