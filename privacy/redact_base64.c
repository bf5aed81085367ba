/* A protected name or term inside a base64 run (brief s16 item 3,
 * report-adv15 R-11): "RW5raGphcmdhbA==" is Enkhjargal, as a pasted
 * e-mail source or a data: URL carries it.  A run that decodes to UTF-8
 * text is read, and where the redactor's literals find a name or term in
 * it, the run is an "escape-run" review flag (docs/VARIANTS.md, "Base64
 * runs"; what is not read: SECURITY.md). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "util/err.h"

/* Characters of a run, before decoding: shorter runs are ordinary words
 * as often as not, longer ones are not read (a file, not a name). */
#define B64_MIN 8
#define B64_MAX 4096

static int b64_val(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

/* Decodes s[0..len) (no padding) into out; returns the bytes written. */
static size_t b64_decode(unsigned char *out, const char *s, size_t len)
{
    uint32_t acc = 0;
    size_t n = 0;
    int bits = 0;

    for (size_t i = 0; i < len; i++) {
        acc = (acc << 6) | (uint32_t)b64_val((unsigned char)s[i]);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[n++] = (unsigned char)(acc >> bits);
        }
    }
    return n;
}

/* 1 if d[0..n) is text: valid UTF-8, no control character but white
 * space, and at least two letters. */
static int is_text(const unsigned char *d, size_t n)
{
    size_t i = 0;
    int cp, k, letters = 0;

    while (i < n) {
        if ((k = utf8_next(&cp, (const char *)d + i, n - i)) <= 0)
            return 0;
        if ((cp < 0x20 && cp != '\n' && cp != '\t' && cp != '\r') || cp == 0x7F)
            return 0;
        letters += is_word_cp(cp) && !(cp >= '0' && cp <= '9');
        i += (size_t)k;
    }
    return letters >= 2;
}

/* 1 if s[0..len) has what base64 has and a word has not: a capital
 * after its first letter, a digit, + or /. */
static int looks_encoded(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((i > 0 && s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '+' ||
            s[i] == '/')
            return 1;
    return 0;
}

/* 1 if the redactor's literals find a name or term in d[0..n). */
static int holds_term(const struct redactor *r, const unsigned char *d, size_t n, int *found)
{
    struct normtext t;
    struct spans sp = { 0 }, fl = { 0 };
    struct err e;
    int rc;

    *found = 0;
    if (normalise(&t, (const char *)d, n, &e) != 0)
        return -1;
    rc = redact_match_terms(&sp, NULL, &fl, r, &t, NULL, &e);
    *found = sp.n > 0 || fl.n > 0;
    free(sp.s);
    free(fl.s);
    normtext_free(&t);
    return rc;
}

int redact_base64_runs(struct spans *flags, const struct redactor *r, const struct normtext *t)
{
    const char *s = t->orig;
    size_t i = 0, a, b, e, len = t->inlen;
    unsigned char *d;
    int found, rc = 0;

    if (r->nlits == 0 || r->db == NULL)
        return 0;
    while (i < len && rc == 0) {
        while (i < len && b64_val((unsigned char)s[i]) < 0)
            i++;
        a = i;
        while (i < len && b64_val((unsigned char)s[i]) >= 0)
            i++;
        b = i;
        for (e = b; e < len && e < b + 2 && s[e] == '='; e++)
            ;
        i = e;
        /* whole: not glued to a letter, digit or another '=' */
        if (b - a < B64_MIN || b - a > B64_MAX || (b - a) % 4 == 1 ||
            (e > b && (b - a + (e - b)) % 4 != 0) ||
            (a > 0 && (is_word_cp((unsigned char)s[a - 1]) || s[a - 1] == '=')) ||
            (e < len && (is_word_cp((unsigned char)s[e]) || s[e] == '=')) ||
            !looks_encoded(s + a, b - a))
            continue;
        if ((d = malloc((b - a) * 3 / 4 + 1)) == NULL)
            return -1;
        size_t n = b64_decode(d, s + a, b - a);
        if (is_text(d, n)) {
            rc = holds_term(r, d, n, &found);
            if (rc == 0 && found) {
                struct span m = { a, e, FLAG_ESCAPE_RUN, 0, 0, SIZE_MAX, 0, 0, 0 };
                rc = redact_span_add(flags, &m);
            }
        }
        sodium_memzero(d, n);
        free(d);
    }
    return rc;
}
