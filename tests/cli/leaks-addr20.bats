#!/usr/bin/env bats
# Issue 12, home addresses that still left (brief s20 addr20; report-adv19b
# B-7..B-11, B-16, B-22, B-23), end to end on the real binary: redact,
# export to hq and the audit there.  The full set of cases, with other
# forms of each kind and the negative ones:
# tests/data/leaks/addr20.jsonl (test_leaks_detect) and
# tests/data/leaks/addr20-terms.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-addr20: an Ulaanbaatar address in Latin Mongolian with a district's abbreviation is one address (B-7)" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'Khayag: BZD, 26 khoroo, 45-r bair, 12 toot. Bi SKhD, 3 khoroo, 12-r bair, 45 toot-d amidardag.' \
        'Khayag: [ADDRESS-1]. Bi [ADDRESS-2]-d amidardag.'
    exports_clean BZD khoroo bair toot
}

@test "leaks-addr20: an Ulaanbaatar address in English words, khoroo, building and flat, is one address (B-8)" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'Address: Sukhbaatar district, khoroo 1, building 5, apt 12. Then Khan-Uul district, 4th khoroo, building 18, apartment 56.' \
        'Address: Sukhbaatar district, [ADDRESS-1]. Then Khan-Uul district, [ADDRESS-2].'
    exports_clean khoroo building apt apartment
}

@test "leaks-addr20: a Kuwaiti address (block, street, house) in English and Arabic is one address (B-9)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'Kuwait: Block 4, Street 12, House 7, Salmiya. Jleeb Al-Shuyoukh, Blk 2, St 200, Avenue 3, House 22.' \
        'Kuwait: [ADDRESS-1], Salmiya. Jleeb Al-Shuyoukh, [ADDRESS-2].'
    exports_clean 'Block 4' 'Street 12' 'House 7' 'House 22'
    redacts_to '--name "Park Min" --pseudonym Suri' \
        'Kuwait: Salmiya, قطعة 4، شارع 12، منزل 7.' \
        'Kuwait: Salmiya, [ADDRESS-1].'
}

@test "leaks-addr20: a Korean lot-number address (동/리, 산, 번지) and the postcode before it are replaced (B-10)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        '우편번호 06236, 역삼동 737. 그는 서울 강남구 역삼동 737에 살았다. 주소는 문호리 산 12-3이다.' \
        '우편번호 [ADDRESS-1]. 그는 서울 강남구 [ADDRESS-2]에 살았다. 주소는 [ADDRESS-3]이다.'
    exports_clean 06236 737 12-3
}

@test "leaks-addr20: a North Korean inminban with its house, in Hangul and in Latin letters, is one address (B-22)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        '주소: 평양시 중구역 창광동 12인민반 3호. He lived in Chongjin, Sunam district, 5 inminban, house 12.' \
        '주소: 평양시 중구역 창광동 [ADDRESS-1]. He lived in Chongjin, Sunam district, [ADDRESS-2].'
    exports_clean 인민반 inminban 'house 12'
}

@test "leaks-addr20: a post-office box in English, Mongolian and Korean is an address, its postcode too (B-23, B-11)" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'Mail to P.O. Box 1234, Ulaanbaatar 14200. Шуудангийн хайрцаг 5678, Улаанбаатар-14201. 사서함 4321호로 보냈다.' \
        'Mail to [ADDRESS-1], Ulaanbaatar [ADDRESS-2]. [ADDRESS-3], Улаанбаатар-[ADDRESS-4]. [ADDRESS-5]로 보냈다.'
    exports_clean 1234 5678 4321 14200 14201
}

@test "leaks-addr20: a full UK postcode after a redacted street is replaced, the town stays (B-11)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'He lives at 42 Baker Street, Flat 3, London NW1 6XE.' \
        'He lives at [ADDRESS-1], London [ADDRESS-2].'
    exports_clean 'NW1 6XE' Baker
}

@test "leaks-addr20: an address in the record's place field is replaced there too (B-16)" {
    p=$(st field subject add --name "Kim Jong-su" --pseudonym Tulga)
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(printf 'Met at the usual place.\n' | st field record "$p" --title t --date 2024-03-15 \
        --place "Block 4, Street 12, House 7, Salmiya")
    run --separate-stderr st field redact "$id" --json
    expect_status 0
    [ "$(printf '%s\n' "$output" | jq -r .place)" = "[ADDRESS-1], Salmiya" ]
    exports_clean 'Block 4' 'House 7'
}

@test "leaks-addr20: ordinary sentences with block, street, house, box and numbers stay" {
    # A room's number in a sentence with a word of a stay (hostel) is an
    # address since session 49 (numi49, privacy/detect_address_flat.c
    # addr_room_part; report-adv48 L-23 "Room 2 1 7 of the hotel"): where
    # a person lived is identifying. The rest stays.
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'The house 7 doors down burned. We waited in block 4 of the queue for 3 hours. Street 12 was closed. Box 3 of the archive held 12 letters. Room 12 of the hostel and block 4 of the camp.' \
        'The house 7 doors down burned. We waited in block 4 of the queue for 3 hours. Street 12 was closed. Box 3 of the archive held 12 letters. [ADDRESS-1] of the hostel and block 4 of the camp.'
    redacts_to '--name "Sara Pell" --pseudonym Bora' \
        'Room 12 was cold. The room for 2 people cost 12 dollars.' \
        'Room 12 was cold. The room for 2 people cost 12 dollars.'
    redacts_to '--name "Park Min" --pseudonym Suri' \
        '우리 인민반에는 30가구가 있었다. 노동 3년 만에 돌아왔다. Хороо бүрт 3 байр, 200 айл бий.' \
        '우리 인민반에는 30가구가 있었다. 노동 3년 만에 돌아왔다. Хороо бүрт 3 байр, 200 айл бий.'
}

@test "leaks-addr20: an address the detector is unsure of (a khoroo alone) is a review flag, and export refuses (item 8)" {
    blocked '--name "Bold Dorj" --pseudonym Tulga' \
        'Тэр 13-р хороонд амьдардаг.' address '13-р хороонд'
}
