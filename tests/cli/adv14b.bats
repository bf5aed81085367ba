#!/usr/bin/env bats
# Issue 14's fault cases still open after adv14.bats: the reliability run's
# passwd finding (docs/COVERAGE.md) and the outside tester's F3, F6, F9-F12,
# F15-F17, F20, F21, F23, F24 (/work/briefs/report-adv14.md), each with its
# exact status and one-line message, on the real binary.

bats_require_minimum_version 1.5.0
load helpers
load faults

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
    st field export --to hq --all --keep-metadata --send-unchecked -o "$W/b" >/dev/null 2>&1
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
        init_cheap
        chown -R nobody:nogroup "$H"
    else
        init_cheap
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

# ---------------------------------------------------------------- F9, F10, F20: option values and names

@test "F9 F10 an option's value left out (empty -o, '--', another option) is a usage error before anything is asked" {
    init_cheap
    before=$(store_sums)
    for v in "" "--" "-o" "--all" "--output"; do
        run --separate-stderr "$INTAKE" --home "$H" --passphrase-fd 3 export --to hq --all -o "$v" 3</dev/null
        expect_status 2
        [ "$stderr" = "intake: option '-o' needs a value (see 'intake help export')" ]
        [ -z "$output" ]
    done
    run --separate-stderr "$INTAKE" --home "$H" --passphrase-fd 3 export --to hq --output -- --all 3</dev/null
    expect_status 2
    [ "$stderr" = "intake: option '--output' needs a value (see 'intake help export')" ]
    run --separate-stderr "$INTAKE" --home "$H" --passphrase-fd 3 record P --title --place X 3</dev/null
    expect_status 2
    [ "$stderr" = "intake: option '--title' needs a value (see 'intake help record')" ]
    # No file named like an option was made, nothing in the store changed.
    [ ! -e -- ] && [ ! -e ./-o ] && [ ! -e ./--all ]
    [ "$(store_sums)" = "$before" ]
    # A value that only starts with '-' is still one.
    refused 2 "no subject with pseudonym 'P' (see 'intake subject list')" record P --title "-draft"
}

@test "F20 global options: a value left out, a name written in part, --recovery twice; a command in capitals" {
    init_cheap
    run --separate-stderr "$INTAKE" --home -- list
    expect_status 2
    [ "$stderr" = "intake: global option '--home' needs a value (see 'intake --help')" ]
    run --separate-stderr "$INTAKE" --home "$H" --recover list
    expect_status 2
    [ "$stderr" = "intake: unknown global option '--recover'; write options in full (see 'intake --help')" ]
    run --separate-stderr "$INTAKE" --hom "$H" list
    expect_status 2
    [ "$stderr" = "intake: unknown global option '--hom'; write options in full (see 'intake --help')" ]
    run --separate-stderr "$INTAKE" --home "$H" --recovery --recovery list
    expect_status 2
    [ "$stderr" = "intake: --recovery given twice" ]
    run --separate-stderr "$INTAKE" --home "$H" LIST
    expect_status 2
    [ "$stderr" = "intake: no command 'LIST'; did you mean 'list'? (see 'intake help')" ]
    # A command's own options: in full only.
    run --separate-stderr "$INTAKE" --home "$H" --passphrase-fd 3 export --to hq --al 3</dev/null
    expect_status 2
    [ "$stderr" = "intake: unknown option '--al'; write options in full (see 'intake help export')" ]
    run --separate-stderr "$INTAKE" --home "$H" --passphrase-fd 3 export --to=hq --all --armo 3</dev/null
    expect_status 2
    [ "$stderr" = "intake: unknown option '--armo'; write options in full (see 'intake help export')" ]
}

# ---------------------------------------------------------------- F11, F21: label

@test "adv35f I-1 label, tag, title and pseudonym: every default ignorable character is refused, and a field of blank characters only" {
    init_cheap
    ik subject add --name "Kim Jong-su" --pseudonym P >/dev/null
    for hex in 2060 00AD 3164 FFA0 115F 034F; do
        ch=$(printf "\\u$hex")
        refused 2 "card label contains a control or invisible character (U+$hex) (see 'intake help label')" label "a${ch}b"
    done
    # report-adv36 I-1, I-2: format characters that are not default
    # ignorable, line and paragraph separators, private use, unassigned
    for hex in FFF9 FFFB 13430 2028 2029 E000 0378; do
        ch=$(printf "\\U$(printf %08X 0x$hex)")
        refused 2 "card label contains a control or invisible character (U+$hex) (see 'intake help label')" label "a${ch}b"
        refused 2 "--title contains an invisible or direction-changing character (U+$hex); type it without" \
            record P --title "a${ch}b"
        run --separate-stderr ik subject add --name "Bold Test" --pseudonym "Anna${ch}Stone"
        expect_status 2
        [ "$stderr" = "intake: --pseudonym must be 1 to 64 characters of plain text" ]
    done
    # U+2800, the Braille blank, is refused in every one-line field since
    # session 37 (pseud37, report-adv36b F-2), alone too: by its code point
    refused 2 "card label contains a control or invisible character (U+2800) (see 'intake help label')" label $'\u2800'
    for blank in $'\u3000' $'\u2007\u2007' $' \u00a0 '; do
        refused 2 "card label is blank (only spaces or blank characters) (see 'intake help label')" label "$blank"
    done
    refused 2 "a --tag must be 1 to 256 characters of plain text" record P --tag $'\u3000' --title t
    refused 2 "--title shows nothing (only blank characters); type it with letters" \
        record P --title $'\u3000\u2007'
    refused 2 "--title contains an invisible or direction-changing character (U+2800); type it without" \
        record P --title $'\u3000\u2800'
    refused 2 "--title contains an invisible or direction-changing character (U+3164); type it without" \
        record P --title $'\u3164'
    run --separate-stderr ik subject add --name "Bold Test" --pseudonym $'\u3164'
    expect_status 2
    [[ "$stderr" == *"pseudonym"* ]]
    # variation selectors and the Mongolian vowel separator change a visible
    # glyph: they stay (emoji, Mongolian script)
    run --separate-stderr ik label $'Team \u2764\ufe0f'
    expect_status 0
    run --separate-stderr ik label $'\u182a\u1820\u1836\u1822\u1828\u180e\u1820'
    expect_status 0
}


@test "F11 label: a long one is told by its whole length, one of spaces is refused; F21 the same label again changes nothing" {
    init_cheap
    long=$(head -c 120000 /dev/zero | tr '\0' a)
    refused 2 "card label is 120000 bytes long; at most 64 are allowed (see 'intake help label')" label "$long"
    refused 2 "card label is blank (only spaces) (see 'intake help label')" label "   "
    run --separate-stderr "$INTAKE" --home "$T/s2" --passphrase-fd 3 init --kdf interactive --label " " 3<<<"$PASS"
    expect_status 2
    [ "$stderr" = "intake: card label is blank (only spaces) (see 'intake help init')" ]
    [ ! -e "$T/s2" ]
    run --separate-stderr ik label Test
    expect_status 0
    log=$(ik log | grep -c ' label ')
    refused 2 "the label is already 'Test'; nothing was changed" label Test
    [ "$(ik log | grep -c ' label ')" -eq "$log" ]
    run --separate-stderr ik label "Test 2"
    expect_status 0
    [ "$(ik log | grep -c ' label ')" -eq $((log + 1)) ]
}

# ---------------------------------------------------------------- F12: writing into the store folder

@test "F12 export, notify, open, attachment get, card and audit refuse to write into the store folder" {
    init_cheap
    ik subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    ID=$(echo "A testimony." | ik record Nari --title T)
    echo data >"$T/a.txt"
    ik attach "$ID" "$T/a.txt" >/dev/null
    before=$(store_sums)
    msg() { echo "$1 would be written into the store folder $H, which holds only the store's files; write it elsewhere"; }
    refused 2 "$(msg "$H/inside.bundle")" export --to hq --all -o "$H/inside.bundle"
    refused 2 "$(msg "$H/n.bundle")" notify --to hq -o "$H/n.bundle"
    refused 2 "$(msg "$H/out")" open "$T/a.txt" -o "$H/out"
    refused 2 "$(msg "$H/a.txt")" attachment get "$ID" a.txt -o "$H/a.txt"
    refused 2 "$(msg "$H/card.png")" card --qr png -o "$H/card.png"
    refused 2 "$(msg "$H/card.svg")" card --qr svg -o "$H/card.svg" --force
    cd "$H"
    refused 2 "$(msg "x.bundle")" export --to hq --all -o x.bundle
    refused 2 "$(msg "card.png")" card --qr png -o card.png
    [ "$(store_sums)" = "$before" ]
    [ ! -e "$H/card.png" ] && [ ! -e "$H/card.svg" ]
}

# ---------------------------------------------------------------- F15: rekey on a full disk

@test "F15 rekey on a disk without room says so before a new recovery key is shown" {
    needs_root
    small_disk 8
    H=$T/disk/w
    init_cheap
    avail=$(df -k --output=avail "$T/disk" | tail -n 1)
    head -c $(((avail - 256) * 1024)) /dev/zero >"$T/disk/fill" 2>/dev/null || true
    before=$(store_sums)
    run --separate-stderr ik_pass "$PASS"$'\n'"$NEWPASS" rekey
    expect_status 2
    [ -z "$output" ]
    one_line_stderr
    [[ "$stderr" =~ ^"intake: the disk holding $H is full: re-encrypting the store needs about "[0-9]+" MiB free and "[0-9]+" MiB are; nothing was changed"$ ]]
    [ "$(store_sums)" = "$before" ]
    rm -f "$T/disk/fill"
    opens_with "$PASS"
}

# ---------------------------------------------------------------- F16: shell on /dev/zero

@test "F16 intake shell reading NUL bytes without end stops at once with a message" {
    init_cheap
    run --separate-stderr timeout 20 "$INTAKE" --home "$H" --passphrase-fd 3 shell 3<<<"$PASS" </dev/zero
    expect_status 2
    [ -z "$output" ]
    [ "$stderr" = "intake: standard input holds NUL bytes in a line longer than 256 KiB: it is not text; nothing more is read from it" ]
    # A NUL inside a line of a script is that line's error, and the shell goes on.
    run --separate-stderr timeout 20 "$INTAKE" --home "$H" --passphrase-fd 3 shell 3<<<"$PASS" < <(printf 'subject list\nsub\0ject list\nsubject list\n')
    [ "$status" -ne 124 ]
    [ "$stderr" = "intake: a line holds a NUL byte; it was skipped" ]
}

# ---------------------------------------------------------------- F23, F24: odd bodies and files

@test "F23 odd bodies: white space only, exactly 64 MiB, UTF-16, and a /proc file to attach" {
    init_cheap
    ik subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    printf '   \n\t\n' >"$T/ws.txt"
    refused 2 "the testimony is only white space; nothing was recorded" record Nari --file "$T/ws.txt"
    printf '' >"$T/empty.txt"
    refused 2 "the testimony is empty; nothing was recorded" record Nari --file "$T/empty.txt"
    printf '\xff\xfeU\0T\0F\0\n\0' >"$T/u16.txt"
    refused 2 "$T/u16.txt is UTF-16 text; save it as UTF-8 and try again" record Nari --file "$T/u16.txt"
    printf 'a\0b\n' >"$T/nul.txt"
    refused 2 "$T/nul.txt contains a NUL byte" record Nari --file "$T/nul.txt"
    head -c 67108865 /dev/zero | tr '\0' a >"$T/over"
    refused 2 "$T/over is larger than 64 MiB" record Nari --file "$T/over"
    # Exactly 64 MiB is read whole (saving that much is a minute's work
    # here, so a NUL byte at its end makes the refusal that proves it).
    truncate -s 67108863 "$T/over"
    printf '\0' >>"$T/over"
    refused 2 "$T/over contains a NUL byte" record Nari --file "$T/over"
    rm -f "$T/over"
    ID=$(echo "A testimony." | ik record Nari --title T)
    # record edit keeps the rule too.
    refused 2 "the testimony is only white space; nothing was changed" record edit "$ID" --file "$T/ws.txt"
    refused 2 "/proc/self/status gives a size of 0 bytes but holds data (a file of /proc or /sys?): copy it into an ordinary file and attach that; nothing was stored" attach "$ID" /proc/self/status
}

@test "F24 attach of a file larger than the disk's free room (a sparse file) is refused before anything is written" {
    needs_root
    small_disk 16
    H=$T/disk/w
    init_cheap
    ik subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    ID=$(echo "A testimony." | ik record Nari --title T)
    truncate -s 64M "$T/sparse.bin"
    before=$(store_sums)
    run --separate-stderr ik attach "$ID" "$T/sparse.bin"
    expect_status 2
    [ -z "$output" ]
    [[ "$stderr" =~ ^"intake: the disk holding $H is full: attaching $T/sparse.bin (64 MiB) needs about 133 MiB free and "[0-9]+" MiB are; nothing was stored"$ ]]
    [ "$(store_sums)" = "$before" ]
    # A file that fits goes in.
    head -c 1048576 /dev/urandom >"$T/small.bin"
    run --separate-stderr ik attach "$ID" "$T/small.bin"
    expect_status 0
}

# ---------------------------------------------------------------- F14 follow-up: an older store's marks

@test "F14 listings escape direction-changing and invisible marks an older store already holds" {
    init_cheap
    ik subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    ID=$(echo "A testimony." | ik record Nari --title Crossing --place Hoeryong --tag border)
    # What an intake before adv14 F14 let in (U+202E, U+200B).
    rlo=$'\u202e' zw=$'\u200b'
    "$(tools_dir)/rawsql" "$H" "UPDATE subject SET pseudonym = 'Na${rlo}ri', contact = 'ph${zw}one';
        UPDATE subject_name SET name = 'Kim${rlo}Ji';
        UPDATE record SET title = 'Cross${rlo}ing', place = 'Hoe${zw}ryong';
        UPDATE record_tag SET tag = 'bor${rlo}der';" 3<<<"$PASS"
    run --separate-stderr ik list
    expect_status 0
    [[ "$output" == *$'\t'"Na\\u{202E}ri"$'\t'"Cross\\u{202E}ing" ]]
    [[ "$output" != *"$rlo"* ]]
    run --separate-stderr ik show "$ID"
    expect_status 0
    [[ "$output" == *"Na\\u{202E}ri"* && "$output" == *"Cross\\u{202E}ing"* ]]
    [[ "$output" == *"Hoe\\u{200B}ryong"* && "$output" == *"bor\\u{202E}der"* ]]
    [[ "$output" != *"$rlo"* && "$output" != *"$zw"* ]]
    run --separate-stderr ik subject list --reveal
    expect_status 0
    [[ "$output" == "Na\\u{202E}ri"$'\t'*"Kim\\u{202E}Ji"$'\t'"ph\\u{200B}one"* || "$output" == *$'\n'"Na\\u{202E}ri"$'\t'*"Kim\\u{202E}Ji"$'\t'"ph\\u{200B}one"* ]]
    [[ "$output" != *"$rlo"* && "$output" != *"$zw"* ]]
    # --json keeps the text as it is (a program reads it, not a terminal).
    run --separate-stderr ik list --json
    [[ "$output" == *"$rlo"* || "$output" == *'\u202e'* || "$output" == *'\u202E'* ]]
}

# ---------------------------------------------------------------- F6: armor with white space at line ends

@test "F6 armor whose lines end in spaces or tabs (a mail client's) opens; text after a space, or an indented line, is still bad armor" {
    W=$T/work
    mkdir -p "$W"
    mkstore field
    st field subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    st field consent Nari --export yes --method verbal 2>/dev/null
    echo "A testimony." | st field record Nari --title T >/dev/null
    mkstore hq
    introduce field hq
    st field export --to hq --all --armor -o "$W/a.asc" >/dev/null 2>&1
    sed 's/$/  /' "$W/a.asc" >"$W/trail.asc"
    sed 's/$/\t /' "$W/a.asc" >"$W/tab.asc"
    for f in trail tab; do
        run --separate-stderr st hq open "$W/$f.asc"
        expect_status 0
    done
    sed '2s/^/ /' "$W/a.asc" >"$W/indent.asc"
    run --separate-stderr st hq open "$W/indent.asc"
    expect_status 2
    [ "$stderr" = "intake: bad armor: unexpected character in line text" ]
    sed '2s/$/ x/' "$W/a.asc" >"$W/inside.asc"
    run --separate-stderr st hq open "$W/inside.asc"
    expect_status 2
    [ "$stderr" = "intake: bad armor: unexpected character in line text" ]
}

# adv35f I-5: every -o refuses a folder under the store folder (blobs/) too,
# however it is spelled, where wipe would leave the file behind.
@test "I-5 every -o refuses the store's subfolders (blobs/), at any depth and spelling" {
    init_cheap
    ik subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null
    ID=$(echo "A testimony." | ik record Nari --title T)
    echo data >"$T/a.txt"
    ik attach "$ID" "$T/a.txt" >/dev/null
    mkdir -p "$H/blobs"
    msg() { echo "$1 would be written into the store folder $H, which holds only the store's files; write it elsewhere"; }
    refused 2 "$(msg "$H/./blobs/e.bundle")" export --to hq --all -o "$H/./blobs/e.bundle"
    refused 2 "$(msg "$H/blobs/n.bundle")" notify --to hq -o "$H/blobs/n.bundle"
    refused 2 "$(msg "$H/blobs/plain.txt")" attachment get "$ID" a.txt -o "$H/blobs/plain.txt"
    refused 2 "$(msg "$H/blobs/c.png")" card --qr png -o "$H/blobs/c.png"
    refused 2 "$(msg "$H/blobs/out")" open "$T/a.txt" -o "$H/blobs/out"
    refused 2 "a backup cannot go into the store folder $H (it would be lost with it); write it elsewhere, best on another disk" \
        backup -o "$H/blobs/x.backup"
    [ -z "$(ls -A "$H/blobs" | grep -v -E '^[0-9a-f]')" ]
    # A folder beside the store whose name starts the same is not inside it.
    mkdir -p "${H}x"
    ik attachment get "$ID" a.txt -o "${H}x/a.txt"
}
