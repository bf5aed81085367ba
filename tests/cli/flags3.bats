#!/usr/bin/env bats
# Issue 13, review flags a person can clear: a spelling the variant rules
# made of a registered name (not the name as registered nor one of its
# words) that is an ordinary word counts only where the context marks a
# name; elsewhere it is neither flagged nor replaced, in the redaction,
# the export and the audit at headquarters alike (docs/VARIANTS.md,
# "Generated spellings that are words").

bats_require_minimum_version 1.5.0
load helpers

setup() {
    setup_field_hq
}

teardown() { common_teardown; }

# record PSEUDONYM TEXT: a record of the subject; prints its ID.
record() {
    printf '%s\n' "$2" | st field record "$1" --title "Work" --date 2024-03-15 --tag work
}

# subject NAME PSEUDONYM: a subject with one name and consent to export.
subject() {
    st field subject add --name "$1" --pseudonym "$2" >/dev/null
    st field consent "$2" --export yes --method verbal 2>/dev/null
}

@test "flags3: 하면 and 가면, spellings made of 문하민, are words in prose and the name before 씨; export and audit agree" {
    subject 문하민 Saraa
    ID=$(record Saraa '일을 하면 돈을 받았다. 가면을 쓰고 나갔다. 그때 하면 씨가 왔다.')
    run --separate-stderr st field redact "$ID" --report
    expect_status 0
    ! printf '%s\n' "$output" | grep -q $'^flag\t' || false
    run --separate-stderr st field redact "$ID"
    expect_status 0
    [ "$(printf '%s\n' "$output" | tail -n 1)" = '일을 하면 돈을 받았다. 가면을 쓰고 나갔다. 그때 Saraa 씨가 왔다.' ]
    run --separate-stderr st field export --to hq --all -o "$W/b.bundle"
    expect_status 0
    run st hq audit "$W/b.bundle"
    expect_status 0
    [[ "$output" == *"residual-terms     PASS"* ]] || { printf '%s\n' "$output" >&2; false; }
}

@test "flags3: a registered name's word that is a word is still flagged where it may be the word (우리 나라는, Bold decisions)" {
    subject 김나라 Saraa
    ID=$(record Saraa '우리 나라는 크다.')
    run --separate-stderr st field redact "$ID" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qE $'^flag\tbody\t[0-9]+\t[0-9]+\tname-or-word\tunresolved\t나라$'
    subject "Bold Dorj" Tulga
    ID=$(record Tulga 'Bold decisions were made.')
    run --separate-stderr st field redact "$ID" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qE $'^flag\tbody\t0\t4\tname-or-word\tunresolved\tBold$'
}

@test "flags3: initials that are a word (So of Sylvia Oberbrunner) are flagged only where a capital marks a name" {
    subject "Sylvia Oberbrunner" Saraa
    ID=$(record Saraa 'So we left early.')
    run --separate-stderr st field redact "$ID" --report
    expect_status 0
    ! printf '%s\n' "$output" | grep -q $'^flag\t' || false
    ID=$(record Saraa 'We met SO at the gate.')
    run --separate-stderr st field redact "$ID" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qE $'^flag\tbody\t7\t2\tshort-name\tunresolved\tSO$'
}
