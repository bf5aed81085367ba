#!/usr/bin/env bats
# Issue 12/13, report-adv15 (brief k16): a registered Korean given name with
# a chain of particles that follow a person is the name (R-1 a), `allow`
# refuses it with the redactor's own reading (R-1 b, privacy/allow.c), and
# the audit's residual-terms FAILs it (R-1 c).  The full set of cases is
# tests/data/leaks/names16.jsonl (unit test test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers

setup() {
    setup_field_hq Gyong-rim "" 이순자
}

teardown() { common_teardown; }

# record TEXT: a record of the subject Gyong-rim; prints its ID.
record() {
    printf '%s\n' "$1" | st field record Gyong-rim --title "Work" --date 2024-03-15 --tag work
}

@test "names16: 순자 with any particle chain that follows a person is replaced like 순자야 (R-1 a)" {
    ID=$(record '순자야, 어디 가니? 순자네 집에 갔다. 순자님께서 오셨다. 순자랑 같이 갔다. 순자이랑 순자하고 순자한테는 말했다. 순자에게서 왔다.')
    run --separate-stderr st field redact "$ID"
    expect_status 0
    [ "$(printf '%s\n' "$output" | tail -n 1)" = 'Gyong-rim야, 어디 가니? Gyong-rim네 집에 갔다. Gyong-rim님께서 오셨다. Gyong-rim랑 같이 갔다. Gyong-rim이랑 Gyong-rim하고 Gyong-rim한테는 말했다. Gyong-rim에게서 왔다.' ] ||
        { printf '%s\n' "$output" >&2; false; }
}

@test "names16: allow refuses the given name with particles that follow a person, the full name and a romanised form, with one line (R-1 b; its Korean and Mongolian msgstr: po-check)" {
    for t in 순자네 순자님께서 순자랑 순자한테는 순자야 이순자 "Sun-ja"; do
        run --separate-stderr st field allow "$t"
        expect_status 2
        [ "$stderr" = "intake: this text contains a protected name or term and cannot be allowed (allowed texts are shown to auditors); nothing was changed" ] ||
            { printf '%s: %s\n' "$t" "$stderr" >&2; false; }
    done
    run --separate-stderr st field allow 순자네집
    expect_status 2
}

@test "names16: the audit's residual-terms FAILs 순자네 in an exported body (R-1 c)" {
    TOOLS=$(tools_dir)
    [ -x "$TOOLS/forge" ] || skip "no forge tool (make builds it)"
    ID=$(record '순자네 집에 갔다.')
    run --separate-stderr st field export --to hq --all -o "$W/b"
    expect_status 0
    run st hq audit "$W/b"
    expect_status 0
    [[ "$output" == *"residual-terms     PASS"* ]] || { printf '%s\n' "$output" >&2; false; }
    for form in 순자네 순자님께서 순자한테는; do
        ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
            "$TOOLS/forge" "$T/field" "$T/hq" "$W/b" "append=$form" "$W/f" 3<<<"$PASS"
        run st hq audit "$W/f"
        expect_status 1
        [[ "$output" == *"residual-terms     FAIL"* ]] || { printf '%s: %s\n' "$form" "$output" >&2; false; }
        rm -f "$W/f"
    done
}
