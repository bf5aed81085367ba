/* Shared by the variant generators (variants.c and the tables of other
 * scripts in variants_*.c); not part of the privacy engine's interface. */
#ifndef INTAKE_VARIANTS_INT_H
#define INTAKE_VARIANTS_INT_H

#include <stddef.h>

#include "privacy/variants.h"

#define OPT_MAX 12
#define OPT_LEN 24
#define SLOT_MAX 48

/* The spellings of one part of a name (a syllable, a letter), most
 * likely first. */
struct slot {
    char opt[OPT_MAX][OPT_LEN];
    int n;
};

/* Appends a+b+c as an option of s (a repeated one, or beyond OPT_MAX or
 * OPT_LEN bytes, is dropped). */
void slot_add(struct slot *s, const char *a, const char *b, const char *c);

/* Adds key[0..keylen) to l with the list's capital and flag marks; a key
 * already there keeps the laxer marks.  Returns 0, or -1 if out of memory. */
int list_add(struct variant_list *l, const char *key, size_t keylen, int rule, int suffix);

/* Adds the combinations of one option per slot (slots[0..n)), lowest sum
 * of option ranks first, until out holds cap variants.  Returns 0 or -1. */
int combine(struct variant_list *out, const struct slot *slots, int n, int rule, int suffix,
            size_t cap);

/* Korean (Hangul syllables cps[0..n)) written in other scripts: Russian
 * Cyrillic and Japanese katakana for every term, German and Czech Latin
 * for places and other terms (person 0); given is where the given name
 * starts (0: the whole term is one word).  variants_ko.c. */
int korean_other_scripts(struct variant_list *out, const int *cps, int n, int given, int person);

#endif
