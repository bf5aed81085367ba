#include "privacy/window.h"

#include <string.h>

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
static void find_stems(struct token *t, const struct normtext *nt)
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
            t->stem[t->nstems++] = p;
    }
    /* A longer number glued to a Latin name ("kimjongsu1975"). */
    if (latin && t->nstems < WINDOW_STEMS && t->end - t->start > max) {
        for (p = t->end; p > t->start && nt->norm[p - 1] >= '0' && nt->norm[p - 1] <= '9';)
            p--;
        if (p > t->start + 1 && t->end - p >= max)
            t->stem[t->nstems++] = p;
    }
}

/* The next token at or after *at; advances *k through the key view.  A
 * token ends where the script changes (Latin and digits, Hangul,
 * Cyrillic; each Han character is a token), as a word does for the
 * redactor's boundaries. */
static int next_token(struct token *t, const struct normtext *nt, size_t *at, size_t *k)
{
    size_t i = *at;
    int cp, n, prev;

    while (i < nt->normlen && (n = utf8_next(&cp, nt->norm + i, nt->normlen - i)) > 0 &&
           !is_word_cp(cp))
        i += (size_t)n;
    if (i >= nt->normlen || utf8_next(&t->first, nt->norm + i, nt->normlen - i) <= 0)
        return 0;
    t->start = i;
    if (is_han_cp(t->first)) {
        i += (size_t)utf8_next(&cp, nt->norm + i, nt->normlen - i);
    } else {
        prev = t->first;
        /* A name spelled out letter by letter ("B.o.l.d", "김.종.수") is
         * one token, as it is one run of the key view (normalise.h). */
        while (i < nt->normlen && (n = utf8_next(&cp, nt->norm + i, nt->normlen - i)) > 0 &&
               ((is_word_cp(cp) && !is_han_cp(cp) && !normalise_script_change(prev, cp)) ||
                (!is_word_cp(cp) && (n = (int)normalise_gap(nt->norm, nt->normlen, i)) > 0))) {
            i += (size_t)n;
            prev = is_word_cp(cp) ? cp : prev;
        }
    }
    t->end = *at = i;
    find_stems(t, nt);
    while (*k < nt->keylen && nt->kpos[*k] < t->start)
        (*k)++;
    t->kstart = *k;
    while (*k < nt->keylen && nt->kpos[*k] < t->end)
        (*k)++;
    t->kend = *k;
    /* Key bytes need not follow norm bytes one to one inside a token: a
     * spelled-out name's gaps have none. */
    for (unsigned s = 0; s < t->nstems; s++) {
        size_t j = t->kstart;
        while (j < t->kend && nt->kpos[j] < t->stem[s])
            j++;
        t->kstem[s] = j;
    }
    return 1;
}

int window_scan(const struct normtext *nt, size_t max, window_fn fn, void *ctx,
                struct err *e)
{
    struct token w[WINDOW_MAX], t;
    size_t nw = 0, at = 0, k = 0;
    int rc = 0;

    if (max == 0 || max > WINDOW_MAX)
        max = WINDOW_MAX;
    while (rc >= 0 && next_token(&t, nt, &at, &k)) {
        if (nw == max) {
            memmove(w, w + 1, (max - 1) * sizeof *w);
            nw--;
        }
        w[nw++] = t;
        rc = 0;
        for (size_t i = nw; i-- > 0 && rc == 0;)
            rc = fn(ctx, nt, w + i, nw - i, e);
    }
    return rc < 0 ? -1 : 0;
}

int window_suffix_ok(const char *rest, size_t restlen)
{
    return variant_suffix_ok(SUFFIX_KO, rest, restlen) ||
           variant_suffix_ok(SUFFIX_MN_STEM, rest, restlen);
}
