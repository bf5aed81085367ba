/* HTML character references and percent-encoding read as what they stand
 * for (entities.h).  The named entities are HTML 4's, from libxml2's HTML
 * parser (the only file that includes a libxml2 header). */
#include "privacy/entities.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"

/* Longest HTML 4 entity name ("thetasym") with room to spare. */
#define NAME_MAX_BYTES 10
#define ROUNDS 3

static int hexval(unsigned char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static int is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | cp >> 6), o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12), o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18), o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A character reference at s[0..len) (s[0] == '&'): its code point in *cp
 * and its length in bytes, or 0 if there is none. */
static size_t char_ref(unsigned *cp, const char *s, size_t len)
{
    size_t i, digits = 0;
    unsigned long v = 0;
    int hex, d;
    char name[NAME_MAX_BYTES + 1];
    const htmlEntityDesc *ent;

    if (len >= 3 && s[1] == '#') {
        hex = s[2] == 'x' || s[2] == 'X';
        for (i = hex ? 3 : 2; i < len && digits < 8; i++, digits++) {
            d = hexval((unsigned char)s[i]);
            if (d < 0 || (!hex && d > 9))
                break;
            v = v * (hex ? 16 : 10) + (unsigned long)d;
        }
        if (digits == 0 || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        *cp = (unsigned)v;
        return i < len && s[i] == ';' ? i + 1 : i;
    }
    for (i = 1; i < len && i <= NAME_MAX_BYTES && is_alnum((unsigned char)s[i]); i++)
        name[i - 1] = s[i];
    if (i == 1 || i >= len || s[i] != ';')
        return 0;
    name[i - 1] = '\0';
    if ((ent = htmlEntityLookup((const xmlChar *)name)) == NULL || ent->value == 0)
        return 0;
    *cp = ent->value;
    return i + 1;
}

/* An ASCII character that percent-encoding may hide in a name. */
static int name_ascii(unsigned char c)
{
    return is_alnum(c) || c == ' ' || c == '-' || c == '\'' || c == '.' || c == '_';
}

/* 1 if s[0..n) (n from its lead byte) is one valid UTF-8 character: no
 * overlong form, surrogate or code point past U+10FFFF. */
static int valid_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if (n == 3)
        return !(s[0] == 0xE0 && s[1] < 0xA0) && !(s[0] == 0xED && s[1] >= 0xA0);
    if (n == 4)
        return s[0] <= 0xF4 && !(s[0] == 0xF0 && s[1] < 0x90) && !(s[0] == 0xF4 && s[1] >= 0x90);
    return 1;
}

/* A percent-encoded character at s[0..len) (s[0] == '%'): its UTF-8 bytes
 * in o (at most 4), their count in *n, and the encoded length, or 0. */
static size_t percent_ref(char *o, size_t *n, const char *s, size_t len)
{
    size_t want = 0, k;
    int hi, lo;

    for (k = 0; k < 4 && 3 * k + 2 < len && s[3 * k] == '%'; k++) {
        if ((hi = hexval((unsigned char)s[3 * k + 1])) < 0 ||
            (lo = hexval((unsigned char)s[3 * k + 2])) < 0)
            break;
        o[k] = (char)(hi << 4 | lo);
        if (k == 0) {
            unsigned char b = (unsigned char)o[0];
            want = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
            /* %25 before two hex digits: percent-encoding written twice */
            if (want == 0 || (want == 1 && !name_ascii(b) &&
                              !(b == '%' && len >= 5 && hexval((unsigned char)s[3]) >= 0 &&
                                hexval((unsigned char)s[4]) >= 0)))
                return 0;
        }
        if (k + 1 == want) {
            if (!valid_utf8((const unsigned char *)o, want))
                return 0;
            *n = want;
            return 3 * want;
        }
    }
    return 0;
}

/* One round over in[0..inlen), whose bytes came from inmap (NULL: from
 * themselves).  *out NULL when nothing was decoded. */
static int decode_round(char **out, size_t *outlen, uint32_t **map, const char *in,
                        size_t inlen, const uint32_t *inmap)
{
    size_t at = 0, o = 0, k, n, j;
    char buf[4];
    unsigned cp;
    char *d = NULL;
    uint32_t *m = NULL;

    *out = NULL, *map = NULL, *outlen = 0;
    while (at < inlen) {
        char c = in[at];
        k = n = 0;
        if (c == '&' && (k = char_ref(&cp, in + at, inlen - at)) > 0)
            n = put_utf8(buf, cp);
        else if (c == '%')
            k = percent_ref(buf, &n, in + at, inlen - at);
        if (k == 0) {
            if (d != NULL)
                d[o] = c, m[o] = inmap ? inmap[at] : (uint32_t)at, o++;
            at++;
            continue;
        }
        if (d == NULL) {            /* the first encoded character: copy what came before */
            if ((d = secmem_wipe_malloc(inlen + 1)) == NULL ||
                (m = malloc((inlen + 1) * sizeof *m)) == NULL) {
                secmem_wipe_free(d);
                return -1;
            }
            memcpy(d, in, at);
            for (j = 0; j < at; j++)
                m[j] = inmap ? inmap[j] : (uint32_t)j;
            o = at;
        }
        for (j = 0; j < n; j++)
            d[o] = buf[j], m[o] = inmap ? inmap[at] : (uint32_t)at, o++;
        at += k;
    }
    if (d == NULL)
        return 0;
    d[o] = '\0';
    m[o] = inmap ? inmap[inlen] : (uint32_t)inlen;
    *out = d, *outlen = o, *map = m;
    return 0;
}

/* 1 if s[0..len) may hold a reference: one quick pass for most texts. */
static int maybe_encoded(const char *s, size_t len)
{
    for (size_t i = 0; i + 2 < len; i++)
        if ((s[i] == '&' && (s[i + 1] == '#' || is_alnum((unsigned char)s[i + 1]))) ||
            (s[i] == '%' && hexval((unsigned char)s[i + 1]) >= 0 && hexval((unsigned char)s[i + 2]) >= 0))
            return 1;
    return 0;
}

int entities_decode(char **out, size_t *outlen, uint32_t **map, const char *in, size_t inlen)
{
    char *cur = NULL, *next;
    uint32_t *cmap = NULL, *nmap;
    size_t clen = 0, nlen;

    *out = NULL, *map = NULL, *outlen = 0;
    if (inlen >= UINT32_MAX)
        return -1;
    if (!maybe_encoded(in, inlen))
        return 0;
    for (int r = 0; r < ROUNDS; r++) {
        if (decode_round(&next, &nlen, &nmap, cur ? cur : in, cur ? clen : inlen, cmap) != 0) {
            secmem_wipe_free(cur);
            free(cmap);
            return -1;
        }
        if (next == NULL)
            break;
        secmem_wipe_free(cur);
        free(cmap);
        cur = next, clen = nlen, cmap = nmap;
        if (!maybe_encoded(cur, clen))
            break;
    }
    *out = cur, *outlen = clen, *map = cmap;
    return 0;
}
