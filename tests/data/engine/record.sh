#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# Records the engine answers the unit tests replay. Run against a real engine with the test images and
# the local registry up (tests/testbed/*.sh up); review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")"
sock=${DOCKER_HOST:-unix:///var/run/docker.sock}
sock=${sock#unix://}
api=v1.41
reg=${BERTH_TEST_REGISTRY:-127.0.0.1:5055}
c() { curl -s --unix-socket "$sock" "$@"; }

c -i http://d/_ping | tr -d '\r' >ping.headers
c http://d/$api/version | python3 -m json.tool >version.json
c http://d/$api/info | python3 -m json.tool >info.json
c "http://d/$api/images/json?filters=%7B%22reference%22%3A%5B%22berth-test%2F*%22%5D%7D" | python3 -m json.tool >images.json

docker rm -f berth-rec-nb berth-rec-tick berth-rec-tty >/dev/null 2>&1 || true
docker run -d --name berth-rec-nb -e JUPYTER_TOKEN=0123456789abcdef -l berth.env=rec -p 127.0.0.1::8888 berth-test/notebook:6 >/dev/null
docker run -d --name berth-rec-tick berth-test/ticker:latest >/dev/null
docker run -d -t --name berth-rec-tty berth-test/ticker:latest >/dev/null
sleep 4
c "http://d/$api/containers/json?all=1&filters=%7B%22name%22%3A%5B%22berth-rec-%22%5D%7D" | python3 -m json.tool >containers.json
c http://d/$api/containers/berth-rec-nb/json | python3 -m json.tool >container-inspect.json
c http://d/$api/containers/berth-rec-tick/logs?stdout=1\&stderr=1\&tail=6 -o logs-multiplexed.bin
c http://d/$api/containers/berth-rec-tty/logs?stdout=1\&stderr=1\&tail=4 -o logs-tty.bin
c "http://d/$api/containers/berth-rec-nb/stats?stream=0" | python3 -m json.tool >stats-cgroup1.json
c "http://d/$api/containers/berth-rec-nb/stats?stream=0&one-shot=1" | python3 -m json.tool >stats-oneshot.json
c -w '\n%{http_code}\n' http://d/$api/containers/no-such-container/json >error-404-container.txt
c -w '\n%{http_code}\n' -X POST -H 'Content-Type: application/json' -d '{"Image":"berth-test/notebook:6"}' \
    "http://d/$api/containers/create?name=berth-rec-nb" >error-409-name.txt
c -w '\n%{http_code}\n' -X POST -d '{"Image":"berth-test/notebook:6"}' "http://d/$api/containers/create" >error-400-content-type.txt
c -w '\n%{http_code}\n' -X POST "http://d/$api/images/create?fromImage=registry.invalid/none&tag=1" >error-500-pull-offline.txt
c -w '\n%{http_code}\n' http://d/v1.99/version >error-400-api-too-new.txt
since=$(date +%s)
docker stop -t 2 berth-rec-tick >/dev/null
docker rm -f berth-rec-nb berth-rec-tick berth-rec-tty >/dev/null
until=$(date +%s)
c "http://d/$api/events?since=$since&until=$((until + 1))&filters=%7B%22type%22%3A%5B%22container%22%5D%7D" >events.jsonl
docker rmi "$reg/berth-test/pullme:1" >/dev/null 2>&1 || true
c -X POST "http://d/$api/images/create?fromImage=$reg/berth-test/pullme&tag=1" >pull-progress.jsonl
# Image archives: two small images made here, saved, removed and loaded back (layer progress, then a line per image),
# one saved by id (no tag), something that is no archive, and a save of an image that is not there.
work=$(mktemp -d)
for n in 1 2; do
    mkdir -p "$work/$n"
    echo "berth rec $n $(date +%s%N)" >"$work/$n/hello"
    tar -C "$work/$n" -cf "$work/$n.tar" hello
    docker import "$work/$n.tar" "berth-rec/load:$n" >/dev/null
done
one=$(docker image inspect -f '{{.Id}}' berth-rec/load:1)
c "http://d/$api/images/get?names=berth-rec%2Fload%3A1&names=berth-rec%2Fload%3A2" -o "$work/two.tar"
c "http://d/$api/images/get?names=$one" -o "$work/by-id.tar"
docker rmi berth-rec/load:1 berth-rec/load:2 >/dev/null
c -X POST -H 'Content-Type: application/x-tar' --data-binary @"$work/two.tar" "http://d/$api/images/load?quiet=0" \
    >load-progress.jsonl
docker rmi berth-rec/load:1 >/dev/null
c -X POST -H 'Content-Type: application/x-tar' --data-binary @"$work/by-id.tar" "http://d/$api/images/load?quiet=0" \
    >load-untagged.jsonl
head -c 100000 /dev/urandom >"$work/junk"
c -X POST -H 'Content-Type: application/x-tar' --data-binary @"$work/junk" "http://d/$api/images/load?quiet=0" \
    >load-error.jsonl
c -w '\n%{http_code}\n' "http://d/$api/images/get?names=berth-rec%2Fnone%3A1" >error-404-save.txt
docker rmi "$one" berth-rec/load:2 >/dev/null
rm -rf "$work"
echo "recorded into $(pwd)"
