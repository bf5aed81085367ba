#!/usr/bin/env bats
# Issue 15 on the real binary: record edit and delete, attachment remove,
# exports and where a record was sent, export's filters, backup, restore,
# wipe and search as a person types it. Each refusal with its exact
# status and one-line message, and the store unchanged by it.

bats_require_minimum_version 1.5.0
load helpers
load work

# ---- record edit ----

@test "record edit: fields and body change, the version grows, the log says which record only" {
    field
    run --separate-stderr st field record edit "$A" --title "Border, again" --place Hyesan \
        --tag border --tag river </dev/null
    expect_status 0
    [ "$stderr" = "intake: record $A was changed: it is now at version 2" ]
    echo "She corrected it: the eastern bank." | st field record edit "$A" 2>/dev/null
    run --separate-stderr st field show "$A"
    expect_status 0
    [[ "$output" == *"title: Border, again"* && "$output" == *"place: Hyesan"* ]]
    [[ "$output" == *"tag: border"*"tag: river"* && "$output" == *"version: 3"* ]]
    [[ "$output" == *"edited: 20"* && "$output" == *"the eastern bank."* ]]
    [[ "$output" != *"spoke about"* ]]
    run --separate-stderr st field show "$A" --json
    python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["version"] == 3, d' <<<"$output"
    # The old words are gone from the index; the new ones are found.
    run --separate-stderr st field search spoke
    expect_status 0
    [ -z "$output" ]
    run --separate-stderr st field search eastern
    [[ "$output" == "$A"$'\t'* ]]
    run --separate-stderr st field search Hyesan
    [[ "$output" == "$A"$'\t'* ]]
    # The log names the record, never what changed.
    run --separate-stderr st field log
    [ "$(printf '%s\n' "$output" | grep -c "record.edit  *$A")" -eq 2 ]
    [[ "$output" != *Hyesan* && "$output" != *eastern* ]]
    # The same text again changes nothing and says so.
    run --separate-stderr st field record edit "$A" --title "Border, again" </dev/null
    expect_status 0
    [ "$stderr" = "intake: record $A already reads so: nothing was changed (version 3)" ]
    # Other records keep version 1.
    run --separate-stderr st field show "$B"
    [[ "$output" != *"version:"* ]]
}

@test "record edit: refusals, each one line, the store unchanged" {
    field
    refused 2 "record edit needs one record ID (see 'intake help record')" record edit
    refused 2 "record edit needs something to change: --title, --date, --place, --lang, --tag, --file or a body on standard input (see 'intake help record')" record edit "$A"
    refused 2 "no record with id 'nosuchrecord0000' (see 'intake list')" record edit nosuchrecord0000 --title x
    refused 2 "--date '2024-13-01' is not a real date in the form YYYY-MM-DD (see 'intake help record')" record edit "$A" --date 2024-13-01
    refused 2 "option '--title' needs a value (see 'intake help record')" record edit "$A" --title
    refused 2 "unknown option '--bogus' (see 'intake help record')" record edit "$A" --bogus
    refused 2 "cannot open $W/missing: No such file or directory" record edit "$A" --file "$W/missing"
}

@test "record edit: an imported record is its sender's" {
    field
    st field export --to hq "$A" -o "$W/a.bundle" >/dev/null 2>&1
    st hq import "$W/a.bundle" >/dev/null
    H=$T/hq
    run --separate-stderr st hq record edit "$A" --title x </dev/null
    expect_status 2
    one_line_stderr
    [[ "$stderr" == "intake: record $A "*import* ]]
}

# ---- record delete, attachment remove ----

@test "record delete: --yes off a terminal; the record, its tags and index rows go; logged by id" {
    field
    refused 2 "record delete deletes record $A for good; add --yes when not at a terminal (see 'intake help record')" record delete "$A"
    refused 2 "record delete needs one record ID (see 'intake help record')" record delete
    refused 2 "no record with id 'nosuchrecord0000' (see 'intake list')" record delete nosuchrecord0000 --yes
    echo data >"$W/a.txt"
    st field attach "$A" "$W/a.txt" >/dev/null 2>&1
    # A unique start of the id names the record (issue 15's small walls).
    run --separate-stderr st field record delete "${A:0:6}" --yes
    expect_status 0
    one_line_stderr
    [[ "$stderr" == "intake: "*"$A"* ]]
    run --separate-stderr st field list
    [ "${#lines[@]}" -eq 2 ] && [[ "$output" != *"$A"* ]]
    run --separate-stderr st field search border
    [ -z "$output" ]
    run --separate-stderr st field show "$A"
    expect_status 2
    [ "$stderr" = "intake: no record with id '$A' (see 'intake list')" ]
    run --separate-stderr st field log
    [[ "$output" == *"record.delete"*"$A"* ]]
    run --separate-stderr st field log --verify
    expect_status 0
}

@test "attachment remove: --yes off a terminal; refusals; the name is never logged" {
    field
    echo data >"$W/voice-memo.txt"
    st field attach "$C" "$W/voice-memo.txt" >/dev/null 2>&1
    refused 2 "attachment remove needs a RECORD and a NAME (see 'intake help attachment')" attachment remove "$C"
    refused 2 "attachment remove deletes 'voice-memo.txt' of record $C for good; add --yes when not at a terminal (see 'intake help attachment')" attachment remove "$C" voice-memo.txt
    refused 2 "record '$C' has no attachment named 'b.txt' (see 'intake show $C')" attachment remove "$C" b.txt --yes
    refused 2 "no record with id 'nosuchrecord0000' (see 'intake list')" attachment remove nosuchrecord0000 a.txt --yes
    refused 2 "no record with id 'nosu' (see 'intake list')" attachment remove nosu a.txt --yes
    # A unique start of the id names the record; the message gives it whole.
    run --separate-stderr st field attachment remove "${C:0:6}" voice-memo.txt --yes
    expect_status 0
    [ "$stderr" = "intake: removed 'voice-memo.txt' from record $C" ]
    run --separate-stderr st field show "$C"
    [[ "$output" != *voice-memo* ]]
    run --separate-stderr st field log
    [[ "$output" == *"attachment.remove"*"$C"* && "$output" != *voice-memo* ]]
    run --separate-stderr st field attachment remove "$C" voice-memo.txt --yes
    expect_status 2
}

# ---- exports, show, export's filters ----

@test "exports: newest first with recipients, records, hash and size; show lists where a record went" {
    field
    H=$T/field
    run --separate-stderr st field exports
    expect_status 0
    [ -z "$output" ]
    refused 2 "exports takes no arguments (see 'intake help exports')" exports x
    st field export --to hq "$A" -o "$W/1.bundle" >/dev/null 2>&1
    st field export --to hq,hq2 "$A" "$B" -o "$W/2.bundle" >/dev/null 2>&1
    run --separate-stderr st field exports
    expect_status 0
    [ "${#lines[@]}" -eq 2 ]
    h2=$(sha256sum "$W/2.bundle" | cut -c1-16)
    [[ "${lines[0]}" == *$'\t'"hq,hq2"$'\t'"$(stat -c %s "$W/2.bundle")"$'\t'* ]]
    [[ "${lines[0]}" == *"$A"* && "${lines[0]}" == *"$B"* ]]
    [[ "${lines[1]}" == *$'\t'hq$'\t'* && "${lines[1]}" != *"$B"* ]]
    run --separate-stderr st field exports --json
    expect_status 0
    python3 - "$W/1.bundle" "$A" <<<"$output" -c '
import json, os, sys
d = json.load(sys.stdin)
assert len(d) == 2 and d[0]["to"] == ["hq", "hq2"] and d[1]["to"] == ["hq"], d
assert d[1]["records"] == [{"id": sys.argv[2], "version": 1}], d
assert d[1]["size"] == os.path.getsize(sys.argv[1]), d
assert len(d[1]["bundle"]) == 64 and d[0]["at"] >= d[1]["at"]'
    run --separate-stderr st field show "$A"
    [ "$(printf '%s\n' "$output" | grep -c '^sent: .* to hq.*(version 1, bundle ')" -eq 2 ]
    run --separate-stderr st field show "$C"
    [ "$(printf '%s\n' "$output" | grep -c '^sent:')" -eq 0 ]
}

@test "export filters: --subject, --tag, --since, --not-sent-to (a newer version counts as not sent)" {
    field
    st field consent Bom --export yes --method verbal 2>/dev/null
    ids() { st "${2:-hq}" open "$1" --json | python3 -c 'import json,sys; print(" ".join(sorted(r["id"] for r in json.load(sys.stdin)["records"])))'; }
    st field export --to hq --subject Bom -o "$W/s.bundle" >/dev/null 2>&1
    [ "$(ids "$W/s.bundle")" = "$C" ]
    st field export --to hq --tag camp -o "$W/t.bundle" >/dev/null 2>&1
    [ "$(ids "$W/t.bundle")" = "$(printf '%s\n' "$B" "$C" | sort | tr '\n' ' ' | sed 's/ $//')" ]
    st field export --to hq --since 2024-05-01 --subject Nari -o "$W/d.bundle" >/dev/null 2>&1
    [ "$(ids "$W/d.bundle")" = "$B" ]
    # A and C never went to hq2; B and C went to hq.
    st field export --to hq2 --not-sent-to hq -o "$W/n.bundle" >/dev/null 2>&1
    [ "$(ids "$W/n.bundle" hq2)" = "$A" ]
    # Once A is edited, its new version was sent to nobody.
    st field record edit "$A" --title "Border (corrected)" </dev/null 2>/dev/null
    st field export --to hq --not-sent-to hq -o "$W/v.bundle" >/dev/null 2>&1
    [ "$(ids "$W/v.bundle")" = "$A" ]
    st hq open "$W/v.bundle" --json | python3 -c '
import json, sys
r = json.load(sys.stdin)["records"][0]
assert r["version"] == 2 and r["title"] == "Border (corrected)", r'
    H=$T/field
    refused 2 "no record passes the filters; no bundle was written" export --to hq --not-sent-to hq
    refused 2 "--since '2024-02-30' is not a real date in the form YYYY-MM-DD (see 'intake help export')" export --to hq --since 2024-02-30
    refused 2 "--since 'yesterday' is not a real date in the form YYYY-MM-DD (see 'intake help export')" export --to hq --since yesterday
    refused 2 "no subject with pseudonym 'Nobody' (see 'intake subject list')" export --to hq --subject Nobody
    refused 2 "no contact named 'nobody' (see 'intake contact list')" export --to hq --not-sent-to nobody
    refused 2 "no record passes the filters; no bundle was written" export --to hq --tag nosuchtag
    refused 2 "give RECORD ids or filters (--subject, --tag, --since, --not-sent-to), not both (see 'intake help export')" export --to hq --subject Nari "$A"
}

@test "export --skip-blocked: every selected record blocked writes no bundle, exit 1, says why" {
    field
    before=$(st field exports)
    run --separate-stderr st field export --to hq --subject Bom --skip-blocked -o "$W/x.bundle"
    expect_status 1
    [ -z "$output" ]
    [ "${stderr_lines[0]}" = "intake: record $C (Bom) may not leave: no consent is recorded (record it with 'intake consent PSEUDONYM --export yes')" ]
    [ "${stderr_lines[1]}" = "intake: every selected record may not leave (1, listed above); no bundle was written" ]
    [ "${#stderr_lines[@]}" -eq 2 ]
    [ ! -e "$W/x.bundle" ]
    [ -z "$(ls -A "$W")" ]
    [ "$(st field exports)" = "$before" ]
}
