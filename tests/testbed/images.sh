#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# Builds the test images from Debian's packages (no registry is reachable): one minimal bookworm
# root with the classic notebook server and jupyter_server, imported once, then cheap variants made
# by committing a created container with other CMD/ENV/WORKDIR. Images already present are reused.
#   images.sh            build what is missing on the engine at $DOCKER_HOST
# (podman.sh images does the same for Podman, from the same root tarball and variants.sh.)
set -euo pipefail

export DOCKER_HOST=${DOCKER_HOST:-unix:///var/run/docker.sock}
cache=${BERTH_TESTBED_CACHE:-/var/cache/berth-testbed}
mirror=${BERTH_DEBIAN_MIRROR:-http://deb.debian.org/debian}
base=berth-test/notebook:6
path='PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
nb_cmd='["jupyter","notebook","--ip=0.0.0.0","--port=8888","--no-browser","--allow-root"]'

have() { docker image inspect "$1" >/dev/null 2>&1; }

rootfs_tar() {
    local tar="$cache/bookworm-notebook.tar"
    if [[ -s $tar ]]; then
        echo "$tar"
        return
    fi
    command -v debootstrap >/dev/null || { echo "images.sh: debootstrap missing (apt-get install debootstrap)" >&2; exit 1; }
    mkdir -p "$cache"
    local root="$cache/root.$$"
    rm -rf "$root"
    echo "images.sh: debootstrap of bookworm with python3-notebook (about 3 minutes)..." >&2
    debootstrap --variant=minbase bookworm "$root" "$mirror" >"$cache/debootstrap.log" 2>&1 || {
        tail -n 20 "$cache/debootstrap.log" >&2
        exit 1
    }
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    (chroot "$root" apt-get update &&
        DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get install -y --no-install-recommends \
            python3-notebook python3-jupyter-server jupyter-core jupyter-notebook jupyter-server tini) >>"$cache/debootstrap.log" 2>&1 || {
        tail -n 20 "$cache/debootstrap.log" >&2
        exit 1
    }
    # A docker-stacks-like user and a tensorflow-like notebook folder.
    chroot "$root" useradd -m -u 1000 -s /bin/bash jovyan
    mkdir -p "$root/home/jovyan/work" "$root/tf"
    chroot "$root" chown -R 1000:1000 /home/jovyan
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
    tar -C "$root" --numeric-owner -cf "$tar.tmp" .
    mv "$tar.tmp" "$tar"
    rm -rf "$root"
    echo "$tar"
}


if ! have "$base"; then
    tar=$(rootfs_tar)
    docker import -c "ENV $path" -c 'EXPOSE 8888' -c 'WORKDIR /root' -c "CMD $nb_cmd" "$tar" "$base" >/dev/null
fi

cli=docker
# shellcheck source=tests/testbed/variants.sh
source "$(dirname "$0")/variants.sh"

echo "images.sh: test images ready on $DOCKER_HOST" >&2
