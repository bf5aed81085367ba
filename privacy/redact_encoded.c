/* A protected name or term inside an encoded run (brief s18 allow18 items
 * 1-2, report-adv17a D-11): base64, standard or URL-safe, padded or not
 * ("S2ltIEpvbmctc3U" is "Kim Jong-su"), and hex text, plain, after "0x",
 * or in spaced pairs ("4b696d204a6f6e67", "0x4b696d...", "4b 69 6d 20").
 * A run that decodes to UTF-8 text is read by the redactor's own rules;
 * where they replace a name or term in it, the whole run is replaced;
 * where they only flag one, the run is an "escape-run" review flag
 * (redact_base64.c), and `allow` refuses the run (allow.c).  Rules and
 * limits: docs/VARIANTS.md, "Base64 and hex runs". */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "privacy/escapes.h"
#include "privacy/normalise.h"
#include "privacy/redact_int.h"
#include "util/err.h"

/* Characters of a base64 run, before decoding: shorter runs are ordinary
 * words as often as not, longer ones are not read (a file, not a name). */
#define B64_MIN 8
#define B64_MAX 4096
/* Bytes of a hex run: four at least ("Kim " is four), as for base64. */
#define HEX_MIN 4
#define HEX_MAX 2048

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
 * after its first letter, a digit, + / - or _. */
static int looks_encoded(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((i > 0 && s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '+' ||
            s[i] == '/')
            return 1;
    return 0;
}

static int word_byte(const char *s, size_t len, size_t at)
{
    return at < len && (is_word_cp((unsigned char)s[at]) || ((unsigned char)s[at] & 0x80) != 0);
}

/* A hex run at s[i..len): plain digits (an even count), after "0x", or
 * two-digit pairs with one space, ':' or ',' between ("4b 69 6d", each
 * pair may have its own "0x").  Decodes into out (HEX_MAX bytes); the
 * run's end in *end and the byte count returned, 0 if none. */
static size_t hex_run(unsigned char *out, const char *s, size_t len, size_t i, size_t *end)
{
    size_t p = i, n = 0, q;
    int hi, lo, digits = 0;

    if (p + 1 < len && s[p] == '0' && (s[p + 1] == 'x' || s[p + 1] == 'X'))
        p += 2;
    q = p;
    while (q + 1 < len && n < HEX_MAX && (hi = escape_hexval((unsigned char)s[q])) >= 0 &&
           (lo = escape_hexval((unsigned char)s[q + 1])) >= 0)
        out[n++] = (unsigned char)(hi << 4 | lo), digits |= s[q] <= '9' || s[q + 1] <= '9', q += 2;
    if (n == 1) {               /* pairs: "4b 69 6d", "0x4b, 0x69" */
        char sep = q < len ? s[q] : 0;
        while (n < HEX_MAX && q < len && s[q] == sep && (sep == ' ' || sep == ':' || sep == ',')) {
            size_t r = q + 1;
            if (sep == ',' && r < len && s[r] == ' ')
                r++;
            if (r + 1 < len && s[r] == '0' && (s[r + 1] == 'x' || s[r + 1] == 'X'))
                r += 2;
            if (r + 1 >= len || (hi = escape_hexval((unsigned char)s[r])) < 0 ||
                (lo = escape_hexval((unsigned char)s[r + 1])) < 0 || word_byte(s, len, r + 2))
                break;
            out[n++] = (unsigned char)(hi << 4 | lo), q = r + 2;
        }
        digits = 1;
    }
    if (n < HEX_MIN || !digits || word_byte(s, len, q))
        return 0;
    *end = q;
    return n;
}

/* Each byte's bits for the walk of redact_encoded_next, made from
 * word_byte and b64_val: the walk asks both of every byte of the text,
 * twice a text (redact_encoded_names, redact_base64_runs: 10% of
 * bench/redact.sh's run with the calls). */
#define BYTE_WORD 1
#define BYTE_B64 2
static unsigned char byte_bits[256];
static pthread_once_t byte_bits_once = PTHREAD_ONCE_INIT;

static void byte_bits_build(void)
{
    for (int c = 0; c < 256; c++) {
        char ch = (char)c;
        byte_bits[c] = (unsigned char)((word_byte(&ch, 1, 0) ? BYTE_WORD : 0) |
                                       (b64_val((unsigned char)c) >= 0 ? BYTE_B64 : 0));
    }
}

int redact_encoded_next(struct encoded_run *run, const char *s, size_t len, size_t *at)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = *at, a, b, e;

    (void)pthread_once(&byte_bits_once, byte_bits_build);
    while (i < len) {
        /* a run starts at a word's start: not glued to a letter or digit
         * ("token=" and "base64," before it are fine) */
        if ((i > 0 && (byte_bits[u[i - 1]] & BYTE_WORD)) || !(byte_bits[u[i]] & BYTE_B64)) {
            i++;
            continue;
        }
        a = i;
        if (escape_hexval((unsigned char)s[i]) >= 0 &&
            (run->n = hex_run(run->d, s, len, i, &e)) > 0 && is_text(run->d, run->n)) {
            run->start = a, run->end = e, *at = e;
            return 1;
        }
        while (i < len && b64_val((unsigned char)s[i]) >= 0)
            i++;
        b = i;
        for (e = b; e < len && e < b + 2 && s[e] == '='; e++)
            ;
        i = e;
        if (b - a < B64_MIN || b - a > B64_MAX || (b - a) % 4 == 1 ||
            (e > b && (b - a + (e - b)) % 4 != 0) || word_byte(s, len, e) ||
            (e < len && s[e] == '=') || !looks_encoded(s + a, b - a))
            continue;
        run->n = b64_decode(run->d, s + a, b - a);
        if (is_text(run->d, run->n)) {
            run->start = a, run->end = e, *at = e;
            return 1;
        }
    }
    *at = len;
    return 0;
}

struct encoded_run *redact_encoded_new(void)
{
    struct encoded_run *run = malloc(sizeof *run);

    if (run != NULL)
        run->n = 0;
    return run;
}

void redact_encoded_free(struct encoded_run *run)
{
    if (run != NULL) {
        sodium_memzero(run, sizeof *run);
        free(run);
    }
}

int redact_encoded_read(struct spans *found, struct spans *fl, const struct redactor *r,
                        const struct encoded_run *run, struct redact_ctx *ctx, struct err *e)
{
    struct normtext t;
    int rc;

    if (normalise(&t, (const char *)run->d, run->n, e) != 0)
        return -1;
    rc = redact_match_apart(found, fl, r, &t, ctx, 0, e);
    normtext_free(&t);
    return rc;
}

int redact_encoded_names(struct spans *sp, const struct redactor *r, const struct normtext *t,
                         struct redact_ctx *ctx, struct err *e)
{
    struct encoded_run *run;
    size_t at = 0;
    int rc = 0, any = 0;

    if (r->nlits == 0 || !redact_can_match(r))
        return 0;
    if ((run = redact_encoded_new()) == NULL)
        return err_set(e, EXIT_INPUT, "out of memory while scanning text");
    while (rc == 0 && redact_encoded_next(run, t->orig, t->inlen, &at)) {
        struct spans found = { 0 }, fl = { 0 };
        if ((rc = redact_encoded_read(&found, &fl, r, run, ctx, e)) == 0 && found.n > 0) {
            struct span m = found.s[0];
            m.start = run->start, m.end = run->end;
            if ((rc = redact_span_add(sp, &m)) != 0)
                err_set(e, EXIT_INPUT, "out of memory while scanning text");
            any = 1;
        }
        free(found.s), free(fl.s);
    }
    redact_encoded_free(run);
    if (rc == 0 && any)
        redact_merge(sp, NULL);
    return rc;
}
