#!/usr/bin/env bats
# Issue 12, session 17 (brief s17 ids17; report-adv16a A-2, A-15, A-18,
# A-19; report-adv15 R-17), end to end on the real binary: redact's exit
# status, export to hq and the audit there (--strict).  The full set of
# cases: tests/data/leaks/ids17.jsonl (test_leaks_detect) and
# numbers17-terms.jsonl (test_leaks_names).  Made-up names and numbers.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

KIM='--name 김종수 --locale ko --pseudonym Sora'

@test "leaks-ids17: national ID numbers of the sending countries under their own labels go whole as one [ID-n] (A-18)" {
    redacts_to "$KIM" \
        'CCCD: 001075012345. Citizenship no. 27-01-71-05432. CNIC 35202-1234567-1 and 면허번호 11-12-345678-90 and Driving licence 11-12-345678-90.' \
        'CCCD: [ID-1]. Citizenship no. [ID-2]. CNIC [ID-3] and 면허번호 [ID-4] and Driving licence [ID-4].'
    exports_clean 001075012345 05432 1234567 345678 -90
    strict_audit_passes
}

@test "leaks-ids17: the same shapes with no label, and NIC, NIK, NID, PhilSys after theirs (A-18)" {
    redacts_to "$KIM" \
        'Numbers 35202-1234567-1, 27-01-71-05432, 852001234X; NIK 3174014503750001, NID 1990123456789, PhilSys PSN 1234-5678-9012.' \
        'Numbers [ID-1], [ID-2], [ID-3]; NIK [ID-4], NID [ID-5], PhilSys PSN [ID-6].'
    exports_clean 1234567 05432 852001234 3174014503750001 1990123456789 5678-9012
    strict_audit_passes
}

@test "leaks-ids17: a registered account said in glued Sino-Korean digits is the account, one placeholder (A-2)" {
    redacts_to "$KIM --term account:3333011234567" \
        '계좌는 3333-01-1234567 이다. 그리고 삼삼삼삼공일일이삼사오육칠.' \
        '계좌는 [ACCOUNT-1] 이다. 그리고 [ACCOUNT-1].'
    exports_clean 삼삼삼삼 1234567
    strict_audit_passes
}

@test "leaks-ids17: a registered id with its letter said as a word, and an account in English words, are their terms (A-2)" {
    redacts_to "$KIM --term id:M1234567 --term account:110123456789" \
        'He read out em one two three four five six seven, then M-one-two-three-4567. Account one one zero, one two three, four five six seven eight nine.' \
        'He read out [ID-1], then [ID-1]. Account [ACCOUNT-1].'
    exports_clean 'em one' 4567 'one one zero'
    strict_audit_passes
}

@test "leaks-ids17: a long number in English or Russian digit words that no rule places is a spoken-number flag; export refuses (A-19)" {
    p=$(st field subject add --name 김종수 --locale ko --pseudonym Sora)
    st field consent "$p" --export yes --method verbal 2>/dev/null
    ID=$(record "$p" 'Write down: seven seven two, four four one, nine nine eight seven six.')
    run --separate-stderr st field redact "$ID" --report
    expect_status 1
    [[ "$output" == $'flag\tbody\t'*$'\tspoken-number\tunresolved\tseven seven two, four four one, nine nine eight seven six' ]] || false
    run --separate-stderr st field export --to hq "$ID" -o "$W/n.bundle"
    expect_status 1
    [ ! -e "$W/n.bundle" ]
    R=$(record "$p" 'Его номер: девять девять один один два два три три четыре четыре.')
    run --separate-stderr st field redact "$R" --report
    expect_status 1
    [[ "$output" == *$'\tspoken-number\tunresolved\tдевять девять один'* ]] || false
}

@test "leaks-ids17: a digit-word group right before a replaced number joins it; counts in prose raise no flag (A-19)" {
    redacts_to "$KIM" '번호는 칠칠이 사사일 구구팔칠육 이다. seven people, two trucks.' \
        '번호는 [PHONE-1] 이다. seven people, two trucks.'
    exports_clean 칠칠이 사사일
    strict_audit_passes
}

@test "leaks-ids17: a year of birth beside a replaced day and month, and ISO ordinal dates, go whole (A-15)" {
    redacts_to "$KIM" 'She was born on the Ides of March, 1975; DOB: 14th March 75. DOB: 1975-W11-5, born 1975-073.' \
        'She was born on the Ides of March, [DATE-1]; DOB: [DATE-2]. DOB: [DATE-3], born [DATE-4].'
    exports_clean 'March 75' W11 073
    strict_audit_passes
}

@test "leaks-ids17: IP before an address is no short name of a registered Ivan Petrov (R-17)" {
    redacts_to '--name "Ivan Petrov" --locale en --pseudonym Oleg' \
        'Her IP 2001:db8::1 and 192.168.1.1/24 and IP 10.0.0.1.' 'Her IP [IP-1] and [IP-2]/24 and IP [IP-3].'
    [[ "$stderr" != *short-name* ]] || false
    exports_clean 2001:db8 192.168 10.0.0.1
    strict_audit_passes
}
