#!/usr/bin/env bats
# Number kinds and redact's messages from the outside tester's report
# (report-adv12d): what 'redact' prints on standard error keeps to
# SECURITY.md (lengths only, never a protected word).

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    fixture suvd_store
}

# suvd_store: the store (locale mn, its passphrase slot cheapened) with the
# subject Suvd, consented; made once per file (helpers.bash).
suvd_store() {
    init_store --locale mn && cheapen &&
        ik subject add --name "Батбаярын Алтангэрэл" --name "Altangerel" --pseudonym Suvd \
            --locale mn >/dev/null &&
        ik consent Suvd --export yes --method verbal 2>/dev/null
}
teardown() { common_teardown; }

@test "redact: a short form glued to digits (altaa85) is a handle, replaced; nothing of it on either stream (F24)" {
    ID=$(printf 'Accounts: altaa85.\n' | ik record Suvd --title "Testimony" --date 2024-03-15)
    run --separate-stderr ik redact "$ID"
    expect_status 0
    [[ "$output" == *"Accounts: Suvd."* ]] || { printf '%s\n' "$output" >&2; false; }
    [[ "$output" != *ltaa* && "$stderr" != *ltaa* ]] || false
    # The word alone in lower case is no replacement, but a review flag
    # since session 49 (lower49, privacy/redact_case.c: a Latin short form
    # in lower case read back into Cyrillic is алтаа, a Mongolian word:
    # "his gold" or the name, a person decides); the word stays and the
    # terminal's message does not echo it.
    ID=$(printf 'Accounts: altaa.\n' | ik record Suvd --title "Testimony" --date 2024-03-15)
    run --separate-stderr ik redact "$ID"
    expect_status 1
    [[ "$output" == *"Accounts: altaa."* ]] || false
    [[ "$stderr" == *"1 review flag unresolved"* && "$stderr" != *ltaa* ]] || false
}

@test "allow: a one-syllable given name, alone or flagged with what follows it, is refused; a name that is a word and other words are not (report-adv12d F37, F38)" {
    ik subject add --name 박민 --locale ko --pseudonym Sora >/dev/null
    ik subject add --name 김나라 --locale ko --pseudonym Hana >/dev/null
    for w in 민 Min 민에게 민아; do
        run --separate-stderr ik allow "$w"
        expect_status 2
        [ "$stderr" = "intake: this text is a form of a registered name whose review flag stands where it may name the person, and cannot be allowed; nothing was changed" ]
    done
    [ -z "$(ik allow --list)" ]
    for w in 나라 민주주의 Park; do
        run --separate-stderr ik allow "$w"
        expect_status 0
    done
    # The flag on 민 stays: the record may not leave.
    ik consent Sora --export yes --method verbal 2>/dev/null
    ID=$(printf '민아, 밥 먹었니?\n' | ik record Sora --title "Testimony" --date 2024-03-15)
    run --separate-stderr ik redact "$ID"
    expect_status 1
    [[ "$stderr" == *"1 review flag unresolved"* ]]
}

# The number kinds report-adv12e left open, end to end: redact, export to
# hq, the audit there, and the body hq reads.  The full set of cases is
# tests/data/leaks/numbers2.jsonl (test_leaks_detect) and
# numbers2-terms.jsonl (test_leaks_names).

# field_hq: the stores field and hq, contacts of each other, and subject
# Tulga with a registered phone, passport and IP address.
field_hq() {
    W=$T/work
    mkdir -p "$W"
    mkstore field
    mkstore hq
    introduce field hq
    st field subject add --name "Батбаярын Алтангэрэл" --name Altangerel --locale mn \
        --pseudonym Tulga --contact 99112345 --term id:M1234567 --term other:99112345 \
        --term other:192.168.10.45 >/dev/null
    st field consent Tulga --export yes --method verbal 2>/dev/null
}

# leaves_as TEXT WANT STRING...: a record of TEXT redacts to WANT (exit
# 0); exported to hq (exit 0), the audit's residual checks pass there and
# the body hq imports is WANT, with none of the strings.
leaves_as() {
    local text=$1 want=$2 id s body
    shift 2
    N=$((${N:-0} + 1))
    id=$(printf '%s\n' "$text" | st field record Tulga --title "Work $N" --date 2024-03-15)
    run --separate-stderr st field redact "$id"
    expect_status 0
    [ "$(printf '%s\n' "$output" | tail -n 1)" = "$want" ] ||
        { printf 'want: %s\ngot:  %s\n' "$want" "$output" >&2; return 1; }
    run --separate-stderr st field export --to hq "$id" -o "$W/$id.bundle"
    expect_status 0
    run --separate-stderr st hq audit "$W/$id.bundle"
    printf '%s\n' "$output" | grep -qE '^ *residual-terms +PASS' || { printf '%s\n' "$output" >&2; return 1; }
    printf '%s\n' "$output" | grep -qE '^ *residual-detectors +PASS' || { printf '%s\n' "$output" >&2; return 1; }
    st hq import "$W/$id.bundle" >/dev/null
    run --separate-stderr st hq show "$(st hq list --json | jq -r --arg t "Work $N" '.[] | select(.title == $t) | .id')"
    expect_status 0
    body=$(printf '%s\n' "$output" | sed -n '/^$/,/^origin:/p' | sed '1d;$d')
    [ "$body" = "$want" ] || { printf 'hq: %s\n' "$output" >&2; return 1; }
    for s in "$@"; do
        [[ "$body" != *"$s"* ]] || { printf 'leaks %s at hq: %s\n' "$s" "$body" >&2; return 1; }
    done
}

@test "leaks-numbers: a date of birth spelt out in Sino-Korean, Han numerals or English words goes whole (report-adv12e F9, F34)" {
    field_hq
    leaves_as '천구백팔십오년 삼월 십오일생' '[DATE-1]생' 팔십오 십오
    leaves_as '일구팔오년 삼월 십오일생' '[DATE-1]생' 일구팔오 십오
    leaves_as '一九八五年三月十五日生.' '[DATE-1]生.' 一九八五 十五
    leaves_as '1985년 삼월 십오일생.' '[DATE-1]생.' 1985 십오
    leaves_as '85년 삼월 십오일 생' '[DATE-1] 생' 85 십오
    leaves_as 'born on the fifteenth of March, nineteen eighty-five' 'born on the [DATE-1]' fifteenth eighty
}

@test "leaks-numbers: a date of birth is replaced whole, never the year alone (report-adv12e F29)" {
    field_hq
    leaves_as 'born 1985 March the 15th' 'born [DATE-1]' 1985 March 15th
    leaves_as '1985 оны гуравдугаар сарын арван тавнд төрсөн.' '[DATE-1] төрсөн.' 1985 гуравдугаар тавнд
}

@test "leaks-numbers: a registered phone with other separators, words between its groups or in Han numerals (report-adv12e F10, F33)" {
    field_hq
    leaves_as 'Дугаар нь 9911.2345 шүү.' 'Дугаар нь [OTHER-1] шүү.' 9911 2345
    leaves_as 'Call 010, then 1234, then 5678.' 'Call [PHONE-1].' 010 1234 5678
    leaves_as '電話 〇一〇 一二三四 五六七八. 零一零一二三四五六七八.' '電話 [PHONE-1]. [PHONE-2].' 〇一〇 一二三四 零一零
    leaves_as '電話 九九一一二三四五' '電話 [PHONE-1]' 九九一一
    leaves_as 'Call O1O-l234-5678 or ⁰¹⁰-¹²³⁴-⁵⁶⁷⁸.' 'Call [PHONE-1] or [PHONE-2].' O1O l234 ⁰¹⁰ 5678
}

@test "leaks-numbers: a registered passport with separators or spelt in Korean (report-adv12e F21, F35)" {
    field_hq
    # One registered id in any separator class is one placeholder (brief
    # s16 r16: the class of report-adv15 R-7 keys them all as m1234567).
    leaves_as 'Passport M·1234567. M‧1234567' 'Passport [ID-1]. [ID-1]' 1234567
    leaves_as '여권번호 엠일이삼사오육칠. 여권 엠 일이삼사오육칠.' '여권번호 [ID-1]. 여권 [ID-1].' 일이삼사 엠
    leaves_as 'ID M.1.2.3.4.5.6.7 M/1/2/3/4/5/6/7 M_1_2_3_4_5_6_7' 'ID [ID-1] [ID-1] [ID-1]' 1.2.3 1/2/3 1_2_3
}

@test "leaks-numbers: a registered IP in every shape; a version and a register number keep their categories (report-adv12e F11, F20, F36)" {
    field_hq
    leaves_as 'Server 192,168,10,45, 3232238125, 0xC0A80A2D.' 'Server [OTHER-1], [OTHER-2], [OTHER-3].' 192 3232238125 C0A80A2D
    leaves_as 'Version 1.2.3.4 released.' 'Version 1.2.3.4 released.'
    leaves_as 'Регистр: У.Б.85031512 / UB 8503 1512' 'Регистр: [ID-1] / [ID-2]' 85031512 8503
}

# The number kinds the outside tester found still leaking (brief i12-num):
# the full set is tests/data/leaks/numbers3.jsonl (test_leaks_detect).

@test "leaks-numbers: a date of birth written short, glued to a label or a word, or with spaced Korean units goes whole (brief i12-num 1)" {
    field_hq
    leaves_as '750314생이다. 1975 년 3 월 14 일생' '[DATE-1]생이다. [DATE-2]생' 750314 1975 14
    leaves_as '他生于1975年3月14日。DOB:14.03.1975' '他生于[DATE-1]。DOB:[DATE-2]' 1975 14.03
    # Box, not Bat: since session 22 (short22) "Bat", the first three
    # letters of the registered Батбаяр, is a review flag beside a date.
    leaves_as '1975.03.14김종수, 14.03.1975Box' '[DATE-1]김종수, [DATE-2]Box' 1975 14.03
    leaves_as '2020.03.14에 회의가 있었다.' '2020.03.14에 회의가 있었다.'
}

@test "leaks-numbers: letters for digits, digits spaced one by one and phone parts joined by words are read as the number they write (brief i12-num 2-4, 6)" {
    field_hq
    leaves_as 'Call O1O-SSS5-1234, born l975-O3-l4.' 'Call [PHONE-1], born [DATE-1].' SSS5 1234 l975 O3
    leaves_as 'born 1 9 7 5 0 3 1 4, 7 5 0 3 1 4 - 1 2 3 4 5 6 7' 'born [DATE-1], [ID-1]' '1 9 7 5' '1 2 3 4'
    leaves_as '010 ба 1234 ба 5678; phone 010 one two three four 5678' '[PHONE-1]; phone [PHONE-2]' 010 1234 5678 three
    leaves_as 'Buy SOS, B2B, Z80, the 1990s; 3 people, 1 9-hour shift; Version 1.2.3.4.' 'Buy SOS, B2B, Z80, the 1990s; 3 people, 1 9-hour shift; Version 1.2.3.4.'
}

@test "leaks-numbers: dates with Roman months, two-digit years and years in words go whole (brief i12-num 5)" {
    field_hq
    leaves_as 'born 14 iii 1975, born 14-Mar-75, born the 14th of the 3rd month, 1975' 'born [DATE-1], born [DATE-2], born the [DATE-3]' iii 1975 75 3rd
    leaves_as 'родился четырнадцатого марта тысяча девятьсот семьдесят пятого года' 'родился [DATE-1] года' четырнадцатого девятьсот пятого
    leaves_as 'мянга есөн зуун далан таван онд төрсөн. born in two thousand and five' '[DATE-1] төрсөн. born in [DATE-2]' мянга далан thousand five
}
