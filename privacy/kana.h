/* Kana as the key view reads them (brief s17 kana17 items 1 and 2): one
 * spelling of a Japanese word whatever kana it is written in, so a name's
 * katakana (キム・ジョンス, variants_ko.c) is found in hiragana (きむ・じょんす),
 * with the old kana ヂ ヅ (キム・ヂョンス) and with a long vowel written ウ
 * (ジョンスウ).  Half-width katakana (ｷﾑ ｼﾞｮﾝｽ) is folded before by NFKC
 * (normalise.c); the long mark ー is a dash there.  Pure functions. */
#ifndef INTAKE_KANA_H
#define INTAKE_KANA_H

/* The katakana the key view writes for code point cp, or 0 if cp is kept
 * as it is: a hiragana letter (U+3041-U+3096) is its katakana (U+30A1-
 * U+30F6, the same letter 0x60 further: Unicode's Hiragana and Katakana
 * blocks are parallel); ヂ ヅ (and ぢ づ) are ジ ズ, which modern spelling
 * (内閣告示 "現代仮名遣い", 1986) writes for the same sounds; the obsolete
 * ヰ ヱ ヲ are イ エ オ.  Both code points are three bytes in UTF-8. */
int kana_key(int cp);

/* 1 if the kana cp (a key character, kana_key already applied) after the
 * key character prev is a long vowel the key leaves out: ウ after a kana of
 * the o or u column (ジョンスウ, ソウル: the long o and u of Hepburn's ō ū,
 * written ウ in kana, ー in katakana loan words), else 0. */
int kana_long_vowel(int prev, int cp);

#endif
