#!/usr/bin/env bats
# Brief s27 place27 (issue 12, report-adv26a D-6, D-7, D-9..D-13), end to
# end on the real binary, one test per kind: a Cyrillic place's Latin
# spelling, Russian adjective and bare plural genitive; the Arabic article
# glued to a place in Hangul; an employer's article and short distinctive
# word; a Korean place before any noun compound; an address with its
# ordinals said in words; a named complex and its block-floor-unit code.
# The full set of cases, with neighbours and guards:
# tests/data/leaks/place27.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-place27: a Cyrillic place's Latin spelling, Russian adjective and plural genitive are replaced (D-9, D-11)" {
    st field term add place:Суми >/dev/null
    st field term add place:Полтава >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'He came from Sumy. Они приехали из Сум. Она жила в Сумской области. Он был в Полтавской области.' \
        'He came from [PLACE-1]. Они приехали из [PLACE-1]. Она жила в [PLACE-1] области. Он был в [PLACE-2] области.'
}

@test "leaks-place27: a place with the Arabic article glued in Hangul is replaced (D-10)" {
    st field term add place:Farwaniya >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        '그는 알파르와니야에 살았어요.' \
        '그는 [PLACE-1]에 살았어요.'
}

@test "leaks-place27: an employer's article and short distinctive word are replaced (D-12)" {
    st field term add 'employer:Al Noor General Trading' >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'He worked for Al Noor in Kuwait. He worked at Al-Noor Trading.' \
        'He worked for [EMPLOYER-1] in Kuwait. He worked at [EMPLOYER-1] Trading.'
}

@test "leaks-place27: a Korean place before any noun compound loses the place part (D-13)" {
    st field term add place:함흥시 >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        '그는 함흥제약공장 노동자였다. 그는 함흥철도국에서 일했다.' \
        '그는 [PLACE-1]제약공장 노동자였다. 그는 [PLACE-1]철도국에서 일했다.'
}

@test "leaks-place27: an address with its ordinals said in words is replaced, an ordinal century stays (D-6)" {
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'We lived in the fourth block, on the twelfth street, in house twenty-three. Мы жили в четвёртом квартале, на двенадцатой улице, в доме двадцать три. It was the twelfth century.' \
        'We lived in the [ADDRESS-1]. Мы жили в [ADDRESS-2]. It was the twelfth century.'
}

@test "leaks-place27: a named complex's block-floor-unit code is replaced (D-7)" {
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'Home - Vista Komanwel B-12-3. He lived in Sri Cempaka Apartment, A-3-12. Page 5-2 of the report.' \
        'Home - Vista Komanwel [ADDRESS-1]. He lived in Sri Cempaka Apartment, [ADDRESS-2]. Page 5-2 of the report.'
}
