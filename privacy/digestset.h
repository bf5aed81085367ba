/* The keyed digest set of a bundle (issue 6): every protected name and term
 * and each of their spelling variants that the redactor applied to an
 * export, as keyed BLAKE2b digests under a fresh key per bundle. An auditor
 * holding the bundle can check that no protected term survives in the text
 * without being given the terms; someone holding the key can still test
 * guessed names against it (SECURITY.md).
 *
 * Digest of a form: BLAKE2b-128 keyed with the bundle's 32-byte key, over
 * one class byte and the form's key (normalise.h): class 0 for a form that
 * may end a word, class 1 for a form that may be followed by a Korean
 * particle or a Mongolian case ending inside the word; classes 2 and 3 the
 * same for a form that counts only written with a capital letter (one word
 * of a longer name) (docs/FORMAT.md, "Redaction manifest"). */
#ifndef INTAKE_DIGESTSET_H
#define INTAKE_DIGESTSET_H

#include <stddef.h>

#include "privacy/normalise.h"
#include "util/err.h"

#define DIGESTSET_KEYBYTES 32
#define DIGESTSET_BYTES 16
#define DIGESTSET_WINDOW 4           /* tokens per window, at most */

struct redactor;

struct digestset {
    unsigned char key[DIGESTSET_KEYBYTES];
    unsigned char *d;                /* n sorted, distinct digests */
    size_t n, cap;
};

/* A new, empty set under a fresh random key; free it with digestset_free. */
void digestset_init(struct digestset *ds);

/* A set under a given key (an auditor's, read from the manifest). */
void digestset_init_key(struct digestset *ds, const unsigned char key[DIGESTSET_KEYBYTES]);

/* Wipes the key and frees the digests; the set is empty after. */
void digestset_free(struct digestset *ds);

/* Adds one form: its key[0..keylen) (bytes, normalise.h; not kept), enum
 * variant_suffix, and capital 1 if it counts only written with a capital.
 * Returns 0, or -1 with e (out of memory). */
int digestset_add_form(struct digestset *ds, const char *key, size_t keylen, int suffix,
                       int capital, struct err *e);

/* Adds every form of the redactor (redactor_each_form), then finishes the
 * set.  Returns 0, or -1 with e (out of memory). */
int digestset_add_redactor(struct digestset *ds, const struct redactor *r, struct err *e);

/* Adds a digest (DIGESTSET_BYTES, copied) as read from a manifest; call
 * digestset_finish after.  Returns 0, or -1 with e (out of memory). */
int digestset_add_digest(struct digestset *ds, const unsigned char d[DIGESTSET_BYTES],
                         struct err *e);

/* Sorts and deduplicates; call after adding, before scanning. */
void digestset_finish(struct digestset *ds);

/* A window of text whose key is in the set: its span in the original text
 * (bytes [start, end)).  Returns 0 to go on, non-zero to stop (filling e). */
typedef int (*digestset_hit_fn)(void *ctx, size_t start, size_t end, struct err *e);

/* Calls hit for each window of one to DIGESTSET_WINDOW tokens of
 * text[0..len) (normalised as the redactor does) whose key is in the set,
 * and for each such window whose last word ends in a particle or case
 * ending after a class 1 form (classes 2 and 3: when the window starts
 * with a capital letter). Returns 0, or -1 (bad text: EXIT_INPUT, or
 * the callback's error). */
int digestset_scan(const struct digestset *ds, const char *text, size_t len,
                   digestset_hit_fn hit, void *ctx, struct err *e);

/* digestset_scan on a text already normalised (normalise.h); spans are in
 * the original text nt was built from. */
int digestset_scan_norm(const struct digestset *ds, const struct normtext *nt,
                        digestset_hit_fn hit, void *ctx, struct err *e);

#endif
