#!/bin/sh
# Checks that dependencies point down the layers and never go round in a
# circle (README, "Layout"):
#     intake/ > store/ > export/ > privacy/ > crypto/ > util/
# 1. includes: no file includes a header of a higher layer;
# 2. include cycles: no module (a .c file and its .h) reaches itself
#    through the headers it includes;
# 3. calls: no object file uses a symbol defined in a higher layer, and no
#    object files call each other in a circle (read with nm from the
#    objects of BUILD, default build/rel).
# Usage: scripts/layers.sh [BUILD]; exit 0 when all hold, 1 otherwise.
set -u
cd "$(dirname "$0")/.."
build=${1:-build/rel}
layers="util crypto privacy export store intake"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/layers-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail=0

# rank_check WHAT: reads "from to [symbol]" lines (modules folder/name) and
# prints "layers: FROM WHAT TO, a higher layer" for each whose "to" is in a
# higher layer than its "from" (or, for includes, in no layer); exits 1 if
# any.  One awk over all lines: a subshell per line cost make check 80 CPU s
# (docs/TESTING.md, "Session 26").
rank_check() {
    awk -v layers="$layers" -v what="$1" '
        BEGIN { n = split(layers, l, " "); for (i = 1; i <= n; i++) rank[l[i]] = i - 1 }
        {
            f = $1; sub(/\/.*/, "", f); t = $2; sub(/\/.*/, "", t)
            if (!(t in rank) || rank[t] > rank[f]) {
                if (what == "includes")
                    printf "layers: %s includes %s, a higher layer\n", $1, $2 > "/dev/stderr"
                else
                    printf "layers: %s calls %s in %s, a higher layer\n", $1, $3, $2 > "/dev/stderr"
                bad = 1
            }
        }
        END { exit bad }'
}

# Each edge "from to" between modules (folder/name, extensions dropped).
for l in $layers; do
    for f in "$l"/*.[ch]; do
        [ -e "$f" ] || continue
        sed -n 's/^#include "\([a-z]*\/[a-z_0-9]*\)\.h".*/\1/p' "$f" |
            while read -r to; do echo "${f%.?} $to"; done
    done
done | sort -u > "$tmp/includes"

rank_check includes < "$tmp/includes" || fail=1

cycle() { # $1: what the edges are; stdin: edges without self-loops
    awk '$1 != $2' > "$tmp/edges"
    if ! tsort "$tmp/edges" > /dev/null 2> "$tmp/tsort"; then
        echo "layers: a cycle of $1:" >&2
        sed -n 's/^tsort: /  /p' "$tmp/tsort" | grep -v 'input contains a loop' >&2
        fail=1
    fi
}
cycle includes < "$tmp/includes"

# Calls: who defines each global symbol, who uses it.
objs=$(for l in $layers; do ls "$build/$l"/*.o 2>/dev/null; done)
if [ -z "$objs" ]; then
    echo "layers: no objects under $build (run make first)" >&2
    exit 1
fi
# One nm over all objects (-A: each line starts "OBJECT:"): an nm a file
# took 0.1 s of CPU each, 240 objects twice (docs/TESTING.md, "Session 26").
# module: OBJECT less "$build/" and ".o".
nm_lines() {
    # shellcheck disable=SC2086 # the objects' names hold no blanks
    nm -A "$@" $objs | awk -v b="$build/" '
        { m = $1; sub(/:[^:]*$/, "", m); if (index(m, b) == 1) m = substr(m, length(b) + 1)
          sub(/\.o$/, "", m) }
        NF == 3 { print $3, m }'
}
nm_lines --defined-only -g | sort -k1,1 > "$tmp/defs"
nm_lines -u | sort -k1,1 > "$tmp/uses"
join "$tmp/uses" "$tmp/defs" | awk '{ print $2, $3, $1 }' | sort -u > "$tmp/calls"

rank_check calls < "$tmp/calls" || fail=1
awk '{ print $1, $2 }' "$tmp/calls" | sort -u > "$tmp/callpairs"
cycle calls < "$tmp/callpairs"

[ $fail -eq 0 ] && echo "layers: $(wc -l < "$tmp/includes") includes and $(wc -l < "$tmp/callpairs") calling pairs between modules, all pointing down, no cycle"
exit $fail
