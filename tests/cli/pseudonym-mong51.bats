#!/usr/bin/env bats
# Brief s51 mong51 (report-adv51, pseudonym-adv51.txt), end to end on the
# real binary: a pseudonym that is one of the subject's own Mongolian pet
# forms on a clipped stem (Batka of Бат, Boldogi of Болд, Tseegii of
# Цэцэгмаа: privacy/variants_mn_pet.c) is refused, as the redactor's
# own variant list now holds them: one rule.  Other names stay free.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "pseudonym-mong51: the subject's own pet forms are refused" {
    each_refused "Пүрэвийн Бат|Purev Bat" "Batka Reed" "Батка"
    each_refused "Сүхбаатарын Болд|Sukhbaatar Bold" "Boldogi" "Boldka Ray"
    each_refused "Доржийн Цэцэгмаа|Dorjiin Tsetsegmaa" "Tseegii" "Цээгий"
}

@test "pseudonym-mong51: other names stay free" {
    each_accepted "Пүрэвийн Бат" "Tulga Reed" "Naraa"
    each_accepted "Доржийн Цэцэгмаа" "Oyuun"
}
