#!/usr/bin/env bats
# Issue 16, continued from consent.bats: headquarters acts on the notices
# a device sends (tombstones), onward to a partner; narrowed scopes; open -o.

bats_require_minimum_version 1.5.0
load helpers
load consent

# ---- headquarters acts on notices (issue 16: tombstones) ----

@test "hq: a withdrawal crosses two bundles: records and attachments deleted, a tombstone shown by show, list and subject show; the first bundle is refused after" {
    field_hq
    st field consent Nari --attachments yes >/dev/null 2>&1
    echo "voice memo" >"$W/memo.txt"
    st field attach "$ID" "$W/memo.txt" >/dev/null
    ID2=$(printf 'A second talk.\n' | st field record Nari --title "Second" --date 2024-04-01)
    to_hq "$W/1.bundle"
    P=$(hq_subject)
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/n.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of withdrawal or deletion acted on: 2 record(s) and 1 attachment(s) deleted (see 'intake list')" ]
    today=$(date -u +%F)
    # show: exit 2, one line saying what happened, when, by whom.
    run --separate-stderr st hq show "$ID"
    expect_status 2
    [ -z "$output" ]
    [ "$stderr" = "intake: record $ID was withdrawn at the source: its subject's consent was withdrawn (notice from field of $today); this store deleted it, with its attachments" ]
    run --separate-stderr st hq attachment get "$ID" attachment-1.txt -o "$W/got"
    expect_status 2
    # list: no record; stderr counts the removed ones; --json has the tombstones.
    run --separate-stderr st hq list
    expect_status 0
    [ -z "$output" ]
    [ "$stderr" = "intake: 2 record(s) were deleted by notices from their senders (see 'intake list --json')" ]
    run --separate-stderr st hq list --json
    expect_status 0
    echo "$output" | python3 -c '
import json, sys
a = json.load(sys.stdin)
ids = sorted(t["id"] for t in a)
assert ids == sorted(sys.argv[1:3]), ids
for t in a:
    ts = t["tombstone"]
    assert ts["kind"] == "withdrawal" and ts["day"] == sys.argv[3] and ts["sender"] == "field", ts
    assert ts["subject"] == sys.argv[4] and ts["deleted"] is True, ts
' "$ID" "$ID2" "$today" "$UID_"
    # subject show: withdrawn, and may not leave.
    run st hq subject show "$P"
    expect_status 0
    [[ "$output" == *"records: 0"* ]]
    [[ "$output" == *"consent: withdrawn "* ]]
    [[ "$output" == *"withdrawn at the source (notice from field of $today)"* ]]
    [[ "$output" == *"may leave this store: no (consent was withdrawn on "* ]]
    # logged, and the log still verifies.
    [[ "$(st hq log)" == *"import.withdrawal"*"$UID_"* ]]
    run st hq log --verify
    expect_status 0
    # The first bundle again: refused, nothing of it comes back.
    hq_refused 1 "the bundle holds record $ID, whose subject's consent its sender withdrew (notice of $today): refused again (2 record(s) refused in all); the bundle was imported before, and nothing was added" "$W/1.bundle"
    # The notice again: acted on before, nothing changed.
    run --separate-stderr st hq import "$W/n.bundle"
    expect_status 0
    [[ "$output" == *"was imported before; nothing was added" ]]
}

@test "hq: a record delete and a subject forget at the source delete hq's copies; show says so; neither comes back" {
    field_hq
    ID2=$(printf 'A second talk.\n' | st field record Nari --title "Second" --date 2024-04-01)
    bora
    to_hq "$W/1.bundle"
    P=$(st hq subject list --json | python3 -c 'import json, sys; print([s["pseudonym"] for s in json.load(sys.stdin) if s["pseudonym"].startswith("Bora@")][0])')
    st field record delete "$ID2" --yes >/dev/null 2>&1
    st field subject forget Bora --yes >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/n.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
2 notice(s) of withdrawal or deletion acted on: 2 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    today=$(date -u +%F)
    run --separate-stderr st hq show "$ID2"
    expect_status 2
    [ "$stderr" = "intake: record $ID2 was deleted at the source (notice from field of $today); this store deleted it, with its attachments" ]
    run --separate-stderr st hq show "$B"
    expect_status 2
    [ "$stderr" = "intake: record $B was deleted at the source (notice from field of $today); this store deleted it, with its attachments" ]
    # The first record of Nari stays; the forgotten subject is gone at hq too.
    [ "$(st hq list | cut -f1)" = "$ID" ]
    run --separate-stderr st hq subject show "$P"
    expect_status 2
    [[ "$(st hq log)" == *"import.deletion"*"$ID2"* ]]
    st hq log --verify >/dev/null
    hq_refused 1 "the bundle holds record $B, which its sender deleted (notice of $today): refused again (2 record(s) refused in all); the bundle was imported before, and nothing was added" "$W/1.bundle"
    [ "$(st hq list | cut -f1)" = "$ID" ]
}

@test "hq: a notice from another contact does not touch the first sender's records" {
    field_hq
    mkstore other
    introduce other hq
    to_hq "$W/1.bundle"
    # "other" gives one of its subjects field's subject id by copying field's
    # store: same ids, another key. Simpler and as strong: other sends a
    # record of its own, then withdraws it; its notice names its own ids only.
    st other subject add --name "Choe" --pseudonym Mina >/dev/null
    st other consent Mina --export yes >/dev/null 2>&1
    O=$(printf 'Other testimony.\n' | st other record Mina --title "Other" --date 2024-05-01)
    st other export --to hq --all -o "$W/o.bundle" >/dev/null 2>&1
    st hq import "$W/o.bundle" >/dev/null
    st other consent Mina --withdraw >/dev/null 2>&1
    st other notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/n.bundle"
    expect_status 0
    [[ "$output" == *"1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]]
    [ "$(st hq list | cut -f1)" = "$ID" ]
    run st hq show "$ID"
    expect_status 0
}

@test "hq: a notice signed by another contact, naming the first sender's subject and record ids, deletes nothing of the first sender's" {
    TOOLS=$(tools_dir)
    [ -x "$TOOLS/forge" ] || skip "no forge tool (make builds it)"
    field_hq
    mkstore other
    introduce other hq
    to_hq "$W/1.bundle"
    st field consent Nari --withdraw >/dev/null 2>&1
    st field record delete "$ID" --yes >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    # The same notices (field's ids), signed by "other".
    "$TOOLS/forge" "$T/other" "$T/hq" "$W/n.bundle" resign "$W/forged.bundle" 3<<<"$PASS"
    run --separate-stderr st hq import "$W/forged.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from other; 0 already here
2 notice(s) of withdrawal or deletion name records or subjects this store holds from another sender: not acted on (a notice reaches only what its own sender sent here)" ]
    run st hq show "$ID"
    expect_status 0
    [[ "$output" == *"title: Border crossing"* ]]
    [[ "$(st hq subject show "$(hq_subject)")" != *"at the source"* ]]
    # field's own notices then act.
    run st hq import "$W/n.bundle"
    expect_status 0
    [[ "$output" == *"2 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]]
    # A notice about what no sender ever sent here still says so.
    st other subject add --name "Choe" --pseudonym Mina >/dev/null
    st other consent Mina --export yes >/dev/null 2>&1
    printf 'Other testimony.\n' | st other record Mina --title "Other" --date 2024-05-01 >/dev/null
    st other export --to hq --all -o "$W/o.bundle" >/dev/null 2>&1
    st other consent Mina --withdraw >/dev/null 2>&1
    st other notify --to hq -o "$W/on.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/on.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from other; 0 already here
1 notice(s) of withdrawal or deletion about records not held here: kept, so that they are refused if they come" ]
}

@test "hq: the same notices twice: the same bundle is imported before, another bundle carrying them changes nothing (exit 0)" {
    field_hq
    to_hq "$W/1.bundle"
    st field consent Nari --withdraw >/dev/null 2>&1
    # Two notify bundles with the same notice: the device's store copied
    # before the first one (same keys), so both mark it sent.
    cp -a "$T/field" "$T/field2"
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st field2 notify --to hq -o "$W/n2.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    sums=$(find "$T/hq" -type f -name '*.db' -exec sha256sum {} +)
    run --separate-stderr st hq import "$W/n.bundle"
    expect_status 0
    [[ "$output" == "bundle "*" was imported before; nothing was added" ]]
    run --separate-stderr st hq import "$W/n2.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) acted on before; nothing changed by them" ]
    [ "$(st hq list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" -eq 1 ]
}

@test "hq: a bundle whose record is refused (a conflict): its notice is acted on all the same (exit 1, both said)" {
    TOOLS=$(tools_dir)
    [ -x "$TOOLS/forge" ] || skip "no forge tool (make builds it)"
    field_hq
    bora
    to_hq "$W/1.bundle"
    st field consent Nari --withdraw >/dev/null 2>&1
    # B again with the withdrawal, its text changed and signed by field.
    st field export --to hq "$B" -o "$W/2.bundle" >/dev/null 2>&1
    "$TOOLS/forge" "$T/field" "$T/hq" "$W/2.bundle" placeholder "$W/3.bundle" 3<<<"$PASS"
    run --separate-stderr st hq import "$W/3.bundle"
    expect_status 1
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    [ "$stderr" = "intake: the bundle holds record $B at version 1 with other text than the same version here (a conflict: keep this copy, or have the sender edit the record again, which gives it a higher version that replaces this one): refused (1 record(s) refused in all); no record of the bundle was imported" ]
    run --separate-stderr st hq show "$ID"
    expect_status 2
    [[ "$stderr" == "intake: record $ID was withdrawn at the source: its subject's consent was withdrawn (notice from field"* ]]
    run st hq show "$B"
    [[ "$output" == *"Pak Su spoke."* || "$output" == *"Other"* ]]
    [[ "$output" != *placeholder* ]]
    # The bundle as written: its notice was acted on before, its record here.
    run st hq import "$W/2.bundle"
    expect_status 0
    [[ "$output" == *"1 notice(s) acted on before; nothing changed by them" ]]
}

@test "hq -> partner: a withdrawal at the source reaches the partner hq sent the records to; hq can no longer send them" {
    to_partner
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/n.bundle"
    expect_status 0
    [[ "$output" == *"1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]]
    # hq owes its partner a notice in turn, under hq's own subject id;
    # exports names the subject by its pseudonym at hq (adv16b C-13).
    run --separate-stderr st hq exports
    expect_status 0
    [[ "$stderr" == *"intake: notice not yet sent to partner: withdrawal of consent of subject $(hq_subject), due since 20"* ]]
    # Nothing of the subject can leave hq.
    run --separate-stderr st hq export --to partner "$ID" -o "$W/p2.bundle"
    expect_status 2
    [ "$stderr" = "intake: no record with id '$ID' (see 'intake list')" ]
    [ ! -e "$W/p2.bundle" ]
    run --separate-stderr st hq notify --to partner -o "$W/pn.bundle"
    expect_status 0
    run --separate-stderr st partner import "$W/pn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    run --separate-stderr st partner show "$ID"
    expect_status 2
    [ "$stderr" = "intake: record $ID was withdrawn at the source: its subject's consent was withdrawn (notice from hq of $(date -u +%F)); this store deleted it, with its attachments" ]
    run --separate-stderr st partner import "$W/p.bundle"
    expect_status 1
    [ "$stderr" = "intake: the bundle holds record $ID, whose subject's consent its sender withdrew (notice of $(date -u +%F)): refused again (1 record(s) refused in all); the bundle was imported before, and nothing was added" ]
}

@test "notify: notices follow the contact by its key: the contact added again under another name still gets them" {
    field_hq
    bora
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    st field consent Nari --withdraw >/dev/null 2>&1
    # hq is now "central" on the device: the same card, another name.
    st field contact remove hq >/dev/null 2>&1
    st field contact add central "$(st hq card)" >/dev/null 2>&1
    run --separate-stderr st field exports
    expect_status 0
    [[ "$stderr" == *"intake: notice not yet sent to central: withdrawal of consent of subject Nari, due since 20"* ]]
    run --separate-stderr st field notify --to central -o "$W/n.bundle"
    expect_status 0
    [[ "$stderr" == *"intake: the bundle carries 1 notice(s) to central; every later bundle to them carries them again, so a refused or lost bundle loses none" ]]
    run hq_notices "$W/n.bundle"
    [ "$output" = "withdrawal $UID_ None $(date -u +%F)" ]
    # What hq received is known by its key too: nothing new to send.
    run --separate-stderr st field export --to central --not-sent-to central -o "$W/x.bundle"
    expect_status 2
    [ ! -e "$W/x.bundle" ]
    run --separate-stderr st field notify --to central -o "$W/n2.bundle"
    expect_status 2
    [[ "$stderr" == *"
intake: no new notice is owed to central (1 were sent before, not acknowledged: --resend sends them again); no bundle was written" ]]
}

# Issue 16, F12: a notice is not lost with a bundle headquarters refuses
# or that never arrives.

@test "hq: a stale record is refused; the bundle's withdrawal is acted on all the same (exit 1, both said)" {
    field_hq
    bora
    to_hq "$W/1.bundle"
    # A restored older copy of the device: its $ID is at version 1.
    cp -a "$T/field" "$T/old"
    st field record edit "$ID" --title "Border crossing (corrected)" </dev/null >/dev/null 2>&1
    st field export --to hq "$ID" -o "$W/2.bundle" >/dev/null 2>&1
    st hq import "$W/2.bundle" >/dev/null
    BUID=$(st old subject show Bora | sed -n 's/^subject id: //p')
    st old consent Bora --withdraw >/dev/null 2>&1
    run --separate-stderr st old export --to hq "$ID" -o "$W/3.bundle"
    expect_status 0
    [[ "$stderr" == *"intake: the bundle carries 1 notice(s) to hq; every later bundle to them carries them again, so a refused or lost bundle loses none" ]]
    run --separate-stderr st hq import "$W/3.bundle"
    expect_status 1
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    [ "$stderr" = "intake: the bundle holds record $ID at version 1, older than version 2 here (a stale copy): refused (1 record(s) refused in all); no record of the bundle was imported" ]
    # Bora's record is gone, with a tombstone; $ID stays at version 2.
    run --separate-stderr st hq show "$B"
    expect_status 2
    [ "$stderr" = "intake: record $B was withdrawn at the source: its subject's consent was withdrawn (notice from field of $(date -u +%F)); this store deleted it, with its attachments" ]
    run st hq show "$ID"
    [[ "$output" == *"title: Border crossing (corrected)"* ]]
    [[ "$(st hq log)" == *"import.withdrawal"*"$BUID"* ]]
    run st hq log --verify
    expect_status 0
    # Nothing of Bora's words is left in hq's files.
    run grep -r -a -l "Pak Su spoke" "$T/hq"
    expect_status 1
}

@test "hq: a re-consented subject's new record and another subject's withdrawal in one bundle: both acted on" {
    field_hq
    bora
    to_hq "$W/1.bundle"
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    # Nari consents again and speaks again; Bora withdraws. The bundle
    # carries Nari's withdrawal again (acted on before) and Bora's.
    st field consent Nari --export yes >/dev/null 2>&1
    A3=$(printf 'Again.\n' | st field record Nari --title "Again" --date 2024-05-01)
    st field consent Bora --withdraw >/dev/null 2>&1
    st field export --to hq "$A3" -o "$W/2.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/2.bundle"
    expect_status 0
    [ "$output" = "imported 1 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')
1 subject(s) consented again after a withdrawal, as their sender's notice says: their later records may come (see 'intake subject show')
1 notice(s) acted on before; nothing changed by them" ]
    st hq show "$A3" >/dev/null
    run --separate-stderr st hq show "$B"
    expect_status 2
    [[ "$stderr" == "intake: record $B was withdrawn at the source: its subject's consent was withdrawn (notice from field"* ]]
}

@test "device: a notice whose bundle was lost is carried again by every export to the contact, and by notify --resend; hq acts once" {
    field_hq
    bora
    st field export --to hq "$ID" -o "$W/1.bundle" >/dev/null 2>&1
    st hq import "$W/1.bundle" >/dev/null
    st field consent Nari --withdraw >/dev/null 2>&1
    # The notify bundle is lost on the way.
    st field notify --to hq -o "$W/lost.bundle" >/dev/null 2>&1
    rm "$W/lost.bundle"
    run --separate-stderr st field exports
    expect_status 0
    [[ "$stderr" == *"intake: notice sent to hq, not yet acknowledged: withdrawal of consent of subject Nari, first sent 20"*"; every bundle to them carries it again" ]]
    run --separate-stderr st field notify --to hq -o "$W/n.bundle"
    expect_status 2
    [ "$stderr" = "intake: no new notice is owed to hq (1 were sent before, not acknowledged: --resend sends them again); no bundle was written" ]
    [ ! -e "$W/n.bundle" ]
    run --separate-stderr st field notify --to hq --resend -o "$W/n.bundle"
    expect_status 0
    [[ "$stderr" == *"intake: the bundle carries 1 notice(s) to hq; every later bundle to them carries them again, so a refused or lost bundle loses none" ]]
    run hq_notices "$W/n.bundle"
    [ "$output" = "withdrawal $UID_ None $(date -u +%F)" ]
    # The next ordinary export to hq carries it too.
    st field export --to hq "$B" -o "$W/2.bundle" >/dev/null 2>&1
    run hq_notices "$W/2.bundle"
    [ "$output" = "withdrawal $UID_ None $(date -u +%F)" ]
    # hq acts on the first that arrives, and on the other not again.
    run --separate-stderr st hq import "$W/2.bundle"
    expect_status 0
    [ "$output" = "imported 1 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    run --separate-stderr st hq import "$W/n.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) acted on before; nothing changed by them" ]
    # To a contact that never received Nari's records: none, even with --resend.
    mkstore other
    introduce field other
    run --separate-stderr st field notify --to other --resend -o "$W/o.bundle"
    expect_status 2
    [ "$stderr" = "intake: no notice is owed to other; no bundle was written" ]
}

# Issue 16, F5: a narrowed consent scope travels as a notice.

@test "scope: narrowing consent after an export owes a scope notice; hq takes the scope, refuses to send on what the device refuses, and tells its partner" {
    field_hq
    mkstore partner
    introduce hq partner
    st field subject add --name "Pak Su" --pseudonym Golf >/dev/null
    st field consent Golf --export yes --quote yes --publish yes >/dev/null 2>&1
    G=$(printf 'Pak Su spoke.\n' | st field record Golf --title "Other" --date 2024-03-16)
    GUID=$(st field subject show Golf | sed -n 's/^subject id: //p')
    to_hq "$W/1.bundle"
    st hq export --to partner --all -o "$W/p.bundle" >/dev/null 2>&1
    st partner import "$W/p.bundle" >/dev/null
    # A new embargo, and export no: each owes hq a notice, said at once.
    run --separate-stderr st field consent Nari --embargo 2030-01-01
    expect_status 0
    [ "$stderr" = "intake: consent recorded for Nari (see 'intake subject show Nari')
intake: hq received these records before: 1 notice(s) to them are now due (see 'intake exports')" ]
    run --separate-stderr st field consent Golf --export no
    expect_status 0
    [[ "$stderr" == *"intake: hq received these records before: 1 notice(s) to them are now due (see 'intake exports')" ]]
    # A wider scope is no notice (it travels with the subject's next record).
    run --separate-stderr st field consent Golf --method verbal
    [[ "$stderr" != *"now due"* ]]
    run --separate-stderr st field exports
    [[ "$stderr" == *"intake: notice not yet sent to hq: new consent scope of subject Nari, due since 20"* ]]
    [[ "$stderr" == *"intake: notice not yet sent to hq: new consent scope of subject Golf, due since 20"* ]]
    # The device refuses to send them; notify carries the scopes (format 6:
    # format 4's scope notice, each scope with its subject's counter).
    run --separate-stderr st field export --to hq "$ID" -o "$W/x.bundle"
    expect_status 1
    run --separate-stderr st field notify --to hq -o "$W/n.bundle"
    expect_status 0
    st hq open "$W/n.bundle" --json | python3 -c '
import json, sys
h = json.load(sys.stdin)["header"]
assert h["format"] == "intake-content-6", h["format"]
assert all(type(x["scope"]["seq"]) is int and x["scope"]["seq"] >= 1 for x in h["notices"]), h
n = {x["subject"]: x for x in h["notices"]}
assert sorted(n) == sorted(sys.argv[1:3]), n
a, g = n[sys.argv[1]], n[sys.argv[2]]
assert a["kind"] == "scope" and a["record"] is None and sorted(a) == ["day", "kind", "record", "scope", "subject"], a
assert a["scope"]["embargo"] == "2030-01-01" and a["scope"]["export"] is True and a["scope"]["quote"] is False, a
assert g["scope"]["export"] is False and g["scope"]["method"] == "verbal" and g["scope"]["embargo"] is None, g
# The keyed digests of the manifest are random base64: short words turn up
# in them by chance (a run failed so while the suite was timed): not in s.
s = json.dumps({k: v for k, v in h.items() if k != "digests"})
assert "Nari" not in s and "Golf" not in s and "Pak" not in s and "Kim" not in s
' "$UID_" "$GUID"
    run --separate-stderr st hq import "$W/n.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
2 subject(s) took the new consent scope their sender's notice carried (see 'intake subject show')" ]
    [[ "$(st hq log)" == *"import.scope"*"$UID_"* ]]
    P=$(st hq subject list --json | python3 -c 'import json,sys; print([s["pseudonym"] for s in json.load(sys.stdin) if s["pseudonym"].startswith("Nari")][0])')
    run st hq subject show "$P"
    [[ "$output" == *"embargo until "* ]]
    [[ "$output" == *"may leave this store: no (under embargo until "* ]]
    # hq refuses to send on what the device refuses.
    run --separate-stderr st hq export --to partner "$ID" -o "$W/p2.bundle"
    expect_status 1
    [[ "$stderr" == *"record $ID (${P}) may not leave: under embargo until "* ]]
    run --separate-stderr st hq export --to partner "$G" -o "$W/p3.bundle"
    expect_status 1
    [[ "$stderr" == *"may not leave: the recorded consent does not allow export (--export no)"* ]]
    [ ! -e "$W/p2.bundle" ] && [ ! -e "$W/p3.bundle" ]
    # ... and owes the partner the same notices, under its own ids.
    run --separate-stderr st hq exports
    [[ "$stderr" == *"intake: notice not yet sent to partner: new consent scope of subject "* ]]
    st hq notify --to partner -o "$W/pn.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/pn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
2 subject(s) took the new consent scope their sender's notice carried (see 'intake subject show')" ]
    run --separate-stderr st partner show "$G"
    [[ "$output" == *"export no"* ]]
    # The same scope again changes nothing.
    st field notify --to hq --resend -o "$W/n2.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/n2.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
2 notice(s) acted on before; nothing changed by them" ]
}

@test "scope: --quote no, --publish no and --attachments no after an export reach hq; a withdrawal after a narrowing sends no scope" {
    field_hq
    st field consent Nari --quote yes --publish yes --attachments yes >/dev/null 2>&1
    to_hq "$W/1.bundle"
    P=$(hq_subject)
    st field consent Nari --quote no --publish no --attachments no >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    run st hq subject show "$P"
    [[ "$output" == *"export yes, quote no, publish no, attachments no"* ]]
    # A withdrawal after a narrowing not yet sent: the withdrawal alone.
    st field consent Nari --embargo 2031-01-01 >/dev/null 2>&1
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n2.bundle" >/dev/null 2>&1
    run hq_notices "$W/n2.bundle"
    [ "$output" = "withdrawal $UID_ None $(date -u +%F)" ]
}

@test "open -o: each record's Markdown carries its subject id and consent scope, as open prints them (F10)" {
    field_hq
    st field consent Nari --embargo 2026-01-01 >/dev/null 2>&1
    st field export --to hq --all -o "$W/b.bundle" >/dev/null 2>&1
    run st hq open "$W/b.bundle" -o "$W/out"
    expect_status 0
    run grep -E '^- (subject id|consent):' "$W/out/$ID.md"
    [[ "${lines[0]}" == "- subject id: $UID_" ]]
    [[ "${lines[1]}" == "- consent: recorded 20"*" (written): export yes, quote no, publish no, attachments no, embargo until 2026-01-01" ]]
}
