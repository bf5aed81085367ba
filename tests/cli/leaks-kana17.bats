#!/usr/bin/env bats
# Brief s17 kana17 (report-adv16a A-6, A-14, A-20), end to end on the real
# binary: Korean names as the Japanese press writes them (katakana by rule,
# half-width, hiragana, Kunrei romaji, long vowels, a katakana surname
# beside the given name), the Sino-Vietnamese reading of a Korean name's
# Hanja, a Vietnamese name in Hán tự, and a known surname before unknown
# capitalised words.  The full set of cases: tests/data/leaks/kana17.jsonl
# (test_leaks_names); the rules: docs/VARIANTS.md, "Japanese and
# Vietnamese writing of names".

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-kana17: a Korean name in the press's katakana, half-width and hiragana is replaced (A-6)" {
    redacts_to '--name 박정희 --locale ko --pseudonym Un-min' \
        'パク・チョンヒ氏が来た。ﾊﾟｸ･ﾁｮﾝﾋ。ぱく・ちょんひ。' \
        'Un-min氏が来た。Un-min。Un-min。'
    strict_clean パク チョンヒ ﾁｮﾝﾋ ちょんひ
}

@test "leaks-kana17: the katakana surname goes with a replaced given name (A-6)" {
    redacts_to '--name 최영호 --locale ko --pseudonym Un-min' \
        'チェ・ヨンホ氏とハン・ヨンホ氏が来た。' \
        'Un-min氏とUn-min氏が来た。'
    strict_clean チェ ヨンホ ハン
}

@test "leaks-kana17: Kunrei romaji, a long vowel in ウ, ヂ and the Sino-Vietnamese reading are replaced (A-6, A-14)" {
    redacts_to '--name 김종수 --name 金鍾洙 --locale ko --pseudonym Rim-il' \
        'Kin Syosyu came, then キム・ジョンスウ, キム・ヂョンス and Kim Chung Thu.' \
        'Rim-il came, then Rim-il, Rim-il and Rim-il.'
    strict_clean Syosyu ジョンスウ ヂョンス Chung
}

@test "leaks-kana17: a Vietnamese name in Han characters is replaced (A-20)" {
    redacts_to '--name "Nguyễn Văn Thắng" --locale en --pseudonym Vera' \
        'Then 阮文勝 came, and Nguyễn Văn Thắng.' \
        'Then Vera came, and Vera.'
    strict_clean 阮文勝 Thắng
}

@test "leaks-kana17: a known surname before unknown capitalised words is a transcription flag; export waits (A-14)" {
    blocked '--name 김종수 --locale ko --pseudonym Rim-il' 'Then Kim Zhrbu Qotl came.' \
        transcription 'Kim Zhrbu Qotl'
}
