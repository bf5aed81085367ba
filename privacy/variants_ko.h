/* Korean names and places written in other scripts (issue 12 follow-up);
 * tables and their sources in variants_ko.c and docs/VARIANTS.md. */
#ifndef INTAKE_VARIANTS_KO_H
#define INTAKE_VARIANTS_KO_H

#include "privacy/varlist.h"

/* The katakana spellings of Hangul syllable cp at a word's start, as
 * korean_other_scripts writes them (the usual one first), into s. */
void korean_kana_syllable(struct slot *s, int cp);

/* Korean (Hangul syllables cps[0..n)) written in other scripts: Russian
 * Cyrillic and Japanese katakana for every term, German and Czech Latin
 * for places and other terms (person 0); given is where the given name
 * starts (0: the whole term is one word).  variants_ko.c. */
int korean_other_scripts(struct variant_list *out, const int *cps, int n, int given, int person);

/* A Korean name (Hangul syllables cps[0..n); its given name starts at
 * syllable given, and has two syllables or more) as chat and colloquial
 * speech write it one or two sounds away: a plain, tense or aspirated
 * initial for another of its row (쫑수, 종쑤, 쫑쑤 for 종수) or a vowel with
 * or without its y-glide (죵수, 종슈), in at most two syllables of the
 * given name.  Each spelling is added alone and after the surname, with
 * Korean particles allowed after it; one that is an ordinary word (총수)
 * counts only where the context marks a name (a generated spelling:
 * redact_hits.c).  Returns 0, or -1 if out of memory.  variants_ko.c. */
int korean_sounds(struct variant_list *out, const int *cps, int n, int given);

#endif
