#!/usr/bin/env bats
# Brief s24 place24 (issue 12), end to end on the real binary, one test per
# kind: a protected place glued to an office or resident noun, a Latin
# place one edit off with a Korean particle, a Korean place without its
# administrative suffix in another script, Bayanzürkh's Chinese names, a
# district's abbreviation in two letters before the word for a district,
# a part of a registered address.  The full set of cases, with neighbours
# and guards: tests/data/leaks/place24.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-place24: a protected place glued to a resident noun loses the place part, the noun stays" {
    st field term add place:강남구 >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        '강남구민이 모였다.' \
        '[PLACE-1]민이 모였다.'
}

@test "leaks-place24: a Latin place with two letters swapped and a Korean particle is a review flag" {
    st field term add place:Chongjin >/dev/null
    blocked '--name "Margaret Wilson" --pseudonym Tulga' \
        'Chnogjin이 고향이다.' near-name Chnogjin
}

@test "leaks-place24: a Korean place without its suffix, romanised, is replaced" {
    st field term add place:강남구 >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'He lived in Gangnam.' \
        'He lived in [PLACE-1].'
}

@test "leaks-place24: a Mongolian district in Chinese is replaced" {
    st field term add place:Баянзүрх >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        '他来自巴音朱日和。' \
        '他来自[PLACE-1]。'
}

@test "leaks-place24: a district's abbreviation in two letters before the word for a district is replaced" {
    st field term add place:Баянзүрх >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'He lived in BZ District.' \
        'He lived in [PLACE-1].'
}

@test "leaks-place24: the neighbourhood of a registered address is replaced alone" {
    st field term add 'place:서울 서초구 반포동 123-4' >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        '반포동에 살았다.' \
        '[PLACE-1]에 살았다.'
}
