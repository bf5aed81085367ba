#!/bin/sh
# The floor of `intake export` (issue 17; docs/SPEED.md, "Session 27"):
# attaches MiB (default 256) of random bytes to a record, then RUNS times
# (default 3), in this order and each after a sync: exports it to one
# contact; copies the stored attachment file as export writes a bundle,
# without any cryptography (build/bench/export_floor: pread per stored
# chunk, sync_file_range every 8 MiB, fsync, linkat, fsync, fsync of the
# folder), then the same with an AES-256-CTR pass; unlocks the store
# alone (`intake list`); has Debian's age encrypt the same bytes, then
# again followed by an fsync of its output (`sync FILE`: age with the
# bundle's durability). Prints wall and CPU seconds of each and the load
# average. The floor is what no format can take off export while the
# durability stays as it is.
#   bench/export_floor.sh [MiB] [RUNS]
set -eu
cd "$(dirname "$0")/.."
mib=${1:-256}
runs=${2:-3}
make -s bin/intake build/bench/export_floor >/dev/null
ik=$PWD/bin/intake
fl=$PWD/build/bench/export_floor
tmp=$(mktemp -d /tmp/intake-bench-XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass="tiger lamp violet oxygen river"

st() { name=$1; shift; "$ik" --home "$tmp/$name" --passphrase-fd 3 "$@" 3<<EOF
$pass
EOF
}
# run CMD...: prints "wall/cpu" seconds of CMD (GNU time), run after a sync
run() {
    sync
    /usr/bin/time -f '%e %U %S' -o "$tmp/t" "$@" 3<<EOF >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
$pass
EOF
    awk '{ printf "%.2f/%.2f", $1, $2 + $3 }' "$tmp/t"
}
# floor [ctr]: the same for build/bench/export_floor on the stored file
floor() {
    rm -f "$tmp/floor"
    sync
    "$fl" "$blob" "$tmp" "$@" | awk '{ printf "%.2f/%.2f", $1, $4 }'
}

head -c "$((mib * 1024 * 1024))" /dev/urandom >"$tmp/in"
st field init --kdf interactive --label field >/dev/null
st hq init --kdf interactive --label hq >/dev/null
st field contact add hq "$(st hq card)" 2>/dev/null
st hq contact add field "$(st field card)" 2>/dev/null
st field contact verify hq | awk 'NR == 1 { print $NF }' | st field contact verify hq --confirm >/dev/null 2>&1
st field subject add --name "Dora Quill" --pseudonym Bench >/dev/null
st field consent Bench --export yes --attachments yes --method verbal 2>/dev/null
id=$(echo "bench" | st field record Bench --title bench)
st field attach "$id" "$tmp/in" >/dev/null
blob=$(find "$tmp/field/blobs" -type f | head -n 1)
age-keygen -o "$tmp/key" 2>/dev/null
rcpt=$(age-keygen -y "$tmp/key")

echo "$mib MiB; wall s/CPU s of each, in the same run"
printf '%-4s %-10s %-10s %-10s %-10s %-10s %-10s %s\n' run export floor floor+ctr unlock "age -e" "age+fsync" load
i=0
while [ "$i" -lt "$runs" ]; do
    i=$((i + 1))
    rm -f "$tmp/bundle" "$tmp/age"
    e=$(run "$ik" --home "$tmp/field" --passphrase-fd 3 export --to hq --all --keep-metadata --send-unchecked -o "$tmp/bundle")
    f=$(floor)
    c=$(floor ctr)
    u=$(run "$ik" --home "$tmp/hq" --passphrase-fd 3 list)
    a=$(run age -r "$rcpt" -o "$tmp/age" "$tmp/in")
    rm -f "$tmp/age"
    d=$(run sh -c 'age -r "$1" -o "$2" "$3" && sync "$2"' sh "$rcpt" "$tmp/age" "$tmp/in")
    printf '%-4s %-10s %-10s %-10s %-10s %-10s %-10s %s\n' "$i" "$e" "$f" "$c" "$u" "$a" "$d" "$(cut -d' ' -f1 /proc/loadavg)"
done
echo "floor: the stored file copied with export's durability, no cryptography;"
echo "floor+ctr: and one AES-256-CTR pass; unlock: what every intake command pays first;"
echo "age+fsync: age -e, then its output fsynced (export fsyncs the bundle and its folder)."
echo "No format can bring export under floor + unlock while the durability stays."
