/* The private interface of the Ukrainian and Belarusian forms, shared by
 * variants_uk.c (the letters, Latin spellings, case forms, possessives)
 * and variants_uk_given.c (a given name's diminutives and equivalents).
 * Not for any other file: nicknames.c and variants.c call variants_int.h. */
#ifndef PRIVACY_VARIANTS_UK_INT_H
#define PRIVACY_VARIANTS_UK_INT_H

#include <stddef.h>

#include "privacy/varlist.h"

/* Letters of a form kept (the longest listed name is far shorter). */
#define UK_MAX 24

/* The Ukrainian and Belarusian letters beyond Russian's, and the
 * apostrophe-less alphabet a to я (code points). */
enum {
    C_A = 0x430, C_BE = 0x431, C_VE = 0x432, C_GE = 0x433, C_DE = 0x434, C_IE = 0x435,
    C_ZHE = 0x436, C_ZE = 0x437, C_I = 0x438, C_SHORT_I = 0x439, C_KA = 0x43A, C_EL = 0x43B,
    C_EM = 0x43C, C_EN = 0x43D, C_O = 0x43E, C_PE = 0x43F, C_ER = 0x440, C_ES = 0x441,
    C_TE = 0x442, C_U = 0x443, C_EF = 0x444, C_HA = 0x445, C_TSE = 0x446, C_CHE = 0x447,
    C_SHA = 0x448, C_SHCHA = 0x449, C_HARD = 0x44A, C_YERU = 0x44B, C_SOFT = 0x44C,
    C_E = 0x44D, C_YU = 0x44E, C_YA = 0x44F, C_YO = 0x451, C_YE = 0x454, C_UK_I = 0x456,
    C_YI = 0x457, C_SHORT_U = 0x45E, C_GHE = 0x491,
};

/* 1 if c (a code point) is a vowel letter of the two alphabets. */
int uk_vowel(int c);

/* Reads key[0..len) (bytes, UTF-8) into cp (room for UK_MAX code
 * points); the count, or 0 for a letter that is none of the two
 * alphabets or a word longer than UK_MAX. */
int uk_read(int *cp, const char *key, size_t len);

/* Adds the Latin spelling of cp[0..n) (code points) in every system to
 * out (with polish_em, the Polish -em too); 0, or -1 when out of memory. */
int uk_add_latin(struct variant_list *out, const int *cp, int n, int polish_em);

/* Adds the Cyrillic word w[0..len) (bytes) to out as the key view reads
 * it; a form that is an ordinary word (slavic_words.txt) is marked a
 * review flag only where the context marks a name.  0, or -1 when out of
 * memory or the word cannot be read. */
int uk_add_keyed(struct variant_list *out, const char *w, size_t len);

/* The case forms of key[0..len) (bytes, lower case) by its last letter:
 * with latin, their Latin spellings; full: 1 for a name (its -ов
 * possessives are a surname's shape), 0 for a short form or diminutive;
 * poss 0, no possessive adjectives.  0, or -1 when out of memory. */
int uk_forms(struct variant_list *out, const char *key, size_t len, int latin, int full, int poss);

#endif
