#!/usr/bin/env bats
# The pseudonym attempts of session 48's black-box attack (docs/outside/
# report-adv48.md, stores "ps" and "ps2"), end to end on the real binary:
# spellings, short forms and other-script forms of the person's own name
# are refused with the one message; ordinary pseudonyms are accepted. The
# attempts accepted wrongly are open (skipped) until the pseudonym check
# reads them.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "pseudonym-adv48: own names in another script or spelling are refused" {
    each_refused "يوسف نجار" "Youssef Hale"
    each_refused "ლევან ქავთარაძე" "Леван Грин"
    each_refused "سلمى جميل" "Selma Dorn"
}

@test "pseudonym-adv48: own short forms and diminutives are refused" {
    each_refused "Станислав Рыжий|Stanislav Ryzhiy" "Stasik Moor"
    each_refused "Мұхтар Бекмұханов|Mukhtar Bekmukhanov" "Mukha Stone"
    each_refused "Оксана Сива|Oksana Syva" "Ксана Ліс"
}

@test "pseudonym-adv48: ordinary pseudonyms are accepted" {
    each_accepted "Дамир Сапаров" "Otto Brisk"
    each_accepted "Ахмад Назари" "Gavin Holt"
    each_accepted "Park Jihoon" "Nell Archer"
    each_accepted "Ирина Ли" "Joan Wexley"
}

@test "pseudonym-adv48: Tajik, Georgian short, Turkish and French forms of the own name (adv48 L-26..L-28, L-31, L-32)" {
    each_refused "زهرا رحیمی" "Зуҳро Ли"
    each_refused "ნინო კაპანაძე" "Ninuka Reed"
    each_refused "نعمت الله صالح" "Nematullo Fox"
    each_refused "يوسف نجار" "Neccar Bright"
    each_refused "سلمى جميل" "Djamil Orr"
}

@test "pseudonym-adv48: Maks and Max for Maksym (adv48 L-29, L-30: open)" {
    skip "open: accepted today (docs/outside/report-adv48.md)"
    each_refused "Максим Короткий|Maksym Korotkyi" "Maks Tully" "Max Ferro"
}

@test "pseudonym-adv48: other names beside those spellings are accepted (brief s49 arab49 guards)" {
    each_accepted "سلمى جميل" "Camil Reed"
    each_accepted "يوسف نجار" "Necker Bright"
    each_accepted "نعمت الله صالح" "Rahmatullah Fox"
}
