#!/usr/bin/env bats
# Issue 16, closing (session 25): what its checklist found proved only by a
# unit test or by a neighbour: audit FAILs, end to end, a record whose
# carried consent scope forbids what its bundle does (export no, an
# embargo, attachments no with an attachment), and headquarters keeps that
# scope and honours it onward; one withdrawal deletes records headquarters
# got in two bundles, and neither bundle brings them back.

bats_require_minimum_version 1.5.0
load helpers
load consent

# forged_scope WHAT: field's bundle to hq ($W/b.bundle: $ID with the
# attachment $W/memo.txt) re-signed by field with $ID's scope made WHAT
# (forge scope=WHAT) into $W/f.bundle.
forged_scope() {
    TOOLS=$(tools_dir)
    [ -x "$TOOLS/forge" ] || skip "no forge tool (make builds it)"
    field_hq
    with_memo
    st field export --to hq --all -o "$W/b.bundle" >/dev/null 2>&1
    "$TOOLS/forge" "$T/field" "$T/hq" "$W/b.bundle" "scope=$1" "$W/f.bundle" 3<<<"$PASS"
}

# audit_fails NOTE: hq's audit of $W/f.bundle exits 1, FAILs consistency
# with exactly one item, "FAIL record $ID: consent (NOTE)", and says FAIL.
audit_fails() {
    run --separate-stderr st hq audit "$W/f.bundle"
    expect_status 1
    [[ "$output" == *"consistency        FAIL  1 problem(s) in 1 records: the manifest and the text disagree, or a record may not leave
    FAIL record $ID: consent ($1)
"* ]] || { printf '%s\n' "$output" >&2; return 1; }
    [[ "$output" == *"consent            PASS  1 records carry their consent scope"* ]]
    [[ "$output" == *"verdict: FAIL" ]]
    # The untouched bundle passes the same check.
    run st hq audit "$W/b.bundle"
    [[ "$output" == *"consistency        PASS  1 records: "*"consent allows export"* ]]
}

@test "close16: audit FAILs a record whose scope says export no; hq keeps the scope and does not send it on" {
    forged_scope export-no
    mkstore partner
    introduce hq partner
    audit_fails "no consent to export"
    run --separate-stderr st hq import "$W/f.bundle"
    expect_status 0
    [ "$output" = "imported 1 record(s) and 1 attachment(s) from field; 0 already here" ]
    [ "$(hq_scope)" = "no no no yes" ]
    run --separate-stderr st hq export --to partner --all -o "$W/p.bundle"
    expect_status 1
    [ "$stderr" = "intake: record $ID ($(hq_subject)) may not leave: the recorded consent does not allow export (--export no)
intake: 1 record(s) may not leave; nothing was exported (--skip-blocked leaves them out)" ]
    [ ! -e "$W/p.bundle" ]
}

@test "close16: audit FAILs a record under an embargo it carries; hq keeps the embargo and does not send it on" {
    forged_scope embargo=2999-01-01
    mkstore partner
    introduce hq partner
    audit_fails "under embargo until 2999-01-01"
    st hq import "$W/f.bundle" >/dev/null
    [ "$(scope_of hq embargo)" = "yes no no yes 2999-01-01" ]
    run --separate-stderr st hq export --to partner --all -o "$W/p.bundle"
    expect_status 1
    [[ "$stderr" == "intake: record $ID ($(hq_subject)) may not leave: under embargo until 2999-01-01"* ]]
    [ ! -e "$W/p.bundle" ]
}

@test "close16: audit FAILs an attachment carried against attachments no; hq leaves it out and says why" {
    forged_scope attachments-no
    audit_fails "1 attachment carried, but the consent says attachments no"
    run --separate-stderr st hq import "$W/f.bundle"
    expect_status 0
    [ "$output" = "imported 1 record(s) and 0 attachment(s) from field; 0 already here
1 attachment(s) left out: the consent scope held here for their subject says attachments no (see 'intake subject show')" ]
    [ "$(hq_attachments "$ID")" -eq 0 ]
}

@test "close16: one withdrawal deletes the records hq got in two bundles; neither bundle brings them back" {
    field_hq
    to_hq "$W/1.bundle"
    ID2=$(printf 'A second talk.\n' | st field record Nari --title "Second" --date 2024-04-01)
    st field export --to hq "$ID2" -o "$W/2.bundle" >/dev/null 2>&1
    st hq import "$W/2.bundle" >/dev/null
    [ "$(st hq list | wc -l)" -eq 2 ]
    st field consent Nari --withdraw >/dev/null 2>&1
    # The withdrawal travels in the next bundle to hq: another subject's record.
    bora
    run --separate-stderr st field export --to hq "$B" -o "$W/3.bundle"
    expect_status 0
    run --separate-stderr st hq import "$W/3.bundle"
    expect_status 0
    [ "$output" = "imported 1 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) of withdrawal or deletion acted on: 2 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    [ "$(st hq list | cut -f1)" = "$B" ]
    today=$(date -u +%F)
    for b in 1 2; do
        if [ $b = 1 ]; then r=$ID n=1; else r=$ID2 n=1; fi
        hq_refused 1 "the bundle holds record $r, whose subject's consent its sender withdrew (notice of $today): refused again ($n record(s) refused in all); the bundle was imported before, and nothing was added" "$W/$b.bundle"
    done
    run --separate-stderr st hq show "$ID2"
    expect_status 2
    [ "$stderr" = "intake: record $ID2 was withdrawn at the source: its subject's consent was withdrawn (notice from field of $today); this store deleted it, with its attachments" ]
}

