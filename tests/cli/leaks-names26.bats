#!/usr/bin/env bats
# Brief s26 names26 (issue 12; report-adv25b C-9, C-10, C-12 and its false
# flags, report-adv25a F-2), end to end on the real binary, one test per
# kind: a preposition or a noun of kin before a capitalised word is no
# name, a Belarusian surname with akanye in every syllable but one, an
# English surname in Chinese and Japanese, a Hangul name's final consonant
# written as a syllable of its own, a Malay title before a surname (adv25a
# B-24).  The full set of cases, with
# neighbours and guards: tests/data/leaks/names26.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-names26: a preposition or a noun of kin before a capitalised word raises no review flag" {
    redacts_to '--name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Kang-ho' \
        'Во Франции было холодно. До Сеула летели долго. In Kuala Lumpur we stayed. Отец работал на железной дороге. К Петру пришла соседка.' \
        'Во Франции было холодно. До Сеула летели долго. In Kuala Lumpur we stayed. Отец работал на железной дороге. К Петру пришла соседка.'
}

@test "leaks-names26: a Belarusian surname with akanye in every syllable but one is replaced (C-9)" {
    redacts_to '--name "Наталья Морозова" --name "Natalya Morozova" --locale ru --pseudonym Orlova' \
        'Марозава прыйшла. Марозавай далі. Marozava pryjshla.' \
        'Orlova прыйшла. Orlova далі. Orlova pryjshla.'
}

@test "leaks-names26: an English surname in Chinese and Japanese is replaced (C-10)" {
    redacts_to '--name "Michael Thompson" --pseudonym Jack' \
        '汤普森先生说。湯普森說。トンプソンさんが来た。' \
        'Jack先生说。Jack說。Jackさんが来た。'
}

@test "leaks-names26: a Hangul name's final consonant written as its own syllable is replaced (C-12)" {
    redacts_to '--name Ганзориг --name Ganzorig --name 간조릭 --locale mn --pseudonym Tuul' \
        '간조리그가 왔다. 간-조-리-그가 왔다.' \
        'Tuul가 왔다. Tuul가 왔다.'
}

@test "leaks-names26: a Malay title before the surname is a review flag that stops the export (B-24)" {
    blocked '--name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Kang-ho' \
        'Encik Kim datang lewat malam itu.' title-name 'Encik Kim'
}
