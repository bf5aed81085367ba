#!/usr/bin/env bats
# Issue 16 (report adv16b C-4 to C-8; branch w16): a record passed on names its origin
# (content format 7), so a withdrawal, deletion or scope of the device
# that made it reaches every copy a partner holds, whatever route each
# came by (field directly, hq, hq2), and a kept one refuses a copy from
# any route. Only the origin's own notice (or one passed on with its
# origin) acts: who may send a notice is unchanged.

bats_require_minimum_version 1.5.0
load helpers
load consent

# partner_subject: the pseudonym partner gave its one subject.
partner_subject() {
    st partner subject list --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["pseudonym"])'
}

# second: field records $ID2 for Nari, which reaches partner through hq
# only ($W/2.bundle to hq, $W/h2.bundle to partner).
second() {
    ID2=$(printf 'Kim Ji-yeon spoke about the second crossing.\n' |
          st field record Nari --title "Night" --date 2024-03-20)
    st field export --to hq --not-sent-to hq -o "$W/2.bundle" >/dev/null 2>&1
    st hq import "$W/2.bundle" >/dev/null
    st hq export --to partner --not-sent-to partner -o "$W/h2.bundle" >/dev/null 2>&1
    st partner import "$W/h2.bundle" >/dev/null
}

# crossed: field's bundle to partner ($W/f.bundle) and hq's ($W/h.bundle)
# are written, neither imported at partner.
crossed() {
    field_hq
    mkstore partner
    introduce hq partner
    introduce field partner
    with_memo
    to_hq "$W/1.bundle"
    st hq export --to partner --all -o "$W/h.bundle" >/dev/null 2>&1
    st field export --to partner --all -o "$W/f.bundle" >/dev/null 2>&1
}

# partner_scope: "export quote publish attachments" of partner's subject
# and the number of attachments $ID has there.
partner_scope() {
    st partner subject show "$(partner_subject)" --json | python3 -c '
import json, sys
c = json.load(sys.stdin)["consent"]
print(" ".join("yes" if c[k] else "no" for k in ("export", "quote", "publish", "attachments")), c.get("embargo"))'
    st partner show "$ID" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["attachments"]))'
}

@test "origin: hq's bundle names the record's origin (field's key and subject id); field's own records name none" {
    twice hq
    FKEY=$(st partner open "$W/f.bundle" --json 2>/dev/null | python3 -c 'import json, sys; print(json.load(sys.stdin)["sender"]["signing_key"])')
    st partner open "$W/h.bundle" --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["header"]["format"] == "intake-content-7", d["header"]["format"]
o = d["records"][0]["origin"]
assert o == {"key": sys.argv[1], "subject": sys.argv[2]}, o
' "$FKEY" "$UID_"
    st partner open "$W/f.bundle" --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert "origin" not in d["records"][0], d["records"][0]
'
}

@test "C-4: field's own withdrawal deletes every record of the subject partner holds, also the one that came only through hq; the subject is withdrawn there" {
    twice hq
    second
    PS=$(partner_subject)
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to partner -o "$W/n.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/n.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of withdrawal or deletion acted on: 2 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    run st partner show "$ID2"
    expect_status 2
    run st partner show "$ID"
    expect_status 2
    run st partner subject show "$PS"
    expect_status 0
    [[ "$output" == *"consent: withdrawn "* ]]
    [[ "$output" == *"may leave this store: no (consent was withdrawn on "* ]]
    # hq's copies do not come back either.
    import_refused partner "the bundle holds record $ID2, which this store deleted when its subject's consent was withdrawn (notice of $(date -u +%F) from field): it does not come back from another sender: refused again (1 record(s) refused in all); the bundle was imported before, and nothing was added" "$W/h2.bundle"
}

@test "C-4: partner's own record of hq's subject stays, but the withdrawn subject lets nothing leave" {
    twice hq
    second
    PS=$(partner_subject)
    OWN=$(printf 'A note of my own.\n' | st partner record "$PS" --title "Own" --date 2024-04-01)
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to partner -o "$W/n.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/n.bundle"
    expect_status 0
    [[ "$output" == *"2 record(s) and 0 attachment(s) deleted (see 'intake list')" ]]
    run st partner show "$OWN"
    expect_status 0
    mkstore hq2
    introduce partner hq2
    run --separate-stderr st partner redact "$OWN" --to hq2
    expect_status 1
}

@test "C-4: the same withdrawal passed on by hq2 (origin field) reaches the copies partner holds through hq" {
    twice hq
    second
    mkstore hq2
    introduce field hq2
    introduce hq2 partner
    st field export --to hq2 --all -o "$W/q.bundle" >/dev/null 2>&1
    st hq2 import "$W/q.bundle" >/dev/null
    st hq2 export --to partner --all -o "$W/hq2.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/hq2.bundle"
    expect_status 1
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq2 -o "$W/n2.bundle" >/dev/null 2>&1
    st hq2 import "$W/n2.bundle" >/dev/null
    st hq2 notify --to partner -o "$W/hn2.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/hn2.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq2; 0 already here
1 notice(s) of withdrawal or deletion acted on: 2 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    [ -z "$(st partner list 2>/dev/null)" ]
}

@test "C-5: field's record delete reaches the copy partner holds through hq (field's copy was refused as held from elsewhere)" {
    twice hq
    st field record delete "$ID" --yes >/dev/null 2>&1
    st field notify --to partner -o "$W/n.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/n.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    run st partner show "$ID"
    expect_status 2
    import_refused partner "the bundle holds record $ID, which this store deleted when it was deleted at the source (notice of $(date -u +%F) from field): it does not come back from another sender: refused again (1 record(s) refused in all); the bundle was imported before, and nothing was added" "$W/h.bundle"
}

@test "C-5: field's subject forget deletes every record partner holds of it, through hq too, and the subject" {
    twice hq
    second
    PS=$(partner_subject)
    st field subject forget Nari --yes >/dev/null 2>&1
    st field notify --to partner -o "$W/n.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/n.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of withdrawal or deletion acted on: 2 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    [ -z "$(st partner list 2>/dev/null)" ]
    run st partner subject show "$PS"
    expect_status 2
}

@test "C-8: field's withdrawal kept first refuses hq's copy when it comes; field's copy is refused too" {
    crossed
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to partner -o "$W/n.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/n.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of withdrawal or deletion about records not held here: kept, so that they are refused if they come" ]
    today=$(date -u +%F)
    import_refused partner "the bundle holds record $ID, whose subject's consent the device that made it withdrew (notice of $today from field): it does not come back by another route: refused (1 record(s) refused in all); no record of the bundle was imported" "$W/h.bundle"
    run st partner show "$ID"
    expect_status 2
    import_refused partner "the bundle holds record $ID, whose subject's consent its sender withdrew (notice of $today): refused (1 record(s) refused in all); no record of the bundle was imported" "$W/f.bundle"
}

@test "C-8: field's record delete kept first refuses hq's copy (and hq2's) when it comes" {
    crossed
    st field record delete "$ID" --yes >/dev/null 2>&1
    st field notify --to partner -o "$W/n.bundle" >/dev/null 2>&1
    st partner import "$W/n.bundle" >/dev/null
    import_refused partner "the bundle holds record $ID, which the device that made it deleted (notice of $(date -u +%F) from field): it does not come back by another route: refused (1 record(s) refused in all); no record of the bundle was imported" "$W/h.bundle"
    run st partner show "$ID"
    expect_status 2
}

@test "C-8: a withdrawal passed on by hq kept first refuses hq2's copy of the same record" {
    crossed
    mkstore hq2
    introduce field hq2
    introduce hq2 partner
    st field export --to hq2 --all -o "$W/q.bundle" >/dev/null 2>&1
    st hq2 import "$W/q.bundle" >/dev/null
    st hq2 export --to partner --all -o "$W/hq2.bundle" >/dev/null 2>&1
    st partner import "$W/h.bundle" >/dev/null
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    st hq notify --to partner -o "$W/hn.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/hn.bundle"
    expect_status 0
    [[ "$output" == *"1 record(s) and 1 attachment(s) deleted (see 'intake list')" ]]
    run --separate-stderr st partner import "$W/hq2.bundle"
    expect_status 1
    [ "$stderr" = "intake: the bundle holds record $ID, which this store deleted when its subject's consent was withdrawn (notice of $(date -u +%F) from hq): it does not come back from another sender: refused (1 record(s) refused in all); no record of the bundle was imported" ]
}

@test "C-6: a scope passed on by hq and kept pending is taken by field's own copy when it comes first" {
    crossed
    st field consent Nari --attachments no --quote no >/dev/null 2>&1
    st field notify --to hq -o "$W/s.bundle" >/dev/null 2>&1
    st hq import "$W/s.bundle" >/dev/null
    st hq notify --to partner -o "$W/hs.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/hs.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
1 notice(s) of a consent scope about a subject not held here: kept for its records, if they come" ]
    run --separate-stderr st partner import "$W/f.bundle"
    expect_status 0
    [ "$(partner_scope)" = "yes no no no None
0" ]
}

@test "C-7: field's own scope kept pending is taken by hq's copy when it comes first (embargo, attachments no)" {
    crossed
    st field consent Nari --attachments no --embargo 2031-03-03 >/dev/null 2>&1
    st field notify --to partner -o "$W/s.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/s.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of a consent scope about a subject not held here: kept for its records, if they come" ]
    run --separate-stderr st partner import "$W/h.bundle"
    expect_status 0
    [ "$(partner_scope)" = "yes no no no 2031-03-03
0" ]
    mkstore hq2
    introduce partner hq2
    run --separate-stderr st partner redact "$ID" --to hq2
    expect_status 1
}
