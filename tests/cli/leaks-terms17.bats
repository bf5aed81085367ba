#!/usr/bin/env bats
# Brief s17 term17 (report-adv16a A-9, A-13, A-16), end to end on the real
# binary: a protected term of every category glued to digits in lower case,
# a capitalised term that is also a word (flagged on the word, replaced
# with its capital), a Hangul name with spaced separators between its
# syllables.  The full set of cases: tests/data/leaks/terms17.jsonl
# (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-terms17: a term of any category glued to digits in lower case is replaced; the audit passes (A-9)" {
    redacts_to '--name 김종수 --term place:Chongjin --term employer:Daewoo --term organisation:Hanwha --term other:Kestrel --locale ko --pseudonym Tulga' \
        'He wrote daewoo75 there, 75hanwha and 88chongjin, and kestrel88.' \
        'He wrote [EMPLOYER-1] there, [ORGANISATION-1] and [PLACE-1], and [OTHER-1].'
    exports_clean daewoo hanwha chongjin kestrel
    run st hq audit --strict "$W/b.bundle"
    [[ "$output" == *"residual-terms     PASS"* ]] || { printf '%s\n' "$output" >&2; false; }
}

@test "leaks-terms17: a capitalised employer that is a word is a name-or-word flag on the word; export waits (A-13)" {
    blocked '--name "Sara Pell" --term employer:Sunrise --locale en --pseudonym Tulga' \
        'We saw the sunrise over the hills.' name-or-word sunrise
}

@test "leaks-terms17: a capitalised term of any category is replaced with its capital (A-13)" {
    redacts_to '--name "Sara Pell" --term organisation:Hope --term other:Falcon --term person:Rose --locale en --pseudonym Tulga' \
        'She joined Hope; the Falcon group met; later Rose said no.' \
        'She joined [ORGANISATION-1]; the [OTHER-1] group met; later [PERSON-1] said no.'
}

@test "leaks-terms17: a term typed in lower case names the word itself (A-13 guard)" {
    redacts_to '--name "Sara Pell" --term employer:sunrise --locale en --pseudonym Tulga' \
        'We saw the sunrise.' 'We saw the [EMPLOYER-1].'
}

@test "leaks-terms17: a Hangul name with spaced separators between its syllables is the name (A-16)" {
    redacts_to '--name 김종수 --locale ko --pseudonym Chun-sik' \
        '어제 김 · 종 · 수 가 왔다. 김 / 종 / 수 와 김 ·종· 수.' \
        '어제 Chun-sik 가 왔다. Chun-sik 와 Chun-sik.'
    exports_clean 종
}
