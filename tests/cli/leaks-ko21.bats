#!/usr/bin/env bats
# Brief s21 ko21 (report-adv20 R-6, R-7; issue 12), end to end on the real
# binary: a registered foreign given name written in Hangul with Korean
# particles (data/nicknames/hangul.txt), a Koryo-saram name in Latin, a
# Korean surname in Cyrillic with a Russian case ending.  Replaced names leave
# nothing at hq (audit --strict); the forms that are also Korean words, or
# any Kim's, are review flags that stop the export.  The full set of
# cases: tests/data/leaks/ko21.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-ko21: Russian and English given names in Hangul with particles are replaced (R-6)" {
    redacts_to '--name Natalya --name "Алексей Смирнов" --name "Margaret Wilson" --locale ko --pseudonym Vera' \
        '나탈리야가 왔다. 알료샤가 울었다. 마거릿 윌슨 씨가 말했다. 나타샤한테서 들었다.' \
        'Vera가 왔다. Vera가 울었다. Vera 씨가 말했다. Vera한테서 들었다.'
    strict_clean 나탈리야 알료샤 마거릿 나타샤
    strict_audit_passes
}

@test "leaks-ko21: a one-syllable Hangul form before an honorific is a review flag that stops the export (R-6)" {
    blocked '--name "John Smith" --locale ko --pseudonym Vera' \
        '어제 존 님께서 오셨다.' short-name 존
}

@test "leaks-ko21: a Hangul form that is a Korean word stays where nothing marks a name (R-6 guard)" {
    redacts_to '--name "Mike Brown" --name Olga --locale ko --pseudonym Vera' \
        '마이크를 잡았다. 올가을에 왔다. 그는 존재한다.' \
        '마이크를 잡았다. 올가을에 왔다. 그는 존재한다.'
}

@test "leaks-ko21: a Koryo-saram name in Latin is replaced (R-7)" {
    redacts_to '--name 정철민 --name 최영호 --locale ko --pseudonym Vera' \
        'Ten Cher Min came. Tsoi Yong Ho left. Ten people came.' \
        'Vera came. Vera left. Ten people came.'
    strict_clean 'Cher' 'Tsoi'
    strict_audit_passes
}

@test "leaks-ko21: a Korean surname in Cyrillic with a Russian case ending is a review flag that stops the export (R-7)" {
    blocked '--name 박철민 --locale ko --pseudonym Vera' \
        'Пака отправили домой.' short-name Пака
}
