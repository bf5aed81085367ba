#!/usr/bin/env bats
# Brief s30 slav30 (issue 12 kinds 3-4, issue 13; report-adv29c K-3, K-4,
# K-5, K-7, K-15, N-3), end to end on the real binary, one test per kind:
# a Latin place term's Ukrainian name in its cases and a place's former
# Cyrillic name; an employer's relative adjective and its distinctive first
# word; a Russian word-name at a sentence's start flagged, not replaced.
# The full set of cases, with guards: tests/data/leaks/slav30.jsonl
# (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-slav30: a place's Ukrainian cases and former Cyrillic name are replaced (K-3, K-4)" {
    st field term add place:Dnipro >/dev/null
    st field term add place:Ivano-Frankivsk >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'Ми жили в Дніпрі. Вона зі Станіслава.' \
        'Ми жили в [PLACE-1]. Вона зі [PLACE-2].'
}

@test "leaks-slav30: an employer's relative adjective and distinctive first word are replaced (K-5, K-15)" {
    st field term add employer:Metinvest >/dev/null
    st field term add 'employer:Arcelor Kryvyi Rih Steel' >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'Метінвестівські робітники страйкували. I worked for Arcelor.' \
        '[EMPLOYER-1] робітники страйкували. I worked for [EMPLOYER-2].'
}

@test "leaks-slav30: a word-name at a sentence's start is a review flag, not a replacement (K-7)" {
    blocked '--name "Вера Петрова" --pseudonym Нина' 'Вера в людей у неё пропала.' name-or-word 'Вера'
}
