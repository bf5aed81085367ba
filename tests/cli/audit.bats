#!/usr/bin/env bats
# intake audit (issue 6) on the real binary: a field store exports to
# headquarters, which audits the bundle. Forged bundles come from
# tests/tools/forge (signed with the field store's real key, so only the
# manifest is wrong) and tests/tools/reseal (a recipient re-sealing).

bats_require_minimum_version 1.5.0
load helpers
load audit

@test "audit: a clean bundle passes every check (exit 0, also with --strict)" {
    records 3 "Kim Ji-yeon spoke about the long days at the site."
    export_to_hq b.bundle
    run st hq audit b.bundle
    expect_status 0
    [[ "${lines[0]}" == "origin             PASS  signed by contact 'field' (safety number compared);"* ]]
    [[ "$output" == *"consistency        PASS  3 records: 3 redactions and 0 review flags agree"* ]]
    [[ "$output" == *"residual-terms     PASS"* ]]
    [[ "$output" == *"residual-detectors PASS"* ]]
    [[ "$output" == *"second-opinion     PASS"* ]]
    [[ "$output" == *"reidentification   PASS  k=3"* ]]
    [ "${lines[-1]}" = "verdict: PASS" ]
    [[ "$output" != *"Kim"* && "$output" != *"Ji-yeon"* ]]
    run st hq audit --strict b.bundle
    expect_status 0
}

@test "audit: the digest set carries its filter, of FORMAT.md's size; its vectors check independently" {
    records 3 "Kim Ji-yeon spoke about the long days at the site."
    export_to_hq b.bundle
    run st hq open b.bundle --json
    expect_status 0
    python3 -c '
import base64, json, sys
d = json.load(sys.stdin)["header"]["digests"]
assert sorted(d) == ["filter", "forms", "key"], sorted(d)
n = len(base64.b64decode(d["forms"])) // 17
size = 8
while size < 2 * n:
    size *= 2
f = base64.b64decode(d["filter"])
assert n > 0 and len(f) == size, (n, len(f))
assert 0 < sum(bin(b).count("1") for b in f) <= 4 * n' <<<"$output"
    run python3 "$ROOT/tests/vectors/digest_filter.py"
    expect_status 0
    [ "$output" = "digest set filter vectors: ok" ]
}

@test "audit --json: the same report for tools; the log head matches the sender's log" {
    records 3 "Kim Ji-yeon spoke about the long days at the site."
    export_to_hq b.bundle
    run st hq audit --json b.bundle
    expect_status 0
    [ "$(jq -r .verdict <<<"$output")" = PASS ]
    [ "$(jq -r '.checks | length' <<<"$output")" = 8 ]
    [ "$(jq -r '[.checks[].name] | join(",")' <<<"$output")" = "origin,consistency,consent,residual-terms,residual-detectors,second-opinion,reidentification,attachments" ]
    [ "$(jq -r .exit <<<"$output")" = 0 ]
    # The head in the bundle is on the field store's log (before the export entry).
    head=$(jq -r '.checks[0].reason' <<<"$output" | grep -oE '[0-9a-f]{64}$')
    st field log --json | jq -e --arg h "$head" 'map(.hash) | index($h) != null' >/dev/null
    [ "$(st field log --json | jq -r '.[-1].action')" = export ]
    # import keeps it: show prints it with where the record came from
    seq=$(jq -r '.checks[0].reason' <<<"$output" | grep -oE 'entry [0-9]+' | cut -d' ' -f2)
    st hq import "$W/b.bundle" >/dev/null
    id=$(st field list --json | jq -r '.[0].id')
    run st hq show "$id"
    expect_status 0
    [[ "$output" == *"sender's log at export: entry $seq, head $head"* ]]
}

@test "audit: a name kept with 'intake allow' WARNs with its text, record and date; --strict fails" {
    records 2 "Kim Ji-yeon spoke about the long days at the site."
    ID=$(printf 'We met Choe Myong-nam at the port.\n' |
         st field record Yuna --title "Work" --date 2024-03-15 --tag work --lang en)
    run st field export --to hq --all -o "$W/x.bundle"
    expect_status 1
    st field allow "Choe Myong-nam" 2>/dev/null
    export_to_hq b.bundle
    run st hq audit b.bundle
    expect_status 0
    [[ "$output" == *"residual-detectors PASS"* ]]
    [[ "$output" == *"second-opinion     WARN"* ]]
    [[ "$output" == *"    WARN record $ID, body: korean-name \"Choe Myong-nam\" (kept with 'intake allow' on 20"* ]]
    [ "${lines[-1]}" = "verdict: WARN (passes; --strict fails it)" ]
    run st hq audit --strict b.bundle
    expect_status 1
    [ "${lines[-1]}" = "verdict: WARN (fails under --strict)" ]
    # export printed the same report as it wrote the bundle, on standard
    # error without the bundle's words: their length only
    grep -qF "WARN record $ID, body: korean-name [14 characters] (kept with 'intake allow' on 20" "$W/export.err"
    ! grep -qF "Choe Myong-nam" "$W/export.err" || false
}

@test "audit: a phone number left in the text FAILs, even under a review flag allowed over it" {
    records 2 "Kim Ji-yeon spoke about the long days at the site."
    printf 'Call the office on +82 10-2000-0000 for help.\n' |
        st field record Yuna --title "Work" --date 2024-03-15 --tag work --lang en >/dev/null
    export_to_hq b.bundle
    tool forge "$T/field" "$T/hq" b.bundle keepphone kept.bundle 3<<<"$PASS"
    run st hq audit kept.bundle
    expect_status 1
    [[ "$output" == *"WARN record "*", body: phone \"+82 10-2000-0000\" (kept with 'intake allow' on 2026-11-20)"* ]]
    [[ "$output" == *"FAIL record "*", body: phone \"+82 10-2000-0000\" (identifying data the redactor should have replaced)"* ]]
    tool forge "$T/field" "$T/hq" kept.bundle unflag bare.bundle 3<<<"$PASS"
    run st hq audit bare.bundle
    expect_status 1
    [[ "$output" == *"FAIL record "*", body: phone \"+82 10-2000-0000\" (identifying data the redactor should have replaced)"* ]]
}

@test "audit: a unique place-and-month combination WARNs (k=1); --k 1 accepts it; --strict fails" {
    records 3 "Kim Ji-yeon spoke about the long days at the site."
    records 1 "Another day at the site." 2024-07-02
    export_to_hq b.bundle
    run st hq audit b.bundle
    expect_status 0
    [[ "$output" == *"reidentification   WARN  k=1: 1 records share"* ]]
    [[ "$output" == *"WARN record "*": quasi-identifiers \"- | 2024-07 | en | work\" (the only record with its place, month, language and tags)"* ]]
    run st hq audit --strict b.bundle
    expect_status 1
    run st hq audit --k 1 --strict b.bundle
    expect_status 0
    run st hq audit --k 5 b.bundle
    [[ "$output" == *"k=1: 4 records share"* ]]
}

@test "audit: a tampered bundle FAILs on origin and nothing else is read" {
    records 3 "Kim Ji-yeon spoke about the long days at the site."
    export_to_hq b.bundle
    size=$(stat -c %s b.bundle)
    for off in 40 $((size / 2)) $((size - 10)); do
        cp b.bundle t.bundle
        python3 -c "import sys; b=bytearray(open('t.bundle','rb').read()); b[$off]^=4; open('t.bundle','wb').write(b)"
        run st hq audit t.bundle
        expect_status 1
        [[ "${lines[0]}" == "origin             FAIL  "* ]]
        [ "${#lines[@]}" -eq 2 ]
        [ "${lines[1]}" = "verdict: FAIL" ]
    done
}

@test "audit: a bundle re-sealed by a recipient to a third party FAILs" {
    [ -x "$TOOLS/reseal" ] || skip "no reseal tool (make builds it)"
    records 3 "Kim Ji-yeon spoke about the long days at the site."
    export_to_hq b.bundle
    mkstore third
    st third contact add field "$(st field card)" 2>/dev/null
    tool reseal "$T/hq" b.bundle "$(st third card)" resealed.bundle 3<<<"$PASS"
    run st third audit resealed.bundle
    expect_status 1
    [[ "${lines[0]}" == "origin             FAIL  "* ]]
}

@test "audit: a manifest that disagrees with the text FAILs consistency (signed by the real sender)" {
    records 3 "Kim Ji-yeon spoke about the long days at the site."
    export_to_hq b.bundle
    tool forge "$T/field" "$T/hq" b.bundle span span.bundle 3<<<"$PASS"
    run st hq audit span.bundle
    expect_status 1
    [[ "${lines[0]}" == "origin             PASS  "* ]]
    [[ "$output" == *"consistency        FAIL"* ]]
    [[ "$output" == *"(the text at a pseudonym redaction is no pseudonym of this bundle)"* ]]
    tool forge "$T/field" "$T/hq" b.bundle placeholder ph.bundle 3<<<"$PASS"
    run st hq audit --json ph.bundle
    expect_status 1
    [ "$(jq -r '.checks[1].level' <<<"$output")" = FAIL ]
    [ "$(jq -r '.checks[1].items[0].text' <<<"$output")" = "[PLACE-9]" ]
}

@test "audit: an unknown sender FAILs origin; an unverified one WARNs" {
    records 3 "Kim Ji-yeon spoke about the long days at the site."
    export_to_hq b.bundle
    st hq contact remove field 2>/dev/null
    run st hq audit b.bundle
    expect_status 1
    [[ "${lines[0]}" == "origin             FAIL  signed by an UNKNOWN key "* ]]
    st hq contact add field "$(st field card)" 2>/dev/null
    run st hq audit b.bundle
    expect_status 0
    [[ "${lines[0]}" == "origin             WARN  signed by contact 'field' (NOT verified"* ]]
}
