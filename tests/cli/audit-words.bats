#!/usr/bin/env bats
# Continued from audit.bats (issues 6, 12, 13): text that looks like a
# placeholder, names that are also words, bad usage and user names.

bats_require_minimum_version 1.5.0
load helpers
load audit

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

@test "audit without a dictionary (an auditor's machine): a name that is also a word is not checked, a WARN saying why, never a FAIL (NEW-10)" {
    st field subject add --name "Bold Dorj" --pseudonym Tuya >/dev/null
    st field consent Tuya --export yes --method verbal 2>/dev/null
    records 3 "Kim Ji-yeon spoke about the long days at the site."
    for i in 1 2; do
        printf 'He made a bold decision.\n' | st field record Tuya --title "Work" --date 2024-03-15 >/dev/null
    done
    export_to_hq b.bundle
    run --separate-stderr st hq audit b.bundle
    expect_status 0
    [[ "$output" == *"residual-terms     PASS"* ]]
    INTAKE_DICTIONARIES=$T/nowhere run --separate-stderr st hq audit b.bundle
    expect_status 0
    [[ "$output" == *"residual-terms     WARN  not run on 2 word(s): the dictionary that tells a name from a word is missing here (install hunspell-en-us); no other protected form of the "*" digests is left in "*" fields"* ]]
    [[ "$output" == *$'body: name-or-word "bold" (not checked: the dictionary that tells this name from the word is missing here)'* ]]
    [[ "$output" != *FAIL* ]]
    [[ "$stderr" == *"intake: warning: the English dictionary (hunspell-en-us) is missing"* ]]
    # --json says the same: the check WARNs.
    INTAKE_DICTIONARIES=$T/nowhere run --separate-stderr st hq audit b.bundle --json
    expect_status 0
    [ "$(jq -r '.checks[] | select(.name == "residual-terms") | .level' <<<"$output")" = WARN ]
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
    # 하나 is also the native Korean "one": read with the glued phone as
    # one number since w2num (report-adv19b B-14, B-15), nothing left.
    run --separate-stderr st field redact "$b"
    expect_status 0
    [ "$output" = $'Work\n\n조선소 [PHONE-1] 번호.' ]
    st field allow гэрэл 2>/dev/null
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

@test "audit: the second opinion reads ordinary words with the review flags' dictionary: name-free Korean and Mongolian prose passes --strict, a capitalised place still WARNs (report-adv15 R-12)" {
    records 2 "Kim Ji-yeon spoke about the long days at the site."
    printf '광산에서 일하는 사람들은 더 나은 삶을 원했다. 하늘이 맑았다. 모두 하나같이 웃었다. 삼촌이 왔다. 광산이 문을 닫았다.\n' |
        st field record Yuna --title "Work" --date 2024-03-15 --tag work --lang en >/dev/null
    printf 'Энэ бол шинэ байр. Энэ уул өндөр байв. Бусад зэрэг асуудал.\n' |
        st field record Yuna --title "Work" --date 2024-03-15 --tag work --lang en >/dev/null
    export_to_hq b.bundle
    run st hq audit --strict b.bundle
    expect_status 0
    [[ "$output" == *"second-opinion     PASS"* ]] || { printf '%s\n' "$output" >&2; false; }
    # Still an opinion of its own on names and places: a capitalised place
    # mid-sentence and a Korean name no dictionary knows WARN.
    # (an aimag is a region since session 19, silent: a town still WARNs)
    printf 'Бид Эрдэнэт руу явсан.\n' |
        st field record Yuna --title "Work" --date 2024-03-15 --tag work --lang en >/dev/null
    export_to_hq c.bundle
    run st hq audit c.bundle
    expect_status 0
    [[ "$output" == *"second-opinion     WARN"* ]] || { printf '%s\n' "$output" >&2; false; }
    [[ "$output" == *"body: "*"\"Эрдэнэт\" ("* ]] || { printf '%s\n' "$output" >&2; false; }
}
