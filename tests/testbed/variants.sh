# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# The test image variants, made from berth-test/notebook:6 on the engine whose CLI is $cli (docker from
# images.sh, podman from podman.sh; both define `have`). Sourced, not run.
# shellcheck shell=bash disable=SC2016 # the $ in CMDs belong to the containers' shells

# variant NAME CHANGE... : commit a created (never started) container of the base with other settings.
variant() {
    local name=$1
    shift
    have "$name" && return 0
    local args=()
    for c in "$@"; do args+=(--change "$c"); done
    local id
    id=$("$cli" create "$base")
    "$cli" commit "${args[@]}" "$id" "$name" >/dev/null
    "$cli" rm "$id" >/dev/null
}

# jupyter_server 1.x (ServerApp), the backend of JupyterLab and Notebook 7.
variant berth-test/jupyter-server:1 \
    'CMD ["jupyter","server","--ip=0.0.0.0","--port=8888","--no-browser","--allow-root"]'
# Shaped like tensorflow/tensorflow:*-jupyter: notebooks in /tf, bash -c command line.
variant berth-test/tf-shaped:latest 'WORKDIR /tf' \
    'CMD ["bash","-c","jupyter notebook --notebook-dir=/tf --ip 0.0.0.0 --no-browser --allow-root"]'
# Shaped like jupyter/docker-stacks: user jovyan, notebooks in /home/jovyan/work, tini as PID 1.
variant berth-test/stacks-shaped:latest 'USER jovyan' 'WORKDIR /home/jovyan' 'ENV JUPYTER_PORT=8888' \
    'ENTRYPOINT ["tini","-g","--"]' \
    'CMD ["jupyter","server","--ip=0.0.0.0","--port=8888","--no-browser","--ServerApp.root_dir=/home/jovyan"]'
# Ignores JUPYTER_TOKEN: Jupyter generates its own token and prints it in its log.
variant berth-test/own-token:latest \
    'CMD ["env","-u","JUPYTER_TOKEN","jupyter","notebook","--ip=0.0.0.0","--no-browser","--allow-root"]'
# Starts slowly: 12 s before the server listens.
variant berth-test/slow-start:latest \
    'CMD ["sh","-c","sleep 12; exec jupyter notebook --ip=0.0.0.0 --no-browser --allow-root"]'
# Exits at once with a message on stderr.
variant berth-test/exits-at-once:latest \
    'CMD ["sh","-c","echo \"fatal: this image has no notebook server configured\" >&2; exit 3"]'
# A plain shell for engine tests: prints one line a second, to stdout and to stderr.
variant berth-test/ticker:latest \
    'CMD ["sh","-c","i=0; while true; do i=$((i+1)); echo out $i; echo err $i >&2; sleep 1; done"]'

