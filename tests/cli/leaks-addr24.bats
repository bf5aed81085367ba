#!/usr/bin/env bats
# Issue 12, short and cue-led address forms an outside tester found
# (brief s24 addr24), end to end on the real binary, one test a kind:
# redact, export to hq, the audit there.  The full set of cases, with
# other forms of each kind and the negative ones:
# tests/data/leaks/addr24.jsonl (test_leaks_detect).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-addr24: after an address cue the numbers of its clause are one address, whatever their shape" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'Хаяг: 3х15б42т. Address: 3/15/42. Адрес: Ленина 5-12. 주소: 반포로 12길 34. She lives at 5 12 34. Address: he has 3 kids.' \
        'Хаяг: [ADDRESS-1]. Address: [ADDRESS-2]. Адрес: [ADDRESS-3]. 주소: 반포로 [ADDRESS-4]. She lives at [ADDRESS-5]. Address: he has 3 kids.'
    exports_clean '15б42т' '3/15/42' '5-12' '12길' '5 12 34'
}

@test "leaks-addr24: glued and short unit forms are addresses without a cue" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'Бид х3 б15 т42-д очсон. We went to Q4 S12 H7 and 101 dong 1203 ho. 우리는 반포래미안 101동에 갔다. Мы были на ул. Ленина, д5, кв12 вчера. We sold 15 байр 42.' \
        'Бид [ADDRESS-1]-д очсон. We went to [ADDRESS-2] and [ADDRESS-3]. 우리는 [ADDRESS-4]에 갔다. Мы были на [ADDRESS-5] вчера. We sold 15 байр 42.'
    exports_clean 'т42' 'S12 H7' '1203 ho' '101동' 'кв12'
}

@test "leaks-addr24: numbers said, zip codes, P O boxes and a postcode before its town are addresses" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'He lives at fourteen Elm Street. My zip is nine oh two one oh. Write to P O Box 1234. We went to Block 5, Street 12, 13001 Kuwait.' \
        'He lives at [ADDRESS-1]. My zip is [ADDRESS-2]. Write to [ADDRESS-3]. We went to [ADDRESS-4] Kuwait.'
    # block, street and postcode are one address (so on 014203a5, session
    # 31's end; this file is sampled in make check and the change went
    # unseen until session 32)
    exports_clean 'fourteen' 'two one oh' 'Box 1234' '13001'
}
