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

/* 1 if text contains a protected name or term of r, or is a spelling
 * variant of one; 0 if not; -1 on error (e filled). */
int privacy_matches(const struct redactor *r, const char *text, struct err *e);

/* 1 if pseudonym p (or a spelling variant) is a word of any real name or
 * term in the store or of extra[0..n): a pseudonym must not be part of
 * someone's name; 0 if not; -1 on error (e filled). */
int privacy_in_identities(struct store *s, const char *p, const char *const *extra,
                          size_t n, struct err *e);

/* Refuses (EXIT_INPUT, naming 'intake subject rename') new real names or
 * terms texts[0..n) that match an existing pseudonym after variant
 * expansion, either way round; 0 if none does. */
int privacy_check_pseudonyms(struct store *s, const char *const *texts, size_t n,
                             struct err *e);

#endif
