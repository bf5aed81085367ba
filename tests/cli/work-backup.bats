#!/usr/bin/env bats
# Continued from work.bats (issue 15): backup, restore, wipe and search,
# each refusal with its exact status and one-line message.

bats_require_minimum_version 1.5.0
load helpers
load work

# ---- backup, restore ----

@test "backup and restore: read back, opens only with the same secrets, never over a store" {
    field
    H=$T/field
    run --separate-stderr st field backup -o "$W/b1"
    expect_status 0
    [ "$output" = "$W/b1" ]
    [[ "$stderr" == "intake: backup written and read back ($(stat -c %s "$W/b1") bytes, checksum "*"); it opens with this store's passphrase or recovery key as they are now" ]]
    [ "$(mode_of "$W/b1")" = 600 ]
    run --separate-stderr st field log
    [[ "$output" == *" backup "* ]]
    # Restored with the passphrase: the same records, a log that verifies.
    run --separate-stderr "$INTAKE" --passphrase-fd 3 restore "$W/b1" --home "$T/r1" 3<<<"$PASS"
    expect_status 0
    [ "$output" = "Restored a store in $T/r1" ]
    [ "$(st r1 list)" = "$(st field list)" ]
    run --separate-stderr st r1 log --verify
    expect_status 0
    [[ "$(st r1 log)" == *" restore "* ]]
}

@test "backup and restore: refusals, each one line" {
    field
    H=$T/field
    st field backup -o "$W/b1" 2>/dev/null
    refused 2 "backup needs -o FILE, a new file (see 'intake help backup')" backup
    refused 2 "$W/b1 exists; a backup never replaces a file: choose a new name" backup -o "$W/b1"
    refused 2 "a backup cannot go into the store folder $T/field (it would be lost with it); write it elsewhere, best on another disk" backup -o "$T/field/b"
    refused 2 "cannot write /nonexistent-dir/b: No such file or directory" backup -o /nonexistent-dir/b
    refused 2 "unexpected argument 'extra' (see 'intake help backup')" backup -o "$W/b2" extra
    # restore
    r() { run --separate-stderr "$INTAKE" --passphrase-fd 3 restore "$@" 3<<<"$PASS"; }
    r "$W/b1" --home "$T/hq"
    expect_status 2
    [ "$stderr" = "intake: a store already exists in $T/hq; restore never replaces one: choose another folder with --home" ]
    r --home "$T/r1"
    expect_status 2
    [ "$stderr" = "intake: restore needs one backup FILE (see 'intake help restore')" ]
    r "$W/nosuch" --home "$T/r1"
    expect_status 2
    [ "$stderr" = "intake: cannot open backup $W/nosuch: No such file or directory" ]
    echo hello >"$W/txt"
    r "$W/txt" --home "$T/r1"
    expect_status 2
    [ "$stderr" = "intake: $W/txt is not an intake backup" ]
    head -c 1000 "$W/b1" >"$W/cut"
    r "$W/cut" --home "$T/r1"
    expect_status 2
    [ "$stderr" = "intake: $W/cut is not a whole intake backup (it is cut short)" ]
    cp "$W/b1" "$W/flip"
    flip_byte "$W/flip" 50000
    r "$W/flip" --home "$T/r1"
    expect_status 2
    [ "$stderr" = "intake: $W/flip is not a whole intake backup (its checksum does not match: it was damaged or changed)" ]
    cat "$W/b1" "$W/txt" >"$W/long"
    r "$W/long" --home "$T/r1"
    expect_status 2
    [[ "$stderr" == "intake: $W/long is not a whole intake backup ("* ]]
    run --separate-stderr "$INTAKE" --passphrase-fd 3 restore "$W/b1" --home "$T/r1" 3<<<"$NEWPASS"
    expect_status 1
    [ "$stderr" = "intake: the passphrase does not open this backup" ]
    run --separate-stderr "$INTAKE" --recovery --passphrase-fd 3 restore "$W/b1" --home "$T/r1" \
        3<<<"AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"
    expect_status 1
    [ "$stderr" = "intake: the recovery key does not open this backup" ]
    # No refusal left a folder behind.
    [ ! -e "$T/r1" ]
    run --separate-stderr "$INTAKE" --home "$T/a" --passphrase-fd 3 restore "$W/b1" --home "$T/b" 3<<<"$PASS"
    expect_status 2
    [ "$stderr" = "intake: two different --home folders (see 'intake help restore')" ]
}

@test "backup: a backup made before a passwd opens with the old passphrase only" {
    init_store
    ik subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    ik backup -o "$W/b" 2>/dev/null
    ik_pass "$PASS"$'\n'"$NEWPASS"$'\n'"$NEWPASS" passwd >/dev/null 2>&1
    run --separate-stderr "$INTAKE" --passphrase-fd 3 restore "$W/b" --home "$T/r" 3<<<"$NEWPASS"
    expect_status 1
    run --separate-stderr "$INTAKE" --passphrase-fd 3 restore "$W/b" --home "$T/r" 3<<<"$PASS"
    expect_status 0
    run --separate-stderr "$INTAKE" --recovery --passphrase-fd 3 restore "$W/b" --home "$T/r2" 3<<<"$RECOVERY"
    expect_status 0
    [ "$("$INTAKE" --home "$T/r2" --passphrase-fd 3 subject list 3<<<"$PASS" | cut -f1)" = Nari ]
}

# ---- wipe ----

@test "wipe: --yes off a terminal; keyslots gone, the folder removed; other files kept" {
    init_store
    ik subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    refused 2 "wipe makes the store in $H unreadable for good; add --yes when not at a terminal (see 'intake help wipe')" wipe
    refused 2 "wipe takes no arguments (see 'intake help wipe')" wipe --yes extra
    run --separate-stderr "$INTAKE" --home "$H" wipe --yes
    expect_status 0
    [[ "$stderr" == "intake: wiped the store in $H: 1 keyslot file overwritten, "*" removed, the folder too" ]]
    [ ! -e "$H" ]
    run --separate-stderr "$INTAKE" --home "$H" wipe --yes
    expect_status 2
    [ "$stderr" = "intake: no store in $H; nothing was wiped" ]
    mkdir -p "$T/empty"
    run --separate-stderr "$INTAKE" --home "$T/empty" wipe --yes
    expect_status 2
    [ "$stderr" = "intake: no store in $T/empty; nothing was wiped" ]
    # A file of the user's own beside the store stays, and so does the folder.
    init_store
    echo mine >"$H/notes.txt"
    run --separate-stderr "$INTAKE" --home "$H" wipe --yes
    expect_status 0
    [ "$(ls -A "$H")" = notes.txt ]
}

@test "wipe: the keyslot file is overwritten and synced before any file is removed (strace)" {
    init_store
    command -v strace >/dev/null || skip "strace is not installed"
    strace -o /dev/null true || skip "strace cannot trace here (ptrace not permitted)"
    # LeakSanitizer cannot work under ptrace (the sanitizer build).
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -e trace=openat,write,fsync,fdatasync,unlink,unlinkat -o "$T/wipe.log" \
        "$INTAKE" --home "$H" wipe --yes 2>/dev/null
    first_unlink=$(grep -n 'unlink' "$T/wipe.log" | head -n 1 | cut -d: -f1)
    ks_open=$(grep -n "\"$H/keyslots\"" "$T/wipe.log" | head -n 1 | cut -d: -f1)
    sync_line=$(grep -nE 'f(data)?sync' "$T/wipe.log" | head -n 1 | cut -d: -f1)
    [ -n "$ks_open" ] && [ -n "$sync_line" ] && [ -n "$first_unlink" ]
    [ "$ks_open" -lt "$sync_line" ] && [ "$sync_line" -lt "$first_unlink" ]
    grep "\"$H/keyslots\"" "$T/wipe.log" | head -n 1 | grep -qE 'O_(WRONLY|RDWR)'
}

# ---- search ----

@test "search: words as typed (hyphens, phone numbers, Korean particles, tags, places, phrases)" {
    init_store
    P=$(ik subject add --name "Kim Jong-su")
    id1=$(printf '김종수는 Jong-su 와 함께 왔다. 종수의 전화 010-1234-5678.\n' |
          ik record "$P" --title "first" --place Vladivostok --tag logging)
    id2=$(printf 'Another day, another river.\n' | ik record "$P" --title second --tag 노동)
    finds() {
        run --separate-stderr ik search "$@"
        expect_status 0
        [ "${#lines[@]}" -eq 1 ] && [[ "$output" == "$id1"$'\t'* ]] ||
            { echo "search $* gave: $output / $stderr" >&2; return 1; }
    }
    finds Jong-su
    finds jongsu
    finds 종수
    finds 김종수
    finds 종수의
    finds 01012345678
    finds 010-1234-5678
    finds "+82 10 1234 5678"
    finds logging
    finds vladivostok
    finds '"Jong-su 와"'
    finds Jong-su 종수
    run --separate-stderr ik search 노동
    [[ "$output" == "$id2"$'\t'* ]]
    run --separate-stderr ik search '"river another"'
    expect_status 0
    [ -z "$output" ]
    run --separate-stderr ik search nowhere
    expect_status 0
    [ -z "$output" ]
    # --raw: FTS4 as it is written ('-' is NOT there).
    run --separate-stderr ik search --raw 'Jong*'
    [[ "$output" == "$id1"$'\t'* ]]
    run --separate-stderr ik search --raw 'river -another'
    [ -z "$output" ]
    refused 2 "there is no word to search for (letters or digits)" search '* "" -'
    refused 2 "unknown option '-J' (a word that starts with '-' goes after --) (see 'intake help search')" search -Jong
    run --separate-stderr ik search -- -Jong-su
    [[ "$output" == "$id1"$'\t'* ]]
    refused 2 "the index cannot read this query as FTS4 syntax; without --raw, words are searched as they are typed" search --raw '"x'
    refused 2 "search needs the words to look for (see 'intake help search')" search
}
