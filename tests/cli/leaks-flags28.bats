#!/usr/bin/env bats
# Brief s28 flags28 (issue 13: review flags a person can clear), end to end
# on the real binary, one test per kind: a registered given name that is
# also an ordinary word is left alone where the words around it mark the
# word (a Mongolian set phrase, a verb no person does, the proprietive
# before a noun; Korean 하나, 둘 and 하나님; an English imperative), is
# replaced where they mark a name, and stays a name-or-word review flag
# where it may be either.  The full set of cases:
# tests/data/leaks/flags28.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-flags28: a Mongolian name used as the word is no flag; marked as a name it goes; ambiguous it is a flag" {
    redacts_to '--name "Доржийн Гэрэл" --pseudonym Saraa' \
        'Гэрэл унтарлаа. Гэрэлтэй өрөө. Гэрэл зургийн аппарат эвдэрсэн. Өчигдөр Гэрэл ирсэн.' \
        'Гэрэл унтарлаа. Гэрэлтэй өрөө. Гэрэл зургийн аппарат эвдэрсэн. Өчигдөр Saraa ирсэн.'
    blocked '--name "Болд Дорж" --pseudonym Tulga' 'Болд ном уншсан.' name-or-word 'Болд'
}

@test "leaks-flags28: Korean 하나 counted and 하나님 are no flag; 하나 씨 goes; 우리 나라 stays a flag" {
    redacts_to '--name 김하나 --pseudonym Jina' \
        '하나, 둘, 셋. 하나님께 기도했다. 하나씩 나눠 주었다. 하나 씨가 왔다.' \
        '하나, 둘, 셋. 하나님께 기도했다. 하나씩 나눠 주었다. Jina 씨가 왔다.'
    blocked '--name 김나라 --pseudonym Mina' '우리 나라는 작다.' name-or-word '나라'
}

@test "leaks-flags28: an English name that is an auxiliary before a pronoun is no flag; Then Mark came goes; Mark the driver and Dawn light stay flags" {
    redacts_to '--name "Will Hill" --pseudonym Tom' \
        'Will you come tomorrow? Then Will came.' \
        'Will you come tomorrow? Then Tom came.'
    blocked '--name "Mark Hill" --pseudonym Sam' 'Mark the driver came at night.' name-or-word 'Mark'
    blocked '--name "Dawn Smith" --pseudonym Ann' 'Dawn light filled the room.' name-or-word 'Dawn'
}
