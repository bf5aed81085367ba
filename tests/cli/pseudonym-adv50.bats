#!/usr/bin/env bats
# The pseudonym attempts of session 50's black-box attack (docs/outside/
# report-adv50.md, store "ps"), end to end on the real binary: spellings,
# short forms and other-script forms of the person's own name are refused
# with the one message; ordinary pseudonyms are accepted. The attempts
# accepted wrongly are open (skipped) until the pseudonym check reads them.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "pseudonym-adv50: own names in French, Turkish and Tajik forms are refused" {
    each_refused "يوسف الخياط" "Youssef Morrow"
    each_refused "فاطمه نجار" "Fatma Reed"
    each_refused "خلیل الله صادقی" "Халилулло Грин"
    each_refused "زينب عثمان" "Zineb Carr"
}

@test "pseudonym-adv50: own English equivalents, transliterations and pet forms are refused" {
    each_refused "Олександр Чорний|Oleksandr Chornyi" "Alex Dunn"
    each_refused "Константин Лысый|Konstantin Lysyy" "Constantine Hale"
    each_refused "Тарас Сивий|Taras Syvyi" "Тарасик Вуд"
    each_refused "Галина Белая|Galina Belaya" "Halyna Frost"
    each_refused "Людмила Глухая|Lyudmila Glukhaya" "Milochka Rees"
    each_refused "Асель Жумабаева|Assel Zhumabayeva" "Asel Whit"
}

@test "pseudonym-adv50: ordinary pseudonyms are accepted" {
    each_accepted "Захар Бойко" "Otto Wren"
    each_accepted "هدى سليمان" "Ada Quill"
    each_accepted "Ірина Мороз" "Ніна Блум"
}

@test "pseudonym-adv50: Abdou for عبد الرحمن (adv50 L-27)" {
    each_refused "عبد الرحمن قاسم" "Abdou Lane"
}
