/* RTF read through inside a word: fonts' code pages and markup that shows
 * nothing (rtf_read.h). */
#include "privacy/rtf_read.h"

#include <stdlib.h>
#include <string.h>

#define DEPTH_MAX 64            /* RTF group levels tracked */
#define FONTS_MAX 256           /* fonts of one font table */
#define WORD_MAX 32             /* letters of one control word */
#define GROUP_MAX 128           /* bytes of a group of control words read as nothing */

int rtf_charset_codepage(long charset)
{
    switch (charset) {
    case 77: return 10000;      /* Mac Roman */
    case 128: return 932;       /* Shift_JIS */
    case 129: return 949;       /* Hangul (Wansung, UHC) */
    case 130: return 1361;      /* Johab */
    case 134: return 936;       /* GB2312 / GBK */
    case 136: return 950;       /* Big5 */
    case 161: return 1253;      /* Greek */
    case 162: return 1254;      /* Turkish */
    case 163: return 1258;      /* Vietnamese */
    case 177: return 1255;      /* Hebrew */
    case 178: return 1256;      /* Arabic */
    case 186: return 1257;      /* Baltic */
    case 204: return 1251;      /* Cyrillic */
    case 222: return 874;       /* Thai */
    case 238: return 1250;      /* Eastern European */
    case 254: return 437;       /* PC 437 */
    case 255: return 850;       /* OEM */
    default: return 0;          /* 0 ANSI, 1 default, 2 symbol: the document's */
    }
}

static int is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* A control word at s[0..len) (s[0] == '\\'): its letters in s[1..*wl+1),
 * its parameter in *param (*has 0 when none), and its length with the
 * one space that delimits it; 0 if s holds no control word. */
static size_t control_word(size_t *wl, long *param, int *has, const char *s, size_t len)
{
    size_t i = 1, d0;
    int neg = 0;

    *param = 0, *has = 0;
    while (i < len && i <= WORD_MAX && is_letter((unsigned char)s[i]))
        i++;
    if (i == 1 || i > WORD_MAX)
        return 0;
    *wl = i - 1;
    if (i < len && s[i] == '-' && i + 1 < len && is_digit((unsigned char)s[i + 1]))
        neg = 1, i++;
    for (d0 = i; i < len && i - d0 < 10 && is_digit((unsigned char)s[i]); i++)
        *param = *param * 10 + (s[i] - '0');
    if (i < len && is_digit((unsigned char)s[i]))
        return 0;
    *has = i > d0;
    if (neg)
        *param = -*param;
    if (i < len && s[i] == ' ')
        i++;
    return i;
}

static int word_is(const char *s, size_t wl, const char *w)
{
    return strlen(w) == wl && memcmp(s, w, wl) == 0;
}

struct fonts {
    long id[FONTS_MAX];
    int cp[FONTS_MAX];
    int bycpg[FONTS_MAX];       /* cp came from \cpgN, which wins over \fcharsetN */
    size_t n;
};

static int font_cp(const struct fonts *f, long id)
{
    for (size_t i = 0; i < f->n; i++)
        if (f->id[i] == id)
            return f->cp[i];
    return 0;
}

static size_t font_slot(struct fonts *f, long id)
{
    size_t i;

    for (i = 0; i < f->n; i++)
        if (f->id[i] == id)
            return i;
    if (f->n == FONTS_MAX)
        return FONTS_MAX;
    f->id[f->n] = id, f->cp[f->n] = 0, f->bycpg[f->n] = 0;
    return f->n++;
}

static int page_push(struct rtf_pages *pg, size_t at, int cp)
{
    if (pg->n > 0 && pg->cp[pg->n - 1] == cp)
        return 0;
    if (pg->n > 0 && pg->at[pg->n - 1] == at) {
        pg->cp[pg->n - 1] = cp;
        return 0;
    }
    if (pg->n == pg->cap) {
        size_t cap = pg->cap ? 2 * pg->cap : 16;
        uint32_t *a = realloc(pg->at, cap * sizeof *a);
        int *c;
        if (a == NULL)
            return -1;
        pg->at = a;
        if ((c = realloc(pg->cp, cap * sizeof *c)) == NULL)
            return -1;
        pg->cp = c, pg->cap = cap;
    }
    pg->at[pg->n] = (uint32_t)at, pg->cp[pg->n] = cp, pg->n++;
    return 0;
}

/* The parser's state: the current font of each group level. */
struct walk {
    struct fonts fonts;
    long font[DEPTH_MAX];
    long deff;
    size_t depth, over;         /* over: levels past DEPTH_MAX */
    long table;                 /* depth of the font table's group, -1 outside it */
    long defining;              /* the font the table is describing, -1 none */
};

static int effective(const struct walk *w, int ansicpg)
{
    int cp = w->font[w->depth] >= 0 ? font_cp(&w->fonts, w->font[w->depth]) : 0;

    return cp != 0 ? cp : ansicpg;
}

static void on_word(struct walk *w, const char *s, size_t wl, long param, int has)
{
    int in_table = w->table >= 0 && (long)w->depth >= w->table;
    size_t slot;

    if (word_is(s, wl, "fonttbl"))
        w->table = (long)w->depth, w->defining = -1;
    else if (word_is(s, wl, "f") && has && in_table)
        w->defining = param;
    else if (word_is(s, wl, "f") && has)
        w->font[w->depth] = param;
    else if (word_is(s, wl, "deff") && has) {
        w->deff = param;
        if (w->font[0] < 0)
            w->font[0] = param;
    } else if (word_is(s, wl, "plain"))
        w->font[w->depth] = w->deff;
    else if (in_table && w->defining >= 0 && has &&
             (word_is(s, wl, "fcharset") || word_is(s, wl, "cpg")) &&
             (slot = font_slot(&w->fonts, w->defining)) < FONTS_MAX) {
        if (word_is(s, wl, "cpg"))
            w->fonts.cp[slot] = param > 0 && param < 100000 ? (int)param : 0, w->fonts.bycpg[slot] = 1;
        else if (!w->fonts.bycpg[slot])
            w->fonts.cp[slot] = rtf_charset_codepage(param);
    }
}

int rtf_pages_read(struct rtf_pages *pg, const char *s, size_t len, int ansicpg)
{
    struct walk *w;
    size_t i = 0, k, wl;
    long param;
    int has, rc = 0;

    memset(pg, 0, sizeof *pg);
    if (len >= UINT32_MAX || (memmem(s, len, "\\fcharset", 9) == NULL && memmem(s, len, "\\cpg", 4) == NULL))
        return 0;
    if ((w = calloc(1, sizeof *w)) == NULL)
        return -1;
    for (k = 0; k < DEPTH_MAX; k++)
        w->font[k] = -1;
    w->deff = -1, w->table = -1, w->defining = -1;
    while (i < len && rc == 0) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' && i + 1 < len && is_letter((unsigned char)s[i + 1]) &&
            (k = control_word(&wl, &param, &has, s + i, len - i)) > 0) {
            on_word(w, s + i + 1, wl, param, has);
            i += k;
        } else if (c == '\\') {
            i += 2;             /* a control symbol: \\ \{ \} \' \~ ... */
            continue;
        } else if (c == '{') {
            if (w->depth + 1 < DEPTH_MAX && w->over == 0)
                w->font[w->depth + 1] = w->font[w->depth], w->depth++;
            else
                w->over++;
            i++;
        } else if (c == '}') {
            if (w->over > 0)
                w->over--;
            else if (w->depth > 0)
                w->depth--;
            if (w->table >= 0 && (long)w->depth < w->table)
                w->table = -1, w->defining = -1;
            i++;
        } else {
            i++;
            continue;
        }
        rc = page_push(pg, i, effective(w, ansicpg));
    }
    free(w);
    if (rc != 0)
        rtf_pages_free(pg);
    return rc;
}

int rtf_pages_at(const struct rtf_pages *pg, size_t off, int ansicpg)
{
    size_t lo = 0, hi = pg->n, mid;

    while (lo < hi) {               /* the first change after off */
        mid = (lo + hi) / 2;
        if (pg->at[mid] <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo == 0 ? ansicpg : pg->cp[lo - 1];
}

void rtf_pages_free(struct rtf_pages *pg)
{
    free(pg->at), free(pg->cp);
    memset(pg, 0, sizeof *pg);
}

static int word_byte(unsigned char c)
{
    return is_letter(c) || is_digit(c) || c >= 0x80;
}

/* Control words that stand for text (a break, a tab, a dash, a quote, a
 * character): a group holding one is no empty markup. */
static int shows_text(const char *s, size_t wl)
{
    static const char *const words[] = { "par", "line", "tab", "cell", "row", "sect", "page",
                                         "bullet", "emdash", "endash", "emspace", "enspace",
                                         "qmspace", "lquote", "rquote", "ldblquote", "rdblquote",
                                         "u", "column", "softline", "chpgn", "chdate", "chtime" };

    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (word_is(s, wl, words[i]))
            return 1;
    return 0;
}

/* A group of control words only ("{\i}", "{\b0}", "{\i0 }", "{\ul\b}"):
 * its length, or 0. */
static size_t empty_group(const char *s, size_t len)
{
    size_t i = 1, k, wl, lim = len < GROUP_MAX ? len : GROUP_MAX;
    long param;
    int has, words = 0;

    while (i < lim && s[i] == '\\' && (k = control_word(&wl, &param, &has, s + i, lim - i)) > 0) {
        if (shows_text(s + i + 1, wl))
            return 0;
        i += k, words++;
    }
    return words > 0 && i < lim && s[i] == '}' ? i + 1 : 0;
}

size_t rtf_markup(char *o, size_t *n, const char *s, size_t len, unsigned char prev)
{
    size_t k;

    *n = 0;
    if (len < 2)
        return 0;
    if (s[0] == '\\' && s[1] == '-') {
        if (!word_byte(prev) || len < 3 || !word_byte((unsigned char)s[2]))
            return 0;
        o[0] = (char)0xC2, o[1] = (char)0xAD, *n = 2;
        return 2;
    }
    if (s[0] != '{')
        return 0;
    if (s[1] == '}')
        return word_byte(prev) && len > 2 && word_byte((unsigned char)s[2]) ? 2 : 0;
    if (s[1] == '\\' && (k = empty_group(s, len)) > 0)
        return k;
    return 0;
}

size_t rtf_control_len(const char *s, size_t len)
{
    size_t wl;
    long param;
    int has;

    if (len < 2 || s[0] != '\\' || !is_letter((unsigned char)s[1]))
        return 0;
    if (s[1] == 'u' && len > 2 && (is_digit((unsigned char)s[2]) || s[2] == '-'))
        return 0;               /* \uN: a character (escapes.h) */
    return control_word(&wl, &param, &has, s, len);
}

int rtf_document(const char *s, size_t len)
{
    return memmem(s, len, "{\\rtf", 5) != NULL;
}
