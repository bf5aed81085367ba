/* A name written in another script or transcription system than any it
 * was registered in (issue 12, F12/F28): the traditional Mongolian script
 * (ᠠᠯᠲᠠᠨᠭᠡᠷᠡᠯ), a Chinese transcription (阿拉坦格日勒), a Hangul one
 * (알탄게렐, 사라 휘트필드), or the pinyin of a Chinese transcription or
 * of a Korean name's Hanja (Alatan Gerile, Jin Zhongzhu).
 *
 * Every letter of Latin, Cyrillic, Hangul, Han and Mongolian script is
 * read as Latin (transcribe_reading), and a reading is brought to a
 * consonant skeleton (transcribe_skeleton): the key two spellings of one
 * name share across these scripts.  Sources of the readings and the rules
 * of the skeleton: docs/VARIANTS.md, "Other scripts and transcriptions".
 * Data and pure functions; no other module of privacy/ but romanise.h. */
#ifndef INTAKE_TRANSCRIBE_H
#define INTAKE_TRANSCRIBE_H

#include <stddef.h>

/* Longest skeleton kept, in classes (bytes). */
#define TRANSCRIBE_SKEL_MAX 23

/* A Latin reading, lower case ASCII, of code point cp (case folded, as in
 * the norm view of normalise.h): an ASCII letter itself; a Cyrillic letter
 * in MNS 5217 and a Hangul syllable in Revised Romanisation (romanise.h);
 * a Han character by its first Mandarin reading without tones (Unihan's
 * kMandarin, scripts/pinyin.sh); a letter of the Mongolian script by its
 * Unicode character name (MONGOLIAN LETTER GA: g).  Writes at most cap
 * bytes (no NUL) to out; returns the length in bytes (0 for a Mongolian
 * format character, which is read as nothing), -1 for any other code
 * point. */
/* 1 if cp is a katakana letter or the long mark ー (transcribe_reading
 * reads them), else 0. */
int transcribe_is_katakana(int cp);

int transcribe_reading(char *out, size_t cap, int cp);

/* transcribe_reading as a transcription of a foreign name hears a Han
 * character (the Xinhua tables for Russian and Ukrainian names, 俄汉译音表,
 * and for English ones): pinyin's q as ch (琴 qin of Шевченко, 切 of
 * Mukachevo), a w before any vowel but u as v (万 wan and 娃 wa of Иванов,
 * Смирнова; 乌 wu stays the vowel u), a final ng as n (桑 sang of
 * Олександр: 奥列克桑德).  The names' keys read an English w as v too
 * where this is compared with them.  Other code points as
 * transcribe_reading.  Arguments and return as transcribe_reading. */
int transcribe_reading_heard(char *out, size_t cap, int cp);

/* A word w[0..len) of a name's Latin reading (lower case ASCII) rewritten
 * in place as a Chinese transcription writes it, so that its key is
 * compared with what transcribe_reading_heard reads: a w before a vowel
 * but u as v (Wilson: 威尔逊), a k or g before i as pinyin's j (Kowalski:
 * 科瓦尔斯基, Nikita: 尼基塔; the Xinhua tables write ки, ги with 基, 吉),
 * the o of ko and go as e (the same tables write ко, го with 科 ke, 戈 ge:
 * Коша 科沙, Гоша 戈沙, Коваленко 科瓦连科; report-adv36 L-17),
 * a final r after a consonant left out (Oleksandr: 奥列克桑德, Aleksandr:
 * 亚历山大).  Returns the new length (at most len). */
size_t transcribe_heard_word(char *w, size_t len);

/* The consonant skeleton of a Latin reading s[0..len) (lower case ASCII):
 * each consonant sound one class letter (P for b p f v, T for d t, K for
 * g k q and c before a, o, u or a consonant, S for s z j x ts dz and c
 * before e, i, y, h or at the end, L for l r, M, N), vowels and h w y
 * left out (so ch sh th ph kh count as their first letter), a run of one
 * class with no vowel between made one (ll, tt; not r-e-l): Altangerel,
 * Алтангэрэл, 알탄게렐, 阿拉坦格日勒 and ᠠᠯᠲᠠᠨᠭᠡᠷᠡᠯ are all LTNKLL.
 * Writes at most cap bytes and a NUL to out (cap at least 1); returns the
 * number of classes (more than cap - 1 when they did not fit). */
size_t transcribe_skeleton(char *out, size_t cap, const char *s, size_t len);

/* transcribe_skeleton as Chinese and Japanese transcription hears a
 * name: a nasal before p, b or m (and pinyin's ng there) is M, since
 * neither writes an m before a labial (Thompson: 汤普森 tangpusen,
 * トンプソン tonpuson, both TMPSN; brief s26 names26, report-adv25b
 * C-10).  Arguments and return as transcribe_skeleton. */
size_t transcribe_skeleton_cjk(char *out, size_t cap, const char *s, size_t len);

/* transcribe_skeleton with the vowels too, each run of vowel letters one
 * class (its first letter in upper case; eo O), but eu, which Hangul
 * writes where a foreign name has no vowel (휘트필드), left out; ae is E:
 * Ulzii and 울지 (ulji) are both ULSI.  For short names, whose consonants
 * alone say too little. */
size_t transcribe_vowel_key(char *out, size_t cap, const char *s, size_t len);

/* The Latin reading s[0..len) (lower case ASCII) of a name as Korean
 * loanword spelling hears it (National Institute of Korean Language,
 * 외래어 표기법, 1986, ch. 2 table 1 and ch. 3 §1: English θ is ㅅ, [ks]
 * is ㅋㅅ): th read s, x read ks; with alt & 1 a ch read k as well
 * (Michael: 마이클; otherwise ch stays, Richard: 리처드), with alt & 2 an
 * r after a vowel and not before one left out, as English is written
 * (Turner: 터너; Russian and Mongolian keep it: 세르게이).  Writes at most
 * cap bytes (no NUL) to out; returns the length, 0 if it does not fit
 * or is empty. */
size_t transcribe_loanword(char *out, size_t cap, const char *s, size_t len, int alt);

/* The length of the reading s[0..len) of a Hangul word without the ㅣ that
 * Korean loanword spelling adds after a final [ʤ] or [ʧ] (외래어 표기법
 * ch. 3 §1 rule 4: Dorj 도르지, "ji"; "chi"), else len. */
size_t transcribe_hangul_final(const char *s, size_t len);

/* A reading s[0..len) of a word in the Mongolian script brought nearer
 * to Khalkha as Mongolians write it in Cyrillic: a g or q (γ) between two
 * vowels is left out, as the classical spelling writes it where Khalkha
 * has a long vowel (baγatur: баатар, Boldbaatar; N. Poppe, Grammar of
 * Written Mongolian, 1954, §§ 30-33).  In place; returns the new length. */
size_t transcribe_classical(char *s, size_t len);

/* 1 if s[0..len) (lower case ASCII letters) is the pinyin of Han
 * characters that read as the Hangul syllables syl[0..n) in Korean, one
 * Mandarin reading per syllable (Unihan's kHangul and kMandarin: "jin" +
 * "zhong" + "zhu" reads 김종수 through 金鍾洙), else 0. */
int transcribe_pinyin_reads(const char *s, size_t len, const int *syl, size_t n);

/* 1 if s[0..len) (lower case ASCII letters) splits into Mandarin syllables
 * (any reading of scripts/pinyin.sh's table), else 0: a quick test before
 * transcribe_pinyin_reads. */
int transcribe_is_pinyin(const char *s, size_t len);

/* 1 if s[0..len) (lower case ASCII letters) is the Japanese on-reading
 * of Han characters that read as the Hangul syllables syl[0..n) in
 * Korean, one reading per syllable (Unihan's kHangul and kJapaneseOn,
 * scripts/onyomi.sh: "kin" + "sho" + "shu" reads 김종수 through 金鍾洙),
 * else 0.  transcribe_is_onyomi: s splits into on-readings, the quick
 * test before it. */
int transcribe_onyomi_reads(const char *s, size_t len, const int *syl, size_t n);
int transcribe_is_onyomi(const char *s, size_t len);

/* 1 if s[0..len) (lower case ASCII letters) is the Sino-Vietnamese reading
 * of Han characters that read as the Hangul syllables syl[0..n) in
 * Korean, one reading per syllable, marks removed (Unihan's kHangul and
 * kVietnamese, scripts/hanviet.sh: "kim" + "chung" + "thu" reads 김종수),
 * else 0.  transcribe_is_hanviet: s splits into such readings, the quick
 * test before it. */
int transcribe_hanviet_reads(const char *s, size_t len, const int *syl, size_t n);
int transcribe_is_hanviet(const char *s, size_t len);

/* Katakana or hiragana s[0..len) (UTF-8; other characters left out) as Hepburn
 * romaji in out (cap bytes, no NUL): キン・ショウシュ is "kinshoushu"; a
 * small vowel kana after a consonant's kana is that kana's vowel
 * (ツェツェグマー "tsetsegumaa", ヴェーラ "vera"); the long mark adds no
 * letter.  Returns the length, 0 if it does not fit. */
size_t transcribe_kana_romaji(char *out, size_t cap, const char *s, size_t len);

/* 1 if cp is a letter of the Mongolian script (U+1820..U+1842). */
int transcribe_is_mongolian(int cp);

/* Collapses runs of one class in the NUL-terminated skeleton skel in place
 * (PLTTLS: PLTLS): katakana puts a vowel between every two consonants
 * (ボルド・ドルジ for Bold Dorj), so its skeletons are compared collapsed.
 * Returns the new length in bytes. */
size_t transcribe_collapse(char *skel);

#endif
