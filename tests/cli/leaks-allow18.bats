#!/usr/bin/env bats
# What `allow` may not clear and encoded names (brief s18 allow18, report
# adv17a D-7, D-11, D-15, D-28, D-39, D-40, D-55), end to end on the real
# binary: redact's body, allow's refusal (exit status and message), export
# refusing or writing.  The full set of redaction cases:
# tests/data/leaks/allow18.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

KIM='--name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Tulga'
READS='intake: this text reads as a protected name (decoded or transcribed); it cannot be allowed; nothing was changed'

@test "leaks-allow18: base64 (standard, URL-safe after key=) and hex runs of a name are replaced whole and exported clean (D-11)" {
    redacts_to "$KIM" \
        'A. 0JrQuNC8INCn0L7QvdGB0YM= wrote, token=S2ltIEpvbmctc3UsIDAxMC0xMjM0LTU2Nzg and 4b696d204a6f6e672d7375 and 4b 69 6d 20 4a 6f 6e 67 2d 73 75.' \
        'A. Tulga wrote, token=Tulga and Tulga and Tulga.'
    exports_clean 0JrQuNC8 S2ltIEpv 4b696d20 '4b 69 6d'
}

@test "leaks-allow18: quoted-printable letters of a name are decoded and replaced (D-39)" {
    redacts_to "$KIM" '1. =4B=69=6D =4A=6F=6E=67-su came. n=30 stays.' '1. Tulga came. n=30 stays.'
    exports_clean '=4B=69'
}

@test "leaks-allow18: allow refuses a base64 run that decodes to a flagged name; export still refuses (D-11)" {
    blocked "$KIM" 'G. a2ltIGpvbmcgc3UgbGl2ZXMgaW4gcm9vbSA1 here.' escape-run 'a2ltIGpvbmcgc3UgbGl2ZXMgaW4gcm9vbSA1'
    run --separate-stderr st field allow a2ltIGpvbmcgc3UgbGl2ZXMgaW4gcm9vbSA1
    expect_status 2
    [ "$stderr" = "$READS" ] || { printf '%s\n' "$stderr" >&2; false; }
    run --separate-stderr st field export --to hq --all -o "$W/x.bundle"
    expect_status 1
    [ ! -e "$W/x.bundle" ]
}

@test "leaks-allow18: a registered name's Hangul transcription (윌리엄 for William) is replaced, allow refuses it, export writes it clean (D-55; replaced since session 21's ko21, a review flag before)" {
    redacts_to '--name "William Smith" --locale en --pseudonym Tulga' '윌리엄 왔다.' 'Tulga 왔다.'
    run --separate-stderr st field allow 윌리엄
    expect_status 2
    [ "$stderr" = "intake: this text contains a protected name or term and cannot be allowed (allowed texts are shown to auditors); nothing was changed" ] ||
        { printf '%s\n' "$stderr" >&2; false; }
    exports_clean 윌리엄
}

@test "leaks-allow18: a one-word Mongolian name in five Han characters is replaced, and allow refuses it (D-40)" {
    redacts_to '--name Батбаяр --name Алтангэрэл --locale mn --pseudonym Tulga' \
        '巴特巴雅尔来了。巴特巴亚尔来了。' 'Tulga来了。Tulga来了。'
    run --separate-stderr st field allow 巴特巴雅尔
    expect_status 2
    [ "$stderr" = "$READS" ] || { printf '%s\n' "$stderr" >&2; false; }
    exports_clean 巴特巴
}

@test "leaks-allow18: a near name that allow refuses as the name is replaced by redact: they agree (D-15)" {
    redacts_to '--name Өлзийбаяр --locale mn --pseudonym Tulga' 'Өлзибаяр ирсэн.' 'Tulga ирсэн.'
    run --separate-stderr st field allow Өлзибаяр
    expect_status 2
    [ "$stderr" = "intake: this text contains a protected name or term and cannot be allowed (allowed texts are shown to auditors); nothing was changed" ] ||
        { printf '%s\n' "$stderr" >&2; false; }
    exports_clean Өлзибаяр
}

@test "leaks-allow18: an escape run that holds no known name may still be allowed (control)" {
    p=$(st field subject add --name "Sara Pell" --locale en --pseudonym Tulga)
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(record "$p" 'A query q=%D2%E0%ED%FF%E3 came.')
    run --separate-stderr st field allow '%D2%E0%ED%FF%E3'
    expect_status 0
    run --separate-stderr st field redact "$id"
    expect_status 0
}

@test "leaks-allow18: term add refuses a term in another script that the redactor reads in a pseudonym (D-28)" {
    st field subject add --name "John Doe" --locale en --pseudonym "Chris Davis" >/dev/null
    run --separate-stderr st field term add person:Крис
    expect_status 2
    [ "$stderr" = "intake: this name or term is read in the pseudonym 'Chris Davis' (a spelling or short form of it), which must never be someone's real name; first run 'intake subject rename Chris Davis NEW'; nothing was changed" ] ||
        { printf '%s\n' "$stderr" >&2; false; }
    run --separate-stderr st field term add person:Дэвис
    expect_status 0
}

@test "leaks-allow18: a list's or a figure's number before a name stays (D-7)" {
    redacts_to '--name 박민서 --name "Park Min-seo" --locale ko --pseudonym Tulga' \
        '2. 민서가 왔다. Item 3. Minseo came. Room 12. Minseo left.' \
        '2. Tulga가 왔다. Item 3. Tulga came. Room 12. Tulga left.'
}

@test "leaks-allow18: list letters on their own lines stay, initials of the name still go (D-7)" {
    p=$(st field subject add --name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Tulga)
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(record "$p" "$(printf 'A. Jongsu-Kim came.\nB. K. Jong-su left.\nC. 김 씨 종수.')")
    run --separate-stderr st field redact "$id"
    expect_status 0
    [[ "$output" == *"$(printf 'A. Tulga came.\nB. Tulga left.\nC. Tulga')"* ]] || { printf '%s\n' "$output" >&2; false; }
}
