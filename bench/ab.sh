#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# Two or more builds of the window side by side, started the way bench/gui.sh starts them (one Xvfb, a D-Bus
# session, until painted with the engine's images), taking turns round after round: on a machine whose speed
# swings from minute to minute, only runs interleaved like this tell whether a change made the start faster.
#   bench/ab.sh ROUNDS NAME=PROGRAM[:VAR=VALUE,...] ...
#   bench/ab.sh 41 bare=build/bin/bench_bare_window before=/tmp/old/bin/berth after=build/bin/berth
# Prints each one's median and quartiles, and its ratio to the first.
set -euo pipefail
(($# >= 2)) || { sed -n '3,10p' "$0" >&2; exit 2; }
export DOCKER_HOST=${DOCKER_HOST:-unix:///var/run/docker.sock}
export HOME=$(mktemp -d) XDG_CONFIG_HOME= QT_QPA_PLATFORM=xcb
trap 'rm -rf "$HOME"' EXIT
exec xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- python3 - "$@" <<'PY'
import os, statistics, subprocess, sys, tempfile, time
rounds, contenders = int(sys.argv[1]), []
for arg in sys.argv[2:]:
    name, rest = arg.split("=", 1)
    program, _, extra = rest.partition(":")
    contenders.append((name, program, dict(e.split("=", 1) for e in extra.split(",") if e)))

def once(program, extra):
    ready = tempfile.mktemp()
    env = dict(os.environ, BERTH_READY_FILE=ready, BERTH_EXIT_WHEN_READY="1", **extra)
    t0 = time.time_ns()
    p = subprocess.run([program], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    if p.returncode != 0 or not os.path.exists(ready):
        sys.exit("bench/ab.sh: %s did not get ready (exit %d)" % (program, p.returncode))
    with open(ready) as f:
        shown = int(f.read().split()[0])
    os.unlink(ready)
    return (shown - t0) / 1e6

times = {name: [] for name, _, _ in contenders}
for _, program, extra in contenders:
    once(program, extra)  # the page cache warmed
for i in range(rounds):
    for name, program, extra in (contenders if i % 2 == 0 else list(reversed(contenders))):
        times[name].append(once(program, extra))
first = statistics.median(times[contenders[0][0]])
for name, ts in times.items():
    q = statistics.quantiles(ts, n=4)
    print("%-24s median %6.1f ms  %4.2fx  (quartiles %.1f, %.1f)" % (name, statistics.median(ts),
                                                                     statistics.median(ts) / first, q[0], q[2]))
PY
