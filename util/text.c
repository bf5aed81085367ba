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

static int in_ranges(unsigned long c, const unsigned long (*r)[2], size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (c >= r[i][0] && c <= r[i][1])
            return 1;
    return 0;
}

#define IN(c, tab) in_ranges((c), (tab), sizeof (tab) / sizeof (tab)[0])

/* The blocks of the scripts whose letters ZWJ and ZWNJ shape (Unicode
 * 15's Blocks.txt; the joining scripts of ArabicShaping.txt and the
 * Brahmic ones with a virama): Arabic (with its supplements and
 * presentation forms: Persian نیک‌نام), Syriac, N'Ko, Mongolian,
 * Devanagari to Malayalam and Sinhala, Myanmar, Khmer, Phags-pa. */
static const unsigned long joining_blocks[][2] = {
    {0x0600, 0x06FF}, {0x0700, 0x074F}, {0x0750, 0x077F}, {0x07C0, 0x07FF},
    {0x0860, 0x08FF}, {0x0900, 0x0DFF}, {0x1000, 0x109F}, {0x1780, 0x17FF},
    {0x1800, 0x18AF}, {0xA840, 0xA87F}, {0xA9E0, 0xA9FF}, {0xAA60, 0xAA7F},
    {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF},
};

/* The characters StandardizedVariants.txt (Unicode 15, Debian's
 * unicode-data) gives variants with VS1..VS3 (U+FE00..U+FE02; no
 * sequence uses VS4..VS14), by block: CJK ideographs and their
 * punctuation and fullwidth forms, Egyptian hieroglyphs, Manichaean,
 * Myanmar, Phags-pa, the mathematical and letterlike script capitals,
 * the digit zero; and mathematical symbols (category Sm, below). */
static const unsigned long vs_blocks[][2] = {
    {0x0030, 0x0030}, {0x1000, 0x109F}, {0x2100, 0x214F}, {0x3000, 0x303F},
    {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA840, 0xA87F}, {0xA9E0, 0xA9FF},
    {0xAA60, 0xAA7F}, {0xF900, 0xFAFF}, {0xFF00, 0xFFEF}, {0x10AC0, 0x10AFF},
    {0x13000, 0x1342F}, {0x1D400, 0x1D7FF}, {0x20000, 0x3FFFF},
};

static const unsigned long han_blocks[][2] = {
    {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0x20000, 0x3FFFF},
};

static int letter_or_mark(unsigned long c)
{
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);

    return c <= 0x10ffff && k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_ME;
}

static int emoji(unsigned long c)
{
    return c <= 0x10ffff &&
           utf8proc_get_property((utf8proc_int32_t)c)->boundclass ==
               UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC;
}

static int mongolian_letter(unsigned long c)
{
    return c >= 0x1820 && c <= 0x18AA && letter_or_mark(c);
}

/* An emoji tag sequence (UTS #51, ED-14a; the subdivision flags of
 * emoji-sequences.txt: England, Scotland, Wales): the black flag U+1F3F4,
 * then tag digits and small tag letters (U+E0030..U+E0039,
 * U+E0061..U+E007A), then CANCEL TAG U+E007F.  U+1F3F4 is the only base
 * the RGI sequences use; other tag characters (capital tag letters, tag
 * punctuation, U+E0001) form no sequence a screen shows. */
#define TAG_BASE 0x1f3f4UL
#define TAG_CANCEL 0xe007fUL

static int tag_spec(unsigned long c)
{
    return (c >= 0xe0030 && c <= 0xe0039) || (c >= 0xe0061 && c <= 0xe007a);
}

/* -1 if c is no mark that shapes the character before it; else 1 if it
 * fits between prev and next (0 at either end of the text), 0 if not. */
static int mark_fits(unsigned long prev, unsigned long c, unsigned long next)
{
    if (c == 0x200c || c == 0x200d)     /* ZWNJ, ZWJ */
        return (letter_or_mark(prev) && letter_or_mark(next) && IN(prev, joining_blocks) &&
                IN(next, joining_blocks)) ||
               (c == 0x200d && (emoji(prev) || prev == 0xfe0f ||
                                (prev >= 0x1f3fb && prev <= 0x1f3ff)) && emoji(next));
    if (c == 0x180e)                    /* MVS: ᠪᠠᠶᠢᠨ᠎ᠠ */
        return mongolian_letter(prev) && mongolian_letter(next);
    if ((c >= 0x180b && c <= 0x180d) || c == 0x180f)    /* FVS1..4 */
        return mongolian_letter(prev);
    if (c == 0xfe0e || c == 0xfe0f)     /* VS15, VS16: emoji-variation-sequences.txt */
        return emoji(prev) || prev == '#' || prev == '*' || (prev >= '0' && prev <= '9');
    if (c >= 0xfe00 && c <= 0xfe02)
        return IN(prev, vs_blocks) ||
               (prev > 0 && prev <= 0x10ffff &&
                utf8proc_category((utf8proc_int32_t)prev) == UTF8PROC_CATEGORY_SM);
    if (c >= 0xfe03 && c <= 0xfe0d)
        return 0;
    if (c >= 0xe0100 && c <= 0xe01ef)   /* ideographic variation sequences */
        return IN(prev, han_blocks);
    if (tag_spec(c))                    /* a flag's tag letter or digit */
        return (prev == TAG_BASE || tag_spec(prev)) && (tag_spec(next) || next == TAG_CANCEL);
    if (c >= 0xe0000 && c <= 0xe007f)   /* CANCEL TAG ends a sequence; other tags nowhere */
        return c == TAG_CANCEL && tag_spec(prev);
    return -1;
}

int text_hidden_at(unsigned long prev, unsigned long c, unsigned long next)
{
    int fits = mark_fits(prev, c, next);

    if (fits >= 0)
        return !fits;
    if (c == 0x2800)        /* the Braille blank: a space that is no space */
        return 1;
    if (c == 0x061c || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
        (c >= 0x2066 && c <= 0x2069) || c == 0xfeff || c > 0x10ffff)
        return 1;
    /* and what the escaper shows as \u{...}: format characters (U+FFF9,
     * U+13430), line and paragraph separators, private use, unassigned
     * code points (report-adv36 I-1, I-2) */
    return utf8proc_get_property((utf8proc_int32_t)c)->ignorable ||
           hidden_cp((utf8proc_int32_t)c);
}

int text_hidden_mark(unsigned long c)
{
    return text_hidden_at(0, c, 0);
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
    utf8proc_int32_t prev = 0;

    if (text_check(s, len, 0, what, e) != 0)
        return -1;
    while (i < len) {
        utf8proc_int32_t cp, next = 0;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            break;
        if (i + (size_t)n < len &&
            utf8proc_iterate((const utf8proc_uint8_t *)s + i + n,
                             (utf8proc_ssize_t)(len - i - (size_t)n), &next) <= 0)
            next = 0;
        if (text_hidden_at((unsigned long)prev, (unsigned long)cp, (unsigned long)next))
            return err_set(e, EXIT_INPUT, "%s contains an invisible or direction-changing "
                           "character (U+%04X); type it without", what, (unsigned)cp);
        prev = cp;
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
