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

struct word_memo {
    uint64_t hash[WORDS_SLOTS];  /* 0: empty */
    size_t off[WORDS_SLOTS], len[WORDS_SLOTS];
    unsigned char known[WORDS_SLOTS];
    unsigned char kind[WORDS_SLOTS];   /* a language, or REDACT_WORD_* */
    size_t n;
    char *arena;                 /* the words, wipe-on-free */
    size_t used, size;
};

/* The dictionaries' answers (known_word), and apart from them the other
 * questions' (redact_word_answer), so that those fill no slot of the
 * costly answers: a memo half full is cleared whole. */
static struct word_memo words, others;

static void memo_clear(struct word_memo *m)
{
    secmem_wipe_free(m->arena);
    memset(m, 0, sizeof *m);
}

void redact_words_clear(void)
{
    memo_clear(&words);
    memo_clear(&others);
}

static uint64_t word_hash(int lang, const char *w, size_t n)
{
    uint64_t h = 1469598103934665603u ^ (uint64_t)(unsigned)lang;

    while (n-- > 0)
        h = (h ^ (unsigned char)*w++) * 1099511628211u;
    return h | 1;
}

/* The slot of the answer kept for the kind of question, its hash h and
 * the word w[0..n), or the empty slot where it would go (*found 0). */
static size_t words_slot(const struct word_memo *m, int kind, uint64_t h, const char *w, size_t n,
                         int *found)
{
    size_t i;

    for (i = h & (WORDS_SLOTS - 1); m->hash[i] != 0; i = (i + 1) & (WORDS_SLOTS - 1))
        if (m->hash[i] == h && m->kind[i] == kind && m->len[i] == n &&
            memcmp(m->arena + m->off[i], w, n) == 0) {
            *found = 1;
            return i;
        }
    *found = 0;
    return i;
}

/* Keeps the answer for h and w[0..n) in the empty slot i (its copy of w
 * in the wipe-on-free arena); a memo half full is cleared first. */
static void words_keep(struct word_memo *m, size_t i, int kind, uint64_t h, const char *w, size_t n,
                       int answer)
{
    if (m->n >= WORDS_SLOTS / 2) {
        memo_clear(m);
        i = h & (WORDS_SLOTS - 1);
    }
    if (secbuf_append(&m->arena, &m->used, &m->size, w, n, &m->off[i]) == 0) {
        m->hash[i] = h, m->len[i] = n, m->known[i] = (unsigned char)answer;
        m->kind[i] = (unsigned char)kind;
        m->n++;
    }
}

/* 1 if s[a..end) is a word the dictionary of lang knows (Korean:
 * redact_ordinary_ko), asked once per word. */
static int known_word(int lang, const char *s, size_t a, size_t end)
{
    const char *w = s + a;
    size_t n = end - a, i;
    uint64_t h = word_hash(lang, w, n);
    int known, found;

    i = words_slot(&words, lang, h, w, n, &found);
    if (found)
        return words.known[i];
    known = lang == LEXICON_KO ? redact_ordinary_ko(w, n, 0)
                               : lexicon_word((enum lexicon_lang)lang, w, n) == 1;
    if ((lexicon_missing() & (1u << lang)) || lexicon_held() != 0)
        return known;           /* not remembered: nothing was asked */
    words_keep(&words, i, lang, h, w, n, known);
    return known;
}

int redact_word_answer(int kind, const char *w, size_t len, redact_word_ask_fn ask)
{
    uint64_t h = word_hash(kind, w, len);
    size_t i;
    int answer, found;

    i = words_slot(&others, kind, h, w, len, &found);
    if (found)
        return others.known[i];
    if ((answer = ask(w, len)) < 0)
        return 0;               /* not remembered: the question failed */
    if (lexicon_held() != 0)
        return answer != 0;     /* nor while a dictionary is held back */
    words_keep(&others, i, kind, h, w, len, answer != 0);
    return answer != 0;
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
    if (!(lexicon_missing() & (1u << LEXICON_KO)) && lexicon_held() == 0)
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
