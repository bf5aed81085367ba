#!/usr/bin/env bats
# Issue 12, report-adv20 R-8, R-9, R-11 (brief s20 fix20), end to end on
# the real binary: redact, export to hq and the audit there.  The full set
# of cases: tests/data/leaks/fix20.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-fix20: a combining mark on a digit or digits of another script hide no phone (R-9)" {
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        "$(printf '9\xcc\x83911 2233, \xd1\x83\xd1\x82\xd0\xb0\xd1\x81 9911 22 \xd9\xa3\xd9\xa3.')" \
        '[PHONE-1], утас [PHONE-1].'
    exports_clean 2233 911
}

@test "leaks-fix20: a registered id with a combining mark on a digit is the id (R-9, R-19)" {
    redacts_to '--name "Margaret Wilson" --term "id:M4829173" --pseudonym Tulga' \
        "$(printf 'Passport M4\xcc\x88829173.')" \
        'Passport [ID-1].'
    exports_clean 829173
}

@test "leaks-fix20: an account number after the Latin label dans is the account (R-11)" {
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'dans: 5012345678' \
        'dans: [ACCOUNT-1]'
    exports_clean 5012345678
}

@test "leaks-fix20: an unregistered name before a Korean verb of coming or going is a review flag (R-8)" {
    blocked '--name "Margaret Wilson" --pseudonym Tulga' '순옥이가 도망갔다' context-name '순옥'
}

@test "leaks-fix20: an unregistered name before a Mongolian verb of coming or going is a review flag (R-8)" {
    blocked '--name "Margaret Wilson" --pseudonym Tulga' 'Мөнхбат ирсэн' context-name 'Мөнхбат'
}
