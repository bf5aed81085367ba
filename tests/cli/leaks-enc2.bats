#!/usr/bin/env bats
# Escapes of other syntaxes and names split by markup in a record's body
# (report adv12 A-1, A-15), end to end on the real binary: redact, export,
# what headquarters opens, and the audit's second opinion on a run of
# escapes that no decoder reads. The full set of cases is
# tests/data/leaks/encodings.jsonl and split.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

KIM='--name 김영호 --name "Kim Young-ho" --locale ko --pseudonym Won-sim'

@test "leaks-enc2: Python \\U, CSS, SQL U&'' and octal escapes of a name are replaced whole (A-1)" {
    # An RTF document is read as RTF (session 17, esc17: its control words
    # stay as written), so the RTF case is a test of its own, below.
    redacts_to "$KIM" \
        'Python: \U0000AE40\U0000C601\U0000D638 wrote. CSS: "\AE40 \C601 \D638 " here. SQL: U&'"'"'\AE40\C601\D638'"'"' wrote. Octal: \352\271\200\354\230\201\355\230\270 wrote.' \
        'Python: Won-sim wrote. CSS: "Won-sim" here. SQL: U&'"'"'Won-sim'"'"' wrote. Octal: Won-sim wrote.'
    exports_clean '\U0000AE40' '\AE40' '\352' '\C601'
}

@test "leaks-enc2: RTF \\uN? escapes of a name in an RTF document are replaced whole (A-1)" {
    redacts_to "$KIM" 'RTF: {\rtf1 \u44608?\u50689?\u54840? wrote}' 'RTF: {\rtf1 Won-sim wrote}'
    exports_clean '\u44608'
}

@test "leaks-enc2: RTF's signed \\uN (units over 32767) is read (A-1)" {
    redacts_to "$KIM" 'Signed: \u-20928?\u-14847?\u-10696?가 왔다.' 'Signed: Won-sim가 왔다.'
    exports_clean '\u-20928'
}

@test "leaks-enc2: a run of escapes no decoder reads is a review flag, and export refuses it (A-1 net)" {
    local p id
    p=$(eval "st field subject add $KIM")
    st field consent "$p" --export yes --method verbal 2>/dev/null
    # (code page 949 is read now, brief s15 f12b: one iconv lacks stays opaque)
    id=$(record "$p" "Word: {\\rtf1\\ansicpg99999 \\'b1\\'e8\\'bf\\'b5\\'c8\\'a3 wrote}")
    run --separate-stderr st field redact "$id" --report
    expect_status 1
    [[ "$output" == *"flag	body	"*"	escape-run	unresolved	\\'b1\\'e8\\'bf\\'b5\\'c8\\'a3"* ]] ||
        { printf '%s\n' "$output" >&2; false; }
    run --separate-stderr st field export --to hq --all -o "$W/b"
    expect_status 1
    [ ! -e "$W/b" ]
}

@test "leaks-enc2: the audit's second opinion WARNs on a run of undecoded escapes in a bundle (A-1 net)" {
    local p id TOOLS
    TOOLS=$(tools_dir)
    [ -x "$TOOLS/forge" ] || skip "no forge tool (make builds it)"
    p=$(eval "st field subject add $KIM")
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(record "$p" "Plain body about the weather.")
    st field export --to hq --all -o "$W/b" 2>/dev/null
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        "$TOOLS/forge" "$T/field" "$T/hq" "$W/b" "append= %FF%FE%FF%80%C8" "$W/f.bundle" 3<<<"$PASS"
    run st hq audit "$W/f.bundle"
    [[ "$output" == *"second-opinion     WARN"* ]] || { printf '%s\n' "$output" >&2; false; }
    [[ "$output" == *"escape-run"* ]] || { printf '%s\n' "$output" >&2; false; }
    # And the decoded forms FAIL it, as the redactor reads them.
    rm -f "$W/f.bundle"
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        "$TOOLS/forge" "$T/field" "$T/hq" "$W/b" 'append= \u44608?\u50689?\u54840?' "$W/f.bundle" 3<<<"$PASS"
    run st hq audit "$W/f.bundle"
    expect_status 1
    [[ "$output" == *"residual-terms     FAIL"* ]] || { printf '%s\n' "$output" >&2; false; }
}

@test "leaks-enc2: a name split by tags, a comment, brackets or glued commas is replaced whole (A-15)" {
    redacts_to "$KIM" \
        'Kim <b>Young</b>-ho came. Kim Yo<i>ung</i>-ho came. 김<b>영</b>호가, 김[영]호가, 김{영}호, 김<영>호, 김«영»호, 김「영」호, 김,영,호가 왔다. 김<!-- -->영호가 왔다. Kim [Young]-ho, Kim Young-[ho] came.' \
        'Won-sim came. Won-sim came. Won-sim가, Won-sim가, Won-sim, Won-sim, Won-sim, Won-sim, Won-sim가 왔다. Won-sim가 왔다. Won-sim, Won-sim came.'
    exports_clean 'Young' '<b>영' '김,영' '김<!--'
}

@test "leaks-enc2: commas between digits, tags around ordinary words and a lone '<' are left as written (A-15)" {
    redacts_to "$KIM" 'We paid 1,000 won, 2,500 won. Tags <b>bold</b> stay, a<b and c>d.' \
        'We paid 1,000 won, 2,500 won. Tags <b>bold</b> stay, a<b and c>d.'
}
