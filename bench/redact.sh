#!/bin/sh
# Redaction speed: normalise + match + replace with NTERMS synthetic terms
# (and their generated variants) over MB of synthetic mixed-script text,
# side by side with `grep -F -i -f terms` on the same input, same run.
#   sh bench/redact.sh [NTERMS] [MB]      (defaults 10000 64)
# Both are timed by the wall clock and by CPU time (user + system), and the
# load average is printed: on a shared machine another process inflates
# the wall-clock figures, not the CPU ones.
set -eu
nterms=${1:-10000}
mb=${2:-64}
make -s build/bench/redact_bench
# The compiled matcher is kept in build/bench (redact_bench.c, named by its
# digest): only the first run with these terms compiles it.
BENCH_MATCHER_CACHE=${BENCH_MATCHER_CACHE-build/bench}
export BENCH_MATCHER_CACHE
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
set -- $(build/bench/redact_bench "$nterms" "$mb" "$dir")
ours_s=$2 ours=$3 ours_cpu=$4
start=$(date +%s.%N)
LC_ALL=C.UTF-8 /usr/bin/time -f '%U %S' -o "$dir/grep.time" \
    grep -F -i -c -f "$dir/terms" "$dir/text" >/dev/null || true
end=$(date +%s.%N)
grep_cpu=$(awk '{ print $1 + $2 }' "$dir/grep.time")
awk -v mb="$1" -v s="$ours_s" -v r="$ours" -v c="$ours_cpu" -v a="$start" -v b="$end" \
    -v gc="$grep_cpu" -v n="$nterms" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
    g = b - a; gr = mb / g;
    printf "terms %d, text %.1f MB, load average %s\n", n, mb, load;
    printf "                 wall s    MB/s     CPU s  MB/s (CPU)\n";
    printf "intake redact: %7.2f %8.1f  %7.2f %8.1f\n", s, r, c, mb / c;
    printf "grep -F -i:    %7.2f %8.1f  %7.2f %8.1f\n", g, gr, gc, (gc > 0 ? mb / gc : 0);
    printf "ratio: %.2fx (wall), %.2fx (CPU)\n", r / gr, (gc > 0 ? (mb / c) / (mb / gc) : 0) }'
