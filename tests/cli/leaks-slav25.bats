#!/usr/bin/env bats
# Brief s25 slav25 (issue 12, report-adv24 A-5, A-12..A-15, A-20, kind 6),
# end to end on the real binary, one test per kind: the Ukrainian and
# Belarusian spellings of a registered Russian surname in their cases,
# Belarusian short forms, possessives of consonant-final short forms,
# Latin possessives, Тала's forms and a short form beside a surname, and
# two subjects' forms written as one name (one [PERSON-n]).  The full set
# of cases, with neighbours and guards: tests/data/leaks/slav25.jsonl
# (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

PAVEL='--name "Александр Сергеевич Кузнецов" --name "Oleksandr Kuznetsov" --locale ru --pseudonym Pavel'

@test "leaks-slav25: a Russian surname's Ukrainian and Belarusian spellings are replaced in every case and number (1)" {
    redacts_to "$PAVEL" \
        'Кузняцоў прыйшоў учора. Кузнєцових не було. Кузнєцовими пишалися. Кузняцовых не было. Kuznietsovykh came.' \
        'Pavel прыйшоў учора. Pavel не було. Pavel пишалися. Pavel не было. Pavel came.'
    strict_clean 'Кузняц' 'Кузнєц' 'Kuznietsov'
}

@test "leaks-slav25: Belarusian short forms are replaced in their cases and possessives (2)" {
    redacts_to "$PAVEL" \
        'Алесь прыйшоў учора. Алесю, хадзі сюды! Алеся бачылі ўчора. Алесева маці плакала.' \
        'Pavel прыйшоў учора. Pavel, хадзі сюды! Pavel бачылі ўчора. Pavel маці плакала.'
}

@test "leaks-slav25: possessives of consonant-final Ukrainian short forms are replaced (3)" {
    redacts_to "$PAVEL" \
        'Лесева мати прийшла. Лесів брат. Олесів брат. Олесеву хату. Олесикова хата. Лесикова хата.' \
        'Pavel мати прийшла. Pavel брат. Pavel брат. Pavel хату. Pavel хата. Pavel хата.'
}

@test "leaks-slav25: possessives written in Latin are replaced (4)" {
    redacts_to "$PAVEL" \
        'Sashina kurtka. Sashyn brat. Sashyna maty. Sashynoho brata. Olesiv brat. Lesiv brat.' \
        'Pavel kurtka. Pavel brat. Pavel maty. Pavel brata. Pavel brat. Pavel brat.'
}

@test "leaks-slav25: Тала's forms, and a short form beside a surname, are replaced (5)" {
    redacts_to '--name "Наталья Петрова" --locale ru --pseudonym Orel' \
        'Таля прийшла. Талька прийшла. Тала Петрова пришла. тала вода текла.' \
        'Orel прийшла. Orel прийшла. Orel пришла. тала вода текла.'
}

@test "leaks-slav25: two subjects' forms written as one name are one neutral placeholder (6)" {
    st field subject add --name "Наталья Петренко" --locale ru --pseudonym Olga >/dev/null
    redacts_to "$PAVEL" \
        'Саша Петренко пришла. Natalia Kuznetsova came. Саша и Петренко пришли.' \
        '[PERSON-1] пришла. [PERSON-2] came. Pavel и Olga пришли.'
}
