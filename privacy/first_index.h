/* A word list indexed by its words' first byte, for the hand-written
 * lists that are asked at every word of a text (detect_address_run.c):
 * a word is compared only with the entries of its first byte and length.
 * Pure: no allocation, no state beyond the caller's struct. */
#ifndef INTAKE_FIRST_INDEX_H
#define INTAKE_FIRST_INDEX_H

#include <stddef.h>

#define FIRST_INDEX_MAX 160             /* entries of one list */

struct first_index {
    unsigned lens[256];                 /* by first byte: bit L, an entry of L bytes (31: 31 or more) */
    unsigned short at[257];             /* bucket c: positions at[c] to at[c + 1] */
    const char *w[FIRST_INDEX_MAX];     /* the list's words (not owned), by bucket, each in list order */
    size_t len[FIRST_INDEX_MAX];        /* their lengths in bytes */
    short k[FIRST_INDEX_MAX];           /* their indexes in the list */
};

/* Fills ix (zeroed by the caller, e.g. a static) from the list words: n
 * entries (at most FIRST_INDEX_MAX; more are left out) of stride bytes,
 * each beginning with a pointer to its word (NUL-terminated, not empty;
 * an array of strings or of structs whose first member is the word).
 * The words are not copied: they must outlive ix. */
void first_index_build(struct first_index *ix, const void *words, size_t n, size_t stride);

/* The index in its list of the first entry whose word is s[a, b) (bytes,
 * compared exactly), or -1: the answer of a scan of the list from its
 * start; -1 when b <= a. */
int first_index_find(const struct first_index *ix, const char *s, size_t a, size_t b);

#endif
