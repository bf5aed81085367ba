/* HTML character references, percent-encoding and the escapes of
 * escapes.h read as what they stand for (entities.h).  The named
 * references are the WHATWG list (htmlnames.h). */
#include "privacy/entities.h"

#include <stdlib.h>
#include <string.h>

#include "crypto/secmem.h"
#include "privacy/codepage.h"
#include "privacy/escapes.h"
#include "privacy/htmlnames.h"
#include "privacy/rtf_read.h"

#define ROUNDS 3
#define hexval escape_hexval
#define valid_utf8 escape_valid_utf8
#define name_ascii escape_name_ascii

static int is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A character reference at s[0..len) (s[0] == '&'): the code points it
 * stands for in cp (*ncp of them, 1 or 2) and its length in bytes, or 0 if
 * there is none. */
static size_t char_ref(unsigned cp[2], int *ncp, const char *s, size_t len)
{
    size_t i, digits = 0;
    unsigned long v = 0;
    int hex, d;

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
        cp[0] = (unsigned)v, *ncp = 1;
        return i < len && s[i] == ';' ? i + 1 : i;
    }
    for (i = 1; i < len && i <= HTMLNAME_MAX_BYTES && is_alnum((unsigned char)s[i]); i++)
        ;
    if (i == 1 || i >= len || s[i] != ';' || (*ncp = htmlname_lookup(cp, s + 1, i - 1)) == 0)
        return 0;
    return i + 1;
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

/* A byte escape at in[at] inside a run of them in EUC-KR/CP949 (%B1%E8,
 * \xb1\xe8, =B1=E8 and RTF's \'b1\'e8 in a document that names no code
 * page): codepage.h.  Tried before the UTF-8 readings, which would take
 * a pair such as C8 A3 (호) for one UTF-8 character. */
static size_t legacy_run(char *o, size_t *n, const char *in, size_t inlen, size_t at,
                         int codepage)
{
    const char *pre = NULL;

    if (at + 3 >= inlen)
        return 0;
    if (in[at] == '%' || in[at] == '=')
        pre = in[at] == '%' ? "%" : "=";
    else if (in[at] == '\\' && in[at + 1] == 'x')
        pre = "\\x";
    else if (in[at] == '\\' && in[at + 1] == '\'' && codepage == 0)
        pre = "\\'";
    return pre != NULL ? codepage_cp949_run(o, n, in, inlen, at, pre) : 0;
}

/* One round over in[0..inlen), whose bytes came from inmap (NULL: from
 * themselves).  *out NULL when nothing was decoded. */
static int decode_round(char **out, size_t *outlen, uint32_t **map, const char *in,
                        size_t inlen, const uint32_t *inmap, int ansicpg,
                        const struct rtf_pages *pages, int rtf)
{
    int codepage = ansicpg;
    size_t keep = 0;
    size_t at = 0, o = 0, k, n, j;
    char buf[ESCAPE_MAX_OUT];
    unsigned cp[2];
    int ncp;
    char *d = NULL;
    uint32_t *m = NULL;

    *out = NULL, *map = NULL, *outlen = 0;
    while (at < inlen) {
        char c = in[at];
        k = n = 0;
        if (pages->n > 0 && c == '\\')        /* RTF: the current font's code page */
            codepage = rtf_pages_at(pages, inmap ? inmap[at] : at, ansicpg);
        /* RTF's control words stay as written (\f2 is no CSS escape) */
        if (keep == 0 && rtf && c == '\\')
            keep = rtf_control_len(in + at, inlen - at);
        if (keep > 0)
            keep--;
        else if (c == '&' && (k = char_ref(cp, &ncp, in + at, inlen - at)) > 0) {
            n = escape_put_utf8(buf, cp[0]);
            if (ncp == 2)
                n += escape_put_utf8(buf + n, cp[1]);
        } else if (c == '=' && codepage_qp_held(in, inlen, at))
            ;                   /* copied: read whole in the next round */
        else if ((k = legacy_run(buf, &n, in, inlen, at, codepage)) > 0)
            ;
        else if (c == '%' && (k = percent_ref(buf, &n, in + at, inlen - at)) > 0)
            ;
        else if ((c == '{' || c == '\\') &&
                 (k = rtf_markup(buf, &n, in + at, inlen - at,
                                 at > 0 ? (unsigned char)in[at - 1] : 0)) > 0)
            ;
        else if (c == '%' || c == '\\' || c == '=')
            k = escape_ref_cp(buf, &n, in + at, inlen - at,
                              at > 0 ? (unsigned char)in[at - 1] : 0, codepage);
        if (n > k)              /* never longer than what it decodes (&nGt;): d has inlen bytes */
            k = 0;
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
            (s[i] == '%' && hexval((unsigned char)s[i + 1]) >= 0 && hexval((unsigned char)s[i + 2]) >= 0) ||
            ((s[i] == '\\' || s[i] == '%' || s[i] == '=') && escape_maybe(s + i, len - i)) ||
            (s[i] == '\\' && s[i + 1] == '-') || (s[i] == '{' && (s[i + 1] == '}' || s[i + 1] == '\\')))
            return 1;
    return 0;
}

/* The N of the first \ansicpgN in s[0..len), or 0 (none). */
static int rtf_codepage(const char *s, size_t len)
{
    const char *p = memmem(s, len, "\\ansicpg", 8);
    int cp = 0;

    if (p == NULL)
        return 0;
    for (p += 8; p < s + len && *p >= '0' && *p <= '9' && cp < 100000; p++)
        cp = cp * 10 + (*p - '0');
    return cp;
}

int entities_decode(char **out, size_t *outlen, uint32_t **map, const char *in, size_t inlen)
{
    char *cur = NULL, *next;
    uint32_t *cmap = NULL, *nmap;
    size_t clen = 0, nlen;
    int codepage = 0;
    struct rtf_pages pages;

    *out = NULL, *map = NULL, *outlen = 0;
    if (inlen >= UINT32_MAX)
        return -1;
    if (!maybe_encoded(in, inlen))
        return 0;
    /* RTF's \'hh bytes are in the code page the document names
     * (\ansicpg1251, \ansicpg949, \ansicpg1252...). */
    codepage = rtf_codepage(in, inlen);
    /* ... or, over it, the current font's (\fN with \fcharsetN or \cpgN) */
    if (rtf_pages_read(&pages, in, inlen, codepage) != 0)
        return -1;
    for (int r = 0; r < ROUNDS; r++) {
        if (decode_round(&next, &nlen, &nmap, cur ? cur : in, cur ? clen : inlen, cmap,
                         codepage, &pages, rtf_document(in, inlen)) != 0) {
            secmem_wipe_free(cur);
            free(cmap);
            rtf_pages_free(&pages);
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
    rtf_pages_free(&pages);
    *out = cur, *outlen = clen, *map = cmap;
    return 0;
}
