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
