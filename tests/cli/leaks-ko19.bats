#!/usr/bin/env bats
# Brief s19 ko19 (issue 12; report-adv17a D-55, D-16), end to end on the
# real binary: a registered Latin or Cyrillic name in Korean loanword
# Hangul (윌리엄 스미스, 스미스 씨가, 세르게이 이바노프, 볼드 도르지), a
# registered Korean name in the traditional Cyrillic of Koryo-saram (Цой
# Ён Хи, Цоя, Тен), and names nobody registered raising a review flag
# (Sergei Ivanov came., 민석이한테).  The full set of cases:
# tests/data/leaks/ko19.jsonl (test_leaks_names); the rules:
# docs/VARIANTS.md, "Session 19".

bats_require_minimum_version 1.5.0
load helpers
load leaks-names


@test "leaks-ko19: an English name in Korean loanword Hangul is replaced, with particles and address words (D-55)" {
    redacts_to '--name "William Smith" --locale en --pseudonym Tulga' \
        '윌리엄 스미스가 왔다. 스미스 씨가 말했다.' 'Tulga가 왔다. Tulga 씨가 말했다.'
    strict_clean 윌리엄 스미스
}

@test "leaks-ko19: a Russian name registered in Cyrillic and a Mongolian one in Latin, in Hangul, are replaced (D-55)" {
    redacts_to '--name "Сергей Иванов" --name "Bold Dorj" --locale ru --pseudonym Tulga' \
        '세르게이 이바노프가 떠났다. 이바노프 씨한테서 들었다. 볼드 도르지는 남았다.' \
        'Tulga가 떠났다. Tulga 씨한테서 들었다. Tulga는 남았다.'
    strict_clean 세르게이 이바노프 볼드 도르지
}

@test "leaks-ko19: a one-word transcription of a registered name (윌리엄) is replaced, allow refuses it (D-55; a transcription flag before session 21's ko21 listed it in data/nicknames/hangul.txt; the flag's own path: leaks-kana17, kana17.jsonl)" {
    redacts_to '--name "William Smith" --locale en --pseudonym Tulga' '윌리엄 왔다.' 'Tulga 왔다.'
    run --separate-stderr st field allow 윌리엄
    expect_status 2
    [ "$stderr" = "intake: this text contains a protected name or term and cannot be allowed (allowed texts are shown to auditors); nothing was changed" ] ||
        { printf '%s\n' "$stderr" >&2; false; }
}

@test "leaks-ko19: a Korean name in Koryo-saram Cyrillic is replaced, surname alone and in its cases too" {
    redacts_to '--name 최영희 --locale ko --pseudonym Tulga' \
        'Цой Ён Хи пришла. Вчера Цоя видели. Бид Цойтой уулзсан.' \
        'Tulga пришла. Вчера Tulga видели. Бид Tulga уулзсан.'
    strict_clean Цой Цоя Ён
}

@test "leaks-ko19: Тен for 정, Шин for 신, Огай for 오 are replaced with the given name" {
    redacts_to '--name 정철수 --name 신민호 --name 오성민 --locale ko --pseudonym Tulga' \
        'Тен Чер Су работал. Шин Мин Хо приехал. Огай Сон Мин пришёл.' \
        'Tulga работал. Tulga приехал. Tulga пришёл.'
    strict_clean Тен Шин Огай
}

@test "leaks-ko19: an unregistered full name before a verb raises a review flag; export refuses (D-16)" {
    blocked '--name "Bold Dorj" --locale en --pseudonym Tulga' 'Sergei Ivanov came.' context-name 'Sergei Ivanov'
}

@test "leaks-ko19: an unregistered Korean full name with a particle raises a review flag (D-16)" {
    blocked '--name 김종수 --locale ko --pseudonym Tulga' '박철수한테서 들었다.' korean-name '박철수'
}
