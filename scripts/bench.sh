#!/usr/bin/env bash
# Measures runbook against the floor, side by side on this machine, and
# prints one table of ratios (see BENCHMARKS.md for what each figure means
# and the budgets). Each figure is the ratio of two things measured in the
# same run, so it holds on a noisy machine; each side is the best of three.
#
# Usage: scripts/bench.sh [EVENTS]     (default 100000 events in the long log)
#
# Builds release binaries (runbook and the examples baseline, frames and
# bare_window), then writes
# its data under target/bench/: a 10,000-step synthetic plan and an incident
# with a long log (`runbook generate`, hidden).
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-100000}
target=${CARGO_TARGET_DIR:-target}

cargo build --locked --release --quiet --bin runbook --example baseline --example frames --example bare_window
runbook=$target/release/runbook
baseline=$target/release/examples/baseline
frames=$target/release/examples/frames
bare=$target/release/examples/bare_window
work=target/bench
rm -rf "$work"
mkdir -p "$work"

echo "generating: a 10,000-step plan, an incident of $events events" >&2
"$runbook" generate plan --steps 10000 --people 2000 --units 300 --classes 50 --out "$work/plan.ron" >/dev/null
dir=$("$runbook" generate incident --plan plans/online-education-platform.ron --events "$events" --data-dir "$work/data")
log="$dir/log-gen.jsonl"
# For the frames (figure 5): the bundled plan with a short incident, and the
# large plan with a long one.
small=$("$runbook" generate incident --plan plans/online-education-platform.ron --events 50 --data-dir "$work/small")
large=$("$runbook" generate incident --plan "$work/plan.ron" --events "$events" --data-dir "$work/large")

# The smaller of two numbers; an empty second one (no trial yet) loses.
lesser() {
    if [ -z "$2" ] || awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; then
        echo "$1"
    else
        echo "$2"
    fi
}

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
        best_cpu=$(lesser "$cpu" "$best_cpu")
        best_mem=$(lesser "$mem" "$best_mem")
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
        best=$(lesser "$us" "$best")
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

# Figures 1 and 6 need a display: Xvfb when there is none (a software
# renderer draws the frame), no fonts from the system, a fresh home.
if [ -z "${DISPLAY:-}" ]; then
    Xvfb :58 -screen 0 1600x1000x24 >/dev/null 2>&1 &
    xvfb=$!
    trap 'kill $xvfb 2>/dev/null || true' EXIT
    export DISPLAY=:58
    sleep 1
fi
home=$(mktemp -d "$work/home.XXXX")
printf '<?xml version="1.0"?><fontconfig></fontconfig>\n' >"$home/fonts.conf"
# Wall seconds and peak memory (KiB) from start to the first frame on
# screen, best of five.
first_frame() {
    local best_s="" best_m=""
    for _ in 1 2 3 4 5; do
        local tf s m
        tf=$(mktemp)
        HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data \
            FONTCONFIG_FILE=$home/fonts.conf XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp} \
            /usr/bin/time -o "$tf" -f "%e %M" timeout 60 "$@" >/dev/null 2>&1
        read -r s m <"$tf"
        rm -f "$tf"
        best_s=$(lesser "$s" "$best_s")
        best_m=$(lesser "$m" "$best_m")
    done
    echo "$best_s $best_m"
}
read -r bare_s bare_m < <(first_frame "$bare")
read -r app_s _ < <(first_frame "$runbook" --first-frame --data-dir "$home/incidents" plans/online-education-platform.ron)
read -r _ large_m < <(first_frame "$runbook" --first-frame --data-dir "$home/incidents" "$work/plan.ron")
r=$(ratio "$app_s" "$bare_s")
row "1. first frame vs a bare eframe window (s)" "$app_s" "$bare_s" "$r" "1.2" "$(verdict "$r" 1.2)"

# Figure 5: each view's frame, large over small; the worst counts.
"$frames" plans/online-education-platform.ron "$work/small" "$small" 50 >"$work/frames-small.txt"
"$frames" "$work/plan.ron" "$work/large" "$large" 50 >"$work/frames-large.txt"
worst=0
worst_view=""
while read -r view small_us; do
    large_us=$(awk -v v="$view" '$1 == v { print $2 }' "$work/frames-large.txt")
    r=$(ratio "$large_us" "$small_us")
    row "   frame of the $view view (µs)" "$large_us" "$small_us" "$r" "1.5" "$(verdict "$r" 1.5)"
    if awk -v a="$r" -v b="$worst" 'BEGIN { exit !(a > b) }'; then
        worst=$r
        worst_view=$view
    fi
done <"$work/frames-small.txt"
row "5. frame CPU, large vs bundled (worst view)" "" "" "$worst" "1.5" "$(verdict "$worst" 1.5) ($worst_view)"

r=$(ratio "$large_m" "$bare_m")
row "6. peak memory, 10,000-step plan vs bare window (KiB)" "$large_m" "$bare_m" "$r" "1.3" "$(verdict "$r" 1.3)"
