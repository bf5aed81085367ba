#!/usr/bin/env bats
# Brief s32 cjk32 kind 3, end to end on the real binary: subject add
# refuses a pseudonym that is the subject's own name, or a short form of
# it, written in another script: katakana with the long mark and small
# kana (スラーヴァ for Вячеслав, whose short form is Слава; ツェツェグマー
# for Цэцэгмаа; ダーシャ・S for Дарья), Chinese characters (谢尔盖 for
# Сергей, 达丽娅 for Дарья) and the Chinese reading of a Korean name
# (金娜拉 for 김나라).  Refused as any other form of the name is
# (leaks-pseud29.bats): status 2, "pseudonym '...' is taken or matches a
# real name in the store; choose another".  More cases:
# tests/data/leaks/cjk32.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "pseudonym-cjk32: a katakana rendering of the name or its short form is refused" {
    run st field subject add --name "Вячеслав Орлов" --pseudonym スラーヴァ
    refused スラーヴァ
    run st field subject add --name "Батбаярын Цэцэгмаа" --pseudonym ツェツェグマー
    refused ツェツェグマー
    run st field subject add --name "Дарья Петрова" --pseudonym ダーシャ・S
    refused ダーシャ・S
}

@test "pseudonym-cjk32: a Chinese rendering of the name is refused" {
    run st field subject add --name "Сергей Иванов" --pseudonym 谢尔盖
    refused 谢尔盖
    run st field subject add --name "Дарья Петрова" --pseudonym 达丽娅
    refused 达丽娅
    run st field subject add --name 김나라 --pseudonym 金娜拉
    refused 金娜拉
}

@test "pseudonym-cjk32: ordinary katakana and Chinese pseudonyms still pass" {
    local p
    for p in サクラ コーヒー 王芳 "Anna Berg"; do
        run -0 st field subject add --name "Дарья Петрова" --pseudonym "$p"
        [ "$output" = "$p" ]
    done
}
