#include "privacy/window.h"

#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/variants.h"

/* 1 if rest[0..n) is ASCII digits only (a user name's number). */
static int digits_only(const char *rest, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (rest[i] < '0' || rest[i] > '9')
            return 0;
    return n > 0;
}

/* Where a form may end inside the token: before a Korean particle chain
 * (Hangul), a Mongolian case ending (Cyrillic, or Latin: one ending of at
 * most WINDOW_LATIN_SUFFIX_MAX bytes) or a number glued to a name.
 * Particles and endings are short: only the last WINDOW_SUFFIX_MAX bytes
 * of a word can be one. */
static void find_stems(struct token *t, size_t stem[WINDOW_STEMS], const struct normtext *nt)
{
    size_t p = t->end, max = WINDOW_SUFFIX_MAX;
    int latin = normalise_script(t->first) == 1, ok;

    t->nstems = 0;
    if (latin)
        max = WINDOW_LATIN_SUFFIX_MAX;
    else if (!is_hangul_cp(t->first) && !is_cyrillic_cp(t->first))
        return;
    while (p > t->start + 1 && t->end - p < max && t->nstems < WINDOW_STEMS) {
        p--;
        while (p > t->start && ((unsigned char)nt->norm[p] & 0xC0) == 0x80)
            p--;
        if (p <= t->start)
            break;
        ok = latin ? variant_suffix_ok(SUFFIX_MN_STEM, nt->norm + p, t->end - p) ||
                     (digits_only(nt->norm + p, t->end - p) &&
                      !(nt->norm[p - 1] >= '0' && nt->norm[p - 1] <= '9'))
                   : window_suffix_ok(nt->norm + p, t->end - p);
        if (ok)
            stem[t->nstems++] = p;
    }
    /* A longer number glued to a Latin name ("kimjongsu1975"). */
    if (latin && t->nstems < WINDOW_STEMS && t->end - t->start > max) {
        for (p = t->end; p > t->start && nt->norm[p - 1] >= '0' && nt->norm[p - 1] <= '9';)
            p--;
        if (p > t->start + 1 && t->end - p >= max)
            stem[t->nstems++] = p;
    }
}

/* ---- Stems remembered per token ----
 * A token's stems depend on its bytes alone (find_stems reads nothing
 * outside it), and words recur: an open-addressing table over the tokens
 * met (SipHash under a random key, crypto_shorthash, so that no text can
 * pile its words into one chain), with each one's stems counted back from
 * its end.  The words are the text's: kept in a wipe-on-free arena. */

#define MEMO_SLOTS 4096        /* a power of two; cleared when half full */
#define MEMO_TOKEN_MAX 64       /* bytes; longer tokens are worked out each time */

struct window_memo {
    unsigned char hkey[crypto_shorthash_KEYBYTES];
    uint64_t hash[MEMO_SLOTS];  /* 0: empty */
    size_t off[MEMO_SLOTS];
    unsigned char len[MEMO_SLOTS], nstems[MEMO_SLOTS];
    unsigned char back[MEMO_SLOTS][WINDOW_STEMS];      /* end - stem, bytes */
    size_t n;
    char *arena;
    size_t used, size;
};

struct window_memo *window_memo_new(void)
{
    struct window_memo *m = calloc(1, sizeof *m);

    if (m != NULL)
        crypto_shorthash_keygen(m->hkey);
    return m;
}

static void memo_clear(struct window_memo *m)
{
    secmem_wipe_free(m->arena);
    m->arena = NULL;
    m->used = m->size = m->n = 0;
    memset(m->hash, 0, sizeof m->hash);
}

void window_memo_free(struct window_memo *m)
{
    if (m == NULL)
        return;
    memo_clear(m);
    sodium_memzero(m, sizeof *m);
    free(m);
}

/* find_stems through the memo m (or without one when m is NULL): the
 * stems' norm bytes into stem[0..t->nstems). */
static void stems(struct token *t, size_t stem[WINDOW_STEMS], const struct normtext *nt,
                  struct window_memo *m)
{
    const char *w = nt->norm + t->start;
    size_t len = t->end - t->start, i;
    unsigned char h8[crypto_shorthash_BYTES];
    uint64_t h = 0;

    if (m == NULL || len > MEMO_TOKEN_MAX) {
        find_stems(t, stem, nt);
        return;
    }
    crypto_shorthash(h8, (const unsigned char *)w, len, m->hkey);
    for (i = 0; i < sizeof h8; i++)
        h = h << 8 | h8[i];
    h |= 1;
    for (i = h & (MEMO_SLOTS - 1); m->hash[i] != 0; i = (i + 1) & (MEMO_SLOTS - 1))
        if (m->hash[i] == h && m->len[i] == len && memcmp(m->arena + m->off[i], w, len) == 0) {
            t->nstems = m->nstems[i];
            for (unsigned k = 0; k < t->nstems; k++)
                stem[k] = t->end - m->back[i][k];
            return;
        }
    find_stems(t, stem, nt);
    if (m->n >= MEMO_SLOTS / 2) {
        memo_clear(m);
        i = h & (MEMO_SLOTS - 1);
    }
    if (secbuf_append(&m->arena, &m->used, &m->size, w, len, &m->off[i]) != 0)
        return;
    m->hash[i] = h, m->len[i] = (unsigned char)len, m->nstems[i] = (unsigned char)t->nstems;
    for (unsigned k = 0; k < t->nstems; k++)
        m->back[i][k] = (unsigned char)(t->end - stem[k]);
    m->n++;
}

/* 1 if c is an ASCII letter or digit (is_word_cp's ASCII part). */
static int ascii_word(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Where the letters begin after the ASCII digits a Latin token starts
 * with ("75daewoo": at the 'd'), or its start when it starts with none
 * or holds digits only. */
static size_t lead_of(const struct token *t, const struct normtext *nt)
{
    size_t p = t->start;

    while (p < t->end && nt->norm[p] >= '0' && nt->norm[p] <= '9')
        p++;
    return p > t->start && p < t->end && nt->norm[p] >= 'a' && nt->norm[p] <= 'z' ? p : t->start;
}

/* The next token at or after *at; advances *k through the key view.  A
 * token ends where the script changes (Latin and digits, Hangul,
 * Cyrillic; each Han character is a token), as a word does for the
 * redactor's boundaries. */
static int next_token(struct token *t, const struct normtext *nt, struct window_memo *m,
                      size_t *at, size_t *k)
{
    size_t i = *at, stem[WINDOW_STEMS];
    int cp, n, prev;

    while (i < nt->normlen && (n = utf8_next(&cp, nt->norm + i, nt->normlen - i)) > 0 &&
           !is_word_cp(cp))
        i += (size_t)n;
    if (i >= nt->normlen || utf8_next(&t->first, nt->norm + i, nt->normlen - i) <= 0)
        return 0;
    t->start = (uint32_t)i;
    if (is_han_cp(t->first)) {
        i += (size_t)utf8_next(&cp, nt->norm + i, nt->normlen - i);
    } else {
        prev = t->first;
        /* A name spelled out letter by letter ("B.o.l.d", "김.종.수") is
         * one token, as it is one run of the key view (normalise.h). */
        for (;;) {
            /* The usual case first, with the same answer: an ASCII letter
             * or digit after a Latin one (normalise_script 1). */
            if (i < nt->normlen && prev < 0x250 && ascii_word((unsigned char)nt->norm[i])) {
                prev = (unsigned char)nt->norm[i++];
                continue;
            }
            if (!(i < nt->normlen && (n = utf8_next(&cp, nt->norm + i, nt->normlen - i)) > 0 &&
                  ((is_word_cp(cp) && !is_han_cp(cp) && !normalise_script_change(prev, cp)) ||
                   (!is_word_cp(cp) && (n = (int)normalise_gap(nt, i)) > 0))))
                break;
            i += (size_t)n;
            prev = is_word_cp(cp) ? cp : prev;
        }
    }
    t->end = (uint32_t)i, *at = i;
    stems(t, stem, nt, m);
    while (*k < nt->keylen && nt->kpos[*k] < t->start)
        (*k)++;
    t->kstart = (uint32_t)*k;
    while (*k < nt->keylen && nt->kpos[*k] < t->end)
        (*k)++;
    t->kend = (uint32_t)*k;
    t->lead = (uint32_t)lead_of(t, nt);
    for (t->klead = t->kstart; t->klead < t->kend && nt->kpos[t->klead] < t->lead;)
        t->klead++;
    /* Key bytes need not follow norm bytes one to one inside a token: a
     * spelled-out name's gaps have none. */
    for (unsigned s = 0; s < t->nstems; s++) {
        size_t j = t->kstart;
        while (j < t->kend && nt->kpos[j] < stem[s])
            j++;
        t->kstem[s] = (uint32_t)j;
    }
    return 1;
}

int window_tokenise(struct window_tokens *tk, const struct normtext *nt, struct window_memo *m,
                    struct err *e)
{
    struct token t, *grown;
    size_t at = 0, k = 0, cap = 0;

    memset(tk, 0, sizeof *tk);
    if (nt->normlen >= UINT32_MAX || nt->keylen >= UINT32_MAX)
        return err_set(e, EXIT_INPUT, "text of 4 GiB or more: too long to audit");
    while (next_token(&t, nt, m, &at, &k)) {
        if (tk->n == cap) {
            cap = cap ? 2 * cap : 64;
            if ((grown = realloc(tk->t, cap * sizeof *grown)) == NULL) {
                window_tokens_free(tk);
                return err_set(e, EXIT_INPUT, "out of memory");
            }
            tk->t = grown;
        }
        tk->t[tk->n++] = t;
    }
    return 0;
}

void window_tokens_free(struct window_tokens *tk)
{
    free(tk->t);
    tk->t = NULL;
    tk->n = 0;
}

int window_scan_tokens(const struct window_tokens *tk, const struct normtext *nt, size_t max,
                       window_fn fn, void *ctx, struct err *e)
{
    if (max == 0 || max > WINDOW_MAX)
        max = WINDOW_MAX;
    for (size_t j = 0; j < tk->n; j++) {
        size_t nw = j + 1 < max ? j + 1 : max;
        const struct token *w = tk->t + j + 1 - nw;
        int rc = 0;

        for (size_t i = nw; i-- > 0 && rc == 0;)
            rc = fn(ctx, nt, w + i, nw - i, e);
        if (rc < 0)
            return -1;
    }
    return 0;
}

int window_scan(const struct normtext *nt, size_t max, window_fn fn, void *ctx,
                struct err *e)
{
    struct window_tokens tk;
    int rc;

    if (window_tokenise(&tk, nt, NULL, e) != 0)
        return -1;
    rc = window_scan_tokens(&tk, nt, max, fn, ctx, e);
    window_tokens_free(&tk);
    return rc;
}

int window_suffix_ok(const char *rest, size_t restlen)
{
    return variant_suffix_ok(SUFFIX_KO, rest, restlen) ||
           variant_suffix_ok(SUFFIX_MN_STEM, rest, restlen);
}
