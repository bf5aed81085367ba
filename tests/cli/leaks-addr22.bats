#!/usr/bin/env bats
# Issue 12, addresses that still left after session 21 (brief s22 addr22:
# report-adv21 A-3 to A-6), end to end on the real binary, one test a
# kind: redact, export to hq, the audit there.  The full set of cases,
# with other forms of each kind and the negative ones:
# tests/data/leaks/addr22.jsonl (test_leaks_detect) and
# tests/data/leaks/addr22-flags.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-addr22: addresses with their numbers said in words are replaced, in four scripts (A-3)" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'Тэр гуравдугаар хороо, арван тавдугаар байр, дөчин хоёр тоотод амьдардаг. 그는 일공일동 일이공삼호에 산다. She lives at block five, street twelve, house thirty-four. Её адрес: улица Ленина, дом пять, квартира двенадцать. Zip code twenty oh five hundred.' \
        'Тэр [ADDRESS-1] амьдардаг. 그는 [ADDRESS-2]에 산다. She lives at [ADDRESS-3]. Её адрес: [ADDRESS-4]. Zip code [ADDRESS-5].'
    exports_clean 'тавдугаар' '일이공삼' 'thirty-four' 'двенадцать' 'oh five'
}

@test "leaks-addr22: units in other orders and written short are replaced (A-5)" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'Хаяг: 3х, 15б, 42т. He lives in 15th building, apartment 42, third khoroo.' \
        'Хаяг: [ADDRESS-1]. He lives in [ADDRESS-2].'
    exports_clean '15б' '42т' '15th' 'third khoroo'
}

@test "leaks-addr22: an address's replaced span takes in its adjacent parts (A-6)" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'She lives at Jleeb, B5 S12 H34. Her post box: box number 1234 at the main post office. Её адрес: а/я 123, 123456 Москва.' \
        'She lives at Jleeb, [ADDRESS-1]. Her post box: [ADDRESS-2] at the main post office. Её адрес: [ADDRESS-3] Москва.'
    exports_clean 'S12' 'H34' '1234' '123456'
}

@test "leaks-addr22: the dong-ho shorthand is replaced before a verb of living, else a review flag that stops the export (A-4)" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        '그는 101-1203에 산다.' \
        '그는 [ADDRESS-1]에 산다.'
    blocked '--name "Kim Jong-su" --pseudonym Vera' \
        '그는 101-1203에서 기다렸다.' address 101-1203
}
