#!/usr/bin/env bats
# Session 21 (branch con21), report adv20c (issue 16): a relay's deletion
# blocks only what the relay sent (J-1), a notice's sender is never an
# empty name (J-2), one count of notices (J-4), no deletion from an
# unknown sender (J-5), audit --attest -o - (J-7), an embargo lifted is
# told (J-8), help's attachment get.

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

# relayed: stores field, hq2 and partner, verified contacts of each other;
# field's subject Nari (export yes) and its record $ID went field -> hq2
# ($W/1.bundle, imported) -> partner ($W/h2p.bundle, imported); field's
# own bundle of it to partner is $W/fp.bundle (written, not imported).
relayed() {
    fixture make_relayed ID
}
make_relayed() {
    local n
    for n in field hq2 partner; do mkstore "$n"; done
    introduce field hq2
    introduce field partner
    introduce hq2 partner
    st field subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    st field consent Nari --export yes --method verbal 2>/dev/null
    ID=$(printf 'Kim Ji-yeon spoke about the border.\n' |
         st field record Nari --title Border --date 2024-03-15)
    st field export --to hq2 --all -o "$W/1.bundle" >/dev/null 2>&1
    st hq2 import "$W/1.bundle" >/dev/null 2>&1
    st hq2 export --to partner --all -o "$W/h2p.bundle" >/dev/null 2>&1
    st partner import "$W/h2p.bundle" >/dev/null 2>&1
    st field export --to partner --all -o "$W/fp.bundle" >/dev/null 2>&1
}

@test "J-1: hq2 deleting its copy of field's record deletes partner's copy from hq2, and field's own copy still imports" {
    relayed
    run --separate-stderr st hq2 record delete "$ID" --yes
    expect_status 0
    run --separate-stderr st hq2 notify --to partner -o "$W/d.bundle"
    expect_status 0
    run --separate-stderr st partner import "$W/d.bundle"
    expect_status 0
    [[ "$output" == *"1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted"* ]]
    run --separate-stderr st partner show "$ID"
    expect_status 2
    # field made the record: hq2's deletion of its own copy says nothing
    # of field's.
    run --separate-stderr st partner import "$W/fp.bundle"
    expect_status 0
    [ "$output" = "imported 1 record(s) and 0 attachment(s) from field; 0 already here" ] || { echo "$output"; return 1; }
    run --separate-stderr st partner show "$ID"
    expect_status 0
    [[ "$output" == *"Kim Ji-yeon spoke"* || "$output" == *"Border"* ]]
    # hq2's own copy stays refused: hq2 deleted it.
    run --separate-stderr st partner import "$W/h2p.bundle"
    expect_status 1
    [[ "$stderr" == "intake: the bundle holds record $ID, which its sender deleted (notice of "* ]] || { echo "$stderr"; return 1; }
}
