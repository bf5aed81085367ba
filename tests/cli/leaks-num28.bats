#!/usr/bin/env bats
# Brief s28 num28 (report-adv27a G-9, G-13, G-17, O-5; report-adv27c H-4,
# H-5, H-6, H-7, H-12; issue 12 kinds 7-11), end to end on the real
# binary, one test per kind, with negatives beside each.  The full set
# of cases: tests/data/leaks/num28.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-num28: a birth year in a short form (р.н., 84-м, 84-р онд) and in Ukrainian words goes, a year alone stays (G-9)" {
    redacts_to '--name "Олександр Коваленко" --pseudonym Dmytro-ua' \
        "Коваленко О., 1984 р.н. Він народився у тисяча дев'ятсот сімдесят п'ятому році. Родился в 84-м. В 91-м году он переехал, в 80-х тоже." \
        "Dmytro-ua, [DATE-1] р.н. Він народився у [DATE-2] році. Родился в [DATE-3]. В 91-м году он переехал, в 80-х тоже."
}

@test "leaks-num28: what3words' three words spaced after its label go, prose after the label stays (G-13)" {
    redacts_to '--name "Daniel Morgan" --pseudonym Tom' \
        'Meet at what3words index home raft tomorrow. what3words is an app for places.' \
        'Meet at what3words [GPS-1] tomorrow. what3words is an app for places.'
}

@test "leaks-num28: an IP written with commas after a verb of reaching a machine goes, a list of numbers stays (G-17)" {
    redacts_to '--name "Daniel Morgan" --pseudonym Tom' \
        'Connect to 192,168,0,1 first. I bought 192,168,10,45 apples.' \
        'Connect to [IP-1] first. I bought 192,168,10,45 apples.'
}

@test "leaks-num28: an amount is no part of a registered number, the number's part elsewhere is (O-5)" {
    redacts_to '--name "Muhammad Hafiz bin Abdullah" --pseudonym Rahim-my --contact "+60 12-345 6789"' \
        'The price was 12345678 in total, paid in cash. He said 2345678 twice.' \
        'The price was 12345678 in total, paid in cash. He said [OTHER-1] twice.'
}

@test "leaks-num28: Malay dates with haribulan, hb., a date label or a weekday go, a count stays (H-4)" {
    redacts_to '--name "Daniel Morgan" --pseudonym Tom' \
        'Tarikh: dua belas Januari, dan pada 3 haribulan Mei 2020, serta sembilan belas hb. Ogos. Saya makan lima biji epal.' \
        'Tarikh: [DATE-1], dan pada [DATE-2], serta [DATE-3]. Saya makan lima biji epal.'
}

@test "leaks-num28: the last digits after 'ending' and a card's brand go, a visa's year stays (H-5)" {
    redacts_to '--name "Daniel Morgan" --pseudonym Tom' \
        'Visa ending 4521 was charged. Mastercard ending in 4 5 2 1. His visa ending in 2026 was a problem.' \
        'Visa ending [ACCOUNT-1] was charged. Mastercard ending in [ACCOUNT-1]. His visa ending in 2026 was a problem.'
}

@test "leaks-num28: Russian trailer, taxi and motorcycle plates go after a plate's word, numbers in prose stay (H-6)" {
    redacts_to '--name "Алексей Смирнов" --pseudonym Ivan' \
        'и АВ 1234 77 (прицеп), и 1234 АВ 77. В 2020 на 15 процентов больше.' \
        'и [ID-1] (прицеп), и [ID-2]. В 2020 на 15 процентов больше.'
}

@test "leaks-num28: a Malaysian special series and a Kuwaiti one-digit code go, a summit's year stays (H-7)" {
    redacts_to '--name "Daniel Morgan" --pseudonym Tom' \
        'His car was Putrajaya 1234. Kuwait 5/12345 was the plate. The Putrajaya 2020 summit.' \
        'His car was [ID-1]. Kuwait [ID-2] was the plate. The Putrajaya 2020 summit.'
}

@test "leaks-num28: a copula between a label and its value stays (H-12)" {
    redacts_to '--name "Daniel Morgan" --pseudonym Tom' \
        'His ID is 1101 0519 9003 0745 1X' \
        'His ID is [ID-1]'
}
