#!/usr/bin/env bats
# The outside tester's fault findings of issue 14 (/work/briefs/report-adv14.md,
# F-numbers): each reproduction with its exact status and one-line message.
# Mounting needs root (CI runs as root).

bats_require_minimum_version 1.5.0
load helpers
load faults

# ---------------------------------------------------------------- F13, F22: passwd

# passwd_outcome: after a passwd on $H that exited $status with $stderr,
# the state is the one the message names: exit 0 and only the new
# passphrase opens, with the change logged; or exit 2, "the old one still
# opens" (or "nothing was changed" before passwd began), only the old one
# opens and nothing is logged; or exit 2, "only it
# opens", only the new one opens and the change is logged; or exit 2,
# "both open", both do and the change is logged.
passwd_outcome() {
    local log
    case "$status:$stderr" in
    "0:intake: passphrase changed")
        ! opens_with "$PASS" && opens_with "$NEWPASS" || return 1
        log=$(ik_pass "$NEWPASS" log) ;;
    "2:intake: the new passphrase is set and logged, and only it opens the store; "*)
        ! opens_with "$PASS" && opens_with "$NEWPASS" || return 1
        log=$(ik_pass "$NEWPASS" log) ;;
    "2:intake: the new passphrase is set and logged, but the old one could not be removed "*"both open the store until you run 'intake passwd' again")
        opens_with "$PASS" && opens_with "$NEWPASS" || return 1
        log=$(ik_pass "$NEWPASS" log) ;;
    "2:"*"; the passphrase was not changed: the old one still opens the store")
        opens_with "$PASS" && ! opens_with "$NEWPASS" || return 1
        log=$(ik log)
        [[ "$log" != *passwd* ]] || return 1
        return 0 ;;
    "2:intake: "*"; nothing was changed"*)
        opens_with "$PASS" && ! opens_with "$NEWPASS" || return 1
        [[ "$(ik log)" != *passwd* ]] || return 1
        return 0 ;;
    *)
        echo "unexpected: $status: $stderr" >&2
        return 1 ;;
    esac
    [[ "$log" == *passwd* ]]
}

@test "F13 passwd on a nearly full disk: a failure leaves only the old passphrase, nothing logged; a success only the new one, logged" {
    needs_root
    small_disk 6
    init_store && cheapen
    ik subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    orig=$H
    H=$T/disk/w
    # The tester saw both passphrases open with 40 and 48 KiB left.
    seen=""
    for left in 8 16 24 32 40 44 48 52 56 64 80; do
        rm -rf "$H" "$T/disk/fill"
        cp -a "$orig" "$H"
        avail=$(df -k --output=avail "$T/disk" | tail -n 1)
        head -c $(((avail - left) * 1024)) /dev/zero >"$T/disk/fill" 2>/dev/null || true
        run --separate-stderr ik_pass "$PASS"$'\n'"$NEWPASS" passwd
        rm -f "$T/disk/fill"
        [ -z "$output" ]
        passwd_outcome
        [ "$(ls -A "$H" | tr '\n' ' ')" = "blobs keyslots store.db " ]
        [[ "$stderr" != *"disk holding $H is full"* ]] || seen=commit
    done
    # The case of the finding (the commit itself found the disk full) was met.
    [ "$seen" = commit ]
}

@test "F13 passwd: ENOSPC or EIO at each write, sync and name leaves exactly the state the message names" {
    needs_shim
    init_store && cheapen
    ik subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    cp -a "$H" "$T/orig"
    for err in 28 5; do
        for class in write sync name; do
            for n in $(cut_points 14); do
                rm -rf "$H"
                cp -a "$T/orig" "$H"
                run --separate-stderr shim "fail:$class:$n:$err" passwd 3< <(printf '%s\n%s\n' "$PASS" "$NEWPASS")
                passwd_outcome || { echo "fail:$class:$n:$err" >&2; return 1; }
            done
        done
    done
}

@test "F22 passwd whose last folder sync fails: says only the new passphrase opens, and only it does" {
    needs_shim
    init_store && cheapen
    cp -a "$H" "$T/orig"
    # The folder's sync after the new file is renamed (the 7th sync today).
    for n in $(seq 1 12); do
        rm -rf "$H"
        cp -a "$T/orig" "$H"
        : >"$T/fault.log"
        run --separate-stderr shim "fail:sync:$n" passwd 3< <(printf '%s\n%s\n' "$PASS" "$NEWPASS")
        [[ "$stderr" != *"only it opens"* ]] || break
    done
    grep -q "^fail sync $n fsync $H\$" "$T/fault.log"
    expect_status 2
    [ "$stderr" = "intake: the new passphrase is set and logged, and only it opens the store; but the folder could not be synced (cannot sync folder $H: Input/output error: the new $H/keyslots is in place but may not survive a power cut), so after a power cut the old one may open it again: run 'intake passwd' again once the disk is fine" ]
    ! opens_with "$PASS" || false
    opens_with "$NEWPASS"
}

# ---------------------------------------------------------------- F19, F4, F5: store folder states

@test "F19 a store missing its keyslot file: every command and init say so, and init keeps the database" {
    init_store
    ik subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    rm "$H/keyslots"
    sums=$(store_sums)
    msg="intake: $H holds a database but its keyslot file is missing: copy the keyslot file back from where the store came from, or restore a backup; do not run 'intake init' here"
    for cmd in list "subject list" "log --verify" "init --kdf interactive"; do
        run --separate-stderr "$INTAKE" --home "$H" --passphrase-fd 3 $cmd 3<<<"$PASS"
        expect_status 2
        [ "$stderr" = "$msg" ]
        [ -z "$output" ]
    done
    [ "$(store_sums)" = "$sums" ]
}

@test "F4 a plain file as --home: every command says it is not a folder, as init does" {
    echo x >"$T/fstore"
    for cmd in list "record Nari --title t" "init --kdf interactive"; do
        run --separate-stderr "$INTAKE" --home "$T/fstore" --passphrase-fd 3 $cmd 3<<<"$PASS" </dev/null
        expect_status 2
        [ "$stderr" = "intake: $T/fstore is not a folder" ]
    done
    [ "$(cat "$T/fstore")" = x ]
}

@test "F5 a store file that is a symbolic link is called one, and refused" {
    init_store
    mv "$H/keyslots" "$T/ks.bak"
    ln -s "$T/ks.bak" "$H/keyslots"
    run --separate-stderr ik list
    expect_status 2
    [ "$stderr" = "intake: $H/keyslots is a symbolic link; intake does not follow links inside a store: put the file itself there" ]
    rm "$H/keyslots"
    mv "$T/ks.bak" "$H/keyslots"
    mv "$H/store.db" "$T/db.bak"
    ln -s "$T/db.bak" "$H/store.db"
    run --separate-stderr ik list
    expect_status 2
    [ "$stderr" = "intake: $H/store.db is a symbolic link; intake does not follow links inside a store: put the file itself there" ]
}

# ---------------------------------------------------------------- F14: hidden marks

@test "F14 bidi controls and invisible marks are refused in pseudonyms, names, terms, contact names, titles and tags" {
    init_store && cheapen
    ik subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    hq=$T/hq
    "$INTAKE" --home "$hq" --passphrase-fd 3 init --kdf interactive 3<<<"$PASS" >/dev/null
    card=$("$INTAKE" --home "$hq" --passphrase-fd 3 card 3<<<"$PASS")
    sums=$(store_sums)
    for mark in '\u202e' '\u200b' '\u2066' '\u200f' '\ufeff' '\u061c'; do
        m=$(printf "$mark")
        hex=$(printf '%04X' "'$m")
        run --separate-stderr ik subject rename Nari "Bad${m}name"
        expect_status 2
        [ "$stderr" = "intake: the new pseudonym must be 1 to 64 characters of plain text" ]
        run --separate-stderr ik subject add --name "Kim${m}"
        expect_status 2
        [ "$stderr" = "intake: a --name contains an invisible or direction-changing character (U+$hex); type it without" ]
        run --separate-stderr ik term add "place:Ho${m}ryong"
        expect_status 2
        [ "$stderr" = "intake: the term contains an invisible or direction-changing character (U+$hex); type it without" ]
        run --separate-stderr ik contact add "h${m}q" "$card"
        expect_status 2
        [ "$stderr" = "intake: a contact NAME must be 1 to 64 characters of plain text" ]
        run --separate-stderr ik record Nari --title "a${m}b" <<<"body"
        expect_status 2
        [ "$stderr" = "intake: --title contains an invisible or direction-changing character (U+$hex); type it without" ]
        run --separate-stderr ik record Nari --title t --tag "a${m}b" <<<"body"
        expect_status 2
        [ "$stderr" = "intake: a --tag must be 1 to 256 characters of plain text" ]
        run --separate-stderr ik label "a${m}b"
        expect_status 2
        [ "$stderr" = "intake: card label contains a control or invisible character (U+$hex) (see 'intake help label')" ]
    done
    [ "$(store_sums | grep -v 'store\.db-')" = "$(printf '%s\n' "$sums" | grep -v 'store\.db-')" ]
    # Testimony keeps them: a body may quote right-to-left text.
    ik record Nari --title t <<<"$(printf 'quote \u200f end')" >/dev/null
}

# ---------------------------------------------------------------- F8: the same card again

@test "F8 adding the same card again (any white space around it) says it is already that contact, exit 2, no alarm" {
    init_store
    hq=$T/hq
    "$INTAKE" --home "$hq" --passphrase-fd 3 init --kdf interactive 3<<<"$PASS" >/dev/null
    card=$("$INTAKE" --home "$hq" --passphrase-fd 3 card 3<<<"$PASS")
    ik contact add c1 "$card" >/dev/null 2>&1
    fp=$(ik contact list | awk -F '\t' '$1 == "c1" { print $0 }' | grep -oE '[0-9A-Z]{4}(-[0-9A-Z]{4}){4}' | head -n 1)
    sums=$(store_sums)
    for again in "$card" " $card " "$card"$'\n'; do
        run --separate-stderr ik contact add c1 "$again"
        expect_status 2
        [ "$stderr" = "intake: contact 'c1' already has these keys (fingerprint $fp); nothing was changed" ]
        [ -z "$output" ]
    done
    [ "$(store_sums | grep -v 'store\.db-')" = "$(printf '%s\n' "$sums" | grep -v 'store\.db-')" ]
}
