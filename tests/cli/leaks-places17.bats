#!/usr/bin/env bats
# Place terms under their Russian and English exonyms, in Russian case and
# adjective forms, and in the traditional Mongolian script (report-adv16a
# A-5, A-23), end to end on the real binary: redact, export, the audit at
# headquarters. The audit's second opinion on name-free prose in Korean,
# Mongolian and English passes --strict (A-12, issue 13). The full set of
# cases: tests/data/leaks/places17.jsonl (test_leaks_names) and
# tests/unit/export/test_audit_prose.c.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

SARA="--name 'Sara Pell' --locale en --pseudonym Yuna"

@test "leaks-places17: Russian exonyms with their case endings and adjectives are replaced (A-5)" {
    redacts_to "$SARA --term place:Хөвсгөл --term place:Улиастай --term place:Өмнөговь" \
        'Он жил в Хубсугульском аймаке, в Хубсугуле. Он жил в Улясутае. Улясутай. Южно-Гобийский аймак, в Южно-Гобийском.' \
        'Он жил в [PLACE-1] аймаке, в [PLACE-1]. Он жил в [PLACE-2]. [PLACE-2]. [PLACE-3] аймак, в [PLACE-3].'
    exports_clean Хубсугул Улясута Гобий
}

@test "leaks-places17: English exonyms and other Latin and Hangul spellings are replaced (A-5)" {
    redacts_to "$SARA --term place:Өмнөговь --term place:바양울기 --term place:ザブハン県" \
        'He lived in South Gobi province, in the South Gobi. Bayan-Olgiy. 그는 자브한에서 왔다.' \
        'He lived in [PLACE-1] province, in the [PLACE-1]. [PLACE-2]. 그는 [PLACE-3]에서 왔다.'
    exports_clean Gobi Olgiy 자브한
}

@test "leaks-places17: a Cyrillic word one letter from a place's Russian name, a spelling of it, is replaced (A-5; allow18 D-15)" {
    # It was a near-name flag that `allow` refused as the place: redact now
    # reads it as allow did (docs/VARIANTS.md, "What `allow` may clear").
    redacts_to "$SARA --term place:Улаангом" 'Он жил в городе Улаангомм.' 'Он жил в городе [PLACE-1].'
    exports_clean Улаангомм
}

@test "leaks-places17: place terms written in the traditional Mongolian script are replaced (A-23)" {
    redacts_to "$SARA --term place:Хөвсгөл --term place:Дархан --term place:Эрдэнэт" \
        'He came from ᠬᠥᠪᠰᠭᠥᠯ aimag. And ᠬᠥᠪᠰᠭᠥᠯ ᠠᠶᠢᠮᠠᠭ. He came from ᠳᠠᠷᠬᠠᠨ. ᠡᠷᠳᠡᠨᠢᠲᠦ.' \
        'He came from [PLACE-1] aimag. And [PLACE-1] ᠠᠶᠢᠮᠠᠭ. He came from [PLACE-2]. [PLACE-3].'
    exports_clean ᠬᠥᠪᠰᠭᠥᠯ ᠳᠠᠷᠬᠠᠨ ᠡᠷᠳᠡᠨᠢᠲᠦ
}

@test "leaks-places17: words in the Mongolian script that no rule reads are an unread-script flag (A-23)" {
    p=$(eval "st field subject add $SARA --term place:Дархан")
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(record "$p" 'He said ᠰᠠᠶᠢᠨ ᠪᠠᠶᠢᠨ᠎ᠠ to us.')
    run --separate-stderr st field redact "$id" --report
    expect_status 1
    printf '%s\n' "$output" | grep -q "$(printf 'flag\tbody\t8\t[0-9]*\tunread-script\tunresolved')"
    [ "$stderr" = "intake: record $id may not leave the device: 1 review flag unresolved (see 'intake redact --report'; protect with 'intake term add' or allow with 'intake allow')" ]
}

# prose_passes FILE LANG: FILE's paragraphs, one record each, leave with no
# review flag, and the audit at hq passes --strict (no second-opinion WARN).
prose_passes() {
    local p id
    p=$(st field subject add --name "Tom Ward" --name 김종수 --pseudonym Yuna)
    st field consent "$p" --export yes --method verbal 2>/dev/null
    awk -v d="$W" 'BEGIN { RS = "" } { print > (d "/para-" sprintf("%03d", NR)) }' "$1"
    for f in "$W"/para-*; do
        id=$(st field record "$p" --title Work --date 2024-03-15 --tag work --lang "$2" <"$f")
        run --separate-stderr st field redact "$id"
        expect_status 0
    done
    run --separate-stderr st field export --to hq --all -o "$W/b.bundle"
    expect_status 0
    run --separate-stderr st hq audit --strict --k 1 "$W/b.bundle"
    [[ "$output" == *"second-opinion     PASS"* ]] || { printf '%s\n' "$output" | grep -v '^    PASS' >&2; false; }
    expect_status 0
}

@test "leaks-places17: the audit's second opinion passes --strict on name-free Mongolian news (A-12)" {
    prose_passes "$ROOT/tests/data/clean/mn-adv16a.txt" mn
}

@test "leaks-places17: the audit's second opinion passes --strict on name-free Korean news (A-12)" {
    prose_passes "$ROOT/tests/data/clean/ko-adv16a.txt" ko
}

@test "leaks-places17: the audit's second opinion passes --strict on name-free English news (A-12)" {
    prose_passes "$ROOT/tests/data/clean/en-adv16a.txt" en
}

@test "leaks-places17: the second opinion still WARNs on an unregistered name and a place (A-12)" {
    p=$(st field subject add --name "Tom Ward" --pseudonym Yuna)
    st field consent "$p" --export yes --method verbal 2>/dev/null
    for text in 'Тэр Оюунцэцэгтэй хамт ажилласан.' 'He worked in Erdenet for a year.'; do
        record "$p" "$text" >/dev/null
    done
    st field export --to hq --all -o "$W/b.bundle" --skip-blocked >/dev/null 2>&1
    run --separate-stderr st hq audit --strict --k 1 "$W/b.bundle"
    expect_status 1
    [[ "$output" == *'body: mongolian-name "Оюунцэцэгтэй" (a name from the name lists)'* ]]
    [[ "$output" == *'body: place "Erdenet" (a place name from the gazetteer)'* ]]
}
