#!/usr/bin/env bats
# The protected set kept with the open store (brief s20 speed20): an
# `intake shell` builds it once for its commands, and builds it again when
# a subject, name, term or allowed text changes. A set that went stale
# would leak the name added last, so each change below is followed by the
# redact that must see it, inside one shell and between commands.

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    fixture set20_store ID
}

teardown() { common_teardown; }

# set20_store: Rim-il (Kim Jong-su, consent to export) and its record $ID,
# which names three people (one in two spellings), a town and an employer;
# made once per file.
set20_store() {
    init_store && cheapen && ik subject add --name "Kim Jong-su" --pseudonym Rim-il >/dev/null &&
        ik consent Rim-il --export yes --method verbal 2>/dev/null &&
        ID=$(printf '%s\n' "Kim Jong-su met Pak Chol at Chongjin; 박명철은 웃었다." \
             "Sunrise Fisheries paid late." "Park Chol wrote." | ik record Rim-il --title t) || return 1
}

# sh_in LINES...: the shell, its commands on a pipe, one a line; ID in a
# line stands for the record.
sh_in() {
    local l
    for l in "$@"; do printf '%s\n' "${l//ID/$ID}"; done | ik shell
}

# body N: the Nth line (from 1) of $output that holds the record's body.
body() {
    printf '%s\n' "$output" | grep -E '^(Rim-il|Kim Jong-su) met ' | sed -n "$1p"
}

@test "shell: a subject added, renamed and forgotten is seen by the next redact" {
    run --separate-stderr sh_in "redact ID" 'subject add --name "Pak Chol" --pseudonym Gerelee' \
        "redact ID" "subject rename Gerelee Saruul" "redact ID" "subject forget Saruul --yes" \
        "redact ID"
    expect_status 1
    [ "$(body 1)" = "Rim-il met Pak Chol at Chongjin; 박명철은 웃었다." ]
    [ "$(body 2)" = "Rim-il met Gerelee at Chongjin; 박명철은 웃었다." ]
    [ "$(body 3)" = "Rim-il met Saruul at Chongjin; 박명철은 웃었다." ]
    [ "$(body 4)" = "Rim-il met Pak Chol at Chongjin; 박명철은 웃었다." ]
    # A spelling variant of the new name too (Park of Pak), not the literal alone.
    [ "$(printf '%s\n' "$output" | grep -c '^Park Chol wrote\.$')" -eq 2 ]
    [ "$(printf '%s\n' "$output" | grep -c '^Gerelee wrote\.$')" -eq 1 ]
    [ "$(printf '%s\n' "$output" | grep -c '^Saruul wrote\.$')" -eq 1 ]
}

@test "shell: a term added (store-wide, a subject's) or removed is seen by the next redact" {
    run --separate-stderr sh_in "redact ID" "term add place:Chongjin" "redact ID" \
        "subject term Rim-il 'employer:Sunrise Fisheries'" "redact ID" "term remove 1" "redact ID"
    expect_status 1
    [ "$(body 1)" = "Rim-il met Pak Chol at Chongjin; 박명철은 웃었다." ]
    [ "$(body 2)" = "Rim-il met Pak Chol at [PLACE-1]; 박명철은 웃었다." ]
    [ "$(body 3)" = "Rim-il met Pak Chol at [PLACE-1]; 박명철은 웃었다." ]
    [[ "$output" == *$'[EMPLOYER-1] paid late.\n'*$'[EMPLOYER-1] paid late.\n'* ]]
    [[ "$output" == *$'Sunrise Fisheries paid late.\n'* ]]
    [ "$(body 4)" = "Rim-il met Pak Chol at Chongjin; 박명철은 웃었다." ]
}

@test "shell: an allowed text resolves its review flag in the next redact" {
    run --separate-stderr sh_in "redact ID --json" "allow 박명철" "redact ID --json" \
        'subject add --name "Pak Chol" --pseudonym Gerelee' "redact ID --json"
    expect_status 0
    [ "$(printf '%s\n' "$output" | grep -v '^Gerelee$' | jq -s -c '[.[] | [.may_leave, [.flags[] | [.text, .allowed]]]]')" = \
      '[[false,[["Pak Chol",false],["Pak Chol",false],["박명철",false],["Park Chol",false],["Chol",false]]],[false,[["Pak Chol",false],["Pak Chol",false],["박명철",true],["Park Chol",false],["Chol",false]]],[true,[["박명철",true]]]]' ]
    [[ "$stderr" == *"intake: allowed; review flags on this text are resolved (auditors see it)"* ]]
}

@test "between commands: a change is seen by the next redact and export's check" {
    run --separate-stderr ik redact "$ID"
    expect_status 1
    [ "$(body 1)" = "Rim-il met Pak Chol at Chongjin; 박명철은 웃었다." ]
    ik term add place:Chongjin 2>/dev/null
    ik allow 박명철 2>/dev/null
    ik subject add --name "Pak Chol" --pseudonym Gerelee >/dev/null
    run --separate-stderr ik redact "$ID"
    expect_status 0
    [ "$(body 1)" = "Rim-il met Gerelee at [PLACE-1]; 박명철은 웃었다." ]
    [ "${lines[2]}" = "Sunrise Fisheries paid late." ]
    ik subject term Rim-il "employer:Sunrise Fisheries" 2>/dev/null
    run --separate-stderr ik redact "$ID"
    expect_status 0
    [ "${lines[2]}" = "[EMPLOYER-1] paid late." ]
    # The same set in a shell that ran a redact before the change.
    ik term remove 2 2>/dev/null
    run --separate-stderr sh_in "redact ID" "subject term Rim-il 'employer:Sunrise Fisheries'" "redact ID"
    expect_status 0
    [[ "$output" == *$'Sunrise Fisheries paid late.\n'*$'[EMPLOYER-1] paid late.'* ]]
}
