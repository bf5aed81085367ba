#!/usr/bin/env bats
# Issue 16, session 19 (branch con19): headquarters passes on a
# re-consented subject's later records (E-4): on an importing store, a
# record's "made before or after the re-consent" comes from what
# travelled with it (the consent its device stamped on it), never from a
# "record.add" log entry only the device has; and issue 16's text walked
# device -> hq -> partner. World: field_hq (consent.bash) and partner.

bats_require_minimum_version 1.5.0
load helpers
load consent

# reconsented_hq: $ID went field -> hq ($W/1.bundle) -> partner
# ($W/p.bundle); Nari withdrew, and the withdrawal reached hq and, passed
# on, partner ($W/w.bundle): both deleted $ID; then Nari consented again
# (export yes) and spoke again in $R2, which field sent hq
# ($W/r2.bundle, with the re-consent). Made once per file (fixture).
reconsented_hq() {
    fixture make_reconsented_hq ID UID_ R2
}
make_reconsented_hq() {
    to_partner
    st field consent Nari --withdraw >/dev/null 2>&1
    relay hq w
    st partner import "$W/w.bundle" >/dev/null
    st field consent Nari --export yes >/dev/null 2>&1
    R2=$(printf 'Kim Ji-yeon spoke again after consenting anew.\n' |
         st field record Nari --title Again --date 2024-08-01)
    st field export --to hq "$R2" -o "$W/r2.bundle" >/dev/null 2>&1
    st hq import "$W/r2.bundle" >/dev/null
}

@test "E-4: hq passes on a re-consented subject's later record; the partner gets it, never the withdrawn one" {
    reconsented_hq
    run --separate-stderr st hq export --to partner --all -o "$W/hp2.bundle"
    expect_status 0
    [ "$(st partner open "$W/hp2.bundle" --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(" ".join(r["id"] for r in d["records"]))')" = "$R2" ]
    run --separate-stderr st partner import "$W/hp2.bundle"
    expect_status 0
    [ "${lines[0]}" = "imported 1 record(s) and 0 attachment(s) from hq; 0 already here" ] ||
        { printf 'got: %s\n' "$output" >&2; return 1; }
    [ "$(st partner list | cut -f1)" = "$R2" ]
}
