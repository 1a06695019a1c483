#!/usr/bin/env bash
# Measures runbook against the floor, side by side on this machine, and
# prints one table of ratios (see BENCHMARKS.md for what each figure means
# and the budgets).
#
# Each figure is measured TRIALS times (default 7), runbook and its floor
# one after the other in every trial, so a slow minute weighs on both; the
# table gives each side's median, the median of the trials' ratios and
# their spread (first to third quartile). A figure is called within or
# over budget only when its whole spread is on one side of the budget;
# otherwise the run says it cannot tell. Frames (figure 5) are also
# counted in instructions under callgrind, a count the machine's load does
# not change.
#
# Usage: scripts/bench.sh [EVENTS]     (default 100000 events in the long log)
#        TRIALS=11 scripts/bench.sh    (more trials, a tighter spread)
#
# Builds release binaries (runbook and the examples baseline, frames and
# bare_window), then writes its data under target/bench/: a 10,000-step
# synthetic plan and incidents with a long log (`runbook generate`,
# hidden). Needs GNU time, Xvfb when there is no display, and valgrind for
# the instruction counts (Debian: time xvfb mesa-vulkan-drivers valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-100000}
trials=${TRIALS:-7}
target=${CARGO_TARGET_DIR:-target}

need() {
    command -v "$1" >/dev/null || {
        echo "bench.sh: $1 is not installed (Debian package: $2); install it and run again" >&2
        exit 1
    }
}
need /usr/bin/time time
[ -n "${DISPLAY:-}" ] || need Xvfb xvfb

cargo build --locked --release --quiet --bin runbook --example baseline --example frames --example bare_window
runbook=$target/release/runbook
baseline=$target/release/examples/baseline
frames=$target/release/examples/frames
bare=$target/release/examples/bare_window
work=target/bench
rm -rf "$work"
mkdir -p "$work"

# What the machine was doing: a figure means little without it.
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "load:    $(load) (1, 5, 15 min) at the start; $trials trials a figure"
echo

echo "generating: a 10,000-step plan, an incident of $events events" >&2
"$runbook" generate plan --steps 10000 --people 2000 --units 300 --classes 50 --out "$work/plan.ron" >/dev/null
dir=$("$runbook" generate incident --plan plans/online-education-platform.ron --events "$events" --data-dir "$work/data")
log="$dir/log-gen.jsonl"
# For the frames (figure 5): the bundled plan with a short incident, and the
# large plan with a long one.
small=$("$runbook" generate incident --plan plans/online-education-platform.ron --events 50 --data-dir "$work/small")
large=$("$runbook" generate incident --plan "$work/plan.ron" --events "$events" --data-dir "$work/large")

# The first quartile, median and third quartile of the numbers on stdin
# (one a line), as "median q1 q3"; what is not a number ("n/a": a floor
# too quick to time) is left out, and none at all gives "n/a n/a n/a".
stats() {
    grep -E '^[0-9]+([.][0-9]*)?$' | sort -g | awk '
        { v[NR] = $1 }
        function at(p,   x, lo, hi) {
            x = p * (NR - 1) + 1; lo = int(x); hi = (lo < NR) ? lo + 1 : lo
            return v[lo] + (v[hi] - v[lo]) * (x - lo)
        }
        # As many decimals as the size of the number deserves.
        function f(x) { return (x >= 1000) ? sprintf("%.0f", x) : (x >= 10) ? sprintf("%.1f", x) : sprintf("%.4f", x) }
        END { if (NR == 0) print "n/a n/a n/a"; else print f(at(0.5)), f(at(0.25)), f(at(0.75)) }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "") printf "%.4f", a / b; else print "n/a" }'; }
# A ratio as the table prints it: two decimals, or "n/a" as it is.
r2() { awk -v r="$1" 'BEGIN { if (r == "n/a" || r == "") print "n/a"; else printf "%.2f", r }'; }

# Within only when the whole spread is at or under the budget, over only
# when it is all above; a spread across the budget cannot tell.
verdict() {
    awk -v lo="$1" -v hi="$2" -v b="$3" 'BEGIN {
        if (lo == "n/a" || hi == "n/a") print "?"
        else if (hi <= b) print "within"
        else if (lo > b) print "OVER"
        else print "spread too wide to tell"
    }'
}

row() { printf "%-50s %10s %10s %6s %13s %6s  %s\n" "$@"; }

# The median of column C of a file of trials.
median() { awk -v c="$2" '{ print $c }' "$1" | stats | cut -d' ' -f1; }

# A figure's row from a file of trials, one a line: LABEL BUDGET FILE and
# the columns of runbook's numbers, the floor's and their ratios. A budget
# of "-" gives no verdict.
row_of() {
    local label=$1 budget=$2 file=$3 r lo hi said=""
    read -r r lo hi < <(awk -v c="$6" '{ print $c }' "$file" | stats)
    [ "$budget" = "-" ] || said=$(verdict "$lo" "$hi" "$budget")
    row "$label" "$(median "$file" "$4")" "$(median "$file" "$5")" "$(r2 "$r")" "$(spread "$lo" "$hi")" "$budget" "$said"
}
spread() { echo "$(r2 "$1")–$(r2 "$2")"; }
row "figure" "runbook" "floor" "ratio" "spread" "budget" ""
row "--------------------------------------------------" "----------" "----------" "------" "-------------" "------" ""

# CPU seconds (user + system) and peak memory (KiB) of one trial of a
# command: REPS runs in a row (GNU time counts in hundredths of a second,
# too coarse for a 50 ms run), as "cpu-per-run peak-KiB".
trial() {
    local reps=$1
    shift
    local total=0 mem=0 tf user sys m
    for _ in $(seq "$reps"); do
        tf=$(mktemp)
        if ! /usr/bin/time -o "$tf" -f "%U %S %M" "$@" >/dev/null 2>&1; then
            echo "bench.sh: this failed: $*" >&2
            exit 1
        fi
        read -r user sys m <"$tf"
        rm -f "$tf"
        total=$(awk -v t="$total" -v u="$user" -v s="$sys" 'BEGIN { print t + u + s }')
        [ "$m" -gt "$mem" ] && mem=$m
    done
    awk -v t="$total" -v n="$reps" -v m="$mem" 'BEGIN { printf "%.4f %d\n", t / n, m }'
}

# A figure of paired trials: "label budget reps -- runbook command -- floor
# command". Prints its row; leaves the memory medians in $mem_a and $mem_b.
paired() {
    local label=$1 budget=$2 reps=$3
    shift 3
    [ "$1" = "--" ] && shift
    local a=() b=()
    while [ "$1" != "--" ]; do a+=("$1"); shift; done
    shift
    b=("$@")
    local ta ma mb ca cb
    ta=$(mktemp)
    for _ in $(seq "$trials"); do
        read -r ca ma < <(trial "$reps" "${a[@]}")
        read -r cb mb < <(trial "$reps" "${b[@]}")
        echo "$ca $cb $(ratio "$ca" "$cb") $ma $mb" >>"$ta"
    done
    row_of "$label" "$budget" "$ta" 1 2 3
    mem_a=$(median "$ta" 4)
    mem_b=$(median "$ta" 5)
    rm -f "$ta"
}

paired "2. load+validate 10,000-step plan vs ron::Value (s)" 1.5 10 \
    -- "$runbook" check "$work/plan.ron" -- "$baseline" ron "$work/plan.ron"
plan_mem=$mem_a

# Figure 3: microseconds per durable append (300 in a row), paired.
appends=$(mktemp)
for _ in $(seq "$trials"); do
    d=$(mktemp -d "$work/append.XXXX")
    ours=$("$baseline" append-runbook "$d" 300 | awk '{ print $1 }')
    d=$(mktemp -d "$work/append.XXXX")
    raw=$("$baseline" append "$d" 300 | awk '{ print $1 }')
    echo "$ours $raw $(ratio "$ours" "$raw")" >>"$appends"
done
row_of "3. durable append vs write+sync_data (µs)" 1.15 "$appends" 1 2 3
rm -f "$appends"

name=$(basename "$dir")
RUNBOOK_DATA_DIR="$work/data" paired "4. replay $events events vs sha2+serde_json (s)" 1.2 1 \
    -- "$runbook" incident status "$name" -- "$baseline" jsonl "$log"
replay_mem=$mem_a
floor_mem=$mem_b
paired "   verify the same log vs sha2+serde_json (s)" - 1 \
    -- "$runbook" verify "$dir" -- "$baseline" jsonl "$log"
verify_mem=$mem_a
size_kib=$(($(stat -c %s "$log") / 1024))
verdict_mem=$(awk -v m="$replay_mem" 'BEGIN { print (m < 40960) ? "within" : "OVER" }')
row "   peak memory of the replay (KiB; budget 40 MiB)" "$replay_mem" "" "" "" "40960" "$verdict_mem"
row "   peak memory, verify / floor (KiB)" "$verify_mem" "$floor_mem" "" "" "" "log: $size_kib KiB"
row "   peak memory loading the 10,000-step plan (KiB)" "$plan_mem" "" "" "" "" ""

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
# screen, as "seconds KiB".
first_frame() {
    local tf s m
    tf=$(mktemp)
    if ! HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data \
        FONTCONFIG_FILE=$home/fonts.conf XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp} \
        /usr/bin/time -o "$tf" -f "%e %M" timeout 60 "$@" >/dev/null 2>&1; then
        echo "bench.sh: the window did not open: $*" >&2
        exit 1
    fi
    read -r s m <"$tf"
    rm -f "$tf"
    echo "$s $m"
}
starts=$(mktemp)
for _ in $(seq "$trials"); do
    read -r bare_s bare_m < <(first_frame "$bare")
    read -r app_s _ < <(first_frame "$runbook" --first-frame --data-dir "$home/incidents" plans/online-education-platform.ron)
    read -r _ large_m < <(first_frame "$runbook" --first-frame --data-dir "$home/incidents" "$work/plan.ron")
    echo "$app_s $bare_s $(ratio "$app_s" "$bare_s") $large_m $bare_m $(ratio "$large_m" "$bare_m")" >>"$starts"
done
row_of "1. first frame vs a bare eframe window (s)" 1.2 "$starts" 1 2 3

# Figure 5: each view's frame, large over small, interleaved in one
# process and timed in its thread's CPU time; the worst view counts.
"$frames" time plans/online-education-platform.ron "$work/small" "$small" \
    "$work/plan.ron" "$work/large" "$large" 31 >"$work/frames-time.txt"
# And counted in instructions, when valgrind is here.
counts=""
if command -v valgrind >/dev/null && command -v callgrind_annotate >/dev/null; then
    count() {
        valgrind --tool=callgrind --toggle-collect='*measure_*' \
            --callgrind-out-file="$work/callgrind.$1.out" \
            "$frames" count "$2" "$3" "$4" 20 >/dev/null 2>&1
        callgrind_annotate --inclusive=yes "$work/callgrind.$1.out" 2>/dev/null |
            awk '/frames::counted::measure_/ {
                n = $1; gsub(",", "", n)
                sub(/.*measure_/, "", $0); sub(/ .*/, "", $0)
                print $0, n / 20
            }' >"$work/frames-count-$1.txt"
    }
    count small plans/online-education-platform.ron "$work/small" "$small"
    count large "$work/plan.ron" "$work/large" "$large"
    counts=yes
    # Counted only if callgrind found each view's function (a binary
    # without its symbols has none): else the run says so, not "0.00".
    for side in small large; do
        if [ "$(wc -l <"$work/frames-count-$side.txt")" -ne "$(wc -l <"$work/frames-time.txt")" ]; then
            echo "bench.sh: callgrind did not find the measure_<view> functions in $frames (stripped?): frames are not counted in instructions" >&2
            counts=""
        fi
    done
else
    echo "bench.sh: valgrind is not installed: frames are not counted in instructions (Debian package: valgrind)" >&2
fi
worst=0 worst_view="" worst_lo=0 worst_hi=0 worst_ir=0 worst_ir_view=""
while read -r view large_us small_us r lo hi; do
    row "   frame of the $view view (µs of CPU)" "$large_us" "$small_us" "$(r2 "$r")" "$(spread "$lo" "$hi")" 1.5 "$(verdict "$lo" "$hi" 1.5)"
    if awk -v a="$r" -v b="$worst" 'BEGIN { exit !(a > b) }'; then
        worst=$r worst_view=$view worst_lo=$lo worst_hi=$hi
    fi
    if [ -n "$counts" ]; then
        li=$(awk -v v="$view" '$1 == v { printf "%.0f", $2 }' "$work/frames-count-large.txt")
        si=$(awk -v v="$view" '$1 == v { printf "%.0f", $2 }' "$work/frames-count-small.txt")
        ir=$(ratio "$li" "$si")
        row "      instructions a frame" "$li" "$si" "$(r2 "$ir")" "exact" 1.5 "$(verdict "$ir" "$ir" 1.5)"
        if awk -v a="$ir" -v b="$worst_ir" 'BEGIN { exit !(a > b) }'; then
            worst_ir=$ir worst_ir_view=$view
        fi
    fi
done <"$work/frames-time.txt"
row "5. frame CPU, large vs bundled (worst view)" "" "" "$(r2 "$worst")" "$(spread "$worst_lo" "$worst_hi")" 1.5 "$(verdict "$worst_lo" "$worst_hi" 1.5) ($worst_view)"
if [ -n "$counts" ]; then
    row "   frame instructions, large vs bundled (worst view)" "" "" "$(r2 "$worst_ir")" "exact" 1.5 "$(verdict "$worst_ir" "$worst_ir" 1.5) ($worst_ir_view)"
fi

row_of "6. peak memory, 10,000-step plan vs bare window (KiB)" 1.3 "$starts" 4 5 6
rm -f "$starts"
echo
echo "load:    $(load) (1, 5, 15 min) at the end"
