#!/usr/bin/env bats
# Names, phones and e-mails written in an encoding a text can carry (issue
# 12, brief i12-enc; report-adv12g A-1, A-6, A-18): JSON/JavaScript escapes,
# legacy %u, \x{...}, UTF-8 byte escapes, HTML5 named references,
# percent-encoded separators, MIME encoded-words and quoted-printable.
# End to end on the real binary: redact, export, what headquarters opens,
# and the audit, which reads the same decoded view.  The full set of cases
# is tests/data/leaks/encodings.jsonl (unit test test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

KIM='--name 김영호 --name "Kim Young-ho" --locale ko --contact "+82 10-4821-7395" --pseudonym Won-sim'

@test "leaks-enc: a name in JSON, JavaScript, Perl and UTF-8 byte escapes is replaced whole (A-1, A-18)" {
    redacts_to "$KIM" \
        '\uAE40\uC601\uD638 js. %uAE40%uC601%uD638 u. \x{AE40}\x{C601}\x{D638} perl. \xea\xb9\x80\xec\x98\x81\xed\x98\xb8 bytes. \uD83D\uDE00 stays.' \
        'Won-sim js. Won-sim u. Won-sim perl. Won-sim bytes. \uD83D\uDE00 stays.'
    exports_clean '\uAE40' '%uAE40' '\x{AE40}' '\xea'
}

@test "leaks-enc: a phone whose digits are escaped is replaced from the start of the first escape (A-1)" {
    redacts_to "$KIM" \
        'Call \u0030\u0031\u0030-4821-7395. Or %u0030%u0031%u0030 4821 7395.' \
        'Call [OTHER-1]. Or [OTHER-1].'
    exports_clean '\u' 4821 7395
}

@test "leaks-enc: HTML5 named references and percent-encoded separators read as what they stand for (A-1)" {
    redacts_to "$KIM" \
        'Young&hyphen;ho Kim; Young&dash;ho Kim. Kim%2BYoung-ho. AT&T &bogus; 100%' \
        'Won-sim; Won-sim. Won-sim. AT&T &bogus; 100%'
    exports_clean Young Kim%2B
}

@test "leaks-enc: an e-mail written with HTML5 named references is the protected e-mail (A-1)" {
    redacts_to '--name "Sarah Whitfield" --locale en --contact "sarah.whitfield@examplemail.org" --pseudonym "Sam Moore"' \
        'Write to sarah&period;whitfield&commat;examplemail&period;org or sarah.whitfield%40examplemail.org today.' \
        'Write to [OTHER-1] or [OTHER-1] today.'
    exports_clean whitfield Whitfield examplemail
}

@test "leaks-enc: MIME encoded-words and quoted-printable are decoded (A-18)" {
    redacts_to "$KIM" \
        'From: =?UTF-8?B?6rmA7JiB7Zi4?= <x@example.org> To: =?UTF-8?Q?=EA=B9=80=EC=98=81=ED=98=B8?= body: =EA=B9=80=EC=98=81=ED=98=B8 came. n=30 stays.' \
        'From: Won-sim <[EMAIL-1]> To: Won-sim body: Won-sim came. n=30 stays.'
    exports_clean 6rmA7JiB7Zi4 '=EA=B9=80'
}

@test "leaks-enc: a JSON transcript and a saved e-mail attached as text leave redacted (A-6, A-18)" {
    local p id
    p=$(eval "st field subject add $KIM")
    st field consent "$p" --export yes --attachments yes --method verbal 2>/dev/null
    id=$(record "$p" "Plain body about the weather.")
    printf '{"speaker":"\\uAE40\\uC601\\uD638","place":"Seoul"}\n' >"$W/a.json"
    printf 'From: =?UTF-8?B?6rmA7JiB7Zi4?=\n\nKim Yo=\nung-ho came. =EA=B9=80=EC=98=\n=81=ED=98=B8 came.\n' >"$W/m.txt"
    st field attach "$id" "$W/a.json" >/dev/null 2>&1
    st field attach "$id" "$W/m.txt" >/dev/null 2>&1
    run --separate-stderr st field redact "$id"
    expect_status 0
    [[ "$output" == *'{"speaker":"Won-sim","place":"Seoul"}'* ]]
    run --separate-stderr st field export --to hq --all -o "$W/b"
    expect_status 0
    st hq open "$W/b" -o "$W/out" >/dev/null
    [ "$(cat "$W/out/$id-attachment-1.txt")" = '{"speaker":"Won-sim","place":"Seoul"}' ]
    [ "$(cat "$W/out/$id-attachment-2.txt")" = "$(printf 'From: Won-sim\n\nWon-sim came. Won-sim came.')" ]
    ! grep -rq -e 'uAE40' -e '6rmA' -e 'Yo=' -e '=EA' "$W/out" || false
    run st hq audit "$W/b"
    [[ "$output" == *"residual-terms     PASS"* ]]
}

@test "leaks-enc: escaped names in the title, place and tags are replaced like the body's (A-1 addendum)" {
    local p id
    p=$(eval "st field subject add $KIM")
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(printf 'Plain body.\n' | st field record "$p" --title 'Young&hyphen;ho Kim story' \
        --place 'near \uAE40\uC601\uD638 house' --tag 'kim%2Byoung-ho' --date 2024-03-15)
    run --separate-stderr st field redact "$id"
    expect_status 0
    [[ "$output" != *'Young&hyphen;ho'* && "$output" != *'\uAE40'* && "$output" != *'young-ho'* ]] ||
        { printf '%s\n' "$output" >&2; false; }
    [[ "$output" == *"Won-sim story"* ]] || { printf '%s\n' "$output" >&2; false; }
    exports_clean 'Young&hyphen;ho' '\uAE40' 'young-ho' 'Young'
}

@test "leaks-enc: the audit at headquarters FAILs a bundle whose body carries the name in escapes (A-1)" {
    local p id TOOLS
    TOOLS=$(tools_dir)
    [ -x "$TOOLS/forge" ] || skip "no forge tool (make builds it)"
    p=$(eval "st field subject add $KIM")
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(record "$p" "Plain body about the weather.")
    st field export --to hq --all -o "$W/b" 2>/dev/null
    for form in '\uAE40\uC601\uD638' '=?UTF-8?B?6rmA7JiB7Zi4?=' 'Young&hyphen;ho Kim'; do
        ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
            "$TOOLS/forge" "$T/field" "$T/hq" "$W/b" "append=$form" "$W/f.bundle" 3<<<"$PASS"
        run st hq audit "$W/f.bundle"
        expect_status 1
        [[ "$output" == *"residual-terms     FAIL"* ]] || { printf '%s: %s\n' "$form" "$output" >&2; false; }
        rm -f "$W/f.bundle"
    done
}
