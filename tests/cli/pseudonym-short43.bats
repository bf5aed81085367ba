#!/usr/bin/env bats
# Brief s43 short43 (report-adv42 P-1, P-2; docs/PSEUDONYMS.md, "Session 43
# (short43)"), end to end on the real binary: a pseudonym that is a listed
# short form of the subject's given name (Тата of Наталья, Кир and Кира of
# Кирилл: data/nicknames/ru.txt), or a Kazakh short or respectful form
# (Ерекең, Ереке of Ерлан; Гуля, Гүлнара of Гульнара: data/nicknames/
# regional.txt) is refused, as Наташа and Ерлаша already were; other names
# stay free.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "pseudonym-short43: Russian short forms of Наталья and Кирилл are refused (P-1)" {
    each_refused "Наталья Миронова" "Тата" "Наташа"
    each_refused "Кирилл Белов" "Кир" "Кира" "Киря"
    # the same kind in another name's entry
    each_refused "Наталья Орлова" "Тата"
}

@test "pseudonym-short43: Kazakh short and respectful forms are refused (P-2)" {
    each_refused "Ерлан Сейтов" "Ерекең" "Ереке" "Ерлаша"
    each_refused "Гульнара Ахметова" "Гуля" "Гүлнара" "Gulya"
}

@test "pseudonym-short43: other names stay free" {
    each_accepted "Наталья Миронова" "Кира" "Тамара"
    each_accepted "Кирилл Белов" "Тата" "Ерекең"
    each_accepted "Ерлан Сейтов" "Гуля" "Ержан"
}
