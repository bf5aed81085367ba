#!/usr/bin/env bats
# Brief s25 ko25 (issue 12), end to end on the real binary, one test per
# kind: a Hangul name cut anywhere between its syllables, a masked name
# with a case ending or a kept prefix, a Chinese name read inside a longer
# transliteration.  The full set of cases, with neighbours and guards:
# tests/data/leaks/ko25.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-ko25: a Hangul name cut anywhere between its syllables is read as one word" {
    redacts_to '--name "Бат-Эрдэнэ Дорж" --locale mn --pseudonym Tuul' \
        '바트-에르데-네가 왔다. 바트.에르.데네가 왔다. 바트에르 데네가 왔다.' \
        'Tuul가 왔다. Tuul가 왔다. Tuul가 왔다.'
    strict_clean 에르 데네
}

@test "leaks-ko25: a masked name with a case ending is a review flag that stops the export" {
    blocked '--name "Батбаяр Дорж" --pseudonym Tuul' \
        'Б*****р-ын ном.' near-name 'Б*****р-ын'
}

@test "leaks-ko25: a Chinese name read inside a longer transliteration takes the whole run" {
    redacts_to '--name "Sarah Johnson" --pseudonym Emily' \
        '约翰逊说。莎拉·约翰逊来了。' \
        'Emily说。Emily来了。'
}
