#!/usr/bin/env bats
# Brief s24 ko24 (issue 12), end to end on the real binary, one test per
# kind: Mongolian case endings heard in Hangul (a sound-class rule, up to
# three stacked), Hangul syllables one a word read as one word, initials
# of a hyphenated given name, a vowel shift or name+이 of a given name, a
# masked name.  The full set of cases, with neighbours and guards:
# tests/data/leaks/ko24.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-ko24: Mongolian case endings heard in Hangul, stacked, go with the name" {
    redacts_to '--name "Батбаяр Дорж" --name "Batbayar Dorj" --locale mn --pseudonym Tuul' \
        '바트바야르트 갔다. 바트바야링게 봤다. 바트바야르타이가 왔다.' \
        'Tuul 갔다. Tuul 봤다. Tuul가 왔다.'
    strict_clean 바트바야
}

@test "leaks-ko24: Hangul syllables set apart by dashes or spaces are read as one word" {
    redacts_to '--name "Батбаяр Дорж" --locale mn --pseudonym Tuul' \
        '바-트-바-야-르-가 왔다.' \
        'Tuul가 왔다.'
    # the dash before the particle is the separator the name was spelled
    # apart with, and goes with it (so on 014203a5, session 31's end; this file is
    # sampled in make check and the change went unseen until session 32)
}

@test "leaks-ko24: initials of a hyphenated given name before a verb are a review flag that stops the export" {
    blocked '--name "Бат-Эрдэнэ Дорж" --pseudonym Nomin' \
        'B.E. told me he was arrested.' short-name B.E
}

@test "leaks-ko24: a vowel shift of a given name with 이 before a verb of coming is a review flag" {
    blocked '--name "김종수" --name "Kim Jong-su" --locale ko --pseudonym Vera' \
        '정이가 왔다.' short-name 정이
}

@test "leaks-ko24: a masked name that fits a protected one is a review flag that stops the export" {
    blocked '--name "Наталья Петрова" --pseudonym Vera' \
        'Н*****я пришла.' near-name 'Н*****я'
}
