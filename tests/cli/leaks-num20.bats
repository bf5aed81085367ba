#!/usr/bin/env bats
# Issue 12, numbers and identifiers that still left (brief s20 num20;
# report-adv19b B-3, B-4, B-6, B-12, B-13, B-17, B-18, B-20, B-25 and the
# negatives of B-26), end to end on the real binary: redact, export to hq
# and the audit there.  The full set of cases, with 2-3 new ones of each
# kind: tests/data/leaks/num20.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-num20: a register number whose letters are Latin digraphs of Ч, Ш, Ц, Х is the register number (B-3)" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'Registration: ChD75031412. Reg shts 75031412 and KhCh-85122301.' \
        'Registration: [ID-1]. Reg [ID-2] and [ID-3].'
    exports_clean 75031412 85122301
    strict_audit_passes
}

@test "leaks-num20: a permit or visa number after its label, groups split by a slash, in three languages (B-4; Arabic: num20.jsonl)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tae-a' \
        'Work permit no. WP 2019 / 004512. 고용허가증 번호는 E9 2020 / 114455 이다. Ажиллах зөвшөөрлийн дугаар WP 2021/778899.' \
        'Work permit no. [ID-1]. 고용허가증 번호는 [ID-2] 이다. Ажиллах зөвшөөрлийн дугаар [ID-3].'
    exports_clean 004512 114455 778899
    strict_audit_passes
}

@test "leaks-num20: an e-mail address whose local part is said in words goes whole (B-13)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tae-a' \
        'Write to kim dot js at mail dot kp, or kim underscore js at mail dot kp.' \
        'Write to [EMAIL-1], or [EMAIL-2].'
    exports_clean 'kim dot' 'kim underscore' 'js at'
    strict_audit_passes
}

@test "leaks-num20: coordinates and an IPv4 address said in words are the position and the address (B-12, B-20)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tae-a' \
        'Forty-seven point nine one eight north, one oh six point nine one seven east. IP one nine two dot one six eight dot four dot seventeen.' \
        '[GPS-1]. IP [IP-1].'
    exports_clean 'nine one eight' 'one six eight'
    strict_audit_passes
}

@test "leaks-num20: a phone said in native Korean numerals, and one given in two named parts (B-17, B-18)" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        '번호는 영일영 열둘서른넷 쉰여섯일흔여덟. Утасны дугаарын эхний хэсэг 9911, сүүлийн хэсэг 2233.' \
        '번호는 [PHONE-1]. Утасны дугаарын эхний хэсэг [ID-1], сүүлийн хэсэг [ID-2].'
    exports_clean 열둘서른넷 9911 2233
    strict_audit_passes
}

@test "leaks-num20: a Korean plate said in Sino-Korean numerals is the plate (B-25)" {
    redacts_to '--name "김종수" --pseudonym Tae-a' \
        '차량번호는 십이가 삼사오육 이다. 번호판 일이삼나 칠팔구공.' \
        '차량번호는 [ID-1] 이다. 번호판 [ID-2].'
    exports_clean 삼사오육 칠팔구공
    strict_audit_passes
}

@test "leaks-num20: a Mongolian date of birth in Latin letters goes whole (B-6)" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'Torsn odor: 1975 ony 3 sariin 14. Tursun: 1982 ond 3-r sard 5-nd.' \
        'Torsn odor: [DATE-1]. Tursun: [DATE-2].'
    exports_clean sariin 'sard 5'
    strict_audit_passes
}

@test "leaks-num20: ordinary numbers, versions, order numbers, year ranges and walking directions stay" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tae-a' \
        'Order no. 2024-0315-7788 for 3 boxes. 새 버전 10.1234.5678 앱. The law will permit 20000 workers in 2019 / 2020. We walked north, then east. Phone sales: first 2019, last 2020. 그는 서른 살이고 열 시에 왔다. 십이가 좋다.' \
        'Order no. 2024-0315-7788 for 3 boxes. 새 버전 10.1234.5678 앱. The law will permit 20000 workers in 2019 / 2020. We walked north, then east. Phone sales: first 2019, last 2020. 그는 서른 살이고 열 시에 왔다. 십이가 좋다.'
}
