#!/usr/bin/env bats
# Issue 12, session 18 (brief s18 acct18; report-adv17a D-4, D-5, D-12,
# D-19, D-26, D-44, D-47, D-48), end to end on the real binary: redact's
# exit status, export to hq and the audit there (--strict).  The full set
# of cases: tests/data/leaks/acct18.jsonl (test_leaks_detect).  Made-up
# names and numbers.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

KIM='--name 김종수 --locale ko --pseudonym Sora'

@test "leaks-acct18: cards with any punctuation between groups and long accounts labelled anywhere in the sentence go whole (D-4, D-26, D-44)" {
    redacts_to "$KIM" \
        'card 4539,1488,0343,6467 and 4539*1488*0343*6467 and 4539 | 1488 | 0343 | 6466. The account was 427193582661. Сбер 40817810099910004312; 新韩银行 110-234-567890.' \
        'card [ACCOUNT-1] and [ACCOUNT-1] and 4539 | 1488 | 0343 | 6466. The account was [ACCOUNT-2]. Сбер [ACCOUNT-3]; 新韩银行 [ACCOUNT-4].'
    exports_clean 6467 427193582661 40817810099910004312 567890
    strict_audit_passes
}

@test "leaks-acct18: a Markdown table's Account column and a CSV with spaces around commas label their numbers (D-5)" {
    p=$(st field subject add --name 김종수 --locale ko --pseudonym Sora)
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(record "$p" $'| Name | Account |\n|------|---------|\n| A | 110234567890 |\n\nname , acct , x\na , 110234567894 , y')
    run --separate-stderr st field redact "$id"
    expect_status 0
    [[ "$output" == *'| A | [ACCOUNT-1] |'* ]] || false
    [[ "$output" == *'a , [ACCOUNT-2] , y'* ]] || false
    exports_clean 110234567890 110234567894
}

@test "leaks-acct18: contact handles in their usual writings are one placeholder each (D-19)" {
    redacts_to "$KIM" \
        'my gmail is tsetseg85; tg://resolve?domain=tsetseg85 and 微信号：tsetseg_85; my skype is live:tsetseg77' \
        'my gmail is [EMAIL-1]; [HANDLE-1] and 微信号：[HANDLE-2]; my skype is [HANDLE-3]'
    exports_clean tsetseg
    strict_audit_passes
}

@test "leaks-acct18: SIM, device and advertising ids and wallet addresses leave no trace (D-47, D-48)" {
    redacts_to "$KIM" \
        'IMSI 450051234567890, ICCID 8982300123456789012, MAC 001a2b3c4d5e, S/N: C02XK1ABJG5H, IDFA 6D92078A-8246-4BA4-AE5B-76104861E7DC. BTC bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq, ETH 0x742d35Cc6634C0532925a3b844Bc454e4438f44e.' \
        'IMSI [ID-1], ICCID [ID-2], MAC [ID-3], S/N: [ID-4], IDFA [ID-5]. BTC [ACCOUNT-1], ETH [ACCOUNT-2].'
    exports_clean 450051234567890 8982300123456789012 001a2b3c4d5e C02XK1ABJG5H 6D92078A bc1q 0x742d
    strict_audit_passes
}

@test "leaks-acct18: vehicle plates with a glued particle, a region, a dash, Latin letters, Chinese and Russian shapes go whole (D-12)" {
    redacts_to "$KIM" \
        '차는 12가3456이다. 번호판: 서울12가3456. Машин нь 1234-УНА, 1234 UNA; 车牌京A12345。Он приехал на А123ВС77.' \
        '차는 [ID-1]이다. 번호판: [ID-2]. Машин нь [ID-3], [ID-4]; 车牌[ID-5]。Он приехал на [ID-6].'
    exports_clean 3456 УНА UNA A12345 А123ВС77
    strict_audit_passes
}

@test "leaks-acct18: years, prices and a round balance stay as written" {
    redacts_to "$KIM" \
        'In 2019, 2020 and 2021 we paid 4,500,000 won; the account had 30000000 then.' \
        'In 2019, 2020 and 2021 we paid 4,500,000 won; the account had 30000000 then.'
}

@test "leaks-acct18: a TSV header's cells are not read across the tab as a name, and the account under it goes (D-6)" {
    p=$(st field subject add --name 김종수 --locale ko --pseudonym Sora)
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(record "$p" $'Имя\tНомер счёта\tПрим.\nИван\t40817810099910004312\tx')
    run --separate-stderr st field redact "$id" --report
    expect_status 0
    [[ "$output" != *cyrillic-name* ]] || false
    run --separate-stderr st field redact "$id"
    expect_status 0
    [[ "$output" == *$'\t[ACCOUNT-1]\t'* ]] || false
    exports_clean 40817810099910004312
}
