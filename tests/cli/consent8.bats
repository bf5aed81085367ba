#!/usr/bin/env bats
# Issue 16, adv16 B-10 (brief f16c): every notice hq passes on reaches
# every copy held here, the way withdrawals do. A consent scope (an
# embargo, "attachments no", "quote no") and an attachment removal
# relayed by hq name their origin (content format 7) and reach the copy
# partner holds straight from field; field's own notice reaches the copy
# partner holds from hq (a route kept when field's copy was refused).

bats_require_minimum_version 1.5.0
load helpers
load consent

# p_scope: partner's consent scope of its one subject, "export quote
# publish attachments embargo".
p_scope() { scope_of partner embargo; }

# p_files ID: how many attachments partner holds for record ID.
p_files() {
    st partner show "$1" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["attachments"]))'
}

# twice_memo FIRST: as twice (consent.bash), with $W/memo.txt attached
# to $ID before it travels (Nari allows attachments).
twice_memo() {
    field_hq
    with_memo
    twice_routes "$1"
    [ "$(p_files "$ID")" = 1 ]
}

# relay: field told hq ($W/n.bundle, imported); hq passes it on to
# partner ($W/hn.bundle, not imported).
relay() {
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    st hq notify --to partner -o "$W/hn.bundle" >/dev/null 2>&1
}

@test "B-10: an embargo relayed by hq reaches the copy partner holds from field" {
    twice field
    st field consent Nari --embargo 2031-01-01 >/dev/null 2>&1
    relay
    run --separate-stderr st partner import "$W/hn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
1 subject(s) took the new consent scope their sender's notice carried (see 'intake subject show')" ]
    [ "$(p_scope)" = "yes no no no 2031-01-01" ]
}

@test "B-10: attachments no, relayed by hq, deletes the attachment partner holds from field" {
    twice_memo field
    st field consent Nari --attachments no >/dev/null 2>&1
    relay
    run --separate-stderr st partner import "$W/hn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
1 subject(s) took the new consent scope their sender's notice carried (see 'intake subject show'): attachments no, so 1 attachment(s) of their records were deleted here" ]
    [ "$(p_files "$ID")" = 0 ]
    [ "$(p_scope)" = "yes no no no None" ]
}

@test "B-10: an attachment removal relayed by hq reaches the copy partner holds from field; field's own is then acted on before" {
    twice_memo field
    st field attachment remove "$ID" memo.txt --yes >/dev/null 2>&1
    relay
    # the removal hq passes on names its origin (content format 7)
    st partner open "$W/hn.bundle" --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["header"]["format"] == "intake-content-7", d["header"]["format"]
n, = d["header"]["notices"]
assert n["kind"] == "removal" and n["origin"]["subject"] == sys.argv[1], n' "$UID_"
    run --separate-stderr st partner import "$W/hn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
1 notice(s) of an attachment removed at the source acted on: 1 attachment(s) deleted" ]
    [ "$(p_files "$ID")" = 0 ]
    st field notify --to partner -o "$W/fn.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/fn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) acted on before; nothing changed by them" ]
}

@test "B-10: field's own quote no reaches the copy partner holds from hq (field's copy was refused)" {
    twice hq
    st field consent Nari --quote yes >/dev/null 2>&1
    st field consent Nari --quote no >/dev/null 2>&1
    st field notify --to partner -o "$W/fn.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/fn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 subject(s) took the new consent scope their sender's notice carried (see 'intake subject show')" ]
    [ "$(p_scope)" = "yes no no no None" ]
}

@test "B-10: field's own attachment removal reaches the copy partner holds from hq" {
    twice_memo hq
    st field attachment remove "$ID" memo.txt --yes >/dev/null 2>&1
    st field notify --to partner -o "$W/fn.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/fn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of an attachment removed at the source acted on: 1 attachment(s) deleted" ]
    [ "$(p_files "$ID")" = 0 ]
}

# corrected: partner got $ID (version 1) from field ($W/f1.bundle); field
# edited it (version 2) and sent it to hq ($W/v2.bundle, imported); hq
# passes it on to partner ($W/h2.bundle, not imported). $W/h1.bundle:
# hq's version 1 for partner, not imported.
corrected() {
    field_hq
    mkstore partner
    introduce hq partner
    introduce field partner
    to_hq "$W/1.bundle"
    st field export --to partner --all -o "$W/f1.bundle" >/dev/null 2>&1
    st partner import "$W/f1.bundle" >/dev/null
    st hq export --to partner --all -o "$W/h1.bundle" >/dev/null 2>&1
    printf 'Kim Ji-yeon spoke about the river.\n' | st field record edit "$ID" >/dev/null 2>&1
    st field export --to hq --not-sent-to hq -o "$W/v2.bundle" >/dev/null 2>&1
    st hq import "$W/v2.bundle" >/dev/null
    st hq export --to partner --all -o "$W/h2.bundle" >/dev/null 2>&1
}

# p_body ID: the body partner holds for record ID.
p_body() {
    st partner show "$1" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["body"], end="")'
}

@test "B-3: a correction hq passes on replaces the copy partner got from field" {
    corrected
    run --separate-stderr st partner import "$W/h2.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
1 record replaced by its newer version (the old text is gone)" ]
    [ "$(p_body "$ID")" = "Nari spoke about the river." ]
    # field's own version 2 is then here already; its withdrawal still reaches the copy
    st field export --to partner --not-sent-to partner -o "$W/f2.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/f2.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 1 already here" ]
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to partner -o "$W/fn.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/fn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    [ -z "$(st partner list)" ]
}

@test "B-3: an older version passed on by hq is still refused, and the newer text stays" {
    corrected
    st field export --to partner --not-sent-to partner -o "$W/f2.bundle" >/dev/null 2>&1
    st partner import "$W/f2.bundle" >/dev/null
    import_refused partner "the bundle holds record $ID, which this store already has from elsewhere: refused (1 record(s) refused in all); no record of the bundle was imported" "$W/h1.bundle" \
        "imported 0 record(s) and 0 attachment(s) from hq; 0 already here"
    [ "$(p_body "$ID")" = "Nari spoke about the river." ]
}
