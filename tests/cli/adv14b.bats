#!/usr/bin/env bats
# Issue 14's fault cases still open after adv14.bats: the reliability run's
# passwd finding (docs/COVERAGE.md) and the outside tester's F3, F6, F9-F12,
# F15-F17, F20, F21, F23, F24 (/work/briefs/report-adv14.md), each with its
# exact status and one-line message, on the real binary.

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    MOUNTS=()
}

teardown() {
    local m
    for m in "${MOUNTS[@]}"; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null; done
    common_teardown
}

needs_root() {
    [ "$(id -u)" -eq 0 ] || skip "needs root to mount (CI runs as root)"
}

# small_disk MIB: a tmpfs of MIB MiB at $T/disk.
small_disk() {
    mkdir -p "$T/disk"
    mount -t tmpfs -o "size=${1}m" tmpfs "$T/disk" && MOUNTS+=("$T/disk")
}

# opens_with PASSPHRASE: the store opens and its log verifies.
opens_with() {
    "$INTAKE" --home "$H" --passphrase-fd 3 log --verify 3<<<"$1" >/dev/null 2>&1
}

# shim FAULT CMD...: intake on $H under the fault shim (tests/tools/preload/powercut.c).
shim() {
    local fault=$1 so
    shift
    so=$(tools_dir)/powercut.so
    env LD_PRELOAD="$so" ASAN_OPTIONS=verify_asan_link_order=0 INTAKE_FAULT="$fault" \
        INTAKE_FAULT_ROOT="$H" INTAKE_FAULT_LOG="$T/fault.log" \
        "$INTAKE" --home "$H" --passphrase-fd 3 "$@"
}

needs_shim() {
    [ -f "$(tools_dir)/powercut.so" ] || skip "no $(tools_dir)/powercut.so (make test-build)"
}

# ---------------------------------------------------------------- passwd cut twice

# cut_passwd OLD NEW: a passwd from OLD to NEW on $H under a power cut at
# the first call after which OLD and NEW both open the store (passwd's
# keyslot file with both slots, its log entry committed); fails if no cut
# point leaves that state.
cut_passwd() {
    local old=$1 new=$2 n
    rm -rf "$T/before"
    cp -a "$H" "$T/before"
    for n in $(seq 1 60); do
        rm -rf "$H"
        cp -a "$T/before" "$H"
        shim "cut:$n" passwd 3< <(printf '%s\n%s\n' "$old" "$new") >/dev/null 2>&1 || true
        if opens_with "$old" && opens_with "$new"; then
            return 0
        fi
    done
    echo "no cut of passwd $old -> $new left both working" >&2
    return 1
}

@test "passwd cut twice in a row (both passphrases open each time): the next passwd succeeds and only its new passphrase opens" {
    needs_shim
    init_store
    ik subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    P2="copper meadow falcon quartz harbor"
    P3="velvet glacier orchid thunder basin"
    cut_passwd "$PASS" "$NEWPASS"
    cut_passwd "$NEWPASS" "$P2"
    run --separate-stderr ik_pass "$P2"$'\n'"$P3" passwd
    expect_status 0
    [ "$stderr" = "intake: passphrase changed" ]
    opens_with "$P3"
    for p in "$PASS" "$NEWPASS" "$P2"; do
        ! opens_with "$p" || { echo "still opens: $p" >&2; return 1; }
    done
    # The recovery key still opens it, and the data is all there.
    "$INTAKE" --home "$H" --recovery --passphrase-fd 3 subject list 3<<<"$RECOVERY" | grep -q Nari
}

@test "passwd cut twice, the second opened with the first passphrase: the next passwd succeeds" {
    needs_shim
    init_store
    P2="copper meadow falcon quartz harbor"
    P3="velvet glacier orchid thunder basin"
    cut_passwd "$PASS" "$NEWPASS"
    cut_passwd "$PASS" "$P2"
    # The slot the second passwd did not open with is gone: no pile-up.
    ! opens_with "$NEWPASS" || false
    run --separate-stderr ik_pass "$P2"$'\n'"$P3" passwd
    expect_status 0
    [ "$stderr" = "intake: passphrase changed" ]
    opens_with "$P3"
    ! opens_with "$PASS" || false
    ! opens_with "$P2" || false
}

# ---------------------------------------------------------------- F17: open -o killed

@test "F17 open -o killed: its hidden folder of decrypted records goes at the next command of that store, run from anywhere; a live one is spared" {
    W=$T/work
    mkdir -p "$W/away" "$W/elsewhere"
    cd "$W"
    mkstore field
    st field subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    st field consent Nari --export yes --attachments yes --method verbal 2>/dev/null
    ID=$(printf 'She crossed the river at night near the old mill.\n' |
         st field record Nari --title "Crossing" --date 2024-03-15)
    mkstore hq
    introduce field hq
    # A large attachment after the record keeps open busy for a while.
    truncate -s 96M "$W/big"
    printf 'end' >>"$W/big"
    st field attach "$ID" "$W/big" >/dev/null
    st field export --to hq --all --keep-metadata -o "$W/b" >/dev/null 2>&1
    killed=""
    for try in 1 2 3 4 5; do
        rm -rf "$W/away" && mkdir "$W/away"
        (cd "$W/away" && exec "$INTAKE" --home "$T/hq" --passphrase-fd 3 open "$W/b" -o out 3<<<"$PASS" >/dev/null 2>&1) &
        pid=$!
        for i in $(seq 1 3000); do
            ls "$W"/away/.intake-tmp-*/*.json >/dev/null 2>&1 && break
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.01
        done
        # Stopped where it is (its locks held): a live open's folder and
        # note are left alone by another command.
        if kill -STOP "$pid" 2>/dev/null && ls "$W"/away/.intake-tmp-*/*.json >/dev/null 2>&1; then
            (cd "$W/elsewhere" && st hq list >/dev/null)
            ls "$W"/away/.intake-tmp-*/*.json >/dev/null
            kill -9 "$pid"
            wait "$pid" || true
            killed=yes
            break
        fi
        kill -CONT "$pid" 2>/dev/null || true
        wait "$pid" || true
    done
    [ "$killed" = yes ]
    # What the kill left: decrypted testimony, under a hidden name.
    grep -rqs "old mill" "$W"/away/.intake-tmp-*/
    ls "$T"/hq/.intake-tmp-away-* >/dev/null
    # Any command of that store, from another folder, removes it.
    cd "$W/elsewhere"
    run --separate-stderr st hq list
    expect_status 0
    [ -z "$(ls -A "$W/away")" ]
    ! ls "$T"/hq/.intake-tmp-* >/dev/null 2>&1 || false
    ! grep -rqs "old mill" "$W" || false
    # open still works there.
    cd "$W/away"
    run st hq open "$W/b" -o out
    expect_status 0
    grep -rqs "old mill" "$W/away/out"
    [ "$(ls -A "$W/away")" = out ]
}

# ---------------------------------------------------------------- F3: unreadable store files

# as_nobody CMD...: intake on $H as user nobody (the store made nobody's),
# where a file's mode holds for the program (it does not for root).
as_nobody() {
    if [ "$(id -u)" -eq 0 ]; then
        setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$INTAKE" --home "$H" --passphrase-fd 3 "$@" 3<<<"$PASS"
    else
        "$INTAKE" --home "$H" --passphrase-fd 3 "$@" 3<<<"$PASS"
    fi
}

@test "F3 a store file that cannot be read says so with chmod 600; one that cannot be written says that" {
    if [ "$(id -u)" -eq 0 ]; then
        command -v setpriv >/dev/null || skip "no setpriv"
        chmod 711 "$T"
        H=$T/nstore
        init_store
        chown -R nobody:nogroup "$H"
    else
        init_store
    fi
    for f in store.db keyslots; do
        chmod 000 "$H/$f"
        run --separate-stderr as_nobody list
        expect_status 2
        [ "$stderr" = "intake: $H/$f cannot be read (Permission denied); nothing was changed: run 'chmod 600 $H/$f'" ]
        chmod 200 "$H/$f"
        run --separate-stderr as_nobody list
        expect_status 2
        [ "$stderr" = "intake: $H/$f cannot be read (Permission denied); nothing was changed: run 'chmod 600 $H/$f'" ]
        chmod 600 "$H/$f"
    done
    chmod 400 "$H/store.db"
    run --separate-stderr as_nobody list
    expect_status 2
    [[ "$stderr" == "intake: the store in $H cannot be written (Permission denied) while opening it; nothing was changed: "* ]]
    chmod 600 "$H/store.db"
    run --separate-stderr as_nobody list
    expect_status 0
}
