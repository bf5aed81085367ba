#include "util/text.h"

#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

int text_check(const char *s, size_t len, int multiline, const char *what,
               struct err *e)
{
    size_t i = 0;

    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            return err_set(e, EXIT_INPUT, "%s is not valid UTF-8 (byte %zu)", what, i);
        if (cp == 0)
            return err_set(e, EXIT_INPUT, "%s contains a NUL byte", what);
        if ((cp < 0x20 || cp == 0x7f) &&
            !(multiline && (cp == '\n' || cp == '\r' || cp == '\t')))
            return err_set(e, EXIT_INPUT, "%s contains a control character", what);
        i += (size_t)n;
    }
    return 0;
}

int text_blank(const char *s)
{
    return s[strspn(s, " \t\r\n")] == '\0';
}

/* 1 if the code point must be shown escaped on a terminal line. */
static int hidden_cp(utf8proc_int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CN:
        return 1;
    default:
        return 0;
    }
}

int text_hidden_mark(unsigned long c)
{
    if (c == 0x061c || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
        (c >= 0x2066 && c <= 0x2069) || c == 0xfeff)
        return 1;
    /* variation selectors change a visible glyph (Mongolian script's free
     * variation selectors, emoji), and so does the Mongolian vowel
     * separator U+180E (the shape of the vowel after it: ᠪᠠᠶᠢᠨ᠎ᠠ): they stay */
    if (c > 0x10ffff || (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xe0100 && c <= 0xe01ef) ||
        (c >= 0x180b && c <= 0x180f))
        return 0;
    /* and what the escaper shows as \u{...}: format characters (U+FFF9,
     * U+13430), line and paragraph separators, private use, unassigned
     * code points (report-adv36 I-1, I-2) */
    return utf8proc_get_property((utf8proc_int32_t)c)->ignorable ||
           hidden_cp((utf8proc_int32_t)c);
}

/* 1 if the code point shows as nothing on a line: a space of any width
 * (Unicode category Zs), a tab, the Braille blank U+2800, or a default
 * ignorable one (the Hangul fillers among them). */
static int blank_cp(utf8proc_int32_t cp)
{
    return cp == '\t' || cp == 0x2800 || utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS ||
           utf8proc_get_property(cp)->ignorable;
}

int text_shows_nothing(const char *s, size_t len)
{
    size_t i = 0;

    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0 || !blank_cp(cp))
            return 0;
        i += (size_t)n;
    }
    return 1;
}

int text_check_field(const char *s, size_t len, const char *what, struct err *e)
{
    size_t i = 0;

    if (text_check(s, len, 0, what, e) != 0)
        return -1;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            break;
        if (text_hidden_mark((unsigned long)cp))
            return err_set(e, EXIT_INPUT, "%s contains an invisible or direction-changing "
                           "character (U+%04X); type it without", what, (unsigned)cp);
        i += (size_t)n;
    }
    /* spaces of other widths only (U+3000, U+2007, U+00A0, U+2800): a field
     * that shows nothing (report-adv35f I-1); ASCII spaces alone are each
     * field's own rule, as before */
    if (len > 0 && text_shows_nothing(s, len) && strspn(s, " \t") < len)
        return err_set(e, EXIT_INPUT, "%s shows nothing (only blank characters); type it with "
                       "letters", what);
    return 0;
}


/* The shown form of the character (or invalid byte) at s[0..n) into rep. */
static void show_char(char rep[16], const char *s, utf8proc_ssize_t n, utf8proc_int32_t cp)
{
    if (n <= 0)
        snprintf(rep, 16, "\\x%02X", (unsigned char)s[0]);
    else if (cp == '\n' || cp == '\r' || cp == '\t')
        snprintf(rep, 16, "\\%c", cp == '\n' ? 'n' : cp == '\r' ? 'r' : 't');
    else if (cp < 0x20 || cp == 0x7f)
        snprintf(rep, 16, "\\x%02X", (unsigned)cp);
    else if (hidden_cp(cp))
        snprintf(rep, 16, "\\u{%04X}", (unsigned)cp);
    else
        snprintf(rep, 16, "%.*s", (int)n, s);
}

size_t text_terminal_safe(char *out, size_t outlen, const char *s, size_t len)
{
    static const char cut[] = "...";
    size_t i = 0, o = 0, mark = 0;   /* mark: the longest output "..." still fits after */

    if (outlen == 0)
        return 0;
    while (i < len) {
        char rep[16];
        utf8proc_int32_t cp = -1;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        size_t rl;

        show_char(rep, s + i, n, cp);
        rl = strlen(rep);
        if (o + rl >= outlen) {
            o = mark;
            if (o + sizeof cut <= outlen) {
                memcpy(out + o, cut, sizeof cut - 1);
                o += sizeof cut - 1;
            }
            break;
        }
        memcpy(out + o, rep, rl);
        o += rl;
        i += n > 0 ? (size_t)n : 1;
        if (o + sizeof cut <= outlen)
            mark = o;
    }
    out[o] = '\0';
    return o;
}

int text_normal_form(char **out, size_t *outlen, const char *in, size_t len,
                     enum text_form form, struct err *e)
{
    const utf8proc_option_t opts = UTF8PROC_STABLE |
                                   (form == TEXT_NFC ? UTF8PROC_COMPOSE : UTF8PROC_DECOMPOSE);
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)in;
    utf8proc_ssize_t n, got;
    utf8proc_int32_t *buf;

    *out = NULL;
    *outlen = 0;
    if (len > SIZE_MAX / 16)
        return 1;
    n = utf8proc_decompose(u, (utf8proc_ssize_t)len, NULL, 0, opts);
    if (n < 0)
        return 1;
    /* Code points, then their UTF-8 (at most 4 bytes each) and a NUL in
     * the same locked buffer. */
    buf = sodium_malloc((size_t)n * sizeof *buf + 1);
    if (buf == NULL)
        return err_set(e, EXIT_INPUT, "out of secure memory");
    got = utf8proc_decompose(u, (utf8proc_ssize_t)len, buf, n, opts);
    if (got == n)
        got = utf8proc_reencode(buf, n, opts);
    if (got < 0 || got > n * (utf8proc_ssize_t)sizeof *buf) {
        sodium_free(buf);
        return err_set(e, EXIT_INPUT, "cannot normalise the text");
    }
    *out = (char *)buf;
    *outlen = (size_t)got;
    return 0;
}

size_t text_columns(const char *s)
{
    size_t cols = 0, len = strlen(s);

    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            cols++, i++;
            continue;
        }
        int w = utf8proc_charwidth(cp);
        cols += w > 0 ? (size_t)w : 0;
        i += (size_t)n;
    }
    return cols;
}

long text_sorted_find(const char *const *sorted, size_t n, const char *s, size_t len)
{
    size_t lo = 0, hi = n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strncmp(sorted[mid], s, len);
        if (c == 0 && sorted[mid][len] != '\0')
            c = 1;
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

size_t text_chars(const char *s, size_t len)
{
    size_t n = 0;

    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}
