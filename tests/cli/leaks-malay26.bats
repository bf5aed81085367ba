#!/usr/bin/env bats
# Brief s26 malay26 (report-adv25a B-1..B-5, B-7, B-9, B-10, B-11, B-26,
# F-4; issue 12), end to end on the real binary, one test per kind: Malay
# digit words, a passport, a work permit or pass and a bank account after
# a Malay label (with its clitic and owner word), the last digits of an
# ID in Malay, a Malay date of birth, and "No IC" that is no name.  The
# full set of cases, with neighbours and negatives:
# tests/data/leaks/malay26.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

SUBJECT='--name "Kim Jong-su" --pseudonym Kang-ho --term id:870315-12-5677 --term id:287031512345'

@test "leaks-malay26: an ID and a phone said in Malay digit words are replaced; counting words stay (B-1..B-3)" {
    redacts_to "$SUBJECT" \
        'IC dia lapan tujuh kosong tiga satu lima, satu dua, lima enam tujuh tujuh. Telefon: kosong satu sembilan, lapan tujuh enam, lima empat tiga dua. Dua orang datang pada pukul tiga.' \
        'IC dia [ID-1]. Telefon: [PHONE-1]. Dua orang datang pada pukul tiga.'
    exports_clean 'enam tujuh tujuh' 'lima empat tiga dua'
}

@test "leaks-malay26: a passport, a work permit and a pass after a Malay label are replaced (B-7, B-9)" {
    redacts_to "$SUBJECT" \
        'Pasport beliau, 745123456, dipegang oleh mandur. Nombor pasportnya 836412345. Permit kerja: WP-2019-004512. Pas Lawatan Kerja Sementara No. 2019/JB/004512. Pas itu 2019 sudah tamat.' \
        'Pasport beliau, [ID-1], dipegang oleh mandur. Nombor pasportnya [ID-2]. Permit kerja: [ID-3]. Pas Lawatan Kerja Sementara No. [ID-4]. Pas itu 2019 sudah tamat.'
}

@test "leaks-malay26: a bank account after akaun or a bank's name is replaced (B-10)" {
    redacts_to "$SUBJECT" \
        'No. akaun CIMB 7012345678. Gaji dimasukkan ke akaun 1122-3344-5566 setiap bulan. Dia simpan RM 2500 dalam akaun.' \
        'No. akaun CIMB [ACCOUNT-1]. Gaji dimasukkan ke akaun [ACCOUNT-2] setiap bulan. Dia simpan RM 2500 dalam akaun.'
}

@test "leaks-malay26: the last digits of an ID after berakhir dengan are replaced (B-26)" {
    redacts_to "$SUBJECT" \
        'IC beliau berakhir dengan 5677.' \
        'IC beliau berakhir dengan [ID-1].'
}

@test "leaks-malay26: a Malay date of birth is replaced; a month without a birth stays (B-11)" {
    redacts_to "$SUBJECT" \
        'Dia lahir pada 15 Mac 1987. Umur 37 tahun, lahir Mac 1987. Mac lalu kami ke Sabah.' \
        'Dia lahir pada [DATE-1]. Umur 37 tahun, lahir [DATE-2]. Mac lalu kami ke Sabah.'
}

@test "leaks-malay26: No IC before a number is no name: no review flag (F-4)" {
    redacts_to "$SUBJECT" \
        'No IC dia 850505085123.' \
        'No IC dia [ID-1].'
}

@test "leaks-malay26: a +60 mobile without + and a number said in two parts joined by words are phones (B-4, B-5)" {
    redacts_to "$SUBJECT" \
        "The worker's number: 6012-3456789. His Malaysian number started 012 and ended 3456789. Nombor dia 019 kemudian 8765432. Page 2012 and then 2013." \
        "The worker's number: [ID-1]. His Malaysian number started [PHONE-1]. Nombor dia [PHONE-2]. Page 2012 and then 2013."
}
