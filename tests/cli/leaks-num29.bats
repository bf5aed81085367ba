#!/usr/bin/env bats
# Brief s29 num29 (report-adv28a I-4..I-7, I-11; report-adv28c J-7,
# J-9..J-13; issue 12 kinds 7-11), end to end on the real binary, one
# test per kind, with negatives beside each.  The full set of cases:
# tests/data/leaks/num29.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-num29: an IP with spaced commas after its label goes, a countdown stays (J-11)" {
    redacts_to '--name "Nikolai Petrenko" --pseudonym Anna' \
        'The server 10 , 0 , 0 , 5 was down. Countdown: 3 , 2 , 1 , go!' \
        'The server [IP-1] was down. Countdown: 3 , 2 , 1 , go!'
}

@test "leaks-num29: a Russian plate glued to RUS goes, a word after RUS stays (J-13)" {
    redacts_to '--name "Nikolai Petrenko" --pseudonym Anna' \
        'His plate A123BC77RUS was seen. He said A123 to the RUSSIAN team.' \
        'His plate [ID-1] was seen. He said A123 to the RUSSIAN team.'
}

@test "leaks-num29: card endings said after the digits or under a short mask go, a year stays (J-12)" {
    redacts_to '--name "Nikolai Petrenko" --pseudonym Anna' \
        'Карта на 4421 заканчивается. Visa *7788 and Visa *2026.' \
        'Карта на [ACCOUNT-1] заканчивается. Visa *[ACCOUNT-2] and Visa *2026.'
}

@test "leaks-num29: a birth year before г.р. or р.н., glued or of two digits, goes; a year of a building stays (J-9)" {
    redacts_to '--name "Nikolai Petrenko" --pseudonym Anna' \
        'Иван (87 г.р.) пришёл. Петро 1990р.н. В 87 г. построили завод.' \
        'Иван ([DATE-1] г.р.) пришёл. Петро [DATE-2]р.н. В 87 г. построили завод.'
}

@test "leaks-num29: a zodiac animal beside a birth year goes, one in a list of words stays (I-11)" {
    redacts_to '--name "박영철" --pseudonym Won-mi' \
        '그는 88년생 돼지띠이다. 말띠와 소띠는 열두 띠 중 하나다.' \
        '그는 [DATE-1]생 [DATE-2]이다. 말띠와 소띠는 열두 띠 중 하나다.'
}

@test "leaks-num29: a Ukrainian number in national format goes, a price in hryvnia stays (I-6)" {
    redacts_to '--name "Nikolai Petrenko" --pseudonym Anna' \
        'Мій номер 067 123 45 67. Ціна 501234567 грн.' \
        'Мій номер [PHONE-1]. Ціна 501234567 грн.'
}

@test "leaks-num29: coordinates with decimal commas after loc go, amounts stay (I-7)" {
    redacts_to '--name "Nikolai Petrenko" --pseudonym Anna' \
        'loc 47,918; 106,917. Sold 12,500; 30,250 units.' \
        'loc [GPS-1]. Sold 12,500; 30,250 units.'
}

@test "leaks-num29: what3words spaced after /// or with spaced dots goes, prose after /// stays (J-10)" {
    redacts_to '--name "Nikolai Petrenko" --pseudonym Anna' \
        'Location: ///filled count soap. w3w: index . home . raft. The path is ///the big one.' \
        'Location: [GPS-1]. w3w: [GPS-2]. The path is ///the big one.'
}

@test "leaks-num29: a Ukrainian address with a house letter and № glued goes, a score stays (I-4, J-7)" {
    redacts_to '--name "Nikolai Petrenko" --pseudonym Anna' \
        'Адреса: буд.№5, кв.№12, вул Садова. The score was 9-a in the final.' \
        'Адреса: [ADDRESS-1]. The score was 9-a in the final.'
}

@test "leaks-num29: a street name or a postcode beside an address goes, a weekday stays (I-5)" {
    redacts_to '--name "Nikolai Petrenko" --pseudonym Anna' \
        'He stayed with Kyiv, Khreshchatyk 22, apt 7. Россия, 443001, Самара, Молодогвардейская улица, дом 204. We met on Monday 22, apt 7 was empty.' \
        'He stayed with Kyiv, [ADDRESS-1]. Россия, [ADDRESS-2], Самара, [ADDRESS-3]. We met on Monday [ADDRESS-4] was empty.'
}
