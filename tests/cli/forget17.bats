#!/usr/bin/env bats
# Report adv17b E-1, E-2: headquarters' own `subject forget` of an imported
# subject keeps the tombstones `record delete` keeps (no sender brings the
# records back), and a deletion notice that deletes nothing says so.

bats_require_minimum_version 1.5.0
load helpers
load consent

@test "E-1: hq's subject forget of an imported subject keeps tombstones: the device's next bundle and the first one again are refused" {
    field_hq
    ID2=$(printf 'A second talk.\n' | st field record Nari --title "Second" --date 2024-04-01)
    to_hq "$W/1.bundle"
    P=$(hq_subject)
    today=$(date -u +%F)
    run --separate-stderr st hq subject forget "$P" --yes
    expect_status 0
    st field export --to hq --all -o "$W/2.bundle" >/dev/null 2>&1
    hq_refused 1 "the bundle holds record $ID, which this store forgot with its subject (subject forget of $today): a forgotten record does not come back: refused (2 record(s) refused in all); no record of the bundle was imported" "$W/2.bundle"
    hq_refused 1 "the bundle holds record $ID, which this store forgot with its subject (subject forget of $today): a forgotten record does not come back: refused again (2 record(s) refused in all); the bundle was imported before, and nothing was added" "$W/1.bundle"
    [ -z "$(st hq list 2>/dev/null)" ]
    run --separate-stderr st hq list --json
    expect_status 0
    echo "$output" | python3 -c '
import json, sys
a = json.load(sys.stdin)
assert sorted(t["id"] for t in a) == sorted(sys.argv[1:3]), a
' "$ID" "$ID2"
    run st hq log --verify
    expect_status 0
}

@test "E-1: hq's subject forget keeps the records out when a partner hq sent them to sends them back" {
    via_partner
    P=$(hq_subject)
    today=$(date -u +%F)
    st hq subject forget "$P" --yes >/dev/null 2>&1
    hq_refused 1 "the bundle holds record $ID, which this store forgot with its subject (subject forget of $today): a forgotten record does not come back: refused (1 record(s) refused in all); no record of the bundle was imported" "$W/back.bundle"
}

@test "E-1: the device's own subject forget of its own subject keeps no tombstone (nothing of it was imported)" {
    field_hq
    st field subject forget Nari --yes >/dev/null 2>&1
    run --separate-stderr st field list --json
    expect_status 0
    [ "$output" = "[]" ]
}

@test "E-2: hq's deletion notice reaching a partner that holds the records from the device says nothing was deleted, never that the subject is marked" {
    twice field
    P=$(hq_subject)
    st hq subject forget "$P" --yes >/dev/null 2>&1
    st hq notify --to partner -o "$W/hn.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/hn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
1 notice(s) of deletion reached no record held here from their sender: nothing was deleted by them, and copies held here from another sender are kept" ]
    [ "$(st partner list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 1 ]
}
