#!/usr/bin/env bats
# The pseudonym attempts of session 51's black-box attack (docs/outside/
# report-adv51.md, store "ps"), end to end on the real binary: spellings,
# short forms, initials and other-script forms of the person's own name are
# refused with the one message; ordinary pseudonyms are accepted. The
# attempts accepted wrongly are open (skipped) until the pseudonym check
# reads them.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "pseudonym-adv51: own Korean given names in other romanisations, scripts and nicknames are refused" {
    each_refused "김종수|Kim Jong-su" "Jongsoo Park" "Chongsu Lee" "Jjongsu Han" "쫑수" "Cong-swu Pak" "Чонсу Пак" "KJS" "金鍾洙"
    each_refused "리영철|Ri Yong-chol" "Youngchul Oh" "Ёнчоль Ким" "Lee Min"
    each_refused "한하늘|Han Ha-neul" "Hanul Choi"
}

@test "pseudonym-adv51: own Mongolian short forms and pet forms are refused" {
    each_refused "Пүрэвийн Бат|Purev Bat" "Батаа"
    each_refused "Сүхбаатарын Болд|Sukhbaatar Bold" "Boldka Ray"
    each_refused "Доржийн Цэцэгмаа|Dorjiin Tsetsegmaa" "Цэцгээ"
    each_refused "Баасангийн Даваа|Baasan Davaa" "Davaka" "Даваагийн Нар"
    each_refused "Батбаярын Гэрэл|Batbayaryn Gerel" "Gerelka" "Гэрлээ"
    each_refused "Ганболдын Өлзийбаяр|Ganboldyn Ölziibayar" "Qlzii" "Баяраа"
}

@test "pseudonym-adv51: ordinary pseudonyms are accepted" {
    each_accepted "Пүрэвийн Бат" "Otgon Saran"
    each_accepted "김종수" "Min-ho"
}

@test "pseudonym-adv51: own pet forms Batka, Boldogi, Tseegii are refused (open in the attack, refused since mong51)" {
    each_refused "Пүрэвийн Бат|Purev Bat" "Batka Reed"
    each_refused "Сүхбаатарын Болд|Sukhbaatar Bold" "Boldogi"
    each_refused "Доржийн Цэцэгмаа|Dorjiin Tsetsegmaa" "Tseegii"
}

@test "pseudonym-adv51: the name translated, Steel Hero and Flower Mother (adv51; refused since mong52)" {
    each_refused "Сүхбаатарын Болд|Sukhbaatar Bold" "Steel Hero"
    each_refused "Доржийн Цэцэгмаа|Dorjiin Tsetsegmaa" "Flower Mother"
}

@test "pseudonym-mong52: other names translated, either order, one script only, a whole one-element word" {
    each_refused "Сүхбаатарын Болд" "Hero Steel" "Axe Hero" "steel-hero"
    each_refused "Sukhbaatar Bold" "Steel Hero" "Hero Axe"
    each_refused "Доржийн Цэцэгмаа" "Mother Flower" "Blossom Mom"
    each_refused "Төмөрбаатар Ганболд" "Iron Hero"
    each_refused "Сарангэрэл Бат" "Moon Light" "Strong Smith"
    each_refused "Батбаярын Наран" "Sun Dorj" "Joy Strong"
    each_refused "Chuluun Erdene" "Stone Lee" "Jewel Park"
}

@test "pseudonym-mong52: one element of a longer word, and other English words, are accepted" {
    each_accepted "Сүхбаатарын Болд" "Hero Smith" "Silver Wolf"
    each_accepted "Доржийн Цэцэгмаа" "Flower Lee" "Rose Green"
    each_accepted "Алтангэрэл Дорж" "Golden Eagle"
    each_accepted "Пүрэвийн Бат" "Otgon Saran" "Blue River"
}
