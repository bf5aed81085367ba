#!/usr/bin/env bats
# Issue 16: the consent scope and the subject's stable id travel with every
# record: device -> headquarters -> partner, renames, consent changes; what
# show, list --json, open, subject show and audit print of it.

bats_require_minimum_version 1.5.0
load helpers
load consent

@test "consent: a subject has a stable random id, kept across a rename, never its name" {
    mkstore field
    st field subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    a=$(st field subject show Nari | sed -n 's/^subject id: //p')
    [[ "$a" =~ ^[0-9a-hjkmnp-tv-z]{16}$ ]]
    st field subject rename Nari Bora >/dev/null 2>&1
    [ "$(st field subject show Bora | sed -n 's/^subject id: //p')" = "$a" ]
    [ "$(st field subject list --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["subject"])')" = "$a" ]
}

@test "consent: device -> hq: the scope and subject id arrive; show, list --json, subject show, open and audit print it" {
    field_hq
    st field export --to hq --all -o "$W/b.bundle" >/dev/null 2>&1
    run st hq open "$W/b.bundle"
    expect_status 0
    [[ "$output" == *"$ID	2024-03	Nari	Border crossing
  subject id: $UID_
  consent: recorded "*" (written): export yes, quote no, publish no, attachments no"* ]]
    run st hq audit "$W/b.bundle"
    expect_status 0
    [[ "$output" == *"consent            PASS  1 records carry their consent scope"* ]]
    [[ "$output" == *"PASS record $ID: scope (subject $UID_: export yes, quote no, publish no, attachments no, embargo none, method written, recorded "* ]]
    run st hq import "$W/b.bundle"
    expect_status 0
    P=$(hq_subject)
    [[ "$P" == Nari@* ]]
    run st hq subject show "$P"
    expect_status 0
    [[ "$output" == *"consent: recorded "*" (written): export yes, quote no, publish no, attachments no"* ]]
    [[ "$output" == *"may leave this store: yes"* ]]
    run st hq show "$ID"
    expect_status 0
    [[ "$output" == *"consent: recorded "*" (written): export yes, quote no, publish no, attachments no"* ]]
    run st hq list --json
    expect_status 0
    echo "$output" | python3 -c '
import json, sys
r = json.load(sys.stdin)[0]
c = r["consent"]
assert c["export"] is True and c["quote"] is False and c["publish"] is False, c
assert c["attachments"] is False and c["method"] == "written" and c["embargo"] is None, c
assert len(r["subject"]) == 16, r
'
    # hq's own id for the subject is its own, not the device's.
    [ "$(st hq subject show "$P" | sed -n 's/^subject id: //p')" != "$UID_" ]
    # The consent is the device's: hq cannot change it.
    run st hq consent "$P" --quote yes
    expect_status 2
    [ "$output" = "intake: $P came in a bundle: its consent is the one its device recorded, carried by its bundles, and cannot be changed here" ]
}

@test "consent: a rename and a new scope on the device reach hq as one subject; a record already there takes the new scope" {
    field_hq
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    st hq import "$W/1.bundle" >/dev/null
    P=$(hq_subject)
    st field subject rename Nari Bora >/dev/null 2>&1
    st field consent Bora --quote yes >/dev/null 2>&1
    ID2=$(printf 'More about the border.\n' | st field record Bora --title "Second talk" --date 2024-04-01)
    st field export --to hq --all -o "$W/2.bundle" >/dev/null 2>&1
    run st hq import "$W/2.bundle"
    expect_status 0
    # $ID's text changed with the pseudonym: the export raised its version.
    [ "$output" = "imported 1 record(s) and 0 attachment(s) from field; 0 already here
1 record replaced by its newer version (the old text is gone)" ]
    [ "$(st hq subject list | wc -l)" -eq 1 ]
    P2=$(hq_subject)
    [ "$P2" = "Bora@${P#Nari@}" ]
    run st hq subject show "$P2"
    [[ "$output" == *"records: 2"* ]]
    [[ "$output" == *"export yes, quote yes, publish no"* ]]
    run st hq show "$ID"
    [[ "$output" == *"pseudonym: $P2"* ]]
    [[ "$output" == *"quote yes"* ]]
    run st hq subject show "$P"
    expect_status 2
    [ "$output" = "intake: no subject with pseudonym '$P' (see 'intake subject list')" ]
}

@test "consent: hq -> partner: the export onward carries and honours the imported scope" {
    field_hq
    mkstore partner
    introduce hq partner
    st field consent Nari --attachments no >/dev/null 2>&1
    echo "recording" >"$W/rec.txt"
    st field attach "$ID" "$W/rec.txt" >/dev/null
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    run st hq import "$W/1.bundle"
    [ "$output" = "imported 1 record(s) and 0 attachment(s) from field; 0 already here" ]
    run st hq export --to partner --all -o "$W/p.bundle"
    expect_status 0
    run st partner import "$W/p.bundle"
    expect_status 0
    [ "$output" = "imported 1 record(s) and 0 attachment(s) from hq; 0 already here" ]
    P=$(st partner subject list --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["pseudonym"])')
    run st partner subject show "$P"
    [[ "$output" == *"(written): export yes, quote no, publish no, attachments no"* ]]
}

@test "import: attachments added to a record already imported arrive; the same bytes again are already here" {
    field_hq
    st field consent Nari --attachments yes >/dev/null 2>&1
    ID0=$(printf 'An earlier talk.\n' | st field record Nari --title "First talk" --date 2024-01-01)
    echo "first" >"$W/a.txt"
    echo "second" >"$W/b.txt"
    echo "third" >"$W/c.txt"
    st field attach "$ID0" "$W/c.txt" >/dev/null
    st field attach "$ID" "$W/a.txt" >/dev/null
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    run st hq import "$W/1.bundle"
    [ "$output" = "imported 2 record(s) and 2 attachment(s) from field; 0 already here" ]
    # $ID's attachment was attachment-2.txt there; alone, a.txt is now
    # attachment-1.txt (the same bytes: kept) and b.txt attachment-2.txt.
    st field attach "$ID" "$W/b.txt" >/dev/null
    st field export --to hq "$ID" -o "$W/2.bundle" >/dev/null 2>&1
    run st hq import "$W/2.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 1 attachment(s) from field; 1 already here, with their attachments" ]
    run st hq show "$ID"
    [[ "$output" == *"attachment: attachment-2.txt	text/plain	6 bytes"* ]]
    [[ "$output" =~ attachment:\ attachment-2-[0-9a-f]{8}\.txt$'\t'text/plain$'\t'7\ bytes ]]
    name=$(st hq show "$ID" --json | python3 -c '
import json, sys
print([a["name"] for a in json.load(sys.stdin)["attachments"] if a["size"] == 7][0])')
    st hq attachment get "$ID" "$name" -o "$W/got"
    cmp "$W/b.txt" "$W/got"
    st field export --to hq "$ID" -o "$W/3.bundle" >/dev/null 2>&1
    run st hq import "$W/3.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 1 already here, with their attachments" ]
    [ "$(st hq show "$ID" | grep -c '^attachment: ')" -eq 2 ]
}

# ---- corrections (issue 16): the same record id from the same sender ----

@test "corrections: a newer version replaces the older at hq; its old text is gone from show, search and the index" {
    field_hq
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    st hq import "$W/1.bundle" >/dev/null
    printf 'She corrected it: the eastern bank, at dawn.\n' |
        st field record edit "$ID" --title "Border crossing (corrected)" --tag dawn >/dev/null 2>&1
    st field export --to hq --all -o "$W/2.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/2.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 record replaced by its newer version (the old text is gone)" ]
    run st hq show "$ID"
    expect_status 0
    [[ "$output" == *"title: Border crossing (corrected)"* ]]
    [[ "$output" == *"version: 2"* && "$output" == *"the eastern bank, at dawn."* ]]
    [[ "$output" != *"spoke about the border"* && "$output" != *"tag: border"* ]]
    [ -z "$(st hq search spoke)" ]
    [ "$(st hq search eastern | cut -f1)" = "$ID" ]
    [[ "$(st hq log)" == *"import.replace"*"$ID"* ]]
    # The same bundle again: imported before; the newer one again: kept.
    run st hq import "$W/2.bundle"
    [[ "$output" == *"was imported before; nothing was added" ]]
    st field export --to hq --all -o "$W/3.bundle" >/dev/null 2>&1
    run st hq import "$W/3.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 1 already here" ]
}

@test "corrections: an older version is refused as stale, alone: the bundle's other record is imported (exit 1)" {
    field_hq
    ID2=$(printf 'Another talk.\n' | st field record Nari --title "Second" --date 2024-04-01)
    # old.bundle: $ID at version 1 and $ID2, which hq does not have yet.
    st field export --to hq --all -o "$W/old.bundle" >/dev/null 2>&1
    st field record edit "$ID" --title "Border crossing (corrected)" </dev/null >/dev/null 2>&1
    st field export --to hq "$ID" -o "$W/new.bundle" >/dev/null 2>&1
    st hq import "$W/new.bundle" >/dev/null
    run --separate-stderr st hq import "$W/old.bundle"
    expect_status 1
    [ "$output" = "imported 1 record(s) and 0 attachment(s) from field; 0 already here" ]
    [ "$stderr" = "intake: the bundle holds record $ID at version 1, older than version 2 here (a stale copy): refused (1 record(s) refused in all); the rest of the bundle was imported" ]
    run st hq show "$ID"
    [[ "$output" == *"title: Border crossing (corrected)"* ]]
    run --separate-stderr st hq show "$ID2"
    expect_status 0
}

@test "corrections: a redaction fixed after the export (a new protected term) raises the version at export; hq replaces its copy" {
    field_hq
    ID2=$(printf 'She crossed near the old mill by the river.\n' | st field record Nari --title "Mill" --date 2024-04-01)
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    st hq import "$W/1.bundle" >/dev/null
    [[ "$(st hq show "$ID2")" == *"old mill"* ]]
    st field term add "place:old mill" >/dev/null 2>&1
    # The same text again: no new version.
    st field export --to hq "$ID" -o "$W/same.bundle" >/dev/null 2>&1
    [[ "$(st field show "$ID")" != *"version:"* ]]
    st field export --to hq --all -o "$W/2.bundle" >/dev/null 2>&1
    run st field show "$ID2"
    [[ "$output" == *"version: 2"* ]]
    [[ "$(st field log)" == *"record.version"*"$ID2"* ]]
    run --separate-stderr st hq import "$W/2.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 1 already here
1 record replaced by its newer version (the old text is gone)" ]
    run st hq show "$ID2"
    [[ "$output" == *"version: 2"* && "$output" != *"old mill"* && "$output" == *"[PLACE-1]"* ]]
    # Exported again unchanged: still version 2, kept at hq.
    st field export --to hq "$ID2" -o "$W/3.bundle" >/dev/null 2>&1
    [[ "$(st field show "$ID2")" == *"version: 2"* ]]
    run st hq import "$W/3.bundle"
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 1 already here" ]
}

@test "corrections: the same version with other text from the sender (a conflict) is refused alone, exit 1; the bundle's new record is kept" {
    TOOLS=$(tools_dir)
    [ -x "$TOOLS/forge" ] || skip "no forge tool (make builds it)"
    field_hq
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    st hq import "$W/1.bundle" >/dev/null
    ID3=$(printf 'A third talk.\n' | st field record Nari --title "Third" --date 2024-05-01)
    st field export --to hq --all -o "$W/2.bundle" >/dev/null 2>&1
    # $ID at version 1 with other text, signed by field.
    "$TOOLS/forge" "$T/field" "$T/hq" "$W/2.bundle" placeholder "$W/3.bundle" 3<<<"$PASS"
    run --separate-stderr st hq import "$W/3.bundle"
    expect_status 1
    [ "$output" = "imported 1 record(s) and 0 attachment(s) from field; 0 already here" ]
    [ "$stderr" = "intake: the bundle holds record $ID at version 1 with other text than the same version here (a conflict: keep this copy, or have the sender edit the record again, which gives it a higher version that replaces this one): refused (1 record(s) refused in all); the rest of the bundle was imported" ]
    # The copy here keeps its text; the third record arrived.
    [[ "$(st hq show "$ID")" != *placeholder* ]]
    run --separate-stderr st hq show "$ID3"
    expect_status 0
}

# ---- notices owed (issue 16, step 3, the device's side) ----

@test "notices: a withdrawal, a record delete and a subject forget after an export make notices due to its recipients; exports lists them" {
    field_hq
    bora
    NEW=$(printf 'Not sent.\n' | st field record Bora --title "Later" --date 2024-03-17)
    st field export --to hq "$ID" "$B" -o "$W/1.bundle" >/dev/null 2>&1
    BUID=$(st field subject show Bora | sed -n 's/^subject id: //p')
    # Nothing is due before a change.
    run --separate-stderr st field exports
    expect_status 0
    [ -z "$stderr" ]
    run --separate-stderr st field consent Nari --withdraw
    expect_status 0
    [ "$stderr" = "intake: consent withdrawn for Nari (see 'intake subject show Nari')
intake: hq received these records before: 1 notice(s) to them are now due (see 'intake exports')" ]
    # Withdrawn again: still one notice.
    run --separate-stderr st field consent Nari --withdraw
    [ "$stderr" = "intake: consent withdrawn for Nari (see 'intake subject show Nari')" ]
    # A record never sent: no notice.
    run --separate-stderr st field record delete "$NEW" --yes
    expect_status 0
    [ "$stderr" = "intake: deleted record $NEW" ]
    run --separate-stderr st field record delete "$B" --yes
    expect_status 0
    [[ "$stderr" == *"intake: hq received these records before: 1 notice(s) to them are now due (see 'intake exports')" ]]
    run --separate-stderr st field subject forget Nari --yes
    expect_status 0
    [[ "$stderr" == *"intake: hq received these records before: 1 notice(s) to them are now due (see 'intake exports')" ]]
    run --separate-stderr st field exports
    expect_status 0
    [ "$(printf '%s\n' "$output" | wc -l)" -eq 1 ]
    [[ "$stderr" == "intake: notice not yet sent to hq: withdrawal of consent of subject $UID_, due since 20"*"
intake: notice not yet sent to hq: deletion of record $B (subject Bora), due since 20"*"
intake: notice not yet sent to hq: deletion of subject $UID_, due since 20"* ]]
    # A subject still here by its pseudonym (adv16b C-13); one forgotten by
    # its id only: no pseudonym or name of it.
    [[ "$stderr" != *Nari* && "$stderr" != *Kim* ]]
}

# ---- notices travel in bundles (issue 16, step 3: export and notify) ----

@test "notify: a bundle of only the notices owed, marked sent with it; none owed: exit 2, no bundle" {
    field_hq
    st field export --to hq "$ID" -o "$W/1.bundle" >/dev/null 2>&1
    # Nothing owed yet.
    run --separate-stderr st field notify --to hq -o "$W/n0.bundle"
    expect_status 2
    [ "$stderr" = "intake: no notice is owed to hq; no bundle was written" ]
    [ ! -e "$W/n0.bundle" ]
    st field consent Nari --withdraw >/dev/null 2>&1
    st field record delete "$ID" --yes >/dev/null 2>&1
    run --separate-stderr st field notify --to hq -o "$W/n.bundle"
    expect_status 0
    [ "$output" = "$W/n.bundle" ]
    [[ "$stderr" == *"intake: the bundle carries 2 notice(s) to hq; every later bundle to them carries them again, so a refused or lost bundle loses none" ]]
    [[ "$stderr" != *"exported"*"record(s)"* ]]
    today=$(date -u +%F)
    run hq_notices "$W/n.bundle"
    expect_status 0
    [ "$output" = "withdrawal $UID_ None $today
deletion $UID_ $ID $today" ]
    # No pseudonym, name or text in what the bundle carries.
    run st hq open "$W/n.bundle" --json
    # The manifest's keyed digests are random base64: short words turn up in it by chance.
    output=$(jq 'del(.header.digests)' <<<"$output")
    [[ "$output" != *Nari* && "$output" != *Kim* && "$output" != *border* ]]
    [[ "$output" == *'"records": []'* || "$output" == *'"records":[]'* ]]
    # Sent: listed as sent, not acknowledged; notify sends only new ones.
    run --separate-stderr st field exports
    expect_status 0
    [[ "$stderr" != *"notice not yet sent"* ]]
    [[ "$stderr" == *"intake: notice sent to hq, not yet acknowledged: withdrawal of consent of subject Nari, first sent 20"*"; every bundle to them carries it again"* ]]
    run --separate-stderr st field notify --to hq -o "$W/n2.bundle"
    expect_status 2
    [ "$stderr" = "intake: no new notice is owed to hq (2 were sent before, not acknowledged: --resend sends them again); no bundle was written" ]
    [ ! -e "$W/n2.bundle" ]
}

@test "export: a bundle to a contact carries the notices owed to it and marks them sent; to another contact, not" {
    field_hq
    mkstore other
    introduce field other
    bora
    st field export --to hq "$ID" -o "$W/1.bundle" >/dev/null 2>&1
    st field consent Nari --withdraw >/dev/null 2>&1
    # To another contact: no notice (it never received Nari's records).
    run --separate-stderr st field export --to other "$B" -o "$W/o.bundle"
    expect_status 0
    [[ "$stderr" != *notice* ]]
    run st other open "$W/o.bundle" --json
    expect_status 0
    [[ "$output" == *'"notices": []'* ]]
    # To hq: the withdrawal rides along with Bora's record.
    run --separate-stderr st field export --to hq "$B" -o "$W/2.bundle"
    expect_status 0
    [[ "$stderr" == *"intake: exported 1 record(s) to hq
intake: the bundle carries 1 notice(s) to hq; every later bundle to them carries them again, so a refused or lost bundle loses none" ]]
    run hq_notices "$W/2.bundle"
    [ "$output" = "withdrawal $UID_ None $(date -u +%F)" ]
    run --separate-stderr st field exports
    [[ "$stderr" != *"notice not yet sent"* ]]
    # The records still import at hq.
    run st hq import "$W/2.bundle"
    expect_status 0
}

@test "notify: bad input (no --to, an argument, an unknown contact, an existing file) exits 2 and writes nothing" {
    field_hq
    run --separate-stderr st field notify
    expect_status 2
    [[ "$stderr" == *"notify needs --to NAME[,NAME...]"* ]]
    run --separate-stderr st field notify --to hq extra
    expect_status 2
    [[ "$stderr" == *"unexpected argument 'extra'"* ]]
    run --separate-stderr st field notify --to nobody
    expect_status 2
    [[ "$stderr" == "intake: "*nobody* ]]
    touch "$W/there"
    run --separate-stderr st field notify --to hq -o "$W/there"
    expect_status 2
    run --separate-stderr st field notify --help
    expect_status 0
    [ "$output" = "usage: intake notify --to NAME[,NAME...] [--resend] [-o FILE] [--armor]" ]
}
