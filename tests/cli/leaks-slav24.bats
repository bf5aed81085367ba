#!/usr/bin/env bats
# Brief s24 slav24 (issue 12), end to end on the real binary, one test per
# kind: the possessive adjective of a registered Russian given name's
# forms, the Ukrainian short forms and diminutives, Тала a review flag in
# a name's context, and all-Cyrillic Ukrainian and Belarusian words that
# are no mixed-script review flag.  The full set of cases, with
# neighbours and guards: tests/data/leaks/slav24.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-slav24: the possessive adjective of a given name's forms is replaced in every gender and case (1)" {
    redacts_to '--name "Александр Кузнецов" --locale en --pseudonym Orel' \
        'Сашин дом стоял. Шуркин кот спал. У Сашиного брата. Сашків кіт спав. Сашкова хата.' \
        'Orel дом стоял. Orel кот спал. У Orel брата. Orel кіт спав. Orel хата.'
    strict_clean 'Сашин' 'Шурк' 'Сашк'
}

@test "leaks-slav24: Ukrainian short forms and diminutives are replaced in their cases and Latin spellings (2)" {
    redacts_to '--name "Александр Кузнецов" --locale en --pseudonym Orel' \
        'Олесь прийшов. Із Олесем говорили. Лесик грав. Саньок пішов. Сашуля спала. Ołes przyszedł.' \
        'Orel прийшов. Із Orel говорили. Orel грав. Orel пішов. Orel спала. Orel przyszedł.'
    strict_clean 'Олес' 'Лесик' 'Саньок' 'Сашул' 'Ołes'
}

@test "leaks-slav24: Тала of Наталья is a review flag in a name's context that stops the export (3)" {
    blocked '--name "Наталья Петрова" --pseudonym Orel' \
        'Вчера Талу бачили.' short-name Талу
}

@test "leaks-slav24: all-Cyrillic Ukrainian and Belarusian words raise no mixed-script review flag (4)" {
    redacts_to '--name "Александр Кузнецов" --locale en --pseudonym Orel' \
        'Увечері гроші. Прыйшоў Саша.' \
        'Увечері гроші. Прыйшоў Orel.'
    strict_clean 'Саша'
    strict_audit_passes
}
