/* Short forms of given names (hypocoristics: Jennifer: Jenny, Jen; Иван:
 * Ваня), from data/nicknames (SOURCES.md there: an outside list for
 * English, our own for Russian), compiled in by scripts/embed.sh.  Rules:
 * docs/VARIANTS.md, "Short forms of given names". */
#ifndef INTAKE_NICKNAMES_H
#define INTAKE_NICKNAMES_H

#include <stddef.h>

#include "privacy/varlist.h"

/* Calls fn(ctx, form, formlen) for each short form (bytes, lower case,
 * not NUL-terminated) the lists give for the given name key[0..keylen)
 * (the key view of one word: normalise.h), in the lists' order.  The
 * lists are indexed by name once per process (a binary search each call).
 * Returns 0, the first non-zero value fn returned, or -1 if the index
 * could not be built (out of memory). */
int nicknames_each(const char *key, size_t keylen,
                   int (*fn)(void *ctx, const char *form, size_t formlen), void *ctx);

/* Adds to out, as short forms (flag and capital set: a review flag where
 * the dictionary knows the form as a word, else replaced), the short forms
 * of each of out's variants that is one given name (variants_of_kind calls
 * it for a person's name once the other variants are in).  Returns 0, or
 * -1 out of memory. */
int variants_nicknames(struct variant_list *out);

#endif
