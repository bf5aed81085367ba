#!/bin/sh
# Installs the Debian 12 packages intake needs to build and test, when they
# are missing. As root it runs apt-get; otherwise it prints the exact
# command and stops. Usage: scripts/deps.sh [--list] build|deb|check|full|bench
# (--list prints the packages of that list, one a line, and changes nothing)
#   build  what `make` needs; the same list as debian/control's
#          Build-Depends without the <!nocheck> ones (tests/cli/deb.bats)
#   deb    what `make deb` and `make repro` add: debhelper, lintian,
#          diffoscope (shows where two builds differ), faketime (the
#          second build of make repro runs 400 days later), and what the
#          tests need (debian/control's <!nocheck> Build-Depends: the
#          package build runs them)
#   check  what `make check` needs: the tests' packages, clang for the
#          fuzz targets and fiu-utils; not the package's tools (make check
#          does not build the package) nor ffmpeg (media.bats's decoding
#          comparison, which skips saying so without it): on CI's clean
#          machine those two are 380 of 827 packages (with gcovr) to install
#          (docs/TESTING.md, "Session 21")
#   full   what `make check-full` needs: deb, check's, and gcovr (make
#          coverage)
set -eu

build="gcc make pkg-config libsodium-dev libargon2-dev libssl-dev libsqlcipher-dev libqrencode-dev
libpng-dev libjpeg62-turbo-dev libzbar-dev libutf8proc-dev libvectorscan-dev libjansson-dev
libzxcvbn-dev libbsd-dev libseccomp-dev unicode-data libicu-dev libhunspell-dev gettext
libpsl-dev libxml2-dev"
tests="libcmocka-dev bats strace zbar-tools librsvg2-bin python3 python3-nacl jq
libimage-exiftool-perl hunspell-ko hunspell-mn hunspell-en-us locales faketime"
deb="$build dpkg-dev debhelper lintian diffoscope-minimal $tests ffmpeg"
check="$build $tests clang libclang-rt-14-dev fiu-utils"
full="$deb clang libclang-rt-14-dev fiu-utils gcovr"
bench="$full age hyperfine mat2"

list=
if [ "${1:-}" = --list ]; then
    list=1
    shift
fi
case "${1:-build}" in
    build) want=$build ;;
    deb) want=$deb ;;
    check) want=$check ;;
    full) want=$full ;;
    bench) want=$bench ;;
    *) echo "usage: $0 [--list] build|deb|check|full|bench" >&2; exit 2 ;;
esac
if [ -n "$list" ]; then
    # shellcheck disable=SC2086
    printf '%s\n' $want
    exit 0
fi

missing=
for p in $want; do
    st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$st" in
        *" installed") ;;
        *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0

cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" -ne 0 ]; then
    echo "intake: missing Debian packages:$missing" >&2
    echo "intake: install them with: sudo apt-get update && sudo $cmd" >&2
    exit 2
fi
echo "intake: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
$cmd
