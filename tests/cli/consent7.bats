#!/usr/bin/env bats
# Issue 16, what is owed and what was sent, by key and by content (brief
# f16a; adv16 B-4, B-4b, B-4c, B-6, B-1, B-12): a contact's key replaced
# (or removed and added) keeps its debts, and the new key holds nothing;
# export --not-sent-to sends a record whose output changed since it went.

bats_require_minimum_version 1.5.0
load helpers
load consent

# new_hq: field's contact hq gets the card of another store, newhq (a
# reinstalled hq), with --replace, after $ID went to the first hq.
new_hq() {
    field_hq
    to_hq "$W/1.bundle"
    mkstore newhq
    st newhq contact add field "$(st field card)" >/dev/null 2>&1
    OLDCARD=$(st hq card)
    OLDFP=$(st field contact show hq | sed -n 's/^fingerprint: *//p')
    run --separate-stderr st field contact add hq "$(st newhq card)" --replace
}

@test "replace: the warning names the earlier key and what it holds; --not-sent-to sends everything to the new key" {
    new_hq
    expect_status 0
    [ "$stderr" = "intake: added contact 'hq' (unverified: compare the safety number with 'intake contact verify hq')
intake: warning: the key 'hq' had before (fingerprint $OLDFP) received 1 record(s): notices about them stay owed to that key (see 'intake exports'); the new key holds none of them ('intake export --to hq --not-sent-to hq' sends them)" ]
    run --separate-stderr st field export --to hq --not-sent-to hq -o "$W/n1.bundle"
    expect_status 0
    [ "${stderr##*$'\n'}" = "intake: exported 1 record(s) to hq" ]
    run --separate-stderr st newhq import "$W/n1.bundle"
    expect_status 0
    [ "$output" = "imported 1 record(s) and 0 attachment(s) from field (contact not verified); 0 already here" ]
    # Now it is there: nothing more is owed.
    run --separate-stderr st field export --to hq --not-sent-to hq -o "$W/n2.bundle"
    expect_status 2
    [ "${stderr##*$'\n'}" = "intake: no record passes the filters; no bundle was written" ]
}

@test "replace: a withdrawal is owed to both keys; exports and notify agree; the earlier key's notice is sent by adding its card under another name" {
    new_hq
    st field export --to hq --not-sent-to hq -o "$W/n1.bundle" >/dev/null 2>&1
    st newhq import "$W/n1.bundle" >/dev/null
    run --separate-stderr st field consent Nari --withdraw
    expect_status 0
    [ "${stderr##*$'\n'}" = "intake: hq received these records before: 2 notice(s) to them are now due (see 'intake exports')" ]
    run --separate-stderr st field exports
    expect_status 0
    [[ "$stderr" == *"intake: notice not yet sent to the key hq had before its card was replaced: withdrawal of consent of subject Nari, due since "*"
intake: to send it, add the earlier card (fingerprint $OLDFP) as a contact under another name and run 'intake notify --to' that name: the new key's store never had these records
intake: notice not yet sent to hq: withdrawal of consent of subject Nari, due since "* ]]
    [ "$(grep -c 'notice not yet sent' <<<"$stderr")" = 2 ]
    # notify --to hq sends the new key's, which deletes newhq's copy.
    st field notify --to hq -o "$W/nn.bundle" >/dev/null 2>&1
    run --separate-stderr st newhq import "$W/nn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field (contact not verified); 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    # The earlier key's is still owed, and notify says where it is.
    run --separate-stderr st field notify --to hq -o "$W/nn2.bundle"
    expect_status 2
    [ "${stderr##*$'\n'}" = "intake: no new notice is owed to hq (1 were sent before, not acknowledged: --resend sends them again); no bundle was written" ]
    st field contact add oldhq "$OLDCARD" >/dev/null 2>&1
    st field notify --to oldhq -o "$W/old.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/old.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    run --separate-stderr st field exports
    ! grep -q 'not yet sent' <<<"$stderr" || false
}

@test "replace: with only the earlier key owed, notify --to NAME says so (exports and notify agree)" {
    new_hq
    st field consent Nari --withdraw >/dev/null 2>&1
    run --separate-stderr st field notify --to hq -o "$W/nn.bundle"
    expect_status 2
    [ "${stderr##*$'\n'}" = "intake: no notice is owed to hq's present key; 1 are owed to a key it had before (see 'intake exports'); no bundle was written" ]
    [ ! -e "$W/nn.bundle" ]
}

@test "replace: a scope notice (embargo) is owed to every key the subject's records went to" {
    new_hq
    st field export --to hq --not-sent-to hq -o "$W/n1.bundle" >/dev/null 2>&1
    st newhq import "$W/n1.bundle" >/dev/null
    run --separate-stderr st field consent Nari --embargo 2031-01-01
    expect_status 0
    run --separate-stderr st field exports --json
    expect_status 0
    [ "$(python3 -c 'import json,sys; print(sorted((n["notice"]["kind"], n["notice"]["contact"], n["notice"].get("key") or "-") for n in json.load(sys.stdin) if "notice" in n))' <<<"$output")" = "[('scope', 'hq', '-'), ('scope', 'hq', 'replaced')]" ]
    st field notify --to hq -o "$W/s.bundle" >/dev/null 2>&1
    run --separate-stderr st newhq import "$W/s.bundle"
    expect_status 0
    [ "${output##*$'\n'}" = "1 subject(s) took the new consent scope their sender's notice carried (see 'intake subject show')" ]
}

@test "remove: contact remove of a contact that received records warns; exports says how to send what it is owed" {
    field_hq
    to_hq "$W/1.bundle"
    FP=$(st field contact show hq | sed -n 's/^fingerprint: *//p')
    CARD=$(st hq card)
    run --separate-stderr st field contact remove hq
    expect_status 0
    [ "$stderr" = "intake: warning: contact 'hq' (fingerprint $FP) received 1 record(s): keep its card; notices about them (0 due now) are owed to it and can be sent only after 'intake contact add hq CARD' adds it again" ]
    st field consent Nari --withdraw >/dev/null 2>&1
    run --separate-stderr st field exports
    [[ "$stderr" == *"intake: notice not yet sent to hq (no longer a contact): withdrawal of consent of subject Nari, due since "*"
intake: to send it, add the removed contact's card again ('intake contact add') and run 'intake notify --to' that name" ]]
    run --separate-stderr st field notify --to hq -o "$W/nn.bundle"
    expect_status 2
    [ "$stderr" = "intake: no contact named 'hq' (see 'intake contact list')" ]
    st field contact add hq "$CARD" >/dev/null 2>&1
    st field notify --to hq -o "$W/nn.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/nn.bundle"
    expect_status 0
    [ "${output##*$'\n'}" = "1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
}

@test "remove + add with a new card: the new key holds nothing and is owed what its records make it owed; the earlier key keeps its own" {
    field_hq
    to_hq "$W/1.bundle"
    mkstore newhq
    st newhq contact add field "$(st field card)" >/dev/null 2>&1
    st field contact remove hq >/dev/null 2>&1
    st field contact add hq "$(st newhq card)" >/dev/null 2>&1
    run --separate-stderr st field export --to hq --not-sent-to hq -o "$W/n1.bundle"
    expect_status 0
    st newhq import "$W/n1.bundle" >/dev/null
    run --separate-stderr st field consent Nari --withdraw
    [ "${stderr##*$'\n'}" = "intake: hq received these records before: 2 notice(s) to them are now due (see 'intake exports')" ]
    run --separate-stderr st field exports
    [[ "$stderr" == *"intake: notice not yet sent to the key hq had before its card was replaced: withdrawal of consent of subject Nari, due since "*"
intake: to send it, add the earlier card as a contact under another name and run 'intake notify --to' that name: the new key's store never had these records"* ]]
}

@test "B-6: a protected term added after an export: --not-sent-to sends the record again, hq replaces its text; then nothing is owed" {
    field_hq
    to_hq "$W/1.bundle"
    st field term add other:border >/dev/null 2>&1
    # exports lists it as owed to hq, and --json says so too.
    run --separate-stderr st field exports
    expect_status 0
    [ "$stderr" = "intake: record $ID changed since it went to hq (a protected term, a pseudonym or an attachment): 'intake export --to hq --not-sent-to hq' sends it again" ]
    run --separate-stderr st field exports --json
    [ "$(python3 -c 'import json,sys; print([o["owed"] for o in json.load(sys.stdin) if "owed" in o])' <<<"$output")" = "[{'record': '$ID', 'contact': 'hq'}]" ]
    run --separate-stderr st field export --to hq --not-sent-to hq -o "$W/t.bundle"
    expect_status 0
    [ "${stderr##*$'\n'}" = "intake: exported 1 record(s) to hq" ]
    run --separate-stderr st hq import "$W/t.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 record replaced by its newer version (the old text is gone)" ]
    run --separate-stderr st hq show "$ID"
    [[ "$output" == *"[OTHER-1]"* ]]
    [[ "$output" != *"border."* ]]
    run --separate-stderr st field export --to hq --not-sent-to hq -o "$W/t2.bundle"
    expect_status 2
    [ "$stderr" = "intake: no record passes the filters; no bundle was written" ]
    run --separate-stderr st field exports
    [ -z "$stderr" ]
}

@test "B-6: a pseudonym renamed after an export travels with --not-sent-to; hq renames its subject" {
    field_hq
    to_hq "$W/1.bundle"
    st field subject rename Nari Mina >/dev/null 2>&1
    run --separate-stderr st field export --to hq --not-sent-to hq -o "$W/r.bundle"
    expect_status 0
    [ "${stderr##*$'\n'}" = "intake: exported 1 record(s) to hq" ]
    st hq import "$W/r.bundle" >/dev/null
    [[ "$(hq_subject)" == Mina@* ]]
    run --separate-stderr st field export --to hq --not-sent-to hq -o "$W/r2.bundle"
    expect_status 2
}

@test "B-1: an attachment added after an export travels with --not-sent-to; one removed makes the record owed again" {
    field_hq
    to_hq "$W/1.bundle"
    with_memo
    run --separate-stderr st field export --to hq --not-sent-to hq -o "$W/a.bundle"
    expect_status 0
    [ "${stderr##*$'\n'}" = "intake: exported 1 record(s) to hq" ]
    run --separate-stderr st hq import "$W/a.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 1 attachment(s) from field; 1 already here" ]
    [ "$(hq_attachments "$ID")" = 1 ]
    run --separate-stderr st field export --to hq --not-sent-to hq -o "$W/a2.bundle"
    expect_status 2
    st field attachment remove "$ID" memo.txt --yes >/dev/null 2>&1
    run --separate-stderr st field export --to hq --not-sent-to hq -o "$W/a3.bundle"
    expect_status 0
    st hq import "$W/a3.bundle" >/dev/null
    [ "$(hq_attachments "$ID")" = 0 ]
}

@test "B-1: a text attachment whose redaction changes (a term added) makes the record owed again" {
    field_hq
    st field consent Nari --attachments yes >/dev/null 2>&1
    printf 'met at the market\n' >"$W/note.txt"
    st field attach "$ID" "$W/note.txt" >/dev/null
    to_hq "$W/1.bundle"
    run --separate-stderr st field export --to hq --not-sent-to hq -o "$W/x.bundle"
    expect_status 2
    st field term add other:met >/dev/null 2>&1
    run --separate-stderr st field export --to hq --not-sent-to hq -o "$W/x.bundle"
    expect_status 0
    [ "${stderr##*$'\n'}" = "intake: exported 1 record(s) to hq" ]
}

@test "B-6: a record already at hq whose consent is withdrawn is not offered again (no block, nothing owed)" {
    field_hq
    bora
    to_hq "$W/1.bundle"
    st field term add other:spoke >/dev/null 2>&1
    st field consent Nari --withdraw >/dev/null 2>&1
    run --separate-stderr st field export --to hq --not-sent-to hq -o "$W/w.bundle"
    expect_status 0
    grep -qx "intake: exported 1 record(s) to hq" <<<"$stderr"
    # Bora's record went again (its text changed), Nari's did not.
    [ "$(st hq open "$W/w.bundle" --json 2>/dev/null | python3 -c 'import json,sys; print(" ".join(r["id"] for r in json.load(sys.stdin)["records"]))')" = "$B" ]
}

@test "B-12: a new subject given a renamed subject's old pseudonym: one --not-sent-to bundle carries both, hq imports both" {
    field_hq
    to_hq "$W/1.bundle"
    st field subject rename Nari Mina >/dev/null 2>&1
    st field subject add --name "Park Ji-won" --pseudonym Nari >/dev/null 2>&1
    st field consent Nari --export yes >/dev/null 2>&1
    N=$(printf 'A different person speaking.\n' | st field record Nari --title Other --date 2024-01-02)
    run --separate-stderr st field export --to hq --not-sent-to hq -o "$W/b.bundle"
    expect_status 0
    [ "${stderr##*$'\n'}" = "intake: exported 2 record(s) to hq" ]
    run --separate-stderr st hq import "$W/b.bundle"
    expect_status 0
    [ "$(st hq show "$ID" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["pseudonym"].split("@")[0])')" = Mina ]
    [ "$(st hq show "$N" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["pseudonym"].split("@")[0])')" = Nari ]
}

@test "B-12: the new subject's record alone (--subject): hq sets the renamed one aside under its stable id until its rename comes" {
    field_hq
    to_hq "$W/1.bundle"
    OLD=$(hq_subject)
    st field subject rename Nari Mina >/dev/null 2>&1
    st field subject add --name "Park Ji-won" --pseudonym Nari >/dev/null 2>&1
    st field consent Nari --export yes >/dev/null 2>&1
    N=$(printf 'A different person speaking.\n' | st field record Nari --title Other --date 2024-05-02)
    st field export --to hq --subject Nari --not-sent-to hq -o "$W/n.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/n.bundle"
    expect_status 0
    [ "$output" = "imported 1 record(s) and 0 attachment(s) from field; 0 already here" ]
    [ "$(st hq show "$ID" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["pseudonym"])')" = "$UID_@${OLD#*@}" ]
    # The rename, when it comes, names it.
    st field export --to hq --not-sent-to hq -o "$W/m.bundle" >/dev/null 2>&1
    st hq import "$W/m.bundle" >/dev/null
    [ "$(st hq show "$ID" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["pseudonym"])')" = "Mina@${OLD#*@}" ]
}
