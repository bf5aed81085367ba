#!/bin/sh
# Through the CLI: N commands (default 20) run as N separate intake
# commands, each unlocking the store (Argon2id, --kdf given, default
# moderate as init's default), beside the same N commands typed into one
# `intake shell` (one unlock), in the same run and on the same store.
# Prints wall and CPU seconds of each side and their ratio: what a day
# of work saves by unlocking once.  The machine may be shared: mind the
# load average it prints.
#   bench/shell.sh [N] [KDF]
set -eu
cd "$(dirname "$0")/.."
n=${1:-20}
kdf=${2:-moderate}
make -s bin/intake >/dev/null
ik=$PWD/bin/intake
tmp=$(mktemp -d /tmp/intake-bench-XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM
printf '%s\n' "tiger lamp violet oxygen river" >"$tmp/pass"

"$ik" --home "$tmp/s" --passphrase-fd 3 init --kdf "$kdf" 3<"$tmp/pass" >/dev/null
"$ik" --home "$tmp/s" --passphrase-fd 3 subject add --name "Dora Quill" --pseudonym Bench \
    3<"$tmp/pass" >/dev/null
echo "a testimony" | "$ik" --home "$tmp/s" --passphrase-fd 3 record Bench --title t \
    3<"$tmp/pass" >/dev/null

# Each side: "wall user sys" from GNU time.
i=0
: >"$tmp/lines"
while [ "$i" -lt "$n" ]; do echo "list" >>"$tmp/lines"; i=$((i + 1)); done
/usr/bin/time -f '%e %U %S' -o "$tmp/sep" sh -c '
    i=0
    while [ "$i" -lt "$1" ]; do
        "$2" --home "$3/s" --passphrase-fd 3 list 3<"$3/pass" >/dev/null
        i=$((i + 1))
    done' sh "$n" "$ik" "$tmp"
/usr/bin/time -f '%e %U %S' -o "$tmp/one" \
    sh -c '"$1" --home "$2/s" --passphrase-fd 3 shell 3<"$2/pass" <"$2/lines" >/dev/null' \
    sh "$ik" "$tmp"

read -r sw su ss <"$tmp/sep"
read -r ow ou os <"$tmp/one"
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %8s %8s\n' "$n x list, --kdf $kdf" "wall s" "CPU s"
printf '%-28s %8.2f %8.2f\n' "separate commands" "$sw" "$(echo "$su + $ss" | bc)"
printf '%-28s %8.2f %8.2f\n' "one intake shell" "$ow" "$(echo "$ou + $os" | bc)"
printf 'ratio (separate / shell):    %8.1f\n' "$(echo "scale=1; $sw / $ow" | bc)"
