#!/usr/bin/env bats
# Issue 16, adv16 B-2 and B-11 (brief c16). B-2: the same bytes attached
# twice to one record would travel twice while a recipient keeps one, so
# the counts disagree: attach refuses them (exit 2, naming the attachment
# that holds them), whatever the name. B-11: an import killed while it
# writes an attachment's file leaves it in blobs/; the next intake alone
# with the store (reading or writing) wipes it.

bats_require_minimum_version 1.5.0
load helpers
load consent

# blobs STORE: the names of the store's attachment files, one a line.
blobs() {
    ls "$T/$1/blobs"
}

@test "B-2: the same bytes attached twice to a record are refused, under any name" {
    field_hq
    with_memo
    cp "$W/memo.txt" "$W/copy.txt"
    before=$(find "$T/field" -type f -exec sha256sum {} + | sort)
    run --separate-stderr st field attach "$ID" "$W/copy.txt"
    expect_status 2
    [ "$stderr" = "intake: $W/copy.txt holds the same bytes as memo.txt, already attached to record $ID; nothing was stored" ] ||
        { printf 'got: %s\n' "$stderr" >&2; return 1; }
    [ -z "$output" ]
    [ "$(find "$T/field" -type f -exec sha256sum {} + | sort)" = "$before" ]
    # --remove-source keeps the file when nothing was stored
    run --separate-stderr st field attach "$ID" "$W/copy.txt" --remove-source
    expect_status 2
    [ -f "$W/copy.txt" ]
    # other bytes under another name are stored; the same bytes on another record too
    printf 'another note\n' >"$W/other.txt"
    st field attach "$ID" "$W/other.txt" >/dev/null
    bora
    st field consent Bora --attachments yes >/dev/null 2>&1
    st field attach "$B" "$W/copy.txt" >/dev/null
    [ "$(blobs field | wc -l)" = 3 ]
}

@test "B-2: what the device holds, the bundle carries and hq keeps agree" {
    field_hq
    with_memo
    cp "$W/memo.txt" "$W/copy.txt"
    run st field attach "$ID" "$W/copy.txt"
    expect_status 2
    printf 'another note\n' >"$W/other.txt"
    st field attach "$ID" "$W/other.txt" >/dev/null
    run --separate-stderr st field export --to hq --all -o "$W/1.bundle"
    expect_status 0
    run --separate-stderr st hq import "$W/1.bundle"
    expect_status 0
    [ "$output" = "imported 1 record(s) and 2 attachment(s) from field; 0 already here" ] ||
        { printf 'got: %s\n' "$output" >&2; return 1; }
    [ "$(hq_attachments "$ID")" = 2 ]
}

@test "B-11: an import killed while writing an attachment leaves no file: the next command wipes it" {
    field_hq
    st field consent Nari --attachments yes >/dev/null 2>&1
    head -c 96000000 /dev/urandom >"$W/big.bin"
    st field attach "$ID" "$W/big.bin" >/dev/null
    rm "$W/big.bin"
    st field export --to hq --all --keep-metadata --send-unchecked -o "$W/big.bundle" >/dev/null 2>&1
    # exec: $! is intake itself, not a shell around it
    ( exec "$INTAKE" --home "$T/hq" --passphrase-fd 3 import "$W/big.bundle" 3<<<"$PASS" >/dev/null 2>&1 ) &
    pid=$!
    for n in $(seq 400); do
        [ -n "$(blobs hq)" ] && break
        sleep 0.05
    done
    kill -9 "$pid" 2>/dev/null || skip "the import ended before it could be killed"
    wait "$pid" || true
    [ "$(blobs hq | wc -l)" = 1 ]
    # a reading command alone with the store wipes it
    run --separate-stderr st hq list
    expect_status 0
    [ -z "$(blobs hq)" ]
    run st hq show "$ID"
    expect_status 2
    # the import runs again whole
    run --separate-stderr st hq import "$W/big.bundle"
    expect_status 0
    [ "$(blobs hq | wc -l)" = 1 ]
    [ "$(hq_attachments "$ID")" = 1 ]
}
