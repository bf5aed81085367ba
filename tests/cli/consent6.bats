#!/usr/bin/env bats
# Issue 16's last gap (brief i16-exp): a withdrawal relayed by hq binds at
# the partner as the device's own does. The notice hq passes on carries
# the origin's round (content format 7, origin.round); the partner keeps
# a tombstone under the origin's key, counted in the origin's rounds: a
# later bundle straight from the device, written before the withdrawal,
# does not bring the subject's records back; the device's own
# re-consent still lets its later records in.

bats_require_minimum_version 1.5.0
load helpers
load consent

# notices_of FILE: the notices of bundle FILE as partner opens it, one a
# line: kind subject record round origin-key origin-subject origin-round
# (- for none); the content format first.
notices_of() {
    st partner open "$1" --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["header"]["format"])
for n in d["header"]["notices"]:
    o = n.get("origin") or {}
    print(n["kind"], n["subject"], n["record"], n.get("round", "-"),
          o.get("key", "-"), o.get("subject", "-"), o.get("round", "-"))
'
}

# key_of STORE: its signing key in hex, as a bundle's signer.
key_of() {
    st "$1" export --to hq --all -o "$W/k.bundle" >/dev/null 2>&1 || true
    st hq open "$W/k.bundle" --json 2>/dev/null |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["sender"]["signing_key"])'
    rm -f "$W/k.bundle"
}

# late [indirect]: $ID went field -> hq -> partner ($W/h.bundle,
# imported); field wrote $ID and a second record $R2 of Nari into
# $W/f.bundle for partner (not imported yet: it arrives late; not with
# "indirect": field never sent partner anything); then Nari withdrew,
# field told hq ($W/n.bundle, imported) and hq passed it on
# ($W/hn.bundle, not imported).
late() {
    field_hq
    mkstore partner
    introduce hq partner
    introduce field partner
    FKEY=$(key_of field)
    to_hq "$W/1.bundle"
    st hq export --to partner --all -o "$W/h.bundle" >/dev/null 2>&1
    st partner import "$W/h.bundle" >/dev/null
    if [ "${1:-}" != indirect ]; then
        R2=$(printf 'Kim Ji-yeon spoke again.\n' | st field record Nari --title "Later" --date 2024-03-20)
        st field export --to partner --all -o "$W/f.bundle" >/dev/null 2>&1
    fi
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    HUID=$(st hq subject show "$(hq_subject)" | sed -n 's/^subject id: //p')
    st hq notify --to partner -o "$W/hn.bundle" >/dev/null 2>&1
    today=$(date -u +%F)
}

@test "relay: hq passes on a withdrawal with the origin's round; partner then refuses field's bundle written before it" {
    late
    [ "$(notices_of "$W/hn.bundle")" = "intake-content-7
withdrawal $HUID None - $FKEY $UID_ 1" ]
    run --separate-stderr st partner import "$W/hn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ]
    # field's bundle, written before the withdrawal, arrives: neither record comes in.
    import_refused partner "the bundle holds record $ID, whose subject's consent its sender withdrew (notice of $today): refused (2 record(s) refused in all); no record of the bundle was imported" "$W/f.bundle"
    run --separate-stderr st partner show "$R2"
    expect_status 2
    [ -z "$(st partner list)" ]
    # field's own notice, when it comes, was acted on before.
    st field notify --to partner -o "$W/fn.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/fn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) acted on before; nothing changed by them" ]
}

@test "relay: after the relayed withdrawal, field's own re-consent still lets its later records in at partner, not the earlier ones" {
    late
    st partner import "$W/hn.bundle" >/dev/null
    st partner import "$W/f.bundle" >/dev/null 2>&1 || true
    st field consent Nari --export yes >/dev/null 2>&1
    R3=$(printf 'Kim Ji-yeon spoke once more.\n' | st field record Nari --title "After" --date 2024-03-25)
    st field export --to partner "$R3" -o "$W/r.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/r.bundle"
    expect_status 0
    [ "$output" = "imported 1 record(s) and 0 attachment(s) from field; 0 already here
1 subject(s) consented again after a withdrawal, as their sender's notice says: their later records may come (see 'intake subject show')
1 notice(s) acted on before; nothing changed by them" ]
    [ -z "$stderr" ]
    run --separate-stderr st partner show "$R3"
    expect_status 0
    # The bundle written before the withdrawal stays refused.
    import_refused partner "the bundle holds record $ID, which this store deleted when its subject's consent was withdrawn (notice of $today from hq): it does not come back from another sender: refused (2 record(s) refused in all); no record of the bundle was imported" "$W/f.bundle"
}

# relay_reconsent: after late(), partner took hq's relayed withdrawal;
# Nari consented again, field told hq ($W/nr.bundle) and hq passed it on
# ($W/hr.bundle, not imported).
relay_reconsent() {
    st partner import "$W/hn.bundle" >/dev/null
    st field consent Nari --export yes >/dev/null 2>&1
    st field notify --to hq -o "$W/nr.bundle" >/dev/null 2>&1
    st hq import "$W/nr.bundle" >/dev/null
    st hq notify --to partner -o "$W/hr.bundle" >/dev/null 2>&1
}

@test "relay: a re-consent passed on names its origin and round; it lifts the relayed withdrawal for field's later records at partner, a device partner never heard from directly" {
    late indirect
    relay_reconsent
    run notices_of "$W/hr.bundle"
    [ "${lines[0]}" = "intake-content-7" ]
    [ "${lines[1]}" = "reconsent $HUID None 1 $FKEY $UID_ 1" ]
    run --separate-stderr st partner import "$W/hr.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
1 subject(s) consented again after a withdrawal, as their sender's notice says: their later records may come (see 'intake subject show')" ]
    # A record field makes now comes straight to partner.
    R3=$(printf 'Kim Ji-yeon spoke once more.\n' | st field record Nari --title "After" --date 2024-03-25)
    st field export --to partner "$R3" -o "$W/r.bundle" >/dev/null 2>&1
    # field owes partner no notice: only hq's re-consent can lift the withdrawal.
    [ "$(notices_of "$W/r.bundle")" = "intake-content-6" ]
    run --separate-stderr st partner import "$W/r.bundle"
    expect_status 0
    [ "$output" = "imported 1 record(s) and 0 attachment(s) from field; 0 already here" ]
    [ -z "$stderr" ]
    run --separate-stderr st partner show "$R3"
    expect_status 0
    # $ID, deleted on the relayed withdrawal, does not come back from field
    # (made before the re-consent, it leaves field only with --include-earlier: B-5).
    st field consent Nari --include-earlier >/dev/null 2>&1
    st field export --to partner "$ID" -o "$W/old.bundle" >/dev/null 2>&1
    import_refused partner "the bundle holds record $ID, which this store deleted when its subject's consent was withdrawn (notice of $today from hq): it does not come back from another sender: refused (1 record(s) refused in all); no record of the bundle was imported" "$W/old.bundle"
}

@test "relay: a second withdrawal passed on carries the origin's round 2; field's own notice of round 2 was then acted on before at partner" {
    late
    relay_reconsent
    st partner import "$W/hr.bundle" >/dev/null
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n2.bundle" >/dev/null 2>&1
    st hq import "$W/n2.bundle" >/dev/null
    st hq notify --to partner -o "$W/hn2.bundle" >/dev/null 2>&1
    run notices_of "$W/hn2.bundle"
    [ "${lines[0]}" = "intake-content-7" ]
    [ "${lines[1]}" = "withdrawal $HUID None 2 $FKEY $UID_ 2" ]
    run --separate-stderr st partner import "$W/hn2.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
1 notice(s) of withdrawal or deletion acted on: their subject is marked here; none of its records was left here to delete" ]
    # field's own notices change nothing now; its old bundle is refused as withdrawn.
    st field notify --to partner -o "$W/fn.bundle" >/dev/null 2>&1
    [ "$(notices_of "$W/fn.bundle")" = "intake-content-5
withdrawal $UID_ None 2 - - -" ]
    run --separate-stderr st partner import "$W/fn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 notice(s) acted on before; nothing changed by them" ]
    import_refused partner "the bundle holds record $ID, whose subject's consent its sender withdrew (notice of $today): refused (2 record(s) refused in all); no record of the bundle was imported" "$W/f.bundle"
}

@test "relay: hq's withdrawal arriving after field's own re-consent reached partner is stale for field: field's later record there stands" {
    twice field
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    st hq notify --to partner -o "$W/hn.bundle" >/dev/null 2>&1
    # field consents again and sends partner a new record, with its own notices.
    st field consent Nari --export yes >/dev/null 2>&1
    R3=$(printf 'Kim Ji-yeon spoke once more.\n' | st field record Nari --title "After" --date 2024-03-25)
    st field export --to partner "$R3" -o "$W/r.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/r.bundle"
    expect_status 0
    run --separate-stderr st partner show "$R3"
    expect_status 0
    # hq's notice of field's round 1 comes late: it reaches nothing of field's now.
    [ "$(notices_of "$W/hn.bundle" | sed -n 2p | cut -d' ' -f7)" = 1 ]
    run --separate-stderr st partner import "$W/hn.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
1 notice(s) of withdrawal or deletion about records not held here: kept, so that they are refused if they come" ]
    [ -z "$stderr" ]
    run --separate-stderr st partner show "$R3"
    expect_status 0
    [ "$(st partner list | cut -f1)" = "$R3" ]
}
