#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# A local registry on loopback (Debian's docker-registry), so pulls are real without the internet. Its
# own port (5055): Debian's package may run a registry of its own on :5000, on every interface.
#   registry.sh up    -> prints host:port; starts the registry if it is not running; pushes
#                        <host:port>/berth-test/{pullme,pullme-cli,pullme-gui,pullme-remote}:1 when missing
#   registry.sh down  -> stops the registry that `up` started
set -euo pipefail

export DOCKER_HOST=${DOCKER_HOST:-unix:///var/run/docker.sock}
state=${BERTH_TESTBED_STATE:-/run/berth-testbed}/registry
addr=${BERTH_TEST_REGISTRY:-127.0.0.1:5055}
mkdir -p "$state"

answers() { curl -sf --max-time 3 "http://$addr/v2/" >/dev/null 2>&1; }

case "${1:-}" in
up)
    if ! answers; then
        command -v docker-registry >/dev/null || {
            echo "registry.sh: docker-registry is not installed (apt-get install docker-registry)" >&2
            exit 1
        }
        cat >"$state/config.yml" <<CONF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: /var/lib/berth-testbed-registry
  delete:
    enabled: true
http:
  addr: $addr
CONF
        docker-registry serve "$state/config.yml" >"$state/registry.log" 2>&1 &
        echo $! >"$state/started.pid"
        for _ in $(seq 1 60); do
            answers && break
            sleep 0.5
        done
        answers || { echo "registry.sh: the registry did not answer; its log:" >&2; tail -20 "$state/registry.log" >&2; exit 1; }
    fi
    # One image per test that pulls, each with layers of its own, so tests running at once never share one.
    for repo in pullme pullme-cli pullme-gui pullme-remote; do
        image="$addr/berth-test/$repo:1"
        if curl -sf "http://$addr/v2/berth-test/$repo/manifests/1" \
            -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' >/dev/null; then
            continue
        fi
        work=$(mktemp -d)
        mkdir -p "$work/root/data"
        head -c 6000000 /dev/urandom >"$work/root/data/blob1"
        tar -C "$work/root" -cf "$work/layer.tar" .
        docker import -c 'CMD ["/data/none"]' "$work/layer.tar" "$image" >/dev/null
        # A second layer, so progress has more than one line to follow.
        id=$(docker create "$image")
        docker commit -c "LABEL berth.test=$repo" "$id" "$image" >/dev/null
        docker rm "$id" >/dev/null
        docker push "$image" >/dev/null
        docker rmi "$image" >/dev/null
        rm -rf "$work"
    done
    echo "$addr"
    ;;
down)
    if [[ -f "$state/started.pid" ]]; then
        kill "$(cat "$state/started.pid")" 2>/dev/null || true
        rm -f "$state/started.pid"
    fi
    ;;
*)
    echo "usage: registry.sh up|down" >&2
    exit 2
    ;;
esac
