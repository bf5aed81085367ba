#!/usr/bin/env bats
# Brief s22 short22 (report-adv21 A-10, A-12, A-13, A-14, A-16; issue 12),
# end to end on the real binary, one test per kind: a clipped English
# diminutive, a Mongolian name's three-letter first element, a form two
# subjects share, a Korean name's two initials, a place term with two
# letters swapped, a district's abbreviation.  Review flags stop the
# export; replaced forms leave nothing at hq.  The full set of cases:
# tests/data/leaks/short22.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-short22: a clipped diminutive (Sal of Sally for Sarah) is a review flag that stops the export (A-10)" {
    blocked '--name "Sarah Whitfield" --pseudonym Helen' 'Sal came by.' short-name Sal
}

@test "leaks-short22: a Mongolian name's three-letter first element before a verb is a review flag (A-12)" {
    blocked '--name "Батбаяр Дорж" --name "Batbayar Dorj" --locale mn --pseudonym Tuul' \
        'Bat came.' short-name Bat
}

@test "leaks-short22: a short form of two subjects' names is its own placeholder, neither pseudonym (A-12 LOW)" {
    st field subject add --name "Батбаяр Дорж" --name "Batbayar Dorj" --locale mn --pseudonym Tuul >/dev/null
    redacts_to '--name "Бат-Эрдэнэ" --name "Bat-erdene" --locale mn --pseudonym Nomin' \
        'Batka came. Bat-erdene stayed.' '[PERSON-1] came. Nomin stayed.'
}

@test "leaks-short22: a Korean name's given-name initials before a verb are a review flag (A-14)" {
    blocked '--name 김정수 --name "Kim Jong-su" --locale ko --pseudonym Rim-il' \
        'JS came.' short-name JS
}

@test "leaks-short22: a place term with two letters swapped is a near-name review flag (A-16)" {
    st field term add place:Hoeryong >/dev/null
    blocked '--name "Test Person" --pseudonym Vera' 'He came from Hoeyrong.' near-name Hoeyrong
}

@test "leaks-short22: a protected district's abbreviation is replaced and leaves nothing at hq (A-13, A-16)" {
    st field term add place:Bayanzurkh >/dev/null
    redacts_to '--name "Test Person" --pseudonym Vera' \
        'He came from BZD. Тэр БЗД-ээс ирсэн.' 'He came from [PLACE-1]. Тэр [PLACE-1]-ээс ирсэн.'
    strict_clean BZD БЗД
}
