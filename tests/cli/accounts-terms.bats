#!/usr/bin/env bats
# Brief s15 f12a: the `account` category (IBAN, payment cards, numbers
# after an account label, `term add account:...`), protected terms of every
# category in text attachments (.txt, .csv, .json, .md) with redact and
# export agreeing, and the `spoken-number` review flag that allowing a
# lone 공일공 does not clear for the digit words beside it. The detector
# cases are in tests/data/leaks/accounts.jsonl (test_leaks_detect).
# Made-up names and numbers only.

bats_require_minimum_version 1.5.0
load helpers

setup() {
    setup_field_hq Won-sim "--attachments yes" 김영호
}

teardown() { common_teardown; }

# record TEXT: a new record of Won-sim holding TEXT; its id on stdout.
record() {
    printf '%s\n' "$1" | st field record Won-sim --title "Work" --date 2024-03-15
}

@test "accounts: IBAN, card and labelled account numbers are [ACCOUNT-n], a phone after a label stays a phone; hq audits and reads them" {
    ID=$(record 'IBAN: GB82 WEST 1234 5698 7654 32. Card 4111 1111 1111 1111. 계좌 110-123-456789. данс 5012345678. Account: 010-1234-5678.')
    run --separate-stderr st field redact "$ID"
    expect_status 0
    [ "$(printf '%s\n' "$output" | tail -n 1)" = 'IBAN: [ACCOUNT-1]. Card [ACCOUNT-2]. 계좌 [ACCOUNT-3]. данс [ACCOUNT-4]. Account: [PHONE-1].' ]
    run --separate-stderr st field export --to hq "$ID" -o "$W/a.bundle"
    expect_status 0
    run --separate-stderr st hq audit "$W/a.bundle"
    expect_status 0
    printf '%s\n' "$output" | grep -qE '^ *residual-detectors +PASS'
    run --separate-stderr st hq open "$W/a.bundle" --json
    expect_status 0
    [ "$(jq -r '[.records[0].redactions[] | select(.category == "account")] | length' <<<"$output")" = 4 ]
    [[ "$output" != *"5698"* && "$output" != *"4111"* && "$output" != *"5012345678"* ]]
}

@test "accounts: term add account:... is a category of its own, numbered with the detected accounts" {
    run --separate-stderr st field term add account:77-0012-3345
    expect_status 0
    ID=$(record 'Sent to 77-0012-3345 and to DE89 3704 0044 0532 0130 00.')
    run --separate-stderr st field redact "$ID"
    expect_status 0
    [ "$(printf '%s\n' "$output" | tail -n 1)" = 'Sent to [ACCOUNT-1] and to [ACCOUNT-2].' ]
    run --separate-stderr st field term add bank:77
    expect_status 2
    [ "$stderr" = "intake: unknown term category 'bank'; use one of: person, place, employer, organisation, id, other, account" ]
}

# in_attachments EXT CONTENT: attaches CONTENT as notes.EXT.
in_attachment() {
    printf '%s\n' "$2" >"$W/notes.$1"
    st field attach "$ID" "$W/notes.$1" >/dev/null 2>&1
}

@test "terms in attachments: a lower-case place term (place:market) and terms of every category go from .txt .csv .json .md; redact 0 and export writes" {
    st field term add place:market >/dev/null 2>&1
    st field term add 'person:Kwon Dal-ho' >/dev/null 2>&1
    st field term add "employer:harbour works" >/dev/null 2>&1
    st field term add "organisation:Red Dawn Union" >/dev/null 2>&1
    st field term add id:M7654321 >/dev/null 2>&1
    st field term add other:bluebird >/dev/null 2>&1
    st field term add account:77-0012-3345 >/dev/null 2>&1
    ID=$(record 'We met at the market.')
    in_attachment txt 'met at the market with Kwon Dal-ho of harbour works'
    in_attachment csv $'where,who,org\nmarket,Kwon Dal-ho,Red Dawn Union\nthe market,M7654321,bluebird'
    in_attachment json '{"where":"market","at":["the","market"],"id":"M7654321","acct":"77-0012-3345"}'
    in_attachment md $'# Notes\n\nWe met at the **market**; code word *bluebird*, Red Dawn Union.'
    run --separate-stderr st field redact "$ID"
    expect_status 0
    for s in market Dal-ho harbour 'Red Dawn' M7654321 bluebird 3345; do
        [[ "$output" != *"$s"* ]] || { printf 'redact leaves %s: %s\n' "$s" "$output" >&2; return 1; }
    done
    [[ "$output" == *'[PLACE-1]'*'[PERSON-1]'*'[EMPLOYER-1]'* ]]
    run --separate-stderr st field export --to hq --all -o "$W/b"
    expect_status 0
    st hq open "$W/b" -o "$W/out" >/dev/null
    [ "$(find "$W/out" -name "$ID-attachment-*" | wc -l)" = 4 ]
    ! grep -rq -e market -e Dal-ho -e harbour -e 'Red Dawn' -e M7654321 -e bluebird -e 3345 "$W/out" || false
}

@test "terms in attachments: a place term registered with a capital (place:Market) is still a review flag on the lower-case word, in redact and export alike" {
    st field term add place:Market >/dev/null 2>&1
    ID=$(record 'We spoke.')
    in_attachment txt 'met at the market today'
    run --separate-stderr st field redact "$ID" --report
    expect_status 1
    [[ "$output" == *$'flag\tattachment1\t'*$'name-or-word\tunresolved\tmarket'* ]]
    run --separate-stderr st field export --to hq --all -o "$W/b"
    expect_status 1
    [ ! -e "$W/b" ]
}

@test "spoken-number: a lone 공일공 is a spoken-number flag a person may allow; allowing it does not clear the digit words beside it" {
    ID=$(record '번호는 공일공.')
    run --separate-stderr st field redact "$ID" --report
    expect_status 1
    [ "$output" = $'flag\tbody\t10\t9\tspoken-number\tunresolved\t공일공' ]
    st field allow 공일공 >/dev/null 2>&1
    run --separate-stderr st field redact "$ID"
    expect_status 0
    N=$(record '번호는 공일공 오육 칠팔이다.')
    run --separate-stderr st field redact "$N" --report
    expect_status 1
    [ "$output" = $'flag\tbody\t10\t29\tspoken-number\tunresolved\t공일공 오육 칠팔이다' ]
    run --separate-stderr st field export --to hq "$N" -o "$W/n.bundle"
    expect_status 1
    [ ! -e "$W/n.bundle" ]
    G=$(record '번호는 공일공의 오육칠의 팔구로 걸어.')
    run --separate-stderr st field redact "$G" --report
    expect_status 1
    [ "$output" = $'flag\tbody\t10\t35\tspoken-number\tunresolved\t공일공의 오육칠의 팔구로' ]
}

@test "spoken-number: ordinary words made of digit syllables (이사, 오일) and a whole spoken number raise no flag" {
    ID=$(record '이사를 했다. 오일을 샀다. 번호는 공일공 하나둘셋넷 다섯여섯일곱여덟.')
    run --separate-stderr st field redact "$ID"
    expect_status 0
    [ "$(printf '%s\n' "$output" | tail -n 1)" = '이사를 했다. 오일을 샀다. 번호는 [PHONE-1].' ]
}
