#!/usr/bin/env bats
# intake shell (adv35f I-3): whatever the shell cannot take as a line of a
# testimony (a NUL byte, a line over 256 KiB, a body over its maximum, input
# that is not text) refuses the whole testimony, and its lines are read up
# to the '.' that ends it and wiped: none is ever run as a command.

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    fixture rim_il_store
}

rim_il_store() {
    init_store && cheapen && ik subject add --name "Kim Jong-su" --pseudonym Rim-il >/dev/null
}

teardown() { common_teardown; }

@test "shell: a NUL byte in a testimony refuses it; its later lines are not run" {
    run --separate-stderr bash -c 'printf "record Rim-il --title nul2\nfirst line\nbad\0line\nsubject list --reveal\nlabel HIJACK\nOyun canary\n.\nlist\nexit\n" |
        "$1" --home "$2" --passphrase-fd 3 shell 3<<<"$3"' _ "$INTAKE" "$H" "$PASS"
    expect_status 0
    [ "$stderr" = "intake: the testimony was not recorded: its line 2 holds a NUL byte; its lines up to the one holding only '.' were read and wiped, none run as a command" ]
    [ -z "$output" ]
    [[ "$output$stderr" != *Kim* && "$output$stderr" != *canary* ]]
    run ik log
    [[ "$output" != *HIJACK* ]]
    run ik list
    [ -z "$output" ]
}

@test "shell: a testimony line over 256 KiB refuses it; its later lines are not run" {
    run --separate-stderr bash -c 'python3 -c "import sys; sys.stdout.write(\"record Rim-il --title long\nfirst\n\" + \"x\"*2000000 + \"\nlabel HIJACK2\n.\nlist\n\")" |
        "$1" --home "$2" --passphrase-fd 3 shell 3<<<"$3"' _ "$INTAKE" "$H" "$PASS"
    expect_status 0
    [ "$stderr" = "intake: the testimony was not recorded: its line 2 is longer than 256 KiB; its lines up to the one holding only '.' were read and wiped, none run as a command" ]
    [ -z "$output" ]
    run ik log
    [[ "$output" != *HIJACK2* ]]
}

@test "shell: a refused testimony cut short by the end of input says both; nothing run" {
    run --separate-stderr bash -c 'printf "record Rim-il\nbad\0line\nsubject list --reveal\n" |
        "$1" --home "$2" --passphrase-fd 3 shell 3<<<"$3"' _ "$INTAKE" "$H" "$PASS"
    expect_status 2
    [ "$stderr" = "intake: the testimony was not recorded: its line 1 holds a NUL byte; the input ended before its line holding only '.'" ]
    [ -z "$output" ]
}

@test "shell: binary input inside a testimony stops reading; nothing run" {
    run --separate-stderr bash -c '{ printf "record Rim-il\nfirst\n"; head -c 600000 /dev/zero; printf "\nsubject list --reveal\n.\n"; } |
        "$1" --home "$2" --passphrase-fd 3 shell 3<<<"$3"' _ "$INTAKE" "$H" "$PASS"
    expect_status 2
    [ "$stderr" = "intake: the testimony was not recorded: standard input holds NUL bytes in a line longer than 256 KiB: it is not text; nothing more is read from it; the input ended before its line holding only '.'" ]
    [ -z "$output" ]
}

@test "shell: invalid UTF-8 and CR line ends in a testimony: its lines are never commands" {
    run --separate-stderr bash -c 'printf "record Rim-il --title u\nbad \377 byte\nsubject list --reveal\n.\nlist\n" |
        "$1" --home "$2" --passphrase-fd 3 shell 3<<<"$3"' _ "$INTAKE" "$H" "$PASS"
    expect_status 0
    [ "$stderr" = "intake: the body is not valid UTF-8 (byte 4)" ]
    [[ "$output$stderr" != *Kim* ]]
    # CRLF line ends: the '.' line still ends it, the record is kept.
    run --separate-stderr bash -c 'printf "record Rim-il --title crlf\r\nfirst line\r\nsubject list --reveal\r\n.\r\nexit\r\n" |
        "$1" --home "$2" --passphrase-fd 3 shell 3<<<"$3"' _ "$INTAKE" "$H" "$PASS"
    expect_status 0
    [[ "$output$stderr" != *Kim* ]]
    run ik list
    [[ "$output" == *crlf* ]]
    [ "${#lines[@]}" -eq 1 ]
}
