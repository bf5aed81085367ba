#!/usr/bin/env bats
# Text attachments that hide names (issue 12: A-5, A-11, A-17, A-19 of the
# outside tester's report). Each kind: the tester's files and more of the
# same kind. redact's verdict and export's agree on every one (a blocked
# record: redact exit 1 "may not leave", export exit 1 and no bundle).
# Made-up names only.

bats_require_minimum_version 1.5.0
load helpers

MARKUP="markup (SVG, XML, HTML, RTF) can hide text that intake does not redact"
CONTROL="text with control characters (terminal colour codes, ESC, C0) cannot be redacted: a name can hide between them (remove them and attach it again)"

setup() {
    common_setup
    W=$T/work
    mkdir -p "$W"
    cd "$W"
    fixture attach_stores ID
}

# attach_stores: field and hq, contacts of each other; field's subject
# Won-sim with consent and one record $ID. Made once per file (fixture);
# each test gets copies.  The protected place (Sinuiju) is added by the two
# tests whose texts hold it: a place with a Hangul name in the gazetteer makes
# every redact and export load hunspell-ko (about 0.9 CPU s; docs/TESTING.md,
# "Session 18"), which was most of this file's CPU.
attach_stores() {
    mkstore field
    mkstore hq
    introduce field hq
    st field subject add --name "Kim Young-ho" --name 김영호 --contact 010-4821-7395 \
        --pseudonym Won-sim >/dev/null
    st field consent Won-sim --export yes --attachments yes --method verbal 2>/dev/null
    ID=$(printf 'Plain body about the weather.\n' | st field record Won-sim --title "Weather" --date 2024-03-15)
}

teardown() { common_teardown; }

# attach FILE: attaches $W/FILE to the record.
attach() {
    st field attach "$ID" "$W/$1" >/dev/null 2>&1
}

# blocked FILE WHY: redact exits 1 naming FILE and WHY (the wording of
# texts_block); export exits 1 and writes nothing; with --keep-metadata
# both agree again ($KEPT: 0 when markup then leaves, 1 when still blocked).
blocked() {
    run --separate-stderr st field redact "$ID"
    expect_status 1
    [ "$stderr" = "intake: record $ID may not leave the device: $2" ]
    run --separate-stderr st field export --to hq --all -o "$W/b"
    expect_status 1
    [[ "$stderr" == *"record $ID (Won-sim) may not leave: $2"* ]]
    [ ! -e "$W/b" ]
}

markup_blocked() {
    blocked "$1" "cannot remove the metadata of attachment '$1': $MARKUP (--keep-metadata sends it as stored)"
}

control_blocked() {
    blocked "$1" "cannot redact attachment '$1': $CONTROL"
    run --separate-stderr st field redact "$ID" --keep-metadata
    expect_status 1
    [ "$stderr" = "intake: record $ID may not leave the device: cannot redact attachment '$1': $CONTROL" ]
    run --separate-stderr st field export --to hq --all --keep-metadata -o "$W/b"
    expect_status 1
    [ ! -e "$W/b" ]
}

# ---- A-5: markup anywhere, not only first ----

@test "attach-text2: HTML after a line of prose is markup (A-5 b1.txt)" {
    st field term add place:Sinuiju >/dev/null 2>&1
    printf 'Transcript follows\n<html><body><p>김<b>영</b>호 lived in Sin<i>uiju</i>.</p><p>Ki<!-- x -->m Young-<span>ho</span></p><p>Tel 010-<b>4821</b>-7395</p></body></html>\n' >"$W/b1.txt"
    attach b1.txt
    markup_blocked b1.txt
}

@test "attach-text2: SVG after a ZERO WIDTH SPACE is markup (A-5 b2.svg)" {
    printf '\342\200\213<svg xmlns="http://www.w3.org/2000/svg"><text x="0">Kim Yo</text><text x="30">ung-ho</text><text>김영</text><text>호</text></svg>\n' >"$W/b2.svg"
    attach b2.svg
    markup_blocked b2.svg
}

@test "attach-text2: markup after NBSP, WORD JOINER, an ideographic space and a BOM (A-5 b3, b4)" {
    printf '\302\240<html>Kim Young-ho</html>\n' >"$W/b3.txt"
    attach b3.txt
    markup_blocked b3.txt
    ID=$(printf 'Other.\n' | st field record Won-sim --title "Other" --date 2024-03-15)
    printf '\342\201\240<svg><text>x</text></svg>\n' >"$W/b4.txt"
    attach b4.txt
    markup_blocked b4.txt
    ID=$(printf 'Third.\n' | st field record Won-sim --title "Third" --date 2024-03-15)
    printf '\343\200\200\357\273\277<svg\n' >"$W/b5.txt"      # unclosed, but first
    attach b5.txt
    markup_blocked b5.txt
}

@test "attach-text2: one tag in the middle of notes, a comment splitting a name, a closing tag alone" {
    printf 'Notes of the day.\nShe said Ki<!-- x -->m came.\n' >"$W/n1.txt"
    attach n1.txt
    markup_blocked n1.txt
    ID=$(printf 'Other.\n' | st field record Won-sim --title "Other" --date 2024-03-15)
    printf 'Kim Yo</b>ung-ho\n' >"$W/n2.md"
    attach n2.md
    markup_blocked n2.md
}

@test "attach-text2: a lone '<' in prose is not markup (a < b, <3, x <- y): redacted, leaves" {
    printf 'If a < b and c > d, then <3 to Kim Young-ho; x <- y.\n<3 always.\n' >"$W/p.txt"
    attach p.txt
    run --separate-stderr st field redact "$ID"
    expect_status 0
    [[ "$output" == *"If a < b and c > d, then <3 to Won-sim; x <- y."* ]]
    run --separate-stderr st field export --to hq --all -o "$W/b"
    expect_status 0
}

@test "attach-text2: markup kept with --keep-metadata is read by the audit: a protected name FAILs redact and export alike (A-17)" {
    printf '<p>Transcript</p>\n<p>김<b>영</b>호 and Ki<!-- x -->m Yo<i>ung-ho</i></p>\n' >"$W/k.html"
    attach k.html
    run --separate-stderr st field redact "$ID" --keep-metadata
    expect_status 1
    [[ "$stderr" == "intake: record $ID may not leave the device: the audit before export FAILs: residual-terms: "* ]]
    run --separate-stderr st field export --to hq --all --keep-metadata -o "$W/b"
    expect_status 1
    [[ "$stderr" == *"FAIL record $ID, attachment-1.txt: protected-term"* ]]
    [[ "$stderr" == *"intake: the audit of this export FAILED (report above); nothing was exported" ]]
    [ ! -e "$W/b" ]
}

@test "attach-text2: markup with no protected word leaves with --keep-metadata; HQ's audit reads its words (WARN)" {
    printf '<html><p>The river was high.</p></html>\n' >"$W/ok.html"
    attach ok.html
    run --separate-stderr st field redact "$ID" --keep-metadata
    expect_status 0
    run --separate-stderr st field export --to hq --all --keep-metadata -o "$W/b"
    expect_status 0
    run st hq audit "$W/b"
    expect_status 0
    [[ "$output" == *"residual-terms     PASS"* ]]
    [[ "$output" == *"not examined: $MARKUP"* ]]
}

@test "attach-text2: markup kept with --keep-metadata: export's attachment check and HQ's audit give the same verdict (WARN, not examined), word for word" {
    printf '<html><p>The river was high.</p></html>\n' >"$W/ok.html"
    attach ok.html
    run --separate-stderr st field export --to hq --all --keep-metadata -o "$W/b"
    expect_status 0
    sent=$(grep -E '^(attachments  |    WARN record [^ ]+, attachment-)' <<<"$stderr")
    run st hq audit "$W/b"
    expect_status 0
    got=$(grep -E '^(attachments  |    WARN record [^ ]+, attachment-)' <<<"$output")
    [ "$sent" = "$got" ]
    [ "$got" = "attachments        WARN  1 of 1 attachment(s) hold metadata or could not be examined; the sender kept metadata with --keep-metadata
    WARN record $ID, attachment-1.txt: attachment-metadata \"not examined: $MARKUP\" (kept with --keep-metadata)" ]
}

# ---- A-19: control characters ----

@test "attach-text2: ANSI colour codes inside a name and a phone block the record, even with --keep-metadata (A-19 d3.txt)" {
    printf 'A Young\033[0m-ho Kim came.\nB \352\271\200\033[1m\354\230\201\355\230\270\033[0m came.\nC Kim Yo\033[mung-ho.\nD 010-48\033[0m21-7395.\n' >"$W/d3.txt"
    attach d3.txt
    control_blocked d3.txt
}

@test "attach-text2: C0 controls inside a name block the record (Kim^_Young-ho, 김^A영호, VT, DEL)" {
    printf 'Kim\037Young-ho came.\n' >"$W/c1.txt"
    attach c1.txt
    control_blocked c1.txt
    ID=$(printf 'Other.\n' | st field record Won-sim --title "Other" --date 2024-03-15)
    printf '\352\271\200\001\354\230\201\355\230\270 came.\n' >"$W/c2.txt"
    attach c2.txt
    control_blocked c2.txt
    ID=$(printf 'Third.\n' | st field record Won-sim --title "Third" --date 2024-03-15)
    printf 'Kim\013Young-ho and Kim Yo\177ung-ho.\n' >"$W/c3.txt"
    attach c3.txt
    control_blocked c3.txt
}

@test "attach-text2: the C1 CSI (U+009B) and an OSC title sequence block the record" {
    printf 'Kim Yo\302\2330mung-ho.\n' >"$W/c4.log"
    attach c4.log
    control_blocked c4.log
    ID=$(printf 'Other.\n' | st field record Won-sim --title "Other" --date 2024-03-15)
    printf '\033]0;Kim Young-ho\007 session\n' >"$W/c5.log"
    attach c5.log
    control_blocked c5.log
}

@test "attach-text2: TAB, CR LF and FF are text: a name and a phone (of the contact: OTHER) between them are replaced, the record leaves" {
    printf 'speaker\tKim Young-ho\r\n\fpage two: 010-4821-7395\r\n' >"$W/t.tsv"
    attach t.tsv
    run --separate-stderr st field redact "$ID" --json
    expect_status 0
    [[ "$output" == *'"text": "speaker\tWon-sim\r\n\fpage two: [OTHER-1]\r\n"'* ]]
    run --separate-stderr st field export --to hq --all -o "$W/b"
    expect_status 0
}

# ---- A-17: a "GIF" that is text ----

@test "attach-text2: text behind a GIF magic is typed text/plain and redacted (A-17 a8.txt)" {
    st field term add place:Sinuiju >/dev/null 2>&1
    printf 'GIF89a Kim Young-ho lived in Sinuiju.\n' >"$W/a8.txt"
    run st field attach "$ID" "$W/a8.txt"
    expect_status 0
    [[ "$output" == *"(38 bytes, text/plain)"* ]]
    run --separate-stderr st field redact "$ID"
    expect_status 0
    [[ "$output" == *"GIF89a Won-sim lived in [PLACE-1]."* ]]
    st field export --to hq --all -o "$W/b" 2>/dev/null
    st hq open "$W/b" -o "$W/out" >/dev/null
    [ "$(cat "$W/out/$ID-attachment-1.txt")" = "GIF89a Won-sim lived in [PLACE-1]." ]
}

@test "attach-text2: a GIF with its NUL bytes is still image/gif, refused without --keep-metadata" {
    printf 'GIF89a\001\000\001\000\200\000\000\000\000\000\377\377\377!\371\004\001\000\000\000\000,\000\000\000\000\001\000\001\000\000\002\002D\001\000;' >"$W/dot.gif"
    run st field attach "$ID" "$W/dot.gif"
    expect_status 0
    [[ "$output" == *"image/gif)"* ]]
    run --separate-stderr st field redact "$ID"
    expect_status 1
    [ "$stderr" = "intake: record $ID may not leave the device: cannot remove the metadata of attachment 'dot.gif': a GIF image: intake cannot remove its metadata (--keep-metadata sends it as stored)" ]
}

@test "attach-text2: a refused type whose bytes are UTF-8 (PDF text) kept with --keep-metadata is read by the audit (A-17)" {
    printf '%%PDF-1.4\n(Kim Young-ho) Tj\n' >"$W/x.pdf"
    attach x.pdf
    # A PDF's content is not checked for names: --keep-metadata alone
    # refuses it (report adv12 A-11); sent unchecked, the audit reads it.
    run --separate-stderr st field redact "$ID" --keep-metadata
    expect_status 1
    [[ "$stderr" == "intake: record $ID may not leave the device: the content of attachment 'x.pdf' was not checked for names ("*"): it would leave as stored (--send-unchecked sends it)" ]]
    run --separate-stderr st field redact "$ID" --keep-metadata --send-unchecked
    expect_status 1
    [[ "$stderr" == "intake: record $ID may not leave the device: the audit before export FAILs: residual-terms: "* ]]
    run --separate-stderr st field export --to hq --all --keep-metadata --send-unchecked -o "$W/b"
    expect_status 1
    [ ! -e "$W/b" ]
}

# ---- A-11: an attachment whose metadata cannot be removed ----

# A minimal MP4 with one video track (ftyp, moov/trak/mdia/hdlr 'vide').
video_mp4() {
    printf '\0\0\0\020ftypisom\0\0\0\0\0\0\0\064moov\0\0\0\054trak\0\0\0\044mdia\0\0\0\034hdlr\0\0\0\0\0\0\0\0vide\0\0\0\0\0\0\0\0' >"$1"
}

@test "attach-text2: redact of a record with a video MP4 says it may not leave (exit 1), and export blocks it for the same reason (exit 1, A-11)" {
    video_mp4 "$W/c7.mp4"
    attach c7.mp4
    run --separate-stderr st field redact "$ID"
    expect_status 1
    [ "$stderr" = "intake: record $ID may not leave the device: cannot remove the metadata of attachment 'c7.mp4': MP4: a track that is not sound (video or other): intake strips audio-only MP4 (--keep-metadata sends it as stored)" ]
    run --separate-stderr st field export --to hq --all -o "$W/b"
    expect_status 1
    [ "$stderr" = "intake: record $ID (Won-sim) may not leave: cannot remove the metadata of attachment 'c7.mp4': MP4: a track that is not sound (video or other): intake strips audio-only MP4 (--keep-metadata sends it as stored)
intake: 1 record(s) may not leave; nothing was exported (--skip-blocked leaves them out)" ]
    [ ! -e "$W/b" ]
    run --separate-stderr st field redact "$ID" --json
    expect_status 1
    [[ "$output" == *'"may_leave": false'* ]]
    # the reason, as for markup or a consent (one list)
    [[ "$output" == *"\"blocked\": \"cannot remove the metadata of attachment 'c7.mp4': MP4: a track that is not sound (video or other): intake strips audio-only MP4 (--keep-metadata sends it as stored)\""* ]]
    # Kept as stored, its content is still unread (f12-enc, A-11 of adv12):
    # refused until --send-unchecked says so too.
    run --separate-stderr st field redact "$ID" --keep-metadata
    expect_status 1
    [[ "$stderr" == *"the content of attachment 'c7.mp4' was not checked for names"*"--send-unchecked"* ]]
    run --separate-stderr st field export --to hq --all --keep-metadata -o "$W/b"
    expect_status 1
    [ ! -e "$W/b" ]
    run --separate-stderr st field redact "$ID" --keep-metadata --send-unchecked
    expect_status 0
    run --separate-stderr st field export --to hq --all --keep-metadata --send-unchecked -o "$W/b"
    expect_status 0
}

@test "attach-text2: export --skip-blocked leaves out a record whose video MP4 keeps its metadata and exports the rest, exactly the records redact says may leave" {
    video_mp4 "$W/c7.mp4"
    attach c7.mp4
    OTHER=$(printf 'Plain body about the rain.\n' | st field record Won-sim --title "Rain" --date 2024-03-16)
    run --separate-stderr st field redact "$OTHER"
    expect_status 0
    run --separate-stderr st field export --to hq --all --skip-blocked -o "$W/b"
    expect_status 0
    [ "$output" = "$W/b" ]
    [[ "$stderr" == "intake: record $ID (Won-sim) may not leave: cannot remove the metadata of attachment 'c7.mp4': MP4: a track that is not sound (video or other): intake strips audio-only MP4 (--keep-metadata sends it as stored)
intake: left out 1 blocked record(s)"* ]]
    [[ "$stderr" == *"intake: exported 1 record(s) to hq" ]]
    # What left: the other record only, never counted as sending the blocked one.
    [ "$(st hq open "$W/b" --json 2>/dev/null | python3 -c 'import json, sys; print(" ".join(r["id"] for r in json.load(sys.stdin)["records"]))')" = "$OTHER" ]
    run --separate-stderr st field export --to hq --all --not-sent-to hq --skip-blocked -o "$W/c"
    expect_status 1
    [[ "$stderr" == *"intake: every selected record may not leave (1, listed above); no bundle was written" ]]
}

# ---- At headquarters: the audit reads the words of markup and of text
# with controls that arrive (a sender that did not redact them) ----

# forged MODE: a bundle of the record with a plain text attachment, its
# data replaced by forge MODE, in $W/raw.
forged() {
    TOOLS=$(tools_dir)
    [ -x "$TOOLS/forge" ] || skip "no forge tool (make builds it)"
    printf 'Nothing to hide here.\n' >"$W/notes.txt"
    attach notes.txt
    st field export --to hq --all -o "$W/b" 2>/dev/null
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        "$TOOLS/forge" "$T/field" "$T/hq" "$W/b" "$1" "$W/raw" 3<<<"$PASS"
}

@test "attach-text2: HQ audit FAILs markup that splits a registered name and phone with tags (A-5, A-17)" {
    forged rawmarkup
    run st hq audit "$W/raw"
    expect_status 1
    [[ "$output" == *"residual-terms     FAIL"* ]]
    [[ "$output" == *"FAIL record $ID, attachment-1.txt: protected-term"* ]]
    [[ "$output" == *"not examined: $MARKUP"* ]]
}

@test "attach-text2: HQ audit FAILs ANSI codes that split a registered name and phone (A-19)" {
    forged rawansi
    run st hq audit "$W/raw"
    expect_status 1
    [[ "$output" == *"residual-terms     FAIL"* ]]
    [[ "$output" == *"FAIL record $ID, attachment-1.txt: protected-term"* ]]
    [[ "$output" == *"not examined: $CONTROL"* ]]
}

# ---- A-23: structured text (CSV, JSON) ----

@test "attach-text2: dates of birth under a CSV 'dob' header are read as labelled: the record may not leave, redact and export alike (A-23 t.csv)" {
    printf 'family,given,phone,dob\nKim,Young-ho,01048217395,1975-03-14\n김,영호,010-4821-7395,750314\nBatbayar,Altangerel,99114728,19850315\n' >"$W/t.csv"
    attach t.csv
    run --separate-stderr st field redact "$ID"
    expect_status 1
    [ "$stderr" = "intake: record $ID may not leave the device: the audit before export FAILs: residual-detectors: date [6 characters] (identifying data the redactor should have replaced)" ]
    run --separate-stderr st field export --to hq --all -o "$W/b"
    expect_status 1
    [[ "$stderr" == *"FAIL record $ID, attachment-1.txt: date [6 characters]"* ]]
    [ ! -e "$W/b" ]
}

@test "attach-text2: birth headers in Korean, Mongolian, Russian and TSV/semicolon files label their column (A-23)" {
    for hdr in '생년월일' 'төрсөн' 'Дата рождения' 'Date of birth'; do
        ID=$(printf 'Table.\n' | st field record Won-sim --title "Table" --date 2024-03-15)
        # rows between: the header is too far for an inline label
        printf 'name;%s\nAlpha Beta Gamma Delta Epsilon;\nAlpha Beta Gamma Delta Epsilon;\nX;750314\n' "$hdr" >"$W/h.csv"
        attach h.csv
        run --separate-stderr st field redact "$ID"
        expect_status 1
        [[ "$stderr" == *"residual-detectors: date [6 characters]"* ]]
    done
    ID=$(printf 'Table.\n' | st field record Won-sim --title "Table" --date 2024-03-15)
    printf 'name\tDOB\nAlpha Beta Gamma Delta Epsilon\t\nAlpha Beta Gamma Delta Epsilon\t\nX\t19850315\n' >"$W/h.tsv"
    attach h.tsv
    run --separate-stderr st field redact "$ID"
    expect_status 1
    [[ "$stderr" == *"residual-detectors: date"* ]]
}

@test "attach-text2: a column of numbers under another header leaves; an empty dob column too (A-23)" {
    printf 'item,count,dob\nAlpha Beta Gamma Delta Epsilon,,\nAlpha Beta Gamma Delta Epsilon,,\nrice,750314,\nsalt,19850315,\n' >"$W/ok.csv"
    attach ok.csv
    run --separate-stderr st field redact "$ID"
    expect_status 0
    [[ "$output" == *"rice,750314,"* ]]
}

@test "attach-text2: JSON fields that spell a registered name in order block the record, redact and export alike (A-23 t2.json)" {
    printf '{"family":"Kim","given":"Young","middle":"Ho"}\n' >"$W/t2.json"
    attach t2.json
    run --separate-stderr st field redact "$ID"
    expect_status 1
    [[ "$stderr" == "intake: record $ID may not leave the device: the audit before export FAILs: residual-terms: protected-term"* ]]
    run --separate-stderr st field export --to hq --all -o "$W/b"
    expect_status 1
    [ ! -e "$W/b" ]
    ID=$(printf 'Other.\n' | st field record Won-sim --title "Other" --date 2024-03-15)
    printf '{"surname":"김","name":"영","name2":"호"}\n' >"$W/t3.json"
    attach t3.json
    run --separate-stderr st field redact "$ID"
    expect_status 1
    [[ "$stderr" == *"the audit before export FAILs: residual-terms: "* ]]
}

@test "attach-text2: CSV cells that spell a registered name (Kim,Young,Ho; 김,영,호) block the record; other names leave (A-23)" {
    printf 'a,b,c\nKim,Young,Ho\n' >"$W/n.csv"
    attach n.csv
    run --separate-stderr st field redact "$ID"
    expect_status 1
    [[ "$stderr" == *"the audit before export FAILs: residual-terms: protected-term"* ]]
    ID=$(printf 'Other.\n' | st field record Won-sim --title "Other" --date 2024-03-15)
    printf 'a,b,c\n김,영,호\n' >"$W/n2.csv"
    attach n2.csv
    run --separate-stderr st field redact "$ID"
    expect_status 1
    ID=$(printf 'Third.\n' | st field record Won-sim --title "Third" --date 2024-03-15)
    printf '{"family":"Park","given":"River","middle":"Stone"}\na,b\nRiver,Stone\n' >"$W/n3.json"
    attach n3.json
    run --separate-stderr st field redact "$ID"
    expect_status 0
}

@test "attach-text2: HQ audit reads a table's cells together too (A-23)" {
    TOOLS=$(tools_dir)
    [ -x "$TOOLS/forge" ] || skip "no forge tool (make builds it)"
    printf 'Nothing to hide here.\n' >"$W/notes.txt"
    attach notes.txt
    st field export --to hq --all -o "$W/b" 2>/dev/null
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        "$TOOLS/forge" "$T/field" "$T/hq" "$W/b" rawtable "$W/raw" 3<<<"$PASS"
    run st hq audit "$W/raw"
    expect_status 1
    [[ "$output" == *"residual-terms     FAIL"* ]]
    [[ "$output" == *"residual-detectors FAIL"* ]]
    [[ "$output" == *"FAIL record $ID, attachment-1.txt: protected-term \"Young Ho\""* ]]
    [[ "$output" == *"FAIL record $ID, attachment-1.txt: date \"19750314\""* ]]
}
