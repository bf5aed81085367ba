#!/usr/bin/env bats
# Brief s20 names20 (report-adv19a N-1, N-10, N-5, N-15), end to end on
# the real binary: a name spelled out letter by letter with its ending
# spelled out too, a Mongolian name and its short form in Hangul, and
# leetspeak symbols are replaced and leave nothing at hq (audit
# --strict); ordinary words of the same shapes stay.  The full set of
# cases: tests/data/leaks/names20.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-names20: a name spelled out with its particle or case ending spelled out too is replaced (N-1)" {
    redacts_to '--name 김종수 --name Алтангэрэл --name Болд --locale ko --pseudonym Vera' \
        '그날 종.수.가 왔다. 김.종.수.는 갔다. 종-수-를 봤다. A.l.t.a.n.g.e.r.e.l.i.i.n ah. Тэр Б.о.л.д.ы.н ах.' \
        '그날 Vera 왔다. Vera 갔다. Vera 봤다. Vera ah. Тэр Vera ах.'
    strict_clean '종.수' '종-수' 'A.l.t.a.n' 'Б.о.л.д'
    strict_audit_passes
}

@test "leaks-names20: a spelled-out word that only starts with a name stays (N-1 guard)" {
    redacts_to '--name "Bold Dorj" --locale en --pseudonym Vera' \
        'In B.o.l.d.l.y written letters. N.O.T.E.S. came.' \
        'In B.o.l.d.l.y written letters. N.O.T.E.S. came.'
}

@test "leaks-names20: a Mongolian name and its short form in Hangul are replaced (N-10)" {
    redacts_to '--name Батбаяр --name Алтангэрэл --locale mn --pseudonym Vera' \
        '바타가 왔다. 바트바야르는 갔다. 알탕게렐. 알타 씨가 말했다.' \
        'Vera가 왔다. Vera는 갔다. Vera. Vera 씨가 말했다.'
    strict_clean 바타 바트바야르 알탕게렐 알타
    strict_audit_passes
}

@test "leaks-names20: Korean words with a short form's sounds stay, no flag (N-10 guard)" {
    redacts_to '--name Батбаяр --name Алтангэрэл --locale mn --pseudonym Vera' \
        '바다가 보였다. 알타이 산맥을 넘었다.' \
        '바다가 보였다. 알타이 산맥을 넘었다.'
}

@test "leaks-names20: leetspeak symbols and a digit starting a hyphenated piece are read as letters (N-5)" {
    redacts_to '--name Batbayar --name "Kim Jong-su" --locale mn --pseudonym Vera' \
        'B@tbay@r came. K!m J0ng-5u came. Jong-$u left. It costs $5.' \
        'Vera came. Vera came. Vera left. It costs $5.'
    strict_clean 'B@tbay@r' 'K!m' 'J0ng' '$u'
    strict_audit_passes
}

@test "leaks-names20: allow refuses a short form of a registered name; export stays refused (N-15)" {
    blocked '--name Алтангэрэл --locale mn --pseudonym Vera' \
        'Тэр хүн бол Алтаа.' short-name Алтаа
    run --separate-stderr st field allow "Алтаа"
    expect_status 2
    [ "$stderr" = "intake: this text is a form of a registered name whose review flag stands where it may name the person, and cannot be allowed; nothing was changed" ]
    run --separate-stderr st field export --to hq --all -o "$W/x.bundle"
    expect_status 1
    [ ! -e "$W/x.bundle" ]
}
