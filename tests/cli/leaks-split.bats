#!/usr/bin/env bats
# A registered name split by quotes, emphasis marks or sentence stops,
# wrapped at a line's end, half masked or written backwards (brief
# i12-names; report-adv12g A-9, A-15, A-20) end to end on the real binary:
# redact, export, the audit at headquarters, and `intake allow`'s guard.
# The full set of cases is tests/data/leaks/split.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

KIM="--name 김영호 --name 'Kim Young-ho' --locale ko --pseudonym Won-sim"
REFUSED="intake: this text contains a protected name or term and cannot be allowed (allowed texts are shown to auditors); nothing was changed"

@test "leaks-split: name words between quotes, emphasis marks or stops are replaced whole (A-9)" {
    redacts_to "$KIM" \
        'Kim "Young" Ho came. Kim “Young” Ho came. Kim «Young-ho» came. Kim _Young_ Ho came. **Kim** Young-ho came. Kim, Young (Ho) came.' \
        'Won-sim came. Won-sim came. Won-sim came. Won-sim came. Won-sim came. Won-sim came.'
    exports_clean Young Kim '"Ho"' '(Ho)'
}

@test "leaks-split: a name spelled as one-word sentences is replaced; ordinary stops and quotes stay (A-9)" {
    redacts_to "$KIM" \
        'Young. Ho. Kim. came. I met Kim. Young people came. He said "Young" and left (twice).' \
        'Won-sim. came. I met Kim. Young people came. He said "Young" and left (twice).'
}

@test "leaks-split: initials glued to a Hangul surname are replaced, a masked syllable is flagged (A-9)" {
    redacts_to "$KIM" '김YH came. 김Y.H. came.' 'Won-sim came. Won-sim came.'
    exports_clean 김Y YH
    ID=$(record Won-sim '김○호 came. 김*호 came. 김X호 came.')
    run --separate-stderr st field redact "$ID" --report
    expect_status 1
    for m in ○ '*' X; do
        printf '%s\n' "$output" | grep -qF "$(printf 'near-name\tunresolved\t김%s호' "$m")"
    done
    run --separate-stderr st field export --to hq "$ID" -o "$W/m.bundle"
    expect_status 1
    [ ! -e "$W/m.bundle" ]
}

@test "leaks-split: a name wrapped at a line end is replaced in Latin and Hangul (A-15)" {
    redacts_to "$KIM" "$(printf 'B: Young-\nho came. 김영\n호가 왔다.')" \
        "$(printf 'B: Won-sim came. Won-sim가 왔다.')"
    exports_clean Young 김영
}

@test "leaks-split: a Mongolian name wrapped at a line end is replaced in Latin and Cyrillic (A-15)" {
    redacts_to "--name 'Батбаярын Алтангэрэл' --name 'Batbayar Altangerel' --locale mn --pseudonym Tulga" \
        "$(printf 'Altan-\ngerel came. Алтан-\nгэрэл ирсэн.')" 'Tulga came. Tulga ирсэн.'
    exports_clean Altan gerel Алтан гэрэл
}

@test "leaks-split: allow refuses a protected name in any reading: spaced, wrapped, reversed (A-15, A-20)" {
    p=$(eval "st field subject add $KIM")
    for text in 'Young ho' 'Young- ho' '김영 호' 'young ho' 'oh-gnuoY' '호영김' 'Kim oh-gnuoY' 'Kim "Young" Ho' 'Young. Ho.'; do
        run --separate-stderr st field allow "$text"
        expect_status 2
        [ "$stderr" = "$REFUSED" ] || { echo "allow '$text': $stderr" >&2; false; }
    done
    [ -z "$(st field allow --list 2>/dev/null)" ]
    # An ordinary word or phrase may still be allowed.
    run --separate-stderr st field allow 'young people'
    expect_status 0
}

@test "leaks-split: a name written backwards inside a right-to-left override is flagged and its visual text cannot be allowed (A-20)" {
    p=$(eval "st field subject add $KIM")
    st field consent "$p" --export yes --method verbal 2>/dev/null
    ID=$(record "$p" "$(printf 'A Kim \u202eoh-gnuoY\u202c came. B \u202e호영김\u202c came.')")
    run --separate-stderr st field redact "$ID" --report
    expect_status 1
    [ "$(printf '%s\n' "$output" | grep -c $'\tmixed-script\tunresolved\t')" -eq 2 ]
    for text in 'oh-gnuoY' '호영김'; do
        run --separate-stderr st field allow "$text"
        expect_status 2
        [ "$stderr" = "$REFUSED" ]
    done
    run --separate-stderr st field export --to hq "$ID" -o "$W/r.bundle"
    expect_status 1
    [ ! -e "$W/r.bundle" ]
}

@test "leaks-split: an allow matched by its key shows its date in the audit, not 'date not recorded'" {
    p=$(st field subject add --name 'Kim Ji-yeon' --pseudonym Yuna)
    st field consent "$p" --export yes --method verbal 2>/dev/null
    ID=$(record Yuna "$(printf 'We met Choe\nMyong-nam at the port.')")
    run --separate-stderr st field export --to hq --all -o "$W/x.bundle"
    expect_status 1
    st field allow "Choe Myong-nam" 2>/dev/null
    run --separate-stderr st field export --to hq --all -o "$W/b.bundle"
    expect_status 0
    run st hq audit "$W/b.bundle"
    expect_status 0
    [[ "$output" == *"(kept with 'intake allow' on 20"* ]] || { printf '%s\n' "$output" >&2; false; }
    [[ "$output" != *"date not recorded"* ]]
}

@test "leaks-split: a pseudonym that is a form of the subject's name is refused; redact of the name works (item 5)" {
    run --separate-stderr st field subject add --name 'Sarangerel Dorjsuren' --locale mn --pseudonym Saran
    expect_status 2
    [ "$stderr" = "intake: pseudonym 'Saran' is taken or matches a real name in the store; choose another" ]
    redacts_to "--name 'Sarangerel Dorjsuren' --locale mn --pseudonym Tulga" \
        'Өчигдөр Дорж гуай ирсэн.' 'Өчигдөр Tulga гуай ирсэн.'
    exports_clean Дорж
}
