#!/usr/bin/env bats
# Issue 16, adv16 B-5 (brief c16): a withdrawal covers every record that
# existed at its time; the re-consent after it covers the records made
# after it, and the earlier ones only when the subject says so
# (`consent P --include-earlier`). Export refuses an earlier record (exit
# 1, "may not leave", naming the option) and `redact` agrees: one rule
# (store/eligible.c).

bats_require_minimum_version 1.5.0
load helpers
load consent

# unsent: field's record $U of Nari, made after $ID went to hq
# ($W/1.bundle) and never sent; then Nari withdraws, field tells hq
# ($W/n.bundle), Nari consents again (--export yes) and says $A after it.
unsent() {
    fixture make_unsent ID UID_ U A
}
make_unsent() {
    field_hq
    to_hq "$W/1.bundle"
    U=$(printf 'Before withdrawal but never sent.\n' |
        st field record Nari --title Unsent --date 2024-03-05)
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    st field consent Nari --export yes >/dev/null 2>&1
    A=$(printf 'After re-consent.\n' | st field record Nari --title After --date 2024-03-06)
}

# why DAYS: the reason an earlier record of Nari may not leave.
why() {
    local day
    day=$(date -u +%Y-%m-%d)
    printf "it was made before the re-consent of %s (consent was withdrawn on %s), which covers earlier records only if the subject says so: 'intake consent Nari --include-earlier'" "$day" "$day"
}

@test "B-5: a record made before the withdrawal and never sent may not leave after a re-consent" {
    unsent
    run --separate-stderr st field export --to hq --all -o "$W/r.bundle"
    expect_status 1
    [ "$stderr" = "intake: record $U (Nari) may not leave: $(why)
intake: record $ID (Nari) may not leave: it went to hq before its subject's consent was withdrawn ($(date -u +%Y-%m-%d)), which refuses it there for good; record what the subject says now as a new record
intake: 2 record(s) may not leave; nothing was exported (--skip-blocked leaves them out)" ] ||
        { printf 'got: %s\n' "$stderr" >&2; return 1; }
    [ ! -e "$W/r.bundle" ]
    # redact says the same (one rule), exit 1
    run --separate-stderr st field redact "$U"
    expect_status 1
    [ "${stderr##*$'\n'}" = "intake: record $U may not leave the device: $(why)" ] ||
        { printf 'got: %s\n' "$stderr" >&2; return 1; }
    # what was said after the re-consent leaves, alone
    run --separate-stderr st field export --to hq --all --skip-blocked -o "$W/r.bundle"
    expect_status 0
    st hq import "$W/r.bundle" >/dev/null
    run st hq show "$U"
    expect_status 2
    st hq show "$A" >/dev/null
}

@test "B-5: the re-consent says how many earlier records stay, and --include-earlier lets them leave" {
    field_hq
    to_hq "$W/1.bundle"
    U=$(printf 'Before withdrawal.\n' | st field record Nari --title Unsent --date 2024-03-05)
    st field consent Nari --withdraw >/dev/null 2>&1
    run --separate-stderr st field consent Nari --export yes
    expect_status 0
    [ "${stderr%%$'\n'*}" = "intake: consent recorded for Nari (see 'intake subject show Nari')" ]
    [[ "$stderr" == *"
intake: 2 records of Nari made before its re-consent stay on the device; if the subject agrees that they may leave too: 'intake consent Nari --include-earlier'"* ]] ||
        { printf 'got: %s\n' "$stderr" >&2; return 1; }
    run --separate-stderr st field consent Nari --include-earlier
    expect_status 0
    [ "${stderr%%$'\n'*}" = "intake: consent recorded for Nari, covering the records made before its re-consent too (see 'intake subject show Nari')" ] ||
        { printf 'got: %s\n' "$stderr" >&2; return 1; }
    [[ "$stderr" != *"stay on the device"* ]]
    run --separate-stderr st field redact "$U"
    expect_status 0
    # the one sent before the withdrawal stays refused by hq for good
    run --separate-stderr st field export --to hq --all --skip-blocked -o "$W/r.bundle"
    expect_status 0
    grep -qxF "intake: exported 1 record(s) to hq" <<<"$stderr"
    grep -qxF "intake: left out 1 blocked record(s)" <<<"$stderr"
    run --separate-stderr st hq import "$W/r.bundle"
    expect_status 0
    st hq show "$U" >/dev/null
}

@test "B-5: a record made while the consent was withdrawn is earlier too" {
    field_hq
    st field consent Nari --withdraw >/dev/null 2>&1
    D=$(printf 'Said while withdrawn.\n' | st field record Nari --title During --date 2024-03-05)
    st field consent Nari --export yes --include-earlier >/dev/null 2>&1
    run --separate-stderr st field redact "$D"
    expect_status 0
    # a second withdrawal covers it again, and the next re-consent does not
    st field consent Nari --withdraw >/dev/null 2>&1
    st field consent Nari --export yes >/dev/null 2>&1
    run --separate-stderr st field redact "$D"
    expect_status 1
    [ "${stderr##*$'\n'}" = "intake: record $D may not leave the device: $(why)" ] ||
        { printf 'got: %s\n' "$stderr" >&2; return 1; }
    # while an earlier record is blocked, so is every export that selects it
    run --separate-stderr st field export --to hq --subject Nari -o "$W/x.bundle"
    expect_status 1
    [ ! -e "$W/x.bundle" ]
}

@test "B-5: --include-earlier needs a withdrawal before it, and is not a consent alone" {
    field_hq
    run --separate-stderr st field consent Nari --include-earlier
    expect_status 2
    [ "$stderr" = "intake: the consent of Nari was never withdrawn, so it covers all its records already; --include-earlier is for a re-consent after a withdrawal" ]
    st field consent Nari --withdraw >/dev/null 2>&1
    run --separate-stderr st field consent Nari --include-earlier
    expect_status 2
    [ "$stderr" = "intake: the consent of Nari is withdrawn: give the new consent (--export yes ...) with --include-earlier" ]
    run --separate-stderr st field consent Nari --withdraw --include-earlier
    expect_status 2
    [ "$stderr" = "intake: --withdraw withdraws everything; give it alone (see 'intake help consent')" ]
    run --separate-stderr st field consent Nari --export yes --include-earlier --include-earlier
    expect_status 2
    # nothing was recorded: the record is still withdrawn
    run --separate-stderr st field redact "$ID"
    expect_status 1
    [[ "$stderr" == *"consent was withdrawn on"* ]]
}
