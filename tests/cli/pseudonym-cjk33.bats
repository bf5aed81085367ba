#!/usr/bin/env bats
# Brief s33 cjk33, report-adv32 P-1, end to end on the real binary:
# subject add refuses a pseudonym that renders the subject's own name in
# katakana with the sokuon ッ for a Korean final stop before the same stop
# (パク・オッキョン and オッキョン for 박옥경, ソッキュ for 정석규), a
# Russian diminutive in katakana with チ for a bare ч (ヴェロチカ for
# Вера's Верочка) or a Korean native name in the other sound characters
# (金纳拉 for 김나라).  Refused as any other form of the name is
# (pseudonym-cjk32.bats): status 2, "pseudonym '...' is taken or matches
# a real name in the store; choose another".  More cases:
# tests/data/leaks/cjk33.jsonl (test_leaks_names).  Left: 娜拉 (the given
# name alone in sound characters) is still accepted (report-cjk33).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "pseudonym-cjk33: a Korean name in katakana with the sokuon is refused" {
    run st field subject add --name 박옥경 --pseudonym "パク・オッキョン"
    refused "パク・オッキョン"
    run st field subject add --name 박옥경 --pseudonym オッキョン
    refused オッキョン
    run st field subject add --name 정석규 --pseudonym ソッキュ
    refused ソッキュ
}

@test "pseudonym-cjk33: a diminutive in katakana and a Korean name by sound are refused" {
    run st field subject add --name "Вера Сидоренко" --pseudonym ヴェロチカ
    refused ヴェロチカ
    run st field subject add --name 김나라 --pseudonym 金纳拉
    refused 金纳拉
}

@test "pseudonym-cjk33: katakana words with the sokuon still pass" {
    local p
    for p in オッケー マッチ "Anna Berg"; do
        run -0 st field subject add --name 박옥경 --pseudonym "$p"
        [ "$output" = "$p" ]
    done
}
