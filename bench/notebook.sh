#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# The notebook pane: from the click on Launch to a notebook in the window whose kernel is idle, against a
# browserless baseline on the same image (berthctl launch --no-wait, then poll Jupyter's /api/status until it
# answers), as a ratio of medians (goal: 1.2x at most); then the resident and proportional memory of Berth
# with its web processes, with one and with three notebooks open.
#   bench/notebook.sh [BUILD_DIR]   (needs a running engine and berth-test/notebook:6: tests/testbed/engine.sh up)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
export DOCKER_HOST=${DOCKER_HOST:-unix:///var/run/docker.sock}
runs=${BENCH_RUNS:-5}
image=${BENCH_IMAGE:-berth-test/notebook:6}
work=$(mktemp -d)
export HOME=$work/home XDG_CONFIG_HOME= XDG_CACHE_HOME= QT_QPA_PLATFORM=xcb
mkdir -p "$HOME" "$work/ws"
trap 'rm -rf "$work"' EXIT
cat >"$work/ws/calc.ipynb" <<'NB'
{"cells": [{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": ["6 * 7"]}],
 "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
 "nbformat": 4, "nbformat_minor": 5}
NB

exec xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- python3 - "$build" "$runs" "$image" "$work/ws" <<'PY'
import json, random, statistics, subprocess, sys, time, urllib.error, urllib.request
build, runs, image, ws = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
ctl = build + "/bin/berthctl"

def baseline():
    name = "berth-bench-base-%06d" % random.randrange(10**6)
    t0 = time.monotonic()
    try:
        out = subprocess.run([ctl, "--json", "launch", image, "--name", name, "--workspace", ws, "--no-wait"],
                             check=True, capture_output=True, text=True).stdout
        url = json.loads(out)["url"]
        deadline = t0 + 120
        while True:  # until Jupyter answers at all (without the token: 403), as a script polling for it would
            try:
                with urllib.request.urlopen(url + "api/status", timeout=2):
                    break
            except urllib.error.HTTPError:
                break
            except Exception:
                if time.monotonic() > deadline:
                    sys.exit("bench/notebook.sh: Jupyter in %s did not answer in 120 s" % name)
                time.sleep(0.05)
        return time.monotonic() - t0
    finally:
        subprocess.run([ctl, "rm", "--force", name], capture_output=True)

def berth():
    out = subprocess.run([build + "/bin/bench_notebook", "open", image, ws], check=True, capture_output=True,
                         text=True).stdout
    return float(out.split()[-1])

times = {"baseline (launch, poll /api/status)": [], "berth (launch to an idle kernel in the pane)": []}
for i in range(runs):
    order = list(times)
    if i % 2:
        order.reverse()
    for name in order:
        times[name].append(baseline() if name.startswith("baseline") else berth())
base = statistics.median(times["baseline (launch, poll /api/status)"])
print("open a notebook                              median s   ratio   min s   max s")
for name, ts in times.items():
    m = statistics.median(ts)
    print("%-44s %8.2f   %4.2fx  %6.2f  %6.2f" % (name, m, m / base, min(ts), max(ts)))
ratio = statistics.median(times["berth (launch to an idle kernel in the pane)"]) / base
print("%d rounds, each first in every other one; goal: berth <= 1.20x the baseline -> %s"
      % (runs, "met" if ratio <= 1.2 else "NOT met"))
out = subprocess.run([build + "/bin/bench_notebook", "memory", image, ws], check=True, capture_output=True,
                     text=True).stdout
for line in out.splitlines():
    n, rss, pss = line.split()
    print("berth with %s notebook(s) open: %.0f MB resident, %.0f MB proportional (Berth and its web processes)"
          % (n, int(rss) / 1024, int(pss) / 1024))
PY
