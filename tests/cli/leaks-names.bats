#!/usr/bin/env bats
# The name leak kinds of issue 12 end to end on the real binary: subject
# add, record, redact, then export to headquarters and audit there.  The
# full set of cases is tests/data/leaks/names.jsonl (unit test
# test_leaks_names); these are a few of each kind through the CLI.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-names: Korean kinship words, Hanja, initials and handles are replaced" {
    redacts_to '--name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Rim-il' \
        '종수형이 왔다. 종수씨한테서도 들었다. 金鍾洙는 평양에서 왔다. K.J.S. and J. Kim wrote as @kimjongsu75.' \
        'Rim-il형이 왔다. Rim-il씨한테서도 들었다. Rim-il는 평양에서 왔다. Rim-il and Rim-il wrote as [HANDLE-1].'
}

@test "leaks-names: Mongolian fleeting vowels, one word of a name, patronymics, look-alikes" {
    # The A of the fourth name is Latin.
    redacts_to '--name "Батбаярын Алтангэрэл" --locale mn --pseudonym Tulga' \
        'Алтангэрлийн ах ирсэн. Altangerlin brother came. Б.Алтангэрэл ирсэн. Aлтангэрэл ирсэн. Алтангэрэл ирсэн.' \
        'Tulga ах ирсэн. Tulga brother came. Tulga ирсэн. Tulga ирсэн. Tulga ирсэн.'
}

@test "leaks-names: a Russian case ending and a place's other names" {
    redacts_to '--name Батбаяр --locale mn --term place:평양 --pseudonym Tulga' \
        'Батбаяра отправили домой из Pjöngjang; 平壤, Пхеньян.' \
        'Tulga отправили домой из [PLACE-1]; [PLACE-1], [PLACE-1].'
}

@test "leaks-names: a short form and a word mixing scripts are review flags; the short form of a registered name cannot be allowed (report-adv19a N-15)" {
    st field subject add --name "Алтангэрэл" --locale mn --pseudonym Tulga >/dev/null
    st field consent Tulga --export yes --method verbal 2>/dev/null
    # "Hellо" ends with a Cyrillic о.  "Алтаа" alone is a flag; "Алтаа
    # ирсэн" (a verb of a person) is replaced since session 43 (short43:
    # docs/VARIANTS.md).
    ID=$(record Tulga 'Алтаа. Hellо.')
    run --separate-stderr st field redact "$ID" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qE $'^flag\tbody\t0\t[0-9]+\tshort-name\tunresolved\tАлтаа$'
    printf '%s\n' "$output" | grep -qE $'^flag\tbody\t[0-9]+\t[0-9]+\tmixed-script\tunresolved\tHellо$'
    [ "$stderr" = "intake: record $ID may not leave the device: 2 review flags unresolved (see 'intake redact --report'; protect with 'intake term add' or allow with 'intake allow')" ]
    run --separate-stderr st field export --to hq --all -o "$W/x.bundle"
    expect_status 1
    [ ! -e "$W/x.bundle" ]
    run --separate-stderr st field allow "Алтаа"
    expect_status 2
    [ "$stderr" = "intake: this text is a form of a registered name whose review flag stands where it may name the person, and cannot be allowed; nothing was changed" ]
    st field allow "Hellо" 2>/dev/null
    run --separate-stderr st field redact "$ID" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qE $'^flag\tbody\t0\t[0-9]+\tshort-name\tunresolved\tАлтаа$'
    ! printf '%s\n' "$output" | grep -q $'mixed-script\tunresolved'
}

@test "leaks-names: export and audit at headquarters find nothing left" {
    st field subject add --name "김종수" --name "Kim Jong-su" --locale ko --pseudonym Rim-il >/dev/null
    st field subject add --name "Батбаярын Алтангэрэл" --locale mn --pseudonym Tulga >/dev/null
    st field consent Rim-il --export yes --method verbal 2>/dev/null
    st field consent Tulga --export yes --method verbal 2>/dev/null
    for i in 1 2 3; do
        record Rim-il '종수오빠가 왔다. 金鍾洙, J. Kim and @kimjongsu75 came.' >/dev/null
        record Tulga 'Алтангэрлийн ах. Altangerlin came. Aлтангэрэл left.' >/dev/null
    done
    run --separate-stderr st field export --to hq --all -o "$W/b.bundle"
    expect_status 0
    run st hq audit "$W/b.bundle"
    [[ "$output" == *"residual-terms     PASS"* ]] || { printf '%s\n' "$output" >&2; false; }
    no_leak "$output" 종수 金鍾洙 Kim kimjongsu Алтангэр Altanger лтангэрэл
    st hq import "$W/b.bundle" >/dev/null
    for id in $(st hq list --json | jq -r '.[].id'); do
        run st hq show "$id"
        expect_status 0
        no_leak "$output" 종수 金鍾洙 "J. Kim" kimjongsu Алтангэр Altanger лтангэрэл
    done
}

@test "leaks-names: a word of a name counts only with its capital, in the redaction and the audit" {
    st field subject add --name "Bold Dorj" --locale mn --pseudonym Tulga >/dev/null
    st field consent Tulga --export yes --method verbal 2>/dev/null
    for i in 1 2 3; do
        record Tulga 'That was a bold move by Bold; Доржийн ах came.' >/dev/null
    done
    run --separate-stderr st field export --to hq --all -o "$W/b.bundle"
    expect_status 0
    run st hq audit "$W/b.bundle"
    expect_status 0
    [[ "$output" == *"residual-terms     PASS"* ]]
    st hq import "$W/b.bundle" >/dev/null
    id=$(st hq list --json | jq -r '.[0].id')
    run st hq show "$id"
    [[ "$output" == *"That was a bold move by Tulga; Tulga ах came."* ]] || { printf '%s\n' "$output" >&2; false; }
}

@test "leaks-names: the follow-up's spellings (scripts, a father's name, marks, Korean contractions) leave nothing at headquarters" {
    st field subject add --name "Tuvshinjargal" --locale mn --pseudonym Tulga >/dev/null
    st field subject add --name "Ганбаатарын Мөнх-Эрдэнэ" --locale mn --pseudonym Gerelee >/dev/null
    st field subject add --name "김종수" --locale ko --pseudonym Rim-il >/dev/null
    for p in Tulga Gerelee Rim-il; do st field consent "$p" --export yes --method verbal 2>/dev/null; done
    for i in 1 2 3; do
        record Tulga 'Түвшинжаргалын ах. Tuvschindschargal came. Тувшинжаргала видел.' >/dev/null
        record Gerelee "Ганбаатрын хүү ирсэн. Мунх-Эрдэнэ пришёл. $(printf 'Мөнх-Эрд\xcc\x81энэ') left." >/dev/null
        record Rim-il '종순 어디 갔어? 종수였던 사람. 金钟洙가 왔다.' >/dev/null
    done
    exports_clean Түвшин Tuvsch Тувшин Ганбаат Мунх Мөнх 종순 종수 钟
}
