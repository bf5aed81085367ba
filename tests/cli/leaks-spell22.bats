#!/usr/bin/env bats
# Brief s22 spell22 (report-adv21 A-7, A-8; issue 12), end to end on the
# real binary: a name spelled letter by letter with any separator, a name
# spelled by the letters' names (English, NATO, Russian, Korean), and a
# name in leetspeak with several or multi-character substitutions are
# replaced, and nothing of them reaches hq.  One test per kind; the full
# set of cases, with other forms of each kind and the negative ones:
# tests/data/leaks/spell22.jsonl (test_leaks_names) and
# tests/data/leaks/spell22-detect.jsonl (test_leaks_detect).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-spell22: a name spelled letter by letter with commas, hyphens or full stops is replaced (A-7)" {
    redacts_to '--name "Batbayar Dorj" --pseudonym Tuul' \
        'Dorj is spelled D, O, R, J. Also B-a-t.b-a-y.a-r.' \
        'Tuul is spelled Tuul. Also Tuul.'
    strict_clean 'D, O' 'B-a-t'
}

@test "leaks-spell22: a name spelled by the letters' names is replaced (A-7)" {
    redacts_to '--name "Sarah Whitfield" --pseudonym Helen' \
        'Her surname is Whiskey Hotel India Tango Foxtrot India Echo Lima Delta, double-u aitch eye tee eff eye ee ell dee.' \
        'Her surname is Helen, Helen.'
}

@test "leaks-spell22: a name in leetspeak with several substitutions is replaced (A-8)" {
    redacts_to '--name "Наталья Петрова" --name "Natalya Petrova" --pseudonym Irina' \
        'P3tr0v@ came. Нат@лья Петр0ва пришла. N4t4ly4 |-|ere.' \
        'Irina came. Irina пришла. Irina |-|ere.'
}
