#!/bin/sh
# Regenerates privacy/phone_plans.c from Debian's libphonenumber metadata
# (see SOURCES.md).  Needs g++, libphonenumber-dev and libprotobuf-dev.
# Usage: data/phone/extract.sh   (from anywhere)
set -eu
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
version=$(dpkg-query -W -f='${Version}' libphonenumber-dev)
g++ -O1 -Wall -o "$tmp/extract" data/phone/extract.cc -lphonenumber -lprotobuf
# The regions whose numbers are recognised when written nationally, without
# a country code: where the people intake is for live and work.
"$tmp/extract" "$version" KR KP MN RU CN MY KW UA KZ > "$tmp/phone_plans.c"
mv "$tmp/phone_plans.c" privacy/phone_plans.c
