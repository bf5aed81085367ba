#!/usr/bin/env bats
# Brief s29 cjk29 (issue 12 kind 4; report-adv28c J-1..J-4), end to end on
# the real binary, one test per kind: a Japanese surname and given name
# written together in kanji or kana, a Japanese given name alone before a
# title and a katakana name with no title, a Western or Slavic name in
# Chinese or Japanese transcription (a key of two classes beside a title,
# repeated unmarked), a transcription in Chinese with no title, and
# name-free Chinese and Japanese text left whole.  The full set of cases:
# tests/data/leaks/cjk29.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-cjk29: a Japanese surname and given name written together are replaced (J-1)" {
    redacts_to '--name "Takeshi Yamamoto" --pseudonym Henry' \
        '山本武さんが来た。山本たけしが言った。' \
        'Henryさんが来た。Henryが言った。'
}

@test "leaks-cjk29: a Japanese given name alone before a title, and a katakana name, are replaced (J-2)" {
    redacts_to '--name "Takeshi Yamamoto" --pseudonym Henry' \
        '武さんと話した。ヤマモトが来た。山本殿へ' \
        'Henryさんと話した。Henryが来た。Henry殿へ'
}

@test "leaks-cjk29: a Western name in Chinese and Japanese transcription is replaced beside a title and repeated (J-3)" {
    redacts_to '--name "John Whitaker" --pseudonym Evan' \
        '惠特克先生来了。后来惠特克又说了。ホイッテカーさんは来た。' \
        'Evan先生来了。后来Evan又说了。Evanさんは来た。'
}

@test "leaks-cjk29: a Slavic name in Chinese transcription is replaced with no title (J-3, J-4)" {
    redacts_to '--name "Sergei Kovalenko" --pseudonym Bob' \
        '谢尔盖来了。科瓦连科。后来科瓦连科' \
        'Bob来了。Bob。后来Bob'
}

@test "leaks-cjk29: name-free Chinese and Japanese text stays" {
    redacts_to '--name "Sergei Kovalenko" --pseudonym Bob' \
        '我去过乌克兰和俄罗斯。まことにありがとう。お客さんが来た。' \
        '我去过乌克兰和俄罗斯。まことにありがとう。お客さんが来た。'
}
