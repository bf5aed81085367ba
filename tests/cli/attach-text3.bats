#!/usr/bin/env bats
# Attachments whose content intake cannot read for names, RTF, and the
# names attachments leave with (report adv12 A-11, A-12, A-14). redact's
# verdict and export's agree on every one. Made-up names only.

bats_require_minimum_version 1.5.0
load helpers

MARKUP="markup (SVG, XML, HTML, RTF) can hide text that intake does not redact"
NOTUTF8="text that is not UTF-8 cannot be redacted (convert it to UTF-8 and attach it again)"

setup() {
    common_setup
    W=$T/work
    mkdir -p "$W"
    cd "$W"
    fixture attach_stores ID
}

# attach_stores: field and hq, contacts of each other, field's subject
# Won-sim with consent and one record $ID; once per file (fixture).
attach_stores() {
    mkstore field
    mkstore hq
    introduce field hq
    st field subject add --name "Kim Young-ho" --name 김영호 --locale ko --pseudonym Won-sim >/dev/null
    st field consent Won-sim --export yes --attachments yes --method verbal 2>/dev/null
    ID=$(printf 'Plain words.\n' | st field record Won-sim --title "Weather" --date 2024-03-15)
}

teardown() { common_teardown; }

attach() {
    st field attach "$ID" "$W/$1" >/dev/null 2>&1
}

# unchecked FILE: with --keep-metadata, redact and export refuse the record
# naming FILE as not checked for names (exit 1, no bundle); with
# --send-unchecked as well, both let it go and redact says so for it.
unchecked() {
    local f=$1
    run --separate-stderr st field redact "$ID" --keep-metadata
    expect_status 1
    [[ "$stderr" == "intake: record $ID may not leave the device: the content of attachment '$f' was not checked for names ("*"): it would leave as stored (--send-unchecked sends it)" ]] ||
        { printf '%s\n' "$stderr" >&2; false; }
    run --separate-stderr st field export --to hq --all --keep-metadata -o "$W/b"
    expect_status 1
    [[ "$stderr" == *"record $ID (Won-sim) may not leave: the content of attachment '$f' was not checked for names ("*"): it would leave as stored (--send-unchecked sends it)"* ]]
    [ ! -e "$W/b" ]
    run --separate-stderr st field redact "$ID" --keep-metadata --send-unchecked
    expect_status 0
    [[ "$output" == *"its content was not checked for names; it leaves as stored (--send-unchecked)"* ]] ||
        { printf '%s\n' "$output" >&2; false; }
    run --separate-stderr st field export --to hq --all --keep-metadata --send-unchecked -o "$W/b"
    expect_status 0
    [ -s "$W/b" ]
    run st hq audit "$W/b"
    [[ "$output" == *"not examined"* ]] || { printf '%s\n' "$output" >&2; false; }
}

@test "attach-text3: gzip, a ZIP (docx) and unknown bytes with --keep-metadata need --send-unchecked (A-11)" {
    printf 'Interview notes: Kim Young-ho came.\n' | gzip -c >"$W/a7.txt.gz"
    attach a7.txt.gz
    unchecked a7.txt.gz
}

@test "attach-text3: a docx (ZIP) holding the name is not sent silently with --keep-metadata (A-11 a4.docx)" {
    printf 'PK\003\004\024\000\000\000\000\000word/document.xml<w:t>김영호</w:t>' >"$W/a4.docx"
    attach a4.docx
    unchecked a4.docx
}

@test "attach-text3: bytes of no known type are not sent silently with --keep-metadata (A-11)" {
    printf '\001\002\003\004Kim Young-ho\000\377\376\375' >"$W/x.bin"
    attach x.bin
    unchecked x.bin
}

@test "attach-text3: UTF-16 without a byte order mark is refused as not UTF-8, --keep-metadata or not (A-11 a9)" {
    printf 'Interview notes: Kim Young-ho came.\n' | iconv -f UTF-8 -t UTF-16BE >"$W/a9.txt"
    printf 'Interview notes: 김영호 came.\n' | iconv -f UTF-8 -t UTF-16LE >"$W/a10.txt"
    for f in a9.txt a10.txt; do
        rm -rf "$T/field.keep"; cp -a "$T/field" "$T/field.keep"
        attach "$f"
        run --separate-stderr st field redact "$ID"
        expect_status 1
        [ "$stderr" = "intake: record $ID may not leave the device: cannot redact attachment '$f': $NOTUTF8" ]
        run --separate-stderr st field redact "$ID" --keep-metadata --send-unchecked
        expect_status 1
        [ "$stderr" = "intake: record $ID may not leave the device: cannot redact attachment '$f': $NOTUTF8" ]
        run --separate-stderr st field export --to hq --all --keep-metadata --send-unchecked -o "$W/b"
        expect_status 1
        [ ! -e "$W/b" ]
        rm -rf "$T/field"; mv "$T/field.keep" "$T/field"
    done
}

@test "attach-text3: an RTF attachment is markup: refused, and with --keep-metadata the audit reads its escapes (A-12 a1.rtf)" {
    printf '{\\rtf1\\ansi Interview: \\u44608?\\u50689?\\u54840? came.}\n' >"$W/a1.rtf"
    printf '{\\rtf1\\ansi\\ansicpg949 Interview: \\'"'"'b1\\'"'"'e8\\'"'"'bf\\'"'"'b5\\'"'"'c8\\'"'"'a3 came.}\n' >"$W/a2.txt"
    for f in a1.rtf a2.txt; do
        rm -rf "$T/field.keep"; cp -a "$T/field" "$T/field.keep"
        attach "$f"
        run --separate-stderr st field redact "$ID"
        expect_status 1
        [ "$stderr" = "intake: record $ID may not leave the device: cannot remove the metadata of attachment '$f': $MARKUP (--keep-metadata sends it as stored)" ]
        run --separate-stderr st field export --to hq --all -o "$W/b"
        expect_status 1
        [ ! -e "$W/b" ]
        rm -rf "$T/field"; mv "$T/field.keep" "$T/field"
    done
    # Kept as stored: the audit reads \uN? as the name and FAILs the record.
    attach a1.rtf
    run --separate-stderr st field redact "$ID" --keep-metadata
    expect_status 1
    [[ "$stderr" == *"the audit before export FAILs"* ]] || { printf '%s\n' "$stderr" >&2; false; }
    run --separate-stderr st field export --to hq --all --keep-metadata -o "$W/b"
    expect_status 1
    [ ! -e "$W/b" ]
}

@test "attach-text3: redact shows the name an attachment leaves with, the stored one only with --diff --reveal (A-14)" {
    printf 'Notes about the weather.\n' >"$W/김영호_010-1234-5678.txt"
    attach "김영호_010-1234-5678.txt"
    run --separate-stderr st field redact "$ID"
    expect_status 0
    [[ "$output" == *"--- attachment1: attachment-1.txt ---"* ]] || { printf '%s\n' "$output" >&2; false; }
    [[ "$output" != *"김영호"* && "$output" != *"1234"* ]]
    run --separate-stderr st field redact "$ID" --json
    expect_status 0
    [ "$(printf '%s' "$output" | jq -r '.attachments[0].name')" = attachment-1.txt ]
    [[ "$output" != *"김영호"* ]]
    run --separate-stderr st field export --to hq --all -o "$W/b"
    expect_status 0
    st hq open "$W/b" -o "$W/out" >/dev/null
    [ -f "$W/out/$ID-attachment-1.txt" ]
}
