#!/bin/sh
# Differential check of the redactor: a speed change must give the same
# answers.  Builds bench/redact_diff.c here and in OTHER (a second source
# tree, e.g. main built apart in /tmp), runs both over the same texts and
# compares every output, replacement, review flag and error byte for byte.
#   sh bench/redact_diff.sh OTHER [NBENCHTERMS] [BENCHKB]   (defaults 2000 3072)
# The texts: BENCHKB of bench/redact_bench.c's text, the corpora of
# fuzz_redact, fuzz_text and fuzz_detect (each file whole), then
# tests/data/eval.jsonl, tests/data/leaks/*.jsonl and tests/data/clean/*
# in 3 KB pieces (bench/redact_diff.c).  Exit 0 if the answers are the same.
set -eu
other=${1:?usage: sh bench/redact_diff.sh OTHER [NBENCHTERMS] [BENCHKB]}
nbench=${2:-2000}
kb=${3:-3072}
here=$(pwd)
make -s build/bench/redact_diff
if ! cmp -s bench/redact_diff.c "$other/bench/redact_diff.c"; then
    cp bench/redact_diff.c "$other/bench/redact_diff.c"
fi
(cd "$other" && make -s build/bench/redact_diff)
dir=$(mktemp -d /tmp/redact_diff.XXXXXX)
trap 'rm -rf "$dir"' EXIT
find tests/fuzz/corpus/fuzz_redact tests/fuzz/corpus/fuzz_text tests/fuzz/corpus/fuzz_detect \
    -type f 2>/dev/null | LC_ALL=C sort > "$dir/files"
ls tests/data/eval.jsonl tests/data/leaks/*.jsonl tests/data/clean/* | LC_ALL=C sort >> "$dir/files"
run() {
    (cd "$1" && xargs -d '\n' build/bench/redact_diff "$here" "$nbench" "$kb" < "$dir/files") > "$2"
}
run "$here" "$dir/here"
run "$other" "$dir/other"
for f in here other; do
    printf '%s: %s bytes, %s texts, %s replacements, %s flags, %s errors, sha256 %s\n' "$f" \
        "$(wc -c < "$dir/$f")" "$(grep -c '^== ' "$dir/$f")" "$(grep -c '^item ' "$dir/$f")" \
        "$(grep -c '^flag ' "$dir/$f")" "$(grep -c '^error ' "$dir/$f")" \
        "$(sha256sum < "$dir/$f" | cut -c1-16)"
done
if cmp "$dir/here" "$dir/other"; then
    echo "same answers"
else
    diff "$dir/other" "$dir/here" | head -n 40
    echo "ANSWERS DIFFER"
    exit 1
fi
