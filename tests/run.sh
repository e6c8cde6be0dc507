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

DOCKER_HOST=$("$root/tests/testbed/engine.sh" up)
export DOCKER_HOST
[[ -f /run/berth-testbed/started.pid ]] && started+=(engine)
"$root/tests/testbed/images.sh"
BERTH_TEST_REGISTRY=$("$root/tests/testbed/registry.sh" up)
export BERTH_TEST_REGISTRY
[[ -f /run/berth-testbed/registry/started.pid ]] && started=(registry "${started[@]}")

cd "$build"
xvfb-run -a -s "-screen 0 1280x1024x24" ctest --output-on-failure --timeout 900 -j2 "$@"
