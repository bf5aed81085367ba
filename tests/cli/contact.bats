#!/usr/bin/env bats
# Contact cards exchanged by QR code, contacts and safety numbers (issue 4),
# on the real binary: headquarters (store $HQ) and a field laptop ($H).

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    HQ=$T/hq
    fixture contact_stores RECOVERY CARD_HQ CARD_FK
}

# contact_stores: the two stores, made once per file (fixture) and their
# passphrase slots made cheap (no test here is about the KDF), and their cards.
contact_stores() {
    init_store --label "Field laptop" && cheapen || return 1
    "$INTAKE" --home "$HQ" --passphrase-fd 3 init --kdf interactive --label "NGO HQ" 3<<<"$PASS" >/dev/null &&
        cheapen "$HQ" || return 1
    CARD_HQ=$(hq card)
    CARD_FK=$(ik card)
}

teardown() {
    common_teardown
}

hq() {
    "$INTAKE" --home "$HQ" --passphrase-fd 3 "$@" 3<<<"$PASS"
}

scan() {
    zbarimg --nodbus --quiet --raw "$1"
}

@test "card: one line, uppercase, no dates or device details, stable" {
    [[ "$CARD_HQ" =~ ^INTAKE1[02-9AC-HJ-NP-Z]+$ ]]
    [ "$(hq card)" = "$CARD_HQ" ]
    [ "$CARD_HQ" != "$CARD_FK" ]
    run hq card extra
    expect_status 2
}

@test "card --qr png and svg: a real scanner reads back exactly the card" {
    command -v zbarimg >/dev/null || skip "zbarimg (zbar-tools) missing"
    hq card --qr png -o "$T/hq.png"
    [ "$(scan "$T/hq.png")" = "$CARD_HQ" ]
    [ "$(mode_of "$T/hq.png")" = 600 ]
    hq card --qr svg -o "$T/hq.svg"
    rsvg-convert "$T/hq.svg" -o "$T/hq-svg.png"
    [ "$(scan "$T/hq-svg.png")" = "$CARD_HQ" ]
}

@test "card --qr: never overwrites without --force; bad format and missing -o are exit 2" {
    hq card --qr png -o "$T/hq.png"
    run hq card --qr png -o "$T/hq.png"
    expect_status 2
    [[ "$output" == *"already exists"* ]]
    hq card --qr png -o "$T/hq.png" --force
    run hq card --qr gif -o "$T/x.gif"
    expect_status 2
    one_line
    run hq card --qr png
    expect_status 2
    [[ "$output" == *"needs -o FILE"* ]]
}

@test "card --qr term: half blocks and a quiet zone" {
    run hq card --qr term
    expect_status 0
    [[ "$output" == *"▀"* || "$output" == *"▄"* ]]
}

@test "contact add --scan: the interviewer scans headquarters' card" {
    hq card --qr png -o "$T/hq.png"
    run ik contact add hq --scan "$T/hq.png"
    expect_status 0
    run ik contact list
    [[ "$output" == hq*UNVERIFIED* ]]
    run ik contact show hq
    [[ "$output" == *"label: NGO HQ"* ]]
    [[ "$output" == *"$CARD_HQ"* ]]
}

@test "safety number: both sides print the same; a third card gives another" {
    ik contact add hq "$CARD_HQ"
    hq contact add field "$CARD_FK"
    a=$(ik contact verify hq | head -n 1)
    b=$(hq contact verify field | head -n 1)
    [[ "$a" =~ ^([0-9]{5}\ ){11}[0-9]{5}$ ]]
    [ "$a" = "$b" ]
    "$INTAKE" --home "$T/third" --passphrase-fd 3 init --kdf interactive --label third 3<<<"$PASS" >/dev/null
    third=$("$INTAKE" --home "$T/third" --passphrase-fd 3 card 3<<<"$PASS")
    ik contact add third "$third"
    c=$(ik contact verify third | head -n 1)
    [ "$c" != "$a" ]
}

@test "contact verify --scan: match (exit 0, --confirm recorded) and mismatch (exit 1)" {
    ik contact add hq "$CARD_HQ"
    hq contact add field "$CARD_FK"
    hq contact verify field --qr png -o "$T/sn.png" >/dev/null
    run ik contact verify hq --scan "$T/sn.png" --confirm
    expect_status 0
    [[ "$output" == *match* ]]
    run ik contact list
    [[ "$output" == hq*verified* ]]
    [[ "$output" != *UNVERIFIED* ]]
    "$INTAKE" --home "$T/third" --passphrase-fd 3 init --kdf interactive --label third 3<<<"$PASS" >/dev/null
    ik contact add third "$("$INTAKE" --home "$T/third" --passphrase-fd 3 card 3<<<"$PASS")"
    run ik contact verify third --scan "$T/sn.png"
    expect_status 1
    [[ "$output" == *mismatch* ]]
}

@test "contact add refuses: own card, keys of another contact, bad checksum, junk" {
    ik contact add hq "$CARD_HQ"
    run ik contact add me "$CARD_FK"
    expect_status 2
    [[ "$output" == *"own card"* ]]
    run ik contact add hq2 "$CARD_HQ"
    expect_status 2
    [[ "$output" == *"already belong to contact 'hq'"* ]]
    bad="${CARD_HQ:0:30}$( [ "${CARD_HQ:30:1}" = Q ] && echo P || echo Q )${CARD_HQ:31}"
    run ik contact add x "$bad"
    expect_status 2
    one_line
    [[ "$output" == *checksum* ]]
    for junk in "" "hello" "$(head -c 3000 /dev/zero | tr '\0' A)"; do
        run ik contact add x "$junk"
        expect_status 2
        one_line
    done
    run ik contact list
    [ "$(printf '%s\n' "$output" | wc -l)" -eq 1 ]
}

@test "contact add: a new card for a known name needs --replace and shows both fingerprints" {
    ik contact add hq "$CARD_HQ"
    "$INTAKE" --home "$T/new" --passphrase-fd 3 init --kdf interactive --label "NGO HQ" 3<<<"$PASS" >/dev/null
    new=$("$INTAKE" --home "$T/new" --passphrase-fd 3 card 3<<<"$PASS")
    run ik contact add hq "$new"
    expect_status 2
    [[ "$output" =~ [0-9A-Z]{4}-.*[0-9A-Z]{4}- ]]
    [[ "$output" == *--replace* ]]
    run ik contact add hq "$new" --replace
    expect_status 0
    run ik contact show hq
    [[ "$output" == *"$new"* ]]
}

@test "contact add --scan: not an image, no QR code, another text: exit 2" {
    printf 'not an image' >"$T/x.png"
    run ik contact add x --scan "$T/x.png"
    expect_status 2
    one_line
    run ik contact add x --scan "$T/missing.png"
    expect_status 2
    hq contact add field "$CARD_FK"
    hq contact verify field --qr png -o "$T/sn.png" >/dev/null
    run ik contact add x --scan "$T/sn.png"
    expect_status 2
    one_line
}

@test "contact show/remove/verify of an unknown name: exit 2; remove works" {
    run ik contact show nobody
    expect_status 2
    [[ "$output" == *"no contact named"* ]]
    run ik contact verify nobody
    expect_status 2
    ik contact add hq "$CARD_HQ"
    ik contact remove hq
    run ik contact list
    [ -z "$output" ]
    run ik contact frobnicate
    expect_status 2
}
