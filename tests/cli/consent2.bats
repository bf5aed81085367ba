#!/usr/bin/env bats
# Issue 16, what the first rounds left (report adv16): a new consent after a
# withdrawal (F8), headquarters refusing some records of a bundle but not
# the others, and what the device counts as sent.

bats_require_minimum_version 1.5.0
load helpers
load consent

# notices BUNDLE STORE: the header's notices of BUNDLE as STORE opens it,
# one line each: kind round record-or-null (scope's export flag or -).
notices() {
    st "$2" open "$1" --json | python3 -c '
import json, sys
for n in json.load(sys.stdin)["header"]["notices"]:
    s = n.get("scope")
    print(n["kind"], n.get("round", "-"), n["record"], s["export"] if s else "-")'
}

# py_reads BUNDLE STORE: the independent Python reader (tests/vectors)
# accepts the notices of BUNDLE's header as STORE opens it, and refuses
# each with a member removed or a "round" of 0.
py_reads() {
    st "$2" open "$1" --json | /usr/bin/python3 -c '
import copy, json, sys
sys.path.insert(0, sys.argv[1])
import check_bundle as cb, kit_reader as kr
h = json.load(sys.stdin)["header"]
fmt = int(h["format"][-1])
cb.check_notices(h["notices"], fmt)
kr.check_notices(h["notices"], fmt)
for i, n in enumerate(h["notices"]):
    # (a withdrawal without its round is one of round 1: still valid)
    skip = ("kind", "round") if n["kind"] == "withdrawal" else ("kind",)
    for bad in [dict((k, v) for k, v in n.items() if k != m) for m in n if m not in skip] + [dict(n, round=0)]:
        ns = copy.deepcopy(h["notices"])
        ns[i] = bad
        for reader, err in ((cb, cb.Refused), (kr, kr.Refused)):
            try:
                reader.check_notices(ns, fmt)
            except err:
                continue
            sys.exit("accepted %r" % bad)
print("ok", fmt)' "$ROOT/tests/vectors"
}

@test "re-consent: consent after a withdrawal owes a re-consent notice to the contacts told of the withdrawal" {
    withdrawn_at_hq
    run --separate-stderr st field consent Nari --export yes --quote yes
    expect_status 0
    [ "$stderr" = "intake: consent recorded for Nari (see 'intake subject show Nari')
intake: 1 record of Nari made before its re-consent stays on the device; if the subject agrees that it may leave too: 'intake consent Nari --include-earlier'
intake: hq received these records before: 1 notice(s) to them are now due (see 'intake exports')" ]
    run --separate-stderr st field exports
    expect_status 0
    [[ "$stderr" == *"notice not yet sent to hq: new consent of subject Nari after its withdrawal, due since "* ]]
    st field notify --to hq -o "$W/r.bundle" >/dev/null 2>&1
    # format 6: the re-consent's scope carries the subject's counter (A1)
    [ "$(st hq open "$W/r.bundle" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["header"]["format"])')" = intake-content-6 ]
    [ "$(notices "$W/r.bundle" hq)" = "reconsent 1 None True" ]
    [ "$(py_reads "$W/r.bundle" hq)" = "ok 6" ]
}

@test "re-consent: a new record of a re-consented subject reaches hq; the withdrawn one stays refused there" {
    withdrawn_at_hq
    st field consent Nari --export yes >/dev/null 2>&1
    ID2=$(printf 'She spoke again, later.\n' | st field record Nari --title "Again" --date 2024-06-01)
    run --separate-stderr st field export --to hq "$ID2" -o "$W/2.bundle"
    expect_status 0
    # Every notice owed to hq, the withdrawal and the re-consent after it.
    [ "$(notices "$W/2.bundle" hq)" = "withdrawal - None -
reconsent 1 None True" ]
    run --separate-stderr st hq import "$W/2.bundle"
    expect_status 0
    [ "$output" = "imported 1 record(s) and 0 attachment(s) from field; 0 already here
1 subject(s) consented again after a withdrawal, as their sender's notice says: their later records may come (see 'intake subject show')
1 notice(s) acted on before; nothing changed by them" ]
    run st hq show "$ID2"
    expect_status 0
    [[ "$output" == *"title: Again"* ]]
    today=$(date -u +%F)
    run --separate-stderr st hq show "$ID"
    expect_status 2
    [ "$stderr" = "intake: record $ID was withdrawn at the source: its subject's consent was withdrawn (notice from field of $today); this store deleted it, with its attachments" ]
    P=$(st hq subject list --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["pseudonym"])')
    run st hq subject show "$P"
    expect_status 0
    [[ "$output" == *"withdrawn at the source (notice from field of $today)"* ]]
    [[ "$output" == *"consented again at the source (notice from field of $today): its later records may come"* ]]
    [[ "$output" == *"may leave this store: yes"* ]]
    [[ "$(st hq log)" == *"import.reconsent"*"$UID_"* ]]
    # The bundle again: imported before.
    run st hq import "$W/2.bundle"
    expect_status 0
    [[ "$output" == *"was imported before; nothing was added" ]]
    # The first bundle, with the withdrawn record: still refused.
    run --separate-stderr st hq import "$W/1.bundle"
    expect_status 1
    [ "$stderr" = "intake: the bundle holds record $ID, whose subject's consent its sender withdrew (notice of $today): refused again (1 record(s) refused in all); the bundle was imported before, and nothing was added" ]
}

@test "re-consent: redact says what export says of a record hq refuses for good (NEW-7; with and without --to)" {
    withdrawn_at_hq
    mkstore ngo
    introduce field ngo
    # --include-earlier: the record, made before the withdrawal, may leave
    # again (B-5), except to hq, which refuses it for good.
    st field consent Nari --export yes --include-earlier >/dev/null 2>&1
    today=$(date -u +%F)
    why="it went to hq before its subject's consent was withdrawn ($today), which refuses it there for good; record what the subject says now as a new record"
    # Without --to: refused by some contact, so never "may leave".
    run --separate-stderr st field redact "$ID"
    expect_status 1
    [ "$stderr" = "intake: record $ID may not leave the device: $why" ]
    run --separate-stderr st field redact "$ID" --to hq
    expect_status 1
    [ "$stderr" = "intake: record $ID may not leave the device: $why" ]
    run --separate-stderr st field export --to hq "$ID" -o "$W/x.bundle"
    expect_status 1
    [ ! -e "$W/x.bundle" ]
    # To a contact that never had it: redact and export both let it go.
    run --separate-stderr st field redact "$ID" --to ngo
    expect_status 0
    run --separate-stderr st field redact "$ID" --to ngo,hq --json
    expect_status 1
    [ "$(printf '%s' "$output" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["may_leave"], d["blocked"])')" = "False $why" ]
    run --separate-stderr st field export --to ngo "$ID" -o "$W/y.bundle"
    expect_status 0
    [ -s "$W/y.bundle" ]
    # An unknown contact: a usage error, as export says it.
    run --separate-stderr st field redact "$ID" --to nobody
    expect_status 2
    run --separate-stderr st field export --to nobody "$ID" -o "$W/z.bundle"
    expect_status 2
}

@test "re-consent: the device does not send hq a record hq deleted on the withdrawal (exit 1; --skip-blocked leaves it out, not counted as sent)" {
    withdrawn_at_hq
    st field consent Nari --export yes >/dev/null 2>&1
    ID2=$(printf 'She spoke again, later.\n' | st field record Nari --title "Again" --date 2024-06-01)
    today=$(date -u +%F)
    run --separate-stderr st field export --to hq "$ID" -o "$W/x.bundle"
    expect_status 1
    [[ "$stderr" == *"intake: record $ID (Nari) may not leave: it went to hq before its subject's consent was withdrawn ($today), which refuses it there for good; record what the subject says now as a new record"* ]]
    [ ! -e "$W/x.bundle" ]
    run --separate-stderr st field export --to hq --all --skip-blocked -o "$W/2.bundle"
    expect_status 0
    [[ "$stderr" == *"left out 1 blocked record(s)"* ]]
    # Counted as sent: only the new record.
    [ "$(st field exports --json | python3 -c 'import json,sys; print(" ".join(r["id"] for r in [x for x in json.load(sys.stdin) if "records" in x][0]["records"]))')" = "$ID2" ]
    run --separate-stderr st hq import "$W/2.bundle"
    expect_status 0
    [[ "$output" == "imported 1 record(s) and 0 attachment(s) from field; 0 already here"* ]]
    # Another contact, which never had it, may get the old record once the
    # subject says that earlier records may leave too (B-5), not before.
    mkstore ngo
    introduce field ngo
    run --separate-stderr st field export --to ngo "$ID" -o "$W/o.bundle"
    expect_status 1
    [[ "$stderr" == *"--include-earlier"* ]]
    [ ! -e "$W/o.bundle" ]
    st field consent Nari --include-earlier >/dev/null 2>&1
    run --separate-stderr st field export --to ngo "$ID" -o "$W/o.bundle"
    expect_status 0
}

@test "re-consent: a second withdrawal is the next round: hq deletes the later records too, and a stale copy of the first changes nothing" {
    withdrawn_at_hq
    st field consent Nari --export yes >/dev/null 2>&1
    ID2=$(printf 'She spoke again, later.\n' | st field record Nari --title "Again" --date 2024-06-01)
    st field export --to hq "$ID2" -o "$W/2.bundle" >/dev/null 2>&1
    st hq import "$W/2.bundle" >/dev/null
    run --separate-stderr st field consent Nari --withdraw
    expect_status 0
    [ "$stderr" = "intake: consent withdrawn for Nari (see 'intake subject show Nari')
intake: hq received these records before: 1 notice(s) to them are now due (see 'intake exports')" ]
    st field notify --to hq -o "$W/n2.bundle" >/dev/null 2>&1
    [ "$(notices "$W/n2.bundle" hq)" = "withdrawal 2 None -" ]
    [ "$(py_reads "$W/n2.bundle" hq)" = "ok 5" ]
    run --separate-stderr st hq import "$W/n2.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    run --separate-stderr st hq show "$ID2"
    expect_status 2
    # The first withdrawal's notice bundle again: imported before.
    run st hq import "$W/n.bundle"
    expect_status 0
    # Every notice again (resend): the withdrawal of round 2, acted on
    # before; the re-consent is left out while the subject is withdrawn.
    st field notify --to hq --resend -o "$W/all.bundle" >/dev/null 2>&1
    [ "$(notices "$W/all.bundle" hq)" = "withdrawal 2 None -" ]
    run --separate-stderr st hq import "$W/all.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) acted on before; nothing changed by them" ]
    # The bundle that brought the re-consent and $ID2, again: refused, as
    # $ID2 is withdrawn now; nothing changes.
    run --separate-stderr st hq import "$W/2.bundle"
    expect_status 1
    [ "$stderr" = "intake: the bundle holds record $ID2, whose subject's consent its sender withdrew (notice of $(date -u +%F)): refused again (1 record(s) refused in all); the bundle was imported before, and nothing was added" ]
    P=$(st hq subject list --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["pseudonym"])')
    [[ "$(st hq subject show "$P")" == *"may leave this store: no (consent was withdrawn on "* ]]
}

@test "re-consent: a withdrawal and a re-consent reaching hq in one bundle: the records sent before go, later ones come" {
    field_hq
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    st hq import "$W/1.bundle" >/dev/null
    st field consent Nari --withdraw >/dev/null 2>&1
    st field consent Nari --export yes >/dev/null 2>&1
    ID2=$(printf 'She spoke again, later.\n' | st field record Nari --title "Again" --date 2024-06-01)
    st field export --to hq "$ID2" -o "$W/2.bundle" >/dev/null 2>&1
    # The bundle carries both; hq had seen neither.
    run --separate-stderr st hq import "$W/2.bundle"
    expect_status 0
    [ "$output" = "imported 1 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')
1 subject(s) consented again after a withdrawal, as their sender's notice says: their later records may come (see 'intake subject show')" ]
    run --separate-stderr st hq show "$ID"
    expect_status 2
    st hq show "$ID2" >/dev/null
}

@test "hq: one refused record (withdrawn) does not refuse the bundle's other records: they are imported, exit 1, both said" {
    field_hq
    bora
    # 1.bundle holds both; it reaches hq only after Nari's withdrawal did.
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    today=$(date -u +%F)
    import_refused hq "the bundle holds record $ID, whose subject's consent its sender withdrew (notice of $today): refused (1 record(s) refused in all); the rest of the bundle was imported" "$W/1.bundle" "imported 1 record(s) and 0 attachment(s) from field; 0 already here"
    st hq show "$B" >/dev/null
    run --separate-stderr st hq show "$ID"
    expect_status 2
    [ "$(st hq list | cut -f1)" = "$B" ]
    # Again: the refused record is refused again, nothing changes.
    import_refused hq "the bundle holds record $ID, whose subject's consent its sender withdrew (notice of $today): refused again (1 record(s) refused in all); the bundle was imported before, and nothing was added" "$W/1.bundle"
}

@test "hq: a stale record is refused alone, with its attachments; the bundle's new record and attachment arrive (exit 1)" {
    field_hq
    st field consent Nari --attachments yes >/dev/null 2>&1
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    cp -a "$T/field" "$T/old"
    st field record edit "$ID" --title "Border crossing (corrected)" </dev/null >/dev/null 2>&1
    st field export --to hq "$ID" -o "$W/2.bundle" >/dev/null 2>&1
    st hq import "$W/2.bundle" >/dev/null
    # The restored older copy: $ID at version 1 with a photo, and a new record.
    printf 'a note on the crossing\n' >"$W/p.txt"
    st old attach "$ID" "$W/p.txt" >/dev/null 2>&1
    N=$(printf 'A new talk.\n' | st old record Nari --title "New" --date 2024-07-01)
    printf 'a note on the new talk\n' >"$W/q.txt"
    st old attach "$N" "$W/q.txt" >/dev/null 2>&1
    st old export --to hq "$ID" "$N" -o "$W/3.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/3.bundle"
    expect_status 1
    [ "$output" = "imported 1 record(s) and 1 attachment(s) from field; 0 already here" ]
    [ "$stderr" = "intake: the bundle holds record $ID at version 1, older than version 2 here (a stale copy): refused (1 record(s) refused in all); the rest of the bundle was imported" ]
    run st hq show "$ID"
    [[ "$output" == *"title: Border crossing (corrected)"* && "$output" != *"attachment-"* ]]
    run st hq show "$N"
    expect_status 0
    [[ "$output" == *"attachment-"* ]]
}

# ---- F9: an attachment removed after an export travels as a removal notice ----

@test "removal: an attachment removed after its record was sent owes a removal notice; hq deletes its copy, keeps the record" {
    field_hq
    st field consent Nari --attachments yes >/dev/null 2>&1
    printf 'a note naming the crossing point\n' >"$W/face.txt"
    st field attach "$ID" "$W/face.txt" >/dev/null 2>&1
    printf 'a second note\n' >"$W/other.txt"
    st field attach "$ID" "$W/other.txt" >/dev/null 2>&1
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    run st hq import "$W/1.bundle"
    [ "$output" = "imported 1 record(s) and 2 attachment(s) from field; 0 already here" ]
    run --separate-stderr st field attachment remove "$ID" face.txt --yes
    expect_status 0
    [[ "$stderr" == *"intake: hq received these records before: 1 notice(s) to them are now due (see 'intake exports')"* ]]
    run --separate-stderr st field exports
    [[ "$stderr" == *"intake: notice not yet sent to hq: removal of an attachment of record $ID (subject Nari), due since "* ]]
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    [ "$(notices "$W/n.bundle" hq)" = "removal - $ID -" ]
    [ "$(py_reads "$W/n.bundle" hq)" = "ok 5" ]
    run st hq open "$W/n.bundle"
    [[ "$output" == *"notices: 1
  removal of an attachment of record $ID (subject $UID_), $(date -u +%F)"* ]]
    run --separate-stderr st hq import "$W/n.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of an attachment removed at the source acted on: 1 attachment(s) deleted" ]
    run st hq show "$ID"
    expect_status 0
    [ "$(printf '%s\n' "$output" | grep -c 'attachment-')" -eq 1 ]
    [[ "$(st hq log)" == *"import.removal"*"$ID"* ]]
    # Gone from hq's files; the other attachment stays.
    run grep -r -a -l "naming the crossing point" "$T/hq"
    expect_status 1
    # The first bundle again (imported before): nothing comes back.
    run st hq import "$W/1.bundle"
    expect_status 0
    [ "$(st hq show "$ID" | grep -c 'attachment-')" -eq 1 ]
    # Again: acted on before.
    st field notify --to hq --resend -o "$W/n2.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/n2.bundle"
    expect_status 0
    [[ "$output" == *"1 notice(s) acted on before; nothing changed by them" ]]
}

# ---- the LOWs of report adv16 ----

@test "low: record delete of a sent record says the notice deletes the copies (F4); exports --json lists the notice (F11); show --json of the deleted record prints its tombstone (F11)" {
    field_hq
    ID2=$(printf 'A second talk.\n' | st field record Nari --title "Second" --date 2024-04-01)
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    st hq import "$W/1.bundle" >/dev/null
    run --separate-stderr st field record delete "$ID2" --yes
    expect_status 0
    [[ "$stderr" == *"intake: deleted record $ID2
intake: it was sent before (hq on $(date -u +%F)): the copies sent are deleted only when the deletion notice reaches them (see 'intake exports')
intake: hq received these records before: 1 notice(s) to them are now due (see 'intake exports')" ]]
    run --separate-stderr st field exports --json
    expect_status 0
    echo "$output" | python3 -c '
import json, sys
a = json.load(sys.stdin)
assert "records" in a[0], a
n = [x["notice"] for x in a if "notice" in x]
assert len(n) == 1, a
n = n[0]
assert n["kind"] == "deletion" and n["record"] == sys.argv[1] and n["subject"] == sys.argv[2], n
assert n["contact"] == "hq" and n["sent"] is None and n["due"].startswith("20"), n' "$ID2" "$UID_"
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    run --separate-stderr st hq show "$ID2" --json
    expect_status 2
    [ "$stderr" = "intake: record $ID2 was deleted at the source (notice from field of $(date -u +%F)); this store deleted it, with its attachments" ]
    echo "$output" | python3 -c '
import json, sys
t = json.load(sys.stdin)
assert t["id"] == sys.argv[1] and t["tombstone"]["kind"] == "deletion", t
assert t["tombstone"]["sender"] == "field" and t["tombstone"]["deleted"] is True, t' "$ID2"
}

@test "low: another sender's deletion of a record hq has from field deletes nothing, and list --json shows no tombstone beside the record (F6)" {
    field_hq
    mkstore partner
    introduce hq partner
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    st hq import "$W/1.bundle" >/dev/null
    st hq export --to partner --all -o "$W/p.bundle" >/dev/null 2>&1
    st partner import "$W/p.bundle" >/dev/null
    # The partner sends the record back to hq (refused: hq has it from field)...
    st partner export --to hq --all -o "$W/back.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/back.bundle"
    expect_status 1
    [ "$stderr" = "intake: the bundle holds record $ID, which this store already has from elsewhere: refused (1 record(s) refused in all); no record of the bundle was imported" ]
    # ...then deletes it: its notice reaches no record of field's.
    st partner record delete "$ID" --yes >/dev/null 2>&1
    st partner notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/n.bundle"
    expect_status 0
    [[ "$output" == *"1 notice(s) of withdrawal or deletion name records or subjects this store holds from another sender: not acted on (a notice reaches only what its own sender sent here)" ]]
    [[ "$output" != *"acted on:"* ]]
    st hq show "$ID" >/dev/null
    run --separate-stderr st hq list --json
    expect_status 0
    echo "$output" | python3 -c '
import json, sys
a = json.load(sys.stdin)
assert [r["id"] for r in a] == [sys.argv[1]] and "tombstone" not in a[0], a' "$ID"
    # field deletes it then (adv16b, F6 again): one tombstone, field's; the
    # partner's, which deleted nothing, is not listed beside it.
    st field record delete "$ID" --yes >/dev/null 2>&1
    st field notify --to hq -o "$W/n2.bundle" >/dev/null 2>&1
    st hq import "$W/n2.bundle" >/dev/null
    run --separate-stderr st hq list --json
    expect_status 0
    echo "$output" | python3 -c '
import json, sys
a = json.load(sys.stdin)
assert [(r["id"], r["tombstone"]["sender"], r["tombstone"]["deleted"]) for r in a] == [(sys.argv[1], "field", True)], a' "$ID"
    [ "$stderr" = "intake: 1 record(s) were deleted by notices from their senders (see 'intake list --json')" ]
}
