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

rank() { # folder -> its rank, or nothing for a folder outside the layers
    n=0
    for l in $layers; do
        [ "$1" = "$l" ] && { echo $n; return; }
        n=$((n + 1))
    done
}

# Each edge "from to" between modules (folder/name, extensions dropped).
for l in $layers; do
    for f in "$l"/*.[ch]; do
        [ -e "$f" ] || continue
        sed -n 's/^#include "\([a-z]*\/[a-z_0-9]*\)\.h".*/\1/p' "$f" |
            while read -r to; do echo "${f%.?} $to"; done
    done
done | sort -u > "$tmp/includes"

while read -r from to; do
    rf=$(rank "${from%%/*}"); rt=$(rank "${to%%/*}")
    if [ -z "$rt" ] || [ "$rt" -gt "$rf" ]; then
        echo "layers: $from includes $to, a higher layer" >&2
        fail=1
    fi
done < "$tmp/includes"

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
for o in $objs; do
    m=${o#"$build"/}; m=${m%.o}
    nm --defined-only -g "$o" | awk -v m="$m" 'NF == 3 { print $3, m }'
done | sort -k1,1 > "$tmp/defs"
for o in $objs; do
    m=${o#"$build"/}; m=${m%.o}
    nm -u "$o" | awk -v m="$m" '{ print $2, m }'
done | sort -k1,1 > "$tmp/uses"
join "$tmp/uses" "$tmp/defs" | awk '{ print $2, $3, $1 }' | sort -u > "$tmp/calls"

while read -r from to sym; do
    rf=$(rank "${from%%/*}"); rt=$(rank "${to%%/*}")
    if [ "$rt" -gt "$rf" ]; then
        echo "layers: $from calls $sym in $to, a higher layer" >&2
        fail=1
    fi
done < "$tmp/calls"
awk '{ print $1, $2 }' "$tmp/calls" | sort -u > "$tmp/callpairs"
cycle calls < "$tmp/callpairs"

[ $fail -eq 0 ] && echo "layers: $(wc -l < "$tmp/includes") includes and $(wc -l < "$tmp/callpairs") calling pairs between modules, all pointing down, no cycle"
exit $fail
