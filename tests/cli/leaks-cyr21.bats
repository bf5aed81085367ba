#!/usr/bin/env bats
# Brief s21 cyr21 (issue 12, report-adv20 R-1, R-2, R-4, R-5, R-12, LOW),
# end to end on the real binary, one test per kind: a one-syllable
# Mongolian name with a soft sign or a doubled vowel in its case forms,
# a Russian name in Ukrainian, Belarusian, Polish and German Latin, -ка
# diminutives and a Russian surname in their cases, Mongolian birth
# labels in Latin or mixed letters, and a short Ukrainian word left
# without a mixed-script flag.  Replaced forms leave nothing at hq
# (audit --strict).  The full set of cases: tests/data/leaks/cyr21.jsonl
# (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-cyr21: a short Mongolian name with a soft sign or a doubled vowel is replaced in its cases (R-1)" {
    redacts_to '--name Дорж --name Сүх --locale mn --pseudonym Vera' \
        'Дорьжийн ах ирсэн. Дорьжоо дуудсан. Сүхьтэй ярьсан. Сүүх ирсэн. Өдөр нь морьтой ирсэн.' \
        'Vera ах ирсэн. Vera дуудсан. Vera ярьсан. Vera ирсэн. Өдөр нь морьтой ирсэн.'
    strict_clean 'Дорь' 'Сүх' 'Сүүх'
    strict_audit_passes
}

@test "leaks-cyr21: a Russian name in Ukrainian, Belarusian, Polish and German Latin is replaced, its cases too (R-2, R-5)" {
    redacts_to '--name Сергей --name Алексей --locale en --pseudonym Vera' \
        'Serhij came. I saw Serhija. Siarhiej left. Alexej, Alosza and Aloscha stayed. The series was serial.' \
        'Vera came. I saw Vera. Vera left. Vera, Vera and Vera stayed. The series was serial.'
    strict_clean 'Serh' 'Siarh' 'Alexej' 'Alosza' 'Aloscha'
    strict_audit_passes
}

@test "leaks-cyr21: -ка diminutives and a Russian surname are replaced in their cases (R-4)" {
    redacts_to '--name "Наталья Петрова" --locale en --pseudonym Vera' \
        'Я видел Наталку. Позвал Наташку. Natałka przyszła. Dom Pietrowej. Natal province.' \
        'Я видел Vera. Позвал Vera. Vera przyszła. Dom Vera. Natal province.'
    strict_clean 'Натал' 'Наташ' 'Natałka' 'Pietrow'
    strict_audit_passes
}

@test "leaks-cyr21: a date after a Latin or mixed-letter Mongolian birth label is a birth date (R-12)" {
    redacts_to '--name Бат --locale mn --pseudonym Vera' \
        'Meeting 1991.02.03 done, and everyone went home. Тэр 1985.03.14 türsön. Torsun odor: 1986.04.15.' \
        'Meeting 1991.02.03 done, and everyone went home. Тэр [DATE-1] türsön. Torsun odor: [DATE-2].'
}

@test "leaks-cyr21: a short Ukrainian word raises no mixed-script flag; a long one still does (LOW)" {
    redacts_to '--name Бат --locale mn --pseudonym Vera' \
        'Ти іди додому. Ці люди їх бачили.' \
        'Ти іди додому. Ці люди їх бачили.'
    run --separate-stderr st field redact "$(record Vera 'Єлзийбаяр ирсэн.')" --report
    expect_status 1
    [[ "$output" == *$'\tmixed-script\tunresolved\tЄлзийбаяр'* ]] || { printf '%s\n' "$output" >&2; false; }
}
