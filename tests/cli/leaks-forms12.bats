#!/usr/bin/env bats
# Name and place forms of report adv12 (brief f12-forms) end to end on the
# real binary: redact, export, the audit at headquarters and the body
# shown there.  The full set of cases is tests/data/leaks/forms12.jsonl
# (unit test test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-forms12: Tibetan-origin and epenthetic Latin spellings of a Mongolian name are replaced (A-4)" {
    redacts_to '--name "Bold Dorj" --name "Болд Дорж" --locale mn --pseudonym Tulga' \
        'Dorje came. Dorji came. Dordj came. Bolod came. Bolot ирсэн. Болод ирсэн.' \
        'Tulga came. Tulga came. Tulga came. Tulga came. Tulga ирсэн. Tulga ирсэн.'
    exports_clean Dorje Dorji Dordj Bolod Bolot Болод
}

@test "leaks-forms12: a Russian transcription of an English surname alone and inflected is replaced (A-6)" {
    redacts_to '--name "Sarah Whitfield" --locale en --pseudonym Tulga' \
        'Витфилд пришла. Мы говорили с Уитфилдом. Вайтфилд, Уитфильд.' \
        'Tulga пришла. Мы говорили с Tulga. Tulga, Tulga.'
    exports_clean Витфилд Уитфилд Вайтфилд Уитфильд
}

@test "leaks-forms12: Gobi-Altai, Гоби-Алтай and Russian adjectives of a place term are replaced (A-8)" {
    p=$(st field subject add --name "Батбаярын Алтангэрэл" --locale mn --term "place:Говь-Алтай" --term "place:Дархан-Уул" --pseudonym Tulga)
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(record "$p" 'Gobi-Altai. Гоби-Алтайский аймак. Дархан-Уульский.')
    run --separate-stderr st field redact "$id"
    expect_status 0
    [[ "$output" != *Gobi* && "$output" != *Гоби* && "$output" != *Уульский* ]]
    exports_clean Gobi Гоби Уульский
}

@test "leaks-forms12: a place's French and Dutch romanisations and its Russian name are replaced (A-7)" {
    p=$(st field subject add --name 김종수 --name "Kim Jong-su" --locale ko --term "place:Chongjin" --term "place:Hoeryong" --pseudonym Tulga)
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(record "$p" 'From Tchongdjin, Tsjongdzjin, Hoerjong, Hweryong, Хверён.')
    run --separate-stderr st field redact "$id"
    expect_status 0
    exports_clean Tchongdjin Tsjongdzjin Hoerjong Hweryong Хверён
}

@test "leaks-forms12: a name in katakana is replaced for a Mongolian and an English name (A-5)" {
    redacts_to '--name "Bold Dorj" --name "Болд Дорж" --locale mn --pseudonym Tulga' \
        'ボルド・ドルジ が来た。' 'Tulga が来た。'
    exports_clean ボルド ドルジ
}

@test "leaks-forms12: allow of the word does not let the name + 이 + particle out (A-21)" {
    p=$(st field subject add --name 김하늘 --locale ko --pseudonym Tulga)
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(record "$p" '오늘은 하늘이 맑다. 하늘이가 어제 왔다.')
    run --separate-stderr st field allow 하늘
    expect_status 0
    run --separate-stderr st field redact "$id"
    expect_status 0
    [[ "$output" == *"하늘이 맑다. Tulga이가 어제 왔다."* ]] || { printf '%s\n' "$output" >&2; false; }
    exports_clean 하늘이가
}

@test "leaks-forms12: a name in a script with no reading is a review flag that blocks export (A-3)" {
    p=$(st field subject add --name 김영호 --name "Kim Young-ho" --locale ko --pseudonym Tulga)
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(record "$p" 'كيم يونغ هو came.')
    run --separate-stderr st field redact "$id" --report
    expect_status 1
    printf '%s\n' "$output" | grep -q $'unread-script\tunresolved'
    run --separate-stderr st field export --to hq --all -o "$W/b.bundle"
    expect_status 1
}
