#!/usr/bin/env bats
# Brief s28 names28 (issue 12 kinds 3, 4, 6; report-adv27a G-8, report-
# adv27c H-1, H-2, H-8, H-11, report-adv26a D-15, D-24), end to end on the
# real binary, one test per kind: a Japanese name registered in Latin is
# replaced in kanji beside a title, a Slavic surname (registered in
# Cyrillic only too) in Chinese and katakana, a name a title marked in the
# text is replaced where it stands unmarked too, the colloquial vocative of
# a Russian short form is replaced, a name's initials with a space after
# each full stop are a review flag, and the Malay title Pak stays beside
# the replaced name.  The full set of cases, with neighbours and guards:
# tests/data/leaks/names28.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-names28: a Japanese name registered in Latin is replaced in kanji beside a title (G-8)" {
    redacts_to '--name "Tanaka Hiroshi" --pseudonym Ken' \
        '田中さんが来た。山田さんも来た。' \
        'Kenさんが来た。山田さんも来た。'
}

@test "leaks-names28: a Slavic surname registered in Cyrillic only is replaced in Chinese and katakana (H-1, D-15)" {
    redacts_to '--name "Олександр Коваленко" --pseudonym Dmytro' \
        '科瓦连科先生来了。コワレンコさんが来た。' \
        'Dmytro先生来了。Dmytroさんが来た。'
}

@test "leaks-names28: a name a title marks in the text is replaced where it stands unmarked too (H-2)" {
    redacts_to '--name "Daniel Morgan" --pseudonym Tom' \
        '昨天摩根说了很多。摩根太太也来了。' \
        '昨天Tom说了很多。Tom太太也来了。'
}

@test "leaks-names28: the colloquial vocative of a Russian short form is replaced (H-8)" {
    redacts_to '--name "Алексей Смирнов" --pseudonym Ivan' \
        'Лёш, иди сюда.' \
        'Ivan, иди сюда.'
}

# Session 42 (initb42): spaced initials before a person's verb are the
# person's and replaced; alone, with no such verb, still a review flag.
@test "leaks-names28: a name's initials with a space after each full stop are replaced before a person's verb (H-11)" {
    redacts_to '--name "Daniel Morgan" --pseudonym Tom' \
        'Yesterday D. M. came late and left.' \
        'Yesterday Tom came late and left.'
}

@test "leaks-names28: the Malay title Pak stays beside the replaced name (D-24)" {
    redacts_to '--name "Ahmad Faizal bin Rahman" --pseudonym Ali' \
        'Pak Faizal datang.' \
        'Pak Ali datang.'
}
