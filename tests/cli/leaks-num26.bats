#!/usr/bin/env bats
# Brief s26 num26 (report-adv25a B-6, B-26, B-28, B-29; report-adv25b
# C-1, C-2, C-5, C-6, C-14, C-20; issue 12), end to end on the real
# binary, one test per kind: an IBAN or card glued to a Korean particle,
# an IBAN in other scripts' digits or with mixed joins, groups split by
# symbols (Sm/So), a date of birth with marks between its parts and
# months or years the tables lacked, a number continued after a joiner
# word, and a registered number's tail after a mask.  The full set of
# cases, with neighbours and negatives: tests/data/leaks/num26.jsonl
# (test_leaks_names) and num26-detect.jsonl (test_leaks_detect).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-num26: an IBAN or card number glued to a Hangul particle is replaced, the particle kept (B-6)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        '계좌번호 KW81CBKU0000000000001234560101로 월급이 들어왔다. 계좌 GB82WEST12345698765432로 보냈다. 카드 4111111111111111로 결제했다. ABCD1234로 보냈다.' \
        '계좌번호 [ACCOUNT-1]로 월급이 들어왔다. 계좌 [ACCOUNT-2]로 보냈다. 카드 [ACCOUNT-3]로 결제했다. ABCD1234로 보냈다.'
    exports_clean 1234560101 98765432
}

@test "leaks-num26: an IBAN in Arabic-Indic digits or with a split mark after its bank code is one account (B-29, C-2)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'IBAN KW81 CBKU ٠٠٠٠ ٠٠٠٠ ٠٠٠٠ ١٢٣٤ ٥٦٠١ ٠١ please. IBAN GB29 NWBK〜6016〜1331〜9268〜19 please. The KW81 form was late.' \
        'IBAN [ACCOUNT-1] please. IBAN [ACCOUNT-2] please. The KW81 form was late.'
}

@test "leaks-num26: groups split by arrows, a broken bar or a fraction slash are the number (C-1)" {
    redacts_to '--name "Kim Jong-su" --term account:482-9173-5566 --pseudonym Tulga' \
        'Account 482 ¦ 9173 ¦ 5566. Account 482 → 9173 → 5566. Account 482 ⁄ 9173 ⁄ 5566. Card 4111 → 1111 → 1111 → 1111 expired. It was 3 → 4 people, pages 12 · 13.' \
        'Account [ACCOUNT-1]. Account [ACCOUNT-1]. Account [ACCOUNT-1]. Card [ACCOUNT-2] expired. It was 3 → 4 people, pages 12 · 13.'
    exports_clean 9173 5566
}

@test "leaks-num26: a date of birth with marks between its parts, a Ukrainian or shortened month, a year in words is one date (C-5, B-28)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'The factory opened on 3 — May — 1990. We met in 1998 — 2000. Родился 15 · апреля · 1989. Народився 15 — квітня — 1989 року. 1989 — 4월 — 15일 생. He was born on 15 — April — 1989. Born 15·IV·1989. Родился пятнадцатого марта восемьдесят седьмого года.' \
        'The factory opened on 3 — May — 1990. We met in 1998 — 2000. Родился [DATE-1]. Народився [DATE-2] року. [DATE-3] 생. He was born on [DATE-4]. Born [DATE-5]. Родился [DATE-6].'
}

@test "leaks-num26: a phone continued after a joiner word of another language is one phone (C-6)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'Телефон 8 912 а также 345 67 89. Телефон 8 912 а також 345 67 89. 전화번호는 010 9876 그리고 5432. Мы жили там 3 года а также 5 месяцев.' \
        'Телефон [PHONE-1]. Телефон [PHONE-2]. 전화번호는 [PHONE-3]. Мы жили там 3 года а также 5 месяцев.'
}

@test "leaks-num26: a registered number's tail after a mask or an ending word is the number (C-14)" {
    redacts_to '--name "Kim Jong-su" --contact "+82 10 5521 7788" --term account:482-9173-5566 --pseudonym Tulga' \
        'Account ending …5566. Account no. ⋯5566 was closed. Card ending ***5566. Счёт заканчивается на …5566. 전화 010에 5521 그리고 7788. Room ***5567 was empty.' \
        'Account ending …[ACCOUNT-1]. Account no. ⋯[ACCOUNT-1] was closed. Card ending ***[ACCOUNT-1]. Счёт заканчивается на …[ACCOUNT-1]. 전화 [PHONE-1]. Room ***5567 was empty.'
    exports_clean 5566 7788
}
