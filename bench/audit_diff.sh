#!/bin/sh
# Differential check of the audit: a speed change must give the same
# answers.  Builds bench/audit_bench.c here and in OTHER (a second source
# tree, e.g. main built apart in /tmp), runs both on the same bundles
# (AUDIT_BENCH_SEED: the same terms, bodies and digest key; prose and
# words) and compares every check's level, count and reason and every
# finding (record, field, kind, text, note) byte for byte.
#   sh bench/audit_diff.sh OTHER [NRECORDS] [NTERMS]   (defaults 2000 1000)
# Exit 0 if the answers are the same.
set -eu
other=${1:?usage: sh bench/audit_diff.sh OTHER [NRECORDS] [NTERMS]}
nrec=${2:-2000}
nterms=${3:-1000}
here=$(pwd)
make -s build/bench/audit_bench
if ! cmp -s bench/audit_bench.c "$other/bench/audit_bench.c"; then
    cp bench/audit_bench.c "$other/bench/audit_bench.c"
fi
(cd "$other" && make -s build/bench/audit_bench)
dir=$(mktemp -d /tmp/audit_diff.XXXXXX)
trap 'rm -rf "$dir"' EXIT
status=0
for text in prose words; do
    for seed in 1 2; do
        for tree in here other; do
            t=$here; [ "$tree" = other ] && t=$other
            mkdir -p "$dir/$tree"
            (cd "$t" && AUDIT_BENCH_SEED=$seed build/bench/audit_bench "$nrec" "$nterms" "$dir/$tree" \
                $( [ "$text" = words ] && echo words ) 2>/dev/null) | tail -n +2 > "$dir/$tree.$text.$seed"
        done
        printf '%s seed %s: %s checks, %s findings, sha256 %s / %s\n' "$text" "$seed" \
            "$(grep -c '^check ' "$dir/here.$text.$seed")" "$(grep -c '^item ' "$dir/here.$text.$seed")" \
            "$(sha256sum < "$dir/here.$text.$seed" | cut -c1-16)" \
            "$(sha256sum < "$dir/other.$text.$seed" | cut -c1-16)"
        if ! cmp -s "$dir/here.$text.$seed" "$dir/other.$text.$seed"; then
            diff "$dir/other.$text.$seed" "$dir/here.$text.$seed" | head -n 20
            status=1
        fi
    done
done
[ "$status" = 0 ] && echo "same answers" || echo "ANSWERS DIFFER"
exit "$status"
