#!/usr/bin/env bats
# Continued from privacy.bats (issue 3): redact, subject forget and the
# wiping of arguments, with their refusals and bad inputs.

bats_require_minimum_version 1.5.0
load helpers
load privacy

# ---------------------------------------------------------------- redact

@test "redact: prints the record as it would leave, refuses to call it ready without consent" {
    add_story
    run --separate-stderr ik redact "$ID"
    expect_status 1
    expected=$'Rim-il in [PLACE-1]\n\nRim-il (Rim-il는) worked at [EMPLOYER-1] in [PLACE-1].\nCall [PHONE-1]. Mr Smith came.'
    [ "$output" = "$expected" ] || { printf 'got:\n%s\n' "$output" >&2; false; }
    [ "$stderr" = "intake: record $ID may not leave the device: no consent is recorded (record it with 'intake consent PSEUDONYM --export yes'); 1 review flag unresolved (see 'intake redact --report'; protect with 'intake term add' or allow with 'intake allow')" ]
    ik consent "$P" --export yes 2>/dev/null
    run --separate-stderr ik redact "$ID"
    expect_status 1
    [ "$stderr" = "intake: record $ID may not leave the device: 1 review flag unresolved (see 'intake redact --report'; protect with 'intake term add' or allow with 'intake allow')" ]
    ik allow "Mr Smith" 2>/dev/null
    run --separate-stderr ik redact "$ID"
    expect_status 0
    [ "$output" = "$expected" ]
    [ -z "$stderr" ]
    ik consent "$P" --embargo 2999-12-31 2>/dev/null
    run --separate-stderr ik redact "$ID"
    expect_status 1
    [ "$stderr" = "intake: record $ID may not leave the device: under embargo until 2999-12-31" ]
    ik consent "$P" --export no 2>/dev/null
    run --separate-stderr ik redact "$ID"
    [ "$stderr" = "intake: record $ID may not leave the device: the recorded consent does not allow export (--export no)" ]
}

@test "redact: a missing dictionary is said, one line each, and flags more, never fewer" {
    P=$(ik subject add --name "Гэрэл" --pseudonym Tuya --locale mn)
    ik consent "$P" --export yes 2>/dev/null
    # (Not "гэрэл унтарсан": a verb no person does marks the word since
    # brief s28 flags28; not "гэрэл зураг авсан": a set phrase in lower
    # case is the word since brief s29 word29.  "гэрлийн хурд", the speed
    # of light, may be "Gerel's speed".)
    ID=$(printf 'гэрлийн хурд.\n' | ik record "$P" --title "Light" --date 2024-03-15)
    run --separate-stderr ik redact "$ID" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qxF $'flag\tbody\t0\t14\tname-or-word\tunresolved\tгэрлийн'
    # Without hunspell-mn the word is taken for the name: replaced, and said.
    INTAKE_DICTIONARIES=$T/nowhere run --separate-stderr ik redact "$ID"
    expect_status 0
    [ "$output" = $'Light\n\nTuya хурд.' ]
    [[ "$stderr" == *"intake: warning: the Mongolian dictionary (hunspell-mn) is missing: no Mongolian word is taken for an ordinary word (name-shaped words are flagged for review, registered names that are also words always replaced); install it with 'apt-get install hunspell-mn'"* ]]
}

@test "redact: the dictionaries are read only for a text that has a word to look up (none missing is said otherwise)" {
    P=$(ik subject add --name "Kim Jong-su" --name "김종수" --name "Гэрэл" --pseudonym Rim-il --locale ko)
    ik consent "$P" --export yes 2>/dev/null
    A=$(printf 'He worked at the port in the spring.\n' | ik record "$P" --title "Port" --date 2024-03-15)
    # No name-shaped word, no name that is also a word: no dictionary asked.
    INTAKE_DICTIONARIES=$T/nowhere run --separate-stderr ik redact "$A"
    expect_status 0
    [ "$output" = $'Port\n\nHe worked at the port in the spring.' ]
    [ -z "$stderr" ]
    # A Korean word shaped like a name: only the Korean dictionary is asked.
    B=$(printf '우리는 항구에서 일했다.\n' | ik record "$P" --title "Port" --date 2024-03-15)
    INTAKE_DICTIONARIES=$T/nowhere run --separate-stderr ik redact "$B"
    [[ "$stderr" == *"(hunspell-ko) is missing"* ]]
    [[ "$stderr" != *"hunspell-mn"* && "$stderr" != *"hunspell-en-us"* ]]
    # With the dictionaries, the same answers as before.
    run --separate-stderr ik redact "$B"
    expect_status 0
    [ "$output" = $'Port\n\n우리는 항구에서 일했다.' ]
}

@test "redact: North Korean words, spellings and endings of testimony raise no flag; a name among them does (issue 13)" {
    P=$(ik subject add --name "Kim Jong-su" --name "김종수" --pseudonym Rim-il --locale ko)
    ik consent "$P" --export yes 2>/dev/null
    # The outside tester's 기록자 and 장마당, and each other kind: a North
    # Korean word with particles, 로동 (no initial-sound rule), a Hamgyong
    # ending, a compound written as one word.
    ID=$(printf '기록자가 왔다. 오마니는 장마당에서 팔았슴다. 로동자들은 기름값이 올랐다고 했지비.\n' |
        ik record "$P" --title "Market" --date 2024-03-15)
    run --separate-stderr ik redact "$ID" --report
    expect_status 0
    [[ "$output" != *flag* ]]
    # The same text with a name nobody registered: flagged, shown, blocks.
    N=$(printf '장마당에서 박철호를 만났슴다.\n' | ik record "$P" --title "Market" --date 2024-03-15)
    run --separate-stderr ik redact "$N" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qE $'^flag\tbody\t[0-9]+\t9\tkorean-name\tunresolved\t박철호$'
}

@test "redact and subject show: one consent day in every time zone (UTC-12, never earlier than any local calendar)" {
    command -v faketime >/dev/null || skip "faketime is not installed (scripts/deps.sh deb)"
    # faketime is a preload; ASan insists on coming first and stops the
    # program ("ASan runtime does not come first").
    [[ "$INTAKE" != */san/* ]] || skip "faketime's preload cannot run under the sanitizers"
    # A record in English: the consent day is the subject's, not the
    # text's, and 20 redacts of Korean words would load hunspell-ko 20
    # times (docs/SPEED.md, "Session 24").
    P=$(ik subject add --name "Kim Jong-su" --pseudonym "Rim-il")
    ID=$(printf 'Kim Jong-su worked at the port.\n' | ik record "$P" --title "Port" --date 2023-05-01)
    # at INSTANT (UTC) EMBARGO WANT: redact's status in each time zone, and
    # subject show's answer, at that instant.
    at() {
        local e tz s
        e=$(date -u -d "$1" +%s)
        ik consent "$P" --export yes --embargo "$2" 2>/dev/null
        for tz in UTC Pacific/Pago_Pago Pacific/Kiritimati Asia/Seoul America/Los_Angeles; do
            s=$(TZ=$tz date -d "@$e" '+%F %T')
            TZ=$tz run --separate-stderr faketime "$s" "$INTAKE" --home "$H" --passphrase-fd 3 redact "$ID" 3<<<"$PASS"
            [ "$status" -eq "$3" ] || { echo "$1 in $tz ($s): embargo until $2, redact $status: $stderr" >&2; false; }
            TZ=$tz run faketime "$s" "$INTAKE" --home "$H" --passphrase-fd 3 subject show "$P" 3<<<"$PASS"
            if [ "$3" -eq 0 ]; then [[ "$output" == *"may leave the device: yes"* ]]
            else [[ "$output" == *"may leave the device: no (under embargo until $2)"* ]]; fi
        done
    }
    # 23:30 UTC on the 14th: the 15th in Kiritimati (UTC+14), the 14th at UTC-12.
    at "2026-03-14 23:30:00" 2026-03-15 1
    at "2026-03-14 23:30:00" 2026-03-14 0
    # The 15th begins at UTC-12 at 12:00 UTC: the embargo ends then, everywhere.
    at "2026-03-15 11:59:00" 2026-03-15 1
    at "2026-03-15 12:01:00" 2026-03-15 0
}

@test "redact --report: spans, categories and rules, never the original text" {
    add_story
    run --separate-stderr ik redact "$ID" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qxF $'redaction\ttitle\t0\t6\tpseudonym\tvariant'
    printf '%s\n' "$output" | grep -qxF $'redaction\ttitle\t10\t9\tplace\texact'
    printf '%s\n' "$output" | grep -qxF $'redaction\tplace\t0\t9\tplace\texact'
    printf '%s\n' "$output" | grep -qxF $'redaction\ttag1\t0\t9\tplace\texact'
    printf '%s\n' "$output" | grep -qxF $'redaction\tbody\t8\t6\tpseudonym\tinflection'
    printf '%s\n' "$output" | grep -qxF $'redaction\tbody\t29\t12\temployer\texact'
    printf '%s\n' "$output" | grep -qE $'^redaction\tbody\t[0-9]+\t9\tphone\tpattern$'
    # A flag shows the flagged word: it stays in what leaves (issue 13).
    printf '%s\n' "$output" | grep -qE $'^flag\tbody\t[0-9]+\t8\ttitle-name\tunresolved\tMr Smith$'
    for s in "Kim" "김종수" "Chongjin" "Lada" "2000-0000"; do
        [[ "$output" != *"$s"* ]] || { echo "report shows $s" >&2; false; }
    done
    # The span of the body's phone placeholder is where it is in the text.
    body=$(ik redact "$ID" --json | jq -r .body)
    start=$(printf '%s\n' "$output" | awk -F'\t' '$5 == "phone" { print $3 }')
    [ "${body:0:200}" != "" ]
    [ "$(printf '%s' "$body" | head -c $((start + 9)) | tail -c 9)" = "[PHONE-1]" ]
}

@test "redact --json: fields, redactions, flags and whether it may leave" {
    add_story
    run --separate-stderr ik redact "$ID" --json
    expect_status 1
    j=$output
    [ "$(jq -r .title <<<"$j")" = "Rim-il in [PLACE-1]" ]
    [ "$(jq -r .place <<<"$j")" = "[PLACE-1]" ]
    [ "$(jq -c .tags <<<"$j")" = '["[PLACE-1]","border"]' ]
    [ "$(jq -r .pseudonym <<<"$j")" = Rim-il ]
    [ "$(jq -r .id <<<"$j")" = "$ID" ]
    [ "$(jq -r .unresolved <<<"$j")" = 1 ]
    [ "$(jq -r .may_leave <<<"$j")" = false ]
    [ "$(jq '.redactions | length' <<<"$j")" -ge 8 ]
    [ "$(jq -r '.flags[0].kind' <<<"$j")" = title-name ]
    [[ "$j" != *"Kim"* && "$j" != *"Chongjin"* && "$j" != *"Lada"* ]]
}

@test "redact --json: the date as export sends it, the month unless --exact-dates (L5)" {
    add_story
    run --separate-stderr ik redact "$ID" --json
    [ "$(jq -r .date <<<"$output")" = 2023-05 ]
    [ "$(jq -r .date_precision <<<"$output")" = month ]
    [[ "$output" != *"2023-05-01"* ]]
    run --separate-stderr ik redact "$ID" --json --exact-dates
    [ "$(jq -r .date <<<"$output")" = 2023-05-01 ]
    [ "$(jq -r .date_precision <<<"$output")" = day ]
}

@test "redact --to: export's option, its names checked as export checks them" {
    add_story
    refused 2 "--to given twice (see 'intake help redact')" redact "$ID" --to a --to b
    refused 2 "--to names no contact (see 'intake help redact')" redact "$ID" --to ,
    run --separate-stderr ik redact "$ID" --to nobody
    expect_status 2
    [ "$stderr" = "intake: no contact named 'nobody' (see 'intake contact list')" ] || { echo "$stderr" >&2; false; }
}

@test "redact: a term added later is redacted at once; manual marks" {
    add_story
    ID2=$(printf 'The [[red house]] near Hamhung.\n' | ik record "$P" --title "Hamhung")
    ik term add place Hamhung >/dev/null
    run --separate-stderr ik redact "$ID2"
    [ "$output" = $'[PLACE-1]\n\nThe [REDACTED-1] near [PLACE-1].' ]
}

@test "redact: the compiled terms are kept in the store after a redaction that may leave, not after a refused one" {
    add_story
    ID2=$(printf 'Near Hamhung.\n' | ik record "$P" --title "Hamhung")
    before=$(store_sums)
    run --separate-stderr ik redact "$ID"
    expect_status 1
    [ "$(store_sums)" = "$before" ] || { echo "a refused redaction changed the store" >&2; false; }
    ik consent "$P" --export yes 2>/dev/null
    ik allow "Mr Smith" 2>/dev/null
    before=$(store_sums)
    run --separate-stderr ik redact "$ID"
    expect_status 0
    first=$output
    kept=$(store_sums)
    [ "$kept" != "$before" ] || { echo "the matcher was not kept" >&2; false; }
    # The second run loads them: the same output, and nothing written again.
    run --separate-stderr ik redact "$ID"
    expect_status 0
    [ "$output" = "$first" ]
    [ "$(store_sums)" = "$kept" ] || { echo "the kept matcher was written again" >&2; false; }
    # A term added or removed later counts at once.
    tid=$(ik term add place Hamhung)
    run --separate-stderr ik redact "$ID2"
    expect_status 0
    [ "$output" = $'[PLACE-1]\n\nNear [PLACE-1].' ]
    ik term remove "$tid" 2>/dev/null
    run --separate-stderr ik redact "$ID2"
    expect_status 0
    [ "$output" = $'Hamhung\n\nNear Hamhung.' ]
}

@test "redact --diff --reveal: only to a terminal" {
    add_story
    refused 2 "--diff --reveal shows real names and goes only to a terminal, not to a file or pipe" \
        redact "$ID" --diff --reveal
    refused 2 "--diff shows the original text and needs --reveal (and --reveal goes only with --diff) (see 'intake help redact')" \
        redact "$ID" --diff
    refused 2 "--diff shows the original text and needs --reveal (and --reveal goes only with --diff) (see 'intake help redact')" \
        redact "$ID" --reveal
    refused 2 "--diff --reveal goes alone, without --report or --json (see 'intake help redact')" \
        redact "$ID" --diff --reveal --json
    command -v script >/dev/null || skip "script (util-linux) is not installed"
    printf '%s\n' "$PASS" >"$T/pass"
    run script -qec "'$INTAKE' --home '$H' --passphrase-fd 3 redact $ID --diff --reveal 3<'$T/pass'" /dev/null
    [[ "$output" == *"ORIGINAL"*"REDACTED"* ]]
    [[ "$output" == *"Kim Jong-su"*"Rim-il"* ]]
    [[ "$output" == *"Call +82 10-2000-0000. Mr Smith came."*"Call [PHONE-1]. Mr Smith came."* ]]
    [[ "$output" == *"may not leave the device"* ]]
}

@test "redact: unknown record, bad usage" {
    add_story
    refused 2 "no record with id 'nope' (see 'intake list')" redact nope
    refused 2 "redact needs one RECORD id (see 'intake list') (see 'intake help redact')" redact
    refused 2 "unknown option '--all' (see 'intake help redact')" redact "$ID" --all
}

@test "bad input in a file: a NUL byte in a testimony is refused" {
    add_story
    printf 'Kim\0Jong-su\n' >"$T/body"
    refused 2 "$T/body contains a NUL byte" record "$P" --file "$T/body"
}

# ---------------------------------------------------------------- forget

@test "subject forget: needs --yes off a terminal; deletes everything of the subject" {
    add_story
    ik subject add --name "Pak Chol" --pseudonym Gerelee >/dev/null
    printf 'other testimony zebra\n' | ik record Gerelee --title other >/dev/null
    ik consent "$P" --export yes 2>/dev/null
    ik term add place Hoeryong >/dev/null
    refused 2 "subject forget deletes 'Rim-il' and all its records for good; add --yes when not at a terminal (see 'intake help subject')" \
        subject forget "$P"
    refused 2 "no subject with pseudonym 'Nobody' (see 'intake subject list')" subject forget Nobody --yes
    run --separate-stderr ik subject forget "$P" --yes
    expect_status 0
    [ "$stderr" = "intake: forgot Rim-il and 1 record" ]
    run ik subject list
    [ "$(printf '%s\n' "$output" | cut -f1)" = Gerelee ]
    run ik list
    [ "$(printf '%s\n' "$output" | wc -l)" -eq 1 ]
    [[ "$output" != *"$ID"* ]]
    run ik search worked
    [ -z "$output" ]
    run ik search zebra
    [ -n "$output" ]
    run ik term list
    [ "$output" = "$(ik term list | grep Hoeryong)" ]
    [[ "$output" != *Chongjin* ]]
    refused 2 "no record with id '$ID' (see 'intake list')" redact "$ID"
    # Its name may now be used again, and its pseudonym is free.
    run ik subject add --name "Kim Jong-su" --pseudonym Rim-il
    expect_status 0
    # The write-ahead log was truncated.
    [ ! -s "$H/store.db-wal" ] || [ "$(stat -c %s "$H/store.db-wal")" -lt 200000 ]
}

# ---------------------------------------------------------------- argv

# Every argument after the command name is moved to locked memory and
# wiped before anything is parsed or read (issue 14, item 16): while the
# command waits on its input (the passphrase on a FIFO, or the body after
# unlocking), /proc/PID/cmdline shows the program and the command only.
@test "argv: every argument is wiped from /proc/PID/cmdline while the command waits" {
    add_story
    printf 'audio\n' >"$T/Yonder-Kim-interview.txt"
    # check_wiped WAITS_ON ARGS...: WAITS_ON is pass (descriptor 3) or body
    # (standard input, after unlocking); the command must then succeed.
    check_wiped() {
        local waits=$1 fifo=$T/fifo pid cmdline want
        shift
        rm -f "$fifo"
        mkfifo "$fifo"
        if [ "$waits" = body ]; then
            "$INTAKE" --home "$H" --passphrase-fd 3 "$@" 3<<<"$PASS" <"$fifo" >"$T/out" 2>&1 &
        else
            "$INTAKE" --home "$H" --passphrase-fd 3 "$@" 3<"$fifo" </dev/null >"$T/out" 2>&1 &
        fi
        pid=$!
        exec 4>"$fifo"
        # The wipe comes before anything is read, so the command, blocked on
        # the FIFO, must show only its name: look until it does (a loaded
        # machine or the sanitizer build starts slowly), for 20 s at most.
        want="$INTAKE $1 "
        for _ in $(seq 200); do
            cmdline=$(tr -s '\0' ' ' <"/proc/$pid/cmdline")
            [ "$cmdline" = "$want" ] && break
            sleep 0.1
        done
        if [ "$waits" = body ]; then printf 'A body.\n' >&4; else printf '%s\n' "$PASS" >&4; fi
        exec 4>&-
        wait "$pid" || { echo "intake $* failed: $(cat "$T/out")" >&2; return 1; }
        [ "$cmdline" = "$want" ] || { echo "cmdline of $*: '$cmdline', want '$want'" >&2; return 1; }
    }
    check_wiped pass term add place "Zzyzx-Place"
    check_wiped pass subject term "$P" "organisation:Qwerty-Org"
    check_wiped pass allow "Mr Vantablack"
    check_wiped pass subject add --name "Xavierz Name" --term "place:Yonderville"
    check_wiped body record "$P" --title "Zed in Yonderville" --place "Yonderville" --tag "Yonder-tag"
    check_wiped pass search "Chongjin"
    check_wiped pass subject show "$P" --reveal
    check_wiped pass subject rename "$P" "Tulga-Yonder"
    check_wiped pass attach "$ID" "$T/Yonder-Kim-interview.txt"
    check_wiped pass list --subject "Tulga-Yonder" --tag border
    # The control: a process that does not wipe shows its arguments here.
    sh -c 'sleep 5; true' "Yonder-control" &
    pid=$!
    sleep 0.2
    [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline")" == *Yonder-control* ]]
    kill "$pid"
}
