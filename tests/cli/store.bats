#!/usr/bin/env bats
# The store and every command through the real binary (issue 2's cases).

bats_require_minimum_version 1.5.0
load helpers

setup() { common_setup; }
teardown() { common_teardown; }

HANGUL_NAME="김민준"
CYR_NAME="Иван Петров"

# add_subject: registers a subject with Hangul and Cyrillic names; sets $P.
add_subject() {
    P=$(ik subject add --name "$HANGUL_NAME" --name "$CYR_NAME" \
        --contact "+82 10 1234 5678" --note "인터뷰 메모 заметка" "$@")
    [ -n "$P" ]
}

# ---------------------------------------------------------------- init

@test "init: creates the store, prints the recovery key once, private modes" {
    run --separate-stderr "$INTAKE" --home "$H" --passphrase-fd 3 init --kdf interactive 3<<<"$PASS"
    expect_status 0
    [ "$(printf '%s\n' "$output" | grep -cE "$RECOVERY_RE")" -eq 1 ]
    [ -f "$H/keyslots" ] && [ -f "$H/store.db" ]
    [ "$(mode_of "$H")" = 700 ]
    [ "$(mode_of "$H/blobs")" = 700 ]
    for f in "$H"/*; do [ -d "$f" ] || [ "$(mode_of "$f")" = 600 ] || { echo "$f $(mode_of "$f")"; false; }; done
    # The recovery key is not written anywhere in the store folder.
    key=$(printf '%s\n' "$output" | grep -oE "$RECOVERY_RE")
    ! grep -ra -- "$key" "$H" "$HOME" "$TMPDIR" || false
}

@test "init: refuses when a store exists there and changes nothing" {
    init_store
    before=$(store_sums)
    run --separate-stderr "$INTAKE" --home "$H" --passphrase-fd 3 init --kdf interactive 3<<<"$NEWPASS"
    expect_status 2
    [[ "$stderr" == *"already exists"* ]]
    [ "$(store_sums)" = "$before" ]
    ik subject list
}

@test "init: refuses a weak passphrase and creates nothing" {
    run --separate-stderr "$INTAKE" --home "$H" --passphrase-fd 3 init --kdf interactive 3<<<"$WEAKPASS"
    expect_status 2
    [[ "$stderr" == *"too weak"* ]]
    [ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
    [ ! -e "$H/keyslots" ] && [ ! -e "$H/store.db" ]
}

@test "init: unknown --kdf is a usage error" {
    run --separate-stderr "$INTAKE" --home "$H" --passphrase-fd 3 init --kdf fast 3<<<"$PASS"
    expect_status 2
    [ ! -e "$H/keyslots" ]
}

@test "init: the default kdf (moderate) creates a store that opens" {
    run "$INTAKE" --home "$H" --passphrase-fd 3 init 3<<<"$PASS"
    expect_status 0
    [[ "$output" =~ $RECOVERY_RE ]]
    run ik subject list
    expect_status 0
    # The passphrase slot carries the moderate cost (docs/FORMAT.md: memlimit
    # little-endian at byte 10+10 of the first slot): 256 MiB.
    mem=$(od -An -j20 -N8 -tu8 "$H/keyslots" | tr -d ' ')
    [ "$mem" -eq 268435456 ]
}

@test "init: the store folder defaults to INTAKE_HOME, then XDG_DATA_HOME, then HOME" {
    INTAKE_HOME=$T/ih run "$INTAKE" --passphrase-fd 3 init --kdf interactive 3<<<"$PASS"
    expect_status 0
    [ -f "$T/ih/keyslots" ]
    XDG_DATA_HOME=$T/xdg run "$INTAKE" --passphrase-fd 3 init --kdf interactive 3<<<"$PASS"
    expect_status 0
    [ -f "$T/xdg/intake/keyslots" ]
    run "$INTAKE" --passphrase-fd 3 init --kdf interactive 3<<<"$PASS"
    expect_status 0
    [ -f "$HOME/.local/share/intake/keyslots" ]
}

@test "init: --label follows the card's rule and --locale must be known; nothing is created" {
    bad_init() { # MESSAGE ARGS...
        local msg=$1
        shift
        run --separate-stderr "$INTAKE" --home "$H" --passphrase-fd 3 init --kdf interactive "$@" 3<<<"$PASS"
        expect_status 2
        [ "$stderr" = "intake: $msg (see 'intake help init')" ] || { echo "$stderr" >&2; return 1; }
        [ -z "$output" ]
        [ ! -e "$H/keyslots" ] && [ ! -e "$H/store.db" ]
    }
    bad_init "card label contains a control or invisible character (U+202E)" --label $'Field \u202elaptop'
    bad_init "card label contains a control or invisible character (U+200B)" --label $'Field\u200blaptop'
    bad_init "card label contains a control or invisible character (U+000A)" --label $'Field\nlaptop'
    bad_init "card label is not valid UTF-8" --label $'Field \xff'
    bad_init "card label is empty" --label ""
    bad_init "card label is 65 bytes long; at most 64 are allowed" --label "$(printf 'x%.0s' $(seq 65))"
    bad_init "unknown locale 'xx'; use ko, mn, en, ru or zh" --locale xx
    bad_init "unknown locale ''; use ko, mn, en, ru or zh" --locale ""
    init_store --label "현장 노트북" --locale ko
    run ik card
    expect_status 0
}

@test "label NEW: changes the card's label, logged; a bad label changes nothing" {
    init_cheap --label "Field laptop"
    HQ=$T/hq
    "$INTAKE" --home "$HQ" --passphrase-fd 3 init --kdf interactive 3<<<"$PASS" >/dev/null
    run --separate-stderr ik label "Min-ji's laptop"
    expect_status 0
    [ "$stderr" = "intake: the label is now 'Min-ji's laptop'; 'intake card' shows it (contacts keep the card they added until they add the new one)" ]
    "$INTAKE" --home "$HQ" --passphrase-fd 3 contact add minji "$(ik card)" 3<<<"$PASS" 2>/dev/null
    run "$INTAKE" --home "$HQ" --passphrase-fd 3 contact show minji 3<<<"$PASS"
    [[ "$output" == *"label: Min-ji's laptop"* ]]
    [[ "$(ik log)" == *" label "* ]]
    before=$(store_sums)
    run --separate-stderr ik label $'bad\u202elabel'
    expect_status 2
    [ "$stderr" = "intake: card label contains a control or invisible character (U+202E) (see 'intake help label')" ]
    run --separate-stderr ik label
    expect_status 2
    [ "$stderr" = "intake: label needs the NEW label (see 'intake help label')" ]
    run --separate-stderr ik label Field laptop
    expect_status 2
    [ "$stderr" = "intake: label takes 1 argument(s), not 2: put quotes around a value with spaces (see 'intake help label')" ]
    [ "$(store_sums)" = "$before" ]
}

# ---------------------------------------------------------------- round trips

@test "subject: add, list, show round trip with Hangul and Cyrillic names" {
    init_cheap
    add_subject
    [ "$(printf '%s\n' "$P" | wc -l)" -eq 1 ]
    run --separate-stderr ik subject list
    expect_status 0
    [[ "$output" == *"$P"* ]]
    [[ "$output" != *"$HANGUL_NAME"* ]] && [[ "$output" != *"Иван"* ]] && [[ "$output" != *"1234"* ]]
    run --separate-stderr ik subject list --reveal
    expect_status 0
    [[ "$output" == *"$HANGUL_NAME"* ]] && [[ "$output" == *"$CYR_NAME"* ]]
    run --separate-stderr ik subject show "$P"
    expect_status 0
    [[ "$output" == *"$P"* ]] && [[ "$output" != *"$HANGUL_NAME"* ]]
    run --separate-stderr ik subject show "$P" --reveal
    expect_status 0
    [[ "$output" == *"$HANGUL_NAME"* ]] && [[ "$output" == *"$CYR_NAME"* ]]
    [[ "$output" == *"+82 10 1234 5678"* ]] && [[ "$output" == *"인터뷰 메모 заметка"* ]]
    run --separate-stderr ik subject show "$P" --reveal --json
    expect_status 0
    printf '%s' "$output" | python3 -c '
import json, sys
d = json.load(sys.stdin)
s = json.dumps(d, ensure_ascii=False)
assert "김민준" in s and "Иван Петров" in s, s'
    run --separate-stderr ik subject list --json
    expect_status 0
    printf '%s' "$output" | python3 -c 'import json, sys; json.load(sys.stdin)'
    [[ "$output" != *"$HANGUL_NAME"* ]]
}

@test "subject: a chosen pseudonym; a pseudonym equal to a real name is refused" {
    init_cheap
    run --separate-stderr ik subject add --name "Олег" --pseudonym "Blue Heron"
    expect_status 0
    [ "$output" = "Blue Heron" ]
    run --separate-stderr ik subject add --name "Someone" --pseudonym "Blue Heron"
    expect_status 2
    run --separate-stderr ik subject add --name "Anna" --pseudonym "Олег"
    expect_status 2
    one_line_stderr
    run --separate-stderr ik subject add --name "박서연" --pseudonym "박서연"
    expect_status 2
}

@test "record, list, search, show round trip with Hangul and Cyrillic" {
    init_cheap
    add_subject
    body=$'첫 줄 증언입니다.\nВторая строка: свидетельство.\nthird line'
    run --separate-stderr ik record "$P" --title "국경 Граница" --date 2023-05-01 \
        --place "Incheon 인천" --lang ko --tag border --tag 노동 <<<"$body"
    expect_status 0
    [[ "$output" =~ ^[0-9a-z]{16}$ ]]
    id1=$output
    printf 'file body: Москва 서울\n' >"$T/body.txt"
    run --separate-stderr ik record "$P" --title "Second" --date 2024-02-29 --file "$T/body.txt" </dev/null
    expect_status 0
    [[ "$output" =~ ^[0-9a-z]{16}$ ]]
    id2=$output
    [ "$id1" != "$id2" ]

    run --separate-stderr ik list
    expect_status 0
    [ "${#lines[@]}" -eq 2 ]
    printf '%s\n' "$output" | grep -qxF "$(printf '%s\t%s\t%s\t%s' "$id1" 2023-05-01 "$P" "국경 Граница")"
    printf '%s\n' "$output" | grep -qxF "$(printf '%s\t%s\t%s\t%s' "$id2" 2024-02-29 "$P" "Second")"
    run --separate-stderr ik list --tag 노동
    expect_status 0
    [ "${#lines[@]}" -eq 1 ] && [[ "$output" == "$id1"$'\t'* ]]
    run --separate-stderr ik list --subject "$P"
    expect_status 0
    [ "${#lines[@]}" -eq 2 ]
    run --separate-stderr ik list --json
    expect_status 0
    printf '%s' "$output" | python3 -c 'import json, sys; json.load(sys.stdin)'

    run --separate-stderr ik search 증언입니다
    expect_status 0
    [ "${#lines[@]}" -eq 1 ] && [[ "$output" == "$id1"$'\t'* ]]
    run --separate-stderr ik search свидетельство
    expect_status 0
    [[ "$output" == "$id1"$'\t'* ]]
    run --separate-stderr ik search Москва
    expect_status 0
    [ "${#lines[@]}" -eq 1 ] && [[ "$output" == "$id2"$'\t'* ]]
    run --separate-stderr ik search nowhere
    expect_status 0
    [ -z "$output" ]
    run --separate-stderr ik search Граница --json
    expect_status 0
    printf '%s' "$output" | python3 -c 'import json, sys; json.load(sys.stdin)'

    run --separate-stderr ik show "$id1"
    expect_status 0
    [[ "$output" == *"첫 줄 증언입니다."* ]] && [[ "$output" == *"Вторая строка: свидетельство."* ]]
    [[ "$output" == *"국경 Граница"* ]] && [[ "$output" == *"Incheon 인천"* ]]
    # show never reveals the real names.
    [[ "$output" != *"$HANGUL_NAME"* ]]
    run --separate-stderr ik show "$id2" --json
    expect_status 0
    printf '%s' "$output" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert "Москва 서울" in json.dumps(d, ensure_ascii=False)'
    # The subject list counts the records.
    run --separate-stderr ik subject list
    [[ "$output" == *"2"* ]]
}

# ---------------------------------------------------------------- failures

@test "wrong passphrase: exit 1, one line, the store unchanged" {
    init_store
    add_subject
    before=$(store_sums)
    for cmd in "subject list" "list" "passwd" "search x" "record"; do
        args=($cmd)
        [ "$cmd" = record ] && args=(record "$P" --title t)
        run --separate-stderr ik_pass "not the passphrase at all"$'\n'"$NEWPASS" "${args[@]}" <<<"body"
        expect_status 1
        [[ "$stderr" == *"wrong passphrase"* ]]
        one_line_stderr
        [ "$(store_sums)" = "$before" ]
    done
    ls -A "$H" | sort | tr '\n' ' ' | grep -qx 'blobs keyslots store.db '
}

@test "store missing: exit 2 with 'no store in'" {
    for cmd in "subject list" "list" "passwd" "show 0123456789abcdef"; do
        run --separate-stderr ik $cmd
        expect_status 2
        [[ "$stderr" == *"no store in"* ]]
        one_line_stderr
    done
    [ ! -e "$H" ] || [ -z "$(ls -A "$H")" ]
}

# expect_damaged: a command on the store fails as damage, never as a wrong
# passphrase.
expect_damaged() {
    run --separate-stderr ik subject list
    expect_status 2
    [[ "$stderr" == *"damaged"* ]] || { echo "no 'damaged' in: $stderr" >&2; return 1; }
    [[ "$stderr" != *"wrong passphrase"* ]]
    one_line_stderr
}

@test "truncated store.db: exit 2, damaged" {
    init_cheap
    add_subject
    size=$(stat -c %s "$H/store.db")
    truncate -s $((size - 1024)) "$H/store.db"
    expect_damaged
    truncate -s 1024 "$H/store.db"
    expect_damaged
    truncate -s 100 "$H/store.db"
    expect_damaged
}

@test "an emptied store.db: exit 2, damaged (not a new empty store)" {
    init_cheap
    add_subject
    : >"$H/store.db"
    expect_damaged
}

@test "corrupted store.db (page 1 and page 2): exit 2, damaged" {
    init_cheap
    add_subject
    cp "$H/store.db" "$T/orig.db"
    for off in 5 300 1041 2000; do
        cp "$T/orig.db" "$H/store.db"
        flip_byte "$H/store.db" "$off"
        expect_damaged
    done
    cp "$T/orig.db" "$H/store.db"
    ik subject list
}

@test "truncated or corrupted keyslots: exit 2, damaged" {
    init_store
    cp "$H/keyslots" "$T/ks"
    size=$(stat -c %s "$H/keyslots")
    truncate -s $((size - 1)) "$H/keyslots"
    expect_damaged
    truncate -s 0 "$H/keyslots"
    run --separate-stderr ik subject list
    expect_status 2
    [[ "$stderr" != *"wrong passphrase"* ]]
    for off in 0 12 40 100 $((size - 1)); do
        cp "$T/ks" "$H/keyslots"
        flip_byte "$H/keyslots" "$off"
        expect_damaged
    done
    cp "$T/ks" "$H/keyslots"
    ik subject list
}

@test "another store's database behind these keyslots: exit 2, never wrong passphrase" {
    init_store
    H2=$T/store2
    "$INTAKE" --home "$H2" --passphrase-fd 3 init --kdf interactive 3<<<"$PASS" >/dev/null
    cp "$H2/store.db" "$H/store.db"
    run --separate-stderr ik subject list
    expect_status 2
    [[ "$stderr" != *"wrong passphrase"* ]]
}

# ---------------------------------------------------------------- passwd

@test "passwd: the old passphrase fails, the new one works" {
    init_store
    add_subject
    run --separate-stderr ik_pass "$PASS"$'\n'"$NEWPASS" passwd
    expect_status 0
    run --separate-stderr ik subject list
    expect_status 1
    [[ "$stderr" == *"wrong passphrase"* ]]
    run --separate-stderr ik_pass "$NEWPASS" subject list
    expect_status 0
    [[ "$output" == *"$P"* ]]
    [ "$(mode_of "$H/keyslots")" = 600 ]
    [ -z "$(ls -A "$H" | grep -vxE 'blobs|keyslots|store\.db(-wal|-shm)?')" ]
}

@test "passwd: a weak new passphrase is refused and the old one still works" {
    init_store
    before=$(store_sums)
    run --separate-stderr ik_pass "$PASS"$'\n'"$WEAKPASS" passwd
    expect_status 2
    [[ "$stderr" == *"too weak"* ]]
    [ "$(store_sums)" = "$before" ]
    ik subject list
}

@test "recovery key: --recovery passwd sets a new passphrase" {
    init_store
    add_subject
    run --separate-stderr ik_pass "$RECOVERY"$'\n'"$NEWPASS" --recovery passwd
    expect_status 0
    run ik subject list
    expect_status 1
    run --separate-stderr ik_pass "$NEWPASS" subject list
    expect_status 0
    [[ "$output" == *"$P"* ]]
    # Lowercase, without dashes, still works; the recovery key keeps working.
    lower=$(printf '%s' "$RECOVERY" | tr 'A-Z' 'a-z' | tr -d '-')
    run --separate-stderr ik_pass "$lower"$'\n'"$PASS" --recovery passwd
    expect_status 0
    ik subject list
}

@test "recovery key: a wrong one is exit 1, a malformed one exit 2, store unchanged" {
    init_store
    before=$(store_sums)
    first=${RECOVERY:0:1}
    if [ "$first" = 0 ]; then other=1; else other=0; fi
    wrong=$other${RECOVERY:1}
    run --separate-stderr ik_pass "$wrong"$'\n'"$NEWPASS" --recovery passwd
    expect_status 1
    one_line_stderr
    run --separate-stderr ik_pass "not-a-key"$'\n'"$NEWPASS" --recovery passwd
    expect_status 2
    one_line_stderr
    [ "$(store_sums)" = "$before" ]
}

# ---------------------------------------------------------------- rekey

@test "rekey: a new key, a new recovery key shown once; old keyslot copies and the old recovery key open nothing" {
    init_store
    add_subject
    id=$(ik record "$P" --title "국경" <<<"첫 줄 증언입니다.")
    printf 'voice' >"$T/memo.ogg"
    ik attach "$id" "$T/memo.ogg" >/dev/null
    cp "$H/keyslots" "$T/old-keyslots"
    old_recovery=$RECOVERY
    run --separate-stderr ik_pass "$PASS"$'\n'"$NEWPASS" rekey
    expect_status 0
    [ "$(printf '%s\n' "$output" | grep -cE "$RECOVERY_RE")" -eq 1 ]
    new_recovery=$(printf '%s\n' "$output" | grep -oE "$RECOVERY_RE")
    [ "$new_recovery" != "$old_recovery" ]
    [ "$stderr" = "intake: the store was re-encrypted under a new key; the old recovery key and old copies of the keyslot file open it no more" ]
    [ -z "$(ls -A "$H" | grep -vxE 'blobs|keyslots|store\.db')" ]
    # The new passphrase and the new recovery key open it, with everything in it.
    run ik_pass "$NEWPASS" show "$id"
    expect_status 0
    [[ "$output" == *"첫 줄 증언입니다."* && "$output" == *"attachment: memo.ogg"* ]]
    run ik_pass "$NEWPASS" log --verify
    expect_status 0
    [[ "$(ik_pass "$NEWPASS" log)" == *" rekey "* ]]
    run ik_pass "$new_recovery"$'\n'"$PASS" --recovery passwd
    expect_status 0
    # The old recovery key, and the old passphrase with a copy of the old
    # keyslot file, open nothing.
    run --separate-stderr ik_pass "$old_recovery"$'\n'"$NEWPASS" --recovery passwd
    expect_status 1
    [ "$stderr" = "intake: the recovery key does not open this store; check it and try again" ]
    cp "$H/keyslots" "$T/new-keyslots"
    cp "$T/old-keyslots" "$H/keyslots"
    run --separate-stderr ik list
    expect_status 2
    [ "$stderr" = "intake: the database in $H is damaged or does not match its keyslot file; restore it from a backup" ]
    cp "$T/new-keyslots" "$H/keyslots"
    ik list >/dev/null
}

@test "rekey twice: each rekey is logged, once (the second was not: found by the reliability suite)" {
    init_store
    ik_pass "$PASS"$'\n'"$NEWPASS" rekey >/dev/null 2>&1
    ik_pass "$NEWPASS"$'\n'"$PASS" rekey >/dev/null 2>&1
    run ik log
    expect_status 0
    [ "$(printf '%s\n' "$output" | grep -cE ' rekey +master-key [0-9a-f]{16}$')" -eq 2 ]
    [ "$(printf '%s\n' "$output" | grep ' rekey ' | awk '{print $NF}' | sort -u | wc -l)" -eq 2 ]
    ik log --verify >/dev/null
}

@test "rekey: --recovery unlocks; a weak new passphrase changes nothing; usage" {
    init_store
    add_subject
    before=$(store_sums)
    run --separate-stderr ik_pass "$PASS"$'\n'"$WEAKPASS" rekey
    expect_status 2
    [[ "$stderr" == *"too weak"* ]]
    [ -z "$output" ]
    [ "$(store_sums)" = "$before" ]
    run --separate-stderr ik_pass "$RECOVERY"$'\n'"$NEWPASS" --recovery rekey
    expect_status 0
    run ik_pass "$NEWPASS" subject list
    expect_status 0
    [[ "$output" == *"$P"* ]]
    run --separate-stderr ik rekey now
    expect_status 2
    [ "$stderr" = "intake: rekey takes no arguments (see 'intake help rekey')" ]
}

@test "rekey: progress on a terminal" {
    command -v script >/dev/null || skip "script (util-linux) is not installed"
    init_store
    add_subject
    head -c 3000000 /dev/urandom >"$T/blob"
    ik attach "$(ik record "$P" --title t <<<"body")" "$T/blob" >/dev/null
    printf '%s\n%s\n' "$PASS" "$NEWPASS" >"$T/secrets"
    script -qec "'$INTAKE' --home '$H' --passphrase-fd 3 rekey 3<'$T/secrets' >/dev/null" /dev/null >"$T/tty"
    grep -q 're-encrypting the store: 100%' "$T/tty"
    rm "$T/secrets"
    ik_pass "$NEWPASS" list >/dev/null
    # Not on a terminal: no progress.
    run --separate-stderr ik_pass "$NEWPASS"$'\n'"$PASS" rekey
    expect_status 0
    [[ "$stderr" != *"re-encrypting"* ]]
}

# ---------------------------------------------------------------- modes

@test "modes: folder 0700, files 0600, also after writes" {
    init_store
    add_subject
    ik record "$P" --title t <<<"body" >/dev/null
    [ "$(mode_of "$H")" = 700 ]
    [ "$(mode_of "$H/blobs")" = 700 ]
    for f in "$H"/* "$H"/blobs/*; do
        [ -e "$f" ] || continue     # blobs/ is empty: the pattern stays
        [ -d "$f" ] || [ "$(mode_of "$f")" = 600 ] || { echo "$f has $(mode_of "$f")" >&2; false; }
    done
}

@test "a store readable by others is refused (folder 755, file 644)" {
    init_store
    chmod 755 "$H"
    run --separate-stderr ik subject list
    expect_status 2
    [[ "$stderr" == *"can be read by others"* ]]
    one_line_stderr
    chmod 700 "$H"
    chmod 644 "$H/store.db"
    run --separate-stderr ik subject list
    expect_status 2
    [[ "$stderr" == *"can be read by others"* ]]
    chmod 600 "$H/store.db"
    chmod 640 "$H/keyslots"
    run --separate-stderr ik subject list
    expect_status 2
    chmod 600 "$H/keyslots"
    ik subject list
}

# ---------------------------------------------------------------- usage

# usage_error ARGS...: exit 2 and exactly one line on stderr, nothing on stdout.
usage_error() {
    run --separate-stderr ik "$@" </dev/null
    expect_status 2
    one_line_stderr
    [ -z "$output" ] || { echo "stdout: $output" >&2; return 1; }
}

@test "usage errors: exit 2 and one line" {
    init_cheap
    add_subject
    id=$(ik record "$P" --title t <<<"body")
    usage_error frobnicate
    usage_error list --bogus
    usage_error subject frob
    usage_error subject add
    usage_error subject add --name
    usage_error record
    usage_error record "$P" --date
    usage_error record "$P" --date 2023-02-30
    usage_error record "$P" --date 2023-13-01
    usage_error record "$P" --date 23-01-01
    usage_error record "$P" --file "$T/missing.txt"
    usage_error record "no such pseudonym" --title t
    usage_error subject show "no such pseudonym"
    usage_error show
    usage_error show zzzzzzzzzzzzzzzz
    usage_error show "${id}x"
    usage_error search
    usage_error help frobnicate
    run --separate-stderr "$INTAKE" --bogus
    expect_status 2
    one_line_stderr
    run --separate-stderr "$INTAKE" --home
    expect_status 2
    run --separate-stderr "$INTAKE" --passphrase-fd x list
    expect_status 2
    one_line_stderr
    # Nothing was recorded by any of them.
    [ "$(ik list | wc -l)" -eq 1 ]
}

@test "no command: the overview on stderr, exit 2" {
    run --separate-stderr "$INTAKE"
    expect_status 2
    [[ "$stderr" == *"usage:"* ]]
}

@test "--help, --version, help COMMAND" {
    run --separate-stderr "$INTAKE" --version
    expect_status 0
    [[ "$output" =~ ^intake\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
    run --separate-stderr "$INTAKE" --help
    expect_status 0
    for c in init passwd subject record list search show help; do
        [[ "$output" == *"$c"* ]]
    done
    run --separate-stderr "$INTAKE" help
    expect_status 0
    for c in init passwd subject record list search show help; do
        run --separate-stderr "$INTAKE" help "$c"
        expect_status 0
        [[ "$output" == "usage: intake"* ]]
        [ -z "$stderr" ]
    done
    # --help after a command needs no store and no passphrase.
    for c in init passwd record list search show; do
        run --separate-stderr "$INTAKE" --home "$H" "$c" --help </dev/null
        expect_status 0
        [[ "$output" == *"usage: intake"* ]]
    done
    run --separate-stderr "$INTAKE" --home "$H" subject add --help </dev/null
    expect_status 0
    [ ! -e "$H/keyslots" ]
}

@test "the man page SYNOPSIS is the usage lines of 'intake help CMD'" {
    man=$ROOT/docs/intake.1
    [ -f "$man" ] || skip "docs/intake.1 is not written yet"
    # The SYNOPSIS section, roff removed.
    synopsis=$(awk '/^\.SH/ { on = ($2 == "SYNOPSIS") ; next } on' "$man" |
        grep -v '^\.' |
        sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/\\(em/—/g' -e 's/\\&//g' -e 's/[[:space:]]*$//' |
        grep -v '^$' | sort)
    # Every command the binary lists, so a new one cannot be left out.
    commands=$("$INTAKE" help | awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }')
    [ "$(printf '%s\n' "$commands" | wc -l)" -ge 8 ]
    usage=$(for c in $commands; do
        "$INTAKE" help "$c" | sed "/^$/q"   # the usage lines; the explanation follows a blank line
    done | sed -e 's/^usage: //' -e 's/[[:space:]]*$//' | grep -v '^$' | sort)
    diff <(printf '%s\n' "$synopsis") <(printf '%s\n' "$usage")
}

@test "no terminal and no --passphrase-fd: exit 2 naming --passphrase-fd" {
    init_cheap
    run --separate-stderr setsid -w "$INTAKE" --home "$H" subject list </dev/null
    expect_status 2
    [[ "$stderr" == *"--passphrase-fd"* ]]
    one_line_stderr
    run --separate-stderr setsid -w "$INTAKE" --home "$T/new" init --kdf interactive </dev/null
    expect_status 2
    [[ "$stderr" == *"--passphrase-fd"* ]]
    [ ! -e "$T/new/keyslots" ]
}

@test "--passphrase-fd with no line to read: exit 2, not a wrong passphrase" {
    init_cheap
    run --separate-stderr "$INTAKE" --home "$H" --passphrase-fd 3 subject list 3</dev/null
    expect_status 2
    [[ "$stderr" != *"wrong passphrase"* ]]
}
