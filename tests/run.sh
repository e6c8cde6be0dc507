#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# Builds Berth and runs every test (unit, integration on a real Docker engine and on Podman, GUI under
# Xvfb). Starts what it needs (dockerd, a loopback registry, Podman's API service) when nothing answers,
# builds the test images once, and stops what it started. Extra arguments go to ctest (e.g. -L unit, -R TestEngineLive).
# A full run (no arguments) then runs tests/sanitize.sh: each fuzz target for BERTH_FUZZ_SECONDS (60), and the unit
# and integration tests built with ASan and UBSan. BERTH_QUICK=1 leaves that out, for a quick loop at home.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if ((EUID != 0)); then
    # dockerd and Podman's rootful service need root; the rest would run as anyone.
    echo "tests/run.sh starts dockerd and Podman's API service, which needs root: running it with sudo." >&2
    exec sudo --preserve-env=BERTH_BUILD_DIR,BERTH_TEST_REGISTRY,BERTH_QUICK,BERTH_FUZZ_SECONDS "$0" "$@"
fi
build=${BERTH_BUILD_DIR:-$root/build}

"$root/installer/debian-deps.sh" --tests
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build"

started=()
cleanup() {
    # Containers of tests that were killed (ctest --timeout) before they could clean up after themselves.
    for host in "${DOCKER_HOST:-}" "${BERTH_TEST_PODMAN_HOST:-}"; do
        [[ -n $host ]] || continue
        { docker -H "$host" ps -aq --filter name=berth-t-; docker -H "$host" ps -aq --filter label=berth.test; } \
            2>/dev/null | sort -u | xargs -r docker -H "$host" rm -f >/dev/null 2>&1 || true
    done
    for s in "${started[@]}"; do "$root/tests/testbed/$s.sh" down || true; done
}
trap cleanup EXIT

# Stop afterwards only what this run started: a pid file that appears during `up`.
state=${BERTH_TESTBED_STATE:-/run/berth-testbed}
mkdir -p "$state/registry"
up() { # up NAME PIDFILE -> prints what `NAME.sh up` prints
    local before=no
    # A pid file left by a run that was killed does not count: only a live process does.
    [[ -f $2 ]] && kill -0 "$(cat "$2")" 2>/dev/null && before=yes
    local rc=0
    "$root/tests/testbed/$1.sh" up || rc=$?
    [[ $before == no && -f $2 ]] && started=("$1" "${started[@]}")
    return $rc
}
up engine "$state/started.pid" >"$state/engine.out" || { cat "$state/engine.out"; exit 1; }
DOCKER_HOST=$(cat "$state/engine.out")
export DOCKER_HOST
"$root/tests/testbed/images.sh"
up registry "$state/registry/started.pid" >"$state/registry.out" || { cat "$state/registry.out"; exit 1; }
BERTH_TEST_REGISTRY=$(cat "$state/registry.out")
export BERTH_TEST_REGISTRY
# Podman's Docker-compatible API, on a socket of its own: the *.podman tests run the suites there too.
mkdir -p "$state/podman"
up podman "$state/podman/started.pid" >"$state/podman.out" || { cat "$state/podman.out"; exit 1; }
BERTH_TEST_PODMAN_HOST=$(cat "$state/podman.out")
export BERTH_TEST_PODMAN_HOST
"$root/tests/testbed/podman.sh" images
# A "remote machine" for the ssh:// tests: Debian's sshd on 127.0.0.1 in front of both engines' sockets.
mkdir -p "$state/sshd"
up sshd "$state/sshd/started.pid" >"$state/sshd.out" || { cat "$state/sshd.out"; exit 1; }
BERTH_TEST_SSH_CONFIG=$(cat "$state/sshd.out")
export BERTH_TEST_SSH_CONFIG

cd "$build"
# A test that fails is run once more (its first failure stays in the output): on two shared cores a test whose
# container is slow to exit can miss a deadline once; a real failure fails both times.
xvfb-run -a -s "-screen 0 1280x1024x24" ctest --output-on-failure --timeout 900 -j2 --repeat until-pass:2 "$@"

# Arguments pick tests: that is not a full run.
if (($# == 0)) && [[ ${BERTH_QUICK:-} != 1 ]]; then
    "$root/tests/sanitize.sh"
fi
