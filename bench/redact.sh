#!/bin/sh
# Redaction speed: normalise + match + replace with NTERMS synthetic terms
# (and their generated variants) over MB of synthetic mixed-script text,
# side by side with `grep -F -i -f terms` on the same input, same run.
#   sh bench/redact.sh [NTERMS] [MB]      (defaults 10000 64)
set -eu
nterms=${1:-10000}
mb=${2:-64}
make -s build/bench/redact_bench
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
set -- $(build/bench/redact_bench "$nterms" "$mb" "$dir")
ours_s=$2 ours=$3
start=$(date +%s.%N)
LC_ALL=C.UTF-8 grep -F -i -c -f "$dir/terms" "$dir/text" >/dev/null || true
end=$(date +%s.%N)
awk -v mb="$1" -v s="$ours_s" -v r="$ours" -v a="$start" -v b="$end" -v n="$nterms" 'BEGIN {
    g = b - a; gr = mb / g;
    printf "terms %d, text %.1f MB\n", n, mb;
    printf "intake redact: %6.2f s  %8.1f MB/s\n", s, r;
    printf "grep -F -i:    %6.2f s  %8.1f MB/s\n", g, gr;
    printf "ratio: %.2fx\n", r / gr }'
