#!/bin/sh
# Which CLI files the ASan+UBSan lane of make check runs (docs/TESTING.md,
# "Session 14"): the C lines each CLI file reaches that the unit tests do
# not, measured on the coverage build (make COV=1 test-build).
#   scripts/san-reach.sh run BUILD WORK [CLI FILE...]
#       the unit tests, then each CLI file (default: all of tests/cli),
#       each with its own GCOV_PREFIX under WORK (two at a time), so each
#       leaves its own counts; WORK/cpu holds each one's CPU seconds.
#   scripts/san-reach.sh pick BUILD WORK
#       per CLI file, the lines of the program (intake/ store/ export/
#       privacy/ crypto/ util/) it reached that no unit test reached; then
#       a greedy cover: the file with most such lines not yet covered per
#       CPU second first, until every line any CLI file reached beyond the
#       unit tests is covered.  Prints the table and, last, the chosen list:
#       a file of tests/cli/RELEASE-ONLY that the cover needs adds lines no
#       other file reaches, and should run under the sanitizers again.
# make san-reach does both (about as long as the whole suite on the
# release build, plus the coverage build).
set -eu
what=$1 build=$2 work=$3
shift 3

case $what in
run)
    rm -rf "$work"
    mkdir -p "$work/prefix" "$work/cpu"
    work=$(cd "$work" && pwd)
    [ $# -gt 0 ] || set -- tests/cli/*.bats
    CPU_AWK='NR == 2 { for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); t += a[1] * 60 + a[2] }
             printf "%.1f", t }'
    export CPU_AWK work build
    { echo unit; ls -S "$@"; } | xargs -P 2 -I{} sh -c '
        f=$1; name=$(basename "$f" .bats)
        if [ "$f" = unit ]; then
            GCOV_PREFIX=$work/prefix/unit UNIT_JOBS=1 \
                scripts/run-tests.sh unit $(find "$build/unit" -type f -name "test_*" ! -name "*.gc*") \
                >"$work/unit.log" 2>&1 || echo "san-reach: some unit test failed ($work/unit.log)" >&2
        else
            GCOV_PREFIX=$work/prefix/$name INTAKE=$(pwd)/$build/bin/intake \
                bats --tap "$f" </dev/null >"$work/$name.log" 2>&1 ||
                echo "san-reach: $f failed ($work/$name.log)" >&2
        fi
        times >"$work/cpu/$name.times"
        awk "$CPU_AWK" "$work/cpu/$name.times" >"$work/cpu/$name"
        echo "san-reach: $name $(cat "$work/cpu/$name") s of CPU"' sh {}
    ;;
pick)
    python3 - "$build" "$work" <<'PY'
import json, os, re, subprocess, sys
build, work = sys.argv[1], os.path.abspath(sys.argv[2])
src = re.compile(r'^(intake|store|export|privacy|crypto|util)/')
absbuild = os.path.abspath(build)

def reached(prefix):
    """The (file, line) pairs of the program a prefix's counts reached."""
    gcdas = []
    for d, _, files in os.walk(prefix):
        for f in files:
            if f.endswith('.gcda'):
                g = os.path.join(d, f)
                orig = g[len(prefix):]
                gcno = orig[:-5] + '.gcno'
                link = g[:-5] + '.gcno'
                if os.path.exists(gcno) and not os.path.exists(link):
                    os.symlink(gcno, link)
                gcdas.append(g)
    out = set()
    for i in range(0, len(gcdas), 40):
        p = subprocess.run(['gcov', '-t', '-j'] + gcdas[i:i + 40], capture_output=True,
                           text=True, cwd=os.getcwd())
        dec, s, at = json.JSONDecoder(), p.stdout, 0
        while True:
            while at < len(s) and s[at].isspace():
                at += 1
            if at >= len(s):
                break
            d, at = dec.raw_decode(s, at)
            for f in d['files']:
                if src.match(f['file']):
                    for l in f['lines']:
                        if l['count'] > 0:
                            out.add((f['file'], l['line_number']))
    return out

pre = os.path.join(work, 'prefix')
names = sorted(n for n in os.listdir(pre) if n != 'unit')
unit = reached(os.path.join(pre, 'unit'))
cpu = {}
for n in names + ['unit']:
    try:
        cpu[n] = float(open(os.path.join(work, 'cpu', n)).read())
    except (OSError, ValueError):
        cpu[n] = 1.0
new = {n: reached(os.path.join(pre, n)) - unit for n in names}
left = set().union(*new.values())
total = len(left)
print('unit tests: %d lines of the program reached (%.0f s of CPU)' % (len(unit), cpu['unit']))
print('CLI files: %d lines more, reached by no unit test' % total)
chosen = []
while left:
    best = max(names, key=lambda n: (len(new[n] & left) / max(cpu[n], 0.5), n))
    gain = len(new[best] & left)
    if gain == 0:
        break
    chosen.append((best, gain))
    left -= new[best]
print()
print('%-24s %8s %8s %8s' % ('file', 'CPU s', 'beyond', 'chosen'))
for n in sorted(names, key=lambda n: -cpu[n]):
    g = dict(chosen).get(n)
    print('%-24s %8.1f %8d %8s' % (n, cpu[n], len(new[n]), '' if g is None else '+%d' % g))
cc = sum(cpu[n] for n, _ in chosen)
ca = sum(cpu[n] for n in names)
print()
print('chosen: %d of %d files, %.0f of %.0f CPU s (coverage build), every one of the %d lines'
      % (len(chosen), len(names), cc, ca, total))
print('LIST ' + ' '.join(sorted(n for n, _ in chosen)))
PY
    ;;
*)
    echo "usage: $0 run|pick BUILD WORK [FILE...]" >&2
    exit 2
    ;;
esac
