#!/usr/bin/env bats
# Review flags that find names and spare words (issue 12/13, report-adv12g
# A-7, A-8, A-12, A-16, A-21; brief i12-flags): a word with a registered
# given name inside it (영호남 of 김영호) is a glued-name flag over the
# whole word and may be allowed as that word, while the name itself stays
# refused; attributions ("said Pak") are context-name flags; romanised
# kinship words (Omma, Eej) and dictionary halves of a registered word
# (Field of Whitfield) raise none.  The full set of cases is
# tests/data/leaks/flags12.jsonl (unit test test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers

setup() {
    setup_field_hq Bora "" 김영호 "Sarah Whitfield"
}

teardown() { common_teardown; }

# record TEXT: a record of the subject Bora; prints its ID.
record() {
    printf '%s\n' "$1" | st field record Bora --title "Work" --date 2024-03-15 --tag work
}

@test "flags12: 영호남 is a glued-name flag over the whole word; allowed as that word, the record leaves" {
    ID=$(record '영호남 지역 갈등이 줄었다. 영호남의 화합 대회가 열렸다. 김영 교수가 발표했다.')
    run --separate-stderr st field redact "$ID" --report
    expect_status 1
    [ "$(printf '%s\n' "$output" | grep -cE $'^flag\tbody\t[0-9]+\t9\tglued-name\tunresolved\t영호남$')" -eq 2 ]
    [ "$(printf '%s\n' "$output" | grep -c $'^flag\t')" -eq 2 ]
    run --separate-stderr st field allow 영호남
    expect_status 0
    run --separate-stderr st field redact "$ID" --report
    expect_status 0
    run --separate-stderr st field export --to hq --all -o "$W/x.bundle"
    expect_status 0
    [ -s "$W/x.bundle" ]
}

@test "flags12: allow still refuses the registered name, with particles, and a word that starts with the full name" {
    for t in 영호 영호가 김영호 김영호남; do
        run --separate-stderr st field allow "$t"
        expect_status 2
        [ "$stderr" = "intake: this text contains a protected name or term and cannot be allowed (allowed texts are shown to auditors); nothing was changed" ] ||
            { printf '%s: %s\n' "$t" "$stderr" >&2; false; }
    done
    run --separate-stderr st field allow 영호루
    expect_status 0
}

@test "flags12: Field and Whit of Whitfield, romanised kinship words and news compounds raise no flag; said Pak does" {
    ID=$(record 'Field trials began. Whit Monday is a holiday. Omma said we must leave. Eej said no. 노사정 대표가 만났다. 길고양이 급식소가 설치됐다.')
    run --separate-stderr st field redact "$ID" --report
    expect_status 0
    ID2=$(record '"No," said Pak. Pak, the driver, said no.')
    run --separate-stderr st field redact "$ID2" --report
    expect_status 1
    [ "$(printf '%s\n' "$output" | grep -cE $'^flag\tbody\t[0-9]+\t3\tcontext-name\tunresolved\tPak$')" -eq 2 ]
}
