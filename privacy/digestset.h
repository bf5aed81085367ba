/* The keyed digest set of a bundle (issues 6 and 13): every protected form
 * the redactor applied to an export (each name and term, each of their
 * spelling variants and stems, the short forms and the names that are also
 * words), as a keyed BLAKE2b digest under a fresh key per bundle, each with
 * the form's rules in one byte.  An auditor holding the bundle checks that
 * no protected form survives in the text with the redactor's own hit rules
 * (privacy/redact.h, redact_form_hit), without being given the terms;
 * someone holding the key can still test guessed names against it
 * (SECURITY.md).
 *
 * An entry: BLAKE2b-128 keyed with the bundle's 32-byte key over the
 * form's key (normalise.h), then the form's rule byte (redact_form_byte):
 * docs/FORMAT.md, "Digest set".
 *
 * The filter (issue 13, for speed): a Bloom filter of the forms' keys
 * under a key derived from the bundle's (SipHash-2-4, libsodium's
 * crypto_shorthash), 16 bits a form, 4 probes: a key it does not hold is
 * no form, so most windows of a text cost one SipHash instead of a keyed
 * BLAKE2b.  It tells a key holder nothing the digests do not (SECURITY.md);
 * docs/FORMAT.md, "Digest set filter". */
#ifndef INTAKE_DIGESTSET_H
#define INTAKE_DIGESTSET_H

#include <stddef.h>
#include <stdint.h>

#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/window.h"
#include "util/err.h"

#define DIGESTSET_KEYBYTES 32
#define DIGESTSET_BYTES 16
#define DIGESTSET_ENTRY (DIGESTSET_BYTES + 1)   /* digest, rule byte */
#define DIGESTSET_WINDOW 4           /* tokens per window, at most */
#define DIGESTSET_HANDLE_MAX 32      /* bytes of a handle looked into */
#define DIGESTSET_GLUED_MAX 64       /* bytes of a token looked into for glued runs */
#define DIGESTSET_MEMO_SLOTS 8192   /* keys remembered by the scans: a power of two */
#define DIGESTSET_MEMO_KEY_MAX 64    /* bytes; longer keys are looked up each time */
#define DIGESTSET_FILTER_KEYBYTES 16 /* SipHash-2-4's key */
#define DIGESTSET_FILTER_PROBES 4    /* bits set and tested a key */
#define DIGESTSET_FILTER_MIN 8       /* bytes of the smallest filter */

struct redactor;
struct digestset_memo;

struct digestset {
    unsigned char key[DIGESTSET_KEYBYTES];  /* set before digestset_finish */
    unsigned char *d;                /* n sorted, distinct entries */
    size_t n, cap;
    struct digestset_memo *memo;     /* the keys looked up so far (digestset.c) */
    uint32_t *index;                 /* after digestset_finish, or NULL: for each
                                      * value b of a digest's first ibits bits,
                                      * index[b] is the first entry whose digest
                                      * starts with b or more (index[2^ibits] = n) */
    unsigned ibits;
    unsigned char fkey[DIGESTSET_FILTER_KEYBYTES];  /* the filter's key, from key */
    unsigned char *filter;           /* the Bloom filter (digestset_filter_bytes(n)
                                      * bytes), or NULL: every key is digested */
    size_t filterlen;
    uint64_t *fh;                    /* a writer's: each added form's filter hash */
    size_t nfh, capfh;
    int entries;                     /* 1 once an entry came from a manifest:
                                      * digestset_finish makes no filter then */
};

/* A new, empty set under a fresh random key; free it with digestset_free. */
void digestset_init(struct digestset *ds);

/* A set under a given key (an auditor's, read from the manifest). */
void digestset_init_key(struct digestset *ds, const unsigned char key[DIGESTSET_KEYBYTES]);

/* Wipes the key and the keys remembered by the scans, frees the entries;
 * the set is empty after. */
void digestset_free(struct digestset *ds);

/* Adds one form: its key[0..keylen) (bytes, normalise.h; not kept) and
 * rule byte.  Returns 0, or -1 with e (out of memory). */
int digestset_add_form(struct digestset *ds, const char *key, size_t keylen,
                       unsigned char rule, struct err *e);

/* Adds every form of the redactor (redactor_each_form, names that may be
 * words as words says: WORDS_SEEN for a bundle, whose texts the redactor
 * has all redacted), then finishes the set.  Returns 0, or -1 with e (out
 * of memory). */
int digestset_add_redactor(struct digestset *ds, const struct redactor *r,
                           enum redact_words words, struct err *e);

/* Adds an entry (DIGESTSET_ENTRY bytes, copied) as read from a manifest;
 * call digestset_finish after.  Returns 0, or -1 with e: EXIT_INPUT for a
 * rule byte no form has, or out of memory. */
int digestset_add_entry(struct digestset *ds, const unsigned char entry[DIGESTSET_ENTRY],
                        struct err *e);

/* Sorts and deduplicates, and indexes the entries, and when every entry
 * was made here from its form (digestset_add_form), makes the filter;
 * call after adding, before scanning.  The scans then remember each key they looked up (at
 * most DIGESTSET_MEMO_SLOTS / 2 at a time, in wipe-on-free memory, until
 * digestset_free) with where its entries are, so a key met again (a word
 * that recurs in a bundle) costs no digest. */
void digestset_finish(struct digestset *ds);

/* Bytes of the filter of a set of n entries: the smallest power of two
 * at least 2n (16 bits an entry) and DIGESTSET_FILTER_MIN. */
size_t digestset_filter_bytes(size_t n);

/* Takes the filter read from a manifest (len bytes, copied) for a set
 * finished already: a key the filter does not hold is then no form
 * without its digest.  Returns 0, or -1 with e: EXIT_INPUT when len is
 * not digestset_filter_bytes(n), or out of memory. */
int digestset_set_filter(struct digestset *ds, const unsigned char *filter, size_t len,
                         struct err *e);

/* A protected form found in the text by the hit rules: its span in the
 * original text (bytes [start, end)), and flag NULL for a form the
 * redactor replaces there, or the review flag's kind ("short-name",
 * "name-or-word") for one it flags there.  Returns 0 to go on, non-zero
 * to stop (filling e). */
typedef int (*digestset_hit_fn)(void *ctx, size_t start, size_t end, const char *flag,
                                struct err *e);

/* Calls hit for each place of text[0..len) (normalised as the redactor
 * does) where a form of the set is a hit by the redactor's hit rules:
 * forms that start where a token starts and end where a token, a Korean
 * particle chain, a Mongolian case ending or a glued number starts, within
 * DIGESTSET_WINDOW tokens, and person names inside the first
 * DIGESTSET_HANDLE_MAX bytes of a handle.  Returns 0, or -1 (bad text:
 * EXIT_INPUT, or the callback's error). */
int digestset_scan(const struct digestset *ds, const char *text, size_t len,
                   digestset_hit_fn hit, void *ctx, struct err *e);

/* digestset_scan on a text already normalised (normalise.h); spans are in
 * the original text nt was built from. */
int digestset_scan_norm(const struct digestset *ds, const struct normtext *nt,
                        digestset_hit_fn hit, void *ctx, struct err *e);

/* digestset_scan_norm with nt's tokens made already (window_tokenise). */
int digestset_scan_tokens(const struct digestset *ds, const struct normtext *nt,
                          const struct window_tokens *tk, digestset_hit_fn hit, void *ctx,
                          struct err *e);

#endif
