#!/bin/sh
# Seals and opens 1 GiB of random bytes as an intake bundle and with Debian's
# age, in the same run, and prints MB/s, peak RSS and the ratios.
# Target: at least half of age's speed (while also signing and padding),
# peak RSS under 64 MiB.  Usage: bench/export.sh [MiB]   (default 1024)
set -eu
cd "$(dirname "$0")/.."
mib=${1:-1024}
make -s build/bench/bundle_bench >/dev/null
bench=build/bench/bundle_bench
tmp=$(mktemp -d /tmp/intake-bench-XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM

head -c "$((mib * 1024 * 1024))" /dev/urandom > "$tmp/in"
age-keygen -o "$tmp/key" 2>/dev/null
rcpt=$(age-keygen -y "$tmp/key")

# run LABEL CMD...: prints "seconds peakKiB" from GNU time
run() {
    /usr/bin/time -f '%e %M' -o "$tmp/t" "$@" >/dev/null
    cat "$tmp/t"
}
set -- $(run "$bench" seal "$tmp/in" "$tmp/bundle")
i_seal=$1 i_seal_rss=$2
set -- $(run "$bench" open "$tmp/bundle")
i_open=$1 i_open_rss=$2
set -- $(run age -r "$rcpt" -o "$tmp/age" "$tmp/in")
a_seal=$1 a_seal_rss=$2
set -- $(run age -d -i "$tmp/key" -o /dev/null "$tmp/age")
a_open=$1 a_open_rss=$2

awk -v mib="$mib" -v is="$i_seal" -v io="$i_open" -v as="$a_seal" -v ao="$a_open" \
    -v isr="$i_seal_rss" -v ior="$i_open_rss" -v asr="$a_seal_rss" -v aor="$a_open_rss" \
    -v ib="$(stat -c %s "$tmp/bundle")" -v ab="$(stat -c %s "$tmp/age")" '
function mbs(t) { return t > 0 ? mib * 1.048576 / t : 0 }
BEGIN {
    printf "%-6s %10s %10s %12s %12s %8s\n", "", "intake", "age", "intake RSS", "age RSS", "ratio"
    printf "%-6s %7.0f MB/s %5.0f MB/s %9.1f MiB %9.1f MiB %8.2f\n", "seal", mbs(is), mbs(as), isr/1024, asr/1024, mbs(is)/mbs(as)
    printf "%-6s %7.0f MB/s %5.0f MB/s %9.1f MiB %9.1f MiB %8.2f\n", "open", mbs(io), mbs(ao), ior/1024, aor/1024, mbs(io)/mbs(ao)
    printf "sizes: intake %d bytes (%.2f%% over the content), age %d bytes\n", ib, (ib / (mib * 1048576) - 1) * 100, ab
    ok = mbs(is) >= mbs(as) / 2 && mbs(io) >= mbs(ao) / 2 && isr < 65536 && ior < 65536
    printf "target (>= half of age, RSS < 64 MiB): %s\n", ok ? "met" : "NOT met"
}'
