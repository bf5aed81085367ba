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

@test "B-17: the pseudonym is known only with the records that came with it: hq's own record naming Nari is flagged" {
    named "Kim Ji-yeon told me she crossed the river."
    st hq subject add --name "Choe Un-hui" --pseudonym Hana >/dev/null
    st hq consent Hana --export yes >/dev/null 2>&1
    H=$(printf 'Nari told me the guards slept.\n' | st hq record Hana --title Own --date 2024-04-01)
    run --separate-stderr st hq redact "$H" --report
    expect_status 1
    [ "$output" = "$(printf 'flag\tbody\t0\t4\tcontext-name\tunresolved\tNari')" ]
    run --separate-stderr st hq export --to partner --all -o "$W/h.bundle"
    expect_status 1
    [ "$stderr" = "intake: record $H (Hana) may not leave: 1 review flag unresolved (see 'intake redact --report'; protect with 'intake term add' or allow with 'intake allow')
intake: 1 record(s) may not leave; nothing was exported (--skip-blocked leaves them out)" ]
    # the device's record saying the same is not blocked
    run --separate-stderr st hq redact "$N" --report
    expect_status 0
}

@test "B-17: another subject's pseudonym the device wrote in a record is known with that record" {
    field_hq
    bora
    mkstore partner
    introduce hq partner
    O=$(printf 'Kim Ji-yeon told me the rest.\n' | st field record Bora --title "Named" --date 2024-03-17)
    run --separate-stderr st field redact "$O"
    expect_status 0
    [ "$output" = "Named

Nari told me the rest." ]
    to_hq "$W/1.bundle"
    run --separate-stderr st hq redact "$O" --report
    expect_status 0
    [ "$output" = "$(printf 'flag\tbody\t0\t4\tcontext-name\tallowed\tNari')" ]
    run --separate-stderr st hq export --to partner --all -o "$W/h.bundle"
    expect_status 0
}

@test "B-17: the audit calls a known pseudonym the sender's, not 'intake allow'" {
    named "Kim Ji-yeon told me she crossed the river."
    st hq export --to partner --all -o "$W/h.bundle" >/dev/null 2>&1
    run --separate-stderr st partner audit "$W/h.bundle"
    expect_status 0
    [[ "$output" == *"the sender's pseudonym, known with its record"* ]] || { printf '%s\n' "$output" >&2; return 1; }
    [[ "$output" != *"kept with 'intake allow'"* ]]
    st partner open "$W/h.bundle" --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
flags = [f for r in d["records"] for f in r["review"]]
assert {"field": "body", "start": 0, "length": 4, "kind": "context-name", "resolution": "allowed", "known": "pseudonym"} in flags, flags
'
}
