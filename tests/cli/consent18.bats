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

# ---------------------------------------------------------------- E-5

# round2 STORE: partner holds $ID from STORE (hq or field); Nari's
# withdrawal, passed on by hq, deleted it there; Nari consented again and
# her record $R3 reached partner from field; then she withdrew again
# (round 2) and hq heard of it ($W/w2-1.bundle), nothing passed on yet.
round2() {
    two_hq
    st partner import "$W/hp.bundle" >/dev/null
    st field consent Nari --withdraw >/dev/null 2>&1
    relay hq w1
    st partner import "$W/w1.bundle" >/dev/null
    st field consent Nari --export yes >/dev/null 2>&1
    R3=$(printf 'Kim Ji-yeon spoke again after consenting anew.\n' |
         st field record Nari --title Again --date 2024-08-01)
    st field export --to partner --not-sent-to partner -o "$W/r3.bundle" >/dev/null 2>&1
    st partner import "$W/r3.bundle" >/dev/null
    [ "$(st partner list | cut -f1)" = "$R3" ]
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/w2-1.bundle" >/dev/null 2>&1
    st hq import "$W/w2-1.bundle" >/dev/null
}

@test "E-5: hq owes partner the second round of a withdrawal it passed on before, without --resend" {
    round2
    run --separate-stderr st hq notify --to partner -o "$W/w2.bundle"
    expect_status 0
    [ "$stderr" = "intake: the bundle carries 1 notice(s) to partner; every later bundle to them carries them again, so a refused or lost bundle loses none" ] ||
        { printf 'got: %s\n' "$stderr" >&2; return 1; }
    st partner open "$W/w2.bundle" --json 2>/dev/null | python3 -c '
import json, sys
n = json.load(sys.stdin)["header"]["notices"]
assert [(x["kind"], x.get("round"), x["origin"]["round"]) for x in n] == [("withdrawal", 2, 2)], n'
}

@test "E-5: the second round passed on by hq deletes the record partner got after the re-consent" {
    round2
    st hq notify --to partner -o "$W/w2.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/w2.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
1 notice(s) of withdrawal or deletion acted on: 1 record(s) and 0 attachment(s) deleted (see 'intake list')" ] ||
        { printf 'got: %s\n' "$output" >&2; return 1; }
    [ -z "$(st partner list 2>/dev/null)" ]
    # and field's own notice of the same round, when it comes, changes nothing
    st field notify --to partner -o "$W/fw2.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/fw2.bundle"
    expect_status 0
    [ "${lines[1]}" = "1 notice(s) acted on before; nothing changed by them" ] || { printf 'got: %s\n' "$output" >&2; return 1; }
}

# ---------------------------------------------------------------- E-6

@test "E-6: after a withdrawal and a re-consent, hq2's bundle written before the withdrawal is refused" {
    two_hq
    st field consent Nari --withdraw >/dev/null 2>&1
    st field consent Nari --export yes >/dev/null 2>&1
    st field notify --to partner -o "$W/z.bundle" >/dev/null 2>&1
    st partner import "$W/z.bundle" >/dev/null
    import_refused partner "the bundle holds record $ID, sent before its subject's consent was withdrawn: the re-consent of the device that made it (notice of $(date -u +%F) from field) lets in only records sent after it, by any route: refused (1 record(s) refused in all); no record of the bundle was imported" "$W/h2p.bundle"
    [ -z "$(st partner list 2>/dev/null)" ]
    # the device's own bundle of before, as before
    import_refused partner "the bundle holds record $ID, sent before its subject's consent was withdrawn: its sender's re-consent (notice of $(date -u +%F)) lets in only records sent after it: refused (1 record(s) refused in all); no record of the bundle was imported" "$W/fp.bundle"
}

@test "E-6: the re-consent passed on by hq refuses hq2's bundle of before the withdrawal too" {
    two_hq
    st field consent Nari --withdraw >/dev/null 2>&1
    st field consent Nari --export yes >/dev/null 2>&1
    relay hq z
    st partner import "$W/z.bundle" >/dev/null
    import_refused partner "the bundle holds record $ID, sent before its subject's consent was withdrawn: the re-consent of the device that made it (notice of $(date -u +%F) from field) lets in only records sent after it, by any route: refused (1 record(s) refused in all); no record of the bundle was imported" "$W/h2p.bundle"
    [ -z "$(st partner list 2>/dev/null)" ]
}

# ---------------------------------------------------------------- E-20

@test "E-20: partner's own withdrawal and re-consent passed back by hq2 leave its subject consented" {
    two_hq
    st partner subject add --name "Jeon Min-su" --pseudonym Gaeul >/dev/null
    st partner consent Gaeul --export yes >/dev/null 2>&1
    printf 'Gaeul spoke of the river.\n' | st partner record Gaeul --title River --date 2024-04-01 >/dev/null
    st partner export --to hq2 --subject Gaeul -o "$W/g1.bundle" >/dev/null 2>&1
    st hq2 import "$W/g1.bundle" >/dev/null
    st hq2 export --to partner --all -o "$W/g2.bundle" >/dev/null 2>&1
    st partner import "$W/g2.bundle" >/dev/null 2>&1 || true    # its own record: held here
    st partner consent Gaeul --withdraw >/dev/null 2>&1
    st partner consent Gaeul --export yes >/dev/null 2>&1
    st partner notify --to hq2 -o "$W/g3.bundle" >/dev/null 2>&1
    st hq2 import "$W/g3.bundle" >/dev/null
    st hq2 notify --to partner -o "$W/g4.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/g4.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq2; 0 already here
2 notice(s) acted on before; nothing changed by them" ] || { printf 'got: %s\n' "$output" >&2; return 1; }
    [ "$(st partner subject show Gaeul | grep '^may leave')" = "may leave the device: yes" ]
    P2=$(printf 'Gaeul told a new story after consenting again.\n' | st partner record Gaeul --title New --date 2024-09-01)
    run --separate-stderr st partner redact "$P2"
    expect_status 0
}

# ---------------------------------------------------------------- E-9

# body_of STORE ID: "VERSION BODY" of record ID at STORE.
body_of() {
    st "$1" show "$2" --json | python3 -c 'import json, sys; d = json.load(sys.stdin); print(d["version"], d["body"])'
}

@test "E-9: hq's own re-redaction leaves as a revision; the device's correction then replaces hq's copy and the partner's" {
    two_hq
    R1=$(printf 'Kim Ji-yeon crossed near the Harbor with the driver Oak Tree.\n' |
         st field record Nari --title Crossing --date 2024-03-02)
    st field export --to hq,partner --all -o "$W/9-1.bundle" >/dev/null 2>&1
    st hq import "$W/9-1.bundle" >/dev/null
    st partner import "$W/9-1.bundle" >/dev/null
    st hq term add place Harbor >/dev/null
    st hq export --to partner --not-sent-to partner -o "$W/9-2.bundle" >/dev/null 2>&1
    # the device's version stays; hq's redaction is revision 1 of it
    [ "$(body_of hq "$R1")" = "1 Nari crossed near the Harbor with the driver Oak Tree." ]
    st partner open "$W/9-2.bundle" --json 2>/dev/null | python3 -c '
import json, sys
r = [x for x in json.load(sys.stdin)["records"] if x["id"] == sys.argv[1]][0]
assert (r["version"], r["revision"]) == (1, 1), r' "$R1"
    run --separate-stderr st partner import "$W/9-2.bundle"
    expect_status 0
    [ "${lines[1]}" = "1 record replaced by its newer version (the old text is gone)" ] || { printf 'got: %s\n' "$output" >&2; return 1; }
    [ "$(body_of partner "$R1")" = "1 Nari crossed near the [PLACE-1] with the driver Oak Tree." ]
    # the interviewer's correction (version 2) replaces both copies
    printf 'Kim Ji-yeon crossed near the Harbor with the driver.\n' | st field record edit "$R1" >/dev/null 2>&1
    st field export --to hq,partner --not-sent-to hq -o "$W/9-3.bundle" >/dev/null 2>&1
    for s in hq partner; do
        run --separate-stderr st "$s" import "$W/9-3.bundle"
        expect_status 0
        [ "${lines[1]}" = "1 record replaced by its newer version (the old text is gone)" ] || { printf 'got: %s\n' "$output" >&2; return 1; }
    done
    [ "$(body_of hq "$R1")" = "2 Nari crossed near the Harbor with the driver." ]
    [ "$(body_of partner "$R1")" = "2 Nari crossed near the Harbor with the driver." ]
    # and hq's redaction of version 2 reaches the partner as its revision
    st hq export --to partner --not-sent-to partner -o "$W/9-4.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/9-4.bundle"
    expect_status 0
    [ "$(body_of partner "$R1")" = "2 Nari crossed near the [PLACE-1] with the driver." ]
}

@test "E-9: an older revision of the same version from the relay changes nothing; a re-export unchanged keeps its revision" {
    two_hq
    st partner import "$W/hp.bundle" >/dev/null
    st hq term add place border >/dev/null
    st hq export --to partner --not-sent-to partner -o "$W/r1.bundle" >/dev/null 2>&1
    st partner import "$W/r1.bundle" >/dev/null
    [ "$(body_of partner "$ID")" = "1 Nari spoke about the [PLACE-1]." ]
    # hp.bundle (revision 0) again: kept, the newer redaction stays
    run --separate-stderr st partner import "$W/hp.bundle"
    [ "$(body_of partner "$ID")" = "1 Nari spoke about the [PLACE-1]." ]
    st hq export --to partner --all -o "$W/r2.bundle" >/dev/null 2>&1
    st partner open "$W/r2.bundle" --json 2>/dev/null | python3 -c '
import json, sys
r = json.load(sys.stdin)["records"][0]
assert (r["version"], r["revision"]) == (1, 1), r'
}
