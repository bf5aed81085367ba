#!/usr/bin/env bats
# Brief s24 attr24 (issue 12), end to end on the real binary, one test per
# kind: which subject a hit names in a store of two subjects (the closest
# form wins, a near name read through another script and a hit across a
# mask are a neutral [PERSON-n]), and English given names written in
# katakana and Chinese.  Replaced forms leave nothing at hq.  The full set
# of cases, with neighbours and guards: tests/data/leaks/attr24.jsonl
# (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-attr24: a hit names the subject whose form it is closest to, else a neutral placeholder" {
    st field subject add --name "Sarah Johnson" --pseudonym Helen >/dev/null
    redacts_to '--name "Kim Jong-su" --name 김종수 --locale ko --pseudonym Jina' \
        'Джонсон пришла. Jonson came. Jong-su stayed.' \
        'Helen пришла. [PERSON-1] came. Jina stayed.'
    strict_clean Джонсон Jonson Jong-su
}

@test "leaks-attr24: an English given name in katakana or Chinese is replaced" {
    redacts_to '--name "Sarah Johnson" --pseudonym Helen' \
        'サラが来た。セーラさん。莎拉来了。薩拉說。' \
        'Helenが来た。Helenさん。Helen来了。Helen說。'
    strict_clean サラ セーラ 莎拉 薩拉
}
