#!/usr/bin/env bats
# Brief s35 hand35, item 3 (report-adv34 W-2), end to end on the real
# binary.  Decision on W-2: "Петровская" for Дарья Петрова stays refused.
# It is her family name's stem (Петров-) with another Slavic surname
# ending; a reader who knows "Петрова" links "Петровская" to her, unlike
# "Петренко" (accepted since hand34: another family's -enko surname) or
# "Лидия Петрук".  A refusal costs the user one more choice; an accepted
# pseudonym that points at the person cannot be taken back after export.
# (P-1..P-4 and W-1 are not done in this branch: see report-hand35.md.)

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "pseudonym-hand35: a surname of the name's stem with another ending is refused (W-2)" {
    local p
    for p in Петровская Petrovskaya; do
        run st field subject add --name "Дарья Петрова" --pseudonym "$p"
        refused "$p"
    done
}

@test "pseudonym-hand35: another family's surname beside it is accepted (W-2 guard)" {
    run -0 st field subject add --name "Дарья Петрова" --pseudonym "Петренко"
    [ "$output" = "Петренко" ]
    run -0 st field subject add --name "Дарья Петрова" --pseudonym "Лидия Петрук"
    [ "$output" = "Лидия Петрук" ]
}
