#!/usr/bin/env bats
# The leak kinds issue 12 still had open (brief i12-kinds2) end to end on
# the real binary: names written half in one script and half in another,
# look-alikes by their UTS #39 skeleton, a one-syllable Korean given name
# alone, a mailbox without its domain; and the audit at headquarters
# reading them as the redactor does.  The full set of cases is
# tests/data/leaks/kinds2.jsonl (unit test test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-kinds2: a name written half in Latin or Cyrillic and half in Hangul is replaced" {
    redacts_to '--name 김종수 --locale ko --pseudonym Rim-il' \
        'Jong수 came. 종su came. Чон수 приехал. SNS에 올렸다.' \
        'Rim-il came. Rim-il came. Rim-il приехал. SNS에 올렸다.'
    exports_clean Jong수 종su Чон수
}

@test "leaks-kinds2: a Mongolian name split at a hyphen between scripts is replaced" {
    redacts_to '--name Дорж --locale mn --pseudonym Tulga' \
        'Dor-ж ирсэн. До-rj ирсэн. PDF-ийг илгээсэн.' \
        'Tulga ирсэн. Tulga ирсэн. PDF-ийг илгээсэн.'
    exports_clean Dor-ж До-rj
}

@test "leaks-kinds2: look-alikes of other scripts (Tamil zero, jamo ieung, palochka) are read by their skeleton" {
    redacts_to '--name "Bold Dorj" --locale mn --pseudonym Tulga' \
        "Then D$(printf '\xe0\xaf\xa6')rj came. Then D$(printf '\xe3\x85\x87')rj came. Then $(printf '\xd0\x92\xd0\xbe\xd3\x8f\xd4\x81') came." \
        'Then Tulga came. Then Tulga came. Then Tulga came.'
    exports_clean "D$(printf '\xe0\xaf\xa6')rj" "D$(printf '\xe3\x85\x87')rj" "$(printf '\xd0\x92\xd0\xbe\xd3\x8f\xd4\x81')"
}

@test "leaks-kinds2: a Ukrainian Є in a Mongolian name is a review flag" {
    st field subject add --name "Өлзийбаяр" --locale mn --pseudonym Tulga >/dev/null
    st field consent Tulga --export yes --method verbal 2>/dev/null
    ID=$(record Tulga 'Єлзийбаяр ирсэн.')
    run --separate-stderr st field redact "$ID" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qE $'^flag\tbody\t0\t[0-9]+\tmixed-script\tunresolved\tЄлзийбаяр$'
    run --separate-stderr st field export --to hq --all -o "$W/x.bundle"
    expect_status 1
    [ ! -e "$W/x.bundle" ]
}

@test "leaks-kinds2: a one-syllable Korean given name alone is flagged where the context marks a name, not elsewhere" {
    st field subject add --name "선우진" --locale ko --pseudonym Tulga >/dev/null
    st field consent Tulga --export yes --method verbal 2>/dev/null
    ID=$(record Tulga 'Jin came. 진씨가 왔다.')
    run --separate-stderr st field redact "$ID" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qE $'^flag\tbody\t0\t3\tshort-name\tunresolved\tJin$'
    printf '%s\n' "$output" | grep -qE $'^flag\tbody\t[0-9]+\t[0-9]+\tshort-name\tunresolved\t진$'
    ID2=$(record Tulga '군대가 진을 쳤다. He touched his chin.')
    run --separate-stderr st field redact "$ID2" --report
    expect_status 0
    [[ "$output" != *short-name* ]]
}

@test "leaks-kinds2: a mailbox named without its domain is replaced, registered or not" {
    redacts_to '--name Цэцэгээ --locale mn --pseudonym Tulga' \
        'gmail: tsetsegee. Her naver: sunhwajang was closed. Gmail: blocked.' \
        'gmail: [EMAIL-1]. Her naver: [EMAIL-2] was closed. Gmail: blocked.'
    exports_clean tsetsegee sunhwajang
}

@test "leaks-kinds2: report-adv12d's names (a surname beside the given name, leetspeak 1, a right-to-left override)" {
    redacts_to '--name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Rim-il' \
        "Ким Jong-su came. K$(printf '\xc4\xb1')m Jong-su came. K$(printf '\xe3\x85\xa3')m Jong-su came. 그날 김Jong-su가 왔다." \
        'Rim-il came. Rim-il came. Rim-il came. 그날 Rim-il가 왔다.'
    redacts_to '--name Altangerel --locale mn --pseudonym Tulga' \
        'A1tangerel wrote. Altangere1 wrote.' 'Tulga wrote. Tulga wrote.'
    exports_clean Ким K$'\xc4\xb1'm A1tangerel Altangere1
    ID=$(record Rim-il "$(printf '\xe2\x80\xaeus-gnoJ miK\xe2\x80\xac came.')")
    run --separate-stderr st field redact "$ID" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qE $'^flag\tbody\t0\t[0-9]+\tmixed-script\tunresolved\t'
}

@test "leaks-kinds2: a Korean name written without a space after another word is replaced; a given name there is a review flag (report-adv13b NEW-1)" {
    redacts_to '--name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Rim-il' \
        '14일김종수가 왔다. 어제김종수가 왔다. 오늘김종수씨가 왔다. 동생김종수' \
        '14일Rim-il가 왔다. 어제Rim-il가 왔다. 오늘Rim-il씨가 왔다. 동생Rim-il'
    exports_clean 김종수 종수
    ID=$(record Rim-il '우리종수는 착했다.')
    run --separate-stderr st field redact "$ID" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qE $'^flag\tbody\t[0-9]+\t[0-9]+\tglued-name\tunresolved\t종수$'
    run --separate-stderr st field export --to hq "$ID" -o "$W/c.bundle"
    expect_status 1
    [[ "$stderr" == *"may not leave: 1 review flag unresolved"* ]]
    [ ! -e "$W/c.bundle" ]
}

@test "leaks-kinds2: a long Latin name or term glued to digits goes whole, glued to letters is a review flag (report-adv13b NEW-2, NEW-3)" {
    redacts_to "--name 'Kim Jong-su' --term place:Chongjin --pseudonym 'Mary Stone'" \
        '2Kim Jong-su came. xKim Jong-su came. From 2Chongjin.' \
        'Mary Stone came. xMary Stone came. From [PLACE-1].'
    exports_clean Kim Jong 2Chongjin
    ID=$(record 'Mary Stone' 'A Chongjiner told me. Jong-sux came.')
    run --separate-stderr st field redact "$ID" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qE $'^flag\tbody\t[0-9]+\t[0-9]+\tglued-name\tunresolved\tChongjin$'
    printf '%s\n' "$output" | grep -qE $'^flag\tbody\t[0-9]+\t[0-9]+\tglued-name\tunresolved\tJong-su$'
    # allow refuses a registered name or term with something glued to it (NEW-9).
    for text in 'Kim Jong-sux' 'Jong-sux' xChongjin Chongjiner; do
        run --separate-stderr st field allow "$text"
        expect_status 2
        [ "$stderr" = "intake: this text contains a protected name or term and cannot be allowed (allowed texts are shown to auditors); nothing was changed" ]
    done
    [ -z "$(st field allow --list 2>/dev/null | grep -i chongjin)" ]
}
