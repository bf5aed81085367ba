/* Escapes of programming languages and of e-mail read as what they stand
 * for (escapes.h).  Each form is bounded: a fixed number of hex digits, a
 * closing brace, valid UTF-8, or an encoded-word's own delimiters. */
#include "privacy/escapes.h"

#include <string.h>
#include <strings.h>

#include "privacy/codepage.h"

int escape_hexval(unsigned char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

size_t escape_put_utf8(char *o, unsigned cp)
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

int escape_valid_utf8(const unsigned char *s, size_t n)
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

static int is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int escape_name_ascii(unsigned char c)
{
    return is_alnum(c) || c == ' ' || c == '-' || c == '\'' || c == '.' || c == '_' ||
           c == '+' || c == '@';
}

/* UTF-8 length from a lead byte, 0 if it cannot lead. */
static size_t lead_len(unsigned char b)
{
    return b < 0x80 ? 1 : b >= 0xF5 ? 0 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
}

/* `digits` hex digits at s[0..len) (len checked): their value, or -1. */
static long hex_fixed(const char *s, size_t len, size_t digits)
{
    long v = 0;
    int d;

    if (len < digits)
        return -1;
    for (size_t i = 0; i < digits; i++) {
        if ((d = escape_hexval((unsigned char)s[i])) < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

static int cp_ok(long v)
{
    return v > 0 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF);
}

/* "{H..H}" (1 to 6 hex digits) at s: the code point in *cp and the length,
 * or 0. */
static size_t braced(unsigned *cp, const char *s, size_t len)
{
    size_t i;
    long v = 0;
    int d;

    if (len < 3 || s[0] != '{')
        return 0;
    for (i = 1; i < len && i <= 7 && (d = escape_hexval((unsigned char)s[i])) >= 0; i++)
        v = v * 16 + d;
    if (i == 1 || i > 7 || i >= len || s[i] != '}' || !cp_ok(v))
        return 0;
    *cp = (unsigned)v;
    return i + 1;
}

/* A UTF-16 escape at s (pre is "\\u" or "%u", then four hex digits), a
 * surrogate pair written as two of them: the code point and the length. */
static size_t utf16_escape(unsigned *cp, const char *s, size_t len, const char *pre)
{
    long hi = hex_fixed(s + 2, len - 2, 4), lo;

    if (hi < 0)
        return 0;
    if (hi >= 0xD800 && hi <= 0xDBFF) {
        if (len < 12 || s[6] != pre[0] || s[7] != pre[1] ||
            (lo = hex_fixed(s + 8, len - 8, 4)) < 0xDC00 || lo > 0xDFFF)
            return 0;
        *cp = (unsigned)(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
        return 12;
    }
    if (!cp_ok(hi))
        return 0;
    *cp = (unsigned)hi;
    return 6;
}

/* One character written as byte escapes (pre then two hex digits per
 * byte: "\\x" or "="): its bytes in o and the length, or 0.  qp: an ASCII
 * character only if it separates words (quoted-printable never needs to
 * encode a letter or digit, and "n=30" is not one). */
static size_t byte_escapes(char *o, size_t *n, const char *s, size_t len, const char *pre, int qp)
{
    size_t plen = strlen(pre), step = plen + 2, want = 0, k;
    long b;

    for (k = 0; k < 4 && step * (k + 1) <= len && memcmp(s + step * k, pre, plen) == 0; k++) {
        if ((b = hex_fixed(s + step * k + plen, len - step * k - plen, 2)) < 0)
            return 0;
        o[k] = (char)b;
        if (k == 0) {
            want = lead_len((unsigned char)b);
            if (want == 0 || (want == 1 && (!escape_name_ascii((unsigned char)b) ||
                                            (qp && is_alnum((unsigned char)b)))))
                return 0;
        }
        if (k + 1 == want) {
            if (!escape_valid_utf8((const unsigned char *)o, want))
                return 0;
            *n = want;
            return step * want;
        }
    }
    return 0;
}

static int ascii_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A letter of a word: ASCII, or a byte of a UTF-8 sequence (Cyrillic,
 * Hangul). */
static int word_letter(unsigned char c)
{
    return ascii_letter(c) || c >= 0x80;
}

/* JSON's line break or tab escapes ("\\n", "\\t", "\\r", "\\r\\n") between
 * two letters: a space between two words of a pasted JSON string
 * ({"employer": "Lada\\nWorks"}, report-adv17a D-32), as the line break
 * itself is in plain text.  Their length, or 0 (not after a letter, not
 * before one: "C:\\new", "\\n\\n", "x\\n1" stay). */
static size_t letter_break(const char *s, size_t len, unsigned char prev)
{
    size_t k = 0;

    while (k + 1 < len && k < 4 && s[k] == '\\' && (s[k + 1] == 'n' || s[k + 1] == 't' || s[k + 1] == 'r'))
        k += 2;
    if (k == 0 || k >= len || !word_letter(prev) || !word_letter((unsigned char)s[k]))
        return 0;
    return k;
}

/* Quoted-printable escapes at s that each encode an ASCII character of a
 * name (escape_name_ascii), two or more in a row with a letter among
 * them ("=4B=69=6D" is Kim: report-adv17a D-39; a lone "n=30" or "x=41"
 * stays): all of them into o, the run's length returned; 0 if none.  At
 * most QP_RUN_MAX escapes at once (the rest is the next run). */
#define QP_RUN_MAX 64
static size_t qp_ascii_run(char *o, size_t *n, const char *s, size_t len)
{
    size_t k = 0;
    long b;
    int letter = 0;

    while (k / 3 < QP_RUN_MAX && k + 3 <= len && s[k] == '=' &&
           (b = hex_fixed(s + k + 1, len - k - 1, 2)) > 0 && b < 0x80 &&
           escape_name_ascii((unsigned char)b)) {
        o[k / 3] = (char)b;
        letter |= ascii_letter((unsigned char)b);
        k += 3;
    }
    if (k < 6 || !letter)
        return 0;
    *n = k / 3;
    return k;
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A quoted-printable soft line break "=\n" or "=\r\n" inside a word (no
 * white space before it or after it). */
static size_t soft_break(const char *s, size_t len, unsigned char prev)
{
    size_t k = len >= 2 && s[1] == '\n' ? 2 : len >= 3 && s[1] == '\r' && s[2] == '\n' ? 3 : 0;

    if (k == 0 || prev == 0 || is_space(prev) || k >= len || is_space((unsigned char)s[k]))
        return 0;
    return k;
}

static int b64val(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26
         : c >= '0' && c <= '9' ? c - '0' + 52 : c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* Base64 t[0..tlen) (padding optional) into o: the byte count, or -1. */
static long base64_text(unsigned char *o, const char *t, size_t tlen)
{
    size_t i, n = 0;
    unsigned acc = 0;
    int bits = 0, v;

    while (tlen > 0 && t[tlen - 1] == '=')
        tlen--;
    if (tlen % 4 == 1)
        return -1;
    for (i = 0; i < tlen; i++) {
        if ((v = b64val((unsigned char)t[i])) < 0)
            return -1;
        acc = acc << 6 | (unsigned)v, bits += 6;
        if (bits >= 8)
            bits -= 8, o[n++] = (unsigned char)(acc >> bits);
        acc &= (1u << bits) - 1;
    }
    return (long)n;
}

/* RFC 2047's Q encoding t[0..tlen) into o: the byte count, or -1. */
static long q_text(unsigned char *o, const char *t, size_t tlen)
{
    size_t i, n = 0;
    long b;

    for (i = 0; i < tlen; i++) {
        if (t[i] == '_')
            o[n++] = ' ';
        else if (t[i] == '=') {
            if ((b = hex_fixed(t + i + 1, tlen - i - 1, 2)) < 0)
                return -1;
            o[n++] = (unsigned char)b, i += 2;
        } else
            o[n++] = (unsigned char)t[i];
    }
    return (long)n;
}

enum charset { CS_NONE, CS_UTF8, CS_ASCII, CS_LATIN1 };

static enum charset charset_of(const char *c, size_t clen)
{
    const char *star = memchr(c, '*', clen);        /* RFC 2231 language: "UTF-8*ko" */

    if (star != NULL)
        clen = (size_t)(star - c);
    if ((clen == 5 && strncasecmp(c, "UTF-8", 5) == 0) || (clen == 4 && strncasecmp(c, "UTF8", 4) == 0))
        return CS_UTF8;
    if (clen == 8 && strncasecmp(c, "US-ASCII", 8) == 0)
        return CS_ASCII;
    if ((clen == 10 && strncasecmp(c, "ISO-8859-1", 10) == 0) || (clen == 6 && strncasecmp(c, "LATIN1", 6) == 0))
        return CS_LATIN1;
    return CS_NONE;
}

/* Decoded bytes b[0..bn) of charset cs as UTF-8 in o: the count, or 0 if
 * they are not valid text (or hold a control character). */
static size_t word_text(char *o, const unsigned char *b, size_t bn, enum charset cs)
{
    size_t i = 0, n = 0, k;

    while (i < bn) {
        if (b[i] < 0x20 || b[i] == 0x7F)
            return 0;
        if (b[i] < 0x80 || cs == CS_LATIN1) {
            if (b[i] >= 0x80 && (cs == CS_ASCII || b[i] < 0xA0))
                return 0;
            n += escape_put_utf8(o + n, b[i++]);
            continue;
        }
        if (cs != CS_UTF8 || (k = lead_len(b[i])) < 2 || i + k > bn ||
            !escape_valid_utf8(b + i, k))
            return 0;
        memcpy(o + n, b + i, k), n += k, i += k;
    }
    return n;
}

/* An encoded-word "=?charset?B|Q?text?=" at s: its text in o[0..*n) and
 * its length, or 0. */
static size_t encoded_word(char *o, size_t *n, const char *s, size_t len)
{
    unsigned char raw[ESCAPE_MAX_WORD];
    char other[48];
    const char *c = s + 2, *q, *t, *end;
    size_t lim = len < 2 + 41 + 3 + ESCAPE_MAX_WORD + 2 ? len : 2 + 41 + 3 + ESCAPE_MAX_WORD + 2;
    enum charset cs;
    long bn;

    if (len < 8 || s[0] != '=' || s[1] != '?' ||
        (q = memchr(c, '?', (size_t)(s + lim - c))) == NULL || q == c || q - c > 40 ||
        q + 3 > s + lim || q[2] != '?')
        return 0;
    /* another charset (EUC-KR, ks_c_5601-1987, windows-1251...): iconv */
    if ((cs = charset_of(c, (size_t)(q - c))) == CS_NONE &&
        codepage_mime_name(other, sizeof other, c, (size_t)(q - c)) == NULL)
        return 0;
    t = q + 3;
    for (end = t; end < s + lim && *end != '?'; end++)
        if (is_space((unsigned char)*end) || (unsigned char)*end >= 0x80 || *end < 0x20)
            return 0;
    if (end == t || end >= s + lim || *end != '?' || end + 1 >= s + len || end[1] != '=' || (size_t)(end - t) > ESCAPE_MAX_WORD)
        return 0;
    if (q[1] == 'B' || q[1] == 'b')
        bn = base64_text(raw, t, (size_t)(end - t));
    else if (q[1] == 'Q' || q[1] == 'q')
        bn = q_text(raw, t, (size_t)(end - t));
    else
        return 0;
    if (bn <= 0)
        return 0;
    *n = cs != CS_NONE ? word_text(o, raw, (size_t)bn, cs)
                       : codepage_to_utf8(o, ESCAPE_MAX_OUT, other, raw, (size_t)bn);
    if (*n == 0 || *n > ESCAPE_MAX_OUT)
        return 0;
    return (size_t)(end + 2 - s);
}

/* An encoded-word, and the white space after it when another follows
 * (RFC 2047 6.2: white space between encoded-words is not shown). */
static size_t encoded_words(char *o, size_t *n, const char *s, size_t len)
{
    char next[ESCAPE_MAX_OUT];
    size_t k = encoded_word(o, n, s, len), j, nn;

    if (k == 0)
        return 0;
    for (j = k; j < len && is_space((unsigned char)s[j]); j++)
        ;
    if (j > k && encoded_word(next, &nn, s + j, len - j) > 0)
        return j;
    return k;
}

/* ---- Escapes of other syntaxes (report adv12 A-1) ---- */

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Windows-1251 bytes 0x80-0xBF (Microsoft's table, cp1251.txt of the
 * Unicode consortium's mappings); 0xC0-0xFF are U+0410-U+044F. 0: none. */
static const unsigned short cp1251_high[64] = {
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409,
    0x2039, 0x040A, 0x040C, 0x040B, 0x040F, 0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, 0x00A0, 0x040E,
    0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC,
    0x00AD, 0x00AE, 0x0407, 0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
    0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
};

/* RTF's hex byte escape \'hh at s: the byte, or -1. */
static long rtf_byte(const char *s, size_t len)
{
    return len >= 4 && s[0] == '\\' && s[1] == '\'' ? hex_fixed(s + 2, len - 2, 2) : -1;
}

/* RTF \'hh escapes: one character in Windows-1251 (codepage 1251, from
 * the document's \ansicpg1251) or one UTF-8 character written as bytes. */
static size_t rtf_bytes(char *o, size_t *n, const char *s, size_t len, int codepage)
{
    long b = rtf_byte(s, len);

    if (b < 0)
        return 0;
    if (b < 0x80) {         /* an ASCII letter: the same in every code page (adv16a A-4) */
        if (!escape_name_ascii((unsigned char)b))
            return 0;
        o[0] = (char)b, *n = 1;
        return 4;
    }
    if (codepage == 1251) {
        unsigned cp = b >= 0xC0 ? (unsigned)(0x410 + b - 0xC0) : cp1251_high[b - 0x80];
        if (cp == 0)
            return 0;
        *n = escape_put_utf8(o, cp);
        return 4;
    }
    if (codepage != 0) {                /* \ansicpg949, 936, 1252...: iconv */
        unsigned char bytes[CODEPAGE_MAX_CHAR];
        size_t nb = 0, k;
        long v;

        while (nb < CODEPAGE_MAX_CHAR && 4 * (nb + 1) <= len &&
               (v = rtf_byte(s + 4 * nb, len - 4 * nb)) >= 0)
            bytes[nb++] = (unsigned char)v;
        if ((k = codepage_char(o, n, codepage, bytes, nb)) > 0)
            return 4 * k;
    }
    return byte_escapes(o, n, s, len, "\\'", 0);
}

/* RTF's \uN at s (N decimal, signed 16-bit: -20928 is U+AE40) and the
 * replacement a reader skips after it: '?' or one or two \'hh (after an
 * optional space, the control word's delimiter): the UTF-16 unit in *v
 * and the length, or 0.  Taken as RTF, not as JSON's \uHHHH, when a
 * replacement follows, N is negative or has five digits. */
static size_t rtf_unit(long *v, int *replp, const char *s, size_t len)
{
    size_t i = 2, d0, k;
    int neg = 0, repl = 0;

    *replp = 0;
    *v = 0;
    if (len < 3 || s[0] != '\\' || s[1] != 'u')
        return 0;
    if (s[i] == '-')
        neg = 1, i++;
    for (d0 = i; i < len && i - d0 < 6 && is_digit((unsigned char)s[i]); i++)
        *v = *v * 10 + (s[i] - '0');
    if (i == d0 || (i < len && is_digit((unsigned char)s[i])) || *v > (neg ? 32768 : 65535))
        return 0;
    if (neg && *v == 0)
        return 0;
    if (neg)
        *v = 65536 - *v;
    k = i;
    if (k + 1 < len && s[k] == ' ' && (s[k + 1] == '?' || rtf_byte(s + k + 1, len - k - 1) >= 0))
        k++;
    if (k < len && s[k] == '?')
        k++, repl = 1;
    else
        for (int j = 0; j < 2 && rtf_byte(s + k, len - k) >= 0; j++)
            k += 4, repl = 1;
    *replp = repl;
    return repl || neg || i - d0 == 5 ? k : 0;
}

/* One character written as RTF \uN (a surrogate pair as two of them). */
static size_t rtf_unicode(unsigned *cp, const char *s, size_t len)
{
    long v, lo;
    int repl, repl2;
    size_t k = rtf_unit(&v, &repl, s, len), k2;

    if (k == 0)
        return 0;
    if (v >= 0xD800 && v <= 0xDBFF) {
        if ((k2 = rtf_unit(&lo, &repl2, s + k, len - k)) == 0 || lo < 0xDC00 || lo > 0xDFFF)
            return 0;
        *cp = (unsigned)(0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00));
        return k + k2;
    }
    /* an ASCII letter with its replacement (\u115?: adv16a A-4) is RTF's */
    if ((v < 0x80 && !(repl && v > 0 && escape_name_ascii((unsigned char)v))) ||
        (v >= 0xDC00 && v <= 0xDFFF))
        return 0;
    *cp = (unsigned)v;
    return k;
}

/* A code point a CSS or SQL escape may stand for: a character past
 * Latin-1's symbols (ASCII, controls and symbols are written plain, and
 * "\1" or "\def" is a back-reference or a macro, not a letter). */
static int css_cp_ok(long v)
{
    return v >= 0xC0 && cp_ok(v) && !(v >= 0x300 && v <= 0x36F);
}

/* The core of a CSS escape at s (backslash, 1 to 6 hex digits): the code
 * point and the length, without its delimiter, or 0. */
static size_t css_core(unsigned *cp, const char *s, size_t len)
{
    size_t i;
    long v = 0;
    int d;

    if (len < 2 || s[0] != '\\')
        return 0;
    for (i = 1; i < len && i <= 6 && (d = escape_hexval((unsigned char)s[i])) >= 0; i++)
        v = v * 16 + d;
    if (i == 1 || !css_cp_ok(v))
        return 0;
    *cp = (unsigned)v;
    return i;
}

/* A CSS escape (\AE40, ending at six digits or with one white space it
 * takes) or SQL's U&'\AE40' and \+00AE40: bounded so that a file path
 * is not read ("C:\bada\docs"): the escape ends with white space, the
 * text's end, a character other than a letter, digit or backslash, or
 * another escape of its kind. */
static size_t css_escape(unsigned *cp, const char *s, size_t len)
{
    unsigned next;
    size_t k;
    long v;

    if (len >= 8 && s[1] == '+') {
        if ((v = hex_fixed(s + 2, len - 2, 6)) < 0 || !css_cp_ok(v))
            return 0;
        *cp = (unsigned)v;
        return 8;
    }
    if ((k = css_core(cp, s, len)) == 0)
        return 0;
    if (k == len || s[k] == ' ' || s[k] == '\t' || s[k] == '\n')
        return k < len ? k + 1 : k;
    if (s[k] == '\\')
        return css_core(&next, s + k, len - k) > 0 || (len - k >= 2 && s[k + 1] == '+') ? k : 0;
    return is_alnum((unsigned char)s[k]) ? 0 : k;
}

/* Octal byte escapes (\352\271\200: C, Python's bytes, PostgreSQL's
 * bytea) that make one UTF-8 character of two to four bytes. */
static size_t octal_escapes(char *o, size_t *n, const char *s, size_t len)
{
    size_t want = 0, k;

    for (k = 0; k < 4 && 4 * (k + 1) <= len && s[4 * k] == '\\'; k++) {
        const char *d = s + 4 * k + 1;
        if (d[0] < '0' || d[0] > '3' || d[1] < '0' || d[1] > '7' || d[2] < '0' || d[2] > '7')
            return 0;
        o[k] = (char)((d[0] - '0') << 6 | (d[1] - '0') << 3 | (d[2] - '0'));
        if (k == 0 && (want = lead_len((unsigned char)o[0])) < 2)
            return 0;
        if (k + 1 == want) {
            if (!escape_valid_utf8((const unsigned char *)o, want))
                return 0;
            *n = want;
            return 4 * want;
        }
    }
    return 0;
}

/* The escapes that begin with a backslash and are not JSON's, Perl's or
 * \x bytes: RTF's \uN? and \'hh, Python's \UHHHHHHHH, octal bytes, CSS
 * and SQL. */
static size_t other_escape(char *o, size_t *n, const char *s, size_t len, int codepage)
{
    unsigned cp;
    size_t k;
    long v;

    if (s[1] == '\'')
        return rtf_bytes(o, n, s, len, codepage);
    if (s[1] == 'U') {
        if ((v = hex_fixed(s + 2, len - 2, 8)) < 0 || !cp_ok(v))
            return 0;
        *n = escape_put_utf8(o, (unsigned)v);
        return 10;
    }
    if ((k = octal_escapes(o, n, s, len)) > 0)
        return k;
    if ((k = css_escape(&cp, s, len)) > 0)
        *n = escape_put_utf8(o, cp);
    return k;
}

size_t escape_ref(char *o, size_t *n, const char *s, size_t len, unsigned char prev)
{
    return escape_ref_cp(o, n, s, len, prev, 0);
}

size_t escape_ref_cp(char *o, size_t *n, const char *s, size_t len, unsigned char prev,
                     int codepage)
{
    unsigned cp;
    size_t k;

    *n = 0;
    if (len < 2)
        return 0;
    if (s[0] == '\\' && s[1] == 'u' && (k = rtf_unicode(&cp, s, len)) > 0) {
        *n = escape_put_utf8(o, cp);
        return k;
    }
    if ((k = letter_break(s, len, prev)) > 0) {
        o[0] = ' ', *n = 1;
        return k;
    }
    if (s[0] == '\\' && s[1] != 'u' && s[1] != 'x')
        return other_escape(o, n, s, len, codepage);
    if (s[0] == '\\' && (s[1] == 'u' || s[1] == 'x')) {
        if ((k = braced(&cp, s + 2, len - 2)) > 0) {               /* \u{AE40} \x{AE40} */
            *n = escape_put_utf8(o, cp);
            return k + 2;
        }
        if (s[1] == 'u' && (k = utf16_escape(&cp, s, len, "\\u")) > 0) {
            *n = escape_put_utf8(o, cp);
            return k;
        }
        return s[1] == 'x' ? byte_escapes(o, n, s, len, "\\x", 0) : 0;
    }
    if (s[0] == '%' && s[1] == 'u' && (k = utf16_escape(&cp, s, len, "%u")) > 0) {
        *n = escape_put_utf8(o, cp);
        return k;
    }
    if (s[0] != '=')
        return 0;
    if (s[1] == '?')
        return encoded_words(o, n, s, len);
    if (s[1] == '\n' || s[1] == '\r')
        return soft_break(s, len, prev);
    /* =HH of a letter between two letters ("Sukh=62aatar", report-adv15
     * R-11), read as %62 and \x62 are; "n=30", "x=41 " stay. */
    if (len >= 4 && ascii_letter(prev) && ascii_letter((unsigned char)s[3])) {
        long b = hex_fixed(s + 1, len - 1, 2);
        if (b > 0 && ascii_letter((unsigned char)b)) {
            o[0] = (char)b, *n = 1;
            return 3;
        }
    }
    if ((k = qp_ascii_run(o, n, s, len)) > 0)
        return k;
    return byte_escapes(o, n, s, len, "=", 1);
}

int escape_maybe(const char *s, size_t len)
{
    if (len < 3)
        return 0;
    if (s[0] == '\\' && (s[1] == 'n' || s[1] == 't' || s[1] == 'r'))
        return 1;
    if (s[0] == '\\')
        return ((s[1] == 'u' || s[1] == 'x') && (s[2] == '{' || s[2] == '-' ||
                                                  escape_hexval((unsigned char)s[2]) >= 0)) ||
               (s[1] == 'U' && escape_hexval((unsigned char)s[2]) >= 0) ||
               (s[1] == '\'' && escape_hexval((unsigned char)s[2]) >= 0) ||
               (s[1] == '+' && escape_hexval((unsigned char)s[2]) >= 0) ||
               escape_hexval((unsigned char)s[1]) >= 0;
    if (s[0] == '%')
        return s[1] == 'u' && escape_hexval((unsigned char)s[2]) >= 0;
    return s[0] == '=' && (s[1] == '?' || s[1] == '\n' || s[1] == '\r' ||
                           (escape_hexval((unsigned char)s[1]) >= 0 &&
                            escape_hexval((unsigned char)s[2]) >= 0));
}

/* ---- Escapes left undecoded (report adv12 A-1's net) ---- */

static int lower_hex(unsigned char c)
{
    return escape_hexval(c) >= 0;
}

/* The length of the escape-looking token at s[0..len), or 0: a backslash,
 * an optional u, x or ' and an optional '-', then 2 to 8 hex digits and
 * an optional '?' (RTF's replacement), not followed by a letter or digit
 * (\\u44608?, \\'b1, \\352, \\xb1, \\AE40); or '%' and a byte of 0x80 or
 * more (%B1: percent-encoding of a legacy code page). */
static size_t escape_token(const char *s, size_t len)
{
    size_t i = 1, d0;

    if (len < 3)
        return 0;
    if (s[0] == '%')
        return escape_hexval((unsigned char)s[1]) >= 8 && lower_hex((unsigned char)s[2]) ? 3 : 0;
    if (s[0] != '\\')
        return 0;
    if (s[i] == 'u' || s[i] == 'U' || s[i] == 'x' || s[i] == '\'')
        i++;
    if (i < len && s[i] == '-')
        i++;
    for (d0 = i; i < len && i - d0 < 8 && lower_hex((unsigned char)s[i]); i++)
        ;
    if (i - d0 < 2)
        return 0;
    if (i < len && s[i] == '?')
        i++;
    else if (i < len && is_alnum((unsigned char)s[i]))
        return 0;
    return i;
}

size_t escape_run(const char *s, size_t len, size_t *ntok)
{
    size_t at = 0, k, n = 0, end = 0;

    while ((k = escape_token(s + at, len - at)) > 0) {
        n++, at += k, end = at;
        if (at < len && s[at] == ' ' && at + 1 < len && (s[at + 1] == '\\' || s[at + 1] == '%'))
            at++;
    }
    if (ntok != NULL)
        *ntok = n;
    return n >= ESCAPE_RUN_MIN ? end : 0;
}

size_t escape_word_shape(const char *s, size_t len)
{
    int b64;
    size_t i = 2, c0, lim = len < 2 + 41 + 3 + 2 * ESCAPE_MAX_WORD + 2 ? len : 2 + 41 + 3 + 2 * ESCAPE_MAX_WORD + 2;

    if (len < 8 || s[0] != '=' || s[1] != '?')
        return 0;
    for (c0 = i; i < lim && i - c0 <= 40 && (is_alnum((unsigned char)s[i]) || s[i] == '-' ||
                                           s[i] == '_' || s[i] == '.' || s[i] == ':' || s[i] == '*');
         i++)
        ;
    if (i == c0 || i + 3 > lim || s[i] != '?' || ((s[i + 1] | 0x20) != 'b' && (s[i + 1] | 0x20) != 'q') ||
        s[i + 2] != '?')
        return 0;
    for (b64 = (s[i + 1] | 0x20) == 'b', i += 3; i + 1 < lim && !(s[i] == '?' && s[i + 1] == '='); i++)
        if (is_space((unsigned char)s[i]) || (unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x80 ||
            (b64 && b64val((unsigned char)s[i]) < 0 && s[i] != '='))
            return 0;           /* "=?UTF-8?B?!!!?=" holds no text */
    return i + 1 < lim ? i + 2 : 0;
}
