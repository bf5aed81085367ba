#!/usr/bin/env bats
# Issue 12, short address forms that still leaked (report-adv24 A-17;
# brief s25 addr25), end to end on the real binary, one test a kind:
# redact, and for the leaks export to hq and the audit there.  The full
# set of cases, with other forms of each kind and the negative ones:
# tests/data/leaks/addr25.jsonl (test_leaks_names) and
# tests/data/leaks/addr25-detect.jsonl (test_leaks_detect).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-addr25: a unit and house with a slash before a street or after a unit word is an address" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'I live at Unit 12/5 Baker St now. Мы жили: д. 5/2. Page 12/5 of 12/5/2023.' \
        'I live at [ADDRESS-1] now. Мы жили: [ADDRESS-2]. Page 12/5 of 12/5/2023.'
    exports_clean '12/5 Baker' 'д. 5/2'
}

@test "leaks-addr25: Mongolian address words in Latin letters glued to their numbers are an address" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'Bi 3khoroo 15bair 42toot-d amidardag. Bi 3horoo 15bayr 42tood. We bought 15bars.' \
        'Bi [ADDRESS-1] amidardag. Bi [ADDRESS-2]. We bought 15bars.'
    exports_clean '3khoroo' '15bair' '42tood'
}

@test "leaks-addr25: a building and flat pair after a home label is an address, with a Mongolian complex's name after it" {
    # By session 31's end (014203a5) a Mongolian complex's name (хотхон) after the pair
    # is taken into the address; this file is sampled in make
    # check and the change went unseen until session 32.  The Latin
    # complex name stays, as before.
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'Home: 101-1203, Banpo Xi. Гэр: 15-42, Цамбагарав хотхон. 집: 101-1203.' \
        'Home: [ADDRESS-1], Banpo Xi. Гэр: [ADDRESS-2]. 집: [ADDRESS-1].'
    exports_clean '101-1203' '15-42'
}

@test "leaks-addr25: a khoroo, building and flat joined by hyphens before тоот are one address" {
    st field term add 'place:Баянзүрх дүүрэг' >/dev/null
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'Баянзүрх 3-15-42 тоотод амьдардаг. Оноо 3-15-42 байсан.' \
        '[PLACE-1] [ADDRESS-1] амьдардаг. Оноо 3-15-42 байсан.'
    exports_clean '3-15-42 тоот'
}

@test "leaks-addr25: the street's name before its house joins the address" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'Он жил на Ленина, дом 5, квартира 12. She lived on Baker Street, house 5, flat 12. Этот дом 5 лет стоит.' \
        'Он жил на [ADDRESS-1]. She lived on [ADDRESS-2]. Этот дом 5 лет стоит.'
    exports_clean 'Ленина' 'Baker'
}

@test "leaks-addr25: a room and its floor without a home cue stay" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'We met in Room 12, floor 5. Home: Room 12, floor 5.' \
        'We met in Room 12, floor 5. Home: [ADDRESS-1].'
}

@test "leaks-addr25: a named apartment complex and its building-flat pair are an address" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        '반포자이 101-1203 앞. 우리는 현대아파트 5-302에 있었다.' \
        '[ADDRESS-1] 앞. 우리는 [ADDRESS-2]에 있었다.'
    exports_clean '101-1203' '5-302'
}
