#!/usr/bin/env bats
# Issue 12 leftovers (brief s15 f12b), end to end on the real binary:
# aimag names in katakana, Chinese and Hangul; the Japanese on-reading of a
# Korean name's Hanja; katakana and hiragana digit words; EUC-KR/CP949
# bytes in RTF, percent-encoding and MIME encoded-words.  The full set of
# cases: tests/data/leaks/scripts15.jsonl (test_leaks_names) and
# numbers5.jsonl (test_leaks_detect).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

KIM='--name 김영호 --name "Kim Young-ho" --locale ko --pseudonym Won-sim'

@test "leaks-scripts15: an aimag's names in katakana, Chinese and Hangul are its place term's (item 1, A-8 addendum pl3)" {
    redacts_to '--name "Батбаярын Алтангэрэл" --locale mn --term "place:Говь-Алтай" --term "place:Дархан-Уул" --pseudonym Tulga' \
        'ゴビ・アルタイ県, 戈壁阿尔泰省, 고비알타이, 다르항울.' \
        '[PLACE-1], [PLACE-1], [PLACE-1], [PLACE-2].'
    exports_clean ゴビ アルタイ 戈壁 고비알타이 다르항울
}

@test "leaks-scripts15: a place registered in Hangul is found in Cyrillic, Latin and katakana (item 1)" {
    redacts_to '--name "Батбаярын Алтангэрэл" --locale mn --term "place:고비알타이" --pseudonym Tulga' \
        'Говь-Алтай, Gobi-Altai, ゴビ・アルタイ県.' \
        '[PLACE-1], [PLACE-1], [PLACE-1].'
    exports_clean Говь Gobi ゴビ
}

@test "leaks-scripts15: the Japanese on-reading of a Korean name's Hanja is replaced, in romaji and katakana (item 2, h5)" {
    redacts_to '--name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Won-sim' \
        'Kin Shoshu came. キン・ショウシュが来た。' \
        'Won-sim came. Won-simが来た。'
    exports_clean Shoshu ショウシュ
}

@test "leaks-scripts15: a phone in katakana or hiragana digit words is a phone (item 3, ph13)" {
    redacts_to "$KIM" '電話: ゼロイチゼロ イチニサンヨン ゴロクナナハチ' '電話: [PHONE-1]'
    exports_clean イチニサンヨン
}

@test "leaks-scripts15: hiragana digit words and 、 between the groups are read too (item 3)" {
    redacts_to "$KIM" 'でんわ: ぜろいちぜろ いちにさんよん ごろくななはち. 電話: ゼロキュウゼロ、ハチナナロクゴ、ヨンサンニイチ です。' \
        'でんわ: [PHONE-1]. 電話: [PHONE-2] です。'
    exports_clean いちにさんよん ハチナナロクゴ
}

@test "leaks-scripts15: EUC-KR/CP949 in RTF, percent-encoding and MIME encoded-words is read and replaced (item 4)" {
    redacts_to "$KIM" \
        "Word: {\\rtf1\\ansi\\ansicpg949 \\'b1\\'e8\\'bf\\'b5\\'c8\\'a3 wrote} Form: %B1%E8%BF%B5%C8%A3 wrote. From: =?EUC-KR?B?sei/tcij?= and =?ks_c_5601-1987?B?sei/tcij?= <x@y>" \
        "Word: {\\rtf1\\ansi\\ansicpg949 Won-sim wrote} Form: Won-sim wrote. From: Won-sim and Won-sim <x@y>"
    exports_clean "\\'b1" '%B1%E8' sei/tcij ks_c_5601
}
