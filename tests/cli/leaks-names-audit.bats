#!/usr/bin/env bats
# Continued from leaks-names.bats (issue 12): more name leak kinds through
# subject add, record and redact, each checked by the audit at headquarters.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-names: names typed in jamo or spelled out letter by letter are replaced, and the audit agrees" {
    redacts_to '--name 김종수 --name "Bold Dorj" --locale ko --pseudonym Rim-il' \
        'ㅈㅗㅇㅅㅜ가 왔다. 김.종.수가 왔다. 종_수가 왔다. 김·종·수가 왔다. Then B.o.l.d and B o l d came.' \
        'Rim-il가 왔다. Rim-il가 왔다. Rim-il가 왔다. Rim-il가 왔다. Then Rim-il and Rim-il came.'
    st field subject add --name "Алтангэрэл" --locale mn --pseudonym Tulga >/dev/null
    st field consent Tulga --export yes --method verbal 2>/dev/null
    record Tulga 'Өчигдөр А.л.т.а.н.г.э.р.э.л ирсэн. A_l_t_a_n_g_e_r_e_l came.' >/dev/null
    exports_clean ㅈㅗ 종.수 종_수 B.o.l.d "B o l d" А.л.т A_l_t
}

@test "leaks-names: a Korean name and place in Russian, katakana, German and Czech are replaced, and the audit agrees" {
    redacts_to '--name 김종수 --locale ko --term place:청진 --pseudonym Rim-il' \
        'Ким Чонсу пришёл из Чхонджина. キム・ジョンスさん. Tschongdschin, Čchongdžin.' \
        'Rim-il пришёл из [PLACE-1]. Rim-ilさん. [PLACE-1], [PLACE-1].'
    st field subject add --name 박영철 --locale ko --pseudonym Gerelee >/dev/null
    st field consent Gerelee --export yes --method verbal 2>/dev/null
    record Gerelee 'Пак Ёнчхоль и ヨンチョル.' >/dev/null
    exports_clean Чонсу ジョンス Чхондж Tschong Čchong Ёнчхоль ヨンチョル
}

@test "leaks-names: a protected ID glued to letters is replaced, the name glued after it too, and nothing reaches headquarters (report-adv13 1)" {
    redacts_to "--name 'Kim Jong-su' --term id:M1234567 --pseudonym 'Mark Lane'" \
        'Passport M1234567. M1234567Kim Jong-su M1234567x xM1234567 M1234567은 1M1234567 in M12345678.' \
        'Passport [ID-1]. [ID-1]Mark Lane [ID-1]x [ID-2] [ID-1]은 1[ID-1] in [ID-3].'
    redacts_to "--name 'Pak Chol' --term other:1234567 --pseudonym 'Sara Holm'" \
        'Account ID1234567, 1234567번, No1234567Pak Chol, 12345678 and 01234567.' \
        'Account [ID-1], [OTHER-1]번, No[OTHER-1]Sara Holm, [ACCOUNT-1].'
    exports_clean M1234567x M1234567K "Kim " "Pak " 1234567번 ID1234567
}

@test "leaks-names: Mongolian short forms of a Latin name, a Mongolian place's other names, look-alikes and leetspeak are replaced, and the audit agrees (issue 12 kinds 1-3)" {
    redacts_to "--name Tuvshinbayar --locale mn --term place:Улаанбаатар --pseudonym Tulga" \
        'Өчигдөр Түвшин УБ-д ирсэн. Tuvshee came from Ulaanbator, ウランバートル, 울란바토르에서. Then 🅱old met Tuvsh1nbayar.' \
        'Өчигдөр Tulga [PLACE-1]-д ирсэн. Tulga came from [PLACE-1], [PLACE-1], [PLACE-1]에서. Then 🅱old met Tulga.'
    redacts_to "--name 'Bold Munkhbat' --pseudonym 'Sara Holm'" \
        'Then 🅱old came, ʙold and B0ld too; Mսnkhbat and Ꮇunkhbat left.' \
        'Then Sara Holm came, Sara Holm and Sara Holm too; Sara Holm and Sara Holm left.'
    run --separate-stderr st field export --to hq --all -o "$W/b.bundle"
    expect_status 0
    run st hq audit "$W/b.bundle"
    [[ "$output" == *"residual-terms     PASS"* ]] || { printf '%s\n' "$output" >&2; false; }
}

@test "leaks-names: a name that is also a month or an article is replaced where the context marks a name and flagged where it may be the word (issue 12 kind 4)" {
    st field subject add --name "May Lee" --pseudonym Tulga >/dev/null
    st field consent Tulga --export yes --method verbal 2>/dev/null
    ID=$(record Tulga 'In May we left. May said no. We ate an apple.')
    run --separate-stderr st field redact "$ID" --report
    expect_status 1
    printf '%s\n' "$output" | grep -qE $'^flag\tbody\t3\t3\tname-or-word\tunresolved\tMay$'
    run --separate-stderr st field redact "$ID"
    expect_status 1
    [ "$(printf '%s\n' "$output" | tail -n 1)" = 'In May we left. Tulga said no. We ate an apple.' ]
    st field subject add --name "An Myong" --pseudonym Sara >/dev/null
    st field consent Sara --export yes --method verbal 2>/dev/null
    ID=$(record Sara 'An said no. We ate an apple.')
    run --separate-stderr st field redact "$ID"
    expect_status 0
    [ "$(printf '%s\n' "$output" | tail -n 1)" = 'Sara said no. We ate an apple.' ]
}

@test "leaks-names: user names and initials built from a name, and numbers spoken in words, go whole; headquarters gets none of them" {
    redacts_to '--name 김종수 --name "Kim Jong-su" --locale ko --pseudonym Rim-il' \
        'kimjs75, jongsoo.kim75, kim_jongsu and jskim1975 wrote. JS Kim and K. J. S. came. See facebook.com/kim.jongsu.75 or jongsu.kim@mail.com.' \
        '[HANDLE-1], [HANDLE-2], [HANDLE-3] and [HANDLE-4] wrote. Rim-il and Rim-il came. See [URL-1] or [EMAIL-1].'
    redacts_to '--name "Батбаяр Дорж" --locale mn --pseudonym Tulga' \
        'bdorj84 and dorj.batbayar wrote. Д.Б. ирсэн. Утас: ес ес нэг нэг хоёр хоёр гурав гурав.' \
        '[HANDLE-1] and [HANDLE-2] wrote. Tulga ирсэн. Утас: [PHONE-1].'
    record Tulga 'Call zero one zero, one two three four, five six seven eight. Then bdorj84 wrote.' >/dev/null
    exports_clean kim jongs dorj batbayar "zero one" "ес ес" "Д.Б" "JS"
}
