#!/usr/bin/env bats
# Brief s25 place25 (issue 12, report-adv24 A-4, A-4b, A-6, A-16), end to
# end on the real binary, one test per kind: a Ukrainian place in its
# cases, its Russian name and its region; a place glued to a noun of
# direction or a North Korean body; a place registered with its admin
# word reaching its other names; an address part without its suffix, a
# place's Hangul one jamo off and a Latin place with vowels dropped (review
# flags).  The full set of cases, with neighbours and guards:
# tests/data/leaks/place25.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-place25: a Ukrainian place in its cases, its Russian name and its region are replaced" {
    st field term add place:Харків >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'Харкові жила. Харьков был домом. Kharkov. Харківщина рідна.' \
        '[PLACE-1] жила. [PLACE-1] был домом. [PLACE-1]. [PLACE-1] рідна.'
}

@test "leaks-place25: a place glued to a noun of direction or a North Korean body loses the place part" {
    st field term add place:청진시 >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        '청진행 기차. 청진시당 간부. 청진군민.' \
        '[PLACE-1]행 기차. [PLACE-1]당 간부. [PLACE-1]군민.'
}

@test "leaks-place25: a place registered with its admin word reaches its other names" {
    st field term add 'place:Баянзүрх дүүрэг' >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        '바양주르흐에서 살았다. БЗД-д амьдардаг.' \
        '[PLACE-1]에서 살았다. [PLACE-1]-д амьдардаг.'
}

@test "leaks-place25: an address district without its suffix is a review flag" {
    st field term add 'place:서초구 반포동 123-4' >/dev/null
    blocked '--name "Margaret Wilson" --pseudonym Tulga' \
        '서초에서 살았다.' short-name 서초
}

@test "leaks-place25: a place's Hangul one jamo off with a particle is a review flag" {
    st field term add place:청진시 >/dev/null
    blocked '--name "Margaret Wilson" --pseudonym Tulga' \
        '칭진에서 왔다.' near-name 칭진
}

@test "leaks-place25: a Latin place with vowels dropped is a review flag" {
    st field term add place:Springfield >/dev/null
    blocked '--name "Margaret Wilson" --pseudonym Tulga' \
        'Springfld was home.' near-name Springfld
}
