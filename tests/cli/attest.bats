#!/usr/bin/env bats
# intake audit --attest and the import of audit statements (issue 16, "The
# auditor's verdict") on the real binary: a device exports to headquarters
# and to an auditor; the auditor audits the bundle and signs a statement;
# headquarters imports it and shows it with each record.

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    W=$T/work
    mkdir -p "$W"
    cd "$W"
    fixture make_three
}

# make_three: device, hq and auditor, each a verified contact of the
# others; device's subject Nari with consent to export and 3 records.
make_three() {
    local n
    for n in device hq auditor; do mkstore "$n"; done
    introduce device hq
    introduce device auditor
    introduce hq auditor
    st device subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    st device consent Nari --export yes --method verbal 2>/dev/null
    records 3
}

teardown() { common_teardown; }

# records N: N records of Nari alike (so the audit's k is N).
records() {
    local i
    for i in $(seq "$1"); do
        printf 'Kim Ji-yeon spoke about the long days at the site.\n' |
            st device record Nari --title Work --date 2024-03-15 --tag work --lang en >/dev/null
    done
}

# bundle FILE [TO]: the device's records, sealed to TO (hq,auditor).
bundle() {
    st device export --to "${2:-hq,auditor}" --all -o "$W/$1" >/dev/null 2>"$W/export.err" ||
        { cat "$W/export.err"; false; }
}

# sums NAME: the files of store NAME and their hashes (to show nothing changed).
sums() {
    (cd "$T/$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum)
}

# attested: b.bundle imported at hq, audited by the auditor into s.statement.
attested() {
    bundle b.bundle
    st hq import b.bundle >/dev/null 2>&1
    st auditor audit b.bundle --attest -o "$W/s.statement" >/dev/null 2>"$W/attest.err" ||
        { cat "$W/attest.err"; false; }
}

@test "attest: device -> hq -> auditor -> hq: the statement is imported, shown with each record, logged" {
    bundle b.bundle
    run st hq import b.bundle
    expect_status 0
    run --separate-stderr st auditor audit b.bundle --attest -o "$W/s.statement"
    expect_status 0
    [ "${lines[-1]}" = "verdict: PASS" ]
    [[ "$stderr" == *"intake: statement written to $W/s.statement: verdict PASS on bundle "*", signed by this store on $(date -u +%F)" ]]
    [ "$(head -n 1 s.statement)" = "-----BEGIN INTAKE AUDIT STATEMENT-----" ]
    [ "$(tail -n 1 s.statement)" = "-----END INTAKE AUDIT STATEMENT-----" ]
    # The report digest covers the report in English: LC_ALL=C audit | b2sum.
    digest=$(LC_ALL=C st auditor audit b.bundle 2>/dev/null | b2sum -l 256 | cut -d' ' -f1)
    bytes=$(sed '1d;$d' s.statement | tr -d '\n' | base64 -d | od -An -tx1 -v | tr -d ' \n')
    [ "${#bytes}" -eq 344 ]
    [ "${bytes:0:2}" = 01 ]
    [ "${bytes:152:64}" = "$digest" ]
    # The bundle hash is the one import logged for the bundle.
    bhash=${bytes:66:64}
    st hq log --json | jq -e --arg h "$bhash" 'map(select(.action == "import")) | length > 0' >/dev/null
    [ "$(st auditor log --json | jq -r '.[-1].action + " " + .[-1].object')" = "statement.write $bhash" ]

    run --separate-stderr st hq import s.statement
    expect_status 0
    [ "$output" = "imported the statement of 'auditor' on bundle ${bhash:0:16}: PASS on $(date -u +%F), about 3 record(s)" ]
    [ "$(st hq log --json | jq -r '.[-1].action + " " + .[-1].object')" = "statement.import $bhash" ]
    id=$(st hq list --json | jq -r '.[0].id')
    run st hq show "$id"
    expect_status 0
    [[ "$output" == *"audited: by auditor on $(date -u +%F): PASS (bundle ${bhash:0:16}, report ${digest:0:16})"* ]]
    [ "$(st hq list --json | jq -r '[.[].audits[0].verdict] | join(",")')" = "PASS,PASS,PASS" ]
    [ "$(st hq list --json | jq -r '.[0].audits[0].auditor')" = auditor ]
    [ "$(st hq list --json | jq -r '.[0].audits[0].bundle')" = "$bhash" ]
    [ "$(st hq list --json | jq -r '.[0].audits[0].report')" = "$digest" ]
    [ "$(st hq show "$id" --json | jq -r '.audits[0].day')" = "$(date -u +%F)" ]
    # A record without a statement has an empty list.
    [ "$(st device list --json | jq -r '.[0].audits | length')" = 0 ]
}

@test "attest: the verdict is the audit's (WARN from an unverified sender; --strict fails it and signs nothing)" {
    mkstore aud2
    st device contact add aud2 "$(st aud2 card)" 2>/dev/null
    st aud2 contact add device "$(st device card)" 2>/dev/null
    st hq contact add aud2 "$(st aud2 card)" 2>/dev/null
    bundle b.bundle hq,aud2
    st hq import b.bundle >/dev/null
    run --separate-stderr st aud2 audit b.bundle --strict --attest -o "$W/w.statement"
    expect_status 1
    [[ "${lines[-1]}" == "verdict: WARN (fails under --strict)" ]]
    [ "$stderr" = "intake: no statement was written: the verdict WARN fails under --strict, and a statement would say a plain WARN; to sign the WARN verdict, run the audit again without --strict" ]
    [ ! -e w.statement ]
    run st aud2 audit b.bundle --attest -o "$W/w.statement"
    expect_status 0
    run st hq import w.statement
    expect_status 0
    [[ "$output" == "imported the statement of 'aud2' (contact not verified) on bundle "*": WARN on "* ]]
}

@test "attest: importing the same statement twice says it is already here (exit 0, nothing changes)" {
    attested
    st hq import s.statement >/dev/null
    before=$(sums hq)
    run st hq import s.statement
    expect_status 0
    [[ "$output" == "the statement of 'auditor' on bundle "*" was imported before; nothing was added" ]]
    [ "$(sums hq)" = "$before" ]
    id=$(st hq list --json | jq -r '.[0].id')
    [ "$(st hq show "$id" --json | jq -r '.audits | length')" = 1 ]
}

@test "attest: a statement behind a UTF-8 byte-order mark, blank lines or spaces is read as the armor rule says (adv16 B-13)" {
    attested
    printf '\xef\xbb\xbf' | cat - s.statement >bom.statement
    run st hq import bom.statement
    expect_status 0
    [[ "$output" == "imported the statement of 'auditor'"* ]]
    { printf '\xef\xbb\xbf\n  \r\n'; cat s.statement; } >lead.statement
    run st hq import lead.statement
    expect_status 0
    [[ "$output" == "the statement of 'auditor' on bundle "*" was imported before; nothing was added" ]]
}

@test "attest: a statement about a bundle headquarters did not import is refused (exit 1)" {
    attested
    records 1
    bundle other.bundle
    st auditor audit other.bundle --attest -o "$W/other.statement" >/dev/null 2>&1 || true
    [ -s other.statement ]
    ohash=$(sed '1d;$d' other.statement | tr -d '\n' | base64 -d | od -An -tx1 -v | tr -d ' \n')
    before=$(sums hq)
    run --separate-stderr st hq import other.statement
    expect_status 1
    [ "$stderr" = "intake: the statement is about bundle ${ohash:66:16}, which no import here kept (one this store never received, or one whose every record it refused: 'intake import' of that bundle says why); nothing was imported" ]
    [ -z "$output" ]
    [ "$(sums hq)" = "$before" ]
}

@test "attest: a statement from an unknown auditor is refused (exit 1), even with --accept-unknown-sender" {
    attested
    st hq contact remove auditor >/dev/null 2>&1
    key=$(sed '1d;$d' s.statement | tr -d '\n' | base64 -d | od -An -tx1 -v | tr -d ' \n')
    before=$(sums hq)
    for flag in "" --accept-unknown-sender; do
        run --separate-stderr st hq import s.statement $flag
        expect_status 1
        [ "$stderr" = "intake: the statement was signed by an unknown auditor (signing key ${key:2:64}); add their card with 'intake contact add'; nothing was imported" ]
    done
    [ "$(sums hq)" = "$before" ]
}

@test "attest: a tampered statement is refused (exit 1); a malformed one is exit 2; nothing changes" {
    attested
    before=$(sums hq)
    # Each byte of the statement changed in turn: verdict, day, key, hash, digest, signature.
    b64=$(sed '1d;$d' s.statement | tr -d '\n')
    for at in 0 65 66 70 80 110 160 171; do
        bytes=$(printf '%s' "$b64" | base64 -d | od -An -tx1 -v | tr -d ' \n')
        byte=${bytes:$((2 * at)):2}
        flip=$(printf '%02x' $(( 0x$byte ^ 0x01 )))
        new=${bytes:0:$((2 * at))}$flip${bytes:$((2 * at + 2))}
        { echo "-----BEGIN INTAKE AUDIT STATEMENT-----"
          printf '%s' "$new" | xxd -r -p | base64 -w 64
          echo "-----END INTAKE AUDIT STATEMENT-----"; } >t.statement
        run --separate-stderr st hq import t.statement
        if [ "$at" -eq 0 ]; then
            expect_status 2
            [ "$stderr" = "intake: statement version 0 is not supported (this intake reads version 1)" ]
        elif [ "$at" -eq 65 ]; then
            expect_status 1   # PASS (0) becomes WARN (1): only the signature tells
            [ "$stderr" = "intake: the statement's signature does not verify: it was altered, or not signed by the key it names; nothing was imported" ]
        else
            [ "$status" -eq 1 ] || [ "$status" -eq 2 ] || { echo "at $at: $status $stderr"; false; }
            one_line_stderr
        fi
    done
    # A character changed in the armor's base64 text.
    sed '2s/^./%/' s.statement >t.statement
    run --separate-stderr st hq import t.statement
    expect_status 2
    [ "$stderr" = "intake: bad statement: a character that is not base64 in its text" ]
    # Cut short.
    head -n 3 s.statement >t.statement
    run --separate-stderr st hq import t.statement
    expect_status 2
    [ "$stderr" = "intake: bad statement: the END line is missing (was the text cut short?)" ]
    # Text after it.
    { cat s.statement; echo "more"; } >t.statement
    run --separate-stderr st hq import t.statement
    expect_status 2
    [ "$stderr" = "intake: bad statement: there is text after the END line" ]
    # Text before the BEGIN line (adv16 B-13): said so, not "not a bundle".
    for pre in 'note' 'Statement from the auditor:' '> quoted'; do
        { echo "$pre"; cat s.statement; } >t.statement
        run --separate-stderr st hq import t.statement
        expect_status 2
        [ "$stderr" = "intake: bad statement: there is text before the BEGIN line" ]
    done
    # A line removed: too few bytes.
    sed '3d' s.statement >t.statement
    run --separate-stderr st hq import t.statement
    expect_status 2
    [ "$stderr" = "intake: bad statement: its text does not decode to the 172 bytes of a statement" ]
    [ "$(sums hq)" = "$before" ]
}

@test "attest: bad usage is exit 2 with one line; no statement for a bundle that does not verify (exit 1)" {
    bundle b.bundle
    run --separate-stderr st auditor audit b.bundle --attest
    expect_status 2
    [ "$stderr" = "intake: --attest needs -o FILE, where the statement is written (see 'intake help audit')" ]
    run --separate-stderr st auditor audit b.bundle -o "$W/s.statement"
    expect_status 2
    [ "$stderr" = "intake: -o FILE goes only with --attest (see 'intake help audit')" ]
    run --separate-stderr st auditor audit b.bundle --attest --attest -o "$W/s.statement"
    expect_status 2
    one_line_stderr
    run --separate-stderr st auditor audit b.bundle --attest -o "$W/s.statement" -o "$W/t"
    expect_status 2
    one_line_stderr
    touch there
    run --separate-stderr st auditor audit b.bundle --attest -o there
    expect_status 2
    one_line_stderr
    [ ! -s there ]
    [ ! -e s.statement ]
    # Sealed to hq only: the auditor cannot open it, so it has no bundle hash to attest.
    bundle hq-only.bundle hq
    run --separate-stderr st auditor audit hq-only.bundle --attest -o "$W/s.statement"
    expect_status 1
    [[ "${lines[0]}" == "origin             FAIL  "* ]]
    [ "$stderr" = "intake: no statement was written: the bundle did not verify, so there is no bundle to attest" ]
    [ ! -e s.statement ]
    run st auditor help audit
    [ "${lines[0]}" = "usage: intake audit BUNDLE [--json] [--strict] [--k N] [--attest -o FILE]" ]
}

@test "attest: the statement holds no testimony and no identity; it reads the same in every language" {
    attested
    # The armor around 172 bytes of fixed fields (docs/FORMAT.md): keys,
    # hashes and a signature, a verdict and a day, no room for any text.
    # (Short words looked for in the base64 or in the random-looking bytes
    # of keys, hashes and signature turn up there by chance: "Kim" about
    # once in 150 runs.)
    [ "$(sed -n '1p;$p' s.statement)" = "-----BEGIN INTAKE AUDIT STATEMENT-----
-----END INTAKE AUDIT STATEMENT-----" ]
    [ "$(wc -l <s.statement)" -eq 6 ]
    [ "$(sed '1d;$d' s.statement | tr -d '\n' | base64 -d | wc -c)" -eq 172 ]
    bytes=$(sed '1d;$d' s.statement | tr -d '\n' | base64 -d | od -An -tx1 -v | tr -d ' \n')
    [ "${bytes:0:2}" = 01 ] && [[ "${bytes:130:2}" == 0[012] ]]
    [[ "$(sed '1d;$d' s.statement | tr -d '\n' | base64 -d | dd bs=1 skip=66 count=10 2>/dev/null)" =~ ^20[0-9]{2}-[01][0-9]-[0-3][0-9]$ ]]
    # The digest covers the English report even when the report is shown in Korean.
    rm s.statement
    LANGUAGE=ko LC_ALL=C.UTF-8 st auditor audit b.bundle --attest -o "$W/s.statement" >/dev/null 2>&1
    digest=$(LC_ALL=C st auditor audit b.bundle 2>/dev/null | b2sum -l 256 | cut -d' ' -f1)
    bytes=$(sed '1d;$d' s.statement | tr -d '\n' | base64 -d | od -An -tx1 -v | tr -d ' \n')
    [ "${bytes:152:64}" = "$digest" ]
}
