#!/usr/bin/env bats
# Brief s28 place28 (issue 12 kind 4; report-adv27a G-5, G-6, G-7, O-4,
# report-adv26a D-10, D-11, D-21, report-adv27c H-3), end to end on the
# real binary, one test per kind: an employer without its article; a
# country inside a registered city; a registered place's other names; a
# place in Chinese transcription; an employer in its Ukrainian cases and
# Latin spelling; a Ukrainian street address.  The full set of cases,
# with guards: tests/data/leaks/place28.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-place28: an employer without its article is replaced (H-3)" {
    st field term add 'employer:Al Noor General Trading' >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'Later he worked for Noor General Trading in the city.' \
        'Later he worked for [EMPLOYER-1] in the city.'
}

@test "leaks-place28: a country inside a registered city stays, the city goes (O-4)" {
    st field term add 'place:Kuwait City' >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'Kuwait is hot in summer. He lived in Kuwait City.' \
        'Kuwait is hot in summer. He lived in [PLACE-1].'
}

@test "leaks-place28: a registered place's other names are replaced (G-6, D-21)" {
    st field term add 'place:Kota Bharu' >/dev/null
    st field term add place:Shenyang >/dev/null
    st field term add place:Farwaniya >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'He came from Kota Baru. 他住在沈阳。 선양에서 살았다. 그는 파르와니아에서 일했다.' \
        'He came from [PLACE-1]. 他住在[PLACE-2]。 [PLACE-2]에서 살았다. 그는 [PLACE-3]에서 일했다.'
}

@test "leaks-place28: a place in Chinese transcription is replaced (D-10, D-11)" {
    st field term add place:Полтава >/dev/null
    st field term add 'place:Al Salmiya' >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        '他来自波尔塔瓦。他在萨尔米亚住了三年。他在法兰克福工作。' \
        '他来自[PLACE-1]。他在[PLACE-2]住了三年。他在法兰克福工作。'
}

@test "leaks-place28: an employer in its Ukrainian cases and Latin spelling is replaced (G-7)" {
    st field term add employer:Укрзалізниця >/dev/null
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'Він працював в Укрзалізниці. He worked for Ukrzaliznytsia.' \
        'Він працював в [EMPLOYER-1]. He worked for [EMPLOYER-1].'
}

@test "leaks-place28: a Ukrainian street address is replaced (G-5)" {
    redacts_to '--name "Margaret Wilson" --pseudonym Tulga' \
        'Він жив: вул. Шевченка, буд. 10. Він довго стояв на вулиці.' \
        'Він жив: [ADDRESS-1]. Він довго стояв на вулиці.'
}
