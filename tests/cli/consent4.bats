#!/usr/bin/env bats
# Issue 16, the black-box round (brief i16-adv): the order of consent
# scopes is the subject's counter, not the device's clock (A1, A3); the
# scope held here governs every later import and open -o (A2); a record
# deleted here does not come back by another route (A4); an attachment
# removed at the source and added again is said to be left out (A7);
# an import that changes nothing logs nothing (A8); a notice about
# records not held here says so (A9).

bats_require_minimum_version 1.5.0
load helpers
load consent

@test "A1: a narrowing recorded while the device's clock runs behind reaches hq, by a notice or with a record, in either order" {
    needs_faketime
    field_hq
    st field consent Nari --quote yes >/dev/null 2>&1
    to_hq "$W/1.bundle"
    [ "$(hq_scope)" = "yes yes no no" ]
    # The clock set back a year: the narrowing is dated before the scope hq holds.
    faked "2025-01-01 00:00:00" field consent Nari --quote no >/dev/null 2>&1
    [[ "$(st field subject show Nari)" == *"consent: recorded 2025-01-01T00:00:0"*": export yes, quote no, publish no, attachments no"* ]]
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st field export --to hq --all -o "$W/2.bundle" >/dev/null 2>&1
    hq_save
    run --separate-stderr st hq import "$W/n.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 subject(s) took the new consent scope their sender's notice carried (see 'intake subject show')" ]
    [ "$(hq_scope)" = "yes no no no" ]
    # The bundle written before the narrowing, arriving after it: no change.
    run --separate-stderr st hq import "$W/1.bundle"
    expect_status 0
    [[ "$output" == "bundle "*" was imported before; nothing was added" ]]
    [ "$(hq_scope)" = "yes no no no" ]
    # The other route: the narrowing carried by the record's next bundle.
    hq_back
    run --separate-stderr st hq import "$W/2.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 1 already here
1 subject(s) took the new consent scope their sender's notice carried (see 'intake subject show')" ]
    [ "$(hq_scope)" = "yes no no no" ]
    [ "$(st hq open "$W/2.bundle" --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["header"]["format"], d["records"][0]["consent"]["seq"])')" = "intake-content-6 3" ]
}

@test "A3: two consents recorded in the same second are ordered by the counter, whatever order their bundles arrive in" {
    needs_faketime
    field_hq
    faked "2026-06-01 10:00:00" field consent Nari --quote yes --publish yes >/dev/null 2>&1
    faked "2026-06-01 10:00:00" field export --to hq --all -o "$W/wide.bundle" >/dev/null 2>&1
    faked "2026-06-01 10:00:00" field consent Nari --publish no >/dev/null 2>&1
    faked "2026-06-01 10:00:00" field export --to hq --all -o "$W/narrow.bundle" >/dev/null 2>&1
    hq_save
    st hq import "$W/narrow.bundle" >/dev/null
    st hq import "$W/wide.bundle" >/dev/null
    [ "$(hq_scope)" = "yes yes no no" ]
    hq_back
    st hq import "$W/wide.bundle" >/dev/null
    [ "$(hq_scope)" = "yes yes yes no" ]
    st hq import "$W/narrow.bundle" >/dev/null
    [ "$(hq_scope)" = "yes yes no no" ]
}

@test "A2: attachments no held here governs an older bundle that arrives later, as a new record or one here already, and open -o" {
    field_hq
    with_memo
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    st field export --to hq --all -o "$W/2.bundle" >/dev/null 2>&1
    st field consent Nari --attachments no >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    hq_save
    # The notice first (the subject not here yet), then the older bundle.
    run --separate-stderr st hq import "$W/n.bundle"
    expect_status 0
    [[ "$output" == *"1 notice(s) of a consent scope about a subject not held here: kept for its records, if they come" ]]
    run --separate-stderr st hq import "$W/1.bundle"
    expect_status 0
    [ "$output" = "imported 1 record(s) and 0 attachment(s) from field; 0 already here
1 attachment(s) left out: the consent scope held here for their subject says attachments no (see 'intake subject show')" ]
    [ "$(hq_attachments "$ID")" = 0 ]
    [ "$(hq_scope)" = "yes no no no" ]
    # open -o of the other older bundle: no attachment file, and it says so.
    run --separate-stderr st hq open "$W/2.bundle" -o "$W/out"
    expect_status 0
    [[ "$stderr" == *"intake: warning: 1 attachment(s) of record $ID were left out of $W/out: the consent scope held here for its subject says attachments no"* ]]
    [ "$(cd "$W/out" && ls | sort | tr '\n' ' ')" = "$(printf '%s\n' "$ID.json" "$ID.md" bundle.json | sort | tr '\n' ' ')" ]
    ! grep -q "attachment:" "$W/out/$ID.md" || false
    # The other order: the record with its attachment, the notice, an older bundle.
    hq_back
    st hq import "$W/1.bundle" >/dev/null
    run --separate-stderr st hq import "$W/n.bundle"
    expect_status 0
    [[ "$output" == *"attachments no, so 1 attachment(s) of their records were deleted here" ]]
    run --separate-stderr st hq import "$W/2.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 1 already here
1 attachment(s) left out: the consent scope held here for their subject says attachments no (see 'intake subject show')" ]
    [ "$(hq_attachments "$ID")" = 0 ]
}

@test "A4: a record hq deleted on a withdrawal does not come back from a partner, the first time or again" {
    via_partner
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    msg="the bundle holds record $ID, which this store deleted when its subject's consent was withdrawn (notice of $(date -u +%F) from field): it does not come back from another sender"
    hq_refused 1 "$msg: refused (1 record(s) refused in all); no record of the bundle was imported" "$W/back.bundle"
    hq_refused 1 "$msg: refused (1 record(s) refused in all); no record of the bundle was imported" "$W/back.bundle"
    run st hq show "$ID"
    expect_status 2
}

@test "A4: a record hq deleted on a deletion notice does not come back from a partner; one hq holds stays refused as held from elsewhere" {
    via_partner
    st field record delete "$ID" --yes >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    hq_refused 1 "the bundle holds record $ID, which this store deleted when it was deleted at the source (notice of $(date -u +%F) from field): it does not come back from another sender: refused (1 record(s) refused in all); no record of the bundle was imported" "$W/back.bundle"
}

@test "A7: an attachment removed at the source and added again is left out at hq, and the import says why" {
    field_hq
    with_memo
    to_hq "$W/1.bundle"
    st field attachment remove "$ID" memo.txt --yes >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    st field attach "$ID" "$W/memo.txt" >/dev/null
    st field export --to hq --all -o "$W/2.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/2.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 1 already here
1 attachment(s) left out: removed at the source before (a removal notice reached this store); an attachment removed does not come back
1 notice(s) acted on before; nothing changed by them" ]
}

@test "A8: an import that changes nothing logs nothing; an attachment added to a record here is logged" {
    field_hq
    st field consent Nari --attachments yes >/dev/null 2>&1
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    st field export --to hq --all -o "$W/2.bundle" >/dev/null 2>&1
    st hq import "$W/1.bundle" >/dev/null
    [ "$(st hq log --json | python3 -c 'import json,sys; print(sum(1 for x in json.load(sys.stdin) if x["action"].startswith("import")))')" = 1 ]
    n=$(st hq log --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
    run --separate-stderr st hq import "$W/2.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 1 already here" ]
    [ "$(st hq log --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = "$n" ]
    printf 'a note\n' >"$W/memo.txt"
    st field attach "$ID" "$W/memo.txt" >/dev/null
    st field export --to hq --all -o "$W/3.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/3.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 1 attachment(s) from field; 1 already here" ]
    [ "$(st hq log --json | python3 -c 'import json,sys; print([(x["action"], x["object"]) for x in json.load(sys.stdin)][-1])')" = "('import.attachment', '$ID')" ]
}

@test "A9: a withdrawal about records hq never held is kept and says so; the lost bundle is then refused" {
    field_hq
    st field export --to hq --all -o "$W/lost.bundle" >/dev/null 2>&1
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/n.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of withdrawal or deletion about records not held here: kept, so that they are refused if they come" ]
    hq_refused 1 "the bundle holds record $ID, whose subject's consent its sender withdrew (notice of $(date -u +%F)): refused (1 record(s) refused in all); no record of the bundle was imported" "$W/lost.bundle"
    # Acted on before: the same notice again changes nothing.
    st field notify --to hq --resend -o "$W/n2.bundle" >/dev/null 2>&1 || skip "no --resend"
    run --separate-stderr st hq import "$W/n2.bundle"
    expect_status 0
    [[ "$output" == *"1 notice(s) acted on before; nothing changed by them" ]]
}

@test "A10: a record received from hq and again from field is deleted by field's own withdrawal" {
    twice hq
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to partner -o "$W/n.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/n.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    run st partner show "$ID"
    expect_status 2
    # It does not come back by either route.
    run --separate-stderr st partner import "$W/h.bundle"
    expect_status 1
    [ "$stderr" = "intake: the bundle holds record $ID, which this store deleted when its subject's consent was withdrawn (notice of $(date -u +%F) from field): it does not come back from another sender: refused again (1 record(s) refused in all); the bundle was imported before, and nothing was added" ]
}

@test "A10: a record received from field and again from hq is deleted by the withdrawal hq passes on" {
    twice field
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    st hq notify --to partner -o "$W/hn.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/hn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    run st partner show "$ID"
    expect_status 2
}

@test "A10: a deletion (not a withdrawal) from the second sender, who did not make the record, reaches only its own copies" {
    twice field
    # hq deletes its own copy of field's record: that says nothing of the copy partner holds from field.
    st hq record delete "$ID" --yes >/dev/null 2>&1
    st hq notify --to partner -o "$W/n.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/n.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
1 notice(s) of withdrawal or deletion name records or subjects this store holds from another sender: not acted on (a notice reaches only what its own sender sent here)" ]
    run st partner show "$ID"
    expect_status 0
}

@test "A10 (C-5): a deletion from the second sender that made the record (field) reaches the copy partner holds from hq" {
    twice hq
    st field record delete "$ID" --yes >/dev/null 2>&1
    st field notify --to partner -o "$W/n.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/n.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    run st partner show "$ID"
    expect_status 2
}
