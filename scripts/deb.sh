#!/bin/sh
# Builds the Debian packages (debian/) from git's copy of this tree: the
# files git tracks, with their uncommitted changes (`git stash create`),
# exported into a new folder, so that build products and untracked files
# never reach a package.
#
#   deb.sh build OUT   one build; lintian must report no error and no
#                      warning; the .deb, .buildinfo and .changes go to OUT
#   deb.sh repro OUT   two builds of the same commit, in two different
#                      folders, one after the other, the second one 400 days
#                      later (faketime), in another time zone, locale, umask,
#                      host name (as root) and with another number of jobs;
#                      every .deb must be byte-identical (diffoscope shows
#                      where they differ), and hold neither build folder nor
#                      the second host name; then lintian, and the first
#                      build's files go to OUT
#
# DEB_BUILD_OPTIONS passes through to `build` (nocheck skips the tests run
# during the build); `repro` always builds with nocheck, since make check
# runs the tests itself. Exit 0 when all holds, 1 when a check fails,
# 2 when the build cannot run.
set -eu
cd "$(dirname "$0")/.."

usage() {
    echo "usage: $0 build|repro OUT" >&2
    exit 2
}
[ $# -eq 2 ] || usage
mode=$1
out=$2
case $mode in build|repro) ;; *) usage ;; esac

if ! git rev-parse --verify -q HEAD >/dev/null; then
    echo "deb.sh: this is not a git checkout; in an unpacked source folder run" \
         "'dpkg-buildpackage -us -uc -b' instead" >&2
    exit 2
fi
rev=$(git stash create)
rev=${rev:-$(git rev-parse HEAD)}
untracked=$(git ls-files --others --exclude-standard)
if [ -n "$untracked" ]; then
    echo "deb.sh: warning: files git does not track stay out of the package ('git add' them):" >&2
    printf '%s\n' "$untracked" | sed 's/^/    /' >&2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/intake-deb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT HUP TERM

# build_once SRC LOG JOBS [PREFIX...]: exports $rev into SRC (a new folder)
# and builds there with JOBS jobs, the command run through PREFIX (env,
# faketime...); the packages land in SRC's parent folder.
build_once() {
    src=$1
    log=$2
    jobs=$3
    shift 3
    mkdir -p "$src"
    git archive "$rev" | tar -x -C "$src"
    if ! (cd "$src" && "$@" dpkg-buildpackage -us -uc -b -j"$jobs" >"$log" 2>&1); then
        tail -n 30 "$log" >&2
        mkdir -p "$out"
        cp "$log" "$out/build.log"
        echo "deb.sh: the package build failed (its log: $out/build.log)" >&2
        exit 2
    fi
}

# check_lintian CHANGES: no error and no warning (an override says why in
# a comment beside it).
check_lintian() {
    rc=0
    lintian --fail-on error,warning "$1" >"$tmp/lintian.txt" 2>&1 || rc=$?
    grep -v 'running with root privileges' "$tmp/lintian.txt" || true
    if [ "$rc" -ne 0 ]; then
        echo "deb.sh: lintian reports the errors or warnings above" >&2
        exit 1
    fi
    echo "lintian: no errors, no warnings"
}

# keep DIR: the packages of the build whose results are in DIR go to $out.
keep() {
    mkdir -p "$out"
    rm -f "$out"/*.deb "$out"/*.buildinfo "$out"/*.changes "$out"/SHA256SUMS
    cp "$1"/*.deb "$1"/*.buildinfo "$1"/*.changes "$out"/
    (cd "$out" && sha256sum -- *.deb >SHA256SUMS && cat SHA256SUMS)
}

# strings_in DIR TEXT: lists the files of the unpacked packages in DIR that
# hold TEXT (compressed files are read uncompressed).
strings_in() {
    find "$1" -type f | sort | while read -r f; do
        case $f in
            *.gz) if zcat -- "$f" | grep -qaF -- "$2"; then echo "$f"; fi ;;
            *) if grep -qaF -- "$2" "$f"; then echo "$f"; fi ;;
        esac
    done
}

nproc=$(nproc 2>/dev/null || echo 2)
if [ "$mode" = build ]; then
    echo "deb.sh: building the package of $rev"
    build_once "$tmp/b/intake" "$tmp/b/build.log" "$nproc" env
    check_lintian "$tmp/b/"*.changes
    keep "$tmp/b"
    exit 0
fi

# repro: the two builds differ in everything that must not matter.
command -v faketime >/dev/null || {
    echo "deb.sh: faketime is missing (scripts/deps.sh deb installs it)" >&2
    exit 2
}
export DEB_BUILD_OPTIONS="nocheck${DEB_BUILD_OPTIONS:+ $DEB_BUILD_OPTIONS}"
one=$tmp/1
two=$tmp/second-build/in/another/folder
loc2=POSIX
locale -a 2>/dev/null | grep -qix 'ko_KR.utf8' && loc2=ko_KR.UTF-8
host2=
if [ "$(id -u)" -eq 0 ] && unshare -u true 2>/dev/null; then
    host2=intake-repro-$$
fi

echo "deb.sh: two builds of $rev"
echo "  1: $one/intake, now, TZ=UTC, LC_ALL=C.UTF-8, umask 022, -j$nproc, host $(hostname)"
(umask 022
 TZ=UTC LC_ALL=C.UTF-8 build_once "$one/intake" "$one/build.log" "$nproc" env)
echo "  2: $two/intake-src, 400 days later, TZ=Pacific/Kiritimati, LC_ALL=$loc2," \
     "umask 002, -j1, host ${host2:-$(hostname) (unchanged: renaming it needs root)}"
(umask 002
 unset LANG LANGUAGE
 set -- faketime -f +400d
 if [ -n "$host2" ]; then
     # shellcheck disable=SC2016
     set -- unshare -u sh -c 'hostname "$0" && exec "$@"' "$host2" "$@"
 fi
 TZ=Pacific/Kiritimati LC_ALL=$loc2 build_once "$two/intake-src" "$two/build.log" 1 "$@")

fail=0
n1=$(cd "$one" && ls -- *.deb)
n2=$(cd "$two" && ls -- *.deb)
if [ "$n1" != "$n2" ]; then
    echo "deb.sh: the two builds made different packages: [$n1] and [$n2]" >&2
    exit 1
fi
for d in $n1; do
    if cmp -s "$one/$d" "$two/$d"; then
        echo "identical: $d"
    else
        fail=1
        echo "DIFFERENT: $d" >&2
        mkdir -p "$out"
        report=$out/diffoscope-${d%.deb}.txt
        if command -v diffoscope >/dev/null; then
            diffoscope --text "$report" "$one/$d" "$two/$d" >/dev/null 2>&1 || true
            head -n 60 "$report" >&2
            echo "deb.sh: diffoscope's whole report: $report" >&2
        else
            echo "deb.sh: install diffoscope-minimal to see where they differ" >&2
        fi
    fi
    mkdir -p "$tmp/x/$d"
    dpkg-deb -x "$one/$d" "$tmp/x/$d"
done

# Neither build folder nor the second host name is in any file. Comparing
# shows it too, but this says which file holds what.
for s in "$one" "$two" ${host2:+"$host2"}; do
    hits=$(strings_in "$tmp/x" "$s")
    if [ -n "$hits" ]; then
        fail=1
        printf 'deb.sh: "%s" is in:\n%s\n' "$s" "$hits" >&2
    fi
done
[ "$fail" -eq 0 ] || exit 1
echo "reproducible: both builds gave the same bytes"
check_lintian "$one/"*.changes
keep "$one"
