#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# Builds Berth and runs every test (unit, integration on a real engine, GUI under Xvfb). Starts what it
# needs (dockerd, a loopback registry) when nothing answers, builds the test images once, and stops what
# it started. Extra arguments go to ctest (e.g. -L unit, -R TestEngineLive).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BERTH_BUILD_DIR:-$root/build}

"$root/installer/debian-deps.sh" --tests
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build"

started=()
cleanup() {
    for s in "${started[@]}"; do "$root/tests/testbed/$s.sh" down || true; done
}
trap cleanup EXIT

# Stop afterwards only what this run started: a pid file that appears during `up`.
state=${BERTH_TESTBED_STATE:-/run/berth-testbed}
mkdir -p "$state/registry"
up() { # up NAME PIDFILE -> prints what `NAME.sh up` prints
    local before=no
    [[ -f $2 ]] && before=yes
    "$root/tests/testbed/$1.sh" up
    [[ $before == no && -f $2 ]] && started=("$1" "${started[@]}")
    return 0
}
up engine "$state/started.pid" >"$state/engine.out" || { cat "$state/engine.out"; exit 1; }
DOCKER_HOST=$(cat "$state/engine.out")
export DOCKER_HOST
"$root/tests/testbed/images.sh"
up registry "$state/registry/started.pid" >"$state/registry.out"
BERTH_TEST_REGISTRY=$(cat "$state/registry.out")
export BERTH_TEST_REGISTRY

cd "$build"
xvfb-run -a -s "-screen 0 1280x1024x24" ctest --output-on-failure --timeout 900 -j2 "$@"
