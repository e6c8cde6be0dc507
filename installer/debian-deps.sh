#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# Installs the Debian 12 packages Berth needs and that are missing; installs nothing that is present.
#   debian-deps.sh          to build and run Berth, and Podman when neither Docker nor Podman is installed (Berth
#                           needs an engine; Podman runs as the user, without root or the docker group)
#   debian-deps.sh --tests  also what the test suite needs (an engine, a registry, Xvfb, debootstrap, clang and
#                           its libFuzzer and sanitizer runtimes, which clang only recommends)
set -euo pipefail

build=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-webengine-dev libqt6webenginecore6-bin
       qt6-charts-dev qt6-tools-dev qt6-l10n-tools libgl-dev libcurl4-openssl-dev nlohmann-json3-dev curl
       ca-certificates)
tests=(docker.io docker-registry debootstrap xvfb xauth python3 iproute2 socat podman catatonit
       clang libclang-rt-14-dev acl python3-pyatspi at-spi2-core dbus desktop-file-utils appstream dpkg-dev
       openssh-server openssh-client)

want=("${build[@]}")
[[ ${1:-} == --tests ]] && want+=("${tests[@]}")
if ! command -v docker >/dev/null && ! command -v podman >/dev/null && ! command -v dockerd >/dev/null; then
    echo "Neither Docker nor Podman is installed: installing Podman, which Berth starts for you (no root needed)." >&2
    want+=(podman catatonit uidmap slirp4netns)
fi

missing=()
for p in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
((${#missing[@]} == 0)) && exit 0

echo "Installing: ${missing[*]}" >&2
sudo=()
((EUID == 0)) || sudo=(sudo)
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

# Debian's docker-registry starts a registry of its own on :5000, on every interface, with no login. The
# tests run theirs on loopback only (tests/testbed/registry.sh); the package's service is not wanted.
if [[ " ${missing[*]} " == *" docker-registry "* ]] && command -v systemctl >/dev/null && [[ -d /run/systemd/system ]]; then
    "${sudo[@]}" systemctl disable --now docker-registry.service >/dev/null 2>&1 || true
fi
