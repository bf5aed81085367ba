#!/usr/bin/env bats
# An export and a change racing it (report adv17b E-17, E-18): the export
# decides what may leave, then writes its bundle, then logs it.  A change
# committed in between (a withdrawal, a narrower consent scope, a deletion,
# an imported notice) refuses the export: nothing logged, no bundle.  The
# window is made deterministic by the powercut shim's pause
# (tests/tools/preload/powercut.c, INTAKE_PAUSE_AT): the export stops when
# it makes its bundle in $W/out until the test has run the change.

bats_require_minimum_version 1.5.0
load helpers
load consent

# paused_export STORE ARGS...: STORE's export ARGS... -o $W/out/x.bundle,
# in the background, stopped at the bundle's creation; returns once it is
# stopped there.  resume_export then lets it go on and waits: $status, and
# $output holding its standard error.
paused_export() {
    local name=$1 shim n
    shift
    shim=$(tools_dir)/powercut.so
    [ -f "$shim" ] || skip "no $shim (make test-build)"
    mkdir -p "$W/out" "$W/sync"
    rm -f "$W/sync/paused" "$W/sync/go"
    env LD_PRELOAD="$shim" ASAN_OPTIONS=verify_asan_link_order=0 \
        INTAKE_PAUSE_AT="$W/out" INTAKE_PAUSE_SYNC="$W/sync" \
        "$INTAKE" --home "$T/$name" --passphrase-fd 3 export "$@" -o "$W/out/x.bundle" \
        3<<<"$PASS" >"$W/export.out" 2>"$W/export.err" &
    EXPORT_PID=$!
    for ((n = 0; n < 1200; n++)); do
        [ -e "$W/sync/paused" ] && return 0
        kill -0 "$EXPORT_PID" 2>/dev/null || break
        sleep 0.05
    done
    echo "the export did not reach its bundle: $(cat "$W/export.err")" >&2
    return 1
}
resume_export() {
    : >"$W/sync/go"
    status=0
    wait "$EXPORT_PID" || status=$?
    output=$(cat "$W/export.err")
}

# refused_export STATUS MESSAGE: the resumed export failed with STATUS and
# exactly "intake: MESSAGE"; no bundle left, nothing on stdout.
refused_export() {
    resume_export
    [ "$status" -eq "$1" ] || { printf 'status %s: %s\n' "$status" "$output" >&2; return 1; }
    [ "$output" = "intake: $2" ] || { printf 'got: %s\n' "$output" >&2; return 1; }
    [ ! -s "$W/export.out" ]
    [ -z "$(ls -A "$W/out")" ]
}

# last_seq STORE: the sequence number of STORE's newest log entry.
last_seq() {
    st "$1" log | tail -n 1 | awk '{print $1}'
}

# no_export_logged STORE: STORE's log holds no export.
no_export_logged() {
    ! st "$1" log | grep -q ' export ' || false
}

@test "race: a withdrawal recorded on the device while its export runs refuses the export; nothing is logged, no bundle; then the record may not leave" {
    field_hq
    paused_export field --to hq --all
    st field consent Nari --withdraw >/dev/null 2>&1
    seq=$(last_seq field)
    refused_export 2 "the store changed while the export ran ('consent', entry $seq of its log): what may leave is decided again when you run the export again; nothing was exported or logged"
    no_export_logged field
    [ "$(last_seq field)" = "$seq" ]
    run --separate-stderr st field export --to hq --all -o "$W/again.bundle"
    expect_status 1
    [ ! -e "$W/again.bundle" ]
    run st field log --verify
    expect_status 0
}

@test "race: a narrower consent (export no, an embargo) recorded while the export runs refuses it" {
    field_hq
    paused_export field --to hq --all
    st field consent Nari --export no --embargo 2030-01-01 >/dev/null 2>&1
    seq=$(last_seq field)
    refused_export 2 "the store changed while the export ran ('consent', entry $seq of its log): what may leave is decided again when you run the export again; nothing was exported or logged"
    no_export_logged field
}

@test "race: a record deleted while the export runs: 'was deleted while the export ran', never damage or restore advice (E-18), with and without an attachment" {
    field_hq
    with_memo
    paused_export field --to hq --all
    st field record delete "$ID" --yes >/dev/null 2>&1
    refused_export 2 "record $ID was deleted while the export ran; nothing was exported or logged"
    [[ "$output" != *"damaged"* && "$output" != *"restore"* ]]
    no_export_logged field
    # a subject forgotten while the export runs: the same, for a record with no attachment
    bora
    paused_export field --to hq --subject Bora
    st field subject forget Bora --yes >/dev/null 2>&1
    refused_export 2 "record $B was deleted while the export ran; nothing was exported or logged"
    no_export_logged field
}

@test "race: an attachment removed while the export runs: named as deleted meanwhile, nothing exported" {
    field_hq
    with_memo
    name=$(st field show "$ID" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["attachments"][0]["name"])')
    paused_export field --to hq --all
    st field attachment remove "$ID" "$name" --yes >/dev/null 2>&1
    refused_export 2 "attachment '$name' of record $ID was deleted while the export ran; nothing was exported or logged"
    no_export_logged field
}

@test "race: hq imports the device's withdrawal while hq's export to a partner runs: refused, the partner gets nothing" {
    field_hq
    mkstore partner
    introduce hq partner
    to_hq "$W/1.bundle"
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    paused_export hq --to partner --all
    st hq import "$W/n.bundle" >/dev/null
    refused_export 2 "record $ID was deleted while the export ran; nothing was exported or logged"
    no_export_logged hq
}

@test "race: another export meanwhile does not refuse it; a withdrawal after its log entry owes the notice" {
    field_hq
    paused_export field --to hq --all
    st field export --to hq --all -o "$W/other.bundle" >/dev/null 2>&1
    resume_export
    [ "$status" -eq 0 ] || { echo "$output" >&2; false; }
    [ -s "$W/out/x.bundle" ]
    st field consent Nari --withdraw >/dev/null 2>&1
    run --separate-stderr st field notify --to hq -o "$W/n.bundle"
    expect_status 0
    [ -s "$W/n.bundle" ]
}
