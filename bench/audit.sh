#!/bin/sh
# Audit speed: the checks of `intake audit` (consistency, residual terms
# against the keyed digest set, residual detectors with the gazetteer,
# re-identification) over the content of a bundle of NRECORDS records of
# about 1 KiB, with NTERMS protected terms and their variants; side by side
# with `grep -F -i -f terms` over the same exported text, same run.
# Decrypting the bundle (ChaCha20-Poly1305 and SHA-256, bench/export.sh) is left out of both.
#   sh bench/audit.sh [NRECORDS] [NTERMS] [prose|words]   (defaults 10000 1000 prose)
# prose: bodies of six sentences (words recur, as in testimony); words:
# bodies of words drawn from tests/data/clean's 60,000 (few recur: the
# worst case for what the audit remembers of the keys it looked up).
set -eu
nrec=${1:-10000}
nterms=${2:-1000}
text=${3:-prose}
make -s build/bench/audit_bench
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
if [ "$text" = words ]; then
    set -- $(build/bench/audit_bench "$nrec" "$nterms" "$dir" words)
else
    set -- $(build/bench/audit_bench "$nrec" "$nterms" "$dir")
fi
# grep's wall and CPU time (GNU time: elapsed, user, system).
set -- "$@" $(LC_ALL=C.UTF-8 /usr/bin/time -f "%e %U %S" -o "$dir/time" \
    grep -F -i -c -f "$dir/terms" "$dir/text" >/dev/null || true; tail -n 1 "$dir/time")
awk -v mb="$1" -v s="$2" -v r="$3" -v c="$4" -v d="$5" -v v="$6" -v g="$7" -v gc="$8 + $9" \
    -v n="$nrec" -v t="$nterms" -v text="$text" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
    split(gc, x, " + "); gc = x[1] + x[2]; if (gc < 0.01) gc = 0.01; if (g < 0.01) g = 0.01;
    printf "records %d, text %.1f MB (%s), terms %d (%d digests), verdict %s, load average %s\n",
           n, mb, text, t, d, v, load;
    printf "              wall s     MB/s   CPU s  MB/s of CPU\n";
    printf "intake audit: %7.2f %8.2f %7.2f %8.2f\n", s, mb / s, c, mb / c;
    printf "grep -F -i:   %7.2f %8.2f %7.2f %8.2f\n", g, mb / g, gc, mb / gc;
    printf "ratio (wall): %.3fx\n", (mb / s) / (mb / g) }'
