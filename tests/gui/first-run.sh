#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# A machine where Podman is installed and no engine runs, made inside this machine: a mount namespace of its own
# with an empty /run (no Docker socket, no Podman socket, no session), a fresh HOME, no DOCKER_HOST, and Podman
# storage of its own (one tiny image in it), so that the Podman service the window starts shares nothing with the
# test bed's engines. Then runs the test given (TestFirstRun).
#   first-run.sh TEST [ARGS...]
set -euo pipefail
((EUID == 0)) || { echo "first-run.sh: needs root (a mount namespace)" >&2; exit 1; }
if [[ -z ${BERTH_FIRST_RUN_NAMESPACE:-} ]]; then
    exec unshare -m --propagation private env BERTH_FIRST_RUN_NAMESPACE=1 "$0" "$@"
fi
command -v podman >/dev/null || { echo "first-run.sh: podman is not installed (apt-get install podman)" >&2; exit 1; }

work=$(mktemp -d /var/tmp/berth-first-run.XXXXXX)
cleanup() {
    # The service the window started outlives it by design: stopped here, with whatever it started.
    [[ -f /run/user/0/berth/podman-service.pid ]] && kill "$(cat /run/user/0/berth/podman-service.pid)" 2>/dev/null || true
    sleep 0.5
    rm -rf "$work"
}
trap cleanup EXIT
mount -t tmpfs -o mode=755 berth-first-run /run
mkdir -m 700 -p /run/user/0
export XDG_RUNTIME_DIR=/run/user/0 HOME=$work/home XDG_CONFIG_HOME=$work/config
mkdir -p "$HOME" "$XDG_CONFIG_HOME"
unset DOCKER_HOST DOCKER_CONTEXT DOCKER_CONFIG BERTH_TEST_PODMAN_HOST

cat >"$work/storage.conf" <<CONF
[storage]
driver = "vfs"
graphroot = "$work/storage"
runroot = "$work/runroot"
CONF
cat >"$work/containers.conf" <<CONF
[containers]
default_ulimits = []

[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$work/events.log"
tmp_dir = "$work/libpod"
CONF
export CONTAINERS_STORAGE_CONF=$work/storage.conf CONTAINERS_CONF=$work/containers.conf

# One image, a few bytes, for the window to list.
mkdir -p "$work/image"
echo "Berth's first run" >"$work/image/hello.txt"
tar -C "$work/image" -cf "$work/image.tar" .
podman import "$work/image.tar" berth-test/first-run:1 >/dev/null

"$@"
