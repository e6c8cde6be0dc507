#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# A "remote" machine for the ssh:// tests: Debian's sshd on 127.0.0.1 only, with a host key, a client key and
# known_hosts of its own (nothing in ~/.ssh is read or written), in front of this machine's engines. Installs
# nothing: the caller runs `apt-get install openssh-server`.
#   sshd.sh up    -> starts sshd unless it answers already; prints the ssh config file to use (ssh -F FILE, host
#                    berth-test-remote) and nothing else on stdout
#   sshd.sh down  -> stops the sshd that `up` started (and only that one)
# The session's PATH starts with $state/bin, which holds what the remote has that this machine lacks: an nvidia-smi
# answering as a lab server with two GPUs and driver 570 does (the fields Berth asks, in nvidia-smi's CSV form).
set -euo pipefail

state=${BERTH_TESTBED_SSHD_STATE:-${BERTH_TESTBED_STATE:-/run/berth-testbed}/sshd}
port=${BERTH_TEST_SSH_PORT:-2022}
die() { echo "sshd.sh: $*" >&2; exit 1; }
answers() {
    ssh -F "$state/ssh_config" -o BatchMode=yes -o ConnectTimeout=3 berth-test-remote true >/dev/null 2>&1
}

case "${1:-}" in
up)
    [[ -x /usr/sbin/sshd ]] || die "sshd is not installed (apt-get install openssh-server)"
    mkdir -p "$state/bin"
    chmod 700 "$state"
    cat >"$state/bin/nvidia-smi" <<'SMI'
#!/bin/sh
case "$*" in
*--query-gpu=index,name,uuid,driver_version,memory.total,compute_cap*)
    echo 'index, name, uuid, driver_version, memory.total [MiB], compute_cap'
    echo '0, NVIDIA TITAN V, GPU-5d0a9e3c-6f1b-4d1e-9a7e-0c3f2b1a4e55, 570.86.15, 12288, 7.0'
    echo '1, NVIDIA RTX 5880 Ada Generation, GPU-8b2c41f0-2d6e-4c8a-b1f3-7e9d0a6c5b21, 570.86.15, 49140, 8.9' ;;
*) echo "nvidia-smi (test): only --query-gpu is answered" >&2; exit 2 ;;
esac
SMI
    chmod 755 "$state/bin/nvidia-smi"
    if [[ -f $state/ssh_config ]] && answers; then
        echo "$state/ssh_config"
        exit 0
    fi
    [[ -f $state/host_key ]] || ssh-keygen -q -t ed25519 -N '' -C berth-test-host -f "$state/host_key"
    [[ -f $state/client_key ]] || ssh-keygen -q -t ed25519 -N '' -C berth-test-client -f "$state/client_key"
    cp "$state/client_key.pub" "$state/authorized_keys"
    echo "[127.0.0.1]:$port $(cut -d' ' -f1-2 "$state/host_key.pub")" >"$state/known_hosts"
    cat >"$state/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $state/host_key
AuthorizedKeysFile $state/authorized_keys
PidFile $state/sshd.pid
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
AllowTcpForwarding yes
AllowStreamLocalForwarding yes
MaxSessions 64
MaxStartups 64
SetEnv PATH=$state/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
LogLevel VERBOSE
CONF
    cat >"$state/ssh_config" <<CONF
Host berth-test-remote
    HostName 127.0.0.1
    Port $port
    User root
    IdentityFile $state/client_key
    IdentitiesOnly yes
    UserKnownHostsFile $state/known_hosts
    GlobalKnownHostsFile /dev/null
    StrictHostKeyChecking yes
CONF
    mkdir -p /run/sshd
    /usr/sbin/sshd -f "$state/sshd_config" -E "$state/sshd.log" || { tail -n 20 "$state/sshd.log" >&2; die "sshd did not start"; }
    cp "$state/sshd.pid" "$state/started.pid"
    for _ in $(seq 1 50); do
        if answers; then
            echo "$state/ssh_config"
            exit 0
        fi
        sleep 0.2
    done
    tail -n 20 "$state/sshd.log" >&2
    die "sshd does not answer on 127.0.0.1:$port"
    ;;
down)
    if [[ -f $state/started.pid ]]; then
        kill "$(cat "$state/started.pid")" 2>/dev/null || true
        rm -f "$state/started.pid"
    fi
    ;;
*)
    echo "usage: sshd.sh up|down" >&2
    exit 2
    ;;
esac
