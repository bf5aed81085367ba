#!/usr/bin/env bats
# report-adv15 R-7, R-9, R-3 (brief s15 r15), end to end on the real binary:
# a registered id with any punctuation/symbol between its parts, a Korean
# name split by any punctuation/symbol run, a place term glued to digits or
# a Mongolian administrative word; then export and the audit at
# headquarters.  The full set of cases: tests/data/leaks/seps15.jsonl
# (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-seps15: an id with any separator class, a Korean name split by any mark run and a place glued to digits or sum are replaced, and the audit agrees (adv15 R-7, R-9, R-3)" {
    redacts_to "--name 한지숙 --locale ko --term id:MX-77-4410 --term place:Khovd --pseudonym Hui-il" \
        'MX/77/4410 and MX#77#4410. 한#지#숙 씨, 한★지★숙 씨. Khovdsum, Khovd2019 and 2019Khovd.' \
        '[ID-1] and [ID-1]. Hui-il 씨, Hui-il 씨. [PLACE-1], [PLACE-1] and [PLACE-1].'
    exports_clean 4410 "77#" 지 Khovd
}
