#!/usr/bin/env bats
# Account numbers in structured text attachments (report-adv16a A-22): a JSON
# key and a CSV column header label the number as "account:" does in prose,
# with the one list of account labels (privacy/detect_label.c). What HQ opens
# holds none of the numbers; redact shows the same. Made-up names and numbers.

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    W=$T/work
    mkdir -p "$W"
    cd "$W"
    fixture acct_stores ID
}

# acct_stores: field and hq, contacts of each other; field's subject with
# consent to attachments and one record $ID. Made once per file (fixture).
acct_stores() {
    mkstore field
    mkstore hq
    introduce field hq
    st field subject add --name "Sara Pell" --pseudonym Won-sim >/dev/null
    st field consent Won-sim --export yes --attachments yes --method verbal 2>/dev/null
    ID=$(printf 'Notes.\n' | st field record Won-sim --title "Visit" --date 2024-03-15)
}

teardown() { common_teardown; }

# attach FILE: attaches $W/FILE to the record.
attach() {
    st field attach "$ID" "$W/$1" >/dev/null 2>&1
}

# sent: redact says the record may leave (exit 0); export to hq and open
# the bundle there; $got is the attachment as hq reads it.
sent() {
    run --separate-stderr st field redact "$ID"
    expect_status 0
    run --separate-stderr st field export --to hq --all -o "$W/b"
    expect_status 0
    st hq open "$W/b" -o "$W/out" >/dev/null
    got=$(ls "$W/out/$ID"-attachment-1*)
}

@test "attach-accounts: a number under a JSON key account, iban or данс leaves as [ACCOUNT-n] (A-22 acct.json)" {
    printf '{"bank":"Khan","account":"5012345678","iban":"MN480005005123456789","данс":"5087654321"}\n' >"$W/acct.json"
    attach acct.json
    sent
    [ "$(cat "$got")" = '{"bank":"Khan","account":"[ACCOUNT-1]","iban":"[ACCOUNT-2]","данс":"[ACCOUNT-3]"}' ]
    ! grep -rq -e 5012345678 -e 5087654321 -e 0005005123456789 "$W/out" || false
}

@test "attach-accounts: the account column of a CSV leaves as [ACCOUNT-n], the bank column as written (A-22 acct.csv)" {
    printf 'bank,account,amount\nKhan,5012345678,300000\nGolomt,1102345678,250000\n' >"$W/acct.csv"
    attach acct.csv
    sent
    run cat "$got"
    [ "${lines[0]}" = "bank,account,amount" ]
    [[ "${lines[1]}" == "Khan,[ACCOUNT-1],"* ]]
    [[ "${lines[2]}" == "Golomt,[ACCOUNT-2],"* ]]
    ! grep -rq -e 5012345678 -e 1102345678 "$W/out" || false
}

@test "attach-accounts: Mongolian and Korean column headers (данс, 계좌) label their columns (A-22 macct.csv, kacct.csv)" {
    printf 'банк,данс\nХаан,5012345678\n\n은행,계좌,금액\n국민,123456-01-123456,300000\n' >"$W/macct.csv"
    attach macct.csv
    sent
    run cat "$got"
    [ "${lines[1]}" = "Хаан,[ACCOUNT-1]" ]
    [[ "${lines[3]}" == "국민,[ACCOUNT-2],"* ]]
    ! grep -rq -e 5012345678 -e 123456-01 "$W/out" || false
}

@test "attach-accounts: a TSV with a quoted header \"IBAN no\" and a column of years keeps the years" {
    printf 'name\t"IBAN no"\tyear\nA\t50123456\t2019\nB\t11023456\t2020\n' >"$W/acct.tsv"
    attach acct.tsv
    sent
    run cat "$got"
    [ "${lines[1]}" = "$(printf 'A\t[ACCOUNT-1]\t2019')" ]
    [ "${lines[2]}" = "$(printf 'B\t[ACCOUNT-2]\t2020')" ]
}
