#!/usr/bin/env bats
# The leak kinds of issue 12 found by pattern (handles and profile URLs,
# phones, ID numbers, dates of birth, coordinates, e-mail, URLs, IPs)
# end to end: subject add, record, redact, and export + audit for the new
# "handle" category.  Every case of the kinds, and more, is in
# tests/data/leaks/detect.jsonl (tests/unit/privacy/test_leaks_detect.c).

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    fixture rim_il_store
}

# rim_il_store: the store (locale ko, its passphrase slot cheapened) with
# the subject Rim-il, consented; made once per file (helpers.bash).
rim_il_store() {
    init_store --locale ko && cheapen &&
        ik subject add --name "김종수" --name "Kim Jong-su" --pseudonym Rim-il >/dev/null &&
        ik consent Rim-il --export yes --method verbal 2>/dev/null
}
teardown() { common_teardown; }

# redacted TEXT: records TEXT for Rim-il and sets $ID and $got, the body
# as it would leave (redact --json).
redacted() {
    ID=$(printf '%s\n' "$1" | ik record Rim-il --title "Testimony" --date 2024-03-15)
    got=$(ik redact "$ID" --json | jq -r .body)
}

# same GOT WANT: GOT equals WANT, or both are shown.
same() {
    [ "$1" = "$2" ] || { printf 'got:      %s\nexpected: %s\n' "$1" "$2" >&2; return 1; }
}

@test "redact: the issue's phone numbers, each replaced whole, country code and all" {
    redacted 'Call 8 (495) 123-45-67, 010/1234/5678 or 010 - 1234 - 5678. In Kuwait 2222 3333. Утас 00976 99112233.'
    # 010/1234/5678 and 010 - 1234 - 5678 are one number: one placeholder
    # (the separator class of the key view, session 16 r16).
    same "$got" 'Call [PHONE-1], [PHONE-2] or [PHONE-2]. In Kuwait [PHONE-3]. Утас [PHONE-4].'
    run --separate-stderr ik redact "$ID"
    expect_status 0
    [ -z "$stderr" ]
}

@test "redact: phones in pairs, other separators, spoken Korean digits, a bracketed country code (report-adv12 18-20)" {
    redacted 'Утас: 99 11 22 33. Phone: 22 22 33 33. 9 9 1 1 2 2 4 4; 010~1234~5678; 010_1234_5678.'
    same "$got" 'Утас: [PHONE-1]. Phone: [PHONE-2]. [PHONE-3]; [PHONE-4]; [PHONE-4].'
    redacted '전화: 010에 1234에 5678이야. 010 일이삼사 5678, 공일공 일이삼사 오육칠팔로. (+976) 99112233.'
    same "$got" '전화: [PHONE-1]이야. [PHONE-2], [PHONE-3]로. [PHONE-4].'
    redacted 'Rooms 11 22 33 and 44; 오이 사이에 이사 왔다.'
    same "$got" 'Rooms 11 22 33 and 44; 오이 사이에 이사 왔다.'
}

@test "redact: ID numbers and dates of birth; birth words are words (stubborn, Osborne)" {
    redacted 'A stubborn man, Osborne, 1985-03-15.'
    same "$got" 'A stubborn man, Osborne, 1985-03-15.'
    # Once the first date is a placeholder, the second is 43 bytes after
    # "Born", as a recipient's audit reads it: it goes too (issue 13).
    redacted '7503141234567, 750314-1******, Passport No. 745123456, УБ75031412. Born on March 14th, 1975. A stubborn man, Osborne, 1985-03-15.'
    same "$got" '[ID-1], [ID-2], Passport No. [ID-3], [ID-4]. Born on [DATE-1]. A stubborn man, Osborne, [DATE-2].'
    run --separate-stderr ik redact "$ID" --report
    expect_status 0
    printf '%s\n' "$output" | grep -qE $'^redaction\tbody\t0\t6\tid\tpattern$'
    printf '%s\n' "$output" | grep -qE $'^redaction\tbody\t[0-9]+\t8\tdate\tpattern$'
    [[ "$output" != *"745123456"* && "$output" != *"1975"* ]]
}

@test "redact: IDs written in parts, device IDs, an ID in Sino-Korean digits (report-adv12 21-25)" {
    redacted '주민번호 75.03.14-1234567, 주민번호 750314 - 1234567, Паспорт серии 4503 № 123456, NRIC: 750314 14 5678, imei: 356938035643809, mac: 00:1A:2B:3C:4D:5E, 주민번호 칠오공삼일사.'
    # The first two are one number: one placeholder (a full stop between
    # digits is left out of the key, report-adv12d F10).
    same "$got" '주민번호 [ID-1], 주민번호 [ID-1], Паспорт серии [ID-2], NRIC: [ID-3], imei: [ID-4], mac: [ID-5], 주민번호 [ID-6].'
    redacted 'Build 356938035643808 passed; Passport No. 745123456.'
    same "$got" 'Build 356938035643808 passed; Passport No. [ID-1].'
}

@test "redact: dates of birth in short forms, the whole date (report-adv12 26-29)" {
    redacted '생년월일: 75.03.14. 생년: 1975. 그는 1975년 3월 14일 태생이다. 칠십오년생이다. Тэр 75 онд төрсөн. Born 14-Mar-1975. Born 14/III/1975. Born: March '"'"'75. Batbayar (1984) came.'
    same "$got" '생년월일: [DATE-1]. 생년: [DATE-2]. 그는 [DATE-3] 태생이다. [DATE-4]생이다. Тэр [DATE-5] төрсөн. Born [DATE-6]. Born [DATE-7]. Born: [DATE-8]. Batbayar ([DATE-9]) came.'
    redacted 'In 1975 the factory opened. 1975년에 공장이 섰다. Тэр 1975 онд ажилд орсон. The war years (1950-1953) were hard.'
    same "$got" 'In 1975 the factory opened. 1975년에 공장이 섰다. Тэр 1975 онд ажилд орсон. The war years (1950-1953) were hard.'
}

@test "redact: a handle and a profile URL of a registered name are replaced whole" {
    redacted 'He was @kimjongsu75, see facebook.com/kim.jongsu.75 too.'
    same "$got" 'He was [HANDLE-1], see [URL-1] too.'
    [[ "$got" != *kim* && "$got" != *75* ]]
}

@test "redact: coordinates, e-mail, URLs and IPs" {
    redacted 'N47°55′12″ E106°55′03″; 47.918, 106.917; 8Q9J+XV; ///index.home.raft; 바다@naver.com으로; kim [at] mail.kp; o'"'"'doyle@example.com; vk.com/id12345; ::ffff:192.0.2.1.'
    same "$got" '[GPS-1]; [GPS-2]; [GPS-3]; [GPS-4]; [EMAIL-1]으로; [EMAIL-2]; [EMAIL-3]; [URL-1]; [IP-1].'
}

@test "redact: coordinates with decimal commas, words, grids and codes (report-adv12 30-32)" {
    redacted 'at 47,918, 106,917; at 106.917, 47.918; at 47 55 12 N 106 55 03 E; at 47d55m12s N 106d55m03s E; at +47.918+106.917/; at 북위 39도 2분 동경 125도 45분; at 48T 652441 5310452; MGRS 48TUT5244110452; geohash wx4g0ec; Plus code 8Q9JXV.'
    same "$got" 'at [GPS-1]; at [GPS-2]; at [GPS-3]; at [GPS-4]; at [GPS-5]; at 북위 [GPS-6]; at [GPS-7]; MGRS [GPS-8]; geohash [GPS-9]; Plus code [GPS-10].'
    redacted 'He paid 12,345, 67,891 and 3,000 won.'
    same "$got" 'He paid 12,345, 67,891 and 3,000 won.'
}

@test "redact: e-mail, URLs, handles and IPs written to dodge (report-adv12 33-36)" {
    redacted 'tsetsegee88 @ gmail . com; tsetsegee88 골뱅이 gmail 점 com; tsetsegee88@gmail; facebook[.]com/bold.dorj.75; hxxps://tsetsegee88[.]mn/about; tsetsegee88.xyz; tsetsegee88.мон; www . tsetsegee88 . mn'
    same "$got" '[EMAIL-1]; [EMAIL-2]; [EMAIL-3]; [URL-1]; [URL-2]; [URL-3]; [URL-4]; [URL-5]'
    redacted '텔레그램 @ tsetsegee88, discord tsetsegee88#1234, u/tsetsegee88, Skype: live:tsetsegee88_1, tsetsegee88님의 블로그, ip: 192 . 0 . 2 . 1, ip 0xC0000201, ip 3221225985.'
    same "$got" '텔레그램 [HANDLE-1], discord [HANDLE-2], [HANDLE-3], Skype: [HANDLE-4], [HANDLE-5]님의 블로그, ip: [IP-1], ip [IP-2], ip [IP-3].'
    redacted 'In the dot com years he worked at yahoo; read README.md; Mr.Kim came; we met @ home.'
    same "$got" 'In the dot com years he worked at yahoo; read README.md; Mr.Kim came; we met @ home.'
}

@test "redact: ordinary numbers, versions, times, prices, years and a::b stay" {
    text='In 1998 2000 people paid $1,299.99 or 12 000 won at 10:30; version 1.2.3; 2010-2015; a::b and std::map; pi 3.14159.'
    redacted "$text"
    same "$got" "$text"
    run --separate-stderr ik redact "$ID" --report
    expect_status 0
    [[ "$output" != *pattern* ]]
}

@test "export and audit: a handle placeholder passes the audit as a known category" {
    H=$T/hq init_store
    card=$(H=$T/hq ik card)
    ik contact add hq "$card" 2>/dev/null
    ik contact verify hq --confirm <<<"$(ik contact verify hq | awk 'NR == 1 { print $NF }')" >/dev/null 2>&1
    H=$T/hq ik contact add field "$(ik card)" 2>/dev/null
    H=$T/hq ik contact verify field --confirm <<<"$(H=$T/hq ik contact verify field | awk 'NR == 1 { print $NF }')" >/dev/null 2>&1
    for i in 1 2 3; do
        printf 'Reach him at @kimjongsu75 or +976 8812 3456.\n' |
            ik record Rim-il --title "Work" --date 2024-03-15 --tag work --lang en >/dev/null
    done
    run --separate-stderr ik export --to hq --all -o "$T/b.bundle"
    expect_status 0
    ! grep -q kimjongsu "$T/b.bundle" || false
    H=$T/hq run --separate-stderr ik audit "$T/b.bundle"
    expect_status 0
    [[ "$output" == *"consistency        PASS"* ]]
    [[ "$output" == *"residual-detectors PASS"* ]]
    [ "${lines[-1]}" = "verdict: PASS" ]
    H=$T/hq run --separate-stderr ik open "$T/b.bundle" --json
    expect_status 0
    [ "$(jq -r '.records[0].body' <<<"$output")" = 'Reach him at [HANDLE-1] or [PHONE-1].' ]
    [ "$(jq -r '[.records[0].redactions[].category] | sort | join(",")' <<<"$output")" = handle,phone ]
}

@test "redact, export, audit: IPs, phones and dates glued to letters, and a name glued to a date, leave nothing (report-adv13 2, 3)" {
    redacted 'IP 10.0.0.1x, a10.0.0.1, 192.168.1.1에서, call 010-1234-5678번, 010.1234.5678x. IP 10.0.0.1Kim Jong-su; Kim Jong-su1975-03-14 came.'
    same "$got" 'IP [IP-1]x, a[IP-1], [IP-2]에서, call [PHONE-1]번, [PHONE-1]x. IP [IP-1]Rim-il; Rim-il came.'
    run --separate-stderr ik redact "$ID"
    expect_status 0
    redacted 'MP3 COVID19 H2O A4 i7-8700 v1.2.3 x2010-2015.'
    same "$got" 'MP3 COVID19 H2O A4 i7-8700 v1.2.3 x2010-2015.'
    H=$T/hq init_store
    ik contact add hq "$(H=$T/hq ik card)" 2>/dev/null
    ik contact verify hq --confirm <<<"$(ik contact verify hq | awk 'NR == 1 { print $NF }')" >/dev/null 2>&1
    H=$T/hq ik contact add field "$(ik card)" 2>/dev/null
    H=$T/hq ik contact verify field --confirm <<<"$(H=$T/hq ik contact verify field | awk 'NR == 1 { print $NF }')" >/dev/null 2>&1
    for i in 1 2; do
        printf 'IP 10.0.0.1Kim Jong-su, 010.1234.5678x, Kim Jong-su1975-03-14.\n' |
            ik record Rim-il --title "Work" --date 2024-03-15 --tag work --lang en >/dev/null
    done
    run --separate-stderr ik export --to hq --all -o "$T/b.bundle"
    expect_status 0
    H=$T/hq run --separate-stderr ik audit "$T/b.bundle"
    [[ "$output" == *"residual-detectors PASS"* ]] || { printf '%s\n' "$output" >&2; false; }
    [[ "$output" == *"residual-terms     PASS"* ]]
    H=$T/hq run --separate-stderr ik open "$T/b.bundle" --json
    expect_status 0
    [ "$(jq '[.records[].body | select(rtrimstr("\n") == "IP [IP-1]Rim-il, [PHONE-1]x, Rim-il.")] | length' <<<"$output")" = 2 ]
    # The manifest's keyed digests are random base64: short words turn up in it by chance.
    output=$(jq 'del(.header.digests)' <<<"$output")
    [[ "$output" != *10.0.0.1* && "$output" != *5678* && "$output" != *1975* && "$output" != *Kim* ]]
}
