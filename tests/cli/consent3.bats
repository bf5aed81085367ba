#!/usr/bin/env bats
# Issue 16, what the earlier rounds left: audit lists a bundle's notices
# and FAILs a record its own notices forbid; the warning of a statement
# about no record here (report adv16 F7); attachments no deletes the
# copies headquarters holds; a bundle written before a withdrawal that
# arrives after the re-consent; a partly imported bundle imported again;
# a forgotten subject added again.

bats_require_minimum_version 1.5.0
load helpers
load consent

# tool NAME ARGS...: a test tool from tests/tools (its leaks at exit are
# not what is tested here).
tool() {
    local name=$1
    shift
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" "$(tools_dir)/$name" "$@"
}

# reconsented: $ID reached hq in 1.bundle; late.bundle, written next with
# a second record $L, is held back (a courier's copy); Nari's withdrawal
# reached hq; Nari consented again (a second later, so that the
# re-consent's time differs from the first consent's) and spoke again in
# $ID2; 2.bundle carries $ID2, the withdrawal and the re-consent, not yet
# imported. Made once per file (fixture).
reconsented() {
    fixture make_reconsented ID UID_ L ID2
}
make_reconsented() {
    field_hq
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    st hq import "$W/1.bundle" >/dev/null
    L=$(printf 'A second talk, before.\n' | st field record Nari --title "Before" --date 2024-04-01)
    st field export --to hq "$L" -o "$W/late.bundle" >/dev/null 2>&1
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    sleep 1
    st field consent Nari --export yes >/dev/null 2>&1
    ID2=$(printf 'She spoke again, later.\n' | st field record Nari --title "Again" --date 2024-06-01)
    st field export --to hq "$ID2" -o "$W/2.bundle" >/dev/null 2>&1
}

# ---- audit: the notices a bundle carries ----

@test "audit: a bundle's notices are listed (text and --json); a bundle without any has no notices check; a statement still digests the English report" {
    reconsented
    today=$(date -u +%F)
    run --separate-stderr st hq audit "$W/2.bundle"
    expect_status 0
    notices=$(printf '%s\n' "$output" | sed -n '/^notices /,/^[a-z]/p' | sed '$d')
    [ "$notices" = "notices            PASS  2 notice(s) for the recipients (withdrawals, deletions, scopes, re-consents, removals); none forbids a record the bundle carries
    PASS: withdrawal (subject $UID_, all its records, day $today)
    PASS: reconsent (subject $UID_, all its records, day $today, round 1, scope: export yes, quote no, publish no, attachments no, embargo none, method none)" ]
    # After consent, before the residual checks.
    [ "$(printf '%s\n' "$output" | grep -E '^[a-z-]+ +(PASS|WARN|FAIL)' | awk '{print $1}' | tr '\n' ' ')" = "origin consistency consent notices residual-terms residual-detectors second-opinion reidentification attachments " ]
    run --separate-stderr st hq audit "$W/2.bundle" --json
    expect_status 0
    echo "$output" | python3 -c '
import json, sys
c = [c for c in json.load(sys.stdin)["checks"] if c["name"] == "notices"]
assert len(c) == 1 and c[0]["level"] == "PASS" and c[0]["examined"] == 2 and c[0]["found"] == 0, c
assert [(i["level"], i["what"], "record" in i) for i in c[0]["items"]] == [("PASS", "withdrawal", False), ("PASS", "reconsent", False)], c
assert c[0]["items"][1]["note"].startswith("subject %s, all its records, day " % sys.argv[1]), c' "$UID_"
    # The first bundle carried no notice: its report has no notices check
    # (its record, withdrawn since, FAILs the here check: adv16b N4).
    run --separate-stderr st hq audit "$W/1.bundle"
    expect_status 1
    [ "$(printf '%s\n' "$output" | grep -c '^notices ')" -eq 0 ]
    [ "$(printf '%s\n' "$output" | grep -c '^here  *FAIL ')" -eq 1 ]
    # The statement's digest is that of the English report, notices included.
    st hq audit "$W/2.bundle" --attest -o "$W/s.statement" >/dev/null 2>&1
    digest=$(LC_ALL=C st hq audit "$W/2.bundle" 2>/dev/null | b2sum -l 256 | cut -d' ' -f1)
    bytes=$(sed '1d;$d' "$W/s.statement" | tr -d '\n' | base64 -d | od -An -tx1 -v | tr -d ' \n')
    [ "${bytes:152:64}" = "$digest" ]
}

@test "audit: a record the bundle's own withdrawal forbids FAILs the notices check (exit 1, one item naming it)" {
    field_hq
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    # The device never writes it: a withdrawal of Nari beside Nari's record.
    tool forge "$T/field" "$T/hq" "$W/1.bundle" withdraw "$W/f.bundle" 3<<<"$PASS"
    run --separate-stderr st hq audit "$W/f.bundle"
    expect_status 1
    notices=$(printf '%s\n' "$output" | sed -n '/^notices /,/^[a-z]/p' | sed '$d')
    [ "$notices" = "notices            FAIL  1 record(s) carried although a notice the bundle carries forbids them (of 1 notice(s))
    PASS: withdrawal (subject $UID_, all its records, day 2026-01-02)
    FAIL record $ID: notice (its subject's consent was withdrawn: the bundle's own withdrawal notice of 2026-01-02 forbids it)" ]
    [ "$(last_lines 1)" = "verdict: FAIL" ]
    # --json: the same FAIL.
    run --separate-stderr st hq audit "$W/f.bundle" --json
    expect_status 1
    echo "$output" | python3 -c '
import json, sys
d = json.load(sys.stdin)
c = [c for c in d["checks"] if c["name"] == "notices"][0]
assert d["verdict"] == "FAIL" and c["level"] == "FAIL" and c["found"] == 1, c
assert c["items"][1] == {"level": "FAIL", "record": sys.argv[1], "what": "notice", "note": "its subject'"'"'s consent was withdrawn: the bundle'"'"'s own withdrawal notice of 2026-01-02 forbids it"}, c' "$ID"
}

# ---- report adv16 F7: a statement about no record of this store ----

@test "attest: a statement about a bundle whose records hq had from an earlier bundle is kept with a warning (F7)" {
    field_hq
    mkstore auditor
    introduce field auditor
    introduce hq auditor
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    st hq import "$W/1.bundle" >/dev/null
    # The same record again, to hq and the auditor: nothing new at hq.
    st field export --to hq,auditor --all -o "$W/2.bundle" >/dev/null 2>&1
    run st hq import "$W/2.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 1 already here" ]
    st auditor audit "$W/2.bundle" --attest -o "$W/s.statement" >/dev/null 2>&1
    bhash=$(sed '1d;$d' "$W/s.statement" | tr -d '\n' | base64 -d | od -An -tx1 -v | tr -d ' \n')
    run --separate-stderr st hq import "$W/s.statement"
    expect_status 0
    [[ "$output" == "imported the statement of 'auditor' on bundle ${bhash:66:16}: "*" on $(date -u +%F), about 0 record(s)" ]]
    [ "$stderr" = "intake: warning: no record of this store came from that bundle (its records were here already, from an earlier bundle): the statement is kept, but no record's 'show' lists it" ]
    run st hq show "$ID"
    expect_status 0
    [[ "$output" != *"audited:"* ]]
    # Again: imported before, no warning.
    run --separate-stderr st hq import "$W/s.statement"
    expect_status 0
    [ -z "$stderr" ]
}

# ---- attachments no: headquarters' copies go ----

@test "attachments no after an export: hq deletes its copies, its partner too; allowed again, the next export brings them back" {
    field_hq
    mkstore partner
    introduce hq partner
    st field consent Nari --attachments yes >/dev/null 2>&1
    printf 'a photo of the crossing point\n' >"$W/p.txt"
    st field attach "$ID" "$W/p.txt" >/dev/null 2>&1
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    st hq import "$W/1.bundle" >/dev/null
    st hq export --to partner --all -o "$W/h1.bundle" >/dev/null 2>&1
    st partner import "$W/h1.bundle" >/dev/null
    [ "$(st partner show "$ID" | grep -c 'attachment-')" -eq 1 ]
    run --separate-stderr st field consent Nari --attachments no
    expect_status 0
    [ "$stderr" = "intake: consent recorded for Nari (see 'intake subject show Nari')
intake: hq received these records before: 1 notice(s) to them are now due (see 'intake exports')" ]
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/n.bundle"
    expect_status 0
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from field; 0 already here
1 subject(s) took the new consent scope their sender's notice carried (see 'intake subject show'): attachments no, so 1 attachment(s) of their records were deleted here" ]
    run st hq show "$ID"
    expect_status 0
    [[ "$output" != *"attachment-"* && "$output" == *"attachments no"* ]]
    run grep -r -a -l "crossing point" "$T/hq"
    expect_status 1
    # Onward: hq owes partner the scope; partner deletes its copy too.
    st hq notify --to partner -o "$W/hn.bundle" >/dev/null 2>&1
    run --separate-stderr st partner import "$W/hn.bundle"
    expect_status 0
    [[ "$output" == *"attachments no, so 1 attachment(s) of their records were deleted here" ]]
    [ "$(st partner show "$ID" | grep -c 'attachment-')" -eq 0 ]
    # The notice again: acted on before, nothing left to delete.
    run --separate-stderr st hq import "$W/n.bundle"
    expect_status 0
    [[ "$output" == *"was imported before; nothing was added" ]]
    # Allowed again: the next export of the record brings it back.
    st field consent Nari --attachments yes >/dev/null 2>&1
    st field export --to hq "$ID" -o "$W/3.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/3.bundle"
    expect_status 0
    [[ "$output" == "imported 0 record(s) and 1 attachment(s) from field; 1 already here"* ]]
    [ "$(st hq show "$ID" | grep -c 'attachment-')" -eq 1 ]
}

# ---- a bundle written before a withdrawal, arriving after the re-consent ----

@test "re-consent: a bundle written before the withdrawal that reaches hq after the re-consent: its record is refused alone (exit 1); again: refused again" {
    reconsented
    run st hq import "$W/2.bundle"
    expect_status 0
    today=$(date -u +%F)
    # The late bundle: its record left before the withdrawal.
    M="the bundle holds record $L, sent before its subject's consent was withdrawn: its sender's re-consent (notice of $today) lets in only records sent after it"
    run --separate-stderr st hq import "$W/late.bundle"
    expect_status 1
    [ -z "$output" ]
    [ "$stderr" = "intake: $M: refused (1 record(s) refused in all); no record of the bundle was imported" ]
    run --separate-stderr st hq show "$L"
    expect_status 2
    [ "$(st hq list | cut -f1)" = "$ID2" ]
    # Again: the same refusal in the same words (the first changed nothing,
    # adv16b N7), not "imported before".
    hq_refused 1 "$M: refused (1 record(s) refused in all); no record of the bundle was imported" "$W/late.bundle"
}

# ---- a partly imported bundle imported again ----

@test "import again: a bundle whose stale record was refused is refused again (exit 1, the same reason), not 'imported before'; a conflict too" {
    field_hq
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    cp -a "$T/field" "$T/old"
    st field record edit "$ID" --title "Border crossing (corrected)" </dev/null >/dev/null 2>&1
    st field export --to hq "$ID" -o "$W/2.bundle" >/dev/null 2>&1
    st hq import "$W/2.bundle" >/dev/null
    N=$(printf 'A new talk.\n' | st old record Nari --title "New" --date 2024-07-01)
    st old export --to hq "$ID" "$N" -o "$W/3.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/3.bundle"
    expect_status 1
    [ "$output" = "imported 1 record(s) and 0 attachment(s) from field; 0 already here" ]
    stale="the bundle holds record $ID at version 1, older than version 2 here (a stale copy)"
    [ "$stderr" = "intake: $stale: refused (1 record(s) refused in all); the rest of the bundle was imported" ]
    hq_refused 1 "$stale: refused again (1 record(s) refused in all); the bundle was imported before, and nothing was added" "$W/3.bundle"
    # A conflict: the old copy edited otherwise, to version 2.
    st old record edit "$ID" --title "Border crossing (other)" </dev/null >/dev/null 2>&1
    st old export --to hq "$ID" -o "$W/4.bundle" >/dev/null 2>&1
    conflict="the bundle holds record $ID at version 2 with other text than the same version here (a conflict: keep this copy, or have the sender edit the record again, which gives it a higher version that replaces this one)"
    run --separate-stderr st hq import "$W/4.bundle"
    expect_status 1
    [ "$stderr" = "intake: $conflict: refused (1 record(s) refused in all); no record of the bundle was imported" ]
    hq_refused 1 "$conflict: refused (1 record(s) refused in all); no record of the bundle was imported" "$W/4.bundle"
    # A bundle imported before whose records all stand: imported before.
    run --separate-stderr st hq import "$W/2.bundle"
    expect_status 0
    [[ "$output" == "bundle "*" was imported before; nothing was added" ]]
    [ -z "$stderr" ]
}

# ---- a forgotten subject ----

@test "forget: a forgotten subject cannot be re-consented; added again it is a new subject at hq, and the forgotten record stays refused" {
    field_hq
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    st hq import "$W/1.bundle" >/dev/null
    st field subject forget Nari --yes >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    run --separate-stderr st field consent Nari --export yes
    expect_status 2
    [ "$stderr" = "intake: no subject with pseudonym 'Nari' (see 'intake subject list')" ]
    # The person comes back: a new subject under the same pseudonym.
    st field subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    st field consent Nari --export yes >/dev/null 2>&1
    NEW=$(st field subject show Nari | sed -n 's/^subject id: //p')
    [ "$NEW" != "$UID_" ]
    ID2=$(printf 'She came back.\n' | st field record Nari --title "Back" --date 2024-08-01)
    st field export --to hq "$ID2" -o "$W/2.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/2.bundle"
    expect_status 0
    [[ "$output" == "imported 1 record(s) and 0 attachment(s) from field; 0 already here"* ]]
    [ "$(st hq list | cut -f1)" = "$ID2" ]
    # The forgotten record from the first bundle stays refused.
    hq_refused 1 "the bundle holds record $ID, which its sender deleted (notice of $(date -u +%F)): refused again (1 record(s) refused in all); the bundle was imported before, and nothing was added" "$W/1.bundle"
}

# ---- a bundle written before a narrowed consent, arriving after it ----

@test "scope: a bundle written before an embargo, reaching hq after the embargo's notice, brings its record but not its older scope: hq still refuses to send it on" {
    field_hq
    mkstore partner
    introduce hq partner
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    st hq import "$W/1.bundle" >/dev/null
    L=$(printf 'A second talk.\n' | st field record Nari --title "Second" --date 2024-04-01)
    st field export --to hq "$L" -o "$W/late.bundle" >/dev/null 2>&1
    sleep 1
    st field consent Nari --embargo 2030-01-01 >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    run st hq import "$W/n.bundle"
    expect_status 0
    [[ "$output" == *"1 subject(s) took the new consent scope their sender's notice carried (see 'intake subject show')" ]]
    run --separate-stderr st hq import "$W/late.bundle"
    expect_status 0
    [ "$output" = "imported 1 record(s) and 0 attachment(s) from field; 0 already here" ]
    P=$(hq_subject)
    run st hq subject show "$P"
    [[ "$output" == *"embargo 2030-01-01"* || "$output" == *"embargo until 2030-01-01"* ]]
    run --separate-stderr st hq export --to partner "$L" -o "$W/p.bundle"
    expect_status 1
    [[ "$stderr" == *"intake: record $L ($P) may not leave: under embargo until 2030-01-01"* ]]
    [ ! -e "$W/p.bundle" ]
}

# ---- report adv16b ----

@test "adv16b N1: bundles crossing (a record's bundle written before consent --publish no, its notice first): hq keeps publish no, and so does its partner when hq's bundles cross too" {
    field_hq
    mkstore partner
    introduce hq partner
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    st hq import "$W/1.bundle" >/dev/null
    P=$(hq_subject)
    st field consent Nari --publish yes >/dev/null 2>&1
    ID3=$(printf 'A later note.\n' | st field record Nari --title "Later" --date 2024-12-03)
    st field export --to hq "$ID3" -o "$W/A.bundle" >/dev/null 2>&1
    sleep 1
    st field consent Nari --publish no >/dev/null 2>&1
    st field notify --to hq -o "$W/N.bundle" >/dev/null 2>&1
    run st hq import "$W/N.bundle"
    expect_status 0
    run st hq import "$W/A.bundle"
    expect_status 0
    [[ "$output" == "imported 1 record(s) and 0 attachment(s) from field; 0 already here"* ]]
    [[ "$(st hq subject show "$P")" == *"export yes, quote no, publish no,"* ]]
    [[ "$(st hq show "$ID3")" == *"publish no"* ]]
    # hq -> partner, crossing the same way: the records first written, the
    # scope notice first to arrive.
    st field consent Nari --quote yes >/dev/null 2>&1
    st field export --to hq "$ID3" -o "$W/Q.bundle" >/dev/null 2>&1
    st hq import "$W/Q.bundle" >/dev/null
    [[ "$(st hq subject show "$P")" == *"export yes, quote yes, publish no,"* ]]
    st hq export --to partner "$ID" -o "$W/hA.bundle" >/dev/null 2>&1
    sleep 1
    st field consent Nari --quote no >/dev/null 2>&1
    st field notify --to hq -o "$W/N2.bundle" >/dev/null 2>&1
    st hq import "$W/N2.bundle" >/dev/null
    st hq notify --to partner -o "$W/hN.bundle" >/dev/null 2>&1
    run st partner import "$W/hN.bundle"
    expect_status 0
    # adv16b N2: a notice about a subject not held here is not "acted on
    # before": it is kept for the records it names.
    [ "$output" = "imported 0 record(s) and 0 attachment(s) from hq; 0 already here
1 notice(s) of a consent scope about a subject not held here: kept for its records, if they come" ]
    run st partner import "$W/hA.bundle"
    expect_status 0
    PP=$(st partner subject list --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["pseudonym"])')
    [[ "$(st partner subject show "$PP")" == *"quote no, publish no,"* ]]
}

@test "adv16b N5: a record made and sent in round 1, arriving after the round-2 re-consent, is refused; hq keeps round 2's scope" {
    reconsented
    st hq import "$W/2.bundle" >/dev/null
    cp -a "$T/field" "$T/r1"
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n2.bundle" >/dev/null 2>&1
    st hq import "$W/n2.bundle" >/dev/null
    # A round-1 record, in a bundle written in round 1, delayed.
    R4=$(printf 'Round one late story.\n' | st r1 record Nari --title "Late" --date 2024-07-01)
    st r1 export --to hq "$R4" -o "$W/bl2.bundle" >/dev/null 2>&1
    sleep 1
    st field consent Nari --export yes --quote yes >/dev/null 2>&1
    R5=$(printf 'Round two.\n' | st field record Nari --title "Round two" --date 2024-08-01)
    st field export --to hq "$R5" -o "$W/b8.bundle" >/dev/null 2>&1
    run st hq import "$W/b8.bundle"
    expect_status 0
    run --separate-stderr st hq import "$W/bl2.bundle"
    expect_status 1
    [[ "$stderr" == "intake: the bundle holds record $R4, sent before its subject's consent was withdrawn: its sender's re-consent (notice of "*") lets in only records sent after it"* ]]
    [ "$(st hq list | cut -f1)" = "$R5" ]
    [[ "$(st hq subject show "$(hq_subject)")" == *"export yes, quote yes,"* ]]
}

@test "adv16b N4: open, open -o and audit of a bundle kept at hq say which records hq refuses now (withdrawn) and which have a newer scope here; open -o leaves the refused one out, open --json its body" {
    field_hq
    bora
    st field export --to hq --all -o "$W/1.bundle" >/dev/null 2>&1
    st hq import "$W/1.bundle" >/dev/null
    sleep 1
    st field consent Nari --withdraw >/dev/null 2>&1
    st field consent Bora --publish yes >/dev/null 2>&1
    st field consent Bora --publish no >/dev/null 2>&1
    st field notify --to hq -o "$W/n.bundle" >/dev/null 2>&1
    st hq import "$W/n.bundle" >/dev/null
    today=$(date -u +%F)
    refused="the bundle holds record $ID, whose subject's consent its sender withdrew (notice of $today)"
    newer=$(st hq list --json 2>/dev/null | python3 -c '
import json, sys
print([r for r in json.load(sys.stdin) if r["id"] == sys.argv[1]][0]["consent"]["date"])' "$B")
    scope="its subject's consent scope here is newer (recorded $newer) than the one this copy carries: see 'intake subject show'"
    run --separate-stderr st hq open "$W/1.bundle"
    expect_status 0
    [[ "$output" == *"  HERE: $refused; do not use this copy"* ]]
    [[ "$output" == *"  HERE: $scope"* ]]
    run --separate-stderr st hq open "$W/1.bundle" --json
    expect_status 0
    echo "$output" | python3 -c '
import json, sys
rs = {r["id"]: r for r in json.load(sys.stdin)["records"]}
h = {k: r.get("here") for k, r in rs.items()}
assert h[sys.argv[1]] == {"refused": True, "note": sys.argv[3]}, h
assert h[sys.argv[2]] == {"refused": False, "note": sys.argv[4]}, h
# adv16 B-16: the refused record keeps its id and reason, never its testimony
assert "body" not in rs[sys.argv[1]], rs[sys.argv[1]]
assert rs[sys.argv[2]]["body"], rs[sys.argv[2]]' "$ID" "$B" "$refused" "$scope"
    [[ "$output" != *"spoke about the border"* ]]
    run --separate-stderr st hq open "$W/1.bundle" -o "$W/od"
    expect_status 0
    [[ "$stderr" == *"intake: warning: record $ID was left out of $W/od: $refused"* ]]
    [ "$(cd "$W/od" && ls | sort)" = "$(printf '%s\n' "$B.json" "$B.md" bundle.json | sort)" ]
    grep -qxF -- "- here: $scope" "$W/od/$B.md"
    run --separate-stderr st hq audit "$W/1.bundle"
    expect_status 1
    [[ "$output" == *"here               FAIL  1 record(s) this store refuses (withdrawn or deleted at the source), 1 with a newer consent scope here: do not use them as this bundle has them
    FAIL record $ID: refused ($refused)
    WARN record $B: scope ($scope)"* ]]
}

@test "adv16b N6: notify --armor writes the notices as text (-o - to standard output) that hq imports; -o - without --armor is refused (exit 2)" {
    withdrawn_at_hq
    H=$T/field    # refused runs on the store $H
    refused 2 "-o - writes the bundle to standard output as text: add --armor (see 'intake help notify')" notify --to hq -o -
    run --separate-stderr st field notify --to hq --resend --armor -o -
    expect_status 0
    [ "$(printf '%s\n' "$output" | head -n 1)" = "-----BEGIN INTAKE BUNDLE-----" ]
    printf '%s\n' "$output" >"$W/n.asc"
    run --separate-stderr st hq import "$W/n.asc"
    expect_status 0
    [[ "$output" == *"1 notice(s) acted on before; nothing changed by them" ]]
}

@test "adv16 B-8: a second withdrawal reaching hq after the first deleted everything says the subject is marked, never '0 record(s) deleted'" {
    withdrawn_at_hq
    st field consent Nari --export yes >/dev/null 2>&1
    printf 'After the re-consent.\n' | st field record Nari --title "Again" --date 2024-05-01 >/dev/null
    st field consent Nari --withdraw >/dev/null 2>&1
    st field notify --to hq -o "$W/n3.bundle" >/dev/null 2>&1
    run --separate-stderr st hq import "$W/n3.bundle"
    expect_status 0
    [[ "$output" == *"notice(s) of withdrawal or deletion acted on: their subject is marked here; none of its records was left here to delete"* ]]
    [[ "$output" != *"0 record(s) and 0 attachment(s) deleted"* ]]
    [[ "$(st hq subject show "$(hq_subject)")" == *"withdrawn"* ]]
}
