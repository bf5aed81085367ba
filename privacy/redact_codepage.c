/* Byte-escape runs read in the other candidate code pages (brief s17
 * esc17, report adv16a A-8): %C1%EE%EB%E4 is Болд in Windows-1251 and two
 * Hangul syllables in CP949, which the reading layer takes (codepage.h).
 * Where a run is so ambiguous (codepage_run_ambiguous), a window around
 * it is read again with the run in each candidate code page, and a name
 * or term found across the run is replaced in the text.  What is not
 * found stays an `escape-run` review flag (redact_flags.c). */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/codepage.h"
#include "privacy/escapes.h"
#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"

#define WIDEN_MAX 256           /* bytes a window is widened to white space */

/* The candidate code pages (iconv names): Cyrillic of Russian and
 * Mongolian pages and web forms (Windows-1251, KOI8-R, DOS 866), and the
 * Chinese and Japanese double-byte pages.  CP949 is the main reading. */
static const char *const candidates[] = { "CP1251", "KOI8-R", "CP866", "GBK", "BIG5",
                                          "SHIFT_JIS" };

struct alt {
    char *d;                    /* the window with the run in one code page */
    size_t dlen, cap;
    size_t *from, *to;          /* [dlen]: the original bytes each byte stands for */
};

static void alt_free(struct alt *al)
{
    if (al->d != NULL)
        sodium_memzero(al->d, al->cap);
    free(al->d), free(al->from), free(al->to);
    memset(al, 0, sizeof *al);
}

static void alt_put(struct alt *al, const char *s, size_t n, size_t from, size_t to)
{
    for (size_t i = 0; i < n && al->dlen < al->cap; i++)
        al->d[al->dlen] = s[i], al->from[al->dlen] = from, al->to[al->dlen++] = to;
}

/* The byte of the token "%hh" or "\xhh" at s (len bytes), its length in
 * *k; -1 if none. */
static int token(size_t *k, const char *s, size_t len)
{
    size_t p = s[0] == '%' ? 1 : len > 1 && s[0] == '\\' && s[1] == 'x' ? 2 : 0;
    int hi, lo;

    if (p == 0 || len < p + 2 || (hi = escape_hexval((unsigned char)s[p])) < 0 ||
        (lo = escape_hexval((unsigned char)s[p + 1])) < 0)
        return -1;
    *k = p + 2;
    return hi << 4 | lo;
}

/* The run in[r0..r1) in code page cp: each stretch of tokens decoded
 * whole, a space between stretches kept.  0, or -1 when a stretch is no
 * text of cp. */
static int put_run(struct alt *al, const char *in, size_t r0, size_t r1, const char *cp)
{
    unsigned char b[256];
    char o[4 * sizeof b];
    size_t i = r0, s0, nb, k, n;
    int v;

    while (i < r1) {
        if (in[i] == ' ') {
            alt_put(al, " ", 1, i, i + 1), i++;
            continue;
        }
        for (s0 = i, nb = 0; i < r1 && nb < sizeof b && (v = token(&k, in + i, r1 - i)) >= 0; i += k)
            b[nb++] = (unsigned char)v;
        if (nb == 0 || (n = codepage_to_utf8(o, sizeof o, cp, b, nb)) == 0)
            return -1;
        alt_put(al, o, n, s0, i);
    }
    return 0;
}

/* Finds names in in[a..b) read with the run [r0, r1) in code page cp;
 * adds those that overlap the run to sp (input offsets). */
static int read_alt(struct spans *sp, const struct redactor *r, const char *in, size_t a,
                    size_t b, size_t r0, size_t r1, const char *cp, struct redact_ctx *ctx,
                    struct err *e)
{
    struct alt al = { 0 };
    struct normtext td;
    struct spans found = { 0 }, flags = { 0 };
    size_t i, rs, re;
    int rc = -1;

    al.cap = 4 * (b - a) + 1;
    if ((al.d = malloc(al.cap)) == NULL || (al.from = malloc(al.cap * sizeof *al.from)) == NULL ||
        (al.to = malloc(al.cap * sizeof *al.to)) == NULL) {
        alt_free(&al);
        return err_set(e, EXIT_INPUT, "out of memory while scanning text");
    }
    for (i = a; i < r0; i++)
        alt_put(&al, in + i, 1, i, i + 1);
    rs = al.dlen;
    if (put_run(&al, in, r0, r1, cp) != 0) {
        alt_free(&al);
        return 0;
    }
    re = al.dlen;
    for (i = r1; i < b; i++)
        alt_put(&al, in + i, 1, i, i + 1);
    al.d[al.dlen < al.cap ? al.dlen : al.cap - 1] = '\0';
    if (normalise(&td, al.d, al.dlen, e) != 0) {
        alt_free(&al);
        return -1;
    }
    if (redact_match_apart(&found, &flags, r, &td, ctx, 1, e) != 0)
        goto done;
    for (i = 0; i < found.n; i++) {
        struct span sn = found.s[i];
        if (sn.end <= sn.start || sn.end <= rs || sn.start >= re || sn.end > al.dlen)
            continue;
        sn.start = al.from[sn.start], sn.end = al.to[sn.end - 1];
        if (redact_span_add(sp, &sn) != 0)
            goto done;
    }
    rc = 0;
done:
    if (rc != 0 && e->code == 0)
        err_set(e, EXIT_INPUT, "out of memory while scanning text");
    normtext_free(&td);
    free(found.s), free(flags.s);
    alt_free(&al);
    return rc;
}

int redact_codepage_names(struct spans *sp, const struct redactor *r, const struct normtext *t,
                          struct redact_ctx *ctx, struct err *e)
{
    const char *in = t->orig;
    size_t len = t->inlen, i = 0, k, a, b, reach = 2 * r->maxkey + 48, w;
    int any = 0;

    if (r->nlits == 0)
        return 0;
    while (i < len) {
        if ((in[i] != '%' && in[i] != '\\') || (k = escape_run(in + i, len - i, NULL)) == 0 ||
            !codepage_run_ambiguous(in + i, k)) {
            i++;
            continue;
        }
        a = i > reach ? i - reach : 0;
        b = i + k + reach < len ? i + k + reach : len;
        for (w = 0; a > 0 && w < WIDEN_MAX && in[a - 1] != ' ' && in[a - 1] != '\n'; w++)
            a--;
        while (a > 0 && ((unsigned char)in[a] & 0xC0) == 0x80)
            a--;
        for (w = 0; b < len && w < WIDEN_MAX && in[b] != ' ' && in[b] != '\n'; w++)
            b++;
        while (b < len && ((unsigned char)in[b] & 0xC0) == 0x80)
            b++;
        for (size_t c = 0; c < sizeof candidates / sizeof candidates[0]; c++)
            if (read_alt(sp, r, in, a, b, i, i + k, candidates[c], ctx, e) != 0)
                return -1;
        any = 1;
        i += k;
    }
    if (any)
        redact_merge(sp, NULL);
    return 0;
}
