#!/usr/bin/env bats
# Issue 12, numbers glued to names and country codes without '+' (brief
# s19 w2num; report-adv19b B-1, B-15), end to end on the real binary:
# redact, export to hq and the audit there.  The full set of cases:
# tests/data/leaks/w2num.jsonl (test_leaks_detect).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-w2num: Mongolia's 976 written as a group without '+' before a valid number is the phone, whole (B-1)" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'Түүний дугаар 976-99-11-22-33. Дугаар 976.9911.2233, 976 99 11 22 33.' \
        'Түүний дугаар [PHONE-1]. Дугаар [PHONE-1], [PHONE-1].'
    exports_clean 976 '22-33' 2233 '22 33'
}

@test "leaks-w2num: a 976 group before no valid number stays (B-1)" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'Scores 976-99-11-22; the 976 88 runners.' \
        'Scores 976-99-11-22; the 976 88 runners.'
}

@test "leaks-w2num: a given name that is also a word with a phone glued on is the name (B-15)" {
    redacts_to '--name "Bold Dorj" --name "Батбаярын Алтангэрэл" --pseudonym Tulga' \
        'Болд99112233 руу залга.' \
        'Tulga руу залга.'
    exports_clean Болд 99112233
}

@test "leaks-w2num: a mobile number with one stray digit, typed or glued on by an invisible character, is the phone (B-14)" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        "$(printf 'The number 010-1234-5678\xe2\x80\x8b9 here, or 010-1234-56789.')" \
        'The number [PHONE-1] here, or [PHONE-1].'
    exports_clean 5678 1234
}

@test "leaks-w2num: a date after the Mongolian birth words in Latin letters (Torson ognoo, Tursun odor) is the date of birth (B-6)" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'Torson ognoo: 1975/03/14. Tursun odor: 1975.03.14.' \
        'Torson ognoo: [DATE-1]. Tursun odor: [DATE-1].'
    exports_clean 1975
}
