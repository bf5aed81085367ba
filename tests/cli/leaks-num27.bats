#!/usr/bin/env bats
# Brief s27 num27 (report-adv26a D-1..D-5, D-17..D-19, D-22; report-adv25a
# B-18, report-adv25b C-4; issue 12),
# end to end on the real binary, one test per kind: a date said in Malay
# or Indonesian words (and a Malay "hb" day, a day said before a month), a
# line of a passport's machine-readable zone, a plate of a country's table
# in any spacing, the last digits of a number after an ending word or a
# mask, a number said in pieces.  The full set of cases, with neighbours
# and negatives: tests/data/leaks/num27.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-num27: a date said in Malay or Indonesian words, a Malay hb day, a day said before its month are one date (D-1, D-22)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'Tarikh lahir: lima belas Ogos sembilan belas lapan puluh lima. Tanggal lahir: tiga Agustus dua ribu satu. Lahir pada 5hb Februari 1980. Date of birth: fifteen August nineteen eighty-five. Kami ada lima belas orang dan dua puluh kereta pada bulan Ogos.' \
        'Tarikh lahir: [DATE-1]. Tanggal lahir: [DATE-2]. Lahir pada [DATE-3]. Date of birth: [DATE-4]. Kami ada lima belas orang dan dua puluh kereta pada bulan Ogos.'
}

@test "leaks-num27: a line of a passport's machine-readable zone is one identifier, its name line too (D-2, D-19)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'P<KORKIM<<JONGSU<<<<<<<<<<<<<<<<<<<<<<<<<<<< M123456780KOR8508155M2712316<<<<<<<<<<<<<<02 He typed x<<y and <<<< too.' \
        '[ID-1] [ID-2] He typed x<<y and <<<< too.'
    exports_clean 8508155 2712316 KORKIM
}

@test "leaks-num27: a plate of Malaysia, Russia or Kuwait in any spacing, with or without a label, is one identifier (D-3, D-4, D-5, adv25a B-18, adv25b C-4)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'Kereta saya nombor plat BKL 7788. His plate was WXY 1234. No. kenderaan WA 1234 B. Машина с номером А 123 ВС 777 RUS. Kuwait car number 5/12345. Plate A-123-BC 77 seen. The car had 200 horsepower, cost RM 5000 in 2019 and MAX 1000 people saw it.' \
        'Kereta saya nombor plat [ID-1]. His plate was [ID-2]. No. kenderaan [ID-3]. Машина с номером [ID-4]. Kuwait car number [ID-5]. Plate [ID-6] seen. The car had 200 horsepower, cost RM 5000 in 2019 and MAX 1000 people saw it.'
}

@test "leaks-num27: the last digits after an ending word or a mask go (D-17)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'The war ending in 1953 changed us. Card ending in 4521. Account ****-****-4522. Kad kredit berakhir 4523. Карта, оканчивающаяся на 4524. Room ***5567 was empty. Nombor telefon hujungnya 6789.' \
        'The war ending in 1953 changed us. Card ending in [ACCOUNT-1]. Account [ACCOUNT-2]. Kad kredit berakhir [ACCOUNT-3]. Карта, оканчивающаяся на [ACCOUNT-4]. Room ***5567 was empty. Nombor telefon hujungnya [PHONE-1].'
}

@test "leaks-num27: a number said in pieces joined by words is one number, all its parts (D-18)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'It starts with zero one two, then three four five, then six seven eight nine. Nombor pasport A1234 dan 5678. Nombor dia bermula 012 dan berakhir 3456789. Номер начинался на 8 912 и заканчивался на 345-67-89. We counted 1200, 3400 and 5600 people.' \
        'It starts with [ID-1]. Nombor pasport [ID-2]. Nombor dia bermula [ID-3]. Номер начинался на [ID-4]. We counted 1200, 3400 and 5600 people.'
}
