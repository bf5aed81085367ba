#!/usr/bin/env bats
# Session 20 (branch con20), report adv19c: the auditor's journey at
# headquarters once notices are owed (C-3, issue 16), a forget at hq
# reported as a forget (C-5), a statement on a bundle hq refused (C-7),
# and withdrawing, forgetting and deleting on a full disk (C-4, issue 14).

bats_require_minimum_version 1.5.0
load helpers
# faults.bash: its teardown takes down the tmpfs mounts of MOUNTS.
load faults

setup() {
    common_setup
    MOUNTS=()
    W=$T/work
    mkdir -p "$W"
    cd "$W"
}

# three: stores field, hq and ethics, verified contacts of each other;
# field's subjects Nari ($ID) and Bora ($B), consent to export; both
# records reached hq ($W/1.bundle), ethics received nothing yet.
three() {
    fixture make_three ID B
}
make_three() {
    local n
    for n in field hq ethics; do mkstore "$n"; done
    introduce field hq
    introduce field ethics
    introduce hq ethics
    st field subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    st field consent Nari --export yes --method verbal 2>/dev/null
    st field subject add --name "Pak Su-mi" --pseudonym Bora >/dev/null
    st field consent Bora --export yes --method verbal 2>/dev/null
    ID=$(printf 'Kim Ji-yeon spoke about the border.\n' |
         st field record Nari --title Border --date 2024-03-15)
    B=$(printf 'Pak Su-mi spoke about the factory.\n' |
        st field record Bora --title Factory --date 2024-03-15)
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    st hq import "$W/1.bundle" >/dev/null 2>&1
}

# notices_in FILE STORE: the kinds of the notices bundle FILE carries as
# STORE opens it, one a line ("" for none).
notices_in() {
    st "$2" open "$1" --json 2>/dev/null |
        python3 -c 'import json, sys; print("\n".join(n["kind"] for n in json.load(sys.stdin)["header"]["notices"]))'
}

# journey FILE R: field writes R for hq and ethics into FILE, ethics
# audits it and signs a statement, hq imports both and shows R audited.
journey() {
    run --separate-stderr st field export --to hq,ethics "$2" -o "$1"
    expect_status 0
    run --separate-stderr st ethics audit "$1" --attest -o "$1.statement"
    expect_status 0
    run --separate-stderr st hq import "$1"
    expect_status 0
    run --separate-stderr st hq import "$1.statement"
    expect_status 0
    [[ "$output" == "imported the statement of 'ethics' on bundle "*": "*" on $(date -u +%F), about 1 record(s)" ]] ||
        { printf 'got: %s\n' "$output" >&2; return 1; }
    st hq show "$2" | grep -q "^audited: by ethics on $(date -u +%F): "
}

# ---------------------------------------------------------------- C-3

c3_unsent="intake: a notice owed to hq was never sent and cannot travel in this bundle: ethics never received what it names; send it first with 'intake notify --to hq', then export again; no bundle was written"
c3_apart="intake: 1 notice(s) owed to hq alone, sent before, are not in this bundle (its other recipients never received what they name): every bundle to hq alone carries them again ('intake notify --to hq --resend')"

@test "C-3: after a withdrawal owed to hq, notify first, then hq and ethics read one bundle: audited at hq" {
    three
    st field consent Nari --withdraw >/dev/null 2>&1
    R=$(printf 'Pak Su-mi spoke again.\n' | st field record Bora --title Again --date 2024-03-16)
    run --separate-stderr st field export --to hq,ethics "$R" -o "$W/a.bundle"
    expect_status 2
    [ "$stderr" = "$c3_unsent" ] || { printf 'got: %s\n' "$stderr" >&2; return 1; }
    [ ! -e "$W/a.bundle" ]
    # the other order of names: the same
    run --separate-stderr st field export --to ethics,hq "$R" -o "$W/a.bundle"
    expect_status 2
    [ "$stderr" = "$c3_unsent" ]
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    run --separate-stderr st field export --to hq,ethics "$R" -o "$W/a.bundle"
    expect_status 0
    [ "$(printf "%s\n" "$stderr" | tail -n 1)" = "$c3_apart" ] || { printf 'got: %s\n' "$stderr" >&2; return 1; }
    [ -z "$(notices_in "$W/a.bundle" ethics)" ]
    rm "$W/a.bundle"
    journey "$W/a.bundle" "$R"
    # the notice is still owed: a bundle to hq alone carries it again
    st field export --to hq "$R" -o "$W/h.bundle" >/dev/null 2>&1
    [ "$(notices_in "$W/h.bundle" hq)" = withdrawal ]
}

@test "C-3: deletions owed to hq (record delete) travel apart too" {
    three
    st field record delete "$ID" --yes >/dev/null 2>&1
    R=$(printf 'Pak Su-mi spoke again.\n' | st field record Bora --title Again --date 2024-03-16)
    run --separate-stderr st field export --to hq,ethics "$R" -o "$W/a.bundle"
    expect_status 2
    [ "$stderr" = "$c3_unsent" ] || { printf 'got: %s\n' "$stderr" >&2; return 1; }
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    journey "$W/a.bundle" "$R"
    # a second notice, after: stops the export again until it is sent
    st field record delete "$B" --yes >/dev/null 2>&1
    R2=$(printf 'Pak Su-mi spoke a third time.\n' | st field record Bora --title Third --date 2024-03-17)
    run --separate-stderr st field export --to hq,ethics "$R2" -o "$W/b.bundle"
    expect_status 2
    [ "$stderr" = "$c3_unsent" ]
    st field notify --to hq -o "$W/n2.bundle" >/dev/null 2>&1
    st hq import "$W/n2.bundle" >/dev/null
    run --separate-stderr st field export --to hq,ethics "$R2" -o "$W/b.bundle"
    expect_status 0
    [ "$(printf "%s\n" "$stderr" | tail -n 1)" = "intake: 2 notice(s) owed to hq alone, sent before, are not in this bundle (its other recipients never received what they name): every bundle to hq alone carries them again ('intake notify --to hq --resend')" ] ||
        { printf 'got: %s\n' "$stderr" >&2; return 1; }
}

@test "C-3: after a re-consent, the subject's new record reaches hq and ethics in one bundle, audited at hq" {
    three
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    st field consent Nari --export yes >/dev/null 2>&1
    R=$(printf 'Kim Ji-yeon spoke again after consenting anew.\n' |
        st field record Nari --title Again --date 2024-08-01)
    # the re-consent owed to hq was never sent
    run --separate-stderr st field export --to hq,ethics "$R" -o "$W/a.bundle"
    expect_status 2
    [ "$stderr" = "$c3_unsent" ] || { printf 'got: %s\n' "$stderr" >&2; return 1; }
    st field notify --to hq -o "$W/r.bundle" >/dev/null 2>&1
    st hq import "$W/r.bundle" >/dev/null
    journey "$W/a.bundle" "$R"
    [ "$(notices_in "$W/a.bundle" ethics)" = "" ]
}

@test "C-3: a notice owed to hq and ethics alike travels in their one bundle" {
    three
    st field export --to ethics "$ID" -o "$W/e.bundle" >/dev/null 2>&1
    st field consent Nari --withdraw >/dev/null 2>&1
    R=$(printf 'Pak Su-mi spoke again.\n' | st field record Bora --title Again --date 2024-03-16)
    run --separate-stderr st field export --to hq,ethics "$R" -o "$W/a.bundle"
    expect_status 0
    [ "$(notices_in "$W/a.bundle" ethics)" = withdrawal ]
    [[ "$stderr" != *"not in this bundle"* ]]
}

# ---------------------------------------------------------------- C-5

@test "C-5: hq's subject forget is reported as a forget, and its tombstones keep the device that sent the records" {
    three
    P=$(st hq subject list --json | python3 -c 'import json, sys; print([s["pseudonym"] for s in json.load(sys.stdin) if s["pseudonym"].startswith("Nari@")][0])')
    today=$(date -u +%F)
    run --separate-stderr st hq subject forget "$P" --yes
    expect_status 0
    [ "$stderr" = "intake: forgot $P and 1 record" ] || { printf 'got: %s\n' "$stderr" >&2; return 1; }
    run --separate-stderr st hq show "$ID"
    expect_status 2
    [ -z "$output" ]
    [ "$stderr" = "intake: record $ID was forgotten here with its subject (subject forget of $today), with its attachments; it came from field; this store will not import it again" ] ||
        { printf 'got: %s\n' "$stderr" >&2; return 1; }
    [ "$(st hq list --json 2>/dev/null | python3 -c '
import json, sys
t = [r for r in json.load(sys.stdin) if "tombstone" in r][0]
s = t["tombstone"]
print(t["id"], s["kind"], s["sender"], s["deleted"])')" = "$ID forget field True" ]
    FKEY=$(st hq open "$W/1.bundle" --json 2>/dev/null | python3 -c 'import json, sys; print(json.load(sys.stdin)["sender"]["signing_key"])')
    [ ${#FKEY} -eq 64 ]
    [ "$(st hq list --json 2>/dev/null | python3 -c 'import json, sys; print([r for r in json.load(sys.stdin) if "tombstone" in r][0]["tombstone"]["sender_key"])')" = "$FKEY" ]
    # the device's bundle again, and a new one: refused as forgotten
    run --separate-stderr st hq import "$W/1.bundle"
    expect_status 1
    [ "$stderr" = "intake: the bundle holds record $ID, which this store forgot with its subject (subject forget of $today): a forgotten record does not come back: refused again (1 record(s) refused in all); the bundle was imported before, and nothing was added" ] ||
        { printf 'got: %s\n' "$stderr" >&2; return 1; }
    st field export --to hq "$ID" -o "$W/2.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/2.bundle"
    expect_status 1
    [ "$stderr" = "intake: the bundle holds record $ID, which this store forgot with its subject (subject forget of $today): a forgotten record does not come back: refused (1 record(s) refused in all); no record of the bundle was imported" ] ||
        { printf 'got: %s\n' "$stderr" >&2; return 1; }
}

@test "C-5: hq's record delete keeps the sending device on its tombstone too, and is still reported as a record delete" {
    three
    today=$(date -u +%F)
    st hq record delete "$B" --yes >/dev/null 2>&1
    run --separate-stderr st hq show "$B"
    expect_status 2
    [ "$stderr" = "intake: record $B was deleted here (record delete of $today), with its attachments; this store will not import it again" ]
    [ "$(st hq list --json 2>/dev/null | python3 -c '
import json, sys
t = [r for r in json.load(sys.stdin) if "tombstone" in r][0]
print(t["id"], t["tombstone"]["kind"], t["tombstone"]["sender"])')" = "$B local field" ]
}

@test "C-5: hq cannot record a withdrawal of an imported subject; the message names subject forget" {
    three
    P=$(st hq subject list --json | python3 -c 'import json, sys; print([s["pseudonym"] for s in json.load(sys.stdin) if s["pseudonym"].startswith("Bora@")][0])')
    run --separate-stderr st hq consent "$P" --withdraw
    expect_status 2
    [ "$stderr" = "intake: $P came in a bundle: its consent is the one its device recorded, carried by its bundles, and cannot be changed here; to stop keeping its records here: 'intake subject forget $P'" ] ||
        { printf 'got: %s\n' "$stderr" >&2; return 1; }
    # another change of scope keeps the short message
    run --separate-stderr st hq consent "$P" --quote yes
    expect_status 2
    [ "$stderr" = "intake: $P came in a bundle: its consent is the one its device recorded, carried by its bundles, and cannot be changed here" ]
}

# ---------------------------------------------------------------- C-7

c7_msg() {
    echo "intake: the statement is about bundle $1, which no import here kept (one this store never received, or one whose every record it refused: 'intake import' of that bundle says why); nothing was imported"
}

# hash16 FILE: the first 16 hex digits of bundle FILE's hash as ethics opens it.
hash16() {
    st ethics open "$1" --json 2>/dev/null | python3 -c 'import json, sys; print(json.load(sys.stdin)["bundle"][:16])'
}

@test "C-7: a statement on a bundle whose every record hq refused is refused with a message naming the refusal; hq is unchanged" {
    three
    P=$(st hq subject list --json | python3 -c 'import json, sys; print([s["pseudonym"] for s in json.load(sys.stdin) if s["pseudonym"].startswith("Nari@")][0])')
    st hq subject forget "$P" --yes >/dev/null 2>&1
    st field export --to hq,ethics "$ID" -o "$W/a.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/a.bundle"
    expect_status 1
    st ethics audit "$W/a.bundle" --attest -o "$W/a.statement" >/dev/null 2>&1
    before=$(find "$T/hq" -type f -exec sha256sum {} + | sort)
    run --separate-stderr st hq import "$W/a.statement"
    expect_status 1
    [ -z "$output" ]
    [ "$stderr" = "$(c7_msg "$(hash16 "$W/a.bundle")")" ] || { printf 'got: %s\n' "$stderr" >&2; return 1; }
    [ "$(find "$T/hq" -type f -exec sha256sum {} + | sort)" = "$before" ]
    # a bundle hq never received: the same words
    st field export --to hq,ethics "$B" -o "$W/b.bundle" >/dev/null 2>&1
    st ethics audit "$W/b.bundle" --attest -o "$W/b.statement" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/b.statement"
    expect_status 1
    [ "$stderr" = "$(c7_msg "$(hash16 "$W/b.bundle")")" ]
    # once the bundle is imported, its statement is
    st hq import "$W/b.bundle" >/dev/null 2>&1 || true
    run --separate-stderr st hq import "$W/b.statement"
    expect_status 0
}

@test "C-7: a statement on a bundle some of whose records hq refused is kept with the records it imported" {
    three
    P=$(st hq subject list --json | python3 -c 'import json, sys; print([s["pseudonym"] for s in json.load(sys.stdin) if s["pseudonym"].startswith("Nari@")][0])')
    st hq subject forget "$P" --yes >/dev/null 2>&1
    R=$(printf 'Pak Su-mi spoke again.\n' | st field record Bora --title Again --date 2024-03-16)
    st field export --to hq,ethics "$ID" "$R" -o "$W/a.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/a.bundle"
    expect_status 1
    [[ "$stderr" == *"the rest of the bundle was imported" ]]
    st ethics audit "$W/a.bundle" --attest -o "$W/a.statement" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/a.statement"
    expect_status 0
    st hq show "$R" | grep -q "^audited: by ethics on $(date -u +%F): "
}

# ---------------------------------------------------------------- C-4

# tmpfs_at MIB DIR: a tmpfs of MIB MiB on DIR (root; CI runs as root).
tmpfs_at() {
    [ "$(id -u)" -eq 0 ] || skip "mounting a tmpfs needs root (CI runs as root)"
    mkdir -p "$2"
    mount -t tmpfs -o "size=${1}m" tmpfs "$2" || skip "cannot mount a tmpfs here"
    MOUNTS+=("$2")
}

@test "C-4: init checks free space first: with 2 or 3 MiB free it refuses before the passphrase, and makes no store; with 4 MiB it makes one" {
    for mib in 2 3; do
        tmpfs_at "$mib" "$T/m$mib"
        # no passphrase given at all: the check comes first
        run --separate-stderr "$INTAKE" --home "$T/m$mib/store" init --kdf interactive </dev/null
        expect_status 2
        [ "$(printf '%s\n' "$stderr" | tail -n 1)" = "intake: the disk holding $T/m$mib/store is full: a new store needs at least 4 MiB free and $((mib * 1024)) KiB are; no store was created" ] ||
            { printf 'got: %s\n' "$stderr" >&2; return 1; }
        [ ! -e "$T/m$mib/store/keyslots" ]
        [ ! -e "$T/m$mib/store/store.db" ]
    done
    tmpfs_at 4 "$T/m4"
    run --separate-stderr "$INTAKE" --home "$T/m4/store" --passphrase-fd 3 init --kdf interactive 3<<<"$PASS"
    expect_status 0
    [ -e "$T/m4/store/keyslots" ]
    # and the store takes a change
    run --separate-stderr "$INTAKE" --home "$T/m4/store" --passphrase-fd 3 subject add --name "Kim Ji-yeon" --pseudonym Nari 3<<<"$PASS"
    expect_status 0
}
