/* Whether a pseudonym spells an Arabic name's root (brief s53 pseud53,
 * report-adv52 P-1..P-6, P-10..P-14; docs/PSEUDONYMS.md, "Session 53:
 * an Arabic name's root").  privacy/pseudonym_root.c. */
#ifndef INTAKE_PSEUDONYM_ROOT_H
#define INTAKE_PSEUDONYM_ROOT_H

#include <stddef.h>

/* 1 if name[0..namelen) (bytes, UTF-8) is an Arabic name (a letter of
 * the Arabic script, or a word al, el, abd..., abu, bin, ibn, аль, абд...)
 * and a word of pseudonym p[0..plen) (words end at a space, a hyphen or a
 * dot; three letters or more) has the consonants of one of its words or
 * elements, vowels and the weak letters ignored, starting with a vowel
 * where the name's word does (its ʿayn: Mora is not Omar): the same root (Enzi,
 * Anazi, Aneza, Enizi of Al-Enezi; Mtairi, Matar of Al-Mutairi; Obaid,
 * Abed of the Abd of Abdullah), the root without a participle's m-
 * (Hamoudi of Muhammad), the last two of three ending in a vowel (Lido of
 * Khalid), or the last consonant said twice (Dodi of Abd).  0 if not, or
 * the name is no Arabic name; -1 on bad UTF-8.  No memory is kept; the
 * consonants read are wiped. */
int pseudonym_shares_root(const char *p, size_t plen, const char *name, size_t namelen);

#endif
