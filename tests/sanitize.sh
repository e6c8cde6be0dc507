#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# The slow half of a full test run; tests/run.sh runs it once the suite has passed.
#   fuzz: builds the libFuzzer targets with clang (build-fuzz) and runs each a fixed number of times from a fixed
#         seed (at most BERTH_FUZZ_SECONDS, 60) on a copy of its seeds in a temporary folder. A crash leaves its input in a folder of /tmp, named below.
#   asan: builds Berth with ASan and UBSan (build-asan) and runs the unit and integration tests there. The
#         integration tests need the engine and registry tests/run.sh starts (DOCKER_HOST, BERTH_TEST_REGISTRY).
# Usage: tests/sanitize.sh [fuzz|asan]   (both when none is named). Runs both even when the first fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
steps=("$@")
((${#steps[@]})) || steps=(fuzz asan)
seconds=${BERTH_FUZZ_SECONDS:-60}
work=$(mktemp -d "${TMPDIR:-/tmp}/berth-sanitize.XXXXXX")
trap 'rm -rf "$work"' EXIT
failed=()

# NAME RUNS SEEDS...: one target, on a copy of its seeds; new inputs and crashes go to $work, never to the tree.
# A fixed seed and a fixed number of runs make CI's run the same every time (a run that passed here passes
# there; BERTH_FUZZ_SEED=0 picks a new seed, for exploring); BERTH_FUZZ_SECONDS bounds it in time as well.
fuzzTarget() {
    local name=$1 runs=$2
    shift 2
    mkdir -p "$work/$name/corpus" "$work/$name/found"
    cp -R "$@" "$work/$name/corpus/"
    local start=$SECONDS rc=0
    # -timeout: one input that takes this long is a hang; timeout(1) is there in case libFuzzer itself hangs.
    timeout $((seconds + 300)) "$root/build-fuzz/fuzz/$name" -max_total_time="$seconds" -timeout=30 \
        -seed="${BERTH_FUZZ_SEED:-1}" -runs="$((runs * ${BERTH_FUZZ_SCALE:-1}))" \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/$name/found/" "$work/$name/corpus" \
        >"$work/$name/log" 2>&1 || rc=$?
    if ((rc == 0)); then
        echo "fuzz: $name: $(grep -m1 -o 'Done [0-9]* runs' "$work/$name/log" || echo 'done') in $((SECONDS - start)) s"
        return 0
    fi
    failed+=("fuzz $name")
    local keep
    keep=$(mktemp -d "${TMPDIR:-/tmp}/berth-fuzz-$name.XXXXXX")
    cp "$work/$name/log" "$work/$name/found/"* "$keep/" 2>/dev/null || true
    echo "fuzz: $name FAILED (exit $rc); its log and input are in $keep. The end of the log:" >&2
    tail -n 60 "$work/$name/log" >&2
    for f in "$work/$name/found/"*; do
        [[ -f $f ]] || continue
        echo "input $(basename "$f"), base64 (replay: base64 -d >in && build-fuzz/fuzz/$name in):" >&2
        head -c 4096 "$f" | base64 -w 100 >&2
    done
}

fuzz() {
    cmake -S "$root" -B "$root/build-fuzz" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBERTH_FUZZ=ON \
        -DBERTH_BUILD_GUI=OFF -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
    cmake --build "$root/build-fuzz" --target fuzz_engine_input fuzz_gpu_parsers fuzz_hostile_text fuzz_profile
    fuzzTarget fuzz_engine_input 40000 "$root/tests/data/engine/."
    fuzzTarget fuzz_gpu_parsers 30000 "$root/tests/data/gpu/."
    fuzzTarget fuzz_hostile_text 4000 "$root/tests/fuzz/corpus/hostile_text/."
    fuzzTarget fuzz_profile 20000 "$root/resources/profiles/." "$root/tests/data/profiles/bad/."
}

asan() {
    cmake -S "$root" -B "$root/build-asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBERTH_SANITIZE=ON \
        -DBERTH_BUILD_GUI=OFF >/dev/null
    cmake --build "$root/build-asan"
    # Podman's runs are the same executables: the Docker runs cover the code. TestLifecycleLeaks measures
    # resident memory, which ASan's quarantine of freed blocks would make grow: it runs without one (LSan
    # still sees its leaks), the others with. Reports go to files, since a test that runs berthctl may keep
    # its stderr to itself, and a berthctl that aborts is caught there too.
    local reports=$work/sanitizer-reports lifecycle='^TestLifecycleLeaks$' rc=0
    mkdir -p "$reports"
    local asanOptions=detect_leaks=1:abort_on_error=1:log_path=$reports/asan
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$reports/ubsan
    cd "$root/build-asan"
    ASAN_OPTIONS=$asanOptions ctest -L 'unit|integration' -LE podman -E "$lifecycle" -j2 --output-on-failure \
        --timeout 900 || rc=1
    ASAN_OPTIONS=$asanOptions:quarantine_size_mb=0 ctest -L 'unit|integration' -LE podman -R "$lifecycle" \
        --output-on-failure --timeout 900 || rc=1
    cd - >/dev/null
    unset UBSAN_OPTIONS
    for f in "$reports"/*; do
        [[ -f $f ]] || continue
        rc=1
        echo "asan: sanitizer report $(basename "$f"):" >&2
        cat "$f" >&2
    done
    ((rc == 0)) || failed+=("asan")
}

for s in "${steps[@]}"; do
    case $s in
    fuzz | asan) "$s" ;;
    *) echo "usage: tests/sanitize.sh [fuzz|asan]" >&2 && exit 2 ;;
    esac
done
if ((${#failed[@]})); then
    echo "tests/sanitize.sh: failed: ${failed[*]}" >&2
    exit 1
fi
