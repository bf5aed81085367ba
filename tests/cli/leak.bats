#!/usr/bin/env bats
# The leak test: canaries put into every identity and testimony field must
# never appear in cleartext in any file under the store, TMPDIR or HOME, nor
# in any buffer intake writes (strace), except on the standard output the
# user asked for (show, --reveal). A positive control proves that the same
# scanner finds a canary written in the clear.

bats_require_minimum_version 1.5.0
load helpers

# Every run here is traced with strace, and LeakSanitizer cannot work under
# ptrace: the sanitizer build keeps ASan and UBSan here, leaks are checked in
# the other files.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

setup() {
    common_setup
    command -v strace >/dev/null || skip "strace is not installed (apt-get install strace)"
    command -v python3 >/dev/null || skip "python3 is not installed"
    C_ASCII="CANARY-$(rand_hex 8)"
    C_HANGUL="카나리아$(rand_hex 6)"
    C_CYR="канарейка$(rand_hex 6)"
    CANARIES=("$C_ASCII" "$C_HANGUL" "$C_CYR")
    TR=$T/trace          # outside the scanned folders
    mkdir -p "$TR"
    write_scanner
}

teardown() { common_teardown; }

# The one scanner both the real test and the positive control use.
#   scan.py needles-file files PATH...   every file under each PATH
#   scan.py needles-file strace LOG...   every buffer in strace logs, except
#                                        write()s to descriptor 1
# Each needle is looked for as UTF-8, as hex (both cases) and as UTF-16LE.
# Prints each hit; exits 1 if there is any. Writes to descriptor 1 are
# skipped by number: intake never dup2()s anything onto its stdout.
write_scanner() {
    cat >"$TR/scan.py" <<'PY'
import os, re, sys

needles = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
forms = []
for n in needles:
    b = n.encode("utf-8")
    forms += [(n, b), (n + " (hex)", b.hex().encode()), (n + " (HEX)", b.hex().upper().encode()),
              (n + " (utf-16)", n.encode("utf-16-le"))]

def check(where, data):
    bad = 0
    for name, f in forms:
        if f in data:
            print("LEAK: %s in %s" % (name, where))
            bad = 1
    return bad

hits = 0
mode = sys.argv[2]
if mode == "files":
    for top in sys.argv[3:]:
        for dirpath, dirs, files in os.walk(top):
            for fn in files + dirs:
                p = os.path.join(dirpath, fn)
                hits |= check("file name " + p, p.encode("utf-8", "surrogateescape"))
                if fn in files and os.path.isfile(p) and not os.path.islink(p):
                    with open(p, "rb") as fh:
                        hits |= check(p, fh.read())
elif mode == "strace":
    quoted = re.compile(rb'"((?:[^"\\]|\\.)*)"')
    esc = re.compile(rb'\\(x[0-9a-fA-F]{2}|[0-7]{1,3}|.)')
    simple = {b"n": b"\n", b"t": b"\t", b"r": b"\r", b"v": b"\v", b"f": b"\f",
              b'"': b'"', b"\\": b"\\"}
    def unescape(m):
        s = m.group(1)
        if s[:1] == b"x":
            return bytes([int(s[1:], 16)])
        if s[:1].isdigit():
            return bytes([int(s, 8) & 0xff])
        return simple.get(s, s)
    stdout_write = re.compile(rb'^(?:\[pid\s+\d+\]\s+|\d+\s+)?(?:write|writev|pwrite64|pwritev2?)\(1,')
    # strace -xx writes every byte as \xNN: such a buffer is read back by
    # bytes.fromhex (the same bytes as esc.sub, without a Python call per
    # byte: that call took most of this file's CPU time).
    allhex = re.compile(rb'^(?:\\x[0-9a-fA-F]{2})*$')
    nbuf = 0
    for log in sys.argv[3:]:
        for line in open(log, "rb"):
            if stdout_write.search(line):
                continue
            for m in quoted.finditer(line):
                nbuf += 1
                raw = m.group(1)
                data = (bytes.fromhex(raw.replace(b"\\x", b"").decode("ascii"))
                        if allhex.match(raw) else esc.sub(unescape, raw))
                hits |= check("%s: %s" % (log, line[:60].decode("ascii", "replace")), data)
    print("scanned %d buffers" % nbuf)
sys.exit(1 if hits else 0)
PY
}

needles_file() {
    printf '%s\n' "${CANARIES[@]}" "$@" >"$TR/needles"
    echo "$TR/needles"
}

# traced NAME ARGS...: runs ARGS under strace, log in $TR/NAME.log, stdout in
# $TR/NAME.out (outside the scanned folders). Returns the command's status.
traced() {
    local name=$1
    shift
    strace -f -xx -s 1048576 -e trace=write,pwrite64,writev,pwritev,openat,rename,renameat,renameat2 \
        -o "$TR/$name.log" "$@" >"$TR/$name.out"
}

# tik NAME ARGS...: intake under strace, passphrase lines from $LINES.
tik() {
    local name=$1
    shift
    traced "$name" "$INTAKE" --home "$H" --passphrase-fd 3 "$@" 3< <(printf '%s\n' "${LINES:-$PASS}")
}

scan_files() {
    python3 "$TR/scan.py" "$(needles_file)" files "$H" "$HOME" "$TMPDIR"
}

scan_writes() {
    python3 "$TR/scan.py" "$(needles_file "$@")" strace "$TR"/*.log
}

# field_and_hq: the store $H ("field") and a store $HQ, contacts of each
# other (hq ARGS...: intake on $HQ), and a subject $P named by two canaries.
field_and_hq() {
    init_store && cheapen
    HQ=$HOME/hq
    "$INTAKE" --home "$HQ" --passphrase-fd 3 init --kdf interactive --label hq 3<<<"$PASS" >/dev/null && cheapen "$HQ"
    hq() { "$INTAKE" --home "$HQ" --passphrase-fd 3 "$@" 3<<<"$PASS"; }
    ik contact add hq "$(hq card)" 2>/dev/null
    hq contact add field "$(ik card)" 2>/dev/null
    tik add subject add --name "$C_ASCII" --name "$C_HANGUL"
    P=$(cat "$TR/add.out")
}

@test "leak: positive control, the scanner finds a canary in a file" {
    run scan_files
    expect_status 0
    mkdir -p "$H"
    printf 'x %s y' "$C_HANGUL" >"$H/clear.txt"
    run scan_files
    expect_status 1
    [[ "$output" == *"LEAK: $C_HANGUL in $H/clear.txt"* ]]
    rm "$H/clear.txt"
    printf '%s' "$C_ASCII" | od -An -tx1 | tr -d ' \n' >"$TMPDIR/hexdump"
    run scan_files
    expect_status 1
    [[ "$output" == *"(hex)"* ]]
    rm "$TMPDIR/hexdump"
    printf '%s' "$C_CYR" | iconv -f UTF-8 -t UTF-16LE >"$HOME/.history"
    run scan_files
    expect_status 1
}

@test "leak: positive control, the scanner finds a canary in a traced write" {
    traced ctl-clean sh -c 'printf "nothing here\n" >&2'
    run scan_writes
    expect_status 0
    # Written on stdout only: the scan leaves what the user asked for alone.
    traced ctl-stdout sh -c 'printf "%s\n" "$1"' sh "$C_ASCII"
    run scan_writes
    expect_status 0
    # On stderr, and into a file (python3 writes from its own descriptors,
    # where a shell would dup2 them onto 1): found.
    traced ctl-stderr python3 -c 'import os, sys; os.write(2, sys.argv[1].encode() + b"\n")' "$C_HANGUL"
    run scan_writes
    expect_status 1
    [[ "$output" == *"LEAK: $C_HANGUL"* ]]
    rm "$TR/ctl-stderr.log"
    traced ctl-file python3 -c '
import os, sys
fd = os.open(sys.argv[2], os.O_WRONLY | os.O_CREAT, 0o600)
os.write(fd, b"a" + sys.argv[1].encode() + b"b")
os.close(fd)
os.unlink(sys.argv[2])' "$C_CYR" "$T/gone"
    run scan_writes
    expect_status 1
    [[ "$output" == *"LEAK: $C_CYR"* ]]
}

@test "leak: no canary in any file or written buffer after the whole command set" {
    strace -o /dev/null true || skip "strace cannot trace here (ptrace not permitted)"
    LINES=$PASS tik init init --kdf interactive --label "field kit"
    RECOVERY=$(grep -oE "$RECOVERY_RE" "$TR/init.out" | head -n 1)
    [ -n "$RECOVERY" ]

    tik add1 subject add --name "$C_ASCII" --name "$C_HANGUL" --name "$C_CYR-alias" \
        --contact "phone $C_ASCII-contact" --note "note $C_HANGUL 메모"
    P=$(cat "$TR/add1.out")
    [ -n "$P" ]
    for c in "${CANARIES[@]}"; do [[ "$P" != *"$c"* ]]; done
    tik add2 subject add --name "둘째 $C_HANGUL-2" --pseudonym "Quiet Harbor"

    printf '%s\n%s\n' "첫 줄 $C_HANGUL body" "second line $C_ASCII body $C_CYR" |
        tik rec1 record "$P" --title "title $C_ASCII $C_HANGUL" --date 2023-05-01 \
            --place "place $C_CYR" --lang ko --tag "tag-$C_ASCII" --tag "태그$C_HANGUL"
    ID=$(cat "$TR/rec1.out")
    [[ "$ID" =~ ^[0-9a-z]{16}$ ]]
    printf 'plain body\n' | tik rec2 record "Quiet Harbor" --title "plain"

    tik list list
    tik listj list --json
    tik listt list --tag "tag-$C_ASCII"
    tik lists list --subject "$P"
    tik search search "$C_CYR"
    tik searchj search "$C_HANGUL" --json
    tik show show "$ID"
    tik showj show "$ID" --json
    tik slist subject list
    tik slistr subject list --reveal
    tik sshow subject show "$P" --reveal
    tik sshowj subject show "$P" --reveal --json
    LINES="$PASS"$'\n'"$NEWPASS" tik passwd passwd
    LINES="$RECOVERY"$'\n'"$PASS" tik recov --recovery passwd
    # Every page rewritten under a new key: still nothing in the clear.
    LINES="$PASS"$'\n'"$PASS" tik rekey rekey
    RECOVERY2=$(grep -oE "$RECOVERY_RE" "$TR/rekey.out" | head -n 1)
    [ -n "$RECOVERY2" ] && [ "$RECOVERY2" != "$RECOVERY" ]
    tik label label "field kit 2"
    tik final list

    # The commands did what was asked (the canaries did go in and come out).
    grep -qF "$C_HANGUL body" "$TR/show.out"
    grep -qF "$C_ASCII" "$TR/slistr.out"
    grep -qF "$ID" "$TR/search.out"
    grep -qF "$ID" "$TR/searchj.out"
    [ "$(wc -l <"$TR/final.out")" -eq 2 ]
    # Records and names are not in the non-revealing outputs.
    ! grep -qF "$C_ASCII-contact" "$TR/slist.out" || false

    run scan_files
    echo "$output"
    expect_status 0
    # Nor the passphrases or the recovery key, in anything but stdout.
    run scan_writes "$PASS" "$NEWPASS" "$RECOVERY" "$RECOVERY2"
    echo "$output"
    expect_status 0
    [[ "$output" == *"scanned "* ]]
    # strace saw the writes at all (the database pages and the keyslots).
    grep -q 'pwrite64\|write(' "$TR/rec1.log"
    grep -q 'rename' "$TR/passwd.log"
    grep -q 'pwrite64' "$TR/rekey.log"
}

@test "leak: privacy commands (term add, allow, consent, redact, subject forget) leak no canary" {
    strace -o /dev/null true || skip "strace cannot trace here (ptrace not permitted)"
    init_store && cheapen
    tik add subject add --name "$C_ASCII" --name "$C_HANGUL" --term "place:$C_CYR" \
        --term "employer:$C_ASCII-works"
    P=$(cat "$TR/add.out")
    [ -n "$P" ]
    tik term term add organisation "$C_HANGUL-org"
    tik sterm subject term "$P" "id:$C_ASCII-id"
    tik allow allow "Mr Vantablack"
    tik consent consent "$P" --export yes --method written --embargo 2001-01-01
    printf '%s met %s at %s-works in %s; %s-org. Mr Vantablack came. id %s-id\n' \
        "$C_ASCII" "$C_HANGUL" "$C_ASCII" "$C_CYR" "$C_HANGUL" "$C_ASCII" |
        tik rec record "$P" --title "$C_ASCII in $C_CYR" --place "$C_CYR" --tag "$C_HANGUL-org"
    ID=$(cat "$TR/rec.out")
    tik red redact "$ID"
    tik redr redact "$ID" --report
    tik redj redact "$ID" --json
    tik show subject show "$P" --json
    # redact's standard output is what would leave: no canary in it either.
    for f in red redr redj; do
        for c in "${CANARIES[@]}"; do
            ! grep -qF "$c" "$TR/$f.out" || { echo "$c in redact $f output" >&2; false; }
        done
    done
    grep -qF "$P met $P at [EMPLOYER-1] in [PLACE-1]" "$TR/red.out"
    grep -qF '"may_leave": true' "$TR/redj.out"
    tik forget subject forget "$P" --yes
    tik list list
    [ ! -s "$TR/list.out" ]

    run scan_files
    echo "$output"
    expect_status 0
    run scan_writes "$PASS"
    echo "$output"
    expect_status 0
    [[ "$output" == *"scanned "* ]]
}

@test "leak: the shell (names, testimony, a refused testimony, search, show) leaks no canary" {
    strace -o /dev/null true || skip "strace cannot trace here (ptrace not permitted)"
    init_store && cheapen
    # Every line typed is a canary's way in: the words of a command, the
    # lines of a testimony, one refused before it was read, a bad line.
    printf '%s\n' \
        "subject add --name '$C_ASCII' --name \"$C_HANGUL\" --pseudonym Tuya --note '$C_CYR note'" \
        "record tuya --title '$C_CYR title' --tag '$C_HANGUL-tag'" \
        "첫 줄 $C_HANGUL body" "second $C_ASCII line" "." \
        "record Nobody --title x" "$C_CYR refused body" "." \
        "subject add --name '$C_ASCII unclosed" \
        "search '$C_CYR'" "list" "subject list --reveal" "subject show tuya --reveal --json" |
        tik shell shell
    tik show show "$(sed -n 2p "$TR/shell.out")"
    grep -qF "$C_HANGUL body" "$TR/show.out"
    grep -qF "$C_ASCII" "$TR/shell.out"
    ! grep -qF "$C_CYR refused" "$TR/show.out" || false

    run scan_files
    echo "$output"
    expect_status 0
    run scan_writes "$PASS"
    echo "$output"
    expect_status 0
    [[ "$output" == *"scanned "* ]]
}

@test "leak: no temp files are left or created in TMPDIR" {
    strace -o /dev/null true || skip "strace cannot trace here (ptrace not permitted)"
    init_store && cheapen
    P=$(ik subject add --name "$C_ASCII")
    printf '%s\n' "$C_HANGUL" | tik rec record "$P" --title "$C_CYR"
    tik s search "$C_HANGUL"
    [ -z "$(ls -A "$TMPDIR")" ]
    # No file was opened for writing outside the store folder (a plain
    # trace, without -xx, so that paths are readable).
    printf '%s\n' "$C_HANGUL" |
        strace -f -e trace=openat,open,creat -o "$TR/open.log" \
            "$INTAKE" --home "$H" --passphrase-fd 3 record "$P" --title t 3<<<"$PASS" >/dev/null
    run sh -c "grep -E 'O_(WRONLY|RDWR|CREAT)' '$TR/open.log' | grep -vF '\"$H/' | grep -v '\"/dev/'"
    [ -z "$output" ] || { echo "opened for writing: $output" >&2; false; }
    grep -qF "\"$H/store.db" "$TR/open.log"
}

@test "leak: attach, export, import, open, audit and log leak no canary (bundle included)" {
    strace -o /dev/null true || skip "strace cannot trace here (ptrace not permitted)"
    field_and_hq
    tik consent consent "$P" --export yes --attachments yes --method written
    printf '%s met us; %s too.\n' "$C_ASCII" "$C_HANGUL" |
        tik rec record "$P" --title "$C_ASCII" --date 2024-02-03
    ID=$(cat "$TR/rec.out")
    # The attachment's bytes hold a canary; the source file lives outside
    # the scanned folders and is removed by attach. Its stored name stays home.
    NAME="voice-$(rand_hex 6).txt"
    SRC="$TR/$NAME"
    # Text attachments leave redacted (issue 13): the canaries are the
    # subject's names, replaced by the pseudonym, so no review flag blocks.
    printf 'recording of %s and %s\n' "$C_ASCII" "$C_HANGUL" >"$SRC"
    tik att attach "$ID" "$SRC" --remove-source
    [ ! -e "$SRC" ]
    # A photo whose EXIF names the person (issue 13): export removes it, so
    # the canary is in neither the bundle nor what open writes. Named to
    # sort after the recording: it becomes attachment-2.jpg.
    if command -v exiftool >/dev/null; then
        cp "$ROOT/tests/data/media/photo.jpg" "$TR/zphoto.jpg"
        exiftool -q -overwrite_original "-Artist=$C_ASCII" "-XMP-dc:Creator=$C_HANGUL" "$TR/zphoto.jpg"
        grep -qF "$C_ASCII" "$TR/zphoto.jpg"
        tik pho attach "$ID" "$TR/zphoto.jpg" --remove-source 2>/dev/null
    fi
    cd "$HOME"
    tik exp export --to hq --all -o "$HOME/b.bundle"
    tik expa export --to hq --all --armor -o "$HOME/b.asc"
    [ -s "$HOME/b.bundle" ] && [ -s "$HOME/b.asc" ]
    LINES=$PASS traced imp "$INTAKE" --home "$HQ" --passphrase-fd 3 import "$HOME/b.bundle" 3<<<"$PASS"
    LINES=$PASS traced opj "$INTAKE" --home "$HQ" --passphrase-fd 3 open "$HOME/b.asc" --json 3<<<"$PASS"
    LINES=$PASS traced ops "$INTAKE" --home "$HQ" --passphrase-fd 3 show "$ID" 3<<<"$PASS"
    # The auditors' commands, on both sides.
    LINES=$PASS traced aud "$INTAKE" --home "$HQ" --passphrase-fd 3 audit "$HOME/b.bundle" --json 3<<<"$PASS"
    # An audit statement (issue 16) is under $HOME, scanned below: no
    # testimony, no name, not even the pseudonym or a record id.
    LINES=$PASS traced att "$INTAKE" --home "$HQ" --passphrase-fd 3 audit "$HOME/b.bundle" --attest -o "$HOME/b.statement" 3<<<"$PASS" 2>/dev/null || true
    [ -s "$HOME/b.statement" ]
    for w in "$P" "$ID"; do
        ! grep -qF "$w" "$HOME/b.statement" || false
        ! sed '1d;$d' "$HOME/b.statement" | tr -d '\n' | base64 -d | grep -aqF "$w" || false
    done
    tik log log
    tik logv log --verify
    ! grep -qF "$C_ASCII" "$TR/aud.out" || false
    grep -qF "$ID" "$TR/aud.out"
    # The decrypted output open is asked to write goes outside the scan.
    hq open "$HOME/b.bundle" -o "$TR/opened" >/dev/null
    grep -qF "recording of $P and $P" "$TR/opened/$ID-attachment-1.txt"   # redacted (issue 13)
    grep -qF "$P met us; $P too." "$TR/opened/$ID.md"
    ! grep -rqF "$C_ASCII" "$TR/opened" || false
    ! grep -rqF "$C_HANGUL" "$TR/opened" || false
    if command -v exiftool >/dev/null; then
        [ -s "$TR/opened/$ID-attachment-2.jpg" ]
    fi
    ! grep -qF "$C_ASCII" "$TR/opj.out" || false
    ! grep -qF "$NAME" "$TR/opj.out" || false
    ! grep -rqF "$NAME" "$TR/opened" || false
    grep -qF "$P met us" "$TR/opj.out"
    grep -qF "origin: imported" "$TR/ops.out"

    run scan_files
    echo "$output"
    expect_status 0
    run scan_writes "$PASS"
    echo "$output"
    expect_status 0
    [[ "$output" == *"scanned "* ]]
    # The bundle's bytes were among the writes scanned.
    grep -q 'write' "$TR/exp.log"
}

@test "leak: record edit, search, backup and restore leak no canary (old text, query, backup file)" {
    strace -o /dev/null true || skip "strace cannot trace here (ptrace not permitted)"
    init_store && cheapen
    tik add subject add --name "$C_ASCII" --name "$C_HANGUL"
    P=$(cat "$TR/add.out")
    # The text before the edit holds canaries the edit replaces; the
    # queries are canaries of their own, typed but found nowhere.
    C_OLD="OLDTEXT-$(rand_letters 16)"
    C_QUERY="QUERY-$(rand_hex 8)"
    C_QHANGUL="질문$(rand_hex 4)"
    CANARIES+=("$C_OLD" "$C_QUERY" "$C_QHANGUL")
    printf '%s met %s; %s.\n' "$C_ASCII" "$C_HANGUL" "$C_OLD" |
        tik rec record "$P" --title "$C_OLD" --place "$C_CYR" --tag "$C_OLD"
    ID=$(cat "$TR/rec.out")
    printf '%s, corrected: %s was there.\n' "$C_CYR" "$C_HANGUL" |
        tik edit record edit "$ID" --title "$C_HANGUL" --place "$C_ASCII" --tag "$C_CYR"
    tik s1 search "$C_QUERY"
    tik s2 search "$C_QHANGUL" "$C_QUERY-x" '"'"$C_QHANGUL $C_QUERY"'"'
    tik s3 search --raw "$C_QUERY*"
    tik s4 search "$C_HANGUL"
    grep -qF "$ID" "$TR/s4.out"
    [ ! -s "$TR/s1.out" ] && [ ! -s "$TR/s2.out" ]
    tik s5 search "$C_OLD"
    [ ! -s "$TR/s5.out" ]
    # The backup lives in HOME (scanned); so does the restored store.
    tik bak backup -o "$HOME/store.backup"
    [ -s "$HOME/store.backup" ]
    LINES=$PASS traced res "$INTAKE" --passphrase-fd 3 restore "$HOME/store.backup" \
        --home "$HOME/restored" 3<<<"$PASS"
    LINES=$PASS traced rsh "$INTAKE" --home "$HOME/restored" --passphrase-fd 3 show "$ID" 3<<<"$PASS"
    grep -qF "$C_CYR, corrected" "$TR/rsh.out"
    ! grep -qF "$C_OLD" "$TR/rsh.out" || false
    tik del record delete "$ID" --yes

    run scan_files
    echo "$output"
    expect_status 0
    run scan_writes "$PASS"
    echo "$output"
    expect_status 0
    [[ "$output" == *"scanned "* ]]
    # The backup's bytes were among the writes scanned.
    [ "$(grep -c 'write' "$TR/bak.log")" -gt 0 ]
}

@test "leak: a correction imported at hq (a newer version replaces the older) leaks no canary; the old text is gone" {
    strace -o /dev/null true || skip "strace cannot trace here (ptrace not permitted)"
    field_and_hq
    tik consent consent "$P" --export yes --method written
    # The first version's own words leave the device (they are no
    # protected term): after the correction hq must keep them nowhere.
    C_OLD="OLDTEXT-$(rand_letters 16)"
    CANARIES+=("$C_OLD")
    printf '%s said %s.\n' "$C_ASCII" "$C_OLD" | tik rec record "$P" --title "first" --date 2024-02-03
    ID=$(cat "$TR/rec.out")
    cd "$HOME"
    tik exp1 export --to hq --all -o "$TR/1.bundle"
    LINES=$PASS traced imp1 "$INTAKE" --home "$HQ" --passphrase-fd 3 import "$TR/1.bundle" 3<<<"$PASS"
    [ "$(hq search "$C_OLD" | cut -f1)" = "$ID" ]
    printf '%s corrected it: %s was wrong.\n' "$C_HANGUL" "the first telling" |
        tik edit record edit "$ID" --title "second"
    tik exp2 export --to hq --all -o "$TR/2.bundle"
    LINES=$PASS traced imp2 "$INTAKE" --home "$HQ" --passphrase-fd 3 import "$TR/2.bundle" 3<<<"$PASS"
    grep -qF "1 record replaced by its newer version" "$TR/imp2.out"
    LINES=$PASS traced s1 "$INTAKE" --home "$HQ" --passphrase-fd 3 search "$C_OLD" 3<<<"$PASS"
    [ ! -s "$TR/s1.out" ]
    LINES=$PASS traced sh1 "$INTAKE" --home "$HQ" --passphrase-fd 3 show "$ID" 3<<<"$PASS"
    grep -qF "the first telling" "$TR/sh1.out"
    ! grep -qF "$C_OLD" "$TR/sh1.out" || false

    run scan_files
    echo "$output"
    expect_status 0
    run scan_writes "$PASS"
    echo "$output"
    expect_status 0
    [[ "$output" == *"scanned "* ]]
}

@test "leak: notices (withdraw, record delete, a narrowed scope, a re-consent, notify, an export carrying them) leak no canary; a notice holds no pseudonym, name or text" {
    strace -o /dev/null true || skip "strace cannot trace here (ptrace not permitted)"
    field_and_hq
    tik consent consent "$P" --export yes --method written
    printf '%s spoke.\n' "$C_ASCII" | tik rec record "$P" --title "first" --date 2024-02-03
    ID=$(cat "$TR/rec.out")
    printf 'Later.\n' | tik rec2 record "$P" --title "second" --date 2024-02-04
    ID2=$(cat "$TR/rec2.out")
    cd "$HOME"
    tik exp1 export --to hq "$ID" "$ID2" -o "$TR/1.bundle"
    tik del record delete "$ID" --yes
    tik sc consent "$P" --embargo 2031-01-01
    tik n1 notify --to hq -o "$TR/n1.bundle"
    tik wd consent "$P" --withdraw
    tik n2 notify --to hq -o "$TR/n2.bundle"
    tik rc consent "$P" --export yes
    tik n3 notify --to hq -o "$TR/n3.bundle"
    # What hq sees of a notice: kind, ids and day only.
    hq open "$TR/n1.bundle" --json >"$TR/n1.json"
    hq open "$TR/n2.bundle" --json >"$TR/n2.json"
    hq open "$TR/n3.bundle" --json >"$TR/n3.json"
    python3 - "$TR/n1.json" "$TR/n2.json" "$TR/n3.json" "$P" <<'PY'
import json, sys
for f, count in zip(sys.argv[1:4], (2, 1, 1)):
    h = json.load(open(f))["header"]
    assert h["records"] == 0 and len(h["notices"]) == count, h
    for n in h["notices"]:
        # A scope notice (issue 16) adds the scope: flags, method, dates;
        # a re-consent the scope and the round.
        extra = {"scope": ["scope"], "reconsent": ["round", "scope"]}.get(n["kind"], [])
        assert sorted(n) == sorted(["day", "kind", "record", "subject"] + extra), n
        # content format 6: and the subject's consent counter (an integer)
        assert "scope" not in n or sorted(n["scope"]) == ["attachments", "embargo", "export", "method", "publish", "quote", "recorded", "seq"], n
        assert "scope" not in n or type(n["scope"]["seq"]) is int, n
        assert sys.argv[4] not in json.dumps(n)
PY
    ! grep -qF "$P" "$TR/n1.json" "$TR/n2.json" "$TR/n3.json" || false

    run scan_files
    echo "$output"
    expect_status 0
    run scan_writes "$PASS"
    echo "$output"
    expect_status 0
    [[ "$output" == *"scanned "* ]]
}

# decrypted_pages DIR OUT: the store's database in DIR, every page
# decrypted (SQLCipher 3: AES-256-CBC under the raw key, the IV in each
# page's reserved tail of 48 bytes, page 1 after its 16-byte salt; free
# pages included) written to OUT, outside the scanned folders.
decrypted_pages() {
    local key
    key=$("$(tools_dir)/masterkey" "$1" 3<<<"$PASS") || return 1
    python3 - "$1/store.db" "$2" "$key" <<'PY'
import sys
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
data = open(sys.argv[1], "rb").read()
key = bytes.fromhex(sys.argv[3])
out = bytearray()
for ps in (16384, 1024):
    if len(data) % ps == 0:
        break
for off in range(0, len(data), ps):
    page = data[off:off + ps]
    start = 16 if off == 0 else 0
    d = Cipher(algorithms.AES(key), modes.CBC(page[ps - 48:ps - 32])).decryptor()
    out += d.update(page[start:ps - 48]) + d.finalize()
open(sys.argv[2], "wb").write(bytes(out))
# page 1 decrypted holds the schema: the decryption worked.
assert b"CREATE TABLE" in out, "the pages did not decrypt"
PY
}

@test "leak: a withdrawal acted on at hq leaves no canary of its records in the store file, WAL, decrypted pages or anywhere under the home" {
    strace -o /dev/null true || skip "strace cannot trace here (ptrace not permitted)"
    [ -x "$(tools_dir)/masterkey" ] || skip "no masterkey tool (make builds it)"
    python3 -c 'import cryptography' 2>/dev/null || skip "python3-cryptography is not installed"
    field_and_hq
    tik consent consent "$P" --export yes --attachments yes --method written
    # Words that are no protected term leave the device: after the
    # withdrawal hq must keep them nowhere, attachment included.
    C_SENT="SENTTEXT-$(rand_letters 16)"
    C_FILE="ATTACHED-$(rand_hex 8)"
    printf '%s said %s.\n' "$C_ASCII" "$C_SENT" | tik rec record "$P" --title "first $C_SENT" --date 2024-02-03
    ID=$(cat "$TR/rec.out")
    printf 'memo %s\n' "$C_FILE" >"$TR/memo.txt"
    tik att attach "$ID" "$TR/memo.txt"
    cd "$HOME"
    tik exp1 export --to hq --all -o "$TR/1.bundle"
    LINES=$PASS traced imp1 "$INTAKE" --home "$HQ" --passphrase-fd 3 import "$TR/1.bundle" 3<<<"$PASS"
    [ "$(hq search "$C_SENT" | cut -f1)" = "$ID" ]
    # Positive control: before the withdrawal the pages hold the words.
    decrypted_pages "$HQ" "$TR/before.pages"
    grep -qaF "$C_SENT" "$TR/before.pages"
    # The attachment's bytes are in a file of their own (encrypted), not in
    # the pages (store/blob.h): one file before, none after.
    [ "$(find "$HQ/blobs" -type f | wc -l)" -eq 1 ]
    tik wd consent "$P" --withdraw
    tik n1 notify --to hq -o "$TR/n1.bundle"
    LINES=$PASS traced imp2 "$INTAKE" --home "$HQ" --passphrase-fd 3 import "$TR/n1.bundle" 3<<<"$PASS"
    grep -qF "1 record(s) and 1 attachment(s) deleted" "$TR/imp2.out"
    LINES=$PASS traced s1 "$INTAKE" --home "$HQ" --passphrase-fd 3 search "$C_SENT" 3<<<"$PASS"
    [ ! -s "$TR/s1.out" ]
    decrypted_pages "$HQ" "$TR/after.pages"
    # (not "! grep": bats does not fail a test on a negated command)
    if grep -qaF -e "$C_SENT" -e "$C_FILE" "$TR/after.pages"; then
        echo "a deleted record's words survive in the decrypted pages" >&2
        return 1
    fi
    # The WAL, if any, is empty after the import's checkpoint.
    [ ! -s "$HQ/store.db-wal" ]
    [ -z "$(find "$HQ/blobs" -type f)" ]

    CANARIES+=("$C_SENT" "$C_FILE")
    # The bundles hold the words (sealed): out of the scan with the traces.
    run scan_files
    echo "$output"
    expect_status 0
    run scan_writes "$PASS"
    echo "$output"
    expect_status 0
    [[ "$output" == *"scanned "* ]]
}
