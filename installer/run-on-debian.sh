#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# On a fresh Debian 12: install what is missing, build, and start berth. Arguments go to berth.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/installer/debian-deps.sh"
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$root/build" --target berth
exec "$root/build/bin/berth" "$@"
