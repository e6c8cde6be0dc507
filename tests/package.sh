#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# The Debian package as a user gets it: made by CPack from the build folder, installed into a fresh Debian 12 root
# (the test images' debootstrap root, unpacked anew) with `dpkg -i` and `apt-get -f install`, which must fetch
# every dependency dpkg-shlibdeps found; then both programs run from the installed paths, nothing they load is
# missing, the desktop file and the AppStream metainfo validate, and `apt-get remove` takes it all away again.
#   package.sh BUILD_DIR
# Needs root (chroot) and Debian's package mirror, as tests/testbed/images.sh does. Packages fetched are kept in
# $BERTH_TESTBED_CACHE/apt-archives for the next run.
set -euo pipefail
build=$(cd "$1" && pwd)
cache=${BERTH_TESTBED_CACHE:-/var/cache/berth-testbed}
rootfs=$cache/bookworm-notebook.tar
[[ -s $rootfs ]] || { echo "package.sh: $rootfs missing: tests/testbed/images.sh makes it" >&2; exit 1; }
((EUID == 0)) || { echo "package.sh: needs root (chroot)" >&2; exit 1; }

work=$(mktemp -d /var/tmp/berth-package.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "package.sh: $*" >&2; exit 1; }

# 1. The package, made in a folder of this run's own.
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1) || {
    cat "$work/cpack.log" >&2
    fail "cpack -G DEB failed"
}
deb=$(ls "$work"/out/berth_*.deb)
echo "package.sh: made $(basename "$deb") ($(du -h "$deb" | cut -f1))"
depends=$(dpkg-deb -f "$deb" Depends)
echo "package.sh: Depends: $depends"
for lib in libqt6core6 libqt6widgets6 libqt6webenginecore6 libcurl4 libc6; do
    [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib (dpkg-shlibdeps did not run?)"
done

# 2. A fresh Debian 12 root: dpkg -i (which leaves the dependencies unmet), then apt-get -f install.
root=$work/root
mkdir -p "$root" "$cache/apt-archives/partial"
tar -C "$root" -xf "$rootfs"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/berth.deb"
inroot() { unshare -m sh -c 'mount --bind "$1/apt-archives" "$2/var/cache/apt/archives" && shift 2 && exec chroot "$@"' \
    sh "$cache" "$root" "$root" "$@"; }
if inroot dpkg -i /tmp/berth.deb >"$work/dpkg.log" 2>&1; then
    echo "package.sh: dpkg -i installed it without its dependencies (they were all present)"
fi
inroot apt-get update -qq >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get update failed"; }
DEBIAN_FRONTEND=noninteractive inroot apt-get -f install -y -q --no-install-recommends >>"$work/apt.log" 2>&1 || {
    tail -n 30 "$work/apt.log" >&2
    fail "apt-get -f install failed"
}
status=$(inroot dpkg-query -W -f='${Status}' berth)
[[ $status == "install ok installed" ]] || fail "berth is '$status' after apt-get -f install"

# 3. Both programs from the installed paths; everything they and the notebook pane load is there.
for f in /usr/bin/berth /usr/bin/berthctl /usr/lib/berth/libberth_web.so; do
    missing=$(inroot ldd "$f" | grep 'not found' || true)
    [[ -z $missing ]] || fail "$f: $missing"
done
v1=$(inroot /usr/bin/berth --version) || fail "berth --version failed"
v2=$(inroot /usr/bin/berthctl --version) || fail "berthctl --version failed"
version=$(dpkg-deb -f "$deb" Version)
[[ $v1 == *"$version"* && $v2 == *"$version"* ]] || fail "versions: '$v1', '$v2', package $version"
echo "package.sh: installed: $v1 / $v2"
inroot /usr/bin/berthctl --help >/dev/null || fail "berthctl --help failed"

for f in /usr/share/applications/berth.desktop /usr/share/mime/packages/berth.xml \
         /usr/share/metainfo/io.github.berth_app.berth.metainfo.xml /usr/share/icons/hicolor/scalable/apps/berth.svg \
         /usr/share/icons/hicolor/256x256/apps/berth.png /usr/share/icons/hicolor/16x16/apps/berth.png \
         /usr/share/man/man1/berth.1 /usr/share/man/man1/berthctl.1 \
         /usr/share/bash-completion/completions/berthctl; do
    [[ -e $root$f ]] || fail "$f not installed"
done
desktop-file-validate "$root/usr/share/applications/berth.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.berth_app.berth.metainfo.xml" ||
    fail "appstreamcli validate"

# 4. Removed, nothing of it stays.
DEBIAN_FRONTEND=noninteractive inroot apt-get remove -y -q berth >>"$work/apt.log" 2>&1 || fail "apt-get remove failed"
[[ ! -e $root/usr/bin/berth && ! -e $root/usr/bin/berthctl && ! -e $root/usr/lib/berth ]] ||
    fail "files left after apt-get remove"
echo "package.sh: installed, ran, validated and removed"
