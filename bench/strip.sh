#!/bin/sh
# Removing a photo's metadata: a 10 MB JPEG (4000x3000, EXIF with GPS,
# serials, times, author; XMP; IPTC) stripped by intake's export code in
# memory (media_strip + BLAKE2b, best of 5), side by side with
# `exiftool -all=` and `mat2` on a copy of the same file, same run
# (both work on files: intake never writes the cleartext to one).
#   sh bench/strip.sh
set -eu
make -s build/bench/strip_bench
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
ffmpeg -v error -f lavfi -i testsrc2=size=4000x3000:rate=1 -vf noise=alls=100:allf=u \
    -frames:v 1 -q:v 1 "$dir/big.jpg"
exiftool -q -overwrite_original -GPSLatitude=39.0392 -GPSLongitude=125.7625 \
    -SerialNumber=R5CR10ABCDE "-DateTimeOriginal=2024:05:01 10:20:30" "-Artist=Kim Jongsu" \
    "-XMP-dc:Creator=Kim Jongsu" "-IPTC:By-line=Kim Jongsu" "$dir/big.jpg"
set -- $(build/bench/strip_bench "$dir/big.jpg" 5)
wall() { /usr/bin/time -f %e -o "$dir/t" "$@" >/dev/null 2>&1 || true; cat "$dir/t"; }
cp "$dir/big.jpg" "$dir/e.jpg"
ex=$(wall exiftool -q -overwrite_original -all= "$dir/e.jpg")
cp "$dir/big.jpg" "$dir/m.jpg"
if command -v mat2 >/dev/null; then mt=$(wall mat2 --inplace "$dir/m.jpg"); else mt=-; fi
printf 'JPEG %s MB (4000x3000)\n' "$1"
printf '                     seconds\n'
printf 'intake (in memory):  %.4f\n' "$2"
printf 'exiftool -all=:      %s\n' "$ex"
printf 'mat2 --inplace:      %s\n' "$mt"
