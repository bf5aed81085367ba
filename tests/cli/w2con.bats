#!/usr/bin/env bats
# An outside tester's findings on faults and headquarters (adv19c; issues
# 14 and 16): two intakes importing one bundle or statement at once (C-8),
# a statement of a WARN failed under --strict (C-6), a record edited after
# its subject's withdrawal (C-2), and a full disk (C-4).

bats_require_minimum_version 1.5.0
load helpers
load consent

HOLD=

setup() {
    common_setup
    W=$T/work
    mkdir -p "$W"
    cd "$W"
    HOLD=$(dirname "$INTAKE")/../tools/hold
}

# held STORE SECONDS: another intake holds STORE's write lock for SECONDS
# (tests/tools/hold.c), started in the background once it holds it; its
# process id in $holder.
held() {
    [ -x "$HOLD" ] || skip "no hold tool at $HOLD (make builds it)"
    "$HOLD" "$T/$1" "$2" 3<<<"$PASS" >"$T/held" &
    holder=$!
    for i in $(seq 100); do grep -q held "$T/held" 2>/dev/null && break; sleep 0.1; done
    grep -q held "$T/held"
}

# at_once N STORE ARGS...: N intakes on STORE at once; each one's status
# and output in $W/at.K (first line "rc=S").
at_once() {
    local n=$1 k
    shift
    for k in $(seq "$n"); do
        ( st "$@" >"$W/out.$k" 2>&1; echo "rc=$?" >"$W/at.$k"; cat "$W/out.$k" >>"$W/at.$k" ) &
    done
    wait
}

# ---- C-8: two writers racing on one key ----

@test "C-8: two imports of one bundle at once: one imports, the other says imported before (exit 0); no raw database error" {
    field_hq
    bora
    st field export --to hq --all -o "$W/b.bundle" >/dev/null 2>&1
    # Both read the bundle while a third intake writes, then queue for the
    # lock: the one that gets it second finds the bundle imported.
    held hq 2
    at_once 2 hq import "$W/b.bundle"
    hash=$(st field exports --json | jq -r '.[0].bundle')
    cat "$W"/at.* >&3 || true
    [ "$(cat "$W"/at.* | grep -c '^rc=0$')" -eq 2 ]
    [ "$(cat "$W"/at.* | grep -c '^imported 2 record(s) and 0 attachment(s) from field; 0 already here$')" -eq 1 ]
    [ "$(cat "$W"/at.* | grep -c "^bundle ${hash:0:16} was imported before; nothing was added$")" -eq 1 ]
    ! grep -q -i 'constraint\|database error' "$W"/at.*
    [ "$(st hq list | wc -l)" -eq 2 ]
    # Each record logged once (import logs per record).
    [ "$(st hq log --json | jq '[.[] | select(.action == "import")] | length')" -eq 2 ]
    run st hq log --verify
    expect_status 0
}

@test "C-8: three imports of one bundle at once (the tester's round): all exit 0, the records once" {
    field_hq
    st field export --to hq --all -o "$W/b.bundle" >/dev/null 2>&1
    at_once 3 hq import "$W/b.bundle"
    cat "$W"/at.* >&3 || true
    [ "$(cat "$W"/at.* | grep -c '^rc=0$')" -eq 3 ]
    [ "$(cat "$W"/at.* | grep -c '^imported 1 record(s) and 0 attachment(s) from field; 0 already here$')" -eq 1 ]
    [ "$(cat "$W"/at.* | grep -c 'was imported before; nothing was added$')" -eq 2 ]
    [ "$(st hq list | wc -l)" -eq 1 ]
}

@test "C-8: two imports of one audit statement at once: one keeps it, the other says imported before (exit 0)" {
    field_hq
    mkstore aud
    introduce field aud
    introduce hq aud
    st field export --to hq,aud --all -o "$W/b.bundle" >/dev/null 2>&1
    st hq import "$W/b.bundle" >/dev/null
    st aud audit "$W/b.bundle" --attest -o "$W/s.statement" >/dev/null 2>&1
    held hq 2
    at_once 2 hq import "$W/s.statement"
    cat "$W"/at.* >&3 || true
    [ "$(cat "$W"/at.* | grep -c '^rc=0$')" -eq 2 ]
    [ "$(cat "$W"/at.* | grep -c "^imported the statement of 'aud' on bundle ")" -eq 1 ]
    [ "$(cat "$W"/at.* | grep -c "^the statement of 'aud' on bundle .* was imported before; nothing was added$")" -eq 1 ]
    ! grep -q -i 'constraint\|database error' "$W"/at.*
    [ "$(st hq show "$ID" --json | jq '.audits | length')" -eq 1 ]
}

# ---- C-6: a statement says what the exit status said ----

# unverified_aud: aud2 knows field's card unverified, so its audit of
# field's bundle $W/b.bundle (also imported at hq) is a WARN.
unverified_aud() {
    field_hq
    mkstore aud2
    st field contact add aud2 "$(st aud2 card)" 2>/dev/null
    st aud2 contact add field "$(st field card)" 2>/dev/null
    st hq contact add aud2 "$(st aud2 card)" 2>/dev/null
    st field export --to hq,aud2 --all -o "$W/b.bundle" >/dev/null 2>&1
    st hq import "$W/b.bundle" >/dev/null
}

@test "C-6: audit --strict --attest of a WARN: exit 1, no statement written, and it says how to sign the WARN" {
    unverified_aud
    run --separate-stderr st aud2 audit "$W/b.bundle" --strict --attest -o "$W/y.st"
    expect_status 1
    [ "${lines[-1]}" = "verdict: WARN (fails under --strict)" ]
    [ "$stderr" = "intake: no statement was written: the verdict WARN fails under --strict, and a statement would say a plain WARN; to sign the WARN verdict, run the audit again without --strict" ]
    [ ! -e "$W/y.st" ]
    # A script stopping on the status has nothing to mail; nothing logged either.
    [ "$(st aud2 log --json | jq '[.[] | select(.action == "statement.write")] | length')" -eq 0 ]
    # --json --strict: the same.
    run --separate-stderr st aud2 audit "$W/b.bundle" --json --strict --attest -o "$W/y.st"
    expect_status 1
    [ "$(echo "$output" | jq -r '.verdict + " " + (.strict | tostring) + " " + (.exit | tostring)')" = "WARN true 1" ]
    [ ! -e "$W/y.st" ]
}

@test "C-6: without --strict the WARN is signed and hq shows WARN; the statement says WARN" {
    unverified_aud
    run --separate-stderr st aud2 audit "$W/b.bundle" --attest -o "$W/w.st"
    expect_status 0
    [[ "$stderr" == "intake: statement written to $W/w.st: verdict WARN on bundle "* ]]
    run st hq import "$W/w.st"
    expect_status 0
    [[ "$output" == "imported the statement of 'aud2' (contact not verified) on bundle "*": WARN on "* ]]
}

# ---- C-2: a record edited after its subject's withdrawal ----

@test "C-2: a withdrawn record edited afterwards: edit says it stays here; --not-sent-to does not offer it and sends the rest" {
    field_hq
    bora
    to_hq "$W/1.bundle"
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    run --separate-stderr st field record edit "$ID" <<<"Edit after withdraw."
    expect_status 0
    today=$(date -u +%F)
    [ "$stderr" = "intake: record $ID was changed: it is now at version 2
intake: note: record $ID was sent before (hq on $today), but the records of Nari may not leave (consent was withdrawn on $today): this edit stays here, and no export carries it" ]
    # Any real change for hq goes; the withdrawn record is not offered.
    st field subject rename Bora Byeol >/dev/null 2>&1
    run --separate-stderr st field export --to hq --not-sent-to hq -o "$W/d2.bundle"
    expect_status 0
    [ -s "$W/d2.bundle" ]
    run --separate-stderr st hq import "$W/d2.bundle"
    expect_status 0
    [[ "$(st hq subject list)" == *"Byeol@"* ]]
    # Only the rename's record went: the withdrawn one was not offered.
    [ "$(st field exports --json | jq -r '[.[0].records[].id] | join(" ")')" = "$B" ]
    # Nothing more to send: the withdrawn record is still not offered.
    run --separate-stderr st field export --to hq --not-sent-to hq -o "$W/d3.bundle"
    expect_status 2
    [ "${stderr##*$'\n'}" = "intake: no record passes the filters; no bundle was written" ]
    [[ "$stderr" != *"may not leave"* ]]
    [ ! -e "$W/d3.bundle" ]
}

@test "C-2: an edit of a withdrawn record never sent says nothing more; an edit of a sent record that may leave says nothing more" {
    field_hq
    bora
    st field export --to hq "$B" -o "$W/1.bundle" >/dev/null 2>&1
    # Bora went and may leave: the edit travels, no note.
    run --separate-stderr st field record edit "$B" --title "Other, again"
    expect_status 0
    [ "$stderr" = "intake: record $B was changed: it is now at version 2" ]
    # Nari's record never went; after the withdrawal its edit has no one to miss it.
    st field consent Nari --withdraw >/dev/null 2>&1
    run --separate-stderr st field record edit "$ID" --title "Border, again"
    expect_status 0
    [[ "$stderr" == "intake: record $ID was changed: it is now at version "[0-9] ]]
}

@test "C-2: a sent record whose subject is now under embargo: edit says it stays here, --not-sent-to leaves it out" {
    field_hq
    bora
    to_hq "$W/1.bundle"
    st field consent Nari --embargo 2099-01-01 >/dev/null 2>&1
    run --separate-stderr st field record edit "$ID" --title "Border, later"
    expect_status 0
    [[ "$stderr" == *"intake: note: record $ID was sent before (hq on "*"), but the records of Nari may not leave (under embargo until 2099-01-01): this edit stays here, and no export carries it" ]]
    st field record edit "$B" --title "Other, again" >/dev/null 2>&1
    run --separate-stderr st field export --to hq --not-sent-to hq -o "$W/d2.bundle"
    expect_status 0
    [ "$(st field exports --json | jq -r '[.[0].records[].id] | join(" ")')" = "$B" ]
}
