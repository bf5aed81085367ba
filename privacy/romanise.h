/* The romanisation tables of Korean and Mongolian (docs/VARIANTS.md gives
 * their sources), shared by the spelling variants (variants.c,
 * variants_ko.c) and by normalisation, which keys a name written half in
 * one script and half in another by each letter's usual spelling
 * (romanise_reading).  Data and one function; no other module of
 * privacy/ is used here, so normalise.c may call it. */
#ifndef INTAKE_ROMANISE_H
#define INTAKE_ROMANISE_H

#include <stddef.h>

/* Korean in Latin: the options for each initial consonant, vowel and
 * final (in Unicode order), Revised Romanisation first; 0 ends a row. */
extern const char *const romanise_ko_initial[19][3];
extern const char *const romanise_ko_medial[21][4];
extern const char *const romanise_ko_final[28][2];

/* Mongolian Cyrillic letters: the letter, then its Latin spellings (MNS
 * 5217 first); 0 ends a row. */
extern const char *const romanise_mn_letters[][5];
extern const size_t romanise_mn_count;

/* The row of romanise_mn_letters whose letter is the code point cp (one
 * lower-case letter), or -1 if none is: found in one step by an index of
 * the table's letters by code point. */
int romanise_mn_row(int cp);

/* Korean in other scripts (variants_ko.c): Russian (Kontsevich), Japanese
 * katakana, German, Czech, the Yale romanisation of linguists and Mongolian
 * Cyrillic (the Mongolian press: Мүн Жэ Ин, Ким Жон Ун; brief s18 item 2); each cell a '|'-separated list, the usual
 * spelling first.  Initials [system][after a vowel or sonorant][initial]. */
enum { ROMANISE_RU, ROMANISE_JA, ROMANISE_DE, ROMANISE_CS, ROMANISE_YALE, ROMANISE_FR, ROMANISE_NL,
       ROMANISE_MN, ROMANISE_KORYO, ROMANISE_NSYS };
extern const char *const romanise_ko_initials[ROMANISE_NSYS][2][19];
extern const char *const romanise_ko_vowels[ROMANISE_NSYS][21];
extern const char *const romanise_ko_finals[ROMANISE_NSYS][28];

/* The traditional Cyrillic spellings of the Korean surname whose Hangul
 * syllable is cp, as Soviet and post-Soviet Koreans (Koryo-saram) and the
 * Russian press write them, a '|'-separated list, the usual one first
 * in lower case (최: "цой|чой"; 정: "тен|чен|чон"; 오: "о|огай"); NULL for a syllable
 * the table lacks.  Sources: docs/VARIANTS.md, "Koryo-saram spellings". */
const char *romanise_koryo_surname(int cp);

/* The Hangul syllable (a code point) of the Korean surname whose
 * Koryo-saram Cyrillic spelling is key[0..len) (lower case UTF-8: "пак"
 * 박, "цой" 최, "ли" 이, "тен" 정, the first row that lists it), or 0 if no
 * row of romanise_koryo_surname's table lists it.  Keeps no memory. */
int romanise_koryo_syllable(const char *key, size_t len);

/* Writes the Cyrillic s[0..len) (lower case Russian letters) in Latin
 * letters to out (at most cap bytes, no NUL): alt 0 the Russian passport
 * transliteration (Цой tsoi, Хан khan, Тё tyo), alt 1 the older and press
 * spellings (tsoy, han, te).  Returns the length in bytes, 0 if s holds
 * another letter or out is too small.  Source: docs/VARIANTS.md,
 * "Session 21: Koryo-saram names in Latin". */
size_t romanise_ru_latin(char *out, size_t cap, const char *s, size_t len, int alt);

/* 1 if key[0..len) (a Latin key, lower case) is a Koryo-saram surname of
 * three letters or more in Latin (tsoi, tsoy, ten, tyan, ogai, khan),
 * romanise_ru_latin of a spelling of romanise_koryo_surname, else 0. */
int romanise_is_koryo_latin(const char *key, size_t len);

/* The usual spelling in script (1 Latin, 2 Cyrillic: enum
 * confusable_script) of one letter cp of another script, lower case, for
 * a name written half in one script and half in another (Jong수, 종su,
 * Чон수, Dor-ж: normalise.c keys such a word by it): a Hangul syllable in
 * Revised Romanisation or Kontsevich's Cyrillic (the first options of the
 * tables above, as at a word's start), a Cyrillic letter in MNS 5217.
 * Writes at most cap bytes (no NUL) to out; returns the length in bytes
 * (0: the letter is not written, ь), -1 if there is none. */
int romanise_reading(char *out, size_t cap, int cp, int script);

/* 1 if s[0..n) (lower case ASCII) is one Hangul syllable in a spelling of
 * the tables above (initial, vowel and final options: won, jae, chin,
 * not mart), else 0.  For the shape of a romanised given name (Jae-won)
 * where a flag reads one word alone (redact_flags.c, brief s18 item 6). */
int romanise_ko_latin_syllable(const char *s, size_t n);
/* The Hangul syllable (a code point) that s[0..n) (lower case ASCII)
 * spells by the first reading of the tables above in their order (nam
 * 남, gang 강: Revised Romanisation's before McCune-Reischauer's), or 0
 * if it spells none (romanise_ko_latin_syllable). */
int romanise_ko_latin_hangul(const char *s, size_t n);

#endif
