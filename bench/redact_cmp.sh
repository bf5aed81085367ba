#!/bin/sh
# Same answers from two builds of intake: `intake redact` of one record
# holding the bench's text (bench/redact_bench.c: TERMS and TEXT files it
# wrote) in one throw-away store, with OLD and NEW binaries, compared
# byte for byte (plain and --json --report, with their messages and exit
# status: review flags left unresolved make redact exit non-zero).
#   sh bench/redact_cmp.sh OLD NEW TERMS TEXT [NTERMS] [KB]   (defaults 100 400)
# The first NTERMS terms are protected store-wide (term add other:...),
# three more each register a subject (their person rules).  The store is
# in a mktemp directory, removed at the end; the passphrase is a fixed
# test one on a pipe, never in argv.
set -eu
old=${1:?usage}; new=${2:?usage}; terms=${3:?usage}; text=${4:?usage}
nterms=${5:-100}; kb=${6:-400}
dir=$(mktemp -d /tmp/redact_cmp.XXXXXX)
trap 'rm -rf "$dir"' EXIT
pass="tiger lamp violet oxygen river"
ik() { bin=$1; shift; printf '%s\n' "$pass" | "$bin" --home "$dir/h" --passphrase-fd 0 "$@"; }
ik "$new" init --kdf interactive --label cmp >/dev/null
head -n "$nterms" "$terms" | while IFS= read -r t; do ik "$new" term add "other:$t" >/dev/null; done
i=0
for n in $(sed -n "$((nterms + 1)),$((nterms + 3))p" "$terms"); do
    i=$((i + 1))
    ik "$new" subject add --name "$n" --pseudonym "Quiet Harbor $i" >/dev/null
    ik "$new" consent "Quiet Harbor $i" --export yes >/dev/null 2>&1
done
head -c $((kb * 1024)) "$text" | sed '$d' > "$dir/body"
id=$(ik "$new" record "Quiet Harbor 1" --title cmp --file "$dir/body" | tail -n 1)
for b in old new; do
    eval bin=\$$b
    ik "$bin" redact "$id" > "$dir/$b.txt" 2>&1 || echo "exit $?" >> "$dir/$b.txt"
    ik "$bin" redact "$id" --json --report > "$dir/$b.json" 2>&1 || echo "exit $?" >> "$dir/$b.json"
done
printf 'body %s bytes; redact output %s bytes, json %s bytes\n' "$(wc -c < "$dir/body")" \
    "$(wc -c < "$dir/new.txt")" "$(wc -c < "$dir/new.json")"
cmp "$dir/old.txt" "$dir/new.txt" && cmp "$dir/old.json" "$dir/new.json" && echo "same output"
