#!/usr/bin/env bats
# Issue 12, the addresses of the places workers are sent to (Kuwait,
# Malaysia) and short addresses that still leaked (report-adv25a B-12..B-17,
# B-19, B-22; report-adv25b C-13, C-17; brief s26 addr26), end to end on
# the real binary, one test a kind: redact, and for the leaks export to hq
# and the audit there.  The full set of cases, with other forms of each
# kind and the negative ones: tests/data/leaks/addr26.jsonl
# (test_leaks_names) and tests/data/leaks/addr26-detect.jsonl
# (test_leaks_detect).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-addr26: a run of unit and number pairs in any order and joiner is one address (B-12..B-16)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Kang-ho' \
        'Area: Jleeb; Block: 4; Street: 12; House: 7. He lived on Street 12 in Block 4. 숙소는 4블록 12스트리트 33빌딩이었다. Блок 4, корпус 33. Block 4 of the plan.' \
        'Area: Jleeb; [ADDRESS-1]. He lived on [ADDRESS-2]. 숙소는 [ADDRESS-3]이었다. [ADDRESS-4]. Block 4 of the plan.'
    exports_clean 'House: 7' 'Street 12' '33빌딩' 'корпус 33'
}

@test "leaks-addr26: a PACI number after its label is an address (B-19)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Kang-ho' \
        'PACI no. 12345678 (his flat). PACI has 12 offices.' \
        'PACI no. [ADDRESS-1] (his flat). PACI has 12 offices.'
}

@test "leaks-addr26: Malaysian numbered and named parts in one run are one address (B-17)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Kang-ho' \
        'His house was Lot 7, Kampung Pasir Puteh. Tingkat 3, Bangunan Wisma Jaya, Jalan Gaya. Poskod: 88000. Kampung life was hard.' \
        'His house was [ADDRESS-1]. [ADDRESS-2]. Poskod: [ADDRESS-3]. Kampung life was hard.'
    exports_clean 'Pasir Puteh' 'Wisma Jaya' '88000'
}

@test "leaks-addr26: an address's span takes every part, not the first (B-22, C-17)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Kang-ho' \
        'Fahaheel, Block 6, Makka Street, Al-Dhubaiyan Complex, Floor 3, Flat 12. Olympic Village block 5 flat 12. Гагарина 15, кв. 8.' \
        'Fahaheel, [ADDRESS-1]. [ADDRESS-2]. Гагарина [ADDRESS-3].'
}

@test "leaks-addr26: a short address after a complex's name, a street or a home label is an address (C-13)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Kang-ho' \
        'Sunrise Residence 12-304. e편한세상 103-1502. Жила в доме 12/4 на Ленина. Home addr. 12-34. The score was 12-304.' \
        '[ADDRESS-1]. [ADDRESS-2]. Жила в [ADDRESS-3]. Home addr. [ADDRESS-4]. The score was 12-304.'
}

@test "leaks-addr26: an address span never crosses a paragraph break" {
    redacts_to '--name "Kim Jong-su" --pseudonym Kang-ho' \
        "$(printf 'He lived in flat 5\n\nBlock 4 - Street 12 - House 7 was his brother'"'"'s.')" \
        "[ADDRESS-2] was his brother's."
}
