#!/usr/bin/env bats
# Brief s18 script18 (report-adv17a D-22, D-23, D-42, D-34, D-46, D-25,
# D-50, D-29, D-30, D-18, D-54), end to end on the real binary: a
# registered name read through Greek and Armenian letters, Braille, the
# Korean keyboard in Latin mode and the folded chat laugh; a Korean name in
# Mongolian Cyrillic with its case endings; lower-case pinyin; Chinese
# forms of address; and texts that must raise no flag (other Cyrillic
# languages, labour compounds, a full stop between a brand and "I").  The
# full set of cases: tests/data/leaks/script18.jsonl (test_leaks_names);
# the rules: docs/VARIANTS.md, "Session 18".

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-script18: a name in Greek and Armenian letters is replaced (D-22)" {
    redacts_to '--name 김종수 --name "Kim Jong-su" --name Алтангэрэл --locale ko --pseudonym Un-min' \
        'Ο Κιμ Τζονγκ-σου ήρθε. Ο Αλταντζερέλ ήρθε. Ալթանգերել եկավ։' \
        'Ο Un-min ήρθε. Ο Un-min ήρθε. Un-min եկավ։'
    strict_clean Κιμ Τζονγκ Αλταντζερέλ Ալթանգերել
}

@test "leaks-script18: a name in English Braille is replaced; Braille no table reads waits for review (D-23)" {
    redacts_to '--name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Un-min' \
        '⠅⠊⠍ ⠚⠕⠝⠛⠎⠥ came.' 'Un-min came.'
    strict_clean ⠚⠕⠝⠛⠎⠥
    blocked '--name 박민서 --locale ko --pseudonym Sang-gum' '⠨⠕⠶⠠⠍ came.' unread-script '⠨⠕⠶⠠⠍'
}

@test "leaks-script18: a Korean name in Mongolian Cyrillic with its case endings is replaced (D-42)" {
    redacts_to '--name 김종수 --name "Kim Jong-su" --name 박민서 --locale ko --pseudonym Un-min' \
        'Минсөтэй уулзсан. Жонсүд хэлсэн. Ким Жон Сү ирсэн.' \
        'Un-min уулзсан. Un-min хэлсэн. Un-min ирсэн.'
    strict_clean Минсө Жонсү 'Жон Сү'
}

@test "leaks-script18: a name typed in Latin mode and with the chat laugh folded in is replaced (D-34, D-46)" {
    redacts_to '--name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Un-min' \
        'rlawhdtn came. 종숰ㅋㅋ 왔다. whdtn75 joined.' \
        'Un-min came. Un-minㅋㅋ 왔다. Un-min75 joined.'
    strict_clean rlawhdtn 종숰 whdtn
}

@test "leaks-script18: lower-case pinyin of a Korean name's Hanja is replaced (D-25)" {
    redacts_to '--name 박민서 --name 김종수 --locale ko --pseudonym Un-min' \
        'a) jin zhongzhu came. f) piao minshu came.' \
        'a) Un-min came. f) Un-min came.'
    strict_clean zhongzhu piao minshu
}

@test "leaks-script18: a Chinese form of address of a registered name waits for review (D-50)" {
    blocked '--name "Li Xiaoming" --pseudonym Vera' '阿明来了。' short-name '阿明'
}

@test "leaks-script18: Ukrainian, Serbian and Kazakh text, labour compounds and E-Mart. I raise no flag (D-30, D-18, D-54)" {
    local text='Ми їхали до міста, і там було холодно. Јуче сам видео љубав. Біз кеше ауылға бардық. 연장근로가 많았다. 연차휴가를 못 썼다. I bought rice at E-Mart. I went home.'
    redacts_to '--name 박민서 --name "Test Person" --locale ko --pseudonym Un-min' "$text" "$text"
    exports_clean 박민서 'Test Person'
}
