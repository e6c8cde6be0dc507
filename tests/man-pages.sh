#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# The manual pages as man renders them: no troff warning, and berthctl(1) names every command berthctl has.
# Usage: tests/man-pages.sh BERTHCTL BERTH.1 BERTHCTL.1
set -eu
berthctl=$1
shift
for page in "$@"; do
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=100 man --warnings -l "$page" 2>&1 >/dev/null)
    if [ -n "$warnings" ]; then
        echo "$page: $warnings" >&2
        exit 1
    fi
done
ctlpage=$2
for command in $("$berthctl" complete commands); do
    grep -qx ".B $command" "$ctlpage" || { echo "berthctl(1) lacks the command $command" >&2; exit 1; }
done
for option in $("$berthctl" complete options launch); do
    o=$(printf '%s' "$option" | sed 's/-/\\\\-/g')
    grep -q "$o" "$ctlpage" || { echo "berthctl(1) lacks launch's $option" >&2; exit 1; }
done
echo "man pages: fine"
