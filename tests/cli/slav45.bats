#!/usr/bin/env bats
# Brief s45 slav45 (report-adv44 P-12, P-13), end to end on the real
# binary: a pseudonym that is a short form or diminutive of the subject's
# own given name (Бодя of Богдан, Стьопа of Степан, Лєна of Олена:
# data/nicknames/slavic.txt; Анюта, Нюша of Анна, Петруха of Пётр:
# data/nicknames/ru.txt) is refused, as Аня and Петя already were; other
# names, and the same short forms for another person, stay free.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "slav45: Ukrainian short forms of the own name are refused (P-12)" {
    each_refused "Богдан Гончар" "Бодя" "Бодьо" "Бодік" "Богданчик"
    each_refused "Степан Ткач" "Стьопа" "Стьопка"
    each_refused "Олена Бондар" "Лєна" "Лєнуся"
}

@test "slav45: Russian short forms of the own name are refused (P-13)" {
    each_refused "Анна Ким" "Анюта" "Анютка" "Нюша" "Аня"
    each_refused "Пётр Волков" "Петруша" "Петруха"
}

@test "slav45: other names stay free" {
    each_accepted "Богдан Гончар" "Стьопа" "Анюта" "Борис"
    each_accepted "Анна Ким" "Бодя" "Мила" "Настя"
    each_accepted "Степан Ткач" "Лєна" "Петруша"
}
