#!/usr/bin/env bats
# Issue 16, adv16 B-17 (brief f16c): the pseudonyms a sender's redactor
# wrote are known at the next hop, not possible real names: hq's onward
# export of a record that names its subject by the device's pseudonym is
# not blocked; a real name in the same text still is.

bats_require_minimum_version 1.5.0
load helpers
load consent

# named TEXT: field records TEXT for Nari ($N), sends every record to
# hq ($W/1.bundle, imported); partner is hq's contact.
named() {
    field_hq
    mkstore partner
    introduce hq partner
    N=$(printf '%s\n' "$1" | st field record Nari --title "Named" --date 2024-03-16)
    to_hq "$W/1.bundle"
}

@test "B-17: hq passes on a record naming its subject by the device's pseudonym" {
    named "Kim Ji-yeon told me she crossed the river."
    run --separate-stderr st hq export --to partner --all -o "$W/h.bundle"
    expect_status 0
    [ "${stderr##*$'\n'}" = "intake: exported 2 record(s) to partner" ]
    run --separate-stderr st hq redact "$N" --report
    expect_status 0
    [ "$output" = "$(printf 'flag\tbody\t0\t4\tcontext-name\tallowed\tNari')" ]
    # partner knows it too: its own onward export is not blocked either
    st partner import "$W/h.bundle" >/dev/null
    run --separate-stderr st partner redact "$N" --report
    expect_status 0
    [ "$output" = "$(printf 'flag\tbody\t0\t4\tcontext-name\tallowed\tNari')" ]
}

@test "B-17: a real name the device allowed is still flagged at hq, beside the known pseudonym" {
    field_hq
    mkstore partner
    introduce hq partner
    N=$(printf 'Kim Ji-yeon told me Minho told me the rest.\n' | st field record Nari --title "Named" --date 2024-03-16)
    st field allow Minho >/dev/null 2>&1
    to_hq "$W/1.bundle"
    [ -n "$(st hq show "$N" 2>/dev/null)" ]
    hq_pn=$(hq_subject)
    run --separate-stderr st hq export --to partner --all -o "$W/h.bundle"
    expect_status 1
    [ "$stderr" = "intake: record $N ($hq_pn) may not leave: 1 review flag unresolved (see 'intake redact --report'; protect with 'intake term add' or allow with 'intake allow')
intake: 1 record(s) may not leave; nothing was exported (--skip-blocked leaves them out)" ]
    run --separate-stderr st hq redact "$N" --report
    expect_status 1
    [ "$output" = "$(printf 'flag\tbody\t0\t4\tcontext-name\tallowed\tNari\nflag\tbody\t13\t5\tcontext-name\tunresolved\tMinho')" ]
}
