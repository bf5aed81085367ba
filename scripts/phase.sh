#!/bin/sh
# One phase of make check, timed (issue 14: CI's log shows where the time
# went).
#   phase.sh NAME CMD...   runs CMD, then prints and appends to $PHASE_LOG
#                          "phase NAME: W s wall, C s CPU (X cores; machine
#                          idle I%)" and exits with CMD's status
#   phase.sh --start       empties $PHASE_LOG (make check's first step)
#   phase.sh --list        prints $PHASE_LOG's lines, in the order the
#                          phases ended
# W: seconds on the clock.  C: user and system CPU seconds of all CMD ran
# and waited for (the shell's `times`, as scripts/run-tests.sh's "took"
# lines), so on a shared machine C compares from run to run where W does
# not.  X = C / W: how many cores the phase kept busy by itself.  I: the
# share of the machine's CPU time (all cores, /proc/stat; "?" without it)
# that no process used while the phase ran, iowait included: on CI's
# otherwise idle machine, the cores make check left idle.
set -u
PHASE_LOG=${PHASE_LOG:-build/phases.log}

# "busy total" jiffies over all cores, from /proc/stat's first line.
jiffies() {
    awk '$1 == "cpu" { t = 0; for (i = 2; i <= NF; i++) t += $i
                       print t - $5 - $6, t; exit }' /proc/stat 2>/dev/null
}

case ${1:-} in
--start)
    mkdir -p "$(dirname "$PHASE_LOG")"
    : >"$PHASE_LOG"
    exit 0
    ;;
--list)
    echo "== make check's phases (nested phases are listed before the one holding them)"
    cat "$PHASE_LOG" 2>/dev/null
    exit 0
    ;;
''|-*)
    echo "usage: $0 NAME CMD... | --start | --list" >&2
    exit 2
    ;;
esac

name=$1; shift
t0=$(date +%s.%N)
j0=$(jiffies)
"$@"
rc=$?
t1=$(date +%s.%N)
j1=$(jiffies)
# times' second line: the CPU of the children this shell waited for.
tf=$(mktemp)
times >"$tf"
line=$(awk -v t0="$t0" -v t1="$t1" -v j0="$j0" -v j1="$j1" -v name="$name" -v rc="$rc" '
    NR == 2 { for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); c += a[1] * 60 + a[2] } }
    END {
        w = t1 - t0
        split(j0, a, " "); split(j1, b, " ")
        idle = "?"
        if (b[2] > a[2]) idle = sprintf("%.0f%%", 100 * (1 - (b[1] - a[1]) / (b[2] - a[2])))
        printf "phase %s: %.0f s wall, %.0f s CPU (%.2f cores; machine idle %s)%s\n", name, w, c,
            (w > 0 ? c / w : 0), idle, (rc != 0 ? sprintf(", failed (status %d)", rc) : "")
    }' "$tf")
rm -f "$tf"
echo "$line"
mkdir -p "$(dirname "$PHASE_LOG")"
echo "$line" >>"$PHASE_LOG"
exit $rc
