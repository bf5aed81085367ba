#!/usr/bin/env bats
# Brief s18 names18 (report-adv17a D-8, D-14, D-29, D-33, D-36, D-45,
# D-51), end to end on the real binary: everyday spellings of registered
# Mongolian, Russian and Latin names.  Russian short forms in their case
# forms and familiar diminutives, Cyrillic and Latin; Mongolian everyday
# and chat Latin; Kazakh letters and ŋ; a Mongolian name that is a word;
# the surname beside the pseudonym.  The full set of cases:
# tests/data/leaks/names18.jsonl (test_leaks_names); the rules:
# docs/VARIANTS.md, "Everyday spellings of registered names".

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-names18: Russian short forms in their case forms and familiar diminutives are replaced (D-8)" {
    redacts_to '--name "Александр Петров" --name "Иван Кузнецов" --pseudonym Vera' \
        'Сашу видели. Саше сказали. С Сашей говорили. Саня пришёл. Ванька ушёл. Ваню видели.' \
        'Vera видели. Vera сказали. С Vera говорили. Vera пришёл. Vera ушёл. Vera видели.'
    strict_clean Сашу Саше Сашей Саня Ванька Ваню
}

@test "leaks-names18: a Russian name and short form in Latin with Russian case endings are replaced (D-45)" {
    redacts_to '--name "Иван Петров" --name "Александр Петров" --pseudonym Vera' \
        'Ivana videli. Ivanu skazali. S Ivanom govorili. Sanya prishel. Sashu videli.' \
        'Vera videli. Vera skazali. S Vera govorili. Vera prishel. Vera videli.'
    strict_clean Ivana Ivanu Ivanom Sanya Sashu
}

@test "leaks-names18: a Latin registration covers the Cyrillic forms and English spelling (D-8)" {
    redacts_to '--name "Aleksandr Petrov" --pseudonym Vera' \
        'Сашу видели. Sanya came. Alexander came. Шура пришёл.' \
        'Vera видели. Vera came. Vera came. Vera пришёл.'
    strict_clean Сашу Sanya Alexander Шура
}

@test "leaks-names18: a Mongolian name in everyday and chat Latin is replaced (D-14, D-33)" {
    redacts_to '--name Өлзийбаяр --name Чимэг --locale mn --pseudonym Dulmaa' \
        'Uljeebayar irsen. Ulzeebayar irsen. Өлзийбайар ирсэн. Qlziibayar irsen. 4imeg irsen. 4imgee irsen.' \
        'Dulmaa irsen. Dulmaa irsen. Dulmaa ирсэн. Dulmaa irsen. Dulmaa irsen. Dulmaa irsen.'
    strict_clean Uljeebayar Ulzeebayar Өлзийбайар Qlziibayar 4imeg 4imgee
}

@test "leaks-names18: a Mongolian name with ŋ or Kazakh letters is folded to the registered one (D-29)" {
    redacts_to '--name Алтангэрэл --name Ганболд --locale mn --pseudonym Dulmaa' \
        'Altaŋgerel came. Altaŋerel came. Алтаңгерел ирсэн. Ғанболд ирсэн.' \
        'Dulmaa came. Dulmaa came. Dulmaa ирсэн. Dulmaa ирсэн.'
    strict_clean Altaŋgerel Altaŋerel Алтаңгерел Ғанболд
}

@test "leaks-names18: a Mongolian name's word form is a name-or-word flag; export waits (D-36)" {
    blocked '--name "Батын Гэрэл" --locale mn --pseudonym Dulmaa' 'Гэрлээ асаа.' \
        name-or-word 'Гэрлээ'
}

@test "leaks-names18: the lower-case inflected word of a Mongolian name that is a word is no flag (D-36)" {
    redacts_to '--name "Батын Гэрэл" --locale mn --pseudonym Dulmaa' \
        'гэрлийн чийдэн шатсан.' \
        'гэрлийн чийдэн шатсан.'
    run --separate-stderr st field redact "$(st field list --json | jq -r '.[0].id')" --report
    expect_status 0
}

@test "leaks-names18: the surname in another spelling beside the given name is replaced too (D-51)" {
    redacts_to '--name 최명남 --name 김종수 --locale ko --pseudonym Rim-il' \
        'Tchoe Myong Nam came. Keem Jong-su came. Kimm Jongsu came.' \
        'Rim-il came. Rim-il came. Rim-il came.'
    strict_clean Tchoe Keem Kimm
}
