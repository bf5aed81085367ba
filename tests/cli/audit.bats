#!/usr/bin/env bats
# intake audit (issue 6) on the real binary: a field store exports to
# headquarters, which audits the bundle. Forged bundles come from
# tests/tools/forge (signed with the field store's real key, so only the
# manifest is wrong) and tests/tools/reseal (a recipient re-sealing).

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    TOOLS=$(tools_dir)
    W=$T/work
    mkdir -p "$W"
    cd "$W"
    mkstore field
    mkstore hq
    st field contact add hq "$(st hq card)" 2>/dev/null
    st field contact verify hq --confirm <<<"$(st field contact verify hq | awk 'NR == 1 { print $NF }')" >/dev/null 2>&1
    st hq contact add field "$(st field card)" 2>/dev/null
    st hq contact verify field --confirm <<<"$(st hq contact verify field | awk 'NR == 1 { print $NF }')" >/dev/null 2>&1
    # Not Nari: since Korean names are also written in Cyrillic and read back,
    # 나라 (of 김나라 below) has the forms of Nara, one vowel from Nari.
    st field subject add --name "Kim Ji-yeon" --pseudonym Yuna >/dev/null
    st field consent Yuna --export yes --method verbal 2>/dev/null
}

teardown() { common_teardown; }

# tool NAME ARGS...: a test tool from tests/tools (not product code; under
# the sanitizer build its leaks at exit are not what is tested here).
tool() {
    local name=$1
    shift
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" "$TOOLS/$name" "$@"
}

# records N BODY [DATE]: N records of Yuna with the same place, month,
# language and tags (so k = N).
records() {
    local i
    for i in $(seq "$1"); do
        printf '%s\n' "$2" | st field record Yuna --title "Work" --date "${3:-2024-03-15}" \
            --tag work --lang en >/dev/null
    done
}

export_to_hq() {
    st field export --to hq --all -o "$W/$1" >/dev/null 2>"$W/export.err"
}

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

@test "export: text of the interviewer's that looks like a placeholder is escaped, never a failure" {
    # Issue 13: "[Q-1] ... [A-1]" made every such record impossible to send.
    id=$(printf '[Q-1] Where did you work? [A-1] At the dormitory. The form said [PLACE-7].\n' |
         st field record Yuna --title "Work" --date 2024-03-15 --tag work --lang en)
    records 3 "Kim Ji-yeon spoke about the long days at the site."
    run --separate-stderr st field redact "$id"
    expect_status 0
    [ "$output" = $'Work\n\n\\[Q-1] Where did you work? \\[A-1] At the dormitory. The form said \\[PLACE-7].' ]
    run --separate-stderr st field redact "$id" --report
    expect_status 0
    printf '%s\n' "$output" | grep -qxF $'redaction\tbody\t0\t2\tescape\tescape'
    export_to_hq b.bundle
    run st hq audit b.bundle
    expect_status 0
    [[ "$output" == *"consistency        PASS"* ]]
    run st hq open b.bundle --json
    expect_status 0
    [ "$(jq -r --arg id "$id" '.records[] | select(.id == $id) | .body' <<<"$output")" = '\[Q-1] Where did you work? \[A-1] At the dormitory. The form said \[PLACE-7].' ]
    [ "$(jq -r --arg id "$id" '.records[] | select(.id == $id) | .escapes | map(.start) | join(",")' <<<"$output")" = "0,27,66" ]
    # A forged escape over no placeholder's shape FAILs. The forge tool
    # changes the bundle's first record, whichever of the four that is.
    tool forge "$T/field" "$T/hq" b.bundle badescape bad.bundle 3<<<"$PASS"
    run st hq audit bad.bundle
    expect_status 1
    [[ "$output" =~ "FAIL record "[0-9a-z]+", body: escape (an escape that is not a backslash before a placeholder's shape)" ]]
}

@test "a name that is also a word: flagged where it may be the word, cleared with allow, then export and audit pass" {
    # Issue 13: 김나라 in "우리 나라는" (our country), Гэрэл in "гэрэл" (light).
    st field subject add --name 김나라 --pseudonym Min-ji --locale ko >/dev/null
    st field consent Min-ji --export yes --method verbal 2>/dev/null
    id=$(printf '우리 나라는 작다. 김나라가 왔다.\n' |
         st field record Min-ji --title "Work" --date 2024-03-15 --tag work --lang ko)
    run --separate-stderr st field redact "$id" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qxF $'flag\tbody\t7\t6\tname-or-word\tunresolved\t나라'
    [ "$stderr" = "intake: record $id may not leave the device: 1 review flag unresolved (see 'intake redact --report'; protect with 'intake term add' or allow with 'intake allow')" ]
    # The word alone may be allowed (the full name may not): a flag a person can clear.
    run --separate-stderr st field allow 김나라
    expect_status 2
    run --separate-stderr st field allow 나라
    expect_status 0
    run --separate-stderr st field redact "$id"
    expect_status 0
    [ "$output" = $'Work\n\n우리 나라는 작다. Min-ji가 왔다.' ]
    records 3 "Kim Ji-yeon spoke about the long days at the site."
    for i in 1 2; do
        printf '우리 나라는 크다.\n' | st field record Min-ji --title "Work" --date 2024-03-15 --tag work --lang ko >/dev/null
    done
    export_to_hq b.bundle
    run st hq audit b.bundle
    expect_status 0
    [[ "$output" == *"residual-terms     PASS"* ]]
}

@test "a name that is also a word given a boundary by a replacement is flagged, not failed by the audit" {
    # Found by the property test: "x@gmail.comгэрэл" once the e-mail is a
    # placeholder shows "гэрэл" as a word of its own (likewise 하나 before a phone).
    st field subject add --name Гэрэл --pseudonym Tuya --locale mn >/dev/null
    st field subject add --name 김하나 --pseudonym Su-bin --locale ko >/dev/null
    st field consent Tuya --export yes --method verbal 2>/dev/null
    a=$(printf 'x@gmail.comгэрэл унтарсан.\n' | st field record Tuya --title "Work" --date 2024-03-15 --tag work --lang mn)
    b=$(printf '조선소 하나010-2000-3067 번호.\n' | st field record Tuya --title "Work" --date 2024-03-15 --tag work --lang mn)
    run --separate-stderr st field redact "$a" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qxF $'flag\tbody\t9\t10\tname-or-word\tunresolved\tгэрэл'
    run --separate-stderr st field redact "$b" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qxF $'flag\tbody\t10\t6\tname-or-word\tunresolved\t하나'
    st field allow гэрэл 2>/dev/null
    st field allow 하나 2>/dev/null
    run --separate-stderr st field redact "$a"
    expect_status 0
    [ "$output" = $'Work\n\n[EMAIL-1]гэрэл унтарсан.' ]
    run --separate-stderr st field redact "$b"
    expect_status 0
    printf 'гэрэл унтарсан.\n' | st field record Tuya --title "Work" --date 2024-03-15 --tag work --lang mn >/dev/null
    st field export --to hq --all -o "$W/b.bundle" >/dev/null 2>"$W/export.err" || { cat "$W/export.err"; false; }
    run st hq audit b.bundle
    expect_status 0
    [[ "$output" == *"residual-terms     PASS"* ]]
}

@test "audit: bad usage and unreadable input are exit 2 with one line" {
    run st hq audit
    expect_status 2
    one_line
    [[ "$output" == *"audit needs one BUNDLE"* ]]
    run st hq audit a b
    expect_status 2
    one_line
    run st hq audit --k 0 x
    expect_status 2
    one_line
    [[ "$output" == *"--k needs a whole number from 1 to 1000000, not '0'"* ]]
    run st hq audit --k 3 --k 4 x
    expect_status 2
    one_line
    run st hq audit --bogus x
    expect_status 2
    one_line
    run st hq audit "$W/missing"
    expect_status 2
    [ "$output" = "intake: cannot open $W/missing: No such file or directory" ]
    echo "not a bundle" >"$W/junk"
    run st hq audit "$W/junk"
    expect_status 2
    one_line
    run st hq help audit
    [ "${lines[0]}" = "usage: intake audit BUNDLE [--json] [--strict] [--k N] [--attest -o FILE]" ]
}

@test "audit: a user name's shape tied to no registered name WARNs in the second opinion (issue 12)" {
    records 2 "Kim Ji-yeon spoke about the long days at the site."
    printf 'Her friend writes as parkmh88 and night_owl online.\n' |
        st field record Yuna --title "Work" --date 2024-03-15 --tag work --lang en >/dev/null
    export_to_hq b.bundle
    run st hq audit b.bundle
    expect_status 0
    [[ "$output" == *"second-opinion     WARN"* ]]
    [[ "$output" == *"WARN record "*", body: handle \"parkmh88\" (a user name's shape tied to no registered name: is it one?)"* ]] || { printf '%s\n' "$output" >&2; false; }
    [[ "$output" == *"WARN record "*", body: handle \"night_owl\""* ]]
    # export's own report goes to standard error, which may be kept in a
    # log or scrollback: it names record, field and kind, and leaves the
    # bundle's words out (their length only); 'intake audit' shows them.
    grep -qF 'body: handle [8 characters] (a user name' "$W/export.err"
    grep -qF 'body: handle [9 characters]' "$W/export.err"
    grep -qF "'intake audit $W/b.bundle' shows them" "$W/export.err"
    ! grep -qE 'parkmh88|night_owl|2024-03' "$W/export.err" || false
}
