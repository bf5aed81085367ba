#!/usr/bin/env bats
# Attachment files beside the database (issue 17; store/blob.h): the bytes
# in blobs/, encrypted, none in the clear; a damaged file refused by name,
# never wrong bytes out; kills, full disks and I/O errors during attach
# and during the migration of an older store leave a store that opens and
# loses nothing, and no file behind; backup and restore carry the files;
# removal and forget leave none.

bats_require_minimum_version 1.5.0
load helpers
load export
load faults

setup() {
    common_setup
    W=$T/work
    mkdir -p "$W"
    cd "$W"
}

teardown() { common_teardown; }

# blob_files STORE: how many attachment files the store holds.
blob_files() {
    find "$T/$1/blobs" -type f 2>/dev/null | wc -l
}

# canary_file PATH: 300 KB (five chunks) with a canary at its start and end.
canary_file() {
    CANARY=CANARY$(rand_letters 16)
    { printf '%s' "$CANARY"; head -c 300000 /dev/urandom; printf '%s' "$CANARY"; } >"$1"
}

# no_canary STORE: the canary is in no file of the store.
no_canary() {
    ! grep -rqa "$CANARY" "$T/$1" || { echo "canary in $(grep -rla "$CANARY" "$T/$1")" >&2; return 1; }
}

@test "blobs: an attachment is one encrypted file in blobs/ (0600, folder 0700), its bytes nowhere in the clear, read back whole" {
    field_record
    canary_file "$W/memo.ogg"
    st field attach "$ID" "$W/memo.ogg" >/dev/null
    [ "$(blob_files field)" -eq 1 ]
    f=$(find "$T/field/blobs" -type f)
    [ "$(mode_of "$T/field/blobs")" = 700 ]
    [ "$(mode_of "$f")" = 600 ]
    [[ "$(basename "$f")" =~ ^[0-9a-f]{32}$ ]]
    # header, five chunks with their tags
    [ "$(stat -c %s "$f")" -eq $((16 + 300000 + 2 * ${#CANARY} + 5 * 16)) ]
    no_canary field
    st field attachment get "$ID" memo.ogg -o "$W/back" 2>/dev/null
    cmp "$W/memo.ogg" "$W/back"
}

@test "blobs: a flipped byte anywhere in the file is exit 2 'damaged' naming the attachment; nothing is written out" {
    field_record
    mkstore hq
    introduce field hq
    canary_file "$W/memo.ogg"
    st field attach "$ID" "$W/memo.ogg" >/dev/null
    f=$(find "$T/field/blobs" -type f)
    cp "$f" "$W/good"
    for at in 3 20 70000 $(($(stat -c %s "$f") - 1)); do
        cp "$W/good" "$f"
        flip_byte "$f" "$at"
        run --separate-stderr st field attachment get "$ID" memo.ogg -o "$W/out"
        expect_status 2
        [ "$stderr" = "intake: attachment 'memo.ogg' is damaged in the store; restore the store from a backup" ]
        [ ! -e "$W/out" ]
        run --separate-stderr st field export --to hq --all --keep-metadata --send-unchecked -o "$W/b"
        expect_status 2
        [[ "$stderr" == *"attachment 'memo.ogg' is damaged in the store"* ]]
        [ ! -e "$W/b" ]
    done
    # cut short, and gone
    cp "$W/good" "$f"
    truncate -s -16 "$f"
    run --separate-stderr st field attachment get "$ID" memo.ogg -o "$W/out"
    expect_status 2
    [ "$stderr" = "intake: attachment 'memo.ogg' is damaged in the store; restore the store from a backup" ]
    rm "$f"
    run --separate-stderr st field attachment get "$ID" memo.ogg -o "$W/out"
    expect_status 2
    [ "$stderr" = "intake: attachment 'memo.ogg' is damaged in the store; restore the store from a backup" ]
    cp "$W/good" "$f"
    st field attachment get "$ID" memo.ogg -o "$W/out" 2>/dev/null
    cmp "$W/memo.ogg" "$W/out"
}

@test "blobs: attachment remove, record delete and subject forget leave no file and no canary" {
    field_record
    canary_file "$W/a.ogg"
    cp "$W/a.ogg" "$W/b.ogg"
    st field attach "$ID" "$W/a.ogg" >/dev/null
    st field attach "$ID" "$W/b.ogg" >/dev/null 2>&1 || true
    printf 'x\n' >"$W/c.txt"
    st field attach "$ID" "$W/c.txt" >/dev/null
    n=$(blob_files field)
    [ "$n" -ge 2 ]
    st field attachment remove "$ID" c.txt --yes >/dev/null 2>&1
    [ "$(blob_files field)" -eq $((n - 1)) ]
    st field subject forget Nari --yes >/dev/null 2>&1
    [ "$(blob_files field)" -eq 0 ]
    no_canary field
}

@test "blobs: backup and restore carry the files; the restored store reads them" {
    field_record
    canary_file "$W/memo.ogg"
    st field attach "$ID" "$W/memo.ogg" >/dev/null
    st field backup -o "$W/bk" 2>/dev/null
    ! grep -qa "$CANARY" "$W/bk" || false
    [ "$(od -An -tu1 -j8 -N1 "$W/bk" | tr -d ' ')" = 2 ]
    "$INTAKE" --passphrase-fd 3 restore "$W/bk" --home "$T/r" 3<<<"$PASS" >/dev/null 2>&1
    [ "$(blob_files r)" -eq 1 ]
    cmp "$(find "$T/field/blobs" -type f)" "$(find "$T/r/blobs" -type f)"
    run --separate-stderr st r attachment get "$ID" memo.ogg -o "$W/back"
    echo "$stderr" >&2
    expect_status 0
    cmp "$W/memo.ogg" "$W/back"
    # a damaged file in the backup is caught by its checksum
    cp "$W/bk" "$W/bad"
    flip_byte "$W/bad" $(($(stat -c %s "$W/bad") - 100))
    run --separate-stderr "$INTAKE" --passphrase-fd 3 restore "$W/bad" --home "$T/r2" 3<<<"$PASS"
    expect_status 2
    [ "$stderr" = "intake: $W/bad is not a whole intake backup (its checksum does not match: it was damaged or changed)" ]
    [ ! -e "$T/r2/blobs" ]
}

@test "blobs: wipe removes the folder of files" {
    field_record
    canary_file "$W/memo.ogg"
    st field attach "$ID" "$W/memo.ogg" >/dev/null
    "$INTAKE" --home "$T/field" wipe --yes >/dev/null 2>&1
    [ ! -e "$T/field/blobs" ]
}

# A store of version 16: its attachment's bytes (two chunks of zeros and
# 1000 random bytes) in attachment_chunk rows, made with rawsql.
make_v15() {
    H=$T/field
    head -c 1000 /dev/urandom >"$W/tail"
    { head -c 131072 /dev/zero; cat "$W/tail"; } >"$W/old.bin"
    hash=$(b2sum -l 256 "$W/old.bin" | cut -c1-64)
    hex=$(od -An -tx1 -v "$W/tail" | tr -d ' \n')
    "$(tools_dir)/rawsql" "$H" "DROP TRIGGER attachment_blob_gone; DROP TABLE blob_gone;
        DROP INDEX attachment_blob;
        INSERT INTO attachment(record_id, name, type, size, hash, gps, added)
          VALUES ((SELECT id FROM record), 'old.bin', 'application/octet-stream', 132072,
          x'$hash', 0, '2024-01-01');
        INSERT INTO attachment_chunk(attachment_id, seq, data) VALUES
          ((SELECT id FROM attachment WHERE name = 'old.bin'), 0, zeroblob(65536)),
          ((SELECT id FROM attachment WHERE name = 'old.bin'), 1, zeroblob(65536)),
          ((SELECT id FROM attachment WHERE name = 'old.bin'), 2, x'$hex');
        PRAGMA user_version = 16;" 3<<<"$PASS"
}

# v1_backup OUT: a backup of version 1 (docs/FORMAT.md, "Backup file") of
# the store $H as it is: keyslots and database, no attachment files.
v1_backup() {
    python3 - "$H" "$1" <<'PY'
import hashlib, struct, sys
ks = open(sys.argv[1] + "/keyslots", "rb").read()
db = open(sys.argv[1] + "/store.db", "rb").read()
body = b"INTAKEBK" + bytes([1]) + struct.pack("<I", len(ks)) + ks + struct.pack("<Q", len(db)) + db
open(sys.argv[2], "wb").write(body + hashlib.blake2b(body, digest_size=32).digest())
PY
}

@test "blobs: a backup of version 1 (a store of version 16, its attachments in the database) restores; its attachment reads back from a file" {
    field_record
    make_v15
    [ ! -e "$H/store.db-wal" ] || [ ! -s "$H/store.db-wal" ]
    v1_backup "$W/v1"
    run --separate-stderr "$INTAKE" --passphrase-fd 3 restore "$W/v1" --home "$T/r" 3<<<"$PASS"
    expect_status 0
    [ "$(blob_files r)" -eq 1 ]
    st r attachment get "$ID" old.bin -o "$W/back" 2>/dev/null
    cmp "$W/old.bin" "$W/back"
    # a version 1 backup cut short is refused as before
    head -c 5000 "$W/v1" >"$W/v1cut"
    run --separate-stderr "$INTAKE" --passphrase-fd 3 restore "$W/v1cut" --home "$T/r3" 3<<<"$PASS"
    expect_status 2
    [ "$stderr" = "intake: $W/v1cut is not a whole intake backup (it is cut short)" ]
}

@test "blobs: a store of version 16 migrates on open; its attachment reads back from a file" {
    field_record
    make_v15
    [ "$(blob_files field)" -eq 0 ]
    run --separate-stderr st field attachment get "$ID" old.bin -o "$W/back"
    echo "$stderr" >&2
    expect_status 0
    cmp "$W/old.bin" "$W/back"
    [ "$(blob_files field)" -eq 1 ]
}

@test "blobs: a power cut at every step of the migration leaves a store that opens and reads the attachment, and no stray file" {
    needs_shim
    field_record
    make_v15
    cp -a "$H" "$W/v15"
    shim count log --verify 3<<<"$PASS" >/dev/null 2>&1
    total=$(awk '/^count/ { split($2, w, "="); split($3, s, "="); split($4, n, "="); print w[2] + s[2] + n[2] }' "$T/fault.log" | tail -n 1)
    [ "$total" -gt 5 ]
    for i in $(cut_points $((total + 1))); do
        rm -rf "$H" && cp -a "$W/v15" "$H"
        shim "cut:$i" log --verify 3<<<"$PASS" >/dev/null 2>&1 || true
        opens_with "$PASS" || { echo "cut $i: does not open" >&2; return 1; }
        rm -f "$W/back"
        st field attachment get "$ID" old.bin -o "$W/back" 2>/dev/null
        cmp "$W/old.bin" "$W/back" || { echo "cut $i: bytes differ" >&2; return 1; }
        [ "$(blob_files field)" -eq 1 ] || { echo "cut $i: $(blob_files field) files" >&2; return 1; }
    done
}

@test "blobs: a power cut at every step of attach leaves the attachment whole or absent, and no stray file" {
    needs_shim
    field_record
    H=$T/field
    head -c 200000 /dev/urandom >"$W/a.bin"
    cp -a "$H" "$W/before"
    shim count attach "$ID" "$W/a.bin" 3<<<"$PASS"
    total=$(awk '/^count/ { split($2, w, "="); split($3, s, "="); split($4, n, "="); print w[2] + s[2] + n[2] }' "$T/fault.log" | tail -n 1)
    [ "$total" -gt 5 ]
    # Not i: bats' run assigns i (bats-core 1.8's common.bash), and bash's
    # dynamic scope makes that our loop's i.
    for cut in $(cut_points $((total + 1))); do
        rm -rf "$H" && cp -a "$W/before" "$H"
        run shim "cut:$cut" attach "$ID" "$W/a.bin" 3<<<"$PASS"
        opens_with "$PASS" || { echo "cut $cut: does not open" >&2; return 1; }
        rm -f "$W/back"
        attached=$status
        run --separate-stderr st field attachment get "$ID" a.bin -o "$W/back"
        if [ "$status" -eq 0 ]; then
            cmp "$W/a.bin" "$W/back" || { echo "cut $cut: bytes differ" >&2; return 1; }
            want=1
        else
            # absent, never damaged; and reported done means kept
            [ "$stderr" = "intake: record '$ID' has no attachment named 'a.bin' (see 'intake show $ID')" ] ||
                { echo "cut $cut: $stderr" >&2; return 1; }
            [ "$attached" -ne 0 ] || { echo "cut $cut: reported done, then lost" >&2; return 1; }
            want=0
        fi
        [ "$(blob_files field)" -eq "$want" ] || { echo "cut $cut: $(blob_files field) files" >&2; return 1; }
    done
}

@test "blobs: a full disk and an I/O error while writing the file: exit 2, the disk's message, nothing changed, no file left" {
    needs_shim
    field_record
    H=$T/field
    head -c 200000 /dev/urandom >"$W/a.bin"
    before=$(store_sums)
    run --separate-stderr shim fail:write:2:28 attach "$ID" "$W/a.bin" 3<<<"$PASS"
    expect_status 2
    [ "$stderr" = "intake: the disk holding $H is full (while storing the attachment); nothing was changed: free some space and try again" ]
    [ "$(blob_files field)" -eq 0 ]
    run --separate-stderr shim fail:sync:1:5 attach "$ID" "$W/a.bin" 3<<<"$PASS"
    expect_status 2
    [ "$stderr" = "intake: an I/O error (Input/output error) on the disk holding $H while storing the attachment; nothing was changed: check the disk (the system log may say more)" ]
    [ "$(blob_files field)" -eq 0 ]
    [ "$(store_sums)" = "$before" ]
    st field attach "$ID" "$W/a.bin" >/dev/null
    [ "$(blob_files field)" -eq 1 ]
}
