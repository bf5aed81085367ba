#!/usr/bin/env bats
# Issue 12 (brief s21 glue21; session 20's closing note, report-adv20 R-9,
# R-10; issue 14 item 7), end to end on the real binary: redact, export to
# hq and the audit there.  The full set of cases, with other forms of each
# kind and the negative ones: tests/data/leaks/glue21.jsonl
# (test_leaks_names) and tests/data/leaks/glue21-detect.jsonl
# (test_leaks_detect).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-glue21: a store-wide term glued after 'x:digit' is replaced, and after an IPv6 address" {
    st field term add place:Ulaanbaatar >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'a:6Ulaanbaatar, 2001:db8::6Ulaanbaatar' \
        'a:[PLACE-1], [IP-1][PLACE-1]'
    exports_clean Ulaanbaatar db8
}

@test "leaks-glue21: combining marks on digits do not hide a glued term or a phone (R-9)" {
    st field term add place:Ulaanbaatar >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        "$(printf '2001:db8::6\xcc\x81Ulaanbaatar; Bold 9\xcc\x83911 22\xcc\x883\xcc\x833')" \
        '[IP-1][PLACE-1]; Bold [PHONE-1]'
    exports_clean Ulaanbaatar 911 2233
}

@test "leaks-glue21: a store-wide term Il and 6:: with a mark before l: export writes (issue 14 item 7)" {
    st field term add other:Il >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        "$(printf '6::\xcc\x81l')" \
        "$(printf '6::\xcc\x81l')"
    exports_clean Il
}

@test "leaks-glue21: an Arabic-Indic zero between ASCII digit groups hides no phone" {
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        "$(printf 'utas 9911\xd9\xa02233.')" \
        'utas [PHONE-1].'
    exports_clean 9911 2233
}

@test "leaks-glue21: parts of a registered id, written or said, are the id (R-10)" {
    redacts_to '--name "Bold Dorj" --term "id:УБ75031412" --term "id:M4829173" --pseudonym Tulga' \
        'Регистр 75-03-14-12. Код нь 031412. Тэр долоо тав тэг гурав гэж хэлсэн; passport fourEightTwoNine.' \
        'Регистр [ID-1]. Код нь [ID-2]. Тэр [ID-2] гэж хэлсэн; passport [ID-3].'
    exports_clean 75-03 031412 долоо fourEight
}

@test "leaks-glue21: an e-mail said in Cyrillic with its last dot unsaid is an e-mail" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'Имэйл нь dorjbat ат мэйл ком.' \
        'Имэйл нь [EMAIL-1].'
    exports_clean dorjbat 'ат мэйл'
}
