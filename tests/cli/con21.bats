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

# stranger: relayed, and field knows partner's card but partner does not
# know field's: field's bundles to partner need --accept-unknown-sender.
# Partner holds hq2's copy of $ID; field's own copy is refused there as
# held from elsewhere (its route kept).
stranger() {
    local n
    for n in field hq2 partner; do mkstore "$n"; done
    introduce field hq2
    introduce hq2 partner
    st field contact add partner "$(st partner card)" 2>/dev/null
    st field subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    st field consent Nari --export yes --method verbal 2>/dev/null
    ID=$(printf 'Kim Ji-yeon spoke about the border.\n' |
         st field record Nari --title Border --date 2024-03-15)
    st field export --to hq2 --all -o "$W/1.bundle" >/dev/null 2>&1
    st hq2 import "$W/1.bundle" >/dev/null 2>&1
    st hq2 export --to partner --all -o "$W/h2p.bundle" >/dev/null 2>&1
    st field export --to partner --all -o "$W/fp.bundle" >/dev/null 2>&1
}

@test "J-5: an unknown sender's deletion reaches only the records it sent itself, and says so" {
    stranger
    st partner import "$W/h2p.bundle" >/dev/null 2>&1
    # field made the copy hq2 sent: its own is "already here" (its route kept).
    run --separate-stderr st partner import "$W/fp.bundle" --accept-unknown-sender
    expect_status 0
    run --separate-stderr st field record delete "$ID" --yes
    expect_status 0
    run --separate-stderr st field notify --to partner -o "$W/d.bundle"
    expect_status 0
    run --separate-stderr st partner import "$W/d.bundle" --accept-unknown-sender
    expect_status 0
    [[ "$output" == *"1 notice(s) from an unknown sender: a withdrawal or deletion from a key that is no contact acts only on the records it sent here itself, and a notice it passes on from another device is not acted on"* ]] || { echo "$output"; return 1; }
    # hq2's copy (a contact's) stays.
    run --separate-stderr st partner show "$ID"
    expect_status 0
}

@test "J-2: a record deleted on an unknown sender's withdrawal names that sender by its key, never an empty name" {
    stranger
    run --separate-stderr st partner import "$W/fp.bundle" --accept-unknown-sender
    expect_status 0
    st field consent Nari --withdraw >/dev/null 2>&1
    run --separate-stderr st field notify --to partner -o "$W/w.bundle"
    expect_status 0
    run --separate-stderr st partner import "$W/w.bundle" --accept-unknown-sender
    expect_status 0
    key=$(st partner list --json 2>/dev/null | python3 -c 'import json,sys; print([x for x in json.load(sys.stdin) if "tombstone" in x][0]["tombstone"]["sender_key"][:16])')
    [ ${#key} = 16 ]
    run --separate-stderr st partner import "$W/h2p.bundle"
    expect_status 1
    [[ "$stderr" == "intake: the bundle holds record $ID, which this store deleted when its subject's consent was withdrawn (notice of "*" from an unknown sender (signing key $key)): it does not come back from another sender: refused (1 record(s) refused in all); no record of the bundle was imported" ]] || { echo "$stderr"; return 1; }
    run --separate-stderr st partner show "$ID"
    expect_status 2
    [[ "$stderr" == *"notice from an unknown sender (signing key $key) of "* ]] || { echo "$stderr"; return 1; }
}

@test "J-7: audit --attest -o - is refused before the passphrase: the report has standard output" {
    run --separate-stderr "$INTAKE" --home "$T/none" audit x.bundle --attest -o -
    expect_status 2
    [[ "$stderr" == "intake: --attest -o - would mix the statement with the report on standard output: give -o a FILE"* ]] || { echo "$stderr"; return 1; }
    [ ! -e ./- ]
}

@test "help: the attachment line names no 'attachment write'" {
    run --separate-stderr "$INTAKE" help
    expect_status 0
    [[ "$output" != *"attachment write"* ]]
    [[ "$output" == *"  attachment get an attachment back out to a new file, or remove one"* ]]
}

@test "J-8: lifting an embargo, or moving it earlier, owes hq a notice; notify carries the scope without it" {
    relayed
    st field consent Nari --embargo 2031-01-01 >/dev/null 2>&1
    st field notify --to hq2 -o "$W/e.bundle" >/dev/null 2>&1
    st field notify --to partner -o "$W/e2.bundle" >/dev/null 2>&1
    st hq2 import "$W/e.bundle" >/dev/null
    run --separate-stderr st hq2 export --to partner --all -o "$W/x.bundle"
    expect_status 1
    run --separate-stderr st field consent Nari --embargo 2030-06-01
    expect_status 0
    [[ "$stderr" == *"intake: hq2, partner received these records before: 2 notice(s) to them are now due (see 'intake exports')"* ]] || { echo "$stderr"; return 1; }
    st field notify --to hq2 -o "$W/m.bundle" >/dev/null 2>&1
    st field notify --to partner -o "$W/m2.bundle" >/dev/null 2>&1
    run --separate-stderr st field consent Nari --embargo none
    expect_status 0
    [[ "$stderr" == *"intake: hq2, partner received these records before: 2 notice(s) to them are now due (see 'intake exports')"* ]] || { echo "$stderr"; return 1; }
    run --separate-stderr st field notify --to hq2 -o "$W/l.bundle"
    expect_status 0
    run --separate-stderr st hq2 import "$W/l.bundle"
    expect_status 0
    [[ "$output" == *"1 subject(s) took the new consent scope their sender's notice carried"* ]] || { echo "$output"; return 1; }
    [ "$(st hq2 subject show "$(st hq2 subject list --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["pseudonym"])')" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["consent"].get("embargo"))')" = None ]
}

@test "J-4: a re-consent whose withdrawal was lost counts as one notice on first import, as its resend counts it" {
    relayed
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq2 -o "$W/lost.bundle" >/dev/null 2>&1
    st field consent Nari --export yes >/dev/null 2>&1
    st field notify --to hq2 -o "$W/n.bundle" >/dev/null 2>&1
    run --separate-stderr st hq2 import "$W/n.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 subject(s) consented again after a withdrawal, as their sender's notice says: their later records may come (see 'intake subject show')
1 of them followed a withdrawal that had not reached this store: it was acted on first, 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ] || { echo "$output"; return 1; }
    st field notify --to hq2 --resend -o "$W/r.bundle" >/dev/null 2>&1
    run --separate-stderr st hq2 import "$W/r.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
2 notice(s) acted on before; nothing changed by them" ] || { echo "$output"; return 1; }
}
