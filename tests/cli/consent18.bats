#!/usr/bin/env bats
# Issue 16, report adv17b (branch con18): a consent scope reaches every
# copy of the origin's subject whatever route it came by (E-16); a later
# round of a withdrawal passed on is new at the partner and owed to it
# again (E-5); after a re-consent, what left the device before the
# withdrawal stays out by any route (E-6); a store's own decisions passed
# back to it change nothing (E-20). World: two_hq (consent.bash).

bats_require_minimum_version 1.5.0
load helpers
load consent

# partner_export STATUS LAST: partner's export of everything to hq exits
# STATUS, and the last line on stderr is "intake: LAST".
partner_export() {
    run --separate-stderr st partner export --to hq --all -o "$W/out.bundle"
    expect_status "$1"
    [ "${stderr##*$'\n'}" = "intake: $2" ] || { printf 'got: %s\n' "$stderr" >&2; return 1; }
}

# ---------------------------------------------------------------- E-16

@test "E-16: a scope relayed by hq (export no, embargo) reaches the copy partner holds from hq2" {
    two_hq
    st partner import "$W/h2p.bundle" >/dev/null
    st field consent Nari --export no --embargo 2027-12-01 >/dev/null 2>&1
    relay hq e
    run --separate-stderr st partner import "$W/e.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
1 subject(s) took the new consent scope their sender's notice carried (see 'intake subject show')" ]
    [ "$(scope_of partner embargo)" = "no no no yes 2027-12-01" ]
    partner_export 1 "1 record(s) may not leave; nothing was exported (--skip-blocked leaves them out)"
}

@test "E-16: a scope relayed by hq reaches the copy partner holds from the device itself" {
    two_hq
    st partner import "$W/fp.bundle" >/dev/null
    st field consent Nari --export no >/dev/null 2>&1
    relay hq e
    run --separate-stderr st partner import "$W/e.bundle"
    expect_status 0
    [ "${lines[1]}" = "1 subject(s) took the new consent scope their sender's notice carried (see 'intake subject show')" ]
    [ "$(scope_of partner)" = "no no no yes" ]
    partner_export 1 "1 record(s) may not leave; nothing was exported (--skip-blocked leaves them out)"
}

@test "E-16: attachments no relayed by hq deletes the attachment partner holds from hq2" {
    two_hq
    st partner import "$W/h2p.bundle" >/dev/null
    [ "$(st partner show "$ID" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["attachments"]))')" = 1 ]
    st field consent Nari --attachments no >/dev/null 2>&1
    relay hq e
    run --separate-stderr st partner import "$W/e.bundle"
    expect_status 0
    [ "$(scope_of partner)" = "yes no no no" ]
    [ "$(st partner show "$ID" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["attachments"]))')" = 0 ]
}

@test "E-16 control: a scope relayed by hq to a partner holding nothing of the subject is kept for its records" {
    two_hq
    st field consent Nari --export no >/dev/null 2>&1
    relay hq e
    run --separate-stderr st partner import "$W/e.bundle"
    expect_status 0
    [ "${lines[1]}" = "1 notice(s) of a consent scope about a subject not held here: kept for its records, if they come" ]
    st partner import "$W/h2p.bundle" >/dev/null
    [ "$(scope_of partner)" = "no no no yes" ]
}
