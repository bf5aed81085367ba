#!/usr/bin/env bats
# Issue 12, numbers said in words, numbered terms and number false
# positives (brief s18 num18; report-adv17a D-1, D-2, D-3, D-13, D-20,
# D-21, D-27, D-38, D-41, D-49, D-52), end to end on the real binary:
# redact, export to hq and the audit there.  The full set of cases:
# tests/data/leaks/num18.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

TP='--name "Test Person" --pseudonym Tulga'

@test "leaks-num18: a registered id in Han digits glued after Han, kana, Hangul or Cyrillic letters, banker's numerals and 幺/两 is the id (D-1, D-2)" {
    redacts_to "$TP --term id:75031412" \
        '号码七五零三一四一二。番号は七五〇三一四一二です。번호는七五零三一四一二 Номер七五零三一四一二 号码是柒伍零叁壹肆壹贰。七五零三幺四幺两' \
        '号码[ID-1]。番号は[ID-1]です。번호는[ID-1] Номер[ID-1] 号码是[ID-1]。[ID-1]'
    exports_clean 五零三 柒伍 幺四
}

@test "leaks-num18: a registered id said with nought, o, 빵, раз, or in Latin-letter Korean, Mongolian, Russian and pinyin is the id (D-3, D-38)" {
    redacts_to "$TP --term id:75031412" \
        'A. seven five nought three one four one two. B. chil o gong sam il sa il i. C. doloo tav teg gurav neg durvun neg khoyor. D. qī wǔ líng sān yī sì yī èr. E. 7 пять 0 три 1 четыре 1 два. F. 칠 오 빵 삼 일 사 일 이.' \
        'A. [ID-1]. B. [ID-1]. C. [ID-1]. D. [ID-1]. E. [ID-1]. F. [ID-1].'
    exports_clean nought 'chil o' doloo 'wǔ' 'пять 0' 빵
}

@test "leaks-num18: seven digit words no rule reads are a spoken-number flag: redact exits 1, export refuses (D-27)" {
    blocked "$TP" 'Die Nummer ist sieben sieben zwei vier vier eins neun.' spoken-number \
        'sieben sieben zwei vier vier eins neun'
}

@test "leaks-num18: a phone said with pauses and fillers goes whole (D-27)" {
    redacts_to "$TP" 'Call nine-nine... one-one... two-two... three-three. Or nine nine, uh, one one, two two, three three.' \
        'Call [PHONE-1]. Or [PHONE-2].'
    exports_clean nine one-one three
}

@test "leaks-num18: a term ending in a number said as an ordinal, a Roman numeral, N°, a plural, дугаар or Sino-Korean is the term (D-13)" {
    # "арван хоёрдугаар байр" said in words is read as an address (as
    # tests/data/leaks/num18.jsonl line 55 expects since then), and the
    # address takes the 십이동 after it in: one [ADDRESS-1], nothing left
    # (found failing unseen by a whole run of this sampled file, session 33).
    redacts_to "$TP --term 'place:Shaft 7' --term 'place:12-р байр' --term place:12동" \
        'shaft number seven, the seventh shaft, Shaft VII, Shaft N°7, Shafts 7, 12 дугаар байр, арван хоёрдугаар байр, 십이동' \
        '[PLACE-1], the [PLACE-1], [PLACE-1], [PLACE-1], [PLACE-1], [PLACE-2], [ADDRESS-1]'
    exports_clean seven VII 'N°7' дугаар хоёр 십이
}

@test "leaks-num18: a registered account with look-alike letters and a register number said in letters and words go without a label (D-20, D-49)" {
    redacts_to "$TP --term account:5012345678 --term id:УБ75031412" \
        'He paid 5ОI2345678 and 5012345b78. Register U B seven five zero three one four one two, РД УБ75О31412.' \
        'He paid [ACCOUNT-1] and [ACCOUNT-1]. Register [ID-1], РД [ID-1].'
    exports_clean 2345678 12345b 'seven five' 31412
}

@test "leaks-num18: two phones split by a slash leave no digits; years in brackets, money and year-number references stay (D-21, D-41)" {
    redacts_to "$TP" 'J. 99-11-22-33 / 9911.2233. The law (2019) passed; Salary 1 200 000 (2023); He paid 88 776 655 tugrik and ₩3,000,000; Invoice 2024-000123, Case 2023-12345.' \
        'J. [PHONE-1] / [PHONE-1]. The law (2019) passed; Salary 1 200 000 (2023); He paid 88 776 655 tugrik and ₩3,000,000; Invoice 2024-000123, Case 2023-12345.'
    exports_clean 2233 11-22
}

@test "leaks-num18: a name, a digit and a quoted-printable name glued do not fail redact as a bug; the glued name is a review flag (D-52)" {
    blocked '--name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Tulga' 'He wrote Jong-su0=4BJongsu in the chat.' \
        glued-name 4BJongsu
}

@test "leaks-num18: hq audit --strict shows no residual for the numbers redact replaced (D-1, D-38)" {
    redacts_to "$TP --term id:75031412" '他的号码是七五〇三一四一二。 E. qi wu ling san yi si yi er.' '他的号码是[ID-1]。 E. [ID-1].'
    run --separate-stderr st field export --to hq --all -o "$W/b.bundle"
    expect_status 0
    run st hq audit "$W/b.bundle" --strict
    [[ "$output" == *"residual-terms     PASS"* ]] || { printf '%s\n' "$output" >&2; false; }
    [[ "$output" == *"residual-detectors PASS"* ]] || { printf '%s\n' "$output" >&2; false; }
    [[ "$output" != *"七五"* && "$output" != *"wu ling"* ]] || false
}
