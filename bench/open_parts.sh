#!/bin/sh
# What opening a bundle costs, part by part (bench/open_parts.c): read,
# SHA-256, ChaCha20-Poly1305 and Argon2id on one core, then a whole open
# on two threads as version 3 does it and as a version 4 that hashed the
# ciphertext while Argon2id runs could at best (docs/SPEED.md); and, in
# the same run, Debian's age decrypting the same number of bytes. The
# machine may be shared: the CPU seconds, and "two free cores" (worked out
# from them: both threads take chunks from one counter, so on free cores
# they end together), move less than wall time; mind the load average
# printed.
#   bench/open_parts.sh [MiB]
set -eu
cd "$(dirname "$0")/.."
mib=${1:-256}
make -s build/bench/open_parts
tmp=$(mktemp -d /tmp/intake-bench-XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM
head -c "$((mib * 1024 * 1024))" /dev/urandom >"$tmp/in"
build/bench/open_parts "$tmp/in" >"$tmp/parts"
age-keygen -o "$tmp/key" 2>/dev/null
age -r "$(age-keygen -y "$tmp/key")" -o "$tmp/age" "$tmp/in"
rm -f "$tmp/in"
/usr/bin/time -f '%e %U %S' -o "$tmp/t.age" age -d -i "$tmp/key" -o /dev/null "$tmp/age"
awk -v mib="$mib" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" -v age="$(cat "$tmp/t.age")" '
function mbs(t) { return t > 0 ? mib * 1.048576 / t : 0 }
/^open-/ { wall[$1] = $2; cpu[$1] = $3; ideal[$1] = $4; next }
{ part[++n] = $1; pcpu[n] = $2; gbs[n] = $3 }
END {
    split(age, a, " ")
    printf "%d MiB in 64 KiB chunks, one core (CPU s, GB/s of CPU time):\n", mib
    for (i = 1; i <= n; i++)
        printf "  %-14s %6.3f s %6s\n", part[i], pcpu[i], gbs[i]
    printf "%-22s %8s %8s %18s %10s\n", "", "wall s", "CPU s", "two free cores s", "MB/s"
    printf "%-22s %8.3f %8.3f %18.3f %10.0f\n", "open, version 3", wall["open-v3"], cpu["open-v3"], ideal["open-v3"], mbs(ideal["open-v3"])
    printf "%-22s %8.3f %8.3f %18.3f %10.0f\n", "open, version 4 ceiling", wall["open-v4"], cpu["open-v4"], ideal["open-v4"], mbs(ideal["open-v4"])
    printf "%-22s %8.3f %8.3f %18.3f %10.0f\n", "age -d (one thread)", a[1], a[2] + a[3], a[2] + a[3], mbs(a[2] + a[3])
    printf "ratio to age on two free cores: version 3 %.2f, version 4 ceiling %.2f\n", (a[2] + a[3]) / ideal["open-v3"], (a[2] + a[3]) / ideal["open-v4"]
    printf "load average at the end: %s (the machine is shared: compare runs)\n", load
}' "$tmp/parts"
