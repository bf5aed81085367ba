#!/usr/bin/env bats
# Text attachments and types intake cannot strip (issue 13: NEW-4, NEW-6).
# A text attachment (told by its content: valid UTF-8 with no NUL byte,
# whatever its name) leaves redacted with the record's rules; redact shows
# it and agrees with export; the audit checks its words like a body's.
# Markup (SVG, XML, HTML) blocks its record unless --keep-metadata; text
# that is not UTF-8 always blocks (it cannot be redacted). Made-up names only.

bats_require_minimum_version 1.5.0
load helpers

setup() {
    setup_field_hq Nari "--attachments yes" "Pak Sol-mi"
    ID=$(printf 'Spoke about the river.\n' | st field record Nari --title "River" --date 2024-03-15)
}

teardown() { common_teardown; }

# attach FILE: attaches $W/FILE to the record.
attach() {
    st field attach "$ID" "$W/$1" >/dev/null 2>&1
}

@test "attach-text: a .txt transcript leaves redacted (pseudonym, phone); what HQ opens holds neither" {
    printf 'Transcript.\nPak Sol-mi said to call 010-5555-0199 tomorrow.\n' >"$W/notes.txt"
    attach notes.txt
    run --separate-stderr st field export --to hq --all -o "$W/b"
    expect_status 0
    st hq open "$W/b" -o "$W/out" >/dev/null
    got=$W/out/$ID-attachment-1.txt
    [ "$(cat "$got")" = "$(printf 'Transcript.\nNari said to call [PHONE-1] tomorrow.')" ]
    # The phone with its separators or none: a bare '5555' also turns up by
    # chance in bundle.json's hex and base64 digests (session 50's check).
    ! grep -rq -e 'Sol-mi' -e '5555-0199' -e '55550199' "$W/out" || false
    run st hq audit "$W/b"
    expect_status 0
    [[ "$output" != *"Sol-mi"* ]]
}

@test "attach-text: text is told by content: an attachment named .jpg holding text is redacted too" {
    printf 'Pak Sol-mi lives here.\n' >"$W/photo.jpg"
    attach photo.jpg
    run st field redact "$ID"
    expect_status 0
    [[ "$output" == *"--- attachment1: attachment-1.txt ---"*"Nari lives here."* ]]
    [[ "$output" != *"Sol-mi"* ]]
    st field export --to hq --all -o "$W/b" 2>/dev/null
    st hq open "$W/b" -o "$W/out" >/dev/null
    [ "$(cat "$W/out/$ID-attachment-1.txt")" = "Nari lives here." ]
}

@test "attach-text: redact shows the attachment's redaction and its review flags block the record, as export" {
    printf '박명수가 도왔다.\n' >"$W/notes.txt"
    attach notes.txt
    run --separate-stderr st field redact "$ID" --report
    expect_status 1
    [[ "$output" == *"flag	attachment1	"*"unresolved"* ]]
    [[ "$stderr" == *"record $ID may not leave the device: "*"review flag"*"unresolved"* ]]
    run --separate-stderr st field export --to hq --all -o "$W/b"
    expect_status 1
    [ ! -e "$W/b" ]
}

@test "attach-text: a protected term in a text attachment is replaced as in the body" {
    st field term add place:Sunbong >/dev/null 2>&1
    printf 'She crossed near Sunbong in May.\n' >"$W/notes.md"
    attach notes.md
    run st field redact "$ID" --json
    expect_status 0
    [[ "$output" == *'"text": "She crossed near [PLACE-1] in May.\n"'* ]]
}

@test "attach-text: markup (SVG, HTML) blocks its record (exit 1, named) unless --keep-metadata" {
    printf '<svg xmlns="http://www.w3.org/2000/svg"><title>Pak Sol-mi</title></svg>\n' >"$W/map.svg"
    attach map.svg
    run --separate-stderr st field redact "$ID"
    expect_status 1
    [ "$stderr" = "intake: record $ID may not leave the device: cannot remove the metadata of attachment 'map.svg': markup (SVG, XML, HTML, RTF) can hide text that intake does not redact (--keep-metadata sends it as stored)" ]
    run --separate-stderr st field export --to hq --all -o "$W/b"
    expect_status 1
    [[ "$stderr" == *"cannot remove the metadata of attachment 'map.svg': markup"* ]]
    [ ! -e "$W/b" ]
    # Kept as stored, its words are still read by the audit (issue 12
    # A-17): the registered name in <title> FAILs it; without it, it leaves.
    run --separate-stderr st field export --to hq --all --keep-metadata -o "$W/b"
    expect_status 1
    [[ "$stderr" == *"FAIL record $ID, attachment-1.txt: protected-term"* ]]
    [ ! -e "$W/b" ]
    printf '<svg xmlns="http://www.w3.org/2000/svg"><title>River</title></svg>\n' >"$W/map.svg"
    st field attachment remove "$ID" map.svg --yes >/dev/null 2>&1
    attach map.svg
    run --separate-stderr st field export --to hq --all --keep-metadata -o "$W/b"
    expect_status 0
}

@test "attach-text: text that is not UTF-8 (Latin-1, UTF-16) is refused, even with --keep-metadata" {
    printf 'Caf\351 near the river.\n' >"$W/latin1.txt"
    attach latin1.txt
    run --separate-stderr st field redact "$ID"
    expect_status 1
    [ "$stderr" = "intake: record $ID may not leave the device: cannot redact attachment 'latin1.txt': text that is not UTF-8 cannot be redacted (convert it to UTF-8 and attach it again)" ]
    run --separate-stderr st field export --to hq --all --keep-metadata -o "$W/b"
    expect_status 1
    [ ! -e "$W/b" ]
    ID=$(printf 'Another.\n' | st field record Nari --title "Other" --date 2024-03-15)
    printf '\377\376N\0a\0r\0i\0\n\0' >"$W/utf16.txt"
    attach utf16.txt
    run --separate-stderr st field redact "$ID"
    expect_status 1
    [[ "$stderr" == *"cannot redact attachment 'utf16.txt': text that is not UTF-8"* ]]
}

# seeded FILE SEED HEAD: 4 KiB of bytes from a fixed sequence (xorshift32
# of SEED) with no NUL, after the bytes HEAD (a Python bytes literal).
seeded() {
    python3 -c 'import sys
x = int(sys.argv[2]); out = bytearray(eval(sys.argv[3]))
while len(out) < 4096:
    x ^= (x << 13) & 0xffffffff; x ^= x >> 17; x ^= (x << 5) & 0xffffffff
    out.append((x >> 24) or 120)
open(sys.argv[1], "wb").write(out)' "$W/$1" "$2" "$3"
}

@test "attach-text: random bytes are a file of unknown type, never text that is not UTF-8 (issue 17)" {
    # Bytes with no NUL, or whose first bytes look like UTF-16 (a 0 in one
    # position of the pairs), were refused as text that is not UTF-8, even
    # with --keep-metadata --send-unchecked (bench/export.sh met one).
    seeded r1.bin 7 'b"Notes: "'
    seeded r2.bin 11 'b"\x93A\0B\x81C\0D\x95E\x9aF\xa7G\x8dH"'
    attach r1.bin
    attach r2.bin
    run --separate-stderr st field redact "$ID" --keep-metadata
    expect_status 1
    [[ "$stderr" == *"the content of attachment 'r1.bin' was not checked for names (a file of unknown type: intake cannot remove its metadata)"* ]]
    [[ "$stderr" == *"the content of attachment 'r2.bin' was not checked for names (a file of unknown type: intake cannot remove its metadata)"* ]]
    [[ "$stderr" != *"not UTF-8"* ]]
    run --separate-stderr st field export --to hq --all --keep-metadata --send-unchecked -o "$W/b"
    expect_status 0
    st hq open "$W/b" -o "$W/out" >/dev/null
    cmp "$W/r1.bin" "$W/out/$ID-attachment-1.bin"
    cmp "$W/r2.bin" "$W/out/$ID-attachment-2.bin"
    # Guards: text in a code page, and UTF-16 text without a mark, are
    # still text that is not UTF-8, whatever the options.
    ID=$(printf 'Another.\n' | st field record Nari --title "Other" --date 2024-03-15)
    printf 'Caf\351 near the river, Fran\347ois said.\r\n\033[0m\n' >"$W/cp1252.txt"
    printf 'K\0i\0m\0 \0Y\0o\0u\0n\0g\0\n\0\075\330\000\336' >"$W/u16.txt"
    attach cp1252.txt
    attach u16.txt
    run --separate-stderr st field export --to hq --all --keep-metadata --send-unchecked -o "$W/b2"
    expect_status 1
    [[ "$stderr" == *"cannot redact attachment 'cp1252.txt': text that is not UTF-8"* ]]
    [[ "$stderr" == *"cannot redact attachment 'u16.txt': text that is not UTF-8"* ]]
}

@test "attach-text: without attachment consent, text attachments neither leave nor block" {
    st field consent Nari --attachments no 2>/dev/null
    printf '<html>Pak Sol-mi</html>\n' >"$W/page.html"
    attach page.html
    run st field redact "$ID"
    expect_status 0
}

@test "attach-text: at HQ, audit checks a text attachment's words like a body: an unredacted one FAILs" {
    TOOLS=$(tools_dir)
    [ -x "$TOOLS/forge" ] || skip "no forge tool (make builds it)"
    printf 'Nothing to hide here.\n' >"$W/notes.txt"
    attach notes.txt
    st field export --to hq --all -o "$W/b" 2>/dev/null
    run st hq audit "$W/b"
    expect_status 0
    [[ "$output" == *"residual-terms     PASS"* ]]
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        "$TOOLS/forge" "$T/field" "$T/hq" "$W/b" rawtext "$W/raw" 3<<<"$PASS"
    run st hq audit "$W/raw"
    expect_status 1
    [[ "$output" == *"residual-terms     FAIL"* ]]
    [[ "$output" == *"FAIL record $ID, attachment-1.txt: "* ]]
    [[ "$output" == *"residual-detectors FAIL"* ]]
    [[ "$output" == *"phone \"010-5555-0199\""* ]]
}

@test "attach-text: attach warns about a WebP's GPS as for a JPEG (L2)" {
    run --separate-stderr st field attach "$ID" "$ROOT/tests/data/media/photo.webp"
    expect_status 0
    [ "$stderr" = "intake: warning: photo.webp holds a location (EXIF GPS): it is flagged; export removes it unless --keep-metadata is given" ]
}

@test "attach-text: a FLAC behind an ID3 tag is audio/flac, leaves as .flac without the tag or its comments (L3)" {
    python3 -c 'import sys; m=open(sys.argv[1],"rb").read(); n=10+((m[6]<<21)|(m[7]<<14)|(m[8]<<7)|m[9]); open(sys.argv[3],"wb").write(m[:n]+open(sys.argv[2],"rb").read())' \
        "$ROOT/tests/data/media/memo.mp3" "$ROOT/tests/data/media/memo.flac" "$W/tagged.flac"
    run st field attach "$ID" "$W/tagged.flac"
    expect_status 0
    [[ "$output" == *"(audio/flac)"* || "$output" == *", audio/flac)"* ]]
    st field export --to hq --all -o "$W/b" 2>/dev/null
    st hq open "$W/b" -o "$W/out" >/dev/null
    got=$W/out/$ID-attachment-1.flac
    [ -f "$got" ]
    [ "$(head -c 4 "$got")" = "fLaC" ]
    ! grep -qa -e 'ID3' -e 'Kim' -e 'Jongsu' -e 'TPE1' "$got" || false
    if command -v exiftool >/dev/null; then
        ! exiftool -a -G1 -s "$got" | grep -Ei 'artist|comment|title|id3'
    fi
}

@test "attach-text: a chained Ogg (two streams one after the other) blocks its record at export, never cut (NEW-5)" {
    cat "$ROOT/tests/data/media/memo.ogg" "$ROOT/tests/data/media/memo.opus" >"$W/chain.ogg"
    attach chain.ogg
    run --separate-stderr st field export --to hq --all -o "$W/b"
    expect_status 1
    [ "$stderr" = "intake: record $ID (Nari) may not leave: cannot remove the metadata of attachment 'chain.ogg': Ogg Vorbis: more than one logical stream (chained) (--keep-metadata sends it as stored)
intake: 1 record(s) may not leave; nothing was exported (--skip-blocked leaves them out)" ]
    [ ! -e "$W/b" ]
}
