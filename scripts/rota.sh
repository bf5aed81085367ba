#!/bin/sh
# rota.sh on|off N SALT FILE...
# make check's rota of the sanitizer lane's CLI files (docs/TESTING.md,
# "Session 40 (check40)"): a file is "on" (runs under ASan+UBSan) when the
# CRC (cksum) of "SALT NAME" (NAME: the file's name without its folder) is
# 0 modulo N, else "off" (runs on the release build); prints the files of
# the half asked for, one a line.  SALT is the commit's hash, so the halves
# change from commit to commit and the same commit gives the same halves.
# N of 1 (or less) puts every file on.  Exit status 2 on a usage error.
set -eu
[ $# -ge 3 ] || { echo "usage: $0 on|off N SALT FILE..." >&2; exit 2; }
want=$1 n=$2 salt=$3
shift 3
case $want in on|off) ;; *) echo "usage: $0 on|off N SALT FILE..." >&2; exit 2 ;; esac
case $n in ''|*[!0-9]*) echo "$0: N must be a number" >&2; exit 2 ;; esac
for f in "$@"; do
    if [ "$n" -le 1 ]; then
        on=1
    else
        crc=$(printf '%s %s' "$salt" "$(basename "$f")" | cksum | cut -d ' ' -f 1)
        on=$(( crc % n == 0 ))
    fi
    if { [ "$want" = on ] && [ "$on" -eq 1 ]; } || { [ "$want" = off ] && [ "$on" -eq 0 ]; }; then
        echo "$f"
    fi
done
