/* Korean names and places written in other scripts (issue 12 follow-up);
 * tables and their sources in variants_ko.c and docs/VARIANTS.md. */
#ifndef INTAKE_VARIANTS_KO_H
#define INTAKE_VARIANTS_KO_H

#include "privacy/varlist.h"

/* Korean (Hangul syllables cps[0..n)) written in other scripts: Russian
 * Cyrillic and Japanese katakana for every term, German and Czech Latin
 * for places and other terms (person 0); given is where the given name
 * starts (0: the whole term is one word).  variants_ko.c. */
int korean_other_scripts(struct variant_list *out, const int *cps, int n, int given, int person);

#endif
