#!/usr/bin/env bats
# Brief s29 word29 (issue 13 "name-or-word"), end to end on the real
# binary, one test per kind: every form of a registered given name that is
# also an ordinary word (a Korean surname before it across a space, a
# Mongolian case form, a set phrase, a Russian word-name in lower case, a
# Korean given name counted, a Cyrillic form with a soft sign glued) goes
# through the one name-or-word rule (privacy/redact_sense.c): replaced where
# the context marks a name, a review flag where it may be the word, nothing
# where the words around it mark the word.  The full set of cases:
# tests/data/leaks/word29.jsonl and word29-guards.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-word29: a Korean surname, a space and a given name that is a word read as the given name alone" {
    blocked '--name 이나라 --pseudonym Mina' '이 나라는 춥다.' name-or-word '이 나라'
    redacts_to '--name 박하나 --pseudonym Kate' \
        '박 하나도 없다. 박 하나 씨가 왔다.' \
        '박 하나도 없다. Kate 씨가 왔다.'
}

@test "leaks-word29: a Mongolian case form that is a word is the word in its set phrase; before a kin word it goes" {
    redacts_to '--name "Доржийн Гэрэл" --pseudonym Saraa' \
        'Гэрлийн чийдэн асав. Гэрлийн ах ирсэн.' \
        'Гэрлийн чийдэн асав. Saraa ах ирсэн.'
}

@test "leaks-word29: a Mongolian set phrase in lower case is the word; with a capital after a comma it is a flag" {
    redacts_to '--name Алтан --pseudonym Bolormaa' \
        'Тэр алтан медаль авсан. Алтан загас усанд сэлж байв.' \
        'Тэр алтан медаль авсан. Алтан загас усанд сэлж байв.'
    blocked '--name "Алтан Дорж" --pseudonym Joe' 'Болд ган, Алтан шар.' name-or-word 'Алтан'
}

@test "leaks-word29: a Russian given name that is a word, in lower case after a possessive, is the word; Веру goes" {
    redacts_to '--name "Вера Петрова" --pseudonym Нина' \
        'Его вера сильна. Я видел Веру вчера.' \
        'Его вера сильна. Я видел Нина вчера.'
}

@test "leaks-word29: a Korean given name counted (종수가 많은) is a flag, not a replacement" {
    blocked '--name 김종수 --pseudonym Kangho' '종수가 많은 숲이었다.' name-or-word '종수'
}

@test "leaks-word29: a soft sign after a Cyrillic name's form makes another word (Олень of Олена)" {
    redacts_to '--name "Олена Ковальчук" --pseudonym Олег' \
        'Олень стояв у лісі.' \
        'Олень стояв у лісі.'
}
