#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# Runs a test against Podman's Docker-compatible API: DOCKER_HOST from BERTH_TEST_PODMAN_HOST, which
# tests/run.sh sets after `tests/testbed/podman.sh up`. Fails (never skips) when it is not set.
: "${BERTH_TEST_PODMAN_HOST:?is not set: start Podman with tests/testbed/podman.sh up (tests/run.sh does)}"
DOCKER_HOST=$BERTH_TEST_PODMAN_HOST
export DOCKER_HOST
exec "$@"
