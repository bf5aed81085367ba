#!/usr/bin/env bats
# Registered numbers and dates of birth in other writings (issue 12,
# report-adv12g A-2, A-3, A-4, A-10, A-13, A-14, A-22; brief i12-num of
# s13) end to end: redact, export to hq, the audit there and the body hq
# reads.  Every case, and more, is in tests/data/leaks/numbers4.jsonl
# (test_leaks_detect) and numbers4-terms.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers

setup() { common_setup; }
teardown() { common_teardown; }

# field_hq: the stores field and hq, contacts of each other; subject
# Won-sim with a registered phone and passport, Tulga with a Mongolian
# phone.
field_hq() {
    W=$T/work
    mkdir -p "$W"
    mkstore field
    mkstore hq
    introduce field hq
    st field subject add --name 김영호 --name "Kim Young-ho" --locale ko --pseudonym Won-sim \
        --contact "+82 10-4821-7395" --term id:M7654321 >/dev/null
    st field consent Won-sim --export yes --method verbal 2>/dev/null
    st field subject add --name Батбаяр --locale mn --pseudonym Tulga \
        --contact "+976 9911 4728" >/dev/null
    st field consent Tulga --export yes --method verbal 2>/dev/null
}

# leaves_as WHO TEXT WANT STRING...: a record of TEXT for WHO redacts to
# WANT (exit 0); exported to hq (exit 0), the audit's residual checks pass
# there and the body hq imports is WANT, with none of the strings.
leaves_as() {
    local who=$1 text=$2 want=$3 id s body
    shift 3
    N=$((${N:-0} + 1))
    id=$(printf '%s\n' "$text" | st field record "$who" --title "Work $N" --date 2024-03-15)
    run --separate-stderr st field redact "$id"
    expect_status 0
    [ "$(printf '%s\n' "$output" | tail -n 1)" = "$want" ] ||
        { printf 'want: %s\ngot:  %s\n' "$want" "$output" >&2; return 1; }
    run --separate-stderr st field export --to hq "$id" -o "$W/$id.bundle"
    expect_status 0
    run --separate-stderr st hq audit "$W/$id.bundle"
    printf '%s\n' "$output" | grep -qE '^ *residual-terms +PASS' || { printf '%s\n' "$output" >&2; return 1; }
    printf '%s\n' "$output" | grep -qE '^ *residual-detectors +PASS' || { printf '%s\n' "$output" >&2; return 1; }
    st hq import "$W/$id.bundle" >/dev/null
    run --separate-stderr st hq show "$(st hq list --json | jq -r --arg t "Work $N" '.[] | select(.title == $t) | .id')"
    expect_status 0
    body=$(printf '%s\n' "$output" | sed -n '/^$/,/^origin:/p' | sed '1d;$d')
    [ "$body" = "$want" ] || { printf 'hq: %s\n' "$output" >&2; return 1; }
    for s in "$@"; do
        [[ "$body" != *"$s"* ]] || { printf 'leaks %s at hq: %s\n' "$s" "$body" >&2; return 1; }
    done
}

@test "leaks-num: a registered phone with digit words in a group goes whole, never the rest of a glued run (A-2)" {
    field_hq
    leaves_as Won-sim 'Call 010-four8two1-7395.' 'Call [PHONE-1].' four8two1 7395
    leaves_as Won-sim 'Call 010 4821 seven3nine5.' 'Call [PHONE-1].' 3nine5 4821
    leaves_as Won-sim 'Call 010-482one-7395.' 'Call [PHONE-1].' one-7395 482
}

@test "leaks-num: a phone said with place values in Mongolian, Russian and Korean, or in pairs joined by a word (A-10)" {
    field_hq
    leaves_as Tulga '99 11 ба 47 28 руу залга.' '[PHONE-1] руу залга.' '47 28'
    leaves_as Tulga 'есөн мянга есөн зуун арван нэг дөчин долоо хорин найм руу залга.' '[PHONE-1] руу залга.' мянга найм
    leaves_as Tulga 'девяносто девять одиннадцать сорок семь двадцать восемь.' '[PHONE-1].' девяносто восемь
    leaves_as Tulga '99 11 47 болон 28.' '[PHONE-1].' 28
    leaves_as Won-sim '010 4821 및 73 95.' '[PHONE-1].' '73 95'
}

@test "leaks-num: a registered ID with letters or words for digits, a letter glued to Sino-Korean digits (A-3, A-22)" {
    field_hq
    leaves_as Won-sim 'ID M76S4321 and M765432I and M7G54321 and MT654321.' \
        'ID [ID-1] and [ID-1] and [ID-1] and [ID-1].' M76S4321 M765432I M7G54321 MT654321
    leaves_as Won-sim 'Passport MSEVEN654321, M-seven-654321.' 'Passport [ID-1], [ID-1].' SEVEN seven 654321
    leaves_as Won-sim '여권번호 M일이삼사오육칠팔.' '여권번호 [ID-1].' 일이삼사
}

@test "leaks-num: an RRN whose halves are joined by a dash said (A-13)" {
    field_hq
    leaves_as Won-sim 'RRN seven five zero three one four dash one two three four five six seven.' 'RRN [ID-1].' dash seven
    leaves_as Won-sim 'RRN 750314 dash one two three four five six seven.' 'RRN [ID-1].' 750314 seven
}

@test "leaks-num: a date of birth with a Roman or glued month, a Russian ordinal, the year apart, goes whole (A-4, A-14)" {
    field_hq
    leaves_as Won-sim 'Born 14 III 1975 there. Born 1975-III-14.' 'Born [DATE-1] there. Born [DATE-2].' III 14
    leaves_as Won-sim 'DOB:14Mar1975, born on 14.03. in 1975.' 'DOB:[DATE-1], born on [DATE-2].' 14Mar 14.03 1975
    leaves_as Tulga '1975.III.14 төрсөн. III сарын 14-нд төрсөн. 1975 оны III сарын 14.' \
        '[DATE-1] төрсөн. [DATE-2] төрсөн. [DATE-3].' III 14
    leaves_as Tulga 'родился 14-го марта 75-го.' 'родился [DATE-1]-го.' марта 14
}

@test "leaks-num: numbers in ordinary prose stay; the same number twice is one placeholder" {
    field_hq
    leaves_as Tulga 'Бид 99 11 ба 12 хүн байсан. In 1975 we paid 4821 won on 12/10 at 7:30, then 3,300,000 on 14 March 1998.' \
        'Бид 99 11 ба 12 хүн байсан. In 1975 we paid 4821 won on 12/10 at 7:30, then 3,300,000 on 14 March 1998.'
    leaves_as Won-sim 'Call 010-four8two1-7395, again 010-four8two1-7395.' 'Call [PHONE-1], again [PHONE-1].' four8two1
}
