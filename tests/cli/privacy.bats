#!/usr/bin/env bats
# The privacy commands through the real binary (issue 3): subject add
# --term/--locale, subject term/rename/forget, term, allow, consent, redact;
# their refusals and bad inputs with exact status and message.

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    init_store --locale ko
}
teardown() { common_teardown; }

CATS="person, place, employer, organisation, id, other"

# A subject with names, two terms and a testimony; sets $P and $ID.
add_story() {
    P=$(ik subject add --name "Kim Jong-su" --name "김종수" --term "place:Chongjin" \
        --term "employer:Lada Works" --pseudonym "Rim-il")
    [ "$P" = "Rim-il" ]
    ID=$(printf 'Kim Jong-su (김종수는) worked at Lada Works in Chongjin.\nCall +82 10-2000-0000. Mr Smith came.\n' |
        ik record "$P" --title "Jong-su in Chongjin" --date 2023-05-01 --place Chongjin \
            --tag Chongjin --tag border)
    [[ "$ID" =~ ^[0-9a-z]{16}$ ]]
}

# ---------------------------------------------------------------- subject add

@test "subject add: --term and --locale; the default locale is init's" {
    run ik subject add --name "Бат-Эрдэнэ" --locale mn --term "place:Darkhan" --term "id:AB1234567"
    expect_status 0
    [ -n "$output" ] && one_line
    run ik subject add --name "John Smith" --locale en
    expect_status 0
    for l in ru zh; do run ik subject add --name "Name $l" --locale "$l"; expect_status 0; done
    # init --locale ko: a Korean given name shape such as "Jong-su".
    run ik subject add --name "Pak Chol"
    expect_status 0
    [[ "$output" =~ ^[A-Z][a-z]+-[a-z]+$ ]] || { echo "not ko-shaped: $output" >&2; false; }
    run ik term list
    [[ "$output" == *$'\tplace\t'*$'\tDarkhan'* ]]
    [[ "$output" == *$'\tid\t'*$'\tAB1234567'* ]]
}

@test "init: a store locale without pseudonyms is refused (subject add has the same list)" {
    H=$T/other run --separate-stderr ik init --kdf interactive --locale fr
    expect_status 2
    [ "$stderr" = "intake: unknown locale 'fr'; use ko, mn, en, ru or zh (see 'intake help init')" ]
    [ ! -e "$T/other/keyslots" ]
}

@test "subject add: bad --term, --locale and names are refused, nothing changes" {
    refused 2 "unknown term category 'planet'; use one of: $CATS" \
        subject add --name "Kim Jong-su" --term "planet:Mars"
    refused 2 "a --term must be CATEGORY:TEXT, as in place:Chongjin (categories: $CATS)" \
        subject add --name "Kim Jong-su" --term "Chongjin"
    refused 2 "a --term is empty" subject add --name "Kim Jong-su" --term "place:"
    refused 2 "unknown --locale 'xx'; use ko, mn, en, ru or zh (see 'intake help subject')" \
        subject add --name "Kim Jong-su" --locale xx
    refused 2 "--locale given twice (see 'intake help subject')" \
        subject add --name "Kim Jong-su" --locale ko --locale mn
    refused 2 "a --name is empty" subject add --name ""
    refused 2 "a --name is empty" subject add --name "   "
    refused 2 "a --name is not valid UTF-8 (byte 3)" subject add --name $'Kim\xff'
    refused 2 "a --name contains a control character" subject add --name $'Kim\tJong'
    big=$(head -c 10000 /dev/zero | tr '\0' a)
    refused 2 "a --term is too long (10000 bytes, at most 1000); protect its identifying parts separately" \
        subject add --name "Kim Jong-su" --term "other:$big"
    refused 2 "a --name is too long (10000 bytes, at most 1000); protect its identifying parts separately" \
        subject add --name "$big"
}

@test "subject add: a name or term that matches a pseudonym is refused until it is renamed" {
    ik subject add --name "Ri Ok-sun" --pseudonym "Jong-su" >/dev/null
    msg="this name or term matches the pseudonym 'Jong-su', which must never be someone's real name; first run 'intake subject rename Jong-su NEW'; nothing was changed"
    refused 2 "$msg" subject add --name "Chong-su"
    refused 2 "$msg" subject add --name "Pak Chol" --term "person:정수"
    refused 2 "$msg" term add person "Jung-su"
    run ik subject rename Jong-su Gerelee
    expect_status 0
    [ "$output" = "Gerelee" ]
    run ik subject add --name "Chong-su"
    expect_status 0
}

@test "subject add: a given pseudonym that matches a term is refused" {
    ik term add place Hoeryong >/dev/null
    refused 2 "pseudonym 'Hoeryong' is taken or matches a real name in the store; choose another" \
        subject add --name "Kim Jong-su" --pseudonym Hoeryong
}

# ---------------------------------------------------------------- subject term / rename

@test "subject term: protects a term of one subject" {
    add_story
    run ik subject term "$P" "id:M1234567"
    expect_status 0
    [[ "$output" =~ ^[0-9]+$ ]]
    run ik term list
    [[ "$output" == *$'\tid\tRim-il\t'*$'\tM1234567'* ]]
    refused 2 "no subject with pseudonym 'Nobody' (see 'intake subject list')" subject term Nobody "id:X1"
    refused 2 "the term must be CATEGORY:TEXT, as in place:Chongjin (categories: $CATS)" \
        subject term "$P" "M1234567"
    refused 2 "unknown term category 'zip'; use one of: $CATS" subject term "$P" "zip:12345"
    refused 2 "this text is already protected (term 1); nothing was changed" subject term "$P" "place:Chongjin"
    refused 2 "subject term needs PSEUDONYM CATEGORY:TEXT (see 'intake help subject')" subject term "$P"
}

@test "subject rename: new pseudonym, checked like a given one" {
    add_story
    ik subject add --name "Pak Chol" --pseudonym Gerelee >/dev/null
    run ik subject rename "$P" Amarjargal
    expect_status 0
    [ "$output" = "Amarjargal" ]
    run ik list
    [[ "$output" == *$'\tAmarjargal\t'* ]]
    refused 2 "pseudonym 'Gerelee' is taken: the subject 'Gerelee' has it (pseudonyms that differ only by case, spaces or hyphens are one); choose another" \
        subject rename Amarjargal Gerelee
    refused 2 "pseudonym 'gere-LEE' is taken: the subject 'Gerelee' has it (pseudonyms that differ only by case, spaces or hyphens are one); choose another" \
        subject rename Amarjargal gere-LEE
    refused 2 "pseudonym 'Jung-su' is taken or matches a real name in the store; choose another" \
        subject rename Amarjargal Jung-su
    refused 2 "no subject with pseudonym 'Nobody' (see 'intake subject list')" subject rename Nobody Yumjir
    refused 2 "the new pseudonym must be 1 to 64 characters of plain text" subject rename Amarjargal ""
    refused 2 "subject rename needs PSEUDONYM NEW (see 'intake help subject')" subject rename Amarjargal
}

# ---------------------------------------------------------------- term

@test "term: add, list (text and JSON), remove by ID" {
    run ik term add place Hoeryong
    expect_status 0
    [ "$output" = 1 ]
    run ik term add organisation "Unit 27"
    [ "$output" = 2 ]
    run ik term list
    expect_status 0
    [ "$(printf '%s\n' "$output" | wc -l)" -eq 2 ]
    [[ "$(printf '%s\n' "$output" | head -n 1)" =~ ^1$'\t'place$'\t'-$'\t'[0-9T:-]+Z$'\t'Hoeryong$ ]]
    run ik term list --json
    [ "$(printf '%s' "$output" | jq -r '.[1].text')" = "Unit 27" ]
    [ "$(printf '%s' "$output" | jq -r '.[1].category')" = organisation ]
    [ "$(printf '%s' "$output" | jq -r '.[1].subject')" = null ]
    run --separate-stderr ik term remove 1
    expect_status 0
    [ "$stderr" = "intake: term 1 removed" ]
    run ik term list
    [ "$(printf '%s\n' "$output" | wc -l)" -eq 1 ]
    [[ "$output" == *"Unit 27"* ]]
}

@test "term: refusals and bad input" {
    ik term add place Hoeryong >/dev/null
    refused 2 "unknown term category 'planet'; use one of: $CATS" term add planet Mars
    refused 2 "unknown term category 'Place'; use one of: $CATS" term add Place Mars
    refused 2 "the term is empty" term add place ""
    refused 2 "the term is not valid UTF-8 (byte 0)" term add place $'\xc3'
    refused 2 "the term contains a control character" term add place $'two\nlines'
    big=$(head -c 10000 /dev/zero | tr '\0' a)
    refused 2 "the term is too long (10000 bytes, at most 1000); protect its identifying parts separately" \
        term add place "$big"
    refused 2 "this text is already protected (term 1); nothing was changed" term add place Hoeryong
    refused 2 "no term 99 (see 'intake term list')" term remove 99
    refused 2 "'abc' is not a term ID; 'intake term list' shows the IDs (see 'intake help term')" term remove abc
    refused 2 "'-1' is not a term ID; 'intake term list' shows the IDs (see 'intake help term')" term remove -- -1
    refused 2 "term remove needs one ID (see 'intake term list') (see 'intake help term')" term remove
    refused 2 "the term must be CATEGORY:TEXT, as in place:Chongjin (categories: $CATS)" term add place
    refused 2 "term add needs CATEGORY:TEXT, as in place:Chongjin (see 'intake help term')" term add
    refused 2 "unknown subcommand 'rm' (see 'intake help term')" term rm 1
    refused 2 "unknown option '--reveal' (see 'intake help term')" term list --reveal
}

# ---------------------------------------------------------------- allow

@test "allow: records the text with its date; list; refusals" {
    add_story
    run --separate-stderr ik allow "Mr Smith"
    expect_status 0
    [ "$stderr" = "intake: allowed; review flags on this text are resolved (auditors see it)" ]
    run ik allow --list
    [[ "$output" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]+Z$'\t'"Mr Smith"$ ]]
    run ik allow --list --json
    [ "$(printf '%s' "$output" | jq -r '.[0].text')" = "Mr Smith" ]
    refused 2 "this text is already allowed; nothing was changed" allow "Mr Smith"
    refused 2 "this text contains a protected name or term and cannot be allowed (allowed texts are shown to auditors); nothing was changed" \
        allow "Mr Kim Jong-su"
    refused 2 "this text contains a protected name or term and cannot be allowed (allowed texts are shown to auditors); nothing was changed" \
        allow "Chong-su"
    refused 2 "the allowed text is empty" allow ""
    refused 2 "the allowed text is not valid UTF-8 (byte 2)" allow $'Mr\xfe'
    refused 2 "allow needs one TEXT (see 'intake help allow')" allow
    refused 2 "--json goes with --list (see 'intake help allow')" allow --json "Mr Smith"
    refused 2 "allow --list takes no TEXT (see 'intake help allow')" allow --list "Mr Smith"
}

# ---------------------------------------------------------------- consent

@test "consent: every option, recorded with its date, shown by subject show" {
    add_story
    run ik subject show "$P"
    [[ "$output" == *"consent: none recorded"* ]]
    [[ "$output" == *"may leave the device: no (no consent is recorded (record it with 'intake consent PSEUDONYM --export yes'))"* ]]
    run --separate-stderr ik consent "$P" --export yes --quote no --publish yes --attachments no \
        --embargo 2999-01-01 --method recorded
    expect_status 0
    [ "$stderr" = "intake: consent recorded for Rim-il (see 'intake subject show Rim-il')" ]
    run ik subject show "$P"
    [[ "$output" =~ consent:\ recorded\ [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]+Z\ \(recorded\):\ export\ yes,\ quote\ no,\ publish\ yes,\ attachments\ no,\ embargo\ until\ 2999-01-01 ]]
    [[ "$output" == *"may leave the device: no (under embargo until 2999-01-01)"* ]]
    # Options not given keep their values; none lifts the embargo.
    ik consent "$P" --embargo none --quote yes --method written 2>/dev/null
    run ik subject show "$P" --json
    c=$(printf '%s' "$output" | jq -c '.consent | {export, quote, publish, attachments, method, embargo, withdrawn, may_leave}')
    [ "$c" = '{"export":true,"quote":true,"publish":true,"attachments":false,"method":"written","embargo":null,"withdrawn":null,"may_leave":true}' ]
    [[ "$(printf '%s' "$output" | jq -r .consent.date)" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T ]]
    run --separate-stderr ik consent "$P" --withdraw
    [ "$stderr" = "intake: consent withdrawn for Rim-il (see 'intake subject show Rim-il')" ]
    run ik subject show "$P" --json
    [ "$(printf '%s' "$output" | jq -r .consent.export)" = false ]
    [[ "$(printf '%s' "$output" | jq -r .consent.blocked)" == "consent was withdrawn on "* ]]
    run ik subject show "$P"
    [[ "$output" == *"consent: withdrawn "* ]]
    # A past embargo does not hold the records back.
    ik consent "$P" --export yes --embargo 2001-01-01 2>/dev/null
    run ik subject show "$P"
    [[ "$output" == *"may leave the device: yes"* ]]
}

@test "consent: bad values and unknown subjects are refused, nothing changes" {
    add_story
    u="(see 'intake help consent')"
    refused 2 "--export takes yes or no, not 'maybe' $u" consent "$P" --export maybe
    refused 2 "--quote takes yes or no, not 'Yes' $u" consent "$P" --quote Yes
    refused 2 "--publish takes yes or no, not '' $u" consent "$P" --publish ""
    refused 2 "--attachments takes yes or no, not '1' $u" consent "$P" --attachments 1
    refused 2 "--embargo '2024-02-30' is not a real date in the form YYYY-MM-DD (or none) $u" consent "$P" --embargo 2024-02-30
    refused 2 "--embargo '2024-2-3' is not a real date in the form YYYY-MM-DD (or none) $u" consent "$P" --embargo 2024-2-3
    refused 2 "--embargo 'tomorrow' is not a real date in the form YYYY-MM-DD (or none) $u" consent "$P" --embargo tomorrow
    refused 2 "--method takes verbal, written or recorded, not 'email' $u" consent "$P" --method email
    refused 2 "--export given twice $u" consent "$P" --export yes --export no
    refused 2 "--withdraw withdraws everything; give it alone $u" consent "$P" --withdraw --export yes
    refused 2 "say what was consented to (--export, --quote, --publish, --attachments, --embargo, --method) or --withdraw $u" consent "$P"
    refused 2 "consent needs one PSEUDONYM $u" consent --export yes
    refused 2 "no subject with pseudonym 'Nobody' (see 'intake subject list')" consent Nobody --export yes
    refused 2 "unknown option '--forever' $u" consent "$P" --forever
}

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
    ID=$(printf 'гэрэл унтарсан.\n' | ik record "$P" --title "Light" --date 2024-03-15)
    run --separate-stderr ik redact "$ID" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qxF $'flag\tbody\t0\t10\tname-or-word\tunresolved\tгэрэл'
    # Without hunspell-mn the word is taken for the name: replaced, and said.
    INTAKE_DICTIONARIES=$T/nowhere run --separate-stderr ik redact "$ID"
    expect_status 0
    [ "$output" = $'Light\n\nTuya унтарсан.' ]
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
    add_story
    ik allow "Mr Smith" 2>/dev/null
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
