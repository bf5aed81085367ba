#!/usr/bin/env bats
# Issue 12, addresses, coordinates and plates that still left after
# session 20, and two flag kinds (brief s21 addr21: report-adv20 R-13,
# report-adv19b B-16, B-24), end to end on the real binary: redact,
# export to hq and the audit there.  The full set of cases, with other
# forms of each kind and the negative ones: tests/data/leaks/addr21.jsonl
# (test_leaks_detect) and tests/data/leaks/addr21-flags.jsonl
# (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-addr21: R-13 addresses in Latin Mongolian and romanised Korean are replaced (gudamj, 34a-8, Yeoksam-dong 123-45, 101-dong 1203-ho, 5-ban, shuudangiin kod)" {
    redacts_to '--name "Bold Dorj" --pseudonym Tulga' \
        'Bi Olympiin gudamj 12-t amidardag. Khayag: 16-r khoroo 34a-8. He lives at Yeoksam-dong 123-45, Gangnam-gu. We lived in 101-dong 1203-ho. She lived in Sinam-guyok 5-ban. Khayag: shuudangiin kod 210648.' \
        'Bi [ADDRESS-1]-t amidardag. Khayag: [ADDRESS-2]. He lives at [ADDRESS-3], Gangnam-gu. We lived in [ADDRESS-4]. She lived in Sinam-guyok [ADDRESS-5]. Khayag: shuudangiin kod [ADDRESS-6].'
    exports_clean 'gudamj 12' 34a-8 123-45 1203-ho 5-ban 210648
}

@test "leaks-addr21: Arabic-Indic digits in a Kuwaiti address read as digits" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'Kuwait: Block ٤, Street ١٢, House ٧. Salmiya, قطعة ٥، شارع ١٧، منزل ٢٣' \
        'Kuwait: [ADDRESS-1]. Salmiya, [ADDRESS-2]'
    exports_clean '١٢' '٧' '١٧' '٢٣'
}

@test "leaks-addr21: an old six-digit Korean postcode with its dash, after its label or before an address" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        '우편번호 135-080. (135-081) 서울 강남구 테헤란로 152' \
        '우편번호 [ADDRESS-1]. ([ADDRESS-2]) 서울 강남구 [ADDRESS-3]'
    exports_clean 135-080 135-081
}

@test "leaks-addr21: a handle-shaped tag is a review flag of kind handle; export refuses until allowed (B-16)" {
    p=$(st field subject add --name "Kim Jong-su" --pseudonym Tulga)
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(printf 'Met at the market.\n' | st field record "$p" --title t --date 2024-03-15 --tag seawolf75)
    run --separate-stderr st field redact "$id" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qF "$(printf '\thandle\tunresolved\tseawolf75')" ||
        { printf '%s\n' "$output" >&2; false; }
    run --separate-stderr st field export --to hq --all -o "$W/x.bundle"
    expect_status 1
    [[ "$stderr" == *"may not leave"* ]] || { printf '%s\n' "$stderr" >&2; false; }
    [ ! -e "$W/x.bundle" ]
    st field allow seawolf75 2>/dev/null
    run --separate-stderr st field redact "$id"
    expect_status 0
}

@test "leaks-addr21: Korean coordinates said after 북위 and English ones with 'point' said are replaced (B-24)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        '북위 사칠 점 구일팔, 동경 백육 점 구일칠에서 만났다. They met at 47 point 918 and 106 point 917.' \
        '북위 [GPS-1]에서 만났다. They met at [GPS-2].'
    exports_clean 구일팔 '47 point' '106 point'
}

@test "leaks-addr21: a Korean plate said in numerals glued to the copula is replaced" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        '그 차는 이십가 삼천사백오십육이었다.' \
        '그 차는 [ID-1]이었다.'
    exports_clean 삼천사백오십육
}

@test "leaks-addr21: county and township words are no Korean name; a name beside them is still flagged" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        '양평군 서종면에 살았다. 가평군에서 왔다.' \
        '양평군 서종면에 살았다. 가평군에서 왔다.'
    blocked '--name "Park Min" --pseudonym Suri' \
        '김민수가 양평군에 왔다.' korean-name '김민수'
}
