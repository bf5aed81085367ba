#!/usr/bin/env bats
# attach, attachment get, export, import, open on the real binary: round
# trips to 1, 3 and 8 recipients, refusals with their exact status and
# message, and nothing left behind on failure.

bats_require_minimum_version 1.5.0
load helpers
load export

@test "attach: stored, listed by show, written back byte for byte (0600, never over a file)" {
    field_record
    head -c 200000 /dev/urandom >"$W/audio.ogg"
    run st field attach "$ID" "$W/audio.ogg"
    expect_status 0
    [[ "$output" == "attached audio.ogg to $ID (200000 bytes, "* ]]
    run st field show "$ID"
    [[ "$output" == *"attachment: audio.ogg"*"200000 bytes"* ]]
    run st field attachment get "$ID" audio.ogg -o "$W/back.ogg"
    expect_status 0
    cmp "$W/audio.ogg" "$W/back.ogg"
    [ "$(mode_of "$W/back.ogg")" = 600 ]
    run st field attachment get "$ID" audio.ogg -o "$W/back.ogg"
    expect_status 2
    [ "$output" = "intake: $W/back.ogg already exists; choose another name" ]
    [ -f "$W/audio.ogg" ]
}

@test "attach: refusals (same name, no record, no file, a folder, no name) change nothing" {
    field_record
    echo data >"$W/a.txt"
    st field attach "$ID" "$W/a.txt" >/dev/null
    run st field attach "$ID" "$W/a.txt"
    expect_status 2
    [ "$output" = "intake: the record already has an attachment named 'a.txt'; nothing was changed" ]
    run st field attach nosuchrecord0000 "$W/a.txt"
    expect_status 2
    [ "$output" = "intake: no record with id 'nosuchrecord0000' (see 'intake list')" ]
    run st field attach "$ID" "$W/missing"
    expect_status 2
    [ "$output" = "intake: cannot open $W/missing: No such file or directory" ]
    run st field attach "$ID" "$W"
    expect_status 2
    [ "$output" = "intake: $W is not a regular file: it is a folder" ]
    run st field attachment get "$ID" nothing -o "$W/x"
    expect_status 2
    [ "$output" = "intake: record '$ID' has no attachment named 'nothing' (see 'intake show $ID')" ]
    [ ! -e "$W/x" ]
    run st field attachment get "$ID" a.txt
    expect_status 2
    [ "$output" = "intake: attachment get needs -o FILE (see 'intake help attachment')" ]
}

@test "attach --remove-source: removed after a verified copy, with the flash warning; GPS flagged" {
    field_record
    cp "$ROOT/tests/data/gps.jpg" "$W/photo.jpg"
    run --separate-stderr st field attach "$ID" "$W/photo.jpg" --remove-source
    expect_status 0
    [ ! -e "$W/photo.jpg" ]
    [[ "$stderr" == *"holds a location (EXIF GPS)"* ]]
    [[ "$stderr" == *"flash storage (SSD, SD card, phone) may still keep old blocks of it"* ]]
    run st field attachment get "$ID" photo.jpg -o "$W/photo.jpg"
    cmp "$ROOT/tests/data/gps.jpg" "$W/photo.jpg"
    run st field show "$ID"
    [[ "$output" == *"attachment: photo.jpg"*"LOCATION (EXIF GPS)"* ]]
    cp "$ROOT/tests/data/nogps.jpg" "$W/plain.jpg"
    run --separate-stderr st field attach "$ID" "$W/plain.jpg"
    [ -z "$stderr" ]
    [ -e "$W/plain.jpg" ]
}

@test "attach --remove-source: a symbolic link or a file with other names is refused, nothing stored" {
    field_record
    head -c 5000 /dev/urandom >"$W/memo.ogg"
    ln -s "$W/memo.ogg" "$W/link.ogg"
    run --separate-stderr st field attach "$ID" "$W/link.ogg" --remove-source
    expect_status 2
    [ "$stderr" = "intake: $W/link.ogg is a symbolic link: --remove-source would remove the link and keep the recording at $W/memo.ogg; give the file itself, or leave out --remove-source; nothing was stored" ]
    [ -e "$W/memo.ogg" ] && [ -L "$W/link.ogg" ]
    ln "$W/memo.ogg" "$W/other.ogg"
    run --separate-stderr st field attach "$ID" "$W/memo.ogg" --remove-source
    expect_status 2
    [ "$stderr" = "intake: $W/memo.ogg has 1 other name (hard links): --remove-source would leave the recording under it; remove it first, or leave out --remove-source; nothing was stored" ]
    ln "$W/memo.ogg" "$W/third.ogg"
    run --separate-stderr st field attach "$ID" "$W/other.ogg" --remove-source
    expect_status 2
    [ "$stderr" = "intake: $W/other.ogg has 2 other names (hard links): --remove-source would leave the recording under them; remove them first, or leave out --remove-source; nothing was stored" ]
    [ -e "$W/memo.ogg" ] && [ -e "$W/other.ogg" ] && [ -e "$W/third.ogg" ]
    run st field show "$ID"
    [[ "$output" != *"attachment:"* ]]
    # Without --remove-source a link is simply read; with one name left,
    # --remove-source removes the recording itself.
    run st field attach "$ID" "$W/link.ogg"
    expect_status 0
    rm "$W/other.ogg" "$W/third.ogg" "$W/link.ogg"
    mv "$W/memo.ogg" "$W/memo2.ogg"
    # Other bytes than link.ogg's: attach refuses the same bytes twice (B-2).
    printf 'x' >>"$W/memo2.ogg"
    run --separate-stderr st field attach "$ID" "$W/memo2.ogg" --remove-source
    expect_status 0
    [ ! -e "$W/memo2.ogg" ]
}

@test "armor: a byte-order mark and white space are skipped; anything else is bad armor (2), never 'not addressed' (1)" {
    field_record
    mkstore hq
    introduce field hq
    st field export --to hq --all --armor -o "$W/b.asc" 2>/dev/null
    st field export --to hq --all -o "$W/b.bin" 2>/dev/null
    opens() { # FILE: open and import take it
        run st hq open "$1"
        expect_status 0
    }
    bad() { # FILE MESSAGE: exit 2 with exactly MESSAGE, for open, import and audit
        local c
        for c in open import audit; do
            run --separate-stderr st hq $c "$1"
            expect_status 2
            [ "$stderr" = "intake: bad armor: $2" ] || { echo "$c: $stderr" >&2; return 1; }
        done
    }
    { printf '\xef\xbb\xbf'; cat "$W/b.asc"; } >"$W/bom.asc"
    opens "$W/bom.asc"
    { printf '\n  \t\r\n'; cat "$W/b.asc"; printf '\n\n  '; } >"$W/space.asc"
    opens "$W/space.asc"
    sed 's/$/\r/' "$W/b.asc" >"$W/crlf.asc"
    opens "$W/crlf.asc"
    { printf '\xef\xbb\xbf\r\n'; sed 's/$/\r/' "$W/b.asc"; } >"$W/bomcrlf.asc"
    opens "$W/bomcrlf.asc"
    { echo "Here is the bundle:"; cat "$W/b.asc"; } >"$W/before.asc"
    bad "$W/before.asc" "there is text before the BEGIN line"
    # White space at line ends is skipped (adv14 F6); text there is not.
    sed '1s/$/ /' "$W/b.asc" >"$W/trail.asc"
    opens "$W/trail.asc"
    sed '1s/$/ x/' "$W/b.asc" >"$W/trail.asc"
    bad "$W/trail.asc" "the BEGIN line must end right after its dashes"
    iconv -f UTF-8 -t UTF-16 "$W/b.asc" >"$W/u16.asc"
    bad "$W/u16.asc" "the text is UTF-16; save it as UTF-8 (plain text) and try again"
    iconv -f UTF-8 -t UTF-16LE "$W/b.asc" >"$W/u16le.asc"
    bad "$W/u16le.asc" "the text is UTF-16; save it as UTF-8 (plain text) and try again"
    iconv -f UTF-8 -t UTF-16BE "$W/b.asc" >"$W/u16be.asc"
    bad "$W/u16be.asc" "the text is UTF-16; save it as UTF-8 (plain text) and try again"
    # A binary bundle is random bytes: one in 32768 begins with FF FE or
    # FE FF, which alone must not make it UTF-16 text.
    for mark in '\xff\xfe' '\xfe\xff'; do
        { printf "$mark"; tail -c +3 "$W/b.bin"; } >"$W/mark.bin"
        run --separate-stderr st hq open "$W/mark.bin"
        expect_status 1
        [[ "$stderr" != *"UTF-16"* ]]
    done
    printf 'Bonjour,\nvoici le fichier.\n' >"$W/letter.txt"
    bad "$W/letter.txt" "this is text without a BEGIN line, not an intake bundle"
    head -n -1 "$W/b.asc" | sed 's/^-----BEGIN.*/&/' >"$W/noend.asc"
    bad "$W/noend.asc" "the END line is missing (was the text cut short?)"
    [ -z "$(st hq list)" ]
}

@test "export: usage errors, each one line with status 2" {
    field_record
    run st field export --all
    expect_status 2
    [ "$output" = "intake: export needs --to NAME[,NAME...] (see 'intake help export')" ]
    run st field export --to hq
    [ "$output" = "intake: give either --all or RECORD ids, not neither (see 'intake help export')" ]
    run st field export --to hq --all "$ID"
    [ "$output" = "intake: give either --all or RECORD ids, not both (see 'intake help export')" ]
    run st field export --to nobody --all
    expect_status 2
    [ "$output" = "intake: no contact named 'nobody' (see 'intake contact list')" ]
    mkstore hq
    introduce field hq
    run --separate-stderr st field export --to hq nosuchrecord0000
    expect_status 2
    [ "$stderr" = "intake: no record with id 'nosuchrecord0000' (see 'intake list')" ]
    [ -z "$(ls "$W")" ]
}

# Issue 14, item 7 (a fuzz finding): the IP address "6::" (today
# "2001:db8::6": "6::" alone is no longer taken for one) took its combining
# mark U+0301 into its placeholder, and the term "Il" (by its variant "l")
# glued to that mark was left standing alone: redact and export stopped with
# "this is a bug".  The term next to replaced marks is replaced too.
@test "redact and export: a term glued to the marks of a replaced span goes too" {
    field_record
    mkstore hq
    introduce hq field
    st field term add place Il >/dev/null
    # A lone "l" was once a spelling of "Il"; it no longer is (one letter
    # alone is too short to protect), so the first body must only leave
    # without the "this is a bug" stop.
    id=$(printf '%s' $'2001:db8::6\xcc\x81l' | st field record Nari --title "Marks" --date 2024-03-16)
    run --separate-stderr st field redact "$id"
    expect_status 0
    [[ "$output" == *"[IP-1]l" ]]
    for body in $'2001:db8::6\xcc\x81Il' $'[[x]]\xcc\x81Il'; do
        id=$(printf '%s' "$body" | st field record Nari --title "Marks" --date 2024-03-16)
        run --separate-stderr st field redact "$id"
        expect_status 0
        [[ "$output" == *"[PLACE-1]"* ]]
        run --separate-stderr st field export --to hq -o "$W/m.bundle" "$id"
        expect_status 0
        run st hq open "$W/m.bundle" --json
        expect_status 0
        printf '%s' "$output" | python3 -c '
import json, sys
body = json.load(sys.stdin)["records"][0]["body"]
assert body.endswith("[PLACE-1]"), body
assert "l" not in body.replace("[PLACE-1]", ""), body'
        rm -f "$W/m.bundle"
    done
}

@test "export: round trip to one recipient; import keeps the id, shows provenance; re-import adds nothing" {
    field_record
    mkstore hq
    introduce_unverified field hq
    echo "recording" >"$W/rec.ogg"
    st field attach "$ID" "$W/rec.ogg" >/dev/null
    run --separate-stderr st field export --to hq --all -o "$W/b.bundle"
    expect_status 0
    [ "$output" = "$W/b.bundle" ]
    [[ "$stderr" == *"contact 'hq' is not verified"* ]]
    [ "$(mode_of "$W/b.bundle")" = 600 ]
    ! grep -q "Ji-yeon" "$W/b.bundle" || false
    run st hq open "$W/b.bundle"
    expect_status 0
    [[ "$output" == *"sender: field"* ]]
    [[ "$output" == *"$ID	2024-03	Nari	Border crossing"* ]]
    [[ "$output" == *"attachment: attachment-1.txt	text/plain	10 bytes"* ]]
    run --separate-stderr st hq open "$W/b.bundle" --json
    expect_status 0
    echo "$output" | python3 -c '
import json, sys
d = json.load(sys.stdin)
r = d["records"][0]
assert r["body"] == "Nari spoke about the border.\n", r["body"]
assert r["date"] == "2024-03" and r["date_precision"] == "month"
assert r["consent"]["export"] is True and r["consent"]["attachments"] is True
assert any(x["category"] == "pseudonym" for x in r["redactions"]), r["redactions"]
assert "Ji-yeon" not in json.dumps(d)
# The digest set is base64 of random-looking bytes: "Kim" may occur in it
# by chance (about 1 run in 100); everything else must not hold it.
del d["header"]["digests"]
assert "Kim" not in json.dumps(d)
assert d["header"]["format"] == "intake-content-6" and d["header"]["notices"] == [] and d["header"]["records"] == 1
assert len(r["subject"]) == 16 and r["consent"]["method"] == "verbal" and r["consent"]["seq"] == 1
'
    run st hq import "$W/b.bundle"
    expect_status 0
    [[ "$output" == "imported 1 record(s) and 1 attachment(s) from field (contact not verified); 0 already here" ]]
    run st hq show "$ID"
    [[ "$output" == *"pseudonym: Nari@"* ]]
    [[ "$output" == *"origin: imported "*" from field (signing key "*"), bundle "* ]]
    st hq attachment get "$ID" attachment-1.txt -o "$W/got"
    cmp "$W/rec.ogg" "$W/got"
    run st hq import "$W/b.bundle"
    expect_status 0
    [[ "$output" == "bundle "*" was imported before; nothing was added" ]]
    [ "$(st hq list | wc -l)" -eq 1 ]
}

@test "export: --exact-dates keeps the day; without it the month" {
    field_record
    mkstore hq
    introduce field hq
    st field export --to hq --all --exact-dates -o "$W/b" 2>/dev/null
    run st hq open "$W/b" --json
    [[ "$output" == *'"date": "2024-03-15"'* ]]
    [[ "$output" == *'"date_precision": "day"'* ]]
}

@test "export: 3 and 8 recipients each open it; a non-recipient cannot" {
    field_record
    mkstore outsider
    names=()
    for i in 1 2 3 4 5 6 7 8; do
        mkstore "r$i"
        introduce field "r$i"
        names+=("r$i")
    done
    st field export --to r1,r2,r3 --all -o "$W/three" 2>/dev/null
    st field export --to "$(IFS=,; echo "${names[*]}")" --all -o "$W/eight" 2>/dev/null
    for i in 1 2 3; do
        run st "r$i" open "$W/three"
        expect_status 0
        [[ "$output" == *"recipients: 3"* ]]
    done
    for i in 4 5 6 7 8; do
        run st "r$i" open "$W/three"
        expect_status 1
        [ "$output" = "intake: this bundle is not addressed to this store (none of its recipients is this store's key), or its start was damaged on the way (a character changed or a line lost near the start reads the same): ask its sender to add this store's card ('intake card') as a contact and to export it again with that contact among --to" ]
    done
    for i in 1 2 3 4 5 6 7 8; do
        run st "r$i" open "$W/eight"
        expect_status 0
        [[ "$output" == *"recipients: 8"* ]]
    done
    run st outsider open "$W/eight"
    expect_status 1
    [[ "$output" == "intake: this bundle is not addressed to this store"* ]]
    run st field export --to r1,r1 --all -o "$W/twice"
    expect_status 2
    [ "$output" = "intake: contact 'r1' is named twice in --to" ]
    [ ! -e "$W/twice" ]
}

@test "export: blocked records stop it (exit 1, listed); --skip-blocked leaves them out" {
    field_record
    mkstore hq
    introduce field hq
    st field subject add --name "Bat-Erdene" --pseudonym Saran >/dev/null
    other=$(echo "testimony" | st field record Saran --title "Other")
    run --separate-stderr st field export --to hq --all -o "$W/b"
    expect_status 1
    [[ "$stderr" == *"intake: record $other (Saran) may not leave: no consent is recorded"* ]]
    [[ "$stderr" == *"intake: 1 record(s) may not leave; nothing was exported (--skip-blocked leaves them out)" ]]
    [ ! -e "$W/b" ]
    [ -z "$(ls "$W")" ]
    run --separate-stderr st field export --to hq --all --skip-blocked -o "$W/b"
    expect_status 0
    [[ "$stderr" == *"may not leave"*"left out 1 blocked record(s)"* ]]
    run st hq open "$W/b"
    [[ "$output" == *"records: 1"* ]]
    [[ "$output" != *"$other"* ]]
    st field consent Nari --withdraw 2>/dev/null
    run st field export --to hq "$ID" -o "$W/c"
    expect_status 1
    [ ! -e "$W/c" ]
}

@test "export: attachments leave only with attachment consent" {
    field_record
    mkstore hq
    introduce field hq
    echo x >"$W/a.txt"
    st field attach "$ID" "$W/a.txt" >/dev/null
    st field consent Nari --attachments no 2>/dev/null
    st field export --to hq --all -o "$W/b" 2>/dev/null
    run st hq open "$W/b"
    expect_status 0
    [[ "$output" != *"attachment:"* ]]
}

@test "open, import: an attachment whose bytes differ from its signed hash" {
    # Version 3 signs every byte, blob data included (docs/FORMAT.md): a
    # recipient cannot change an attachment. tests/tools/forge flips one
    # byte of the blob and signs again with the sender's own key, keeping
    # the attachment item's hash: the sender's statement is wrong. The
    # signature holds, so open shows what the sender signed; import, which
    # hashes what it keeps, refuses it and keeps nothing.
    field_record
    mkstore hq
    introduce field hq
    head -c 200000 /dev/urandom >"$W/a.bin"
    st field attach "$ID" "$W/a.bin" >/dev/null
    st field export --to hq --all --keep-metadata --send-unchecked -o "$W/b" 2>/dev/null
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        "$(tools_dir)/forge" "$T/field" "$T/hq" "$W/b" blob "$W/forged" 3<<<"$PASS"
    run st hq open "$W/b"
    expect_status 0
    run st hq open "$W/forged" -o "$W/out"
    expect_status 0
    ! cmp -s "$W/a.bin" "$W/out/$ID-attachment-1.bin" || false
    run --separate-stderr st hq import "$W/forged"
    expect_status 2
    [ "$stderr" = "intake: malformed bundle contents: an attachment whose hash differs from its header" ]
    run st hq list
    [ -z "$output" ]
}

@test "export: 0 records, mixed scripts, armor" {
    mkstore field
    mkstore hq
    introduce field hq
    run st field export --to hq --all --armor -o "$W/empty.asc"
    expect_status 0
    run st hq open "$W/empty.asc"
    expect_status 0
    [[ "$output" == *"records: 0"* ]]
    head -n 1 "$W/empty.asc" | grep -qx -- "-----BEGIN INTAKE BUNDLE-----"
    tail -n 1 "$W/empty.asc" | grep -qx -- "-----END INTAKE BUNDLE-----"
    st field subject add --name "김지연" --name "Батэрдэнэ" --pseudonym "Сарнай" >/dev/null
    st field consent "Сарнай" --export yes 2>/dev/null
    id=$(printf '김지연 и Батэрдэнэ: 국경을 넘었다. 박명수가 도왔다. Граница.\n' | st field record "Сарнай" --title "국경 / граница" --date 2024-05-02)
    run --separate-stderr st field export --to hq --all -o "$W/flagged"
    expect_status 1
    [[ "$stderr" == *"may not leave: 1 review flag unresolved"* ]]
    st field allow "박명수" 2>/dev/null
    st field export --to hq --all --armor -o "$W/mixed.asc" 2>/dev/null
    run st hq open "$W/mixed.asc" --json
    expect_status 0
    [[ "$output" == *"국경을 넘었다. 박명수가 도왔다. Граница."* ]]
    [[ "$output" != *"김지연"* && "$output" != *"Батэрдэнэ"* ]]
    [[ "$output" == *'"resolution": "allowed"'* ]]
    [[ "$output" == *'"allowed": "20'* ]]
    run st hq import "$W/mixed.asc"
    expect_status 0
    run st hq show "$id"
    [[ "$output" == *"title: 국경 / граница"* ]]
}

@test "armor over 64 KiB: every line ends in a newline and the bundle opens (a NUL took one's place every 1023 lines: found by the reliability suite)" {
    field_record
    mkstore hq
    introduce field hq
    head -c 200000 /dev/urandom >"$W/blob.bin"
    st field attach "$ID" "$W/blob.bin" >/dev/null
    st field export --to hq --all --keep-metadata --send-unchecked --armor -o "$W/big.asc" 2>/dev/null
    [ "$(tr -d '\n' <"$W/big.asc" | tr -d 'A-Za-z0-9+/= -' | wc -c)" -eq 0 ]
    [ "$(awk 'length($0) > 64' "$W/big.asc" | wc -l)" -eq 0 ]
    run st hq open "$W/big.asc" -o "$W/opened"
    expect_status 0
    cmp "$W/blob.bin" "$(find "$W/opened" -type f -size 200000c | head -n 1)"
}
