#!/usr/bin/env bats
# Brief s40 kor40 (report-adv39 P-1; docs/VARIANTS.md, "Koryo-saram
# surnames"), end to end on the real binary: a pseudonym that spells the
# subject's own Koryo-saram surname in Hangul, Han or another reading of
# the same Korean surname (최 and 崔 of Цой, 정 and 전 of Тен, 이 and 리 of
# Ли) is refused with the message every refused pseudonym gets; other
# Korean surnames stay free.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "pseudonym-40: the subject's own surname in Hangul or Han (P-1)" {
    each_refused "Виктор Цой|Viktor Tsoi" "최" "崔" "최 민수"
    each_refused "Алла Тен" "정" "전" "鄭"
    each_refused "Марина Ли" "이" "리" "李"
    each_refused "Сергей Пак" "박"
    each_refused "Дмитрий Хан" "한" "韓"
}

@test "pseudonym-40: another Korean surname stays free" {
    each_accepted "Виктор Цой" "박" "金"
    each_accepted "Алла Тен" "최"
}
