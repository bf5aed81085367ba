#!/usr/bin/env bats
# Continued from export.bats: import and open of good and bad bundles, an
# existing file never overwritten, and large attachments in constant memory.

bats_require_minimum_version 1.5.0
load helpers
load export

@test "import: an unknown sender is refused with its key unless accepted" {
    field_record
    mkstore hq
    st field contact add hq "$(st hq card)" 2>/dev/null
    st field export --to hq --all -o "$W/b" 2>/dev/null
    run st hq import "$W/b"
    expect_status 1
    [[ "$output" == "intake: the bundle was signed by an unknown sender (signing key "*"); add their card with 'intake contact add' or use --accept-unknown-sender" ]]
    [ -z "$(st hq list)" ]
    run st hq import "$W/b" --accept-unknown-sender
    expect_status 0
    [[ "$output" == "imported 1 record(s) and 0 attachment(s) from an UNKNOWN sender "* ]]
}

@test "open -o DIR: a new private folder of Markdown, JSON and files; never over a folder" {
    field_record
    mkstore hq
    introduce field hq
    echo hello >"$W/n.txt"
    st field attach "$ID" "$W/n.txt" >/dev/null
    st field export --to hq --all -o "$W/b" 2>/dev/null
    run st hq open "$W/b" -o "$W/out"
    expect_status 0
    [ "$(mode_of "$W/out")" = 700 ]
    [ -f "$W/out/$ID.md" ] && [ -f "$W/out/$ID.json" ] && [ -f "$W/out/bundle.json" ]
    cmp "$W/n.txt" "$W/out/$ID-attachment-1.txt"
    grep -q "^# Border crossing" "$W/out/$ID.md"
    run st hq open "$W/b" -o "$W/out"
    expect_status 2
    [ "$output" = "intake: $W/out already exists; open writes a new folder" ]
    run st hq open "$W/b" -o "$W/o2" --json
    expect_status 2
    [ "$output" = "intake: give --json or -o DIR, not both (see 'intake help open')" ]
}

# The shim's faults on the real binary (its sync and name classes act on
# files it tracked from their opening: here its writes land); every file
# call of open -o fails in turn in tests/unit/store/test_unpack_faults.c.
@test "open -o DIR: a failing write, sync or name at each step leaves no folder of records behind" {
    local shim class n landed
    shim=$(tools_dir)/powercut.so
    [ -f "$shim" ] || skip "no $shim (make test-build)"
    field_record
    mkstore hq
    introduce field hq
    echo hello >"$W/n.txt"
    st field attach "$ID" "$W/n.txt" >/dev/null
    st field export --to hq --all -o "$W/b" 2>/dev/null
    mkdir "$W/outs"
    landed=0
    for class in write sync name; do
        for n in $(seq 1 40); do
            : >"$W/fault.log"
            run --separate-stderr env LD_PRELOAD="$shim" ASAN_OPTIONS=verify_asan_link_order=0 \
                INTAKE_FAULT="fail:$class:$n" INTAKE_FAULT_ROOT="$W/outs" \
                INTAKE_FAULT_LOG="$W/fault.log" "$INTAKE" --home "$T/hq" --passphrase-fd 3 \
                open "$W/b" -o "$W/outs/out" 3<<<"$PASS"
            grep -q "^fail" "$W/fault.log" || break
            landed=$((landed + 1))
            if [ "$status" -eq 0 ]; then
                [ -f "$W/outs/out/$ID.md" ]
                rm -r "$W/outs/out"
            else
                expect_status 2
                [ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
                [[ "$stderr" != *damaged* ]]
                # Nothing decrypted left: no folder, no hidden one.
                [ -z "$(ls -A "$W/outs")" ]
            fi
        done
    done
    # Each file of the folder (record JSON, Markdown, attachment, bundle.json)
    [ "$landed" -ge 4 ]
    run st hq log --verify
    expect_status 0
}

@test "open and import: every bad input refused with its status and message, nothing left" {
    field_record
    mkstore hq
    mkstore other
    introduce field hq
    introduce field other
    head -c 300000 /dev/urandom >"$W/big"
    st field attach "$ID" "$W/big" >/dev/null
    st field export --to hq --all --keep-metadata --send-unchecked -o "$W/b" 2>/dev/null
    size=$(stat -c %s "$W/b")
    check() { # FILE STATUS MESSAGE
        run st hq open "$1" -o "$W/out"
        expect_status "$2"
        [ "$output" = "intake: $3" ]
        [ -z "$(ls "$W" | grep -e '^out')" ]
        run st hq import "$1"
        expect_status "$2"
        [ "$output" = "intake: $3" ]
        [ -z "$(st hq list)" ]
    }
    check "$W/none" 2 "cannot open $W/none: No such file or directory"
    check "$W" 2 "$W is not a regular file: it is a folder"
    : >"$W/empty"
    check "$W/empty" 2 "this file is too short to be a bundle (0 bytes)"
    head -c 5000 /dev/urandom >"$W/noise"
    check "$W/noise" 1 "this bundle is not addressed to this store (none of its recipients is this store's key), or its start was damaged on the way (a character changed or a line lost near the start reads the same): ask its sender to add this store's card ('intake card') as a contact and to export it again with that contact among --to"
    head -c $((80 + 32 + 65552)) "$W/b" >"$W/chunk"
    check "$W/chunk" 1 "the bundle is truncated: its final chunk is missing"
    head -c $((size / 2)) "$W/b" >"$W/half"
    check "$W/half" 1 "the bundle is truncated or its last chunk was altered"
    head -c $((size - 1)) "$W/b" >"$W/cut"
    check "$W/cut" 1 "the bundle is truncated or its last chunk was altered"
    cp "$W/b" "$W/flip"
    flip_byte "$W/flip" $((size / 3))
    check "$W/flip" 1 "a chunk of the bundle was altered"
    cp "$W/b" "$W/long"
    printf 'x' >>"$W/long"
    check "$W/long" 1 "data after the final chunk: something was appended to the bundle"
    cp "$W/b" "$W/commit"
    flip_byte "$W/commit" 90
    check "$W/commit" 1 "commitment mismatch: the bundle's recipient list or key was altered"
    printf -- '-----BEGIN INTAKE BUNDLE-----\nnot*base64\n-----END INTAKE BUNDLE-----\n' >"$W/armor"
    check "$W/armor" 2 "bad armor: unexpected character in line text"
    st field export --to other --all --keep-metadata --send-unchecked -o "$W/elsewhere" 2>/dev/null
    check "$W/elsewhere" 1 "this bundle is not addressed to this store (none of its recipients is this store's key), or its start was damaged on the way (a character changed or a line lost near the start reads the same): ask its sender to add this store's card ('intake card') as a contact and to export it again with that contact among --to"
}

@test "open and import: a bundle re-sealed by a recipient to a third party is caught" {
    [ -x "$RESEAL" ] || skip "no reseal tool at $RESEAL (make builds it)"
    field_record
    mkstore hq
    mkstore third
    introduce field hq
    introduce field third
    st field export --to hq --all -o "$W/b" 2>/dev/null
    "$RESEAL" "$T/hq" "$W/b" "$(st third card)" "$W/resealed" 3<<<"$PASS"
    run st third open "$W/resealed"
    expect_status 1
    [ "$output" = "intake: this store is not in the bundle's signed recipient list: a recipient re-sealed it to this store" ]
    run st third import "$W/resealed"
    expect_status 1
    [ -z "$(st third list)" ]
}

@test "export: an existing file is never overwritten, and the store records nothing" {
    field_record
    mkstore hq
    introduce field hq
    echo keep >"$W/b"
    run --separate-stderr st field export --to hq --all -o "$W/b"
    expect_status 2
    [ "$stderr" = "intake: $W/b already exists; choose another name" ]
    [ "$(cat "$W/b")" = keep ]
    [ "$(ls "$W")" = b ]
    run --separate-stderr st field export --to hq --all
    expect_status 0
    [[ "$output" =~ ^[0-9a-f]{16}\.bundle$ ]]   # named after its hash, not after the tool
    [ -f "$W/$output" ]
}

@test "export: a 1 GiB attachment goes through attach, export and open in constant memory" {
    # Release build only (the sanitizer build is too slow for it). The
    # format does not compress, so a sparse file of zeros is as good a test
    # as random bytes and costs no time to make.
    [[ "$INTAKE" != */san/* ]] || skip "not under the sanitizers"
    [ -x /usr/bin/time ] || skip "GNU time is not installed"
    field_record
    mkstore hq
    introduce field hq
    truncate -s 1G "$W/big"
    printf 'end' >>"$W/big"
    rss() { /usr/bin/time -f %M -o "$W/rss" "$@" && cat "$W/rss"; }
    kib=$(rss "$INTAKE" --home "$T/field" --passphrase-fd 3 attach "$ID" "$W/big" 3<<<"$PASS" 2>/dev/null | tail -n 1)
    [ "$kib" -lt 131072 ]
    kib=$(rss "$INTAKE" --home "$T/field" --passphrase-fd 3 export --to hq --all --keep-metadata --send-unchecked -o "$W/b" 3<<<"$PASS" 2>/dev/null | tail -n 1)
    [ "$kib" -lt 131072 ]
    [ "$(stat -c %s "$W/b")" -gt 1073741827 ]
    kib=$(rss "$INTAKE" --home "$T/hq" --passphrase-fd 3 open "$W/b" -o "$W/out" 3<<<"$PASS" 2>/dev/null | tail -n 1)
    [ "$kib" -lt 131072 ]
    cmp "$W/big" "$W/out/$ID-attachment-1.bin"
}

@test "export: a multi-chunk attachment of random bytes arrives byte for byte" {
    # 49 chunks of 64 KiB in the store; random bytes, so
    # a chunk out of place shows (the 1 GiB and 128 MiB tests use zeros
    # and repeated lines).
    field_record
    mkstore hq
    introduce field hq
    head -c $((3 * 1024 * 1024 + 12345)) /dev/urandom >"$W/rand.bin"
    run st field attach "$ID" "$W/rand.bin"
    expect_status 0
    run st field export --to hq --all --keep-metadata --send-unchecked -o "$W/b"
    expect_status 0
    run st hq open "$W/b" -o "$W/out"
    expect_status 0
    cmp "$W/rand.bin" "$W/out/$ID-attachment-1.bin"
}

@test "export --keep-metadata: a 128 MiB file of unknown type with text-like first bytes is not held whole for the audit's words" {
    # The audit reads the words of a kept file that is UTF-8 (issue 12
    # A-17); whether it is is now told piece by piece (issue 17): the
    # first bytes below have no NUL, the zeros after them are not text, so
    # the file is never held whole (128 MiB of it with the store's memory
    # would go over the bound). Release build only.
    [[ "$INTAKE" != */san/* ]] || skip "not under the sanitizers"
    [ -x /usr/bin/time ] || skip "GNU time is not installed"
    field_record
    mkstore hq
    introduce field hq
    printf 'RAWDATA-HEADER-1 not a known type\n' >"$W/raw.dat"
    truncate -s 128M "$W/raw.dat"
    st field attach "$ID" "$W/raw.dat" >/dev/null
    /usr/bin/time -f %M -o "$W/rss" "$INTAKE" --home "$T/field" --passphrase-fd 3 export --to hq --all --keep-metadata --send-unchecked -o "$W/b" 3<<<"$PASS" 2>/dev/null
    [ "$(tail -n 1 "$W/rss")" -lt 131072 ]
    st hq open "$W/b" -o "$W/o" >/dev/null
    cmp "$W/raw.dat" "$W/o/$ID-attachment-1.bin"
}

@test "export: a 128 MiB attachment of unknown type is examined as a stream, with and without --keep-metadata" {
    # Metadata stripping holds a whole file in memory only for a type whose
    # walk needs every byte (a photo, a recording) or that is redacted (plain
    # text): a file of a type intake refuses is told from its first bytes. The
    # bound is generous (128 MiB: the 64 MiB KDF and 64 MiB more); reading
    # the attachment whole would go over it. Release build only.
    [[ "$INTAKE" != */san/* ]] || skip "not under the sanitizers"
    [ -x /usr/bin/time ] || skip "GNU time is not installed"
    field_record
    mkstore hq
    introduce field hq
    # A text attachment is redacted in memory with the record's rules
    # (issue 13 NEW-4; held whole, at most MEDIA_MAX_BYTES): a small one
    # here, so the bound below measures the 128 MiB file of unknown type.
    yes "a line of plain text, no metadata in it" | head -c 1M >"$W/notes.txt"
    head -c 128M /dev/zero >"$W/blob.bin"
    st field attach "$ID" "$W/notes.txt" >/dev/null
    st field attach "$ID" "$W/blob.bin" >/dev/null
    rss() { /usr/bin/time -f %M -o "$W/rss" "$@"; }
    # Without --keep-metadata the file of unknown type blocks its record
    # (exit 1, issue 13 NEW-6): the only one, so nothing is exported.
    run rss "$INTAKE" --home "$T/field" --passphrase-fd 3 export --to hq --all -o "$W/b0" 3<<<"$PASS"
    [ "$status" -eq 1 ]
    [[ "$output" == *"cannot remove the metadata of attachment 'blob.bin': a file of unknown type: intake cannot remove its metadata (--keep-metadata sends it as stored)"* ]]
    [ "$(tail -n 1 "$W/rss")" -lt 131072 ]
    [ ! -e "$W/b0" ]
    rss "$INTAKE" --home "$T/field" --passphrase-fd 3 export --to hq --all --keep-metadata --send-unchecked -o "$W/b1" 3<<<"$PASS" 2>/dev/null
    [ "$(tail -n 1 "$W/rss")" -lt 131072 ]
    st field attachment remove "$ID" blob.bin --yes 2>/dev/null
    rss "$INTAKE" --home "$T/field" --passphrase-fd 3 export --to hq --all -o "$W/b2" 3<<<"$PASS" 2>/dev/null
    [ "$(tail -n 1 "$W/rss")" -lt 131072 ]
    st hq open "$W/b1" -o "$W/o1" >/dev/null
    st hq open "$W/b2" -o "$W/o2" >/dev/null
    cmp "$W/blob.bin" "$W/o1/$ID-attachment-1.bin"
    cmp "$W/notes.txt" "$W/o1/$ID-attachment-2.txt"
    cmp "$W/notes.txt" "$W/o2/$ID-attachment-1.txt"
    # Plain text holds no metadata: the audit passes it.
    run st hq audit "$W/b2"
    echo "$output"
    [[ "$output" == *"attachments        PASS  no metadata in 1 attachment(s)"* ]]
}
