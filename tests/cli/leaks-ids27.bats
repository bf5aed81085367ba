#!/usr/bin/env bats
# Brief s27 ids27 (report-adv27a G-1, G-2, G-3, G-4, G-10, G-11, G-12, G-17;
# issue 12), end to end on the real binary, one test per kind: a phone
# spoken in Ukrainian or Belarusian words, national ID numbers by country
# read across their spaces, two coordinates joined by "and" in any of a
# few languages, an e-mail address with its at sign written "(a)", an IP
# address written with commas after a label, a handle after a Ukrainian platform label
# or with a trailing at sign, no replacement across a line break into a
# line of words (O-6).  The full set of cases, with neighbours and
# negatives: tests/data/leaks/ids27.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-ids27: a phone spoken in Ukrainian or Belarusian words is one phone number (G-1)" {
    redacts_to '--name "Олександр Коваленко" --contact "+380 67 123 4567" --pseudonym Dmytro' \
        "Телефон: нуль шістдесят сім один два три чотири п'ять шість сім. Тэл: нуль шэсць сем адзін два тры чатыры пяць шэсць сем. Мені було сім років." \
        "Телефон: [PHONE-1]. Тэл: [PHONE-2]. Мені було сім років."
}

@test "leaks-ids27: national ID numbers of China, Japan, Ukraine and the UK are replaced whole, across their spaces (G-2, G-3, G-10)" {
    redacts_to '--name "Wang Xiaoming" --pseudonym Lizh' \
        '身份证：210102 19750314 123X。マイナンバー 1234 5678 9012. ІПН 3012345678, ID-картка 001234567. NINO: QQ123456C, NI number QQ 12 34 56 C. Order 3012345678 shipped.' \
        '身份证：[ID-1]。マイナンバー [ID-2]. ІПН [ID-3], ID-картка [ID-4]. NINO: [ID-5], NI number [ID-5]. Order 3012345678 shipped.'
}

@test "leaks-ids27: two coordinates joined by a word for and are one position (G-4)" {
    redacts_to '--name "Batbayaryn Altangerel" --pseudonym Tuya' \
        'Camp 47.918 and 106.917. Гэр 47.918 ба 106.917. Там 47.918 и 106.917. 47.918과 106.917. Prices 12.50 and 13.75 rose.' \
        'Camp [GPS-1]. Гэр [GPS-2]. Там [GPS-3]. [GPS-4]. Prices 12.50 and 13.75 rose.'
}

@test "leaks-ids27: an e-mail address with its at sign written (a) goes whole (G-11)" {
    redacts_to '--name "Өлзийбаяр" --pseudonym Oyun' \
        'Mail altaa(a)mail.mn or bold [a] gmail.com today.' \
        'Mail [EMAIL-1] or [EMAIL-2] today.'
}

@test "leaks-ids27: an IP address written with commas after a label is replaced, a list of numbers kept (G-17)" {
    redacts_to '--name "Ahmed Al-Rashid" --pseudonym Omar' \
        'Router 192,168,0,1 and IP 10,0,0,7. Pages 1,2,3,4 and 1,234,567 dinars.' \
        'Router [IP-1] and IP [IP-2]. Pages 1,2,3,4 and 1,234,567 dinars.'
}

@test "leaks-ids27: a handle after a Ukrainian platform label or with a trailing at sign goes whole (G-12)" {
    redacts_to '--name "Олександр Коваленко" --name "Oleksandr Kovalenko" --pseudonym Dmytro' \
        'інстаграм: sasha.kovalenko, вайбер: sasha_k84, and mohdhafiz88@ on twitter. Meet me @ noon.' \
        'інстаграм: [HANDLE-1], вайбер: [HANDLE-2], and [HANDLE-3] on twitter. Meet me @ noon.'
}

@test "leaks-ids27: a replacement does not run across a line break into the next line of words (O-6)" {
    local p id
    p=$(st field subject add --name "Олександр Коваленко" --pseudonym Dmytro)
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(record "$p" "$(printf 'паспорт МК 123 456\nThen.\n1984 г.р.')")
    run --separate-stderr st field redact "$id"
    expect_status 0
    [[ "$output" == *$'паспорт [ID-1]\nThen.\n[DATE-1] г.р.'* ]] || { printf '%s\n' "$output" >&2; false; }
}
