#!/usr/bin/env bats
# The privacy commands through the real binary (issue 3): subject add
# --term/--locale, subject term/rename/forget, term, allow, consent, redact;
# their refusals and bad inputs with exact status and message.

bats_require_minimum_version 1.5.0
load helpers
load privacy

CATS="person, place, employer, organisation, id, other, account"

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
    # the message names the spelling that clashed (adv16b C-10)
    msg() { echo "this name or term matches the pseudonym 'Jong-su' (as '$1'), which must never be someone's real name; first run 'intake subject rename Jong-su NEW'; nothing was changed"; }
    refused 2 "$(msg Chong-su)" subject add --name "Chong-su"
    refused 2 "$(msg 정수)" subject add --name "Pak Chol" --term "person:정수"
    refused 2 "$(msg Jung-su)" term add person "Jung-su"
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
    refused 2 "say what was consented to (--export, --quote, --publish, --attachments, --embargo, --method, --include-earlier) or --withdraw $u" consent "$P"
    refused 2 "consent needs one PSEUDONYM $u" consent --export yes
    refused 2 "no subject with pseudonym 'Nobody' (see 'intake subject list')" consent Nobody --export yes
    refused 2 "unknown option '--forever' $u" consent "$P" --forever
}
