#!/usr/bin/env bats
# intake shell (issue 15, "Unlock once"): one unlock, then the commands of
# the command line typed one a line, driven here through a pipe (as a
# script does) and on a pseudo-terminal (tests/tools/ptydrive.py, as a
# person types: the prompt, Ctrl-D, Ctrl-C, the lock after inactivity).

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    fixture rim_il_store
    DRIVE="python3 $ROOT/tests/tools/ptydrive.py"
}

# rim_il_store: the store (passphrase slot cheapened) with the subject
# Rim-il, made once per file (helpers.bash).
rim_il_store() {
    init_store && cheapen && ik subject add --name "Kim Jong-su" --pseudonym Rim-il >/dev/null
}

teardown() { common_teardown; }

# sh_in LINES...: the shell, its commands on a pipe, one argument a line.
sh_in() {
    printf '%s\n' "$@" | ik shell
}

@test "shell from a pipe: one unlock, then commands as on the command line" {
    run --separate-stderr sh_in 'subject add --name "Pak Chol" --pseudonym Gerelee' \
        "subject list" "list"
    expect_status 0
    [ "${lines[0]}" = "Gerelee" ]
    [[ "${lines[1]}" == Rim-il$'\t0\t'* ]]
    [[ "${lines[2]}" == Gerelee$'\t0\t'* ]]
    [ "${#lines[@]}" -eq 3 ]
    # Asked once: a second passphrase would be a read past the one line on fd 3.
    [[ "$stderr" != *"wrong passphrase"* ]]
}

@test "shell: a testimony ends at a line holding only '.', '..' stands for '.'" {
    run --separate-stderr sh_in 'record rim-il --title "Week 1"' "first line" ".." \
        "  indented" "." "list --json"
    expect_status 0
    id=${lines[0]}
    [[ "$id" =~ ^[0-9a-z]{12,}$ ]]
    run ik show "$id" --json
    [ "$(jq .body <<<"$output")" = '"first line\n.\n  indented\n"' ]
    [ "$(jq -r .title <<<"$output")" = "Week 1" ]
}

@test "shell: each command keeps its own message and exit status; the last one is the shell's" {
    run --separate-stderr ik show zzzzzzzz
    expect_status 2
    direct=$stderr
    run --separate-stderr sh_in "show zzzzzzzz"
    expect_status 2
    [ "$stderr" = "$direct" ]
    run --separate-stderr sh_in "show zzzzzzzz" "subject list"
    expect_status 0
    [[ "$output" == Rim-il* ]]
    [ "$stderr" = "$direct" ]
}

@test "shell: words are quoted as in a shell; an open quote is refused" {
    run --separate-stderr sh_in "subject add --name 'Pak \"Chol\"' --name \"O'Brien\" --pseudonym Tuya" \
        "subject show Tuya --reveal --json"
    expect_status 0
    [ "$(sed -n '2,$p' <<<"$output" | jq -r '.names | sort | join("|")')" = "O'Brien|Pak \"Chol\"" ]
    run --separate-stderr sh_in "subject add --name 'Kim"
    expect_status 2
    [ "$stderr" = "intake: the line ends inside a quote ('): close it on the same line" ]
    run --separate-stderr sh_in 'list \'
    expect_status 2
    [ "$stderr" = "intake: the line ends with a backslash; a command is one line" ]
    # A comment and an empty line run nothing.
    run --separate-stderr sh_in "# list" "" "   "
    expect_status 0
    [ -z "$output" ] && [ -z "$stderr" ]
}

@test "shell: commands that make no sense inside are refused, the shell goes on" {
    for c in init shell passwd rekey; do
        run --separate-stderr sh_in "$c"
        expect_status 2
        [[ "$stderr" == "intake: '$c' does not run inside the shell ("*"): type 'exit', then 'intake $c'" ]]
    done
    run --separate-stderr sh_in "init --kdf interactive" "subject list"
    expect_status 0
    [[ "$output" == Rim-il* ]]
    run --separate-stderr sh_in "--home /tmp list"
    expect_status 2
    [ "$stderr" = "intake: '--home': global options go on the shell's own command line (intake [--home DIR] [--passphrase-fd N] [--recovery] shell), not inside it" ]
    # From a pipe, a line that names no command ends the shell: what
    # follows may be a testimony for a mistyped record, never run or shown.
    run --separate-stderr sh_in "lsit" "subject forget Rim-il --yes" "canary-testimony" "." "list"
    expect_status 2
    [ "$stderr" = "intake: no command 'lsit'; did you mean 'list'? (see 'intake help')
intake: the shell stops here: in a script, the lines after one that names no command may be a testimony, and are neither run nor shown" ]
    [[ "$(ik subject list)" == Rim-il* ]]
    # "intake list", as the documents write it, is "list".
    run --separate-stderr sh_in "intake subject list"
    expect_status 0
    [[ "$output" == Rim-il* ]]
}

@test "shell: exit ends it; what follows is not run" {
    run --separate-stderr sh_in "exit" 'subject add --name "Pak Chol" --pseudonym Gerelee'
    expect_status 0
    [ -z "$output" ]
    run ik subject list
    [[ "$output" != *Gerelee* ]]
    run --separate-stderr sh_in "exit now"
    expect_status 2
    [ "$stderr" = "intake: exit takes no arguments" ]
}

@test "shell: a testimony refused before it is read is skipped, never run as commands" {
    run --separate-stderr sh_in "record Nobody" "subject forget Rim-il --yes" "canary-testimony" "." \
        "subject list"
    expect_status 0
    [ "$stderr" = "intake: no subject with pseudonym 'Nobody' (see 'intake subject list')" ]
    [[ "$output" == Rim-il* ]]
    [[ "$stderr" != *canary* ]]
    run --separate-stderr sh_in "record Rim-il --date 2024-02-30" "canary-testimony" "." "list"
    expect_status 0
    [[ "$stderr" == "intake: --date '2024-02-30' is not a real date"* ]]
    [[ "$stderr" != *canary* ]]
    run ik list
    [ -z "$output" ]
    # record edit refused while its options are read: the same.
    id=$(echo "first" | ik record Rim-il --title t)
    run --separate-stderr sh_in "record edit $id --bogus" "subject forget Rim-il --yes" \
        "canary-testimony" "." "subject list"
    expect_status 0
    [[ "$stderr" == "intake: "*"--bogus"* ]]
    [[ "$stderr" != *canary* ]]
    [[ "$output" == Rim-il* ]]
    [ "$(ik show "$id" | tail -n 1)" = "first" ]
}

@test "shell: a testimony cut short by the end of input records nothing" {
    run --separate-stderr sh_in "record Rim-il" "half a canary testimony"
    expect_status 2
    [ "$stderr" = "intake: the input ended before the line holding only '.' that ends the testimony: nothing was recorded" ]
    run ik list
    [ -z "$output" ]
}

@test "shell: bad options, a wrong passphrase, --passphrase-fd 0: one line, nothing run" {
    for v in 0 -1 abc 1441 nan; do
        run --separate-stderr ik shell --lock-after "$v" </dev/null
        expect_status 2
        [ "$stderr" = "intake: --lock-after needs a number of minutes above 0 and at most 1440 (0.5 is 30 seconds), not '$v' (see 'intake help shell')" ]
    done
    run --separate-stderr ik shell list </dev/null
    expect_status 2
    [ "$stderr" = "intake: shell takes no arguments; type the commands at its prompt (see 'intake help shell')" ]
    run --separate-stderr ik shell --lock-after 1 --lock-after 2 </dev/null
    expect_status 2
    [ "$stderr" = "intake: --lock-after given twice (see 'intake help shell')" ]
    run --separate-stderr bash -c 'printf "subject add --name X --pseudonym Tuya\n" |
        "$1" --home "$2" --passphrase-fd 3 shell 3<<<wrong' _ "$INTAKE" "$H"
    expect_status 1
    [ "$stderr" = "intake: wrong passphrase; nothing was changed (a lost passphrase: 'intake --recovery passwd' sets a new one with the recovery key)" ]
    run --separate-stderr bash -c 'printf "%s\n" "$3" | "$1" --home "$2" --passphrase-fd 0 shell' \
        _ "$INTAKE" "$H" "$PASS"
    expect_status 2
    [ "$stderr" = "intake: the shell reads its commands from standard input: give --passphrase-fd another descriptor than 0 (see 'intake help shell')" ]
    run ik subject list
    [[ "$output" != *Tuya* ]]
}

@test "shell at a terminal: a prompt, commands, Ctrl-D ends it" {
    run $DRIVE -- "$INTAKE" --home "$H" shell <<EOF
expect Passphrase for
send $PASS\r
expect type 'help' for the commands
expect intake> 
send subject list\r
expect intake> 
send lsit\r
expect did you mean 'list'?
expect intake> 
send \x04
wait
EOF
    expect_status 0
    [[ "$output" == *Rim-il* ]]
    [[ "$output" != *"$PASS"* ]]
    [ "$(last_lines 2)" = "exit 2
echo on" ]
}

@test "shell at a terminal: it locks after --lock-after without input and asks again" {
    run $DRIVE -- "$INTAKE" --home "$H" shell --lock-after 0.02 <<EOF
expect Passphrase for
send $PASS\r
expect intake> 
sleep 2
expect locked after 1 second without input: the store's key was wiped from memory
expect Passphrase for
send $PASS\r
expect intake> 
send subject list\r
expect Rim-il
expect intake> 
send exit\r
wait
EOF
    expect_status 0
    [ "$(last_lines 2)" = "exit 0
echo on" ]
}

@test "shell at a terminal: a testimony, Ctrl-C gives it up; Ctrl-D inside it is a reminder" {
    run $DRIVE -- "$INTAKE" --home "$H" shell <<EOF
expect Passphrase for
send $PASS\r
expect intake> 
send record Rim-il --title One\r
expect type the testimony, then a line holding only '.'
send canary line\r
sleep 0.3
send \x03
expect cancelled (Ctrl-C): the testimony typed so far was wiped and nothing was recorded
expect intake> 
send record Rim-il --title Two\r
expect type the testimony
send kept line\r
send \x04
expect end the testimony with a line holding only '.'
send .\r
expect intake> 
send \x04
wait
EOF
    expect_status 0
    run ik list --json
    [ "$(jq -r '.[].title' <<<"$output")" = "Two" ]
}

