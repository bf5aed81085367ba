/* Spelling variants of a protected name or term, generated from tables.
 *
 * Every variant is a key (see normalise.h: normalised, separators removed),
 * so joined, spaced and hyphenated forms are one variant.  Tables and
 * their sources: docs/VARIANTS.md.  At most VARIANTS_MAX variants per name,
 * most likely first (the term as written is always first). */
#ifndef INTAKE_VARIANTS_H
#define INTAKE_VARIANTS_H

#include <stddef.h>

#include "util/err.h"

#include "privacy/varlist.h"

/* Fills out with the variants of text (a name or term as typed): Hangul to
 * its romanisations, romanised Korean back to Hangul and all its spellings,
 * Mongolian Cyrillic to its Latin spellings and stems, Latin Mongolian to
 * Cyrillic.  Returns 0, or -1 with e filled (empty text: EXIT_INPUT). */
int variants_of(struct variant_list *out, const char *text, size_t len, struct err *e);

/* As variants_of; person 0 (places, employers, ...) reads no surname in a
 * Hangul term: 송파군 is no "Song Pa-gun", so "Pak Un" is no variant of it. */
int variants_of_kind(struct variant_list *out, const char *text, size_t len, int person,
                     struct err *e);

/* 1 if rest (the norm text left in the word after a variant, up to the next
 * non-word character) is allowed by suffix, else 0. */
int variant_suffix_ok(enum variant_suffix suffix, const char *rest, size_t restlen);

/* 1 if rest[0..restlen) (norm bytes after a name that ends in а, я or a,
 * to the end of the word) is the Mongolian long vowel of a foreign name
 * with its endings (Дашаа, Дарьяатай, Наташаагийн, Tanyaa), else 0. */
int variant_mn_long_vowel(const char *rest, size_t restlen);

/* 1 if rest (norm text after a Hangul word, to the end of the word) is
 * empty or at most two common particles (은, 는, 이가, 씨, 이다, ...):
 * the review flags' test for a name-shaped word, stricter than SUFFIX_KO. */
int variants_ko_common_suffix(const char *rest, size_t restlen);

/* 1 if rest (norm text after a Hangul word, to the end of the word) is a
 * chain of particles and endings (SUFFIX_KO) holding, anywhere, an entry
 * that follows a person: a word of address (variants_ko_marks_name), 네,
 * 께서, 한테, 에게, 더러, 랑, 이랑, 하고 and their spoken forms (순자네,
 * 순자한테는, 순자랑; report-adv15 R-1), or the vocative; else 0.  Not 님
 * (하나님): the caller asks the dictionary. */
int variants_ko_person_chain(const char *rest, size_t restlen);

/* The uses of an entry of the one table of Korean words of address and
 * titles after a name (variants_suffix.c ko_marks, its sources there). */
#define KO_MARK_AFTER 1u    /* after a name, glued or apart, with particles */
#define KO_MARK_APART 2u    /* a word of its own after a name (김 씨가) */
#define KO_MARK_TITLE 4u    /* after a Hangul word: a title-name flag */
#define KO_MARK_SURNAME 8u  /* glued to a surname (박씨, 김지배인) */

/* 1 if w[0..len) (norm bytes, a whole word) is an entry of one of uses,
 * alone or, when endings is set, followed by Korean or Mongolian endings
 * (variant_suffix_ok); else 0. */
int variants_ko_mark_word(const char *w, size_t len, unsigned uses, int endings);

/* The length in bytes of the longest entry of one of uses that key[0..k)
 * ends with, something before it; 0 if none. */
size_t variants_ko_mark_tail(const char *key, size_t k, unsigned uses);

/* The length in bytes of the longest entry of one of uses that
 * rest[0..restlen) starts with, only particles and endings after it; 0 if
 * none. */
size_t variants_ko_mark_head(const char *rest, size_t restlen, unsigned uses);

/* 1 if rest (norm text after a Hangul word, to the end of the word)
 * starts with a word of address that follows names, not ordinary nouns
 * (씨, 동지, 오빠, 선생님...; not 님, which also follows nouns: 하나님),
 * followed by particles, or is a vocative (야, 아): the context marks a
 * name (docs/VARIANTS.md). */
int variants_ko_marks_name(const char *rest, size_t restlen);

/* Hangul syllables (as UTF-8, NUL-separated in out) a romanised Korean key
 * may stand for, plus the Hangul syllables of a Hangul key; returns how many
 * syllables were written (bounded by outlen), 0 if none. */
size_t variants_hangul_syllables(char *out, size_t outlen, const char *key, size_t keylen);


/* 1 if key (normalise.h; keylen bytes) is a month or day name or a
 * function word that is also a given name or part of one ("may", "an",
 * "даваа"): such a word of a name gets the name-or-word rule with the
 * stricter context of FORM_COMMON (docs/VARIANTS.md), else 0. */
int variants_common_word(const char *key, size_t keylen);

/* 1 if key (see normalise.h) is a frequent Korean surname, in Hangul or in
 * one of its romanised spellings ("kim", "choe", "ri"), else 0. */
int variants_is_surname(const char *key, size_t keylen);

/* 1 if a[0..alen) and b[0..blen) (bytes: a Hangul syllable or a
 * lower-case Latin spelling without marks) are spellings of one frequent
 * Korean surname: a row of the surname table (variants_ko_names.c,
 * ko_surnames: Hangul, then its romanisations) holds a, a row holds b,
 * and the two rows share a spelling, as 이 and 리 share li and lee (Lee,
 * Yi, Rhee and 리; Chinese 李 is read 리 by its Hangul reading, Ли is li
 * in Latin); else 0.  Keeps no memory. */
int variants_same_surname(const char *a, size_t alen, const char *b, size_t blen);
#endif
