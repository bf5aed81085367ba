#!/bin/sh
# Through the CLI: attaches MiB (default 1024) of random bytes to a record,
# exports it to one contact and opens it there, and, in the same run, has
# Debian's age encrypt and decrypt the same bytes. Prints MB/s, CPU seconds
# and peak RSS of each side and the ratios, and what every intake command
# pays before any bundle byte (unlocking the store: Argon2id with 64 MiB,
# --kdf interactive). Target (issue 17): export and open at least as fast
# as age (while also signing and padding), peak RSS under 64 MiB beyond the
# KDF's memory. The machine may be shared: run it three times, compare the
# CPU seconds, and mind the load average it prints.
#   bench/export.sh [MiB]
set -eu
cd "$(dirname "$0")/.."
mib=${1:-1024}
make -s bin/intake >/dev/null
ik=$PWD/bin/intake
tmp=$(mktemp -d /tmp/intake-bench-XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass="tiger lamp violet oxygen river"

st() { name=$1; shift; "$ik" --home "$tmp/$name" --passphrase-fd 3 "$@" 3<<EOF
$pass
EOF
}
# run OUT CMD...: "seconds peakKiB cpu-seconds" from GNU time into OUT
run() {
    out=$1; shift
    /usr/bin/time -f '%e %M %U %S' -o "$out" "$@" 3<<EOF >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
$pass
EOF
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
run "$tmp/t.attach" "$ik" --home "$tmp/field" --passphrase-fd 3 attach "$id" "$tmp/in"
run "$tmp/t.export" "$ik" --home "$tmp/field" --passphrase-fd 3 export --to hq --all --keep-metadata --send-unchecked -o "$tmp/bundle"
run "$tmp/t.open" "$ik" --home "$tmp/hq" --passphrase-fd 3 open "$tmp/bundle"
run "$tmp/t.unlock" "$ik" --home "$tmp/hq" --passphrase-fd 3 list
age-keygen -o "$tmp/key" 2>/dev/null
rcpt=$(age-keygen -y "$tmp/key")
run "$tmp/t.aenc" age -r "$rcpt" -o "$tmp/age" "$tmp/in"
run "$tmp/t.adec" age -d -i "$tmp/key" -o /dev/null "$tmp/age"

read -r at ar au as <"$tmp/t.attach"
read -r et er eu es <"$tmp/t.export"
read -r ot or ou os <"$tmp/t.open"
read -r ae aer aeu aes <"$tmp/t.aenc"
read -r ad adr adu ads <"$tmp/t.adec"
read -r ut ur uu us <"$tmp/t.unlock"
awk -v mib="$mib" -v at="$at" -v ar="$ar" -v et="$et" -v er="$er" -v ot="$ot" -v or="$or" \
    -v ae="$ae" -v aer="$aer" -v ad="$ad" -v adr="$adr" \
    -v eu="$eu" -v es="$es" -v ou="$ou" -v os="$os" \
    -v aeu="$aeu" -v aes="$aes" -v adu="$adu" -v ads="$ads" \
    -v ut="$ut" -v uu="$uu" -v us="$us" \
    -v load="$(cut -d' ' -f1-3 /proc/loadavg)" \
    -v ib="$(stat -c %s "$tmp/bundle")" -v ab="$(stat -c %s "$tmp/age")" '
function mbs(t) { return t > 0 ? mib * 1.048576 / t : 0 }
BEGIN {
    printf "%-8s %10s %10s %12s %12s %7s\n", "", "intake", "age", "intake RSS", "age RSS", "ratio"
    printf "%-8s %5.0f MB/s %5.0f MB/s %8.1f MiB %8.1f MiB %7.2f\n", "export", mbs(et), mbs(ae), er/1024, aer/1024, mbs(et)/mbs(ae)
    printf "%-8s %5.0f MB/s %5.0f MB/s %8.1f MiB %8.1f MiB %7.2f\n", "open", mbs(ot), mbs(ad), or/1024, adr/1024, mbs(ot)/mbs(ad)
    printf "%-8s %5.0f MB/s %21s %8.1f MiB\n", "attach", mbs(at), "", ar/1024
    printf "wall s:  export %.2f (age %.2f), open %.2f (age %.2f)\n", et, ae, ot, ad
    printf "cpu s:   export %.2f (age %.2f), open %.2f (age %.2f); intake runs two threads in each\n", eu + es, aeu + aes, ou + os, adu + ads
    printf "unlock:  %.2f s wall, %.2f s cpu (intake list: every intake command pays it first)\n", ut, uu + us
    printf "sizes: %d MiB of content; intake bundle %d bytes (%.2f%% over), age %d bytes\n", mib, ib, (ib / (mib * 1048576) - 1) * 100, ab
    printf "intake export also fsyncs the bundle and its folder (atomic write); age does not\n"
    printf "load average at the end: %s (the machine is shared: compare runs)\n", load
    ok = mbs(et) >= mbs(ae) && mbs(ot) >= mbs(ad) && er < 65536 + 65536 && or < 65536 + 65536
    printf "target (>= age, RSS < 64 MiB beyond the 64 MiB KDF): %s\n", ok ? "met" : "NOT met"
}'
