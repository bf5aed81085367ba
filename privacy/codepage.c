/* Legacy code pages through glibc's iconv (codepage.h). */
#include "privacy/codepage.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define RUN_MAX 256

static int hex(unsigned char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* MIME labels glibc does not know by that name (RFC 1557's Korean mail
 * label; Microsoft's names of its Korean code page). */
static const struct {
    const char *label, *iconv;
} aliases[] = {
    { "ks_c_5601-1987", "CP949" }, { "ks_c_5601", "CP949" }, { "ksc5601", "CP949" },
    { "euc-kr", "CP949" }, { "windows-949", "CP949" }, { "x-windows-949", "CP949" },
    { "uhc", "CP949" }, { "cp949", "CP949" },
    /* Apple's labels (x-mac-cyrillic...): glibc's MAC-CYRILLIC... */
    { "x-mac-cyrillic", "MAC-CYRILLIC" }, { "x-mac-roman", "MACINTOSH" },
    { "x-mac-ukrainian", "MACUKRAINIAN" }, { "x-mac-ce", "MAC-CENTRALEUROPE" },
    { "x-mac-centraleurroman", "MAC-CENTRALEUROPE" }, { "x-mac-icelandic", "MAC-IS" },
    { "unicode-1-1-utf-7", "UTF-7" }, { "x-unicode20utf8", "UTF-8" },
};

/* 1 for a charset whose bytes are not one ASCII-compatible character
 * after another (ISO-2022-*, UTF-7, UTF-16/32, UCS-2/4): its raw bytes may
 * hold ESC, SO, SI or NUL; only what it decodes to is checked. */
static int wide_or_stateful(const char *name)
{
    return strncasecmp(name, "ISO-2022", 8) == 0 || strncasecmp(name, "ISO2022", 7) == 0 ||
           strncasecmp(name, "CSISO2022", 9) == 0 || strncasecmp(name, "UTF-7", 5) == 0 ||
           strncasecmp(name, "UTF7", 4) == 0 || strncasecmp(name, "UTF-16", 6) == 0 ||
           strncasecmp(name, "UTF16", 5) == 0 || strncasecmp(name, "UTF-32", 6) == 0 ||
           strncasecmp(name, "UTF32", 5) == 0 || strncasecmp(name, "UCS", 3) == 0;
}

/* 1 if iconv can convert from name to UTF-8 here. */
static int iconv_knows(const char *name)
{
    iconv_t cd = iconv_open("UTF-8", name);

    if (cd == (iconv_t)-1)
        return 0;
    iconv_close(cd);
    return 1;
}

const char *codepage_mime_name(char *name, size_t nmax, const char *c, size_t clen)
{
    size_t i;

    if (clen == 0 || clen + 1 > nmax)
        return NULL;
    for (i = 0; i < clen; i++) {
        unsigned char ch = (unsigned char)c[i];
        if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              ch == '-' || ch == '_' || ch == '.' || ch == ':'))
            return NULL;
    }
    memcpy(name, c, clen);
    name[clen] = '\0';
    for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcasecmp(name, aliases[i].label) == 0) {
            if (strlen(aliases[i].iconv) + 1 > nmax)
                return NULL;
            strcpy(name, aliases[i].iconv);
            break;
        }
    /* stateful encodings (ISO-2022-KR, UTF-7) and UTF-16/32 are read whole
     * (one encoded-word is one iconv call: report adv16a A-8); a charset
     * iconv lacks is left undecoded, and the net flags it (escapes.h) */
    return iconv_knows(name) ? name : NULL;
}

size_t codepage_to_utf8(char *o, size_t omax, const char *from, const unsigned char *b, size_t bn)
{
    iconv_t cd;
    char *in = (char *)(uintptr_t)b, *out = o;
    size_t inleft = bn, outleft = omax, i;
    size_t rc;

    for (i = 0; i < bn && !wide_or_stateful(from); i++)
        if (b[i] < 0x20 || b[i] == 0x7F)
            return 0;
    if (bn == 0 || (cd = iconv_open("UTF-8", from)) == (iconv_t)-1)
        return 0;
    rc = iconv(cd, &in, &inleft, &out, &outleft);
    if (rc != (size_t)-1)
        rc = iconv(cd, NULL, NULL, &out, &outleft);
    iconv_close(cd);
    if (rc == (size_t)-1 || inleft != 0)
        return 0;
    for (i = 0; i < omax - outleft; i++)    /* no C0 nor C1 control in what it gives */
        if ((unsigned char)o[i] < 0x20 || (unsigned char)o[i] == 0x7F ||
            ((unsigned char)o[i] == 0xC2 && i + 1 < omax - outleft &&
             (unsigned char)o[i + 1] < 0xA0))
            return 0;
    return omax - outleft;
}

size_t codepage_char(char *o, size_t *n, int cp, const unsigned char *b, size_t bn)
{
    char name[16];
    iconv_t cd;
    size_t k;

    *n = 0;
    if (cp <= 0 || cp > 99999 || snprintf(name, sizeof name, "CP%d", cp) >= (int)sizeof name ||
        (cd = iconv_open("UTF-8", name)) == (iconv_t)-1)
        return 0;
    for (k = 1; k <= bn && k <= CODEPAGE_MAX_CHAR; k++) {
        char *in = (char *)(uintptr_t)b, *out = o;
        size_t inleft = k, outleft = 8;

        iconv(cd, NULL, NULL, NULL, NULL);
        if (iconv(cd, &in, &inleft, &out, &outleft) != (size_t)-1 && inleft == 0 && outleft < 8) {
            *n = 8 - outleft;
            break;
        }
        if (errno != EINVAL)        /* EILSEQ: no character of cp starts so */
            break;
    }
    iconv_close(cd);
    if (*n == 0 || (unsigned char)o[0] < 0x20)
        return *n = 0, 0;
    return k;
}

/* The byte of a token pre+hh at s[i] (len bytes), or -1. */
static int token_at(const char *s, size_t len, size_t i, const char *pre, size_t plen)
{
    int hi, lo;

    if (i + plen + 2 > len || memcmp(s + i, pre, plen) != 0 ||
        (hi = hex((unsigned char)s[i + plen])) < 0 || (lo = hex((unsigned char)s[i + plen + 1])) < 0)
        return -1;
    return hi << 4 | lo;
}

/* 1 if b[0..n) is valid UTF-8 (no overlong forms or surrogates), or
 * valid UTF-8 cut inside its last character (\xea\xb9 of 김: a cut
 * UTF-8 text is no CP949 one). */
static int utf8_ok(const unsigned char *b, size_t n)
{
    size_t i = 0, k, j;

    while (i < n) {
        unsigned char c = b[i];
        k = c < 0x80 ? 1 : c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3
          : c >= 0xF0 && c < 0xF5 ? 4 : 0;
        if (k == 0)
            return 0;
        for (j = 1; j < k && i + j < n; j++)
            if ((b[i + j] & 0xC0) != 0x80)
                return 0;
        if (i + k > n)
            return 1;           /* cut in its last character */
        for (j = 1; j < k; j++)
            if ((b[i + j] & 0xC0) != 0x80)
                return 0;
        if ((k == 3 && c == 0xE0 && b[i + 1] < 0xA0) || (k == 3 && c == 0xED && b[i + 1] >= 0xA0) ||
            (k == 4 && c == 0xF0 && b[i + 1] < 0x90) || (k == 4 && c == 0xF4 && b[i + 1] >= 0x90))
            return 0;
        i += k;
    }
    return 1;
}

/* CP949's second byte (Microsoft's unified Hangul code; EUC-KR's is
 * 0xA1-0xFE, a subset). */
static int cp949_trail(unsigned char c)
{
    return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x81 && c <= 0xFE);
}

int codepage_qp_held(const char *text, size_t len, size_t at)
{
    size_t start = at, end = at;

    if (token_at(text, len, at, "=", 1) < 0)
        return 0;
    while (start >= 3 && token_at(text, len, start - 3, "=", 1) >= 0 && at - start < 3 * RUN_MAX)
        start -= 3;
    while (token_at(text, len, end, "=", 1) >= 0 && end - at < 3 * RUN_MAX)
        end += 3;
    return (start >= 2 && text[start - 2] == '=' && text[start - 1] == '\n') ||
           (start >= 3 && text[start - 3] == '=' && text[start - 2] == '\r' && text[start - 1] == '\n') ||
           (end + 1 < len && text[end] == '=' && (text[end + 1] == '\n' || text[end + 1] == '\r'));
}

size_t codepage_cp949_run(char *o, size_t *n, const char *text, size_t len, size_t at,
                          const char *pre)
{
    size_t plen = strlen(pre), step = plen + 2, start = at, end, nb = 0, i, want = 0;
    unsigned char b[RUN_MAX];
    int v, found = 0, pairs = 0;

    *n = 0;
    if ((v = token_at(text, len, at, pre, plen)) < 0x81 || v == 0xFF)
        return 0;
    while (start >= step && token_at(text, len, start - step, pre, plen) >= 0 &&
           (at - start) / step < RUN_MAX)
        start -= step;
    for (end = start; nb < RUN_MAX && (v = token_at(text, len, end, pre, plen)) >= 0; end += step)
        b[nb++] = (unsigned char)v;

    if (nb == RUN_MAX || nb < 2 || utf8_ok(b, nb))
        return 0;
    want = (at - start) / step;
    for (i = 0; i < nb;) {
        if (b[i] < 0x80) {
            i++;
            continue;
        }
        if (b[i] < 0x81 || b[i] == 0xFF || i + 1 >= nb || !cp949_trail(b[i + 1]))
            return 0;
        if (i == want)
            found = 1;
        pairs++;
        i += 2;
    }
    /* two characters at least: one pair is too often something else */
    if (!found || pairs < 2 || (*n = codepage_to_utf8(o, 8, "CP949", b + want, 2)) == 0)
        return *n = 0, 0;
    return 2 * step;
}

int codepage_run_ambiguous(const char *s, size_t len)
{
    unsigned char b[RUN_MAX];
    size_t i = 0, nb = 0, high = 0, plen;
    int v;

    while (i < len && nb < RUN_MAX) {
        if (s[i] == ' ') {
            i++;
            continue;
        }
        plen = s[i] == '%' ? 1 : s[i] == '\\' && i + 1 < len && s[i + 1] == 'x' ? 2 : 0;
        if (plen == 0 || (v = token_at(s, len, i, plen == 1 ? "%" : "\\x", plen)) < 0)
            return 0;           /* RTF's \'hh, \uN...: their document names the code page */
        b[nb++] = (unsigned char)v, high += v >= 0x80;
        i += plen + 2;
    }
    return i == len && high >= 2 && !utf8_ok(b, nb);
}
