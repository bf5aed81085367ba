#!/usr/bin/env bats
# Brief s24 num24 (issue 12), end to end on the real binary, one test per
# kind: a phone, an ID, a date of birth and a plate whose digit groups are
# split by ", ", ";", quotes or a word, and a registered number split into
# groups.  The full set of cases, with neighbours and negatives:
# tests/data/leaks/num24.jsonl (test_leaks_names) and num24-detect.jsonl
# (test_leaks_detect).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-num24: a phone's groups split by commas, semicolons or quotes are a phone" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'Phone 555, 123, 4567. Call 010; 1234; 5678. Утас "99" "11" "22" "33".' \
        'Phone [PHONE-1]. Call [PHONE-2]. Утас "[PHONE-3]".'
    exports_clean 4567 5678
}

@test "leaks-num24: an ID's groups split by commas are an ID (SSN, RRN digit by digit, passport)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'SSN 123, 45, 6789. 주민번호 8, 9, 0, 4, 1, 5, 1, 2, 3, 4, 5, 6, 7. Passport A, 123, 4567.' \
        'SSN [ID-1]. 주민번호 [ID-2]. Passport [ID-3].'
}

@test "leaks-num24: a registered number split into groups is the number" {
    redacts_to '--name "Kim Jong-su" --term id:M4829173 --pseudonym Tulga' \
        'It is 48, 29 and 173. Passport M, 482, 9173. It cost 1,234,567 won.' \
        'It is [ID-1]. Passport [ID-1]. It cost 1,234,567 won.'
}

@test "leaks-num24: a date of birth split by commas is a date" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'Born 89, 04, 15. We bought 3, 4 or 5 sacks.' \
        'Born [DATE-1]. We bought 3, 4 or 5 sacks.'
}

@test "leaks-num24: a plate split by commas is a plate" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        '차량 1, 2, 가, 3, 4, 5, 6. Улсын дугаар 1234, УБА. Pages 12, 13, 14.' \
        '차량 [ID-1]. Улсын дугаар [ID-2]. Pages 12, 13, 14.'
}
