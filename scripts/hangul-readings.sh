#!/bin/sh
# Prints the C table PREFIX_hangul[] of {Hangul syllable, index of a
# reading}: each Han character read so in Korean (Unihan's kHangul) gives
# each of its readings of another language.  Shared by scripts/pinyin.sh
# (readings tagged R: Mandarin) and scripts/onyomi.sh (tagged O: Japanese
# on-readings), which write its inputs from Unihan_Readings.txt:
#   SYL: the distinct readings, sorted, one a line (a reading's index is
#        its line number less one)
#   ALL: "TAG HAN READING" and "H HAN HANGUL-CP" lines, hex code points
# Sorted and distinct, so the output depends on the inputs alone.
# Usage: scripts/hangul-readings.sh PREFIX TAG SYL ALL
set -eu
prefix=$1; tag=$2; syl=$3; all=$4
echo "const uint16_t ${prefix}_hangul[][2] = {"
LC_ALL=C awk -v tag="$tag" 'NR == FNR { idx[$1] = NR - 1; next }
    FILENAME == ARGV[2] && $1 == tag { m[$2] = m[$2] " " idx[$3]; next }
    FILENAME == ARGV[3] && $1 == "H" && ($2 in m) { k = split(m[$2], x, " "); for (i = 1; i <= k; i++) printf "%s %05d\n", $3, x[i] }' \
    "$syl" "$all" "$all" |
    LC_ALL=C sort -u | awk '{ printf "{0x%s,%d},\n", $1, $2 + 0 }'
echo "};"
echo "const size_t ${prefix}_hangul_count = sizeof ${prefix}_hangul / sizeof ${prefix}_hangul[0];"
