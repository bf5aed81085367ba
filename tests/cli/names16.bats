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
