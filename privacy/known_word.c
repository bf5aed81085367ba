/* What the dictionaries said of each word, asked once per word and kept
 * until redact_words_clear (privacy/redact.h, privacy/redact_int.h): the
 * memo the review flags (redact_flags.c, flag_context.c) and the hit
 * rules (redact_hits.c, redact_near.c, redact_scripts.c) share. A file of
 * its own so that those files do not call each other in a circle
 * (scripts/layers.sh). */
#include "privacy/redact.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "util/lexicon.h"

/* ---- What the dictionaries said of each word, asked once ----
 * The same words come back in a text (a bench's 64 MB of words asks
 * hunspell-ko about the same 2,000 some 300,000 times): each answer is
 * kept, with its word, in wipe-on-free memory, until redact_words_clear. */

#define WORDS_SLOTS 8192         /* a power of two; cleared when half full */

static struct {
    uint64_t hash[WORDS_SLOTS];  /* 0: empty */
    size_t off[WORDS_SLOTS], len[WORDS_SLOTS];
    unsigned char known[WORDS_SLOTS];
    size_t n;
    char *arena;                 /* the words, wipe-on-free */
    size_t used, size;
} words;

void redact_words_clear(void)
{
    secmem_wipe_free(words.arena);
    memset(&words, 0, sizeof words);
}

static uint64_t word_hash(int lang, const char *w, size_t n)
{
    uint64_t h = 1469598103934665603u ^ (uint64_t)(unsigned)lang;

    while (n-- > 0)
        h = (h ^ (unsigned char)*w++) * 1099511628211u;
    return h | 1;
}

/* 1 if s[a..end) is a word the dictionary of lang knows (Korean:
 * redact_ordinary_ko), asked once per word. */
static int known_word(int lang, const char *s, size_t a, size_t end)
{
    const char *w = s + a;
    size_t n = end - a, i;
    uint64_t h = word_hash(lang, w, n);
    int known;

    for (i = h & (WORDS_SLOTS - 1); words.hash[i] != 0; i = (i + 1) & (WORDS_SLOTS - 1))
        if (words.hash[i] == h && words.len[i] == n && memcmp(words.arena + words.off[i], w, n) == 0)
            return words.known[i];
    known = lang == LEXICON_KO ? redact_ordinary_ko(w, n, 0)
                               : lexicon_word((enum lexicon_lang)lang, w, n) == 1;
    if (lexicon_missing() & (1u << lang))
        return known;           /* not remembered: nothing was asked */
    if (words.n >= WORDS_SLOTS / 2) {
        redact_words_clear();
        i = h & (WORDS_SLOTS - 1);
    }
    if (secbuf_append(&words.arena, &words.used, &words.size, w, n, &words.off[i]) == 0) {
        words.hash[i] = h, words.len[i] = n, words.known[i] = (unsigned char)known;
        words.n++;
    }
    return known;
}

int redact_known_word(int lang, const char *w, size_t len)
{
    return known_word(lang, w, 0, len);
}

/* ---- The answers about places' generated spellings (redact.h) ----
 * A list, not a hash: a store holds a few places, each with some tens of
 * spellings, looked up once per spelling while a redactor is built. */

static struct {
    size_t *off, *len;
    unsigned char *known, *asked;
    size_t n, cap;
    char *arena;                 /* the spellings, wipe-on-free */
    size_t used, size;
} places;

void redact_place_answers_clear(void)
{
    secmem_wipe_free(places.arena);
    free(places.off), free(places.len), free(places.known), free(places.asked);
    memset(&places, 0, sizeof places);
}

/* The index of w[0..len) among the answers, or places.n. */
static size_t place_find(const char *w, size_t len)
{
    size_t i;

    for (i = 0; i < places.n; i++)
        if (places.len[i] == len && memcmp(places.arena + places.off[i], w, len) == 0)
            break;
    return i;
}

static int place_add(const char *w, size_t len, int known, int asked)
{
    if (places.n == places.cap) {
        size_t cap = places.cap != 0 ? 2 * places.cap : 64;
        size_t *off = realloc(places.off, cap * sizeof *off);
        if (off != NULL)
            places.off = off;
        size_t *ln = off != NULL ? realloc(places.len, cap * sizeof *ln) : NULL;
        if (ln != NULL)
            places.len = ln;
        unsigned char *kn = ln != NULL ? realloc(places.known, cap) : NULL;
        if (kn != NULL)
            places.known = kn;
        unsigned char *as = kn != NULL ? realloc(places.asked, cap) : NULL;
        if (as == NULL)
            return -1;
        places.asked = as, places.cap = cap;
    }
    if (secbuf_append(&places.arena, &places.used, &places.size, w, len, &places.off[places.n]) != 0)
        return -1;
    places.len[places.n] = len;
    places.known[places.n] = (unsigned char)(known != 0);
    places.asked[places.n] = (unsigned char)asked;
    places.n++;
    return 0;
}

int redact_place_answer_give(const char *w, size_t len, int known)
{
    size_t i = place_find(w, len);

    if (i < places.n) {
        places.known[i] = (unsigned char)(known != 0);
        return 0;
    }
    return place_add(w, len, known, 0);
}

int redact_place_known(const char *w, size_t len)
{
    size_t i = place_find(w, len);
    int known;

    if (i < places.n)
        return places.known[i];
    known = redact_known_word(LEXICON_KO, w, len);
    /* Not kept when hunspell-ko is missing: nothing was asked. */
    if (!(lexicon_missing() & (1u << LEXICON_KO)))
        (void)place_add(w, len, known, 1);
    return known;
}

int redact_place_answers_each(redact_answer_fn fn, void *ctx)
{
    int rc;

    for (size_t i = 0; i < places.n; i++)
        if (places.asked[i] && (rc = fn(ctx, places.arena + places.off[i], places.len[i],
                                        places.known[i])) != 0)
            return rc;
    return 0;
}

size_t redact_place_answers_asked(void)
{
    size_t n = 0;

    for (size_t i = 0; i < places.n; i++)
        n += places.asked[i];
    return n;
}

void redact_place_answers_kept(void)
{
    if (places.n > 0)
        memset(places.asked, 0, places.n);
}
