#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# The window: cold start of `berth` until it shows the engine's images, against a bare Qt window with one
# label (bench/bare_window.cpp) started the same way, as a ratio of medians (goal: 1.5x at most); then berth's
# resident memory and CPU while idle, before any notebook opens (goals: under 80 MB, no CPU while idle).
# Both take turns to go first, on one Xvfb.
#   bench/gui.sh [BUILD_DIR]        (needs a running engine: tests/testbed/engine.sh up)
#   bench/gui.sh build | tee bench/results/gui.txt
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
export DOCKER_HOST=${DOCKER_HOST:-unix:///var/run/docker.sock}
runs=${BENCH_RUNS:-15}
idle=${BENCH_IDLE_SECONDS:-10}
export HOME=$(mktemp -d) XDG_CONFIG_HOME= QT_QPA_PLATFORM=xcb
trap 'rm -rf "$HOME"' EXIT

# A D-Bus session as on any desktop: without one, Qt's accessibility bridge (which Berth's named controls wake)
# would start dbus-launch on every start, a cost no desktop pays.
exec xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- python3 - "$build" "$runs" "$idle" <<'PY'
import os, statistics, subprocess, sys, tempfile, time
build, runs, idle = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
contenders = {"bare Qt window (one label)": build + "/bin/bench_bare_window",
              "berth (window showing the images)": build + "/bin/berth"}

def once(program):
    ready = tempfile.mktemp()
    env = dict(os.environ, BERTH_READY_FILE=ready, BERTH_EXIT_WHEN_READY="1")
    t0 = time.time_ns()
    p = subprocess.run([program], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    if p.returncode != 0 or not os.path.exists(ready):
        sys.exit("bench/gui.sh: %s did not get ready (exit %d)" % (program, p.returncode))
    with open(ready) as f:
        shown = int(f.read().split()[0])  # when it was ready, written by the program itself
    os.unlink(ready)
    return (shown - t0) / 1e9

times = {name: [] for name in contenders}
for name, program in contenders.items():
    once(program)  # warm the page cache: a cold start of the program, not of the disk
for i in range(runs):
    order = list(contenders.items())
    if i % 2:
        order.reverse()
    for name, program in order:
        times[name].append(once(program))

bare = statistics.median(times["bare Qt window (one label)"])
print("cold start                           median s   ratio   min s   max s")
for name, ts in times.items():
    m = statistics.median(ts)
    print("%-36s %8.3f   %4.2fx  %6.3f  %6.3f" % (name, m, m / bare, min(ts), max(ts)))
ratio = statistics.median(times["berth (window showing the images)"]) / bare
print("%d rounds, each first in every other one; goal: berth <= 1.50x the bare window -> %s"
      % (runs, "met" if ratio <= 1.5 else "NOT met"))

# Idle: berth up, images shown, then left alone.
ready = tempfile.mktemp()
p = subprocess.Popen([build + "/bin/berth"], env=dict(os.environ, BERTH_READY_FILE=ready),
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
deadline = time.time() + 60
while not os.path.exists(ready) and time.time() < deadline:
    time.sleep(0.05)
time.sleep(2)  # what follows the first list (verdicts, the status line) settles

def ticks(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime

def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])

hz = os.sysconf("SC_CLK_TCK")
t0, c0 = time.time(), ticks(p.pid)
time.sleep(idle)
cpu = (ticks(p.pid) - c0) / hz / (time.time() - t0) * 100
rss = rss_kib(p.pid) / 1024
p.terminate()
p.wait(10)
print("berth idle: %.1f MB resident, %.2f %% CPU over %d s (goals: under 80 MB -> %s; no CPU while idle -> %s)"
      % (rss, cpu, idle, "met" if rss < 80 else "NOT met", "met" if cpu < 0.5 else "NOT met"))
PY
