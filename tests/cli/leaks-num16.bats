#!/usr/bin/env bats
# Issue 12, numbers that leave (brief s16 n16; report-adv15 R-4, R-5, R-6,
# R-13, R-14, R-15, R-19, R-22), end to end on the real binary: redact,
# export to hq and the audit there.  The full set of cases:
# tests/data/leaks/spoken16-terms.jsonl (test_leaks_names) and
# numbers16.jsonl (test_leaks_detect).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

BOLD='--name "Батбаярын Болд" --name "Bold" --locale mn --pseudonym Tulga'

@test "leaks-num16: a registered id said in English digit words, hyphenated or not, is the id (R-5)" {
    redacts_to "$BOLD --term id:8812345" \
        'Number eight eight one two three four five. Also eight-eight-one-two-three-four-five.' \
        'Number [ID-1]. Also [ID-1].'
    exports_clean eight-eight 'eight eight'
}

@test "leaks-num16: a registered id in Sino-Korean, native Korean, English and Han digits is the id, with no name flag to allow (R-19)" {
    redacts_to '--name 오세민 --locale ko --pseudonym Sora --term id:5512' \
        '번호는 오오일이. 오오 일이. 다섯다섯하나둘. five five one two. 五五一二. ５５１２.' \
        '번호는 [ID-1]. [ID-1]. [ID-1]. [ID-1]. [ID-1]. [ID-1].'
    [[ "$stderr" != *korean-name* ]] || false
    exports_clean 오오 다섯다섯 'five five' 五五
}

@test "leaks-num16: a term with a number is found with the number marked, glued or said (R-4)" {
    redacts_to "$BOLD --term 'other:Erdenet Mining Camp 7'" \
        'Worked at the Erdenet Mining Camp No. 7, aka Erdenet Mining Camp #7 and ErdenetMiningCamp7 and Erdenet mining camp seven.' \
        'Worked at the [OTHER-1], aka [OTHER-1] and [OTHER-1] and [OTHER-1].'
    exports_clean 'Camp No' 'Camp #7' Camp7 'camp seven'
}

@test "leaks-num16: a register number in lower-case Latin with spaced pairs goes whole (R-13)" {
    redacts_to "$BOLD" 'Reg: УБ75031412 and ub 75 03 14 12 and ub-75031412.' 'Reg: [ID-1] and [ID-2] and [ID-2].'
    exports_clean '75 03 14' 75031412
}

@test "leaks-num16: coordinates in degrees and decimal minutes, and a map link's centre, go whole (R-6)" {
    redacts_to "$BOLD" 'He was at 47 55.2 N 106 55.05 E, then @47.92,106.91,15z.' 'He was at [GPS-1], then [GPS-2].'
    exports_clean '55.2' '55.05' '106.91' '15z'
}

@test "leaks-num16: vehicle plates after a label and in the Mongolian and Korean shapes are IDs (R-14)" {
    redacts_to "$BOLD" 'Plate 1234 УБА and 1234УБА and car plate УНА 5678; 번호판 12가 3456.' \
        'Plate [ID-1] and [ID-1] and car plate [ID-2]; 번호판 [ID-3].'
    exports_clean УБА УНА 5678 3456
}
