#!/usr/bin/env bats
# Brief s31 num31 (issue 12), end to end on the real binary: numbers and
# codes of places in other shapes (report-adv30 L-13, L-14, L-16):
# decimal-comma coordinates with four decimals after any word, what3words
# with other dots, labels and hyphens, Plus Codes with the area before
# them, spaces round the '+' or a Cyrillic label.  The full set of cases:
# tests/data/leaks/num31.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-num31: decimal-comma coordinates after an unlisted word go, prices stay (L-13)" {
    redacts_to '--name "Vera Ivanova" --pseudonym "Olga Lind"' \
        'Нас держали тут: 48,4647 35,0462. Хлеб 3,50 2,75.' \
        'Нас держали тут: [GPS-1]. Хлеб 3,50 2,75.'
}

@test "leaks-num31: what3words with a middle dot, and hyphens after w3w, go; a hyphenated word stays (L-14)" {
    redacts_to '--name "Vera Ivanova" --pseudonym "Olga Lind"' \
        '///filled·count·soap, w3w index-home-raft, a well-known place.' \
        '[GPS-1], w3w [GPS-2], a well-known place.'
}

@test "leaks-num31: a Plus Code with the area before it and one with a Ukrainian label go (L-16)" {
    redacts_to '--name "Vera Ivanova" --pseudonym "Olga Lind"' \
        'C 8GXV FGC2+QR. F плюс-код FGC2QR.' \
        'C [GPS-1]. F плюс-код [GPS-2].'
}
