#!/bin/sh
# Backup and wipe of a store of about SIZE MiB (an attachment of random
# bytes), side by side with the peer tools, same run:
#   intake backup -o FILE   vs  cp + sync + b2sum (a copy synced and read back)
#   intake wipe --yes       vs  rm -rf (same bytes gone from view, nothing
#                               made unreadable) and shred -u (overwrite all)
#   sh bench/backup.sh [SIZE_MIB]        (default 256)
set -eu
size=${1:-256}
bin=${INTAKE:-build/rel/bin/intake}
[ -x "$bin" ] || make -s "$bin"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
pass="tiger lamp violet oxygen river"
ik() { "$bin" --home "$dir/store" --passphrase-fd 3 "$@" 3<<EOP
$pass
EOP
}
ik init --kdf interactive >/dev/null 2>&1
p=$(ik subject add --name "Bench Person")
id=$(echo "bench" | ik record "$p" --title bench)
head -c "$((size * 1024 * 1024))" /dev/urandom >"$dir/blob"
ik attach "$id" "$dir/blob" >/dev/null 2>&1
rm -f "$dir/blob"
du=$(du -sm "$dir/store" | cut -f1)
t() { /usr/bin/time -f "%e" -o "$dir/t" "$@" >/dev/null 2>&1; cat "$dir/t"; }
b=$(t sh -c "\"$bin\" --home \"$dir/store\" --passphrase-fd 3 backup -o \"$dir/b\" 3<<EOP
$pass
EOP")
c=$(t sh -c "cp \"$dir/store/store.db\" \"$dir/c\" && sync \"$dir/c\" && b2sum \"$dir/c\"")
rm -f "$dir/c" "$dir/b"
cp -r "$dir/store" "$dir/s2"
cp -r "$dir/store" "$dir/s3"
w=$(t "$bin" --home "$dir/store" wipe --yes)
r=$(t rm -rf "$dir/s2")
s=$(t sh -c "shred -u \"$dir\"/s3/* && rmdir \"$dir/s3\"")
printf 'store %d MiB (an attachment of %d MiB)\n' "$du" "$size"
printf '                       wall s\n'
printf 'intake backup:        %7.2f   (unlock at --kdf interactive, page check, write, sync, read back)\n' "$b"
printf 'cp + sync + b2sum:    %7.2f   (the database alone, no check)\n' "$c"
printf 'intake wipe --yes:    %7.2f   (unreadable after the keyslot file, then removed)\n' "$w"
printf 'rm -rf:               %7.2f   (nothing made unreadable)\n' "$r"
printf 'shred -u:             %7.2f   (every byte overwritten 3 times)\n' "$s"
