#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# Makes sure a Docker engine answers for the tests, starting Debian's dockerd when none does.
#   engine.sh up    -> prints the DOCKER_HOST to use; starts dockerd if nothing answers there
#   engine.sh down  -> stops the dockerd that `up` started (and only that one)
set -euo pipefail

state=${BERTH_TESTBED_STATE:-/run/berth-testbed}
sock=${BERTH_TEST_SOCKET:-/var/run/docker.sock}
mkdir -p "$state"

answers() { curl -sf --max-time 3 --unix-socket "$1" http://localhost/_ping >/dev/null 2>&1; }

case "${1:-}" in
up)
    if answers "$sock"; then
        echo "unix://$sock"
        exit 0
    fi
    if ! command -v dockerd >/dev/null; then
        echo "engine.sh: no engine answers at $sock and dockerd is not installed (apt-get install docker.io)" >&2
        exit 1
    fi
    # containerd first when the package ships it apart; dockerd starts its own otherwise.
    dockerd --host "unix://$sock" --pidfile "$state/dockerd.pid" >"$state/dockerd.log" 2>&1 &
    echo $! >"$state/started.pid"
    for _ in $(seq 1 120); do
        if answers "$sock"; then
            echo "unix://$sock"
            exit 0
        fi
        if ! kill -0 "$(cat "$state/started.pid")" 2>/dev/null; then
            echo "engine.sh: dockerd exited; its log:" >&2
            tail -n 30 "$state/dockerd.log" >&2
            exit 1
        fi
        sleep 0.5
    done
    echo "engine.sh: dockerd did not answer within 60 s; its log:" >&2
    tail -n 30 "$state/dockerd.log" >&2
    exit 1
    ;;
down)
    if [[ -f "$state/started.pid" ]]; then
        pid=$(cat "$state/started.pid")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$pid" 2>/dev/null || true
        rm -f "$state/started.pid"
    fi
    ;;
*)
    echo "usage: engine.sh up|down" >&2
    exit 2
    ;;
esac
