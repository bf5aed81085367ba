/* Escaped runs left undecoded (\\u..., %B1%E8, =?charset?...?=) or decoded in
 * one code page where another reads the same bytes otherwise: each one a
 * review flag (adv16a A-8).  Moved out of redact_flags.c unchanged. */
#include <string.h>

#include "privacy/codepage.h"
#include "privacy/escapes.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"

/* The first position of t's norm view whose original offset is at or
 * after a (t->normlen if none): ostart is ascending, so a binary search. */
static size_t norm_at(const struct normtext *t, size_t a)
{
    size_t lo = 0, hi = t->normlen, mid;

    while (lo < hi) {
        mid = (lo + hi) / 2;
        if (t->ostart[mid] < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* 1 if the norm view of the original bytes [a, b) still holds a '\\' or
 * a '%': an escape there was left undecoded (or decoded only in part:
 * EUC-KR's %B1%E8 holds bytes that happen to make UTF-8). */
static int undecoded(const struct normtext *t, size_t a, size_t b)
{
    size_t lo = norm_at(t, a);

    for (; lo < t->normlen && t->ostart[lo] < b; lo++)
        if (t->norm[lo] == '\\' || t->norm[lo] == '%')
            return 1;
    return 0;
}

/* 1 if the norm view of the encoded-word at the original [a, b) still
 * holds its "=?" (its charset was not decoded). */
static int undecoded_word(const struct normtext *t, size_t a, size_t b)
{
    size_t lo = norm_at(t, a);

    for (; lo + 1 < t->normlen && t->ostart[lo] < b; lo++)
        if (t->norm[lo] == '=' && t->norm[lo + 1] == '?')
            return 1;
    return 0;
}

int redact_escape_runs(const struct normtext *t, int (*fn)(void *ctx, size_t a, size_t b),
                       void *ctx)
{
    const char *o = t->orig;
    size_t i = 0, k;

    while (i < t->inlen) {
        /* an encoded-word of a charset left undecoded (adv16a A-8) */
        if (o[i] == '=' && (k = escape_word_shape(o + i, t->inlen - i)) > 0) {
            /* the flag covers the encoded text: a detector may take a
             * piece of the charset's label ("x-mac-...") */
            const char *q = memchr(o + i + 2, '?', k - 2);
            size_t a = q != NULL ? (size_t)(q - o) + 3 : i;
            if (undecoded_word(t, i, i + k) && fn(ctx, a, i + k) != 0)
                return -1;
            i += k;
            continue;
        }
        if ((o[i] != '\\' && o[i] != '%') || (k = escape_run(o + i, t->inlen - i, NULL)) == 0) {
            i++;
            continue;
        }
        /* undecoded, or decoded in one code page where another reads
         * the same bytes otherwise (CP949 or Windows-1251: adv16a A-8) */
        if ((undecoded(t, i, i + k) || codepage_run_ambiguous(o + i, k)) && fn(ctx, i, i + k) != 0)
            return -1;
        i += k;
    }
    return 0;
}
