#!/usr/bin/env bats
# The terminal and the passphrase (issue 14, items 2, 8, 9 and the QR part
# of 15): the real binary driven on a pseudo-terminal by
# tests/tools/ptydrive.py, as a person types.  Steps go to ptydrive on
# standard input (see its header); its output is what the terminal showed,
# then "exit N" or "signal NAME", then "echo on|off" at the end.
#
# readpassphrase acts on a signal when the read it waits in is interrupted:
# a signal landing in the microseconds between the question being written
# and that read is acted on at the next key.  No person is that fast; the
# steps sleep 0.3 s after the question before a control key.

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    DRIVE="python3 $ROOT/tests/tools/ptydrive.py"
    TOOLS=$(dirname "$INTAKE")/../tools
    fixture terminal_store RECOVERY
}

# terminal_store: the store with the subject P1, made once per file
# (fixture); its passphrase slot made cheap (cheapen): what is tested here
# is the prompt and the passphrase's bytes, the same at any Argon2id cost.
terminal_store() {
    init_store && cheapen || return 1
    "$INTAKE" --home "$H" --passphrase-fd 3 subject add --name "Kim Jong-su" --pseudonym P1 \
        3<<<"$PASS" >/dev/null
}
teardown() { common_teardown; }

# drive [OPTIONS --] ARGS...: intake ARGS on a terminal, steps on stdin.
drive() {
    local opts=()
    while [ "$1" != "--" ]; do opts+=("$1"); shift; done
    shift
    run $DRIVE "${opts[@]}" -- "$INTAKE" --home "$H" "$@"
}


@test "prompt: echo is off, a wrong passphrase is asked again, what is typed never shows" {
    drive -- list <<EOF
expect Passphrase for $H:
echo off
send wrong-one-canary\r
expect intake: wrong passphrase; try again (2 tries left)
expect Passphrase for $H:
echo off
send wrong-two-canary\r
expect intake: wrong passphrase; try again (1 try left)
expect Passphrase for
send $PASS\r
wait
EOF
    expect_status 0
    [[ "$output" != *canary* ]]
    [[ "$output" != *"$PASS"* ]]
    [ "$(last_lines 2)" = "exit 0
echo on" ]
}

@test "prompt: three wrong passphrases: exit 1 and the one final message" {
    drive -- list <<EOF
expect Passphrase for
send a\r
expect Passphrase for
send b\r
expect (1 try left)
expect Passphrase for
send c\r
wait
EOF
    expect_status 0
    [ "$(last_lines 3)" = "intake: wrong passphrase; nothing was changed (a lost passphrase: 'intake --recovery passwd' sets a new one with the recovery key)
exit 1
echo on" ]
    [ "$(grep -c 'Passphrase for' <<<"$output")" -eq 3 ]
}

@test "prompt: --passphrase-fd gets one try (a script does not retype)" {
    run --separate-stderr "$INTAKE" --home "$H" --passphrase-fd 3 list 3<<<"wrong"
    expect_status 1
    [ "$stderr" = "intake: wrong passphrase; nothing was changed (a lost passphrase: 'intake --recovery passwd' sets a new one with the recovery key)" ]
}

@test "prompt: Ctrl-C, Ctrl-\\, hang-up and kill leave the terminal with echo on" {
    for how in "send \\x03:signal INT" "send \\x1c:signal QUIT" "signal HUP:signal HUP" "signal TERM:signal TERM"; do
        drive -- list <<EOF
expect Passphrase for
echo off
sleep 0.3
${how%%:*}
wait
EOF
        expect_status 0
        [ "$(last_lines 2)" = "${how#*:}
echo on" ] || { echo "after ${how%%:*}: $output" >&2; return 1; }
    done
}

@test "prompt: Ctrl-Z then fg turns echo off again and asks again" {
    run $DRIVE --shell -- x <<EOF
expect \$ 
send $INTAKE --home $H list\r
expect Passphrase for
echo off
sleep 0.3
send \x1a
expect Stopped
expect \$ 
send fg\r
expect Passphrase for
echo off
send typed-after-fg-canary\r
expect intake: wrong passphrase; try again (2 tries left)
expect Passphrase for
send $PASS\r
expect \$ 
send echo status=\$?\r
expect status=0
send exit\r
EOF
    expect_status 0
    [[ "$output" != *typed-after-fg-canary* ]]
    [[ "$output" != *"$PASS"* ]]
}

@test "prompt: what is typed while a wrong passphrase is checked never shows (adv35f T-1)" {
    # A store at the real interactive cost: the check takes a while, and
    # the person types the next try at once.
    H="$T/slow"
    init_store
    drive -- list <<EOF
expect Passphrase for
send wrong-one\r
sleep 0.02
send typeahead-canary\r
expect intake: wrong passphrase; try again (2 tries left)
expect Passphrase for
echo off
sleep 0.3
send $PASS\r
wait
EOF
    expect_status 0
    [[ "$output" != *typeahead-canary* ]]
    [[ "$output" != *"$PASS"* ]]
    [ "$(last_lines 2)" = "exit 0
echo on" ]
    # Ctrl-C and hang-up while a try is checked: the terminal's echo is back.
    for how in "send \\x03:signal INT" "signal HUP:signal HUP"; do
        drive -- list <<EOF
expect Passphrase for
send wrong-two\r
sleep 0.02
${how%%:*}
wait
EOF
        expect_status 0
        [ "$(last_lines 2)" = "${how#*:}
echo on" ] || { echo "after ${how%%:*}: $output" >&2; return 1; }
    done
}

@test "record at a terminal: unlocked and checked before the body; three tries" {
    # Three wrong passphrases: the body was never asked for.
    drive -- record P1 --title "Week 1" <<EOF
expect Passphrase for
send a\r
expect Passphrase for
send b\r
expect Passphrase for
send c\r
wait
EOF
    [[ "$output" != *"type the testimony"* ]]
    [ "$(last_lines 3)" = "intake: wrong passphrase; nothing was changed (a lost passphrase: 'intake --recovery passwd' sets a new one with the recovery key)
exit 1
echo on" ]
    # A pseudonym no subject has: said before anything is typed.
    drive -- record P9 --title "Week 1" <<EOF
expect Passphrase for
send $PASS\r
wait
EOF
    [[ "$output" != *"type the testimony"* ]]
    [ "$(last_lines 3)" = "intake: no subject with pseudonym 'P9' (see 'intake subject list')
exit 2
echo on" ]
    # A bad option value: said before the passphrase is asked.
    drive -- record P1 --tag $'a\tb' <<EOF
wait
EOF
    [[ "$output" != *"type the testimony"* ]]
    [[ "$output" != *"Passphrase for"* ]]
    [ "$(last_lines 3)" = "intake: a --tag must be 1 to 256 characters of plain text
exit 2
echo on" ]
    # One wrong passphrase, then the right one, then the body.
    drive -- record P1 --title "Week 1" <<EOF
expect Passphrase for
send wrong\r
expect try again (2 tries left)
expect Passphrase for
send $PASS\r
expect intake: type the testimony, then Ctrl-D on a new line
send We left Chongjin in March.\r
send \x04
wait
EOF
    [ "$(last_lines 2)" = "exit 0
echo on" ]
    id=$(printf '%s\n' "$output" | grep -oE '^[0-9a-z]{16}$')
    run ik show "$id"
    expect_status 0
    [[ "$output" == *"We left Chongjin in March."* ]]
}

@test "init at a terminal: passphrases that differ, or a weak one, are asked again" {
    rm -rf "$H"
    drive -- init --kdf interactive <<EOF
expect New passphrase:
send $PASS\r
expect Repeat it:
send $NEWPASS\r
expect intake: the two passphrases differ; try again (2 tries left)
expect New passphrase:
send $WEAKPASS\r
expect try again (1 try left)
expect New passphrase:
send $PASS\r
expect Repeat it:
send $PASS\r
wait
EOF
    [[ "$output" == *"intake: passphrase too weak: about "*" bits of guessing work, 60 needed; use five or more random words; try again (1 try left)"* ]]
    [[ "$output" == *"Created a store in $H"* ]]
    # The weak one was refused before it was asked a second time.
    [ "$(grep -c 'Repeat it' <<<"$output")" -eq 2 ]
    [ "$(last_lines 2)" = "exit 0
echo on" ]
    run ik list
    expect_status 0
}

@test "passphrases: NFC and NFD are the same passphrase" {
    local nfc nfd
    nfc=$(printf 'cr\xc3\xa8me br\xc3\xbbl\xc3\xa9e r\xc3\xa9sum\xc3\xa9 lantern')
    nfd=$(printf 'cre\xcc\x80me bru\xcc\x82le\xcc\x81e re\xcc\x81sume\xcc\x81 lantern')
    [ "$nfc" != "$nfd" ]
    rm -rf "$H"
    run "$INTAKE" --home "$H" --passphrase-fd 3 init --kdf interactive 3<<<"$nfd"
    expect_status 0
    run "$INTAKE" --home "$H" --passphrase-fd 3 list 3<<<"$nfc"
    expect_status 0
    run "$INTAKE" --home "$H" --passphrase-fd 3 list 3<<<"$nfd"
    expect_status 0
    # At a terminal too.
    drive -- list <<EOF
expect Passphrase for
send $nfc\r
wait
EOF
    [ "$(last_lines 2)" = "exit 0
echo on" ]
}

@test "passphrases: a store sealed before NFC opens with either form and is upgraded once" {
    local nfc nfd before after
    nfc=$(printf 'cr\xc3\xa8me br\xc3\xbbl\xc3\xa9e r\xc3\xa9sum\xc3\xa9 lantern')
    nfd=$(printf 'cre\xcc\x80me bru\xcc\x82le\xcc\x81e re\xcc\x81sume\xcc\x81 lantern')
    [ -x "$TOOLS/legacyslot" ] || skip "no legacyslot tool (make builds it)"
    # The slot as intake sealed it before: Argon2id of the NFD bytes as typed.
    run "$TOOLS/legacyslot" "$H" 3<<<"$PASS" 4<<<"$nfd"
    expect_status 0
    before=$(sha256sum <"$H/keyslots")
    run "$INTAKE" --home "$H" --passphrase-fd 3 list 3<<<"$PASS"
    expect_status 1
    [ "$(sha256sum <"$H/keyslots")" = "$before" ]
    # Typed as NFC: the NFC fails, the NFD opens, and the slot is sealed again.
    run "$INTAKE" --home "$H" --passphrase-fd 3 subject list 3<<<"$nfc"
    expect_status 0
    [[ "$output" == P1* ]]
    after=$(sha256sum <"$H/keyslots")
    [ "$after" != "$before" ]
    [ "$(stat -c %a "$H/keyslots")" = 600 ]
    # Now sealed under the NFC: either form opens, and nothing is rewritten.
    run "$INTAKE" --home "$H" --passphrase-fd 3 list 3<<<"$nfd"
    expect_status 0
    run "$INTAKE" --home "$H" --passphrase-fd 3 list 3<<<"$nfc"
    expect_status 0
    [ "$(sha256sum <"$H/keyslots")" = "$after" ]
    # The recovery key still opens it.
    run "$INTAKE" --home "$H" --passphrase-fd 3 --recovery list 3<<<"$RECOVERY"
    expect_status 0
}

@test "card --qr term larger than the terminal: exit 2, says so, suggests --qr png" {
    drive --rows 20 --cols 40 -- card --qr term <<EOF
expect Passphrase for
send $PASS\r
wait
EOF
    [[ "$output" =~ "intake: the QR code needs "[0-9]+" columns and "[0-9]+" lines, and this terminal has 40 and 20: enlarge the window, or use --qr png -o FILE" ]]
    [[ "$output" != *$'\xe2\x96\x88'* ]]
    [ "$(last_lines 2)" = "exit 2
echo on" ]
    # A terminal it fits in draws it.
    drive --rows 60 --cols 120 -- card --qr term <<EOF
expect Passphrase for
send $PASS\r
wait
EOF
    [[ "$output" == *$'\xe2\x96\x88'* ]]
    [ "$(last_lines 2)" = "exit 0
echo on" ]
}

@test "record at a terminal: a save that fails keeps the typed testimony for another try (adv14 F18)" {
    SHIM=$(tools_dir)/powercut.so
    [ -f "$SHIM" ] || skip "no $SHIM (make test-build)"
    # The first fsync under the store fails (as on a full disk or a bad
    # sector): the person is asked, answers y, and the second try saves.
    run $DRIVE -- env LD_PRELOAD="$SHIM" ASAN_OPTIONS=verify_asan_link_order=0 \
        INTAKE_FAULT=fail:sync:1 INTAKE_FAULT_ROOT="$H" INTAKE_FAULT_LOG="$T/fault.log" \
        "$INTAKE" --home "$H" record P1 --title "Week 1" <<EOF
expect Passphrase for
send $PASS\r
expect type the testimony
send We left Chongjin in March.\r
send \x04
expect try to save it again
send y\r
wait
EOF
    grep -q '^fail sync 1' "$T/fault.log"
    [ "$(last_lines 2)" = "exit 0
echo on" ]
    id=$(printf '%s\n' "$output" | grep -oE '^[0-9a-z]{16}$')
    run ik show "$id"
    expect_status 0
    [[ "$output" == *"We left Chongjin in March."* ]]
    # Declined: said, exit 2, nothing saved.
    n=$(ik list | wc -l)
    run $DRIVE -- env LD_PRELOAD="$SHIM" ASAN_OPTIONS=verify_asan_link_order=0 \
        INTAKE_FAULT=fail:sync:1 INTAKE_FAULT_ROOT="$H" \
        "$INTAKE" --home "$H" record P1 --title "Week 2" <<EOF
expect Passphrase for
send $PASS\r
expect type the testimony
send A second week.\r
send \x04
expect try to save it again
send n\r
wait
EOF
    [ "$(last_lines 3)" = "intake: the testimony typed was discarded; nothing was saved
exit 2
echo on" ]
    [ "$(ik list | wc -l)" -eq "$n" ]
}
