#!/usr/bin/env bats
# Issue 15 on the real binary: record edit and delete, attachment remove,
# exports and where a record was sent, export's filters, backup, restore,
# wipe and search as a person types it. Each refusal with its exact
# status and one-line message, and the store unchanged by it.

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    W=$T/work
    mkdir -p "$W"
    cd "$W"
}

teardown() { common_teardown; }

# field: store "field" (contacts hq and hq2, verified both ways), subjects
# Nari (consent to export) and Bom (none), records A, B (Nari) and C (Bom).
field() {
    mkstore field
    mkstore hq
    mkstore hq2
    introduce field hq
    introduce field hq2
    st field subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    st field subject add --name "Pak Chol" --pseudonym Bom >/dev/null
    st field consent Nari --export yes --method verbal 2>/dev/null
    A=$(echo "Kim Ji-yeon spoke about the border." |
        st field record Nari --title Border --date 2024-03-15 --tag border)
    B=$(echo "The logging camp near Tynda." |
        st field record Nari --title Camp --date 2024-05-01 --tag camp)
    C=$(echo "Pak Chol about wages." |
        st field record Bom --title Wages --date 2024-06-01 --tag camp)
    H=$T/field
}

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

# ---- backup, restore ----

@test "backup and restore: read back, opens only with the same secrets, never over a store" {
    field
    H=$T/field
    run --separate-stderr st field backup -o "$W/b1"
    expect_status 0
    [ "$output" = "$W/b1" ]
    [[ "$stderr" == "intake: backup written and read back ($(stat -c %s "$W/b1") bytes, checksum "*"); it opens with this store's passphrase or recovery key as they are now" ]]
    [ "$(mode_of "$W/b1")" = 600 ]
    run --separate-stderr st field log
    [[ "$output" == *" backup "* ]]
    # Restored with the passphrase: the same records, a log that verifies.
    run --separate-stderr "$INTAKE" --passphrase-fd 3 restore "$W/b1" --home "$T/r1" 3<<<"$PASS"
    expect_status 0
    [ "$output" = "Restored a store in $T/r1" ]
    [ "$(st r1 list)" = "$(st field list)" ]
    run --separate-stderr st r1 log --verify
    expect_status 0
    [[ "$(st r1 log)" == *" restore "* ]]
}

@test "backup and restore: refusals, each one line" {
    field
    H=$T/field
    st field backup -o "$W/b1" 2>/dev/null
    refused 2 "backup needs -o FILE, a new file (see 'intake help backup')" backup
    refused 2 "$W/b1 exists; a backup never replaces a file: choose a new name" backup -o "$W/b1"
    refused 2 "a backup cannot go into the store folder $T/field (it would be lost with it); write it elsewhere, best on another disk" backup -o "$T/field/b"
    refused 2 "cannot write /nonexistent-dir/b: No such file or directory" backup -o /nonexistent-dir/b
    refused 2 "unexpected argument 'extra' (see 'intake help backup')" backup -o "$W/b2" extra
    # restore
    r() { run --separate-stderr "$INTAKE" --passphrase-fd 3 restore "$@" 3<<<"$PASS"; }
    r "$W/b1" --home "$T/hq"
    expect_status 2
    [ "$stderr" = "intake: a store already exists in $T/hq; restore never replaces one: choose another folder with --home" ]
    r --home "$T/r1"
    expect_status 2
    [ "$stderr" = "intake: restore needs one backup FILE (see 'intake help restore')" ]
    r "$W/nosuch" --home "$T/r1"
    expect_status 2
    [ "$stderr" = "intake: cannot open backup $W/nosuch: No such file or directory" ]
    echo hello >"$W/txt"
    r "$W/txt" --home "$T/r1"
    expect_status 2
    [ "$stderr" = "intake: $W/txt is not an intake backup" ]
    head -c 1000 "$W/b1" >"$W/cut"
    r "$W/cut" --home "$T/r1"
    expect_status 2
    [ "$stderr" = "intake: $W/cut is not a whole intake backup (it is cut short)" ]
    cp "$W/b1" "$W/flip"
    printf '\x55' | dd of="$W/flip" bs=1 seek=50000 conv=notrunc 2>/dev/null
    r "$W/flip" --home "$T/r1"
    expect_status 2
    [ "$stderr" = "intake: $W/flip is not a whole intake backup (its checksum does not match: it was damaged or changed)" ]
    cat "$W/b1" "$W/txt" >"$W/long"
    r "$W/long" --home "$T/r1"
    expect_status 2
    [[ "$stderr" == "intake: $W/long is not a whole intake backup ("* ]]
    run --separate-stderr "$INTAKE" --passphrase-fd 3 restore "$W/b1" --home "$T/r1" 3<<<"$NEWPASS"
    expect_status 1
    [ "$stderr" = "intake: the passphrase does not open this backup" ]
    run --separate-stderr "$INTAKE" --recovery --passphrase-fd 3 restore "$W/b1" --home "$T/r1" \
        3<<<"AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"
    expect_status 1
    [ "$stderr" = "intake: the recovery key does not open this backup" ]
    # No refusal left a folder behind.
    [ ! -e "$T/r1" ]
    run --separate-stderr "$INTAKE" --home "$T/a" --passphrase-fd 3 restore "$W/b1" --home "$T/b" 3<<<"$PASS"
    expect_status 2
    [ "$stderr" = "intake: two different --home folders (see 'intake help restore')" ]
}

@test "backup: a backup made before a passwd opens with the old passphrase only" {
    init_store
    ik subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    ik backup -o "$W/b" 2>/dev/null
    ik_pass "$PASS"$'\n'"$NEWPASS"$'\n'"$NEWPASS" passwd >/dev/null 2>&1
    run --separate-stderr "$INTAKE" --passphrase-fd 3 restore "$W/b" --home "$T/r" 3<<<"$NEWPASS"
    expect_status 1
    run --separate-stderr "$INTAKE" --passphrase-fd 3 restore "$W/b" --home "$T/r" 3<<<"$PASS"
    expect_status 0
    run --separate-stderr "$INTAKE" --recovery --passphrase-fd 3 restore "$W/b" --home "$T/r2" 3<<<"$RECOVERY"
    expect_status 0
    [ "$("$INTAKE" --home "$T/r2" --passphrase-fd 3 subject list 3<<<"$PASS" | cut -f1)" = Nari ]
}

# ---- wipe ----

@test "wipe: --yes off a terminal; keyslots gone, the folder removed; other files kept" {
    init_store
    ik subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    refused 2 "wipe makes the store in $H unreadable for good; add --yes when not at a terminal (see 'intake help wipe')" wipe
    refused 2 "wipe takes no arguments (see 'intake help wipe')" wipe --yes extra
    run --separate-stderr "$INTAKE" --home "$H" wipe --yes
    expect_status 0
    [[ "$stderr" == "intake: wiped the store in $H: 1 keyslot file overwritten, "*" removed, the folder too" ]]
    [ ! -e "$H" ]
    run --separate-stderr "$INTAKE" --home "$H" wipe --yes
    expect_status 2
    [ "$stderr" = "intake: no store in $H; nothing was wiped" ]
    mkdir -p "$T/empty"
    run --separate-stderr "$INTAKE" --home "$T/empty" wipe --yes
    expect_status 2
    [ "$stderr" = "intake: no store in $T/empty; nothing was wiped" ]
    # A file of the user's own beside the store stays, and so does the folder.
    init_store
    echo mine >"$H/notes.txt"
    run --separate-stderr "$INTAKE" --home "$H" wipe --yes
    expect_status 0
    [ "$(ls -A "$H")" = notes.txt ]
}

@test "wipe: the keyslot file is overwritten and synced before any file is removed (strace)" {
    init_store
    command -v strace >/dev/null || skip "strace is not installed"
    strace -o /dev/null true || skip "strace cannot trace here (ptrace not permitted)"
    # LeakSanitizer cannot work under ptrace (the sanitizer build).
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -e trace=openat,write,fsync,fdatasync,unlink,unlinkat -o "$T/wipe.log" \
        "$INTAKE" --home "$H" wipe --yes 2>/dev/null
    first_unlink=$(grep -n 'unlink' "$T/wipe.log" | head -n 1 | cut -d: -f1)
    ks_open=$(grep -n "\"$H/keyslots\"" "$T/wipe.log" | head -n 1 | cut -d: -f1)
    sync_line=$(grep -nE 'f(data)?sync' "$T/wipe.log" | head -n 1 | cut -d: -f1)
    [ -n "$ks_open" ] && [ -n "$sync_line" ] && [ -n "$first_unlink" ]
    [ "$ks_open" -lt "$sync_line" ] && [ "$sync_line" -lt "$first_unlink" ]
    grep "\"$H/keyslots\"" "$T/wipe.log" | head -n 1 | grep -qE 'O_(WRONLY|RDWR)'
}

# ---- search ----

@test "search: words as typed (hyphens, phone numbers, Korean particles, tags, places, phrases)" {
    init_store
    P=$(ik subject add --name "Kim Jong-su")
    id1=$(printf '김종수는 Jong-su 와 함께 왔다. 종수의 전화 010-1234-5678.\n' |
          ik record "$P" --title "first" --place Vladivostok --tag logging)
    id2=$(printf 'Another day, another river.\n' | ik record "$P" --title second --tag 노동)
    finds() {
        run --separate-stderr ik search "$@"
        expect_status 0
        [ "${#lines[@]}" -eq 1 ] && [[ "$output" == "$id1"$'\t'* ]] ||
            { echo "search $* gave: $output / $stderr" >&2; return 1; }
    }
    finds Jong-su
    finds jongsu
    finds 종수
    finds 김종수
    finds 종수의
    finds 01012345678
    finds 010-1234-5678
    finds "+82 10 1234 5678"
    finds logging
    finds vladivostok
    finds '"Jong-su 와"'
    finds Jong-su 종수
    run --separate-stderr ik search 노동
    [[ "$output" == "$id2"$'\t'* ]]
    run --separate-stderr ik search '"river another"'
    expect_status 0
    [ -z "$output" ]
    run --separate-stderr ik search nowhere
    expect_status 0
    [ -z "$output" ]
    # --raw: FTS4 as it is written ('-' is NOT there).
    run --separate-stderr ik search --raw 'Jong*'
    [[ "$output" == "$id1"$'\t'* ]]
    run --separate-stderr ik search --raw 'river -another'
    [ -z "$output" ]
    refused 2 "there is no word to search for (letters or digits)" search '* "" -'
    refused 2 "unknown option '-J' (a word that starts with '-' goes after --) (see 'intake help search')" search -Jong
    run --separate-stderr ik search -- -Jong-su
    [[ "$output" == "$id1"$'\t'* ]]
    refused 2 "the index cannot read this query as FTS4 syntax; without --raw, words are searched as they are typed" search --raw '"x'
    refused 2 "search needs the words to look for (see 'intake help search')" search
}
