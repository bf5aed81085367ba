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
# ($W/p.bundle; $W/pold.bundle, a second copy hq wrote then, not
# imported); Nari spoke in $R0, never sent; Nari withdrew, and the withdrawal reached hq and, passed
# on, partner ($W/w.bundle): both deleted $ID; then Nari consented again
# (export yes) and spoke again in $R2, which field sent hq
# ($W/r2.bundle, with the re-consent). Made once per file (fixture).
reconsented_hq() {
    fixture make_reconsented_hq ID UID_ R0 R2
}
make_reconsented_hq() {
    to_partner
    st hq export --to partner --all -o "$W/pold.bundle" >/dev/null 2>&1
    R0=$(printf 'Kim Ji-yeon spoke once more before withdrawing.\n' |
         st field record Nari --title Before --date 2024-07-01)
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

# records_of FILE STORE: the record ids of bundle FILE as STORE opens it.
records_of() {
    st "$2" open "$1" --json 2>/dev/null | python3 -c '
import json, sys
print(" ".join(sorted(r["id"] for r in json.load(sys.stdin)["records"])))'
}

@test "E-4 reverse: hq's copy written before the withdrawal stays refused at partner after the re-consent passed on" {
    reconsented_hq
    st hq export --to partner --all -o "$W/hp2.bundle" >/dev/null 2>&1
    st partner import "$W/hp2.bundle" >/dev/null
    import_refused partner "the bundle holds record $ID, whose subject's consent its sender withdrew (notice of $(date -u +%F)): refused (1 record(s) refused in all); no record of the bundle was imported" "$W/pold.bundle"
    [ "$(st partner list | cut -f1)" = "$R2" ]
}

@test "E-4: a record made before the withdrawal leaves the device only with --include-earlier, and hq then passes it on" {
    reconsented_hq
    run --separate-stderr st field export --to hq "$R0" -o "$W/r0.bundle"
    expect_status 1
    st field consent Nari --include-earlier >/dev/null 2>&1
    st field export --to hq "$R0" -o "$W/r0.bundle" >/dev/null 2>&1
    st hq import "$W/r0.bundle" >/dev/null
    run --separate-stderr st hq export --to partner --all -o "$W/hp3.bundle"
    expect_status 0
    [ "$(records_of "$W/hp3.bundle" partner)" = "$(printf '%s\n' "$R0" "$R2" | sort | paste -sd' ')" ]
    run --separate-stderr st partner import "$W/hp3.bundle"
    expect_status 0
    [ "${lines[0]}" = "imported 2 record(s) and 0 attachment(s) from hq; 0 already here" ] ||
        { printf 'got: %s\n' "$output" >&2; return 1; }
}

# ---------------------------------------------------------------- issue 16, walked
# "headquarters imports it [the auditor's statement]": hq auditing what it
# imported was refused as "an unknown auditor" (its own key is no
# contact) with the advice to add its own card, which cannot be done.

@test "issue 16, the auditor's verdict: hq's own statement on a bundle it imported is imported, shown under its label" {
    field_hq
    to_hq "$W/1.bundle"
    run --separate-stderr st hq audit "$W/1.bundle" --attest -o "$W/own.statement"
    expect_status 0
    bhash=$(sed '1d;$d' "$W/own.statement" | tr -d '\n' | base64 -d | od -An -tx1 -v | tr -d ' \n')
    bhash=${bhash:66:64}
    run --separate-stderr st hq import "$W/own.statement"
    expect_status 0
    [ "$output" = "imported the statement of 'hq' on bundle ${bhash:0:16}: WARN on $(date -u +%F), about 1 record(s)" ] ||
        { printf 'got: %s / %s\n' "$output" "$stderr" >&2; return 1; }
    run st hq show "$ID"
    expect_status 0
    [[ "$output" == *"audited: by hq on $(date -u +%F): WARN (bundle ${bhash:0:16}, report "* ]]
    # again: imported before, nothing changes
    run --separate-stderr st hq import "$W/own.statement"
    expect_status 0
    [ "$output" = "the statement of 'hq' on bundle ${bhash:0:16} was imported before; nothing was added" ]
}
