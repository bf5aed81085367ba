/* Internal to store/: the protected set as the files above store/privacy.c
 * (terms, subjects) use it to check new names, terms and pseudonyms. */
#ifndef INTAKE_STORE_PRIVACY_H
#define INTAKE_STORE_PRIVACY_H

#include <stddef.h>

#include "store/store.h"

struct redactor;

/* Adds the store's whole protected set to r (not compiled): subjects with
 * their pseudonyms and names, their terms, store-wide terms, allowed texts.
 * Database errors are reported in e. */
int privacy_load(struct redactor *r, struct store *s, struct err *e);

/* Gives the redactors of this process hunspell-ko's answers about the
 * generated Hangul spellings of protected places that s keeps (table
 * lexicon_answer, kept by privacy_answers_keep) under the identity of
 * the dictionary and program (lexicon_identity); once per store, before
 * a redactor of its terms is built (privacy_load calls it).  0 (also when
 * there is no identity: a missing dictionary), or -1 with e (database
 * errors, as reading the terms). */
int privacy_answers_load(struct store *s, struct err *e);

/* Keeps in s, inside the caller's transaction (or alone), the answers
 * this process asked hunspell-ko (privacy/redact.h), under the present
 * identity; drops those of another.  Only where what the command changed
 * is saved too (a refused command changes no file).  0 (also when there
 * is nothing to keep), or -1 with e (database errors): inside a change
 * the change fails with it, as with any of its statements; alone it is a
 * cache, and the caller may ignore it (the next process asks again). */
int privacy_answers_keep(struct store *s, struct err *e);

/* 1 if text contains a protected name or term of r, or is a spelling
 * variant of one; 0 if not; -1 on error (e filled). */
int privacy_matches(const struct redactor *r, const char *text, struct err *e);

/* 1 if pseudonym p (or a spelling variant) is a word of any real name or
 * term in the store or of extra[0..n): a pseudonym must not be part of
 * someone's name; 0 if not; -1 on error (e filled). */
int privacy_in_identities(struct store *s, const char *p, const char *const *extra,
                          size_t n, struct err *e);

/* Refuses (EXIT_INPUT, naming 'intake subject rename' and the spelling
 * that clashed) new real names or terms texts[0..n) that clash with an
 * existing pseudonym (privacy_real_clash, after the redactor's match as a
 * quick filter); 0 if none does. */
int privacy_check_pseudonyms(struct store *s, int cat, const char *const *texts, size_t n,
                             struct err *e);

/* *which: the first of the np pseudonyms that really clashes with one of
 * the texts[0..n) (names or terms): a run of whole words (split at white
 * space, up to 8 words) of each shares a spelling variant
 * (privacy/variants.h; not a short form, initials or one syllable
 * alone), so "Chong-su" clashes with "Jong-su" but "Nora" not with "Nu"
 * (adv16b C-10); np if none. spelling (spellinglen bytes): that run of
 * the text, as typed. 0, or -1 with e (out of memory, bad text). */
/* *which: the first of the np pseudonyms in which the redactor, given
 * only texts[0..n) to protect (cat: their enum term_category, or -1 for
 * a subject's names), finds a form it replaces or flags in some context
 * (redactor_any_form: "Chris" of a person term Крис, report-adv17a
 * D-28): every text naming that subject would fail the check before
 * export.  np if none.  0, or -1 with e (out of memory, bad text). */
int privacy_form_clash(size_t *which, const char *const *pseudonyms, size_t np, int cat,
                       const char *const *texts, size_t n, struct err *e);

int privacy_real_clash(size_t *which, char *spelling, size_t spellinglen,
                       const char *const *pseudonyms, size_t np, const char *const *texts,
                       size_t n, struct err *e);

#endif
