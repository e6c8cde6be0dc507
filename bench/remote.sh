#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# `berthctl --host ssh://... ps -a --json` against `docker -H ssh://... ps -a`, on the same engine behind the test
# sshd (tests/testbed/sshd.sh) with 50 containers. Prints median wall times and their ratios to the docker CLI, the
# first (cold) berthctl run apart, and a plain `ssh true` for scale. Goal: berthctl at most 0.5x the docker CLI: docker
# starts ssh and a remote `docker system dial-stdio` for every command, berthctl keeps one OpenSSH ControlMaster
# connection open 60 s and the next commands reuse it.
#   bench/remote.sh [BUILD_DIR]     (needs openssh-server, a running engine at /var/run/docker.sock and the
#                                    berth-test images: tests/testbed/*.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
# The remote side of both is the remote's default socket: the containers are made there too.
export DOCKER_HOST=unix:///var/run/docker.sock
n=${BENCH_CONTAINERS:-50}
runs=${BENCH_RUNS:-20}
state=${BERTH_TESTBED_SSHD_STATE:-${BERTH_TESTBED_STATE:-/run/berth-testbed}/sshd}

# Stop sshd afterwards only if this run started it: a pid file that appears during `up` (as tests/run.sh does).
sshd_before=no
[[ -f $state/started.pid ]] && kill -0 "$(cat "$state/started.pid")" 2>/dev/null && sshd_before=yes
config=$("$root/tests/testbed/sshd.sh" up)
sshd_started=no
[[ $sshd_before == no && -f $state/started.pid ]] && sshd_started=yes

# A copy of the config of this run's own: berthctl's shared connection is keyed by its ssh command, so the first run
# is cold even when another berthctl left one open. The docker CLI runs `ssh` from PATH: a wrapper adds -F.
tmp=$(mktemp -d)
cp "$config" "$tmp/ssh_config"
mkdir "$tmp/bin"
printf '#!/bin/sh\nexec %s -F %s "$@"\n' "$(command -v ssh)" "$tmp/ssh_config" >"$tmp/bin/ssh"
chmod 755 "$tmp/bin/ssh"

cleanup() {
    # berthctl's master (ControlPersist 60 s): close it now rather than leave it to time out.
    local control
    control=$(ps -eo args= | grep -F -- "-F $tmp/ssh_config" | grep -o 'ControlPath=[^ ]*' | head -n 1 || true)
    if [[ -n $control ]]; then
        ssh -F "$tmp/ssh_config" -o "$control" -O exit berth-test-remote 2>/dev/null || true
        rm -rf "$(dirname "${control#ControlPath=}")"
    fi
    docker ps -aq --filter label=berth.bench=remote | xargs -r docker rm -f >/dev/null
    [[ $sshd_started == yes ]] && "$root/tests/testbed/sshd.sh" down
    rm -rf "$tmp"
}
trap cleanup EXIT

existing=$(docker ps -aq --filter label=berth.bench=remote | wc -l)
if ((existing < n)); then
    echo "creating $((n - existing)) containers..." >&2
    for _ in $(seq $((existing + 1)) "$n"); do
        docker create --label berth.bench=remote berth-test/ticker:latest >/dev/null
    done
fi

python3 - "$build/bin/berthctl" "$tmp/ssh_config" "$tmp/bin" "$n" "$runs" <<'PY'
import json, os, statistics, subprocess, sys, time
berthctl, config, wrapper, n, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
url = "ssh://berth-test-remote"
cases = {
    "ssh true (baseline)": (["ssh", "-F", config, "berth-test-remote", "true"], None),
    "berthctl ps -a --json": ([berthctl, "--host", url, "ps", "-a", "--json"],
                              dict(os.environ, BERTH_SSH_COMMAND=f"ssh -F {config}")),
    "docker -H ssh:// ps -a": (["docker", "-H", url, "ps", "-a"],
                               dict(os.environ, PATH=wrapper + os.pathsep + os.environ["PATH"])),
}

def run(name):
    cmd, env = cases[name]
    t0 = time.perf_counter()
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    t = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"{name} failed (exit {p.returncode}): {' '.join(cmd)}\n{p.stderr.strip()}")
    return t, p.stdout

# Warm-up: one run of each. berthctl's opens the connection (the cold run, timed on its own).
run("ssh true (baseline)")
cold, out = run("berthctl ps -a --json")
listed = {"berthctl ps -a --json": len(json.loads(out))}
_, out = run("docker -H ssh:// ps -a")
listed["docker -H ssh:// ps -a"] = len(out.splitlines()) - 1  # a header line
for name, count in listed.items():
    if count < n:
        sys.exit(f"{name} lists {count} containers, fewer than the {n} made: not the same engine?")

times = {name: [] for name in cases}
for _ in range(runs):  # alternating, so that a slow moment of the machine hits every case alike
    for name in cases:
        times[name].append(run(name)[0])
med = {name: statistics.median(t) for name, t in times.items()}
base = med["docker -H ssh:// ps -a"]
rows = list(med.items())
rows.insert(2, ("berthctl (cold, 1st run)", cold))
print(f"{runs} runs each, {listed['berthctl ps -a --json']} containers listed")
print(f"{'case':26} {'median s':>9} {'vs docker':>10}")
for name, m in rows:
    print(f"{name:26} {m:9.3f} {m / base:9.2f}x")
ratio = med["berthctl ps -a --json"] / base
print(f"goal: berthctl <= 0.50x docker -H ssh:// -> {'met' if ratio <= 0.5 else 'NOT met'} ({ratio:.2f}x)")
PY
