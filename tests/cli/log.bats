#!/usr/bin/env bats
# The store's hash-chained log (issue 6) on the real binary. Forged entries
# are tested in tests/unit/store/test_log.c (through the store module).

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    HQ=$T/hq
    fixture log_stores RECOVERY CARD_HQ
}

# log_stores: the two stores, made once per file (fixture), their
# passphrase slots made cheap (cheapen writes no log entry).
log_stores() {
    init_store --label "Field laptop" && cheapen || return 1
    "$INTAKE" --home "$HQ" --passphrase-fd 3 init --kdf interactive --label "NGO HQ" 3<<<"$PASS" >/dev/null &&
        cheapen "$HQ" || return 1
    CARD_HQ=$("$INTAKE" --home "$HQ" --passphrase-fd 3 card 3<<<"$PASS")
}

teardown() {
    common_teardown
}

@test "log: a new store has one entry, init, and its chain verifies" {
    run ik log
    expect_status 0
    [ "$(printf '%s\n' "$output" | wc -l)" -eq 2 ]
    [[ "${lines[1]}" =~ ^1\ +[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z\ +[0-9a-f]{16}\ +init\ +-$ ]]
    run ik log --verify
    expect_status 0
    [[ "$output" =~ ^log\ intact:\ 1\ entries,\ head\ [0-9a-f]{64}$ ]]
}

@test "log: contact add, verify, replace, remove and passwd are entries; no name in them" {
    ik contact add "Headquarters Kim" "$CARD_HQ" 2>/dev/null
    ik contact verify "Headquarters Kim" --confirm <<<"$(ik contact verify "Headquarters Kim" | awk 'NR == 1 { print $NF }')" >/dev/null 2>&1
    OTHER=$T/other
    "$INTAKE" --home "$OTHER" --passphrase-fd 3 init --kdf interactive 3<<<"$PASS" >/dev/null
    CARD_O=$("$INTAKE" --home "$OTHER" --passphrase-fd 3 card 3<<<"$PASS")
    ik contact add "Headquarters Kim" "$CARD_O" --replace 2>/dev/null
    ik contact remove "Headquarters Kim" 2>/dev/null
    ik_pass "$PASS"$'\n'"$NEWPASS"$'\n'"$NEWPASS" passwd 2>/dev/null
    run ik_pass "$NEWPASS" log
    expect_status 0
    [[ "${lines[2]}" == *" contact.add "* ]]
    [[ "${lines[3]}" == *" contact.verify "* ]]
    [[ "${lines[4]}" == *" contact.replace "* ]]
    [[ "${lines[5]}" == *" contact.remove "* ]]
    [[ "${lines[6]}" == *" passwd "* ]]
    [[ "$output" != *Kim* && "$output" != *Headquarters* ]]
    # Contacts are named by their card's fingerprint.
    FP=$(ik_pass "$NEWPASS" log --json | jq -r '.[1].object')
    [[ "$FP" =~ ^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$ ]]
    run ik_pass "$NEWPASS" log --verify
    expect_status 0
    [[ "$output" == "log intact: 6 entries, head "* ]]
}

@test "log --json: every field, a chain that links, head equals --verify's" {
    ik contact add hq "$CARD_HQ" 2>/dev/null
    run ik log --json
    expect_status 0
    [ "$(jq length <<<"$output")" -eq 2 ]
    [ "$(jq -r '.[0].prev' <<<"$output")" = "$(printf '0%.0s' $(seq 64))" ]
    [ "$(jq -r '.[1].prev' <<<"$output")" = "$(jq -r '.[0].hash' <<<"$output")" ]
    [ "$(jq -r '.[1].seq' <<<"$output")" = 2 ]
    head=$(jq -r '.[1].hash' <<<"$output")
    run ik log --verify --json
    expect_status 0
    [ "$(jq -r .head <<<"$output")" = "$head" ]
    [ "$(jq -r .entries <<<"$output")" = 2 ]
    [ "$(jq -r .intact <<<"$output")" = true ]
}

@test "log: a refused change adds no entry" {
    run ik contact add hq "INTAKE1QQQQ"
    expect_status 2
    run ik log --verify
    [[ "$output" == "log intact: 1 entries, head "* ]]
}

@test "log: bad usage is exit 2 with one line; wrong passphrase is exit 1" {
    run ik log extra
    expect_status 2
    one_line
    [[ "$output" == *"unexpected argument 'extra'"* ]]
    run ik log --bogus
    expect_status 2
    one_line
    run ik log --verify --verify
    expect_status 2
    one_line
    [[ "$output" == *"--verify given twice"* ]]
    run ik_pass "wrong horse battery staple" log
    expect_status 1
    one_line
    run ik help log
    expect_status 0
    [[ "$output" == *"intake log --verify"* ]]
}

@test "log: no store is exit 2 with one line" {
    run "$INTAKE" --home "$T/none" --passphrase-fd 3 log 3<<<"$PASS"
    expect_status 2
    one_line
}
