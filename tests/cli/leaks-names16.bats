#!/usr/bin/env bats
# Brief s16 (report-adv15 R-21, R-2, R-11), end to end on the real binary:
# a Chinese name registered in pinyin written in Han characters and with
# tone numbers; listed short forms of given names (Jenny, Ваня); a name in
# base64 and in quoted-printable between letters.  The full set of cases:
# tests/data/leaks/names16.jsonl (test_leaks_names).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-names16: a name registered in pinyin is replaced in Han characters and with tone numbers (R-21)" {
    redacts_to '--name "Li Xiaoming" --locale zh --pseudonym Yang' \
        'Lǐ Xiǎomíng came; Li3 Xiao3ming2 too; 李小明 and 小明 and Xiaoming.' \
        'Yang came; Yang too; Yang and Yang and Yang.'
    exports_clean 李小明 小明 Xiao3ming2 Xiaoming
}

@test "leaks-names16: the doubled last syllable of a pinyin name is a short-name flag; export waits (R-21)" {
    blocked '--name "Li Xiaoming" --locale zh --pseudonym Yang' '我们叫他明明。' short-name 明明
}

@test "leaks-names16: ordinary Chinese prose with pinyin names registered is left whole" {
    redacts_to '--name "Chen Jing" --name "Wang Jianguo" --locale zh --pseudonym Yang' \
        '有的人在山上砍柴，孩子们在冰上玩。' '有的人在山上砍柴，孩子们在冰上玩。'
}

@test "leaks-names16: listed short forms of given names are replaced where no word (R-2)" {
    redacts_to '--name "Jennifer Walsh" --locale en --pseudonym Tulga' \
        'Jen came with Jenn.' 'Tulga came with Tulga.'
    redacts_to '--name "Ivan Sidorov" --locale ru --pseudonym Bold' \
        'Ваня пришёл. Ванечка тоже. Vanya came.' 'Bold пришёл. Bold тоже. Bold came.'
    exports_clean Jenn Ваня Ванечка Vanya
}

@test "leaks-names16: a short form that is a word is a short-name flag; lower-case words stay (R-2)" {
    blocked '--name "Robert Kane" --locale en --pseudonym Tulga' 'Bob came. We pay the bill; rob no one.' short-name Bob
}

@test "leaks-names16: a Latin Mongolian registration replaces the Cyrillic short form before a person's verb (R-2, Munkhbat)" {
    # A review flag until session 45; steppe45's rule (redact_mnshort.c: a
    # short form before a verb a person does is the person) replaces it.
    redacts_to '--name Munkhbat --locale mn --pseudonym Tulga' 'Мөнхөө ирлээ.' 'Tulga ирлээ.'
}

@test "leaks-names16: a name in base64 is replaced whole (an escape-run flag until allow18); quoted-printable between letters is read (R-11)" {
    redacts_to '--name Enkhjargal --locale mn --pseudonym Tulga' 'Her name in base64 is RW5raGphcmdhbA== here.' 'Her name in base64 is Tulga here.'
    redacts_to '--name Sukhbaatar --locale mn --pseudonym Bold' 'Sukh=62aatar came; n=30 stays.' 'Bold came; n=30 stays.'
}
