#!/usr/bin/env bats
# Brief s26 place26 (issue 12, report-adv25a B-20, B-21, B-30,
# report-adv25b C-3, C-7, C-8, C-16), end to end on the real binary, one
# test per kind: a Korean place glued to an office chain or a particle and
# verb; a Ukrainian a/я-stem place in its cases, region and adjective; a
# Ukrainian city's other names (short name, Russian, German, Latin
# adjective); a Kuwaiti or Malaysian place in Hangul, Chinese and other
# spellings; an employer or camp without its generic words; a Mongolian
# district in Chinese and Hangul; a place's or employer's initials (a
# review flag).  The full set of cases, with neighbours and guards:
# tests/data/leaks/place26.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-place26: a Korean place glued to an office chain or a particle and verb loses the place part (C-3)" {
    st field term add place:청진시 >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        '청진시당위원회에서 일했다. 청진시인민병원에 입원했다. 청진으로향했다.' \
        '[PLACE-1]당위원회에서 일했다. [PLACE-1]인민병원에 입원했다. [PLACE-1]으로향했다.'
}

@test "leaks-place26: a Ukrainian a-stem place in its cases, region and adjective is replaced (C-7)" {
    st field term add place:Вінниця >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'Вона з Вінниці. Вінницька область. Вінниччина красива.' \
        'Вона з [PLACE-1]. [PLACE-1] область. [PLACE-1] красива.'
}

@test "leaks-place26: a Ukrainian city's short, Russian, German and Latin adjective names are replaced (C-8)" {
    st field term add place:Івано-Франківськ >/dev/null
    st field term add place:Миколаїв >/dev/null
    st field term add place:Одеса >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'В Ивано-Франковске холодно. Франківськ рідний. Nikolajew war die Stadt. Odeska oblast.' \
        'В [PLACE-1] холодно. [PLACE-1] рідний. [PLACE-2] war die Stadt. [PLACE-3] oblast.'
}

@test "leaks-place26: a Kuwaiti or Malaysian place in Hangul, Chinese and other spellings is replaced (B-20)" {
    st field term add place:Jahra >/dev/null
    st field term add 'place:Johor Bahru' >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        '자흐라에서 일했다. 他在新山工作。He lived in Johor Baharu.' \
        '[PLACE-1]에서 일했다. 他在[PLACE-2]工作。He lived in [PLACE-2].'
}

@test "leaks-place26: an employer or camp without its generic words is replaced (B-21)" {
    st field term add 'employer:Gulf Star Construction' >/dev/null
    st field term add 'other:Mutlaa Camp' >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'He worked for Gulf Star. They lived in camp Mutlaa.' \
        'He worked for [EMPLOYER-1]. They lived in camp [OTHER-1].'
}

@test "leaks-place26: a Mongolian district in Chinese and Hangul is replaced (C-16)" {
    st field term add 'place:Хан-Уул дүүрэг' >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        '칸울구에서 일했다.' \
        '[PLACE-1]구에서 일했다.'
}

@test "leaks-place26: a place's initials are a review flag that stops the export (B-30)" {
    st field term add 'place:Kota Kinabalu' >/dev/null
    blocked '--name "Margaret Wilson" --pseudonym Tulga' \
        'He went to KK, Sabah.' short-name KK
}
