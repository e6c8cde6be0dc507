#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# A rootful Podman serving its Docker-compatible API on a socket of its own, next to (never instead
# of) the Docker engine of engine.sh. Installs nothing: the caller runs `apt-get install podman`.
#   podman.sh up      -> starts `podman system service` on $state/podman.sock unless it answers
#                        already; prints the DOCKER_HOST to use (unix://...) and nothing else on stdout
#   podman.sh images  -> imports the test root tarball and makes the test variants in Podman's
#                        storage (/var/lib/containers), reusing what is present
#   podman.sh down    -> stops the service that `up` started (and only that one)
# Settings go in $state/containers.conf (CONTAINERS_CONF): no default ulimits (raising nofile fails
# in this sandbox), cgroupfs and a file events log (there is no systemd). Berth creates containers with
# "Init": true, and Podman 4.3's compatible API always looks for /usr/libexec/podman/catatonit (it
# ignores init_path), so `up` wants Debian's catatonit too (podman only Recommends it, tini satisfies that).
set -euo pipefail

state=${BERTH_TESTBED_PODMAN_STATE:-${BERTH_TESTBED_STATE:-/run/berth-testbed}/podman}
cache=${BERTH_TESTBED_CACHE:-/var/cache/berth-testbed}
sock=$state/podman.sock
base=berth-test/notebook:6
path='PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
nb_cmd='["jupyter","notebook","--ip=0.0.0.0","--port=8888","--no-browser","--allow-root"]'

die() { echo "podman.sh: $*" >&2; exit 1; }
answers() { curl -sf --max-time 3 --unix-socket "$sock" http://d/_ping >/dev/null 2>&1; }

need_podman() {
    command -v podman >/dev/null || die "podman is not installed (apt-get install podman catatonit)"
}

write_conf() {
    mkdir -p "$state"
    {
        echo '[containers]'
        echo 'default_ulimits = []'
        echo
        echo '[engine]'
        echo 'cgroup_manager = "cgroupfs"'
        echo 'events_logger = "file"'
        echo "events_logfile_path = \"$state/events.log\""
    } >"$state/containers.conf.tmp"
    mv "$state/containers.conf.tmp" "$state/containers.conf"
    # The loopback test registry (registry.sh) speaks plain HTTP; Docker allows 127.0.0.0/8 by itself.
    {
        echo 'unqualified-search-registries = ["docker.io"]'
        echo
        echo '[[registry]]'
        echo "location = \"${BERTH_TEST_REGISTRY:-127.0.0.1:5055}\""
        echo 'insecure = true'
    } >"$state/registries.conf"
}

# Every podman command of this script (the service and the image commands) reads the same settings.
export CONTAINERS_CONF=$state/containers.conf
export CONTAINERS_REGISTRIES_CONF=$state/registries.conf

have() { podman image exists "$1"; }


case "${1:-}" in
up)
    need_podman
    if answers; then
        echo "unix://$sock"
        exit 0
    fi
    [[ -x /usr/libexec/podman/catatonit ]] ||
        die "/usr/libexec/podman/catatonit is missing: containers with \"Init\": true would fail (apt-get install catatonit)"
    write_conf
    rm -f "$sock"
    # From its own folder: conmon leaves files (an "oom" marker) in the service's working directory.
    (cd "$state" && exec podman system service --time=0 "unix://$sock") >"$state/podman.log" 2>&1 &
    echo $! >"$state/started.pid"
    for _ in $(seq 1 120); do
        if answers; then
            echo "unix://$sock"
            exit 0
        fi
        if ! kill -0 "$(cat "$state/started.pid")" 2>/dev/null; then
            echo "podman.sh: podman system service exited; its log:" >&2
            tail -n 30 "$state/podman.log" >&2
            rm -f "$state/started.pid"
            exit 1
        fi
        sleep 0.5
    done
    echo "podman.sh: podman did not answer at $sock within 60 s; its log:" >&2
    tail -n 30 "$state/podman.log" >&2
    exit 1
    ;;
images)
    need_podman
    [[ -f $CONTAINERS_CONF ]] || write_conf
    if ! have "$base"; then
        tar=$cache/bookworm-notebook.tar
        [[ -s $tar ]] || die "$tar is missing (tests/testbed/images.sh builds it)"
        podman import --quiet -c "ENV $path" -c 'EXPOSE 8888' -c 'WORKDIR /root' -c "CMD $nb_cmd" \
            "$tar" "$base" >/dev/null
    fi
    # The same variants as images.sh.
    cli=podman
    # shellcheck source=tests/testbed/variants.sh
    source "$(dirname "$0")/variants.sh"
    echo "podman.sh: test images ready in Podman's storage (names get a localhost/ prefix)" >&2
    ;;
down)
    if [[ -f $state/started.pid ]]; then
        pid=$(cat "$state/started.pid")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$pid" 2>/dev/null || true
        rm -f "$state/started.pid" "$sock"
    fi
    ;;
*)
    echo "usage: podman.sh up|images|down" >&2
    exit 2
    ;;
esac
