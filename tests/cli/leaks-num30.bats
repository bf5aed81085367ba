#!/usr/bin/env bats
# Brief s30 num30 (report-adv29c K-2, K-11, K-12; issue 12 kinds 7-10),
# end to end on the real binary, one test per kind, with negatives beside
# each.  The full set of cases: tests/data/leaks/num30.jsonl
# (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-num30: what3words after /// with dot-space joiners goes, one-word sentences stay (K-2)" {
    redacts_to '--name "Petro Kovalenko" --pseudonym Chris' \
        'w3w ///filled. count. soap and ///стол .окно .книга. He came. Then left. Fine.' \
        'w3w [GPS-1] and [GPS-2]. He came. Then left. Fine.'
}

@test "leaks-num30: a card ending after 'the last digits of the card' goes, a year after them stays (K-11)" {
    redacts_to '--name "Petro Kovalenko" --pseudonym Chris' \
        'Останні цифри картки 4421, а останні цифри року 1986.' \
        'Останні цифри картки [ACCOUNT-1], а останні цифри року 1986.'
}

@test "leaks-num30: degrees with decimal-comma minutes and hemisphere words go, temperatures stay (K-12)" {
    redacts_to '--name "Petro Kovalenko" --pseudonym Chris' \
        'Точка 50°27,006′ пн. ш., 30°31,404′ сх. д., а вдень 20,5°, 21,3°.' \
        'Точка [GPS-1], а вдень 20,5°, 21,3°.'
}
