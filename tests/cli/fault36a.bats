#!/usr/bin/env bats
# adv35f F-2, M-2..M-5 (issue 14): two changes of the store's keys at once,
# a command that waited for a rekey, wipe on a read-only store and after a
# killed wipe, open given a backup.  Each case: its exact status and
# one-line message.
#
# The races are made deterministic without sleeps that race: the first
# intake reads its passphrases from a FIFO this test writes, so it stops
# where the test wants it (after it opened the store, before it takes its
# lock); the test waits for that state in /proc, never for a time.
# Background commands run with descriptor 3 (bats's) closed and are
# waited for, else bats waits for them after the test (keys35.bats hung so).

bats_require_minimum_version 1.5.0
load helpers
load faults

ALPHA="first new passphrase alpha 1123"
BETA="second new passphrase beta 5813"
CHANGED="intake: another intake changed the store's keys (a passwd or a rekey) while this one had it open; nothing was changed: run it again with the passphrase that opens the store now"

# bg NAME ARGS...: intake on $H in the background, its passphrase lines
# read from the FIFO $T/NAME.fifo (opened for writing on descriptor 4 by
# feed_open); its pid in $T/NAME.pid, output in $T/NAME.out, status in
# $T/NAME.rc once it ended.
bg() {
    local name=$1
    shift
    mkfifo "$T/$name.fifo"
    (
        "$INTAKE" --home "$H" --passphrase-fd 3 "$@" 3<"$T/$name.fifo" >"$T/$name.out" 2>&1 &
        echo $! >"$T/$name.pid"
        rc=0
        wait $! || rc=$?   # bats runs the test under set -e
        echo "$rc" >"$T/$name.rc"
    ) 3>&- 4>&- &
    BG_PIDS+=($!)
}

# feed_open NAME: opens NAME's FIFO for writing on descriptor 4.
feed_open() { exec 4>"$T/$1.fifo"; }
feed_close() { exec 4>&-; }

# until_true CMD...: CMD every 20 ms until it succeeds (fails after 30 s).
until_true() {
    local i
    for ((i = 0; i < 1500; i++)); do
        "$@" && return 0
        sleep 0.02
    done
    echo "timed out waiting for: $*" >&2
    return 1
}

# has_db NAME: NAME's intake has the database open (it unlocked the store:
# the key derivation and the unwrapping are behind it).
has_db() {
    local pid
    pid=$(cat "$T/$1.pid" 2>/dev/null) || return 1
    ls -l "/proc/$pid/fd" 2>/dev/null | grep -q "/$(basename "$H")/store.db"
}

# sleeping NAME: NAME's intake waits in nanosleep (db_hold's wait for the
# folder's lock: it has read the keyslot file before it, store/open.c).
sleeping() {
    local pid nr
    pid=$(cat "$T/$1.pid" 2>/dev/null) || return 1
    nr=$(cut -d ' ' -f 1 "/proc/$pid/syscall" 2>/dev/null) || return 1
    [ "$nr" = 35 ] || [ "$nr" = 230 ]   # nanosleep, clock_nanosleep (x86_64)
}

# finish NAME: waits until NAME's intake has ended.
finish() {
    until_true test -s "$T/$1.rc" && return 0
    echo "$1: $(cat "$T/$1.out"); in syscall $(cat "/proc/$(cat "$T/$1.pid")/syscall")" >&2
    return 1
}

setup() {
    common_setup
    MOUNTS=()
    BG_PIDS=()
    init_store && cheapen
}

teardown() {
    local p
    exec 4>&- 2>/dev/null || true
    for p in "${BG_PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
    for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
        umount "${MOUNTS[$i]}" 2>/dev/null || umount -l "${MOUNTS[$i]}" 2>/dev/null || true
    done
    common_teardown
}

@test "F-2: a passwd that opened the store before another passwd ended says so, exit 2, and changes nothing" {
    bg a passwd
    feed_open a
    printf '%s\n' "$PASS" >&4
    until_true has_db a
    # Another passwd, start to end, while the first one has the store open.
    run --separate-stderr ik_pass "$PASS"$'\n'"$BETA" passwd
    expect_status 0
    [ "$stderr" = "intake: passphrase changed" ]
    printf '%s\n' "$ALPHA" >&4
    feed_close
    finish a
    [ "$(cat "$T/a.rc")" = 2 ]
    [ "$(cat "$T/a.out")" = "$CHANGED" ]
    # Only the passphrase that was said to be set opens the store.
    opens_with "$BETA"
    run opens_with "$ALPHA"
    [ "$status" -eq 1 ]
    run opens_with "$PASS"
    [ "$status" -eq 1 ]
}

@test "F-2: a rekey waiting for a passwd to close the store refuses once it has changed the keys, exit 2" {
    bg p passwd
    feed_open p
    printf '%s\n' "$PASS" >&4
    until_true has_db p
    # The rekey opens the store too, then waits to have it alone.
    bg r rekey
    exec 5>"$T/r.fifo"
    printf '%s\n%s\n' "$PASS" "$NEWPASS" >&5
    exec 5>&-
    until_true has_db r
    printf '%s\n' "$ALPHA" >&4
    feed_close
    finish p
    [ "$(cat "$T/p.rc")" = 0 ]
    [ "$(cat "$T/p.out")" = "intake: passphrase changed" ]
    finish r
    [ "$(cat "$T/r.rc")" = 2 ]
    [ "$(cat "$T/r.out")" = "$CHANGED" ]
    opens_with "$ALPHA"
    run opens_with "$NEWPASS"
    [ "$status" -eq 1 ]
}

@test "M-2: a command that waited for a rekey says the keys changed while it waited, exit 2, not 'wrong passphrase'" {
    # The rekey has the store alone and waits for its new passphrase.
    bg r rekey
    feed_open r
    printf '%s\n' "$PASS" >&4
    until_true has_db r
    bg l list
    exec 5>"$T/l.fifo"
    printf '%s\n' "$PASS" >&5
    exec 5>&-
    until_true sleeping l
    printf '%s\n' "$NEWPASS" >&4
    feed_close
    finish r
    [ "$(cat "$T/r.rc")" = 0 ]
    finish l
    [ "$(cat "$T/l.rc")" = 2 ]
    [ "$(cat "$T/l.out")" = "intake: the store's keys were changed (a rekey or a passwd) while this intake waited for it; nothing was changed: use the new passphrase (or recovery key)" ]
    opens_with "$NEWPASS"
}

@test "M-2 guard: a wrong passphrase with no change of keys is still 'wrong passphrase', exit 1" {
    run --separate-stderr ik_pass "not the passphrase at all" list
    expect_status 1
    [ "$stderr" = "intake: wrong passphrase; nothing was changed (a lost passphrase: 'intake --recovery passwd' sets a new one with the recovery key)" ]
}

@test "M-4: wipe on a read-only store says nothing was wiped and that it still opens, exit 2" {
    needs_root
    RO=$T/ro
    mkdir "$RO"
    mount --bind "$H" "$RO" && MOUNTS+=("$RO")
    mount -o remount,bind,ro "$RO"
    run --separate-stderr "$INTAKE" --home "$RO" wipe --yes
    expect_status 2
    [ "$stderr" = "intake: cannot overwrite $RO/keyslots: Read-only file system; nothing was wiped: the store still opens with its passphrase" ]
    opens_with "$PASS"
}

@test "M-3: after a wipe killed once the keys are overwritten, the next command says to wipe again, exit 2; wipe finishes it" {
    command -v strace >/dev/null || skip "strace is not installed"
    run strace -f -qq -o /dev/null -e trace=fsync,fdatasync -e inject=fsync,fdatasync:signal=KILL:when=1 \
        "$INTAKE" --home "$H" wipe --yes
    [ "$status" = 137 ]
    [ -f "$H/keyslots" ]
    for cmd in list "card"; do
        run --separate-stderr "$INTAKE" --home "$H" --passphrase-fd 3 $cmd 3<<<"$PASS"
        expect_status 2
        [ "$stderr" = "intake: this store was being wiped when the wipe stopped: its keys are overwritten and nothing in it can be read; run 'intake wipe --yes' again to finish it" ]
    done
    run --separate-stderr "$INTAKE" --home "$H" wipe --yes
    expect_status 0
    [ ! -e "$H" ]
}

@test "M-5: open, import and audit given a backup say it is a backup and how to restore it, exit 2" {
    ik backup -o "$T/x.backup" >/dev/null 2>&1
    for cmd in open import audit; do
        run --separate-stderr ik "$cmd" "$T/x.backup"
        expect_status 2
        [ "$stderr" = "intake: $T/x.backup is an intake backup, not a bundle: restore it into a new folder with 'intake restore $T/x.backup --home NEWDIR'" ]
    done
    # Guard: restore, the command it names, takes the same file.
    run "$INTAKE" --home "$T/restored" --passphrase-fd 3 restore "$T/x.backup" 3<<<"$PASS"
    expect_status 0
}
