#!/usr/bin/env bats
# Brief s45 steppe45 (report-adv44 P-6, P-11, P-14; docs/VARIANTS.md,
# "Session 45 (steppe45)"), end to end on the real binary: a pseudonym that
# is a Kazakh pet or respectful form of the subject's own given name (Erke,
# Ерке, Ереке of Ерлан; Ержеке, Ержекең of Ержан; Армаш, Арекең of Арман:
# made by rule, privacy/nicknames.c kazakh_forms) or a Mongolian short form
# of a later element of the name (Jagaa, Жаргаа of Батжаргал:
# privacy/variants_mn.c mn_element_start) is refused; other names stay free.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "steppe45: Kazakh pet and respectful forms of the own name are refused (P-6, P-14)" {
    each_refused "Ерлан Жумабаев" "Erke" "Ерке" "Yerke" "Еркеш"
    each_refused "Ержан Нұрланов" "Ержеке" "Ержекең" "Yerzheke"
    each_refused "Арман Сейтов" "Армаш" "Арекең" "Arekeng"
    each_refused "Гүлнара Сейтова" "Гүлім" "Гүлекең"
}

@test "steppe45: Mongolian short forms of a later element are refused (P-11)" {
    each_refused "Батжаргал Төмөр" "Jagaa" "Жагаа" "Жаргаа" "Jargaa"
}

@test "steppe45: other names stay free" {
    each_accepted "Ерлан Жумабаев" "Ержан" "Арман" "Гүлім"
    each_accepted "Ержан Нұрланов" "Gulya" "Армаш"
    each_accepted "Батжаргал Төмөр" "Энхээ" "Tsetseg"
}
