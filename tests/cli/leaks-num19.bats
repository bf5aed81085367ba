#!/usr/bin/env bats
# Issue 12, kinds 7-10 and addresses: register numbers in other writings,
# short registered numbers said in words, acronyms read as names (R-8),
# addresses (brief s19 num19), end to end on the real binary: redact,
# export to hq and the audit there.  The full set of cases:
# tests/data/leaks/num19.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

TP='--name "Test Person" --pseudonym Tulga'

@test "leaks-num19: a register number with a slash, a Latin O for 0, a dash after Уб, or its letters in Latin is one id" {
    redacts_to "$TP" 'A ub/75031412. B UB75O31412. C Уб-75031412. D ts_98012345.' \
        'A [ID-1]. B [ID-2]. C [ID-3]. D [ID-4].'
    strict_clean 75031412 31412 98012345
}

@test "leaks-num19: a registered register number matches across Cyrillic and Latin letters, one placeholder" {
    redacts_to "$TP --term id:УБ99339999" 'Reg UB99339999, УБ99339999, ub 9933 9999.' \
        'Reg [ID-1], [ID-1], [ID-1].'
    strict_clean 9933
}

@test "leaks-num19: a registered five-digit number said in pinyin, and digit words glued, are the term; the words alone stay" {
    redacts_to "$TP --term id:75031" 'Not wu ling san yi. Code qi wu ling san yi. Also sevenfivezerothreeone.' \
        'Not wu ling san yi. Code [ID-1]. Also [ID-1].'
    strict_clean 'qi wu' sevenfive
}

@test "leaks-num19: IBAN is no spelling of the name Ivan; Ivan is replaced" {
    redacts_to '--name "Ivan Petrov" --pseudonym Tulga' 'Send the IBAN to Ivan.' 'Send the IBAN to Tulga.'
    strict_clean Ivan
}

@test "leaks-num19: Latin-letter Mongolian, English and Korean addresses and labelled postcodes go; ordinary numbers stay" {
    redacts_to "$TP" 'Bayanzurkh duureg, 3-r khoroo, 15-r bair, 42 toot. Baker Street 221B. 123 Sejong-daero. Postcode: SW1A 1AA. It took 3 hours, 300 tugrik, in 2019, 3 rooms.' \
        'Bayanzurkh duureg, [ADDRESS-1]. [ADDRESS-2]. [ADDRESS-3]. Postcode: [ADDRESS-4]. It took 3 hours, 300 tugrik, in 2019, 3 rooms.'
    strict_clean khoroo 221B Sejong SW1A
}
