#!/bin/sh
# Installs the Debian 12 packages intake needs to build and test, when they
# are missing. As root it runs apt-get; otherwise it prints the exact
# command and stops. Usage: scripts/deps.sh build|check|bench
set -eu

build="gcc make pkg-config libsodium-dev libsqlcipher-dev libqrencode-dev
libpng-dev libjpeg62-turbo-dev libzbar-dev libutf8proc-dev libvectorscan-dev libjansson-dev
libzxcvbn-dev unicode-data libicu-dev"
check="$build libcmocka-dev bats strace zbar-tools librsvg2-bin clang
libclang-rt-14-dev python3-nacl jq"
bench="$check age hyperfine"

case "${1:-build}" in
    build) want=$build ;;
    check) want=$check ;;
    bench) want=$bench ;;
    *) echo "usage: $0 build|check|bench" >&2; exit 2 ;;
esac

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
