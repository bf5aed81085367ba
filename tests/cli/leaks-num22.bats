#!/usr/bin/env bats
# Issue 12 (brief s22 num22; report-adv21 A-1, A-2, A-15), end to end on
# the real binary: redact, export to hq and the audit there, one test per
# kind.  The full set of cases, with other forms of each kind and the
# negative ones: tests/data/leaks/num22.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-num22: a phone's groups joined by any words in one sentence are a phone (A-1, A-15)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'His number: 010 (dash) 1234 (dash) 5678. Call 010, 1234, 5679. First part 010, then 1234, and the last four are 5670.' \
        'His number: [PHONE-1]. Call [PHONE-2]. First part [PHONE-3].'
    exports_clean 1234 5678
}

@test "leaks-num22: a phone's placeholder takes the group before it that belongs to the number (A-2)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'Her number is (415) 555 zero one three four. Call ㅇ1ㅇ-1234-5678 later.' \
        'Her number is [PHONE-1]. Call [PHONE-2] later.'
}

@test "leaks-num22: a Korean plate with its serial said is an ID whole (A-15)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        '차량번호 12 가 삼사오육. Plate: twelve ga three four five six.' \
        '차량번호 [ID-1]. Plate: [ID-2].'
}

@test "leaks-num22: a zero of another script between digit groups hides no phone" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'Call 010০1234০5678 or 9911０2233.' \
        'Call [PHONE-1] or [PHONE-2].'
}

@test "leaks-num22: four digits of a registered id after 'the last four digits' are the id" {
    redacts_to '--name "Kim Jong-su" --term id:M4829173 --pseudonym Tulga' \
        'The last four digits are 9173. In 1975 he left.' \
        'The last four digits are [ID-1]. In 1975 he left.'
}

@test "leaks-num22: a date of birth takes the day said after it (A-15)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'He was born in March 1985, on the 15th.' \
        'He was born in [DATE-1].'
}
