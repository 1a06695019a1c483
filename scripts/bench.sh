#!/usr/bin/env bash
# Measures runbook against the floor, side by side on this machine, and
# prints one table of ratios (see BENCHMARKS.md for what each figure means
# and the budgets). Each figure is the ratio of two things measured in the
# same run, so it holds on a noisy machine; each side is the best of three.
#
# Usage: scripts/bench.sh [EVENTS]     (default 100000 events in the long log)
#
# Builds release binaries (runbook and examples/baseline.rs), then writes
# its data under target/bench/: a 10,000-step synthetic plan and an incident
# with a long log (`runbook generate`, hidden).
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-100000}
target=${CARGO_TARGET_DIR:-target}

cargo build --locked --release --quiet --bin runbook --example baseline
runbook=$target/release/runbook
baseline=$target/release/examples/baseline
work=target/bench
rm -rf "$work"
mkdir -p "$work"

echo "generating: a 10,000-step plan, an incident of $events events" >&2
"$runbook" generate plan --steps 10000 --people 2000 --units 300 --classes 50 --out "$work/plan.ron" >/dev/null
dir=$("$runbook" generate incident --plan plans/online-education-platform.ron --events "$events" --data-dir "$work/data")
log="$dir/log-gen.jsonl"

# CPU seconds (user + system) per run and peak memory (KiB) of a command:
# REPS runs in a row make one trial (GNU time counts in hundredths of a
# second, too coarse for a 50 ms run), and the best of three trials counts.
measure() {
    local reps=$1
    shift
    local best_cpu="" best_mem=""
    for _ in 1 2 3; do
        local total=0 mem=0
        for _ in $(seq "$reps"); do
            local tf user sys m
            tf=$(mktemp)
            /usr/bin/time -o "$tf" -f "%U %S %M" "$@" >/dev/null 2>&1
            read -r user sys m <"$tf"
            rm -f "$tf"
            total=$(awk -v t="$total" -v u="$user" -v s="$sys" 'BEGIN { print t + u + s }')
            [ "$m" -gt "$mem" ] && mem=$m
        done
        local cpu
        cpu=$(awk -v t="$total" -v n="$reps" 'BEGIN { printf "%.4f", t / n }')
        if [ -z "$best_cpu" ] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then
            best_cpu=$cpu
        fi
        if [ -z "$best_mem" ] || [ "$mem" -lt "$best_mem" ]; then
            best_mem=$mem
        fi
    done
    echo "$best_cpu $best_mem"
}

# Microseconds per durable append, best of three.
append_us() {
    local best=""
    for _ in 1 2 3; do
        local d
        d=$(mktemp -d "$work/append.XXXX")
        local us
        us=$("$baseline" "$1" "$d" 300 | awk '{ print $1 }')
        if [ -z "$best" ] || awk -v a="$us" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$us
        fi
    done
    echo "$best"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
verdict() { awk -v r="$1" -v b="$2" 'BEGIN { if (r == "n/a") print "?"; else if (r <= b) print "within"; else print "OVER" }'; }

row() { printf "%-52s %10s %10s %7s %7s  %s\n" "$@"; }
row "figure" "runbook" "floor" "ratio" "budget" ""
row "----------------------------------------------------" "----------" "----------" "-------" "-------" ""

read -r plan_cpu plan_mem < <(measure 10 "$runbook" check "$work/plan.ron")
read -r ron_cpu _ < <(measure 10 "$baseline" ron "$work/plan.ron")
r=$(ratio "$plan_cpu" "$ron_cpu")
row "2. load+validate 10,000-step plan vs ron::Value (s)" "$plan_cpu" "$ron_cpu" "$r" "1.5" "$(verdict "$r" 1.5)"

app=$(append_us append-runbook)
raw=$(append_us append)
r=$(ratio "$app" "$raw")
row "3. durable append vs write+sync_data (µs)" "$app" "$raw" "$r" "1.15" "$(verdict "$r" 1.15)"

name=$(basename "$dir")
read -r replay_cpu replay_mem < <(RUNBOOK_DATA_DIR="$work/data" measure 1 "$runbook" incident status "$name")
read -r floor_cpu floor_mem < <(measure 1 "$baseline" jsonl "$log")
r=$(ratio "$replay_cpu" "$floor_cpu")
row "4. replay $events events vs sha2+serde_json (s)" "$replay_cpu" "$floor_cpu" "$r" "1.5" "$(verdict "$r" 1.5)"

read -r verify_cpu verify_mem < <(measure 1 "$runbook" verify "$dir")
r=$(ratio "$verify_cpu" "$floor_cpu")
row "   verify the same log vs sha2+serde_json (s)" "$verify_cpu" "$floor_cpu" "$r" "-" ""

size_kib=$(( $(stat -c %s "$log") / 1024 ))
row "   peak memory, replay / verify / floor (KiB)" "$replay_mem/$verify_mem" "$floor_mem" "-" "-" "log: $size_kib KiB"
row "   peak memory loading the 10,000-step plan (KiB)" "$plan_mem" "" "" "" ""
row "1. first frame vs a bare eframe window" "" "" "" "1.2" "not measured yet"
row "5. frame CPU, large vs bundled plan and incident" "" "" "" "1.5" "not measured yet"
row "6. peak memory, 10,000-step plan vs bare window" "" "" "" "1.3" "not measured yet"
