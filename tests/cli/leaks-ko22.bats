#!/usr/bin/env bats
# Brief s22 ko22 (report-adv21 A-9, A-11, A-13, A-14; issue 12), end to end
# on the real binary, one test per kind: a Mongolian case ending as Korean
# hears it after a name in Hangul, a replacement that covers the whole
# transcription, another Hangul spelling of a foreign name, one syllable
# of a name before a verb of coming, a protected place in simplified
# Chinese and in Hangul.  The full set of cases, with neighbours and
# guards: tests/data/leaks/ko22.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-ko22: a Mongolian case ending heard in Hangul goes with the name (A-9)" {
    redacts_to '--name "Батбаяр Дорж" --name "Batbayar Dorj" --locale mn --pseudonym Tuul' \
        '바트바야링 어머니가 왔다. 바트바야라스 들었다.' \
        'Tuul 어머니가 왔다. Tuul 들었다.'
    strict_clean 바트바야
}

@test "leaks-ko22: a replacement covers the whole Hangul transcription (A-9 MED)" {
    redacts_to '--name "Бат-Эрдэнэ" --name "Bat-erdene" --locale mn --pseudonym Nomin' \
        '바트에르데네가 왔다.' \
        'Nomin가 왔다.'
}

@test "leaks-ko22: another Hangul spelling of a foreign given name is a review flag that stops the export (A-9)" {
    blocked '--name "Sarah Whitfield" --pseudonym Helen' \
        '새라가 왔다.' short-name 새라
}

@test "leaks-ko22: one syllable of a name with a particle before a verb of coming is a review flag (A-14)" {
    blocked '--name "John Smith" --locale ko --pseudonym Vera' \
        '존이 왔다.' short-name 존
}

@test "leaks-ko22: a protected place in simplified Chinese is replaced (A-11)" {
    st field term add place:Hoeryong >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'He came from 会宁.' \
        'He came from [PLACE-1].'
}

@test "leaks-ko22: a protected Mongolian place in Hangul is replaced with its particle kept (A-13)" {
    st field term add place:Bayanzurkh >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        '바양주르흐에서 왔다.' \
        '[PLACE-1]에서 왔다.'
}
