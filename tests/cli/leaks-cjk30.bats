#!/usr/bin/env bats
# Brief s30 cjk30 (issue 12 kinds 3 and 4, issue 13), end to end on the
# real binary: Chinese renderings of registered names and places read as
# a transcription hears Han characters (transcribe_reading_heard), the
# right subject's pseudonym among several, a particle after a name kept,
# a full name with a middle dot one name, a zodiac sign beside a birth
# year.  The full set of cases: tests/data/leaks/cjk30.jsonl
# (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-cjk30: a given name in Chinese gets its own subject's pseudonym, not another's (adv29c K-19)" {
    st field subject add --name "Lukasz Nowak" --pseudonym "Quiet River" >/dev/null
    redacts_to '--name "Oleksandr Shevchenko" --name "Олександр Шевченко" --pseudonym "Helen Ellis"' \
        '奥列克桑德说他很累。' \
        'Helen Ellis说他很累。'
}

@test "leaks-cjk30: a Slavic surname in Chinese without a title, and the passive 被 after it stays (K-18, K-6, K-16)" {
    redacts_to '--name "Sergei Shevchenko" --name "Сергей Шевченко" --pseudonym "Kate Walsh"' \
        '谢甫琴科被打了。' \
        'Kate Walsh被打了。'
}

@test "leaks-cjk30: a full name with a middle dot gets one pseudonym (N-2)" {
    redacts_to '--name "Michael Johnson" --pseudonym "Alice Rose"' \
        '迈克尔·约翰逊是老板。' \
        'Alice Rose是老板。'
}

@test "leaks-cjk30: a zodiac sign beside a birth year and a place's Chinese name with 第 go (K-1, K-13)" {
    redacts_to '--name "Petro Kovalenko" --term place:Dnipro --pseudonym "Chris Baker"' \
        '她是1976年出生的属龙人，住在第聂伯罗。' \
        '她是[DATE-1]出生的[DATE-2]人，住在[PLACE-1]。'
}
