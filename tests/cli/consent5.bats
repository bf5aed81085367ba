#!/usr/bin/env bats
# Issue 16, the last gaps (brief i16-rest): a deletion relayed by hq names
# its origin and reaches every copy a partner holds (content format 7);
# hq's own record delete keeps a tombstone; a restored backup does not
# move the device's consent counter back.

bats_require_minimum_version 1.5.0
load helpers
load consent

# origin_of FILE: the notices of bundle FILE as partner opens it, one a
# line: kind subject record origin-key origin-subject (- for none); the
# content format first.
origin_of() {
    st partner open "$1" --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["header"]["format"])
for n in d["header"]["notices"]:
    o = n.get("origin") or {}
    print(n["kind"], n["subject"], n["record"], o.get("key", "-"), o.get("subject", "-"))
'
}

# key_of STORE: its signing key in hex, as a bundle's signer.
key_of() {
    st "$1" export --to hq --all -o "$W/k.bundle" >/dev/null 2>&1 || true
    st hq open "$W/k.bundle" --json 2>/dev/null |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["sender"]["signing_key"])'
    rm -f "$W/k.bundle"
}

@test "origin: a record deleted on the device and relayed by hq deletes the copy partner holds from field; field's own notice was then acted on before" {
    twice field
    FKEY=$(key_of field)
    st field record delete "$ID" --yes >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    HUID=$(st hq subject show "$(hq_subject)" | sed -n 's/^subject id: //p')
    st hq notify --to partner -o "$W/hn.bundle" >/dev/null 2>&1
    # The notice hq passes on says whose deletion it is: field's, by its key and subject id.
    [ "$(origin_of "$W/hn.bundle")" = "intake-content-7
deletion $HUID $ID $FKEY $UID_" ]
    run --separate-stderr st partner import "$W/hn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    today=$(date -u +%F)
    run --separate-stderr st partner show "$ID"
    expect_status 2
    [ "$stderr" = "intake: record $ID was deleted at the source (notice from hq of $today); this store deleted it, with its attachments" ]
    # field's own notice, when it comes, changes nothing more.
    st field notify --to partner -o "$W/fn.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/fn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) acted on before; nothing changed by them" ]
    # Neither route brings it back.
    import_refused partner "the bundle holds record $ID, which its sender deleted (notice of $today): refused again (1 record(s) refused in all); the bundle was imported before, and nothing was added" "$W/f.bundle"
    import_refused partner "the bundle holds record $ID, which its sender deleted (notice of $today): refused again (1 record(s) refused in all); the bundle was imported before, and nothing was added" "$W/h.bundle"
}

@test "origin: a subject forgotten on the device and relayed by hq deletes partner's copies from field and the subject there" {
    twice field
    FKEY=$(key_of field)
    PS=$(st partner subject list --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["pseudonym"])')
    st field subject forget Nari --yes >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    st hq notify --to partner -o "$W/hn.bundle" >/dev/null 2>&1
    run origin_of "$W/hn.bundle"
    [ "${lines[0]}" = "intake-content-7" ]
    [[ "${lines[1]}" == "deletion "*" None $FKEY $UID_" ]]
    run --separate-stderr st partner import "$W/hn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    run --separate-stderr st partner show "$ID"
    expect_status 2
    run --separate-stderr st partner subject show "$PS"
    expect_status 2
    [ -z "$(st partner list)" ]
    # field's later bundle of that subject is refused, as field's own notice would have it.
    import_refused partner "the bundle holds record $ID, which its sender deleted (notice of $(date -u +%F)): refused again (1 record(s) refused in all); the bundle was imported before, and nothing was added" "$W/f.bundle"
}

@test "origin: a deletion the device sends itself names no origin (format 3) and deletes its own copy" {
    twice field
    # A deletion field made reaches partner from field itself: no origin, format 3.
    st field record delete "$ID" --yes >/dev/null 2>&1
    st field notify --to partner -o "$W/fn.bundle" >/dev/null 2>&1
    [ "$(origin_of "$W/fn.bundle" | head -n 1)" = "intake-content-3" ]
    [ "$(origin_of "$W/fn.bundle" | sed -n 2p | cut -d' ' -f4-)" = "- -" ]
    run --separate-stderr st partner import "$W/fn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
}

@test "local: hq's own record delete of an imported record keeps a tombstone: no sender brings it back, show and list say why, the partner hq sent it to deletes its copy" {
    via_partner
    st field export --to hq --all -o "$W/2.bundle" >/dev/null 2>&1
    run --separate-stderr st hq record delete "$ID" --yes
    expect_status 0
    today=$(date -u +%F)
    run --separate-stderr st hq show "$ID"
    expect_status 2
    [ -z "$output" ]
    [ "$stderr" = "intake: record $ID was deleted here (record delete of $today), with its attachments; this store will not import it again" ]
    run --separate-stderr st hq list
    expect_status 0
    [ -z "$output" ]
    [ "$stderr" = "intake: 1 imported record(s) were deleted here: a later bundle does not bring them back (see 'intake list --json')" ]
    [ "$(st hq list --json 2>/dev/null | python3 -c 'import json, sys; t = json.load(sys.stdin)[0]; print(t["id"], t["tombstone"]["kind"], t["tombstone"]["subject"], t["tombstone"]["sender"], t["tombstone"]["deleted"])')" = "$ID local $UID_ field True" ]
    # A later bundle from its sender, the first bundle again, a copy from another sender: all refused.
    hq_refused 1 "the bundle holds record $ID, which this store deleted (record delete of $today): a deleted record does not come back: refused (1 record(s) refused in all); no record of the bundle was imported" "$W/2.bundle"
    hq_refused 1 "the bundle holds record $ID, which this store deleted (record delete of $today): a deleted record does not come back: refused again (1 record(s) refused in all); the bundle was imported before, and nothing was added" "$W/1.bundle"
    hq_refused 1 "the bundle holds record $ID, which this store deleted (record delete of $today): a deleted record does not come back: refused (1 record(s) refused in all); no record of the bundle was imported" "$W/back.bundle"
    # hq's deletion travels to the partner hq sent the record to, as its own (no origin).
    st hq notify --to partner -o "$W/hn.bundle" >/dev/null 2>&1
    [ "$(origin_of "$W/hn.bundle" | head -n 1)" = "intake-content-3" ]
    run --separate-stderr st partner import "$W/hn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    run --separate-stderr st partner show "$ID"
    expect_status 2
    [ "$stderr" = "intake: record $ID was deleted at the source (notice from hq of $today); this store deleted it, with its attachments" ]
}

@test "local: a record of hq's own, deleted, keeps no tombstone (nothing to refuse) and list says nothing of it" {
    field_hq
    st hq subject add --name "Lee Min" --pseudonym Mira >/dev/null
    OWN=$(printf 'Lee Min spoke.\n' | st hq record Mira --title "Own" --date 2024-05-01)
    run --separate-stderr st hq record delete "$OWN" --yes
    expect_status 0
    run --separate-stderr st hq show "$OWN"
    expect_status 2
    [ "$stderr" = "intake: no record with id '$OWN' (see 'intake list')" ]
    run --separate-stderr st hq list
    expect_status 0
    [ -z "$stderr" ]
}

@test "restore: a consent recorded after restoring an older backup orders after what the device sent since the backup; hq takes the narrowing" {
    field_hq
    st field consent Nari --quote yes --publish yes >/dev/null 2>&1
    st field backup -o "$W/old.backup" >/dev/null 2>&1
    # After the backup: two more changes, sent to hq with the record.
    st field consent Nari --attachments yes >/dev/null 2>&1
    st field consent Nari --method verbal >/dev/null 2>&1
    to_hq "$W/1.bundle"
    [ "$(hq_scope)" = "yes yes yes yes" ]
    # The device is restored from the older backup, then the subject narrows.
    run --separate-stderr "$INTAKE" --passphrase-fd 3 restore "$W/old.backup" --home "$T/field2" 3<<<"$PASS"
    expect_status 0
    run --separate-stderr st field2 consent Nari --quote no
    expect_status 0
    st field2 export --to hq --all -o "$W/2.bundle" >/dev/null 2>&1
    # The narrowing carries a counter above every one sent before the restore.
    seq=$(st hq open "$W/2.bundle" --json 2>/dev/null | python3 -c 'import json, sys; print(json.load(sys.stdin)["records"][0]["consent"]["seq"])')
    [ "$seq" -eq 1000003 ]
    run --separate-stderr st hq import "$W/2.bundle"
    expect_status 0
    [ "$(hq_scope)" = "yes no yes no" ]
    # The next change counts on from there; a second restore raises the floor again.
    st field2 consent Nari --publish no >/dev/null 2>&1
    st field2 export --to hq --all -o "$W/3.bundle" >/dev/null 2>&1
    [ "$(st hq open "$W/3.bundle" --json 2>/dev/null | python3 -c 'import json, sys; print(json.load(sys.stdin)["records"][0]["consent"]["seq"])')" -eq 1000004 ]
    st field2 backup -o "$W/again.backup" >/dev/null 2>&1
    "$INTAKE" --passphrase-fd 3 restore "$W/again.backup" --home "$T/field3" 3<<<"$PASS" >/dev/null 2>&1
    st field3 consent Nari --quote yes >/dev/null 2>&1
    st field3 export --to hq --all -o "$W/4.bundle" >/dev/null 2>&1
    [ "$(st hq open "$W/4.bundle" --json 2>/dev/null | python3 -c 'import json, sys; print(json.load(sys.stdin)["records"][0]["consent"]["seq"])')" -eq 2000005 ]
}

@test "adv16 B-7: a restored device's unrelated narrowing never lifts a 'quote no' hq holds (a restore's jump in the counter narrows by what is held); restore warns how old the store is" {
    field_hq
    st field consent Nari --quote yes --publish yes >/dev/null 2>&1
    to_hq "$W/1.bundle"
    [ "$(hq_scope)" = "yes yes yes no" ]
    st field backup -o "$W/old.backup" >/dev/null 2>&1
    # After the backup the person forbids quoting; hq is told.
    st field consent Nari --quote no >/dev/null 2>&1
    st field notify --to hq -o "$W/q.bundle" >/dev/null 2>&1
    st hq import "$W/q.bundle" >/dev/null
    [ "$(hq_scope)" = "yes no yes no" ]
    # The laptop dies; restored from the older backup, it says how old it is.
    run --separate-stderr "$INTAKE" --passphrase-fd 3 restore "$W/old.backup" --home "$T/field2" 3<<<"$PASS"
    expect_status 0
    [[ "$stderr" == *"intake: warning: the store is as it was at "*" (its last entry): consent changes and withdrawals recorded after that are NOT in it; check each subject's consent ('intake subject show') with the person or your headquarters before you export"* ]]
    [ "$(printf '%s\n' "$stderr" | grep -c 'warning: the store is as it was at')" -eq 1 ]
    # The restored device still says quote yes; an unrelated narrowing...
    st field2 consent Nari --publish no >/dev/null 2>&1
    st field2 notify --to hq -o "$W/p.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/p.bundle"
    expect_status 0
    # ...narrows publish at hq and leaves quote no as it was.
    [ "$(hq_scope)" = "yes no no no" ]
}

@test "adv16 B-9: a conflict from a restored device says how out; the sender's next edit replaces hq's copy (no delete, no tombstone)" {
    field_hq
    to_hq "$W/1.bundle"
    st field backup -o "$W/old.backup" >/dev/null 2>&1
    printf 'Text A: the guards were awake.\n' | st field record edit "$ID" >/dev/null 2>&1
    st field export --to hq --all -o "$W/a.bundle" >/dev/null 2>&1
    st hq import "$W/a.bundle" >/dev/null
    "$INTAKE" --passphrase-fd 3 restore "$W/old.backup" --home "$T/field2" 3<<<"$PASS" >/dev/null 2>&1
    printf 'Text B: the guards slept.\n' | st field2 record edit "$ID" >/dev/null 2>&1
    st field2 export --to hq --all -o "$W/b.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/b.bundle"
    expect_status 1
    [ "$stderr" = "intake: the bundle holds record $ID at version 2 with other text than the same version here (a conflict: keep this copy, or have the sender edit the record again, which gives it a higher version that replaces this one): refused (1 record(s) refused in all); no record of the bundle was imported" ]
    [[ "$(st hq show "$ID")" == *"Text A"* ]]
    # The way out the message gives: the sender edits again.
    printf 'Text C: the guards slept, we crossed.\n' | st field2 record edit "$ID" >/dev/null 2>&1
    st field2 export --to hq --all -o "$W/c.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/c.bundle"
    expect_status 0
    [[ "$output" == *"1 record replaced by its newer version (the old text is gone)"* ]]
    [[ "$(st hq show "$ID")" == *"Text C"* ]]
}
