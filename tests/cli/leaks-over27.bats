#!/usr/bin/env bats
# Brief s27 over27 (report-adv26a D-21, D-23; issue 12), end to end on the
# real binary, one test per kind: a form the variant rules make of one
# subject's name is no ordinary word (Cyrillic initials keyed as a
# preposition, two common Han characters read as a Hangul form), and a
# short name found inside a longer Hangul word must leave the rest as
# particles.  Both put another subject's pseudonym into a record.  The
# full set of cases, with neighbours and guards:
# tests/data/leaks/over27.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-over27: no form of another subject's name is a preposition or a pair of common Han characters (D-23)" {
    st field subject add --name "Алексей Смирнов" --name "Aleksei Smirnov" --pseudonym Ivan >/dev/null
    redacts_to '--name "Daniel Morgan" --pseudonym Tom' \
        'На границе было тихо. Из дома вышли. 后来一辆卡车把我们送到了下一个城镇。' \
        'На границе было тихо. Из дома вышли. 后来一辆卡车把我们送到了下一个城镇。'
}

@test "leaks-over27: a short name inside a longer Hangul word needs a particle after it (D-21)" {
    st field subject add --name "Батбаярын Алтангэрэл" --name Altangerel --pseudonym Sarnai >/dev/null
    redacts_to '--name "김종수" --name "Kim Jong-su" --pseudonym Kang-ho' \
        '그는 파르와니아에서 일했다.' \
        '그는 파르와니아에서 일했다.'
}

@test "leaks-over27: subject add refuses a pseudonym the audit reads as a form of the subject's own name (D-25)" {
    run -2 st field subject add --name "Батбаярын Алтангэрэл" --name Altangerel --pseudonym Bat
    [ "$output" = "intake: pseudonym 'Bat' is taken or matches a real name in the store; choose another" ]
    run -2 st field subject add --name "Батбаярын Алтангэрэл" --pseudonym Altaa
    [ "$output" = "intake: pseudonym 'Altaa' is taken or matches a real name in the store; choose another" ]
    run -0 st field subject add --name "Батбаярын Алтангэрэл" --name Altangerel --pseudonym Sarnai
    [ "$output" = "Sarnai" ]
}
