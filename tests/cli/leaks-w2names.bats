#!/usr/bin/env bats
# Brief s19 w2names (report-adv19a N-2, N-3, N-7, N-11, N-13, N-16), end
# to end on the real binary: invisible marks inside a name, other Latin
# transliterations of a Russian name, Russian Cyrillic and Russian pet
# forms of Mongolian names are replaced and leave nothing at hq (audit
# --strict); a near name with a case ending and a short form alone or
# called are review flags that stop export.  The full set of cases:
# tests/data/leaks/w2names.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-w2names: Hangul tone marks and the Arabic tatweel inside a name hide nothing (N-13)" {
    redacts_to '--name 김종수 --name Altangerel --pseudonym Vera' \
        "$(printf '종\u302e수가 왔다. 그날 종\u302f수를 봤다. Alta\u0640ngerel.')" \
        'Vera가 왔다. 그날 Vera를 봤다. Vera.'
    strict_clean "$(printf '종\u302e수')" "$(printf '종\u302f수')" "$(printf 'Alta\u0640ngerel')"
    strict_audit_passes
}

@test "leaks-w2names: Polish, Ukrainian, French and German spellings of a Russian given name are replaced (N-7)" {
    redacts_to '--name "Sergei Ivanov" --pseudonym Vera' \
        'Siergiej came. Serhiy left. Serhii stayed. Sergueï called. Sergej wrote.' \
        'Vera came. Vera left. Vera stayed. Vera called. Vera wrote.'
    strict_clean Siergiej Serhiy Serhii Sergue Sergej
    strict_audit_passes
}

@test "leaks-w2names: the Russian Cyrillic of a Mongolian name (дж for ж) is replaced with its endings (N-11)" {
    redacts_to '--name Дорж --locale mn --pseudonym Vera' \
        'Дорджи приехал. Дордж пришёл. Дорджа видели. Дорджийн гэр.' \
        'Vera приехал. Vera пришёл. Vera видели. Vera гэр.'
    strict_clean Дордж
    strict_audit_passes
}

@test "leaks-w2names: Russian pet forms of Mongolian names are replaced (N-16)" {
    redacts_to '--name Алтангэрэл --name Батбаяр --locale mn --pseudonym Vera' \
        'Алтанка пришла. Батка сказал.' \
        'Vera пришла. Vera сказал.'
    strict_clean Алтанка Батка
    strict_audit_passes
}

@test "leaks-w2names: a near name with a case ending is a near-name flag and export refuses (N-2)" {
    blocked '--name Алтангэрэл --locale mn --pseudonym Vera' \
        'Өчигдөр Алтангрэлийг дуудсан.' near-name Алтангрэлийг
}

@test "leaks-w2names: a short form alone or called at a sentence start is a short-name flag (N-3)" {
    blocked '--name Алтангэрэл --locale mn --pseudonym Vera' \
        'Алтаа. Тэр ирсэн.' short-name Алтаа
}

@test "leaks-w2names: a short form called with a comma at a sentence start is a short-name flag (N-3)" {
    blocked '--name Энхтуяа --locale mn --pseudonym Vera' \
        'Энхээ, наашаа ир!' short-name Энхээ
}
