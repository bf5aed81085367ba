/* Look-alike letters of Latin, Cyrillic and Greek (Aлтангэрэл written
 * with a Latin A), from ICU's spoof checker: letters with the same UTS #39
 * confusable skeleton.  The table is made at build time by
 * scripts/confusables.c (docs/DEPENDENCIES.md); nothing of ICU is linked. */
#ifndef INTAKE_CONFUSABLE_H
#define INTAKE_CONFUSABLE_H

enum confusable_script { CONF_NONE, CONF_LATIN, CONF_CYRILLIC, CONF_GREEK, CONF_OTHER };

/* The script of letter cp among the three (Latin with its IPA, phonetic
 * and extended letters), CONF_OTHER for an Armenian, Cherokee, Lisu or
 * Canadian syllabics letter (only ever a look-alike of the three:
 * Mսnkhbat, ꓓorj) or a word character of another script whose UTS #39
 * skeleton is a Latin letter (D௦rj: the Tamil digit zero; Dㅇrj: the
 * jamo ieung, by hand), or CONF_NONE (digits, Hangul, Han, marks,
 * punctuation). */
int confusable_script(int cp);

/* 1 if cp is a CONF_OTHER letter of Armenian, Cherokee, Lisu or Canadian
 * syllabics, whose words may be Latin words written in look-alikes
 * (Ꭰꓳꓣꓙ); 0 for the others (a Hebrew or Arabic word, "ㅇㅇ", is not). */
int confusable_only_lookalike(int cp);

/* 1 if cp is a Cyrillic letter outside the Russian and Mongolian
 * alphabets (ӏ, ԁ, Є, і): in a Mongolian or Russian word, a look-alike
 * (Воӏԁ, Єлзийбаяр; normalise.c). */
int confusable_rare_cyrillic(int cp);

/* The everyday letter (lower case) that the letter-like character cp
 * stands for where NFKC leaves it alone: small capitals (ʙ), negative
 * squared and negative circled letters (🅱, 🅑), by their Unicode names;
 * rare Latin and Cyrillic letters whose UTS #39 skeleton is that of one
 * everyday letter of their script (ʀ: r, ѳ: ө); 0 for any other.  Made by
 * scripts/confusables.c from ICU's data. */
int confusable_letterlike(int cp);

/* The everyday letter of script (lower case) that looks like cp (Latin a
 * in Cyrillic: а; Cyrillic р in Latin: p), or 0 if there is none. */
int confusable_in(int cp, int script);

#endif
