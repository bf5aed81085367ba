#include "privacy/normalise.h"

#include <sodium.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/confusable.h"
#include "privacy/entities.h"
#include "privacy/hanja.h"
#include "privacy/romanise.h"

/* Longest combining sequence handled as one unit; a longer run of marks is
 * cut into several units (it can only be noise, never part of a name). */
#define SEQ_MAX_CPS 16
#define SEQ_BUF_CPS (SEQ_MAX_CPS * 20)

/* The norm view and, built alongside it, the key view (normalise.h). */
struct builder {
    char *s;            /* norm; secmem_wipe_malloc: wiped when freed */
    size_t len, cap;    /* cap: of both views */
    uint32_t *a;        /* per norm byte: its original start */
    char *k;            /* key; secmem_wipe_malloc */
    size_t klen;
    uint32_t *ka;       /* per key byte: its norm position */
    int script;         /* of the last character put (SCRIPT_ below) */
    int mixed;          /* a word mixes Latin, Cyrillic or Greek letters */
    int lastw;          /* the script of the last letter, kept over one hyphen */
    int split;          /* a word mixes Latin, Cyrillic and Hangul (read_split) */
};

/* The script of a character for look-alike checks: one of enum
 * confusable_script, SCRIPT_WORD for other word characters (digits,
 * Hangul, Han), SCRIPT_NONE for the rest. */
enum { SCRIPT_NONE = CONF_NONE, SCRIPT_WORD = CONF_OTHER + 1, SCRIPT_HANGUL, SCRIPT_HYPHEN };

/* Notes the script of the next character put: two letters of different
 * scripts side by side make a mixed word (resolve_mixed); Latin, Cyrillic
 * and Hangul side by side, or on both sides of a hyphen, a word that may
 * be a name written half in each (read_split).  SCRIPT_HYPHEN: a dash. */
static inline void note_script(struct builder *bd, int script)
{
    int w = script == SCRIPT_HANGUL || script == CONF_LATIN || script == CONF_CYRILLIC;

    /* The script of the character put last again (most characters): the
     * state below is already what it would be.  Not after a dash, which
     * sets bd->script to SCRIPT_NONE and leaves lastw. */
    if (script == bd->script && script != SCRIPT_NONE)
        return;
    if (script == SCRIPT_HYPHEN) {
        bd->script = SCRIPT_NONE;
        return;
    }
    bd->split |= w && bd->lastw != SCRIPT_NONE && bd->lastw != script;
    bd->lastw = w ? script : SCRIPT_NONE;
    bd->mixed |= (script != SCRIPT_NONE && script < SCRIPT_WORD && bd->script != SCRIPT_NONE &&
                  bd->script < SCRIPT_WORD && script != bd->script) ||
                 /* a Cyrillic or Greek letter beside a digit: maybe an ID
                  * typed on another keyboard (id_word) */
                 ((script == SCRIPT_WORD || bd->script == SCRIPT_WORD) &&
                  (script == CONF_CYRILLIC || script == CONF_GREEK ||
                   bd->script == CONF_CYRILLIC || bd->script == CONF_GREEK)) ||
                 /* a letter only ever a look-alike (Ꭰꓳꓣꓙ) */
                 script == CONF_OTHER;
    bd->script = script;
}

static int is_sep(char c)
{
    return c == ' ' || c == '-' || c == '\'';
}

static int grow(struct builder *bd, size_t need)
{
    size_t cap = bd->cap ? bd->cap : 64;
    char *s, *k;
    uint32_t *a, *ka;

    if (need > SIZE_MAX / 4 / sizeof *a)
        return -1;
    while (cap < need + 1)
        cap *= 2;
    if (cap == bd->cap)
        return 0;
    s = secmem_wipe_malloc(cap);
    a = malloc(cap * sizeof *a);
    k = secmem_wipe_malloc(cap);
    ka = malloc(cap * sizeof *ka);
    if (s == NULL || a == NULL || k == NULL || ka == NULL) {
        secmem_wipe_free(s), secmem_wipe_free(k);
        free(a), free(ka);
        return -1;
    }
    if (bd->len) {
        memcpy(s, bd->s, bd->len);
        memcpy(a, bd->a, bd->len * sizeof *a);
    }
    if (bd->klen) {
        memcpy(k, bd->k, bd->klen);
        memcpy(ka, bd->ka, bd->klen * sizeof *ka);
    }
    secmem_wipe_free(bd->s), secmem_wipe_free(bd->k);
    free(bd->a), free(bd->ka);
    bd->s = s, bd->a = a, bd->k = k, bd->ka = ka, bd->cap = cap;
    return 0;
}

/* Appends one norm byte (room for it checked by the caller) and, unless it
 * is a separator, its key byte: branch-free, the key byte is written
 * anyway and kept or overwritten. */
static void put1(struct builder *bd, char c, size_t os)
{
    bd->k[bd->klen] = c;
    bd->ka[bd->klen] = (uint32_t)bd->len;
    bd->klen += !is_sep(c);
    bd->s[bd->len] = c;
    bd->a[bd->len++] = (uint32_t)os;
}

static int put(struct builder *bd, const char *p, size_t n, size_t os)
{
    size_t i;

    if (bd->len + n + 1 > bd->cap && grow(bd, bd->len + n) != 0)
        return -1;
    for (i = 0; i < n; i++)
        put1(bd, p[i], os);
    bd->s[bd->len] = '\0';
    return 0;
}

/* A Han character with a Hangul reading (hanja.h) was just put as n
 * bytes: its key bytes become the reading (also three bytes in UTF-8, so
 * each key byte keeps its own norm byte). */
static int put_reading(struct builder *bd, int cp, size_t n)
{
    utf8proc_uint8_t u[4];
    int h = hanja_reading(cp);

    if (h == 0 || n != 3 || utf8proc_encode_char(h, u) != 3)
        return 0;
    memcpy(bd->k + bd->klen - 3, u, 3);
    return 0;
}

/* A validating decoder (no overlongs, surrogates or code points past
 * U+10FFFF: what utf8proc_iterate accepts), without a library call per
 * character. */
static inline int utf8_decode(int *cp, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    int c;

    if (len == 0)
        return -1;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if (u[0] < 0xC2 || u[0] > 0xF4)
        return -1;
    if (u[0] < 0xE0) {
        if (len < 2 || (u[1] & 0xC0) != 0x80)
            return -1;
        *cp = ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
        return 2;
    }
    if (u[0] < 0xF0) {
        if (len < 3 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
            return -1;
        c = ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
        if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
            return -1;
        *cp = c;
        return 3;
    }
    if (len < 4 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80 || (u[3] & 0xC0) != 0x80)
        return -1;
    c = ((u[0] & 0x07) << 18) | ((u[1] & 0x3F) << 12) | ((u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    if (c < 0x10000 || c > 0x10FFFF)
        return -1;
    *cp = c;
    return 4;
}

int utf8_next(int *cp, const char *s, size_t len)
{
    return utf8_decode(cp, s, len);
}

static int word_cp_slow(int cp)
{
    utf8proc_category_t c = utf8proc_category(cp);

    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

static unsigned char wordbit[0x10000 / 8];
static pthread_once_t wordbit_once = PTHREAD_ONCE_INIT;

static void wordbit_build(void)
{
    int cp;

    for (cp = 0; cp < 0x10000; cp++)
        if (word_cp_slow(cp))
            wordbit[cp >> 3] |= (unsigned char)(1u << (cp & 7));
}

int is_word_cp(int cp)
{
    /* The usual letters of the texts, without the table: ASCII, Hangul
     * syllables, basic Cyrillic (all letters or digits). */
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x0410 && cp <= 0x044F))
        return 1;
    if (cp < 0 || cp >= 0x10000)
        return cp >= 0 && word_cp_slow(cp);
    (void)pthread_once(&wordbit_once, wordbit_build);
    return (wordbit[cp >> 3] >> (cp & 7)) & 1;
}

int is_hangul_cp(int cp)
{
    return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
           (cp >= 0x3130 && cp <= 0x318F);
}

int is_cyrillic_cp(int cp)
{
    return cp >= 0x0400 && cp <= 0x052F;
}

int is_han_cp(int cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

int normalise_script(int cp)
{
    if (cp < 0x250 || (cp >= 0x1E00 && cp <= 0x1EFF))
        return 1;
    if (is_hangul_cp(cp))
        return 2;
    if (is_cyrillic_cp(cp))
        return 3;
    if (is_han_cp(cp))
        return 4;
    /* Katakana and hiragana: a name in katakana takes hiragana particles
     * and titles (ジョンスさん, キムが). */
    if ((cp >= 0x30A1 && cp <= 0x30FA) || (cp >= 0x31F0 && cp <= 0x31FF))
        return 5;
    return cp >= 0x3041 && cp <= 0x309F ? 6 : 0;
}

int normalise_script_change(int a, int b)
{
    int x = normalise_script(a), y = normalise_script(b);

    return x != 0 && y != 0 && x != y;
}

int normalise_is_upper(int cp)
{
    utf8proc_int32_t f[4];
    int boundclass = 0;

    if (cp < 0 || utf8proc_isupper(cp))
        return cp >= 0;
    /* Regional indicators read as letters (🇩🇴🇷🇯) stand for capitals. */
    if (cp >= 0x1F1E6 && cp <= 0x1F1FF)
        return 1;
    /* Small capitals and squared or circled letters are written as
     * capitals (ʙold, 🅱old: confusable_letterlike). */
    if (cp > 0x7F && confusable_letterlike(cp) != 0)
        return 1;
    /* A Lisu or Canadian syllabics look-alike has no case: it is written
     * for the capital it looks like (ꓓorj, ᗪorj). */
    if (confusable_only_lookalike(cp) && !utf8proc_islower(cp))
        return 1;
    return cp > 0x7F &&
           utf8proc_decompose_char(cp, f, 4, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &boundclass) == 1 &&
           utf8proc_isupper(f[0]);
}

static int is_latin_cp(int cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
           (cp >= 0x00C0 && cp <= 0x024F && cp != 0xD7 && cp != 0xF7) ||
           (cp >= 0x1E00 && cp <= 0x1EFF);
}

static int is_dash(int cp)
{
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 ||
           cp == 0xFE58 || cp == 0xFE63 || cp == 0xFF0D || cp == 0x2E3A ||
           cp == 0x2E3B || cp == 0x30FC || cp == 0x30FB || cp == 0xFF65 ||
           cp == 0x2043 || cp == 0x02D7 || cp == 0x2796;   /* ⁃ ˗ ➖ (report-adv12c H42) */
}

/* ---- Marks inside numbers (report-adv12c H42-H44, H62) ----
 * Characters that stand for a dash or a degree sign only between or after
 * digits, where the norm view writes what they stand for so the detectors
 * read one form (docs/VARIANTS.md, "Separators and marks in numbers"):
 *   - a joiner between two digit groups ("010ㅡ1234ㅡ5678", "750314ㆍ1234567",
 *     "1975·03·14"): the Hangul vowel ㅡ (what the '-' key gives in Hangul
 *     mode) and the middle dots · ㆍ ‧ ∙ ⋅ • become '-' when a digit (or a
 *     space after one) is before them and a digit or a mask ('*') after
 *     them (spaces between allowed).  Elsewhere they are letters or
 *     punctuation (ㅡ in "ㅡㅡ", 김·종·수 spelled out: normalise_spell_sep);
 *   - a degree look-alike right after a digit: º (the ordinal indicator,
 *     which NFKC makes 'o'), ˚ (ring above) and ⁰ (superscript zero)
 *     become '°' (⁰ not after another superscript digit: "¹⁰" is 10);
 *     the modifier double prime ʺ becomes '\'\'' as ″ does.
 * Where it is decided: the norm byte before and the original text after,
 * so a text and any window of it that starts at a sequence start read
 * alike. */
static int number_joiner(int cp)
{
    return cp == 0x3161 || cp == 0x318D || cp == 0x00B7 || cp == 0x2027 || cp == 0x2219 ||
           cp == 0x22C5 || cp == 0x2022;
}

static int degree_lookalike(int cp)
{
    return cp == 0x00BA || cp == 0x02DA || cp == 0x2070;
}

/* 1 if the ⁰ cp ending at in[end] follows a superscript digit (¹ ² ³
 * ⁰ ⁴-⁹): it is a digit of a number written in superscripts ("⁰¹⁰-¹²³⁴",
 * report-adv12e), not a degree sign. */
static int superscript_before(int cp, const char *in, size_t end)
{
    const unsigned char *u = (const unsigned char *)in;

    if (cp != 0x2070 || end < 5)
        return 0;
    if (u[end - 5] == 0xC2 && (u[end - 4] == 0xB9 || u[end - 4] == 0xB2 || u[end - 4] == 0xB3))
        return 1;
    return end >= 6 && u[end - 6] == 0xE2 && u[end - 5] == 0x81 &&
           (u[end - 4] == 0xB0 || (u[end - 4] >= 0xB4 && u[end - 4] <= 0xB9));
}

/* Regional indicator symbols (🇩🇴🇷🇯, report-adv12c H16): two make a flag
 * emoji, so only a run of three or more is read as letters ("dorj"); a
 * flag beside a word ("🇲🇳Bold") stays a symbol and the word boundary. */
#define RI_FIRST 0x1F1E6
#define RI_LAST 0x1F1FF

static int is_regional(const char *in, size_t inlen, size_t at)
{
    int cp;

    return at + 4 <= inlen && utf8_decode(&cp, in + at, inlen - at) == 4 && cp >= RI_FIRST &&
           cp <= RI_LAST;
}

/* The letter the regional indicator cp at in[at] stands for, or 0. */
static int regional_letter(int cp, const char *in, size_t inlen, size_t at)
{
    size_t run = 1, p;

    if (cp < RI_FIRST || cp > RI_LAST)
        return 0;
    for (p = at; p >= 4 && run < 3 && is_regional(in, inlen, p - 4); p -= 4)
        run++;
    for (p = at + 4; run < 3 && is_regional(in, inlen, p); p += 4)
        run++;
    return run >= 3 ? 'a' + (cp - RI_FIRST) : 0;
}

/* What the character cp at in[at..at+n) stands for after the norm bytes
 * s[0..len) (above): "-", the degree sign, "''", or NULL for itself. */
static const char *number_mark(const char *s, size_t len, int cp, const char *in, size_t inlen,
                               size_t end)
{
    size_t j = end;
    int spaced = len > 0 && s[len - 1] == ' ';

    if (cp == 0x02BA)
        return len > 0 && s[len - 1] >= '0' && s[len - 1] <= '9' ? "''" : NULL;
    len -= (size_t)spaced;
    if (len == 0 || s[len - 1] < '0' || s[len - 1] > '9')
        return NULL;
    if (degree_lookalike(cp))
        return spaced || superscript_before(cp, in, end) ? NULL : "\xc2\xb0";
    /* The ideographic full stop a CJK input method types between digits
     * is a full stop ("192。168。10。45": report-adv12d F11). */
    if ((cp == 0x3002 || cp == 0xFF61) && !spaced)
        return j < inlen && in[j] >= '0' && in[j] <= '9' ? "." : NULL;
    if (!number_joiner(cp))
        return NULL;
    while (j < inlen && in[j] == ' ')
        j++;
    return j < inlen && ((in[j] >= '0' && in[j] <= '9') || in[j] == '*') ? "-" : NULL;
}

static int is_apostrophe(int cp)
{
    return cp == '\'' || cp == '`' || cp == 0x00B4 || cp == 0x2018 ||
           cp == 0x2019 || cp == 0x201B || cp == 0x2032 || cp == 0x02B9 ||
           cp == 0x02BB || cp == 0x02BC || cp == 0x02BD || cp == 0x02C8 ||
           cp == 0xFF07 || cp == 0x055A || cp == 0xA78C;
}

static int is_space_cp(int cp)
{
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 ||
           cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000;
}

/* A code point that continues the sequence started before it. */
static int continues(int cp);

int normalise_starts_sequence(int cp)
{
    return !continues(cp);
}

int normalise_is_space(int cp)
{
    return is_space_cp(cp);
}

static int continues(int cp)
{
    const utf8proc_property_t *p = utf8proc_get_property(cp);

    return p->combining_class != 0 ||
           p->category == UTF8PROC_CATEGORY_MN ||
           p->category == UTF8PROC_CATEGORY_ME ||
           (cp >= 0x1160 && cp <= 0x11FF);   /* Hangul vowel and final jamo */
}

static int emit_cp(struct builder *bd, int cp, size_t os)
{
    utf8proc_uint8_t u[4];
    utf8proc_ssize_t n;

    if (is_space_cp(cp)) {
        if (bd->len > 0 && bd->s[bd->len - 1] == ' ')
            return 0;           /* the run ends where the next character starts */
        return put(bd, " ", 1, os);
    }
    if (is_dash(cp))
        return put(bd, "-", 1, os);
    if (is_apostrophe(cp))
        return put(bd, "'", 1, os);
    n = utf8proc_encode_char(cp, u);
    if (n <= 0)
        return 0;
    if (put(bd, (const char *)u, (size_t)n, os) != 0)
        return -1;
    return put_reading(bd, cp, (size_t)n);
}

/* Length in bytes of the combining sequence starting at s[0]. */
static size_t seq_length(const char *s, size_t len)
{
    size_t at = 0;
    int cp, n, count = 0;

    n = utf8_next(&cp, s, len);
    while (n > 0 && count < SEQ_MAX_CPS) {
        at += (size_t)n;
        count++;
        if (at >= len || (n = utf8_next(&cp, s + at, len - at)) < 0 || !continues(cp))
            break;
    }
    return at;
}

/* What happens to the combining marks of a sequence whose letter is cp:
 * MARKS_STRIP on Latin (all go: Chŏng → chong); MARKS_LEFT_OVER on
 * Cyrillic, Greek and Hangul (those that do not compose with the letter
 * into one character go: Оюунц́эцэг, О̲ю̲у̲н̲, Ою̆унцэцэг → оюунцэцэг, while
 * й, ё and ά stay what they are); MARKS_KEEP elsewhere (in other scripts a
 * mark may be a vowel). */
enum { MARKS_KEEP, MARKS_STRIP, MARKS_LEFT_OVER };

static int marks_of(int cp)
{
    if (is_latin_cp(cp))
        return MARKS_STRIP;
    if (is_cyrillic_cp(cp) || is_hangul_cp(cp) || (cp >= 0x0370 && cp <= 0x03FF) ||
        (cp >= 0x1F00 && cp <= 0x1FFF))
        return MARKS_LEFT_OVER;
    return MARKS_KEEP;
}

/* NFKC + case fold (+ marks removed as marks says, marks_of) of one
 * sequence, as code points in buf; returns how many, or -1. */
static utf8proc_ssize_t fold_seq(utf8proc_int32_t *buf, utf8proc_ssize_t bufcps,
                                 const char *s, size_t n, int marks)
{
    utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                            UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;
    utf8proc_ssize_t k, i, m;
    utf8proc_category_t c;
    int k0 = 0;

    if (marks == MARKS_STRIP)
        opt |= UTF8PROC_STRIPMARK;
    /* A letter-like character NFKC would write as several (⒟ as "(d)")
     * is read as its letter before NFKC (confusable_letterlike). */
    if (bufcps > 0 && utf8_decode(&k0, s, n) == (int)n && k0 > 0x7F && confusable_letterlike(k0) != 0) {
        buf[0] = confusable_letterlike(k0);
        return 1;
    }
    k = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
                           buf, bufcps, opt);
    if (k < 0 || k > bufcps)
        return -1;
    k = utf8proc_normalize_utf32(buf, k, opt);
    /* Letter-like characters NFKC leaves alone are read as the letter
     * they stand for, as NFKC reads Ⓑ and 𝐁 (🅱old, ʙold: issue 12). */
    for (i = 0, m = 0; i < k; i++) {
        if (confusable_letterlike(buf[i]) != 0)
            buf[i] = confusable_letterlike(buf[i]);
        /* The braille blank looks like a space but is no space and not
         * default-ignorable: left out, as a zero-width space is. */
        if (buf[i] != 0x2800)
            buf[m++] = buf[i];
    }
    k = k < 0 ? k : m;
    if (k < 0 || marks != MARKS_LEFT_OVER)
        return k;
    for (i = 0, m = 0; i < k; i++) {
        c = utf8proc_category(buf[i]);
        if (c != UTF8PROC_CATEGORY_MN && c != UTF8PROC_CATEGORY_ME)
            buf[m++] = buf[i];
    }
    return m;
}

static int emit_seq(struct builder *bd, const char *s, size_t n, int marks,
                    size_t os, struct err *e)
{
    utf8proc_int32_t buf[SEQ_BUF_CPS];
    utf8proc_ssize_t k, i;
    int rc = 0;

    k = fold_seq(buf, SEQ_BUF_CPS, s, n, marks);
    if (k < 0)
        return err_set(e, EXIT_INPUT, "text has a character sequence that cannot be normalised at byte %zu; remove it and try again", os);
    for (i = 0; rc == 0 && i < k; i++)
        rc = emit_cp(bd, buf[i], os);
    sodium_memzero(buf, sizeof buf);
    if (rc != 0)
        return err_set(e, EXIT_INPUT, "out of memory while normalising text");
    return 0;
}

/* The script of cp as note_script counts it, read through its NFKC form
 * when that is one code point: fullwidth Ｏ and mathematical 𝖮 are Latin,
 * so "Ｏюунцэцэг" mixes scripts like "Oюунцэцэг". */
static int script_of(int cp)
{
    utf8proc_int32_t f[4];
    utf8proc_ssize_t k;
    int boundclass = 0, s = confusable_script(cp);

    if (!is_word_cp(cp))
        return SCRIPT_NONE;
    if (cp >= 0xAC00 && cp <= 0xD7A3)
        return SCRIPT_HANGUL;
    if (s == CONF_NONE && cp > 0x7F) {
        k = utf8proc_decompose_char(cp, f, 4, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD,
                                    &boundclass);
        if (k == 1)
            s = confusable_script(f[0]);
    }
    /* A Cyrillic letter of neither Russian nor Mongolian (ӏ, ԁ, Є) is a
     * look-alike, like those of other scripts: its word is checked. */
    if (s == CONF_CYRILLIC && confusable_rare_cyrillic(cp))
        s = CONF_OTHER;
    return s != CONF_NONE && !continues(cp) ? s : SCRIPT_WORD;
}

/* ---- The fast path ----
 * What a code point of the BMP becomes when it stands alone in its
 * sequence (the next code point does not continue it): computed once with
 * the same utf8proc calls as the slow path, so ordinary text (ASCII,
 * Hangul syllables, Cyrillic, Han) needs one table look-up per character
 * instead of a decomposition.  Anything unusual keeps the slow path. */
enum { CM_SLOW, CM_CONT, CM_SPECIAL, CM_PLAIN, CM_PLAIN_LATIN };
#define CM_OUT 6

struct cpmap {
    unsigned char kind;
    unsigned char len;
    unsigned char sep;          /* out holds a separator (' ', '-', '\'') */
    char out[CM_OUT];
    char kout[CM_OUT];          /* its key bytes: out, or a Han's Hangul reading */
    unsigned char script;       /* for note_script */
    unsigned char marks;        /* marks_of the code point */
    unsigned char fast;         /* CM_PLAIN or CM_PLAIN_LATIN, and none of build_norm's
                                 * special cases (plain_bmp) */
};

static int spacing_accent(int cp);

/* 1 if build_norm takes the non-ASCII code point cp of the BMP on none
 * of its special paths: no mark of a number (number_mark), no
 * compatibility or halfwidth jamo (put_jamo_run), no spacing accent. */
static int plain_bmp(int cp)
{
    return cp > 0x7F && cp != 0x02BA && !degree_lookalike(cp) && cp != 0x3002 && cp != 0xFF61 &&
           !number_joiner(cp) && !(cp >= 0x3131 && cp <= 0x3163) &&
           !(cp >= 0xFFA1 && cp <= 0xFFDC) && !spacing_accent(cp);
}

static struct cpmap cpmap[0x10000];
static pthread_once_t cpmap_once = PTHREAD_ONCE_INIT;

static void cpmap_one(struct cpmap *m, int cp)
{
    utf8proc_int32_t buf[SEQ_BUF_CPS];
    utf8proc_uint8_t u[4];
    char s[4];
    utf8proc_ssize_t k, i, w;
    size_t len = 0;
    int latin = is_latin_cp(cp);

    m->kind = CM_SLOW;
    m->script = (unsigned char)script_of(cp);
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return;
    if (continues(cp)) {
        m->kind = CM_CONT;
        return;
    }
    if (is_space_cp(cp) || is_dash(cp) || is_apostrophe(cp)) {
        m->kind = CM_SPECIAL;
        return;
    }
    w = utf8proc_encode_char(cp, (utf8proc_uint8_t *)s);
    if (w <= 0 || (k = fold_seq(buf, SEQ_BUF_CPS, s, (size_t)w, marks_of(cp))) < 0)
        return;
    for (i = 0; i < k; i++) {
        if (is_space_cp(buf[i]))
            return;                     /* spaces collapse: slow path */
        if (is_dash(buf[i]))
            u[0] = '-', w = 1;
        else if (is_apostrophe(buf[i]))
            u[0] = '\'', w = 1;
        else if ((w = utf8proc_encode_char(buf[i], u)) <= 0)
            continue;
        if (len + (size_t)w > CM_OUT)
            return;
        memcpy(m->out + len, u, (size_t)w);
        len += (size_t)w;
    }
    m->len = (unsigned char)len;
    memcpy(m->kout, m->out, CM_OUT);
    if (k == 1 && len == 3 && hanja_reading(buf[0]) != 0)
        (void)utf8proc_encode_char(hanja_reading(buf[0]), (utf8proc_uint8_t *)m->kout);
    for (i = 0; i < (utf8proc_ssize_t)len; i++)
        if (is_sep(m->out[i]))
            m->sep = 1;
    m->kind = latin ? CM_PLAIN_LATIN : CM_PLAIN;
    m->marks = (unsigned char)marks_of(cp);
    m->fast = (unsigned char)plain_bmp(cp);
}

static void cpmap_build(void)
{
    int cp;

    for (cp = 0; cp < 0x10000; cp++)
        cpmap_one(&cpmap[cp], cp);
}

/* 1 if the code point at in[p] (p <= inlen) continues the sequence before
 * it; a code point it decodes is kept in *la_at, *la_cp, *la_n, so the
 * next step need not decode it again. */
static int continued(size_t *la_at, int *la_cp, size_t *la_n, const char *in, size_t inlen,
                     size_t p)
{
    int k;

    if (p >= inlen || (unsigned char)in[p] < 0x80 || (k = utf8_decode(la_cp, in + p, inlen - p)) < 0)
        return 0;
    *la_at = p, *la_n = (size_t)k;
    return *la_cp < 0x10000 ? cpmap[*la_cp].kind == CM_CONT : continues(*la_cp);
}

static int put_fast(struct builder *bd, const struct cpmap *m, size_t os)
{
    size_t i;

    if (bd->len + CM_OUT + 1 > bd->cap && grow(bd, bd->len + CM_OUT) != 0)
        return -1;
    if (m->sep) {
        for (i = 0; i < m->len; i++)
            put1(bd, m->out[i], os);
        return 0;
    }
    /* No separator: the same bytes go to both views (the key has room:
     * it is never longer than the norm view). */
    memcpy(bd->s + bd->len, m->out, CM_OUT);
    memcpy(bd->k + bd->klen, m->kout, CM_OUT);
    for (i = 0; i < m->len; i++) {
        bd->a[bd->len + i] = (uint32_t)os;
        bd->ka[bd->klen + i] = (uint32_t)(bd->len + i);
    }
    bd->len += m->len, bd->klen += m->len;
    return 0;
}

/* ---- Hangul compatibility jamo (issue 12 follow-up) ----
 * A name typed letter by letter in the compatibility jamo of a keyboard
 * (ㅈㅗㅇㅅㅜ for 종수) is composed into syllables the way a Korean input
 * method does it: an initial consonant and a vowel start a syllable (ㅗ+ㅏ
 * and the other two-vowel pairs make one vowel), and a consonant after the
 * vowel is its final unless a vowel follows it.  Clusters of two final
 * consonants are left apart (rare in names).  The tables are the order of
 * the Unicode Hangul Compatibility Jamo block (U+3131-U+3163) mapped to the
 * initial and final indexes of the syllable arithmetic (Unicode ch. 3.12). */
#define JAMO_RUN 64

/* The compatibility jamo a halfwidth jamo (U+FFA1-U+FFDC: ﾡ ￜ) stands
 * for, its <narrow> decomposition in UnicodeData.txt (NFKC goes on to the
 * conjoining jamo), or cp itself (report-adv12d F13: ﾡￜﾱ is ㄱㅣㅁ). */
static int compat_of(int cp)
{
    return cp >= 0xFFA1 && cp <= 0xFFBE ? cp - 0xFFA1 + 0x3131 :
           cp >= 0xFFC2 && cp <= 0xFFC7 ? cp - 0xFFC2 + 0x314F :
           cp >= 0xFFCA && cp <= 0xFFCF ? cp - 0xFFCA + 0x3155 :
           cp >= 0xFFD2 && cp <= 0xFFD7 ? cp - 0xFFD2 + 0x315B :
           cp >= 0xFFDA && cp <= 0xFFDC ? cp - 0xFFDA + 0x3161 : cp;
}

static int compat_consonant(int cp)
{
    return cp >= 0x3131 && cp <= 0x314E;
}

static int compat_vowel(int cp)
{
    return cp >= 0x314F && cp <= 0x3163;
}

/* 1 if s[0..len) starts with a compatibility or halfwidth jamo, written
 * to *cp as the compatibility one. */
static int compat_jamo_at(int *cp, const char *s, size_t len)
{
    if (utf8_decode(cp, s, len) != 3)
        return 0;
    *cp = compat_of(*cp);
    return compat_consonant(*cp) || compat_vowel(*cp);
}

/* Initial index (0-18) of a compatibility consonant, or -1. */
static int compat_initial(int cp)
{
    static const signed char t[30] = {
        0, 1, -1, 2, -1, -1, 3, 4, 5, -1, -1, -1, -1, -1, -1, -1,
        6, 7, 8, -1, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
    };
    return compat_consonant(cp) ? t[cp - 0x3131] : -1;
}

/* Final index (1-27) of a compatibility consonant, or 0 (none: ㄸ ㅃ ㅉ). */
static int compat_final(int cp)
{
    static const signed char t[30] = {
        1, 2, 3, 4, 5, 6, 7, 0, 8, 9, 10, 11, 12, 13, 14, 15,
        16, 17, 0, 18, 19, 20, 21, 22, 0, 23, 24, 25, 26, 27,
    };
    return compat_consonant(cp) ? t[cp - 0x3131] : 0;
}

/* The vowel index of two vowels typed one after the other (ㅗ ㅏ: ㅘ), or -1. */
static int compound_vowel(int a, int b)
{
    static const signed char pairs[][3] = {
        { 8, 0, 9 }, { 8, 1, 10 }, { 8, 20, 11 }, { 13, 4, 14 }, { 13, 5, 15 },
        { 13, 20, 16 }, { 18, 20, 19 },
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (pairs[i][0] == a && pairs[i][1] == b)
            return pairs[i][2];
    return -1;
}

/* Composes cps[0..n) (compatibility jamo) from i: writes one syllable (or
 * the lone jamo) to *out; returns how many jamo it took (>= 1). */
static int compose_jamo(const int *cps, int n, int i, int *out)
{
    int l = compat_initial(cps[i]), v, j, t = 0, c;

    if (l < 0 || i + 1 >= n || !compat_vowel(cps[i + 1])) {
        *out = cps[i];
        return 1;
    }
    v = cps[i + 1] - 0x314F;
    j = i + 2;
    if (j < n && compat_vowel(cps[j]) && (c = compound_vowel(v, cps[j] - 0x314F)) >= 0)
        v = c, j++;
    if (j < n && compat_final(cps[j]) != 0 && !(j + 1 < n && compat_vowel(cps[j + 1])))
        t = compat_final(cps[j++]);
    *out = 0xAC00 + (l * 21 + v) * 28 + t;
    return j - i;
}

/* Puts the run of compatibility jamo starting at in[at] as syllables (each
 * mapped to the original start of its first jamo); returns the bytes of in
 * taken (0: not such a run, or out of memory with *oom set). */
static size_t put_jamo_run(struct builder *bd, const char *in, size_t inlen, size_t at, int *oom)
{
    int cps[JAMO_RUN], syl, k, i, taken;
    size_t os[JAMO_RUN + 1], p = at;
    int n = 0;

    while (n < JAMO_RUN && p < inlen && compat_jamo_at(&cps[n], in + p, inlen - p)) {
        /* A jamo with a mark after it is a sequence of its own. */
        if (p + 3 < inlen && utf8_decode(&k, in + p + 3, inlen - p - 3) > 0 && continues(k))
            break;
        os[n++] = p;
        p += 3;
    }
    os[n] = p;
    if (n < 2)
        return 0;
    for (i = 0; i < n; i += taken) {
        taken = compose_jamo(cps, n, i, &syl);
        note_script(bd, cpmap[syl].script);
        if (cpmap[syl].kind < CM_PLAIN ? emit_cp(bd, syl, os[i]) != 0
                                       : put_fast(bd, &cpmap[syl], os[i]) != 0) {
            *oom = 1;
            return 0;
        }
    }
    return p - at;
}

static int ascii_letter(char c);

/* Spacing accents (˘ ˇ ˙ ˚ ˛ ˜ ˝ ˆ ¨ ¯ ¸), which NFKC writes as a space
 * and a combining mark. */
static int spacing_accent(int cp)
{
    return (cp >= 0x02D8 && cp <= 0x02DD) || cp == 0x02C7 || cp == 0x02C6 || cp == 0x00A8 ||
           cp == 0x00AF || cp == 0x00B8;
}

static int build_norm(struct builder *bd, const char *in, size_t inlen, struct err *e)
{
    size_t at = 0, n, la_at = SIZE_MAX, la_n = 0;
    int cp, k, marks = MARKS_KEEP, la_cp = 0;
    const struct cpmap *m;
    const char *mark;

    (void)pthread_once(&cpmap_once, cpmap_build);
    /* Normalised text is rarely longer than its original: one allocation. */
    if (inlen >= UINT32_MAX)
        return err_set(e, EXIT_INPUT, "text is too long to normalise (4 GiB or more); split it");
    if (grow(bd, inlen + inlen / 16 + CM_OUT + 16) != 0)
        return err_set(e, EXIT_INPUT, "out of memory while normalising text (%zu bytes)", inlen);
    while (at < inlen) {
        unsigned char c = (unsigned char)in[at];
        /* ASCII followed by ASCII (most text): one byte out through the
         * table, no decoding and no look-ahead. */
        if (c < 0x80 && c != '\0' && (at + 1 >= inlen || (unsigned char)in[at + 1] < 0x80)) {
            m = &cpmap[c];
            if (m->kind >= CM_PLAIN && m->len == 1) {
                /* The run of such bytes, each put as above. */
                size_t end = at + 1;
                while (end < inlen && (c = (unsigned char)in[end]) < 0x80 && c != '\0' &&
                       cpmap[c].kind >= CM_PLAIN && cpmap[c].len == 1 &&
                       (end + 1 >= inlen || (unsigned char)in[end + 1] < 0x80))
                    end++;
                if (bd->len + (end - at) + 1 > bd->cap && grow(bd, bd->len + (end - at)) != 0)
                    return err_set(e, EXIT_INPUT, "out of memory while normalising text");
                for (; at < end; at++) {
                    m = &cpmap[(unsigned char)in[at]];
                    note_script(bd, m->script);
                    put1(bd, m->out[0], at);
                }
                marks = m->kind == CM_PLAIN_LATIN ? MARKS_STRIP : MARKS_KEEP;
                continue;
            }
        }
        /* ASCII space, dash or apostrophe: emit_cp's answer does not depend
         * on what follows (a mark after it starts its own sequence). */
        if (c < 0x80 && cpmap[c].kind == CM_SPECIAL) {
            char o = is_space_cp(c) ? ' ' : is_dash(c) ? '-' : '\'';
            if (o != ' ' || bd->len == 0 || bd->s[bd->len - 1] != ' ') {
                if (bd->len + 2 > bd->cap && grow(bd, bd->len + 1) != 0)
                    return err_set(e, EXIT_INPUT, "out of memory while normalising text");
                note_script(bd, o == '-' ? SCRIPT_HYPHEN : SCRIPT_NONE);
                put1(bd, o, at);
            }
            at++;
            continue;
        }
        if (c < 0x80) {
            if (c == '\0')
                return err_set(e, EXIT_INPUT, "text contains a NUL byte at offset %zu; remove it and try again", at);
            cp = c, n = 1;
        } else if (at == la_at) {
            cp = la_cp, n = la_n;           /* decoded as the last look-ahead */
        } else if ((k = utf8_decode(&cp, in + at, inlen - at)) < 0) {
            return err_set(e, EXIT_INPUT, "text is not valid UTF-8 at byte %zu; convert it to UTF-8 and try again", at);
        } else {
            n = (size_t)k;
        }
        /* A character of the BMP none of the cases below takes (most
         * non-ASCII text: Hangul syllables, Cyrillic, Han), standing
         * alone in its sequence: what the table says, as below. */
        if (cp < 0x10000 && cpmap[cp].fast &&
            !continued(&la_at, &la_cp, &la_n, in, inlen, at + n)) {
            m = &cpmap[cp];
            marks = m->marks;
            note_script(bd, m->script);
            if (put_fast(bd, m, at) != 0)
                return err_set(e, EXIT_INPUT, "out of memory while normalising text");
            at += n;
            continue;
        }
        if (cp >= RI_FIRST && (k = regional_letter(cp, in, inlen, at)) != 0) {
            char letter = (char)k;
            note_script(bd, CONF_LATIN);
            if (put(bd, &letter, 1, at) != 0)
                return err_set(e, EXIT_INPUT, "out of memory while normalising text");
            marks = MARKS_STRIP;
            at += n;
            continue;
        }
        if (cp > 0x7F && (mark = number_mark(bd->s, bd->len, cp, in, inlen, at + n)) != NULL) {
            note_script(bd, SCRIPT_NONE);
            if (put(bd, mark, strlen(mark), at) != 0)
                return err_set(e, EXIT_INPUT, "out of memory while normalising text");
            marks = MARKS_KEEP;
            at += n;
            continue;
        }
        if ((cp >= 0x3131 && cp <= 0x3163) || (cp >= 0xFFA1 && cp <= 0xFFDC)) {
            int oom = 0;
            size_t run = put_jamo_run(bd, in, inlen, at, &oom);
            if (oom)
                return err_set(e, EXIT_INPUT, "out of memory while normalising text");
            if (run > 0) {
                marks = MARKS_LEFT_OVER;
                at += run;
                continue;
            }
        }
        /* A spacing accent typed after a Latin letter ("Cho˘ng", as a
         * keyboard without dead keys gives ŏ: report-adv12d F16) is the
         * letter's mark, stripped as marks on Latin letters are. */
        if (spacing_accent(cp) && bd->len > 0 && ascii_letter(bd->s[bd->len - 1])) {
            at += n;
            continue;
        }
        m = cp < 0x10000 ? &cpmap[cp] : NULL;
        if (m != NULL && m->kind >= CM_PLAIN && !continued(&la_at, &la_cp, &la_n, in, inlen, at + n)) {
            marks = marks_of(cp);
            note_script(bd, m->script);
            if (put_fast(bd, m, at) != 0)
                return err_set(e, EXIT_INPUT, "out of memory while normalising text");
        } else if (m != NULL ? m->kind == CM_SPECIAL
                             : (is_space_cp(cp) || is_dash(cp) || is_apostrophe(cp))) {
            note_script(bd, is_dash(cp) ? SCRIPT_HYPHEN : SCRIPT_NONE);
            if (emit_cp(bd, cp, at) != 0)
                return err_set(e, EXIT_INPUT, "out of memory while normalising text");
        } else {
            /* A run of marks cut from its letter keeps the letter's script. */
            if (!continues(cp)) {
                marks = marks_of(cp);
                note_script(bd, script_of(cp));
            }
            n = seq_length(in + at, inlen - at);
            if (emit_seq(bd, in + at, n, marks, at, e) != 0)
                return -1;
        }
        at += n;
    }
    bd->s[bd->len] = '\0';
    return 0;
}

/* ---- Look-alike letters (confusable.h) ----
 * A word that mixes Latin, Cyrillic or Greek letters is written in one
 * script, its other letters replaced by their look-alikes there
 * ("Aлтангэрэл" with a Latin A becomes алтангэрэл): the script whose
 * look-alikes cover every other letter of the word, the one with most
 * letters among those (Cyrillic, then Latin, on a tie).  A word no script
 * covers is left as it is (only flagged): half a word rewritten would
 * hide what the script change showed ("Бат-Эрдэнэkim" is Бат-Эрдэнэ
 * glued to a Latin word, not a Latin word).  So is a word with other word
 * characters (digits, Hangul, Han: "Алтан8", "Сара김종수"): a name glued
 * to them is replaced at the script change, and its replacement must not
 * change how the rest of the word reads (the re-scan reads the output
 * the same way).  Words written in one script are left alone. */

static void free_builder(struct builder *bd)
{
    secmem_wipe_free(bd->s), secmem_wipe_free(bd->k);
    free(bd->a), free(bd->ka);
    memset(bd, 0, sizeof *bd);
}

/* The look-alike in script of the character cp, which came from the
 * original character at in[o]: by its folded form, or else by its
 * original (Cyrillic В is Latin B, not b); 0 if none. */
static int lookalike(int cp, int script, const char *in, size_t inlen, size_t o)
{
    int d = confusable_in(cp, script), ocp;

    if (d == 0 && utf8_decode(&ocp, in + o, inlen - o) > 0 && ocp != cp)
        d = confusable_in(ocp, script);
    return d;
}

/* The script the word bd->s[a..b) is to be written in (see above), or 0
 * if no script's look-alikes cover it. */
static int word_script(const struct builder *bd, size_t a, size_t b, const char *in,
                       size_t inlen)
{
    static const int order[] = { CONF_CYRILLIC, CONF_LATIN, CONF_GREEK };
    int count[CONF_OTHER + 1] = {0}, best = 0, cp, k, sc, t;
    size_t i;

    for (i = a; i < b; i += (size_t)k)
        if ((k = utf8_decode(&cp, bd->s + i, b - i)) > 0)
            count[confusable_script(cp)]++;
        else
            k = 1;
    for (t = 0; t < 3; t++) {
        int s = order[t], whole = count[s] > 0 || (s == CONF_LATIN && count[CONF_OTHER] > 0);
        for (i = a; whole && i < b; i += (size_t)k) {
            if ((k = utf8_decode(&cp, bd->s + i, b - i)) <= 0)
                break;
            sc = confusable_script(cp);
            whole = sc == CONF_NONE || sc == s || lookalike(cp, s, in, inlen, bd->a[i]) != 0;
        }
        /* A word only of Armenian, Cherokee, Lisu or syllabics look-alikes
         * (Ꭰꓳꓣꓙ) is written in Latin when Latin covers it. */
        if (whole && (count[s] > count[best] || (s == CONF_LATIN && best == 0 && count[CONF_OTHER] > 0)))
            best = s;
    }
    return best;
}

/* Puts norm bytes bd->s[i..i+k) (one character, cp) into nb, its Han
 * reading into the key. */
static int copy_char(struct builder *nb, const struct builder *bd, size_t i, size_t k, int cp)
{
    if (put(nb, bd->s + i, k, bd->a[i]) != 0)
        return -1;
    return put_reading(nb, cp, k);
}

/* Appends the original span [a, b) to the list of mixed words. */
static int add_mixed(uint32_t **mixed, size_t *nmixed, size_t *cap, size_t a, size_t b)
{
    uint32_t *m = *mixed;

    if (*nmixed == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        if ((m = realloc(*mixed, 2 * *cap * sizeof *m)) == NULL)
            return -1;
        *mixed = m;
    }
    m[2 * *nmixed] = (uint32_t)a;
    m[2 * *nmixed + 1] = (uint32_t)b;
    (*nmixed)++;
    return 0;
}

/* ---- Look-alikes in identifiers (report-adv12c H58, H59) ----
 * A word shaped like an ID or passport number (five ASCII digits or more,
 * at most three letters, no other word characters) is written in Latin
 * letters and ASCII digits: a Cyrillic or Greek letter becomes its Latin
 * look-alike ("Е1234567" typed on a Cyrillic keyboard is e1234567, as the
 * registered id:E1234567 and the passport detector read it), and a letter
 * whose skeleton is a digit, standing between two digits, becomes that
 * digit ("M12З4567" is m1234567).  Such a word is no name, so it raises no
 * mixed-script flag; a Mongolian register number (УБ75031412: Б has no
 * Latin look-alike) is left in Cyrillic for its own detector. */
static int digit_lookalike(int cp)
{
    switch (cp) {
    case 'o': case 0x043E: case 0x03BF: case 0x0585: return '0';        /* o о ο օ */
    case 'l': case 0x0456: case 0x04CF: case 0x03B9: return '1';        /* l і ӏ ι */
    case 0x0437: case 0x04E1: case 0x021D: return '3';                  /* з ӡ ȝ */
    case 0x0431: return '6';                                           /* б */
    default: return 0;
    }
}

/* The digit cp at norm byte p (n bytes) stands for between two ASCII
 * digits, or 0. */
static int digit_between(const struct builder *bd, size_t p, size_t n, int cp)
{
    return p > 0 && p + n < bd->len && bd->s[p - 1] >= '0' && bd->s[p - 1] <= '9' &&
                   bd->s[p + n] >= '0' && bd->s[p + n] <= '9' ? digit_lookalike(cp) : 0;
}

/* 1 if bd->s[a..b) is an ID-shaped word (above) with something to fold. */
static int id_word(const struct builder *bd, size_t a, size_t b, const char *in, size_t inlen)
{
    size_t i, digits = 0, letters = 0, fold = 0;
    int cp, k, sc;

    for (i = a; i < b; i += (size_t)k) {
        if ((k = utf8_decode(&cp, bd->s + i, b - i)) <= 0)
            return 0;
        if (cp >= '0' && cp <= '9') {
            digits++;
            continue;
        }
        if (digit_between(bd, i, (size_t)k, cp) != 0) {
            digits++, fold += cp > 0x7F || cp == 'o' || cp == 'l';
            continue;
        }
        sc = confusable_script(cp);
        if (++letters > 3 || sc == CONF_NONE || sc == CONF_OTHER)
            return 0;
        if (sc != CONF_LATIN) {
            if (lookalike(cp, CONF_LATIN, in, inlen, bd->a[i]) == 0)
                return 0;
            fold++;
        }
    }
    return digits >= 5 && fold > 0;
}

/* 1 if the word bd->s[a..b) holds a Cyrillic letter of neither Russian
 * nor Mongolian (confusable_rare_cyrillic). */
static int rare_cyrillic_word(const struct builder *bd, size_t a, size_t b)
{
    int cp, k;

    for (; a < b && (k = utf8_decode(&cp, bd->s + a, b - a)) > 0; a += (size_t)k)
        if (confusable_rare_cyrillic(cp))
            return 1;
    return 0;
}

/* 1 if every letter of the word bd->s[a..b) is Latin or has a Latin
 * look-alike. */
static int latin_covers(const struct builder *bd, size_t a, size_t b, const char *in, size_t inlen)
{
    int cp, k, sc;

    for (; a < b && (k = utf8_decode(&cp, bd->s + a, b - a)) > 0; a += (size_t)k)
        if ((sc = confusable_script(cp)) != CONF_NONE && sc != CONF_LATIN &&
            lookalike(cp, CONF_LATIN, in, inlen, bd->a[a]) == 0)
            return 0;
    return 1;
}

/* 1 if the word bd->s[a..b) is only of the letters of Armenian, Cherokee,
 * Lisu or syllabics (a Hebrew or Arabic word, or "ㅇㅇ", stays whole). */
static int only_lookalikes(const struct builder *bd, size_t a, size_t b)
{
    int cp, k;

    for (; a < b && (k = utf8_decode(&cp, bd->s + a, b - a)) > 0; a += (size_t)k)
        if (!confusable_only_lookalike(cp))
            return 0;
    return 1;
}

/* Rewrites bd's views with every mixed word in one script; appends each
 * such word's original span to *mixed (pairs of offsets, malloc). */
static int resolve_mixed(struct builder *bd, const char *in, size_t inlen, uint32_t **mixed,
                         size_t *nmixed)
{
    struct builder nb = { 0 };
    size_t i = 0, w, cap = 0;
    int cp, k, script, d, scripts, idw;
    utf8proc_uint8_t u[4];

    if (grow(&nb, bd->len + bd->len / 2 + 16) != 0)
        return -1;
    while (i < bd->len) {
        if ((k = utf8_decode(&cp, bd->s + i, bd->len - i)) <= 0)
            goto fail;
        if (!is_word_cp(cp)) {
            if (copy_char(&nb, bd, i, (size_t)k, cp) != 0)
                goto fail;
            i += (size_t)k;
            continue;
        }
        for (w = i, scripts = 0; w < bd->len && utf8_decode(&cp, bd->s + w, bd->len - w) > 0 &&
                                 is_word_cp(cp); w += (size_t)utf8_decode(&cp, bd->s + w, bd->len - w))
            scripts |= 1 << confusable_script(cp);
        script = 0;
        idw = (scripts & 1) && id_word(bd, i, w, in, inlen);
        if (idw) {
            script = CONF_LATIN;
        } else if (scripts == 1 << CONF_CYRILLIC && rare_cyrillic_word(bd, i, w)) {
            /* A Cyrillic word with a letter of neither Russian nor
             * Mongolian: a Latin word in Cyrillic look-alikes (Воӏԁ) is
             * written in Latin; any such word is flagged (Єлзийбаяр). */
            if (latin_covers(bd, i, w, in, inlen))
                script = CONF_LATIN;
            if (add_mixed(mixed, nmixed, &cap, bd->a[i], w < bd->len ? bd->a[w] : inlen) != 0)
                goto fail;
        } else if (scripts == 1 << CONF_OTHER && w - i > 4 && only_lookalikes(bd, i, w)) {
            /* Only look-alike letters (Ꭰꓳꓣꓙ; two or more: every one of
             * these letters is 2 or 3 bytes): a Latin word in disguise when
             * Latin covers every letter, else a word of its own script
             * (Բարև, ᏣᎳᎩ), left alone. */
            if ((script = word_script(bd, i, w, in, inlen)) == CONF_LATIN &&
                add_mixed(mixed, nmixed, &cap, bd->a[i], w < bd->len ? bd->a[w] : inlen) != 0)
                goto fail;
        } else if ((scripts & ~1) & ((scripts & ~1) - 1)) {
            if (!(scripts & 1))
                script = word_script(bd, i, w, in, inlen);
            if (add_mixed(mixed, nmixed, &cap, bd->a[i], w < bd->len ? bd->a[w] : inlen) != 0)
                goto fail;
        }
        for (; i < w; i += (size_t)k) {
            k = utf8_decode(&cp, bd->s + i, w - i);
            d = idw ? digit_between(bd, i, (size_t)k, cp) : 0;
            if (d == 0)
                d = script != 0 && confusable_script(cp) != CONF_NONE && confusable_script(cp) != script
                        ? lookalike(cp, script, in, inlen, bd->a[i]) : 0;
            if (d != 0 ? put(&nb, (const char *)u, (size_t)utf8proc_encode_char(d, u), bd->a[i]) != 0
                       : copy_char(&nb, bd, i, (size_t)k, cp) != 0)
                goto fail;
        }
    }
    nb.s[nb.len] = '\0';
    free_builder(bd);
    *bd = nb;
    return 0;
fail:
    free_builder(&nb);
    return -1;
}

/* ---- Names written half in one script, half in another (issue 12,
 * brief i12-kinds2 item 1) ----
 * "Jong수", "종su", "Чон수", "Dor-ж", "До-rj": a word (word characters,
 * and single hyphens between them) holding letters of two or three of
 * Latin, Cyrillic and Hangul is keyed in one script: Latin if it has Latin
 * letters, else Cyrillic.  Every letter of the other scripts is keyed by
 * its usual spelling there (romanise_reading: Revised Romanisation or
 * Kontsevich for a Hangul syllable, MNS 5217 for a Cyrillic letter), so
 * "Jong수" and "종su" are keyed jongsu, "Чон수" чонсу, "Dor-ж" dorj, and
 * a name whose halves are each a spelling of its parts matches as a whole.
 * Only the key view changes: the norm view keeps the script change, which
 * boundaries, particles and detectors read ("Raseon이다").  Every key byte
 * of a reading maps to the first norm byte of its letter. */
static int split_script(int cp)
{
    int s;

    if (cp >= 0xAC00 && cp <= 0xD7A3)
        return SCRIPT_HANGUL;
    s = confusable_script(cp);
    return s == CONF_LATIN || s == CONF_CYRILLIC ? s : SCRIPT_NONE;
}

/* The end of the word starting at norm byte i (word characters and single
 * hyphens between them); *mask gets 1 << split_script of its letters. */
static size_t split_word(const struct builder *bd, size_t i, unsigned *mask)
{
    int cp, k;

    *mask = 0;
    while (i < bd->len && (k = utf8_decode(&cp, bd->s + i, bd->len - i)) > 0) {
        if (!is_word_cp(cp)) {
            if (bd->s[i] != '-' || i + 1 >= bd->len || utf8_decode(&cp, bd->s + i + 1, bd->len - i - 1) <= 0 ||
                !is_word_cp(cp))
                break;
            k = 1;
        } else {
            *mask |= 1u << split_script(cp);
        }
        i += (size_t)k;
    }
    return i;
}

struct reading {
    uint32_t at, len;           /* the letter: norm bytes */
    char s[12];                 /* its key bytes */
    int n;
};

/* Finds the letters to key by their reading (above) into *rd (malloc, *nrd
 * of them); returns the key bytes they add at most, or SIZE_MAX if out of
 * memory. */
static size_t split_readings(const struct builder *bd, struct reading **rd, size_t *nrd)
{
    size_t i = 0, w, cap = 0, extra = 0;
    unsigned mask, letters;
    int cp, k, target, sc;
    struct reading *r = NULL, *t;

    *rd = NULL, *nrd = 0;
    while (i < bd->len) {
        if ((k = utf8_decode(&cp, bd->s + i, bd->len - i)) <= 0)
            break;
        if (!is_word_cp(cp)) {
            i += (size_t)k;
            continue;
        }
        w = split_word(bd, i, &mask);
        letters = mask & ~1u;
        /* Not the end of an address, a URL or a handle
         * ("x@gmail.comгэрэл": the word glued after it is read as
         * written, with its own rules). */
        if ((letters & (letters - 1)) == 0 ||
            (i > 0 && strchr(".@/:_", bd->s[i - 1]) != NULL)) {
            i = w;
            continue;
        }
        target = mask & (1u << CONF_LATIN) ? CONF_LATIN : CONF_CYRILLIC;
        for (; i < w; i += (size_t)k) {
            if ((k = utf8_decode(&cp, bd->s + i, w - i)) <= 0)
                return free(r), SIZE_MAX;
            sc = split_script(cp);
            if (sc == SCRIPT_NONE || sc == target)
                continue;
            if (*nrd == cap) {
                cap = cap ? 2 * cap : 16;
                if ((t = realloc(r, cap * sizeof *r)) == NULL)
                    return free(r), SIZE_MAX;
                r = t;
            }
            t = &r[*nrd];
            if ((t->n = romanise_reading(t->s, sizeof t->s, cp, target)) < 0)
                continue;
            t->at = (uint32_t)i, t->len = (uint32_t)k;
            extra += (size_t)t->n;
            (*nrd)++;
        }
    }
    *rd = r;
    return extra;
}

/* Rewrites bd's key view with the readings of read_split (above).
 * Returns 0, or -1 if out of memory. */
static int read_split(struct builder *bd)
{
    struct reading *rd;
    size_t nrd, extra = split_readings(bd, &rd, &nrd), i, j = 0, w = 0;
    char *k;
    uint32_t *ka;

    if (extra == SIZE_MAX)
        return -1;
    if (nrd == 0)
        return free(rd), 0;
    if ((bd->klen + extra + 1 > bd->cap && grow(bd, bd->klen + extra) != 0) ||
        (k = secmem_wipe_malloc(bd->cap)) == NULL) {
        free(rd);
        return -1;
    }
    if ((ka = malloc(bd->cap * sizeof *ka)) == NULL) {
        secmem_wipe_free(k), free(rd);
        return -1;
    }
    for (i = 0; i < bd->klen; i++) {
        uint32_t p = bd->ka[i];
        while (j < nrd && rd[j].at + rd[j].len <= p)
            j++;
        if (j < nrd && p >= rd[j].at) {
            if (p == rd[j].at && (i == 0 || bd->ka[i - 1] < p)) {
                memcpy(k + w, rd[j].s, (size_t)rd[j].n);
                for (int c = 0; c < rd[j].n; c++)
                    ka[w + (size_t)c] = p;
                w += (size_t)rd[j].n;
            }
            continue;
        }
        k[w] = bd->k[i];
        ka[w++] = p;
    }
    sodium_memzero(rd, nrd * sizeof *rd);
    free(rd);
    secmem_wipe_free(bd->k), free(bd->ka);
    bd->k = k, bd->ka = ka, bd->klen = w;
    return 0;
}

/* ---- Names spelled out letter by letter (issue 12 follow-up) ----
 * "B.o.l.d", "김.종.수가", "종_수", "D_o_r_j": one punctuation character
 * (normalise_spell_sep) between two letters of one script is a *gap*,
 * left out of the key as spaces and dashes are (report-adv12e F22:
 * "Jong/su", "Jong\\su", "Jong|su" are the name's parts joined; before, at
 * least one letter had to stand alone: a non-word character or the
 * text's edge on its other side, as it still must beside a full stop);
 * the norm view keeps it (the detectors read it: "a.b@x.org").  A full
 * stop between Latin letters is a gap only in a run of at least four
 * letters standing alone ("B.o.l.d"): K.J.S. and J.S. Kim are initials,
 * keyed with their dots (variants.c), and "N.O.T." must not become the
 * word "not".  The test reads at most four letters on each side, and a
 * re-scan window never starts or ends next to a separator of this kind
 * (redact_rescan.c), so it decides every gap inside it as the whole text
 * does. */
#define SPELL_RUN 4

int normalise_spell_sep(int cp)
{
    return cp == '.' || cp == '_' || cp == '*' || cp == '/' || cp == '|' || cp == '+' ||
           cp == '~' || cp == '\\' || cp == ':' || cp == ';' || cp == '^' || cp == '=' ||
           cp == 0x00B7 || cp == 0x2022 || cp == 0x2027 ||
           cp == 0x2219 || cp == 0x22C5 || cp == 0x318D;
}

/* The code point ending before norm byte p (p > 0), and its start. */
static int cp_before(const char *s, size_t p, size_t *start)
{
    size_t a = p - 1;
    int cp;

    while (a > 0 && ((unsigned char)s[a] & 0xC0) == 0x80)
        a--;
    *start = a;
    return utf8_decode(&cp, s + a, p - a) > 0 ? cp : -1;
}

static int spell_letter(int cp)
{
    return cp > 0 && is_word_cp(cp) && !(cp >= '0' && cp <= '9') && normalise_script(cp) != 0;
}

/* 1 if the letter at s[a..b) stands alone: no word character touches it. */
static int letter_alone(const char *s, size_t len, size_t a, size_t b)
{
    size_t x;
    int cp;

    return (a == 0 || !is_word_cp(cp_before(s, a, &x))) &&
           (b >= len || utf8_decode(&cp, s + b, len - b) <= 0 || !is_word_cp(cp));
}

/* Letters standing alone in a run of full stops from the letter at
 * s[a..b) on (dir -1 left, +1 right), up to SPELL_RUN. */
static int dot_run(const char *s, size_t len, size_t a, size_t b, int dir)
{
    int n = 0, cp;
    size_t x, y;

    while (n < SPELL_RUN) {
        if (dir < 0) {
            if (a < 2 || s[a - 1] != '.' || (cp = cp_before(s, a - 1, &x)) < 0)
                break;
            y = a - 1;
        } else {
            if (b + 1 >= len || s[b] != '.' || utf8_decode(&cp, s + b + 1, len - b - 1) <= 0)
                break;
            x = b + 1, y = x + (size_t)utf8_decode(&cp, s + x, len - x);
        }
        if (cp >= 0x80 || !spell_letter(cp) || !letter_alone(s, len, x, y))
            break;
        n++, a = x, b = y;
    }
    return n;
}

/* 1 if the character of n bytes at norm byte p is a gap (above); *alone
 * gets bit 1 if the letter on its left stands alone, bit 2 if the one on
 * its right does. */
static int spell_gap(const char *s, size_t len, size_t p, size_t n, int *alone)
{
    size_t a, b;
    int l, r;

    if (p == 0 || p + n >= len)
        return 0;
    l = cp_before(s, p, &a);
    if (utf8_decode(&r, s + p + n, len - p - n) <= 0 || !spell_letter(l) || !spell_letter(r) ||
        normalise_script(l) != normalise_script(r))
        return 0;
    b = p + n + (size_t)utf8_decode(&r, s + p + n, len - p - n);
    *alone = letter_alone(s, len, a, p) | letter_alone(s, len, p + n, b) << 1;
    if (s[p] == '.' && l < 0x80)
        return *alone == 3 && 2 + dot_run(s, len, a, p, -1) + dot_run(s, len, p + n, b, 1) >= SPELL_RUN;
    /* Any other separator joins the parts of a name too (Jong/su, Jong\\su,
     * Jong|su, Jong:su: report-adv12e F22), whether or not a letter
     * stands alone. */
    return 1;
}

int normalise_spelled(const char *norm, size_t len, size_t a, size_t b)
{
    size_t i;
    int alone;

    for (i = a; i < b; i++)
        if (norm[i] == ' ' && !(spell_gap(norm, len, i, 1, &alone) && alone == 3))
            return 0;
    return 1;
}

int normalise_gap_at(const char *norm, size_t len, size_t p, int before)
{
    size_t a = p;
    int cp, k, alone;

    if (before) {
        if (p == 0 || (cp = cp_before(norm, p, &a)) < 0)
            return 0;
        k = (int)(p - a);
    } else if (p >= len || (k = utf8_decode(&cp, norm + p, len - p)) <= 0) {
        return 0;
    }
    return normalise_spell_sep(cp) && spell_gap(norm, len, a, (size_t)k, &alone) &&
           (alone & (before ? 2 : 1)) != 0;
}

size_t normalise_gap(const char *norm, size_t len, size_t p)
{
    int cp, k, alone;

    if (p >= len || (k = utf8_decode(&cp, norm + p, len - p)) <= 0 || !normalise_spell_sep(cp))
        return 0;
    return spell_gap(norm, len, p, (size_t)k, &alone) ? (size_t)k : 0;
}

/* ---- Leetspeak digits (issue 12) ----
 * A single digit among basic Latin letters is read in the key view as
 * the letter it is written for (b0ld: bold; B4tbayar: batbayar;
 * 4ltangerel: altangerel), so the word matches a protected form it
 * otherwise spells; the norm view keeps the digit (detectors, review
 * flags, boundaries).  Only where the word is mostly letters: at least
 * two, twice as many as digits, no two digits side by side, and a letter
 * next to the digit; so numbers, IDs (M1234567), handles with a number
 * (kimjs75) and x86 keep their digits (mp3 is keyed "mpe", which matters
 * only where a protected form is spelled so).
 * One reading per digit (1 is i, not l). */
#define LEET_SCAN 64

static int ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* 1 if a Cyrillic letter (U+0400-U+04FF, two bytes: lead D0-D3) starts at
 * s[p] (len bytes). */
static int cyr_at(const char *s, size_t len, size_t p)
{
    unsigned char c = (unsigned char)s[p];

    return c >= 0xD0 && c <= 0xD3 && p + 1 < len && ((unsigned char)s[p + 1] & 0xC0) == 0x80;
}

/* 1 if a Cyrillic letter ends just before s[p]. */
static int cyr_before(const char *s, size_t len, size_t p)
{
    return p >= 2 && cyr_at(s, len, p - 2);
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The letter the digit c stands for in a Latin (cyr 0) or Cyrillic word;
 * "" if none.  One reading per digit, the letter it looks like or is
 * typed for: Latin 0 o, 1 i, 3 e, 4 a, 5 s, 7 t, 8 b, 9 g; Cyrillic 0 о,
 * 1 и, 3 з, 4 ч, 6 б, 8 в (report-adv12e F40; 1 is l, л after a vowel:
 * leet_at). */
static const char *leet_letter(int c, int cyr)
{
    static const char *const latin[10] = { "o", "i", "", "e", "a", "s", "", "t", "b", "g" };
    static const char *const cyrillic[10] = {
        "\xd0\xbe", "\xd0\xb8", "", "\xd0\xb7", "\xd1\x87", "", "\xd0\xb1", "", "\xd0\xb2", "",
    };

    unsigned d = (unsigned)c - '0';

    return d < 10 ? (cyr ? cyrillic : latin)[d] : "";
}

/* 1 if the letter ending before s[p] (Latin or Cyrillic) is a vowel. */
static int vowel_before(const char *s, size_t len, size_t p)
{
    static const char *const cyr_vowels[] = {
        "\xd0\xb0", "\xd1\x8d", "\xd0\xb8", "\xd0\xbe", "\xd1\x83", "\xd3\xa9", "\xd2\xaf",
        "\xd1\x8b", "\xd0\xb5", "\xd1\x91", "\xd1\x8e", "\xd1\x8f",
    };

    if (p > 0 && ascii_letter(s[p - 1]))
        return strchr("aeiouy", s[p - 1] | 0x20) != NULL;
    for (size_t i = 0; cyr_before(s, len, p) && i < sizeof cyr_vowels / sizeof cyr_vowels[0]; i++)
        if (memcmp(s + p - 2, cyr_vowels[i], 2) == 0)
            return 1;
    return 0;
}

/* 1 if a Latin or Cyrillic letter is next to norm byte p: before it
 * (dir -1) or after it (dir 1). */
static int letter_at(const char *s, size_t len, size_t p, int dir)
{
    if (dir < 0)
        return (p > 0 && ascii_letter(s[p - 1])) || cyr_before(s, len, p);
    return p + 1 < len && (ascii_letter(s[p + 1]) || cyr_at(s, len, p + 1));
}

/* The letter the digit at norm byte p stands for ("" if none): in a word
 * of Latin letters or one of Cyrillic letters (never both, never glued to
 * other non-ASCII word characters) with at least two letters, twice as
 * many letters as digits, a letter next to the digit, and no two digits
 * side by side, except one pair of the same 0 or 1 in a word of three
 * letters or more ("Ulz11": ulzii, report-adv12e F17). */
static const char *leet_at(const char *s, size_t len, size_t p)
{
    size_t a = p, b = p + 1, letters = 0, digits = 0, pairs = 0, i;
    int cyr = 0, lat = 0;

    /* First the cheap test: a letter next to the digit, or next to its
     * pair (most digits are in numbers). */
    if ((leet_letter(s[p], 0)[0] == 0 && leet_letter(s[p], 1)[0] == 0) ||
        !(letter_at(s, len, p, -1) || letter_at(s, len, p, 1) ||
          (p > 0 && is_digit(s[p - 1]) && letter_at(s, len, p - 1, -1)) ||
          (p + 1 < len && is_digit(s[p + 1]) && letter_at(s, len, p + 1, 1))))
        return "";
    while (a > 0 && p - a < LEET_SCAN) {
        if (ascii_letter(s[a - 1]) || is_digit(s[a - 1]))
            a--;
        else if (cyr_before(s, len, a))
            a -= 2;
        else
            break;
    }
    while (b < len && b - p < LEET_SCAN) {
        if (ascii_letter(s[b]) || is_digit(s[b]))
            b++;
        else if (cyr_at(s, len, b))
            b += 2;
        else
            break;
    }
    /* A word glued to other word characters (Hangul, Han) is left. */
    if ((a > 0 && ((unsigned char)s[a - 1] & 0x80)) || (b < len && ((unsigned char)s[b] & 0x80)))
        return "";
    for (i = a; i < b; i++) {
        if (ascii_letter(s[i])) {
            letters++, lat = 1;
        } else if (cyr_at(s, len, i)) {
            letters++, cyr = 1, i++;
        } else {
            digits++;
            if (i + 1 < b && is_digit(s[i + 1])) {
                if (s[i + 1] != s[i] || (s[i] != '0' && s[i] != '1') ||
                    (i + 2 < b && is_digit(s[i + 2])))
                    return "";
                pairs++;
            }
        }
    }
    if ((lat && cyr) || letters < 2 || letters < 2 * digits) {
        if (!(pairs == 1 && digits == 2 && letters >= 3))
            return "";
    }
    /* 1 is l after a vowel, before a consonant or the word's end
     * ("A1tangerel", "Altangere1": report-adv12d F7; "Алтангэрэ1"), else i
     * ("K1m", "Өлз1й"). */
    if (s[p] == '1' && vowel_before(s, len, p) &&
        (p + 1 >= b || (!is_digit(s[p + 1]) && !vowel_before(s, len, p + (cyr ? 3 : 2)))))
        return cyr ? "\xd0\xbb" : "l";
    return leet_letter(s[p], cyr);
}

/* The key bytes spelled_key may change: digits, the separators of a
 * name spelled out (normalise_spell_sep) and the first bytes of its
 * non-ASCII ones (U+00B7, U+2022, U+2027, U+2219, U+22C5, U+318D); every
 * other byte is kept as it is. */
static const unsigned char spell_byte[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['.'] = 1, ['_'] = 1, ['*'] = 1, ['/'] = 1, ['|'] = 1, ['+'] = 1,
    ['~'] = 1, ['\\'] = 1, [':'] = 1, [';'] = 1, ['^'] = 1, ['='] = 1, [0xC2] = 1, [0xE2] = 1,
    [0xE3] = 1,
};

/* Leaves the gaps (above) out of bd's key view, and reads leetspeak
 * digits as letters there (a Cyrillic letter takes two bytes for the
 * digit's one: the key is then written anew).  Runs of bytes it keeps
 * (most of a text) are copied at once.  Returns 0, or -1 if out of
 * memory. */
static int spelled_key(struct builder *bd)
{
    size_t i, w = 0, p, extra = 0, run;
    int cp, k, alone;
    const char *l;
    char *dk = bd->k;
    uint32_t *dka = bd->ka;

    for (i = 0; i < bd->klen; i++)
        if (is_digit(bd->k[i]) && strlen(leet_at(bd->s, bd->len, bd->ka[i])) == 2)
            extra++;
    if (extra > 0) {
        if (bd->klen + extra + 1 > bd->cap && grow(bd, bd->klen + extra) != 0)
            return -1;
        if ((dk = secmem_wipe_malloc(bd->cap)) == NULL)
            return -1;
        if ((dka = malloc(bd->cap * sizeof *dka)) == NULL) {
            secmem_wipe_free(dk);
            return -1;
        }
    }
    for (i = 0;; i++) {
        unsigned char c;
        for (run = i; run < bd->klen && !spell_byte[(unsigned char)bd->k[run]]; run++)
            ;
        if ((dk != bd->k || w != i) && run > i) {
            memmove(dk + w, bd->k + i, run - i);
            memmove(dka + w, bd->ka + i, (run - i) * sizeof *dka);
        }
        w += run - i, i = run;
        if (i >= bd->klen)
            break;
        c = (unsigned char)bd->k[i];
        if (is_digit((char)c) && *(l = leet_at(bd->s, bd->len, bd->ka[i])) != '\0') {
            for (; *l != '\0'; l++) {
                dk[w] = *l;
                dka[w++] = bd->ka[i];
            }
            continue;
        }
        /* A full stop between two digits is left out of the key, as a
         * dash is: a registered number written "9911.2345" is 99112345
         * (report-adv12d F10). */
        if (c == '.' && (p = bd->ka[i]) > 0 && p + 1 < bd->len && bd->s[p - 1] >= '0' &&
            bd->s[p - 1] <= '9' && bd->s[p + 1] >= '0' && bd->s[p + 1] <= '9')
            continue;
        if ((c == '.' || c == '_' || c == '*' || c == '/' || c == '|' || c == '+' || c == '~' ||
             c == '\\' || c == ':' || c == ';' || c == '^' || c == '=' || c == 0xC2 || c == 0xE2 ||
             c == 0xE3) &&
            (k = utf8_decode(&cp, bd->s + (p = bd->ka[i]), bd->len - bd->ka[i])) > 0 &&
            normalise_spell_sep(cp) && spell_gap(bd->s, bd->len, p, (size_t)k, &alone)) {
            i += (size_t)k - 1;
            continue;
        }
        dk[w] = bd->k[i];
        dka[w++] = bd->ka[i];
    }
    if (dk != bd->k) {
        secmem_wipe_free(bd->k), free(bd->ka);
        bd->k = dk, bd->ka = dka;
    }
    bd->klen = w;
    return 0;
}

/* The bidirectional formatting characters (Unicode UAX #9, table 1):
 * 1 opens an embedding or override (LRE U+202A, RLE U+202B, LRO U+202D,
 * RLO U+202E), 2 an isolate (LRI U+2066, RLI U+2067, FSI U+2068), -1 pops
 * an embedding or override (PDF U+202C), -2 an isolate (PDI U+2069);
 * 0 for anything else.  p points at a byte of the text, n bytes left. */
static int bidi_control(const char *p, size_t n)
{
    const unsigned char *u = (const unsigned char *)p;

    if (n < 3 || u[0] != 0xE2)
        return 0;
    if (u[1] == 0x80 && u[2] >= 0xAA && u[2] <= 0xAE)
        return u[2] == 0xAC ? -1 : 1;
    if (u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9)
        return u[2] == 0xA9 ? -2 : 2;
    return 0;
}

/* A run inside bidirectional controls may be shown in another order than
 * it is stored (report-adv12d F6: "\u202eus-gnoJ miK" reads "Kim Jong-su"
 * on screen; report-adv12e F13: the isolate "\u2067us-gnoJ miK\u2069" too)
 * while matching reads it as stored.  Every run from an opening control
 * (any of LRE, RLE, LRO, RLO, LRI, RLI, FSI: which one reverses depends on
 * the text around it, so all count) to the pop that closes it (nested
 * openers counted), a line break or the text's end, holding a letter, a
 * digit or any other non-ASCII character, is listed in out->mixed: a
 * mixed-script review flag (it mixes display directions).  A pop with no
 * opener reorders nothing and is left alone.  Returns 0, or -1 if out of
 * memory. */
static int override_runs(struct normtext *out, const char *in, size_t inlen)
{
    const char *p = in, *end = in + inlen, *q, *r;
    uint32_t *m;
    int k, depth;

    /* memchr for the controls' first byte, rare in most text. */
    for (; p < end && (p = memchr(p, 0xE2, (size_t)(end - p))) != NULL; p++) {
        if (bidi_control(p, (size_t)(end - p)) <= 0)
            continue;
        for (q = p + 3, depth = 1; q < end && *q != '\n'; q++)
            if ((k = bidi_control(q, (size_t)(end - q))) != 0) {
                depth += k > 0 ? 1 : -1;
                q += 2;
                if (depth == 0) {
                    q -= 2;
                    break;
                }
            }
        for (r = p + 3; r < q && ((unsigned char)*r < 0x80 ? !is_word_cp((unsigned char)*r)
                                                           : bidi_control(r, (size_t)(q - r)) != 0);
             r += (unsigned char)*r < 0x80 ? 1 : 3)
            ;
        if (r < q) {
            if ((m = realloc(out->mixed, 2 * (out->nmixed + 1) * sizeof *m)) == NULL)
                return -1;
            out->mixed = m;
            m[2 * out->nmixed] = (uint32_t)(p - in), m[2 * out->nmixed + 1] = (uint32_t)(q - in);
            out->nmixed++;
        }
        p = q < end && *q != '\n' ? q + 2 : q;
    }
    return 0;
}

static int normalise_plain(struct normtext *out, const char *in, size_t inlen,
                           const uint32_t *map, struct err *e);

/* Decoded offsets (ostart, the mixed words) back to the original's. */
static void remap_decoded(struct builder *nb, struct normtext *out, const uint32_t *map)
{
    for (size_t i = 0; i < nb->len; i++)
        nb->a[i] = map[nb->a[i]];
    for (size_t i = 0; i < 2 * out->nmixed; i++)
        out->mixed[i] = map[out->mixed[i]];
}

int normalise(struct normtext *out, const char *in, size_t inlen, struct err *e)
{
    char *dec;
    size_t declen;
    uint32_t *map;
    int rc;

    /* Web encodings are read as what they stand for (entities.h). */
    memset(out, 0, sizeof *out);
    if (entities_decode(&dec, &declen, &map, in, inlen) != 0)
        return err_set(e, EXIT_INPUT, "out of memory while normalising text (%zu bytes)", inlen);
    if (dec == NULL)
        return normalise_plain(out, in, inlen, NULL, e);
    rc = normalise_plain(out, dec, declen, map, e);
    if (rc == 0)
        out->orig = in, out->inlen = inlen;
    secmem_wipe_free(dec);
    free(map);
    return rc;
}

static int normalise_plain(struct normtext *out, const char *in, size_t inlen,
                           const uint32_t *map, struct err *e)
{
    struct builder nb = { 0 };
    int split;

    if (build_norm(&nb, in, inlen, e) != 0) {
        free_builder(&nb);
        return -1;
    }
    split = nb.split;           /* resolve_mixed makes a new builder */
    if (nb.mixed && resolve_mixed(&nb, in, inlen, &out->mixed, &out->nmixed) != 0) {
        free_builder(&nb);
        free(out->mixed);
        out->mixed = NULL, out->nmixed = 0;
        return err_set(e, EXIT_INPUT, "out of memory while normalising text");
    }
    if ((split && read_split(&nb) != 0) || override_runs(out, in, inlen) != 0) {
        free_builder(&nb);
        free(out->mixed);
        out->mixed = NULL, out->nmixed = 0;
        return err_set(e, EXIT_INPUT, "out of memory while normalising text");
    }
    if (spelled_key(&nb) != 0) {
        free_builder(&nb);
        free(out->mixed);
        out->mixed = NULL, out->nmixed = 0;
        return err_set(e, EXIT_INPUT, "out of memory while normalising text");
    }
    nb.k[nb.klen] = '\0';
    if (map != NULL)
        remap_decoded(&nb, out, map);
    out->norm = nb.s, out->normlen = nb.len, out->ostart = nb.a;
    out->inlen = inlen;
    out->key = nb.k, out->keylen = nb.klen, out->kpos = nb.ka;
    out->orig = in;
    return 0;
}

size_t normtext_oend(const struct normtext *t, size_t i)
{
    size_t j = i + 1;

    while (j < t->normlen && t->ostart[j] == t->ostart[i])
        j++;
    return j < t->normlen ? t->ostart[j] : t->inlen;
}

void normtext_free(struct normtext *t)
{
    if (t == NULL)
        return;
    secmem_wipe_free(t->norm);
    secmem_wipe_free(t->key);
    free(t->ostart);
    free(t->kpos);
    free(t->mixed);
    memset(t, 0, sizeof *t);
}

static int take(char **out, size_t *outlen, const char *s, size_t len, struct err *e)
{
    *out = secmem_strndup(s, len);
    if (*out == NULL)
        return err_set(e, EXIT_INPUT, "out of memory while normalising text");
    *outlen = len;
    return 0;
}

int normalise_norm(char **out, size_t *outlen, const char *in, size_t inlen,
                   struct err *e)
{
    struct normtext t;
    size_t a = 0, b;
    int rc;

    if (normalise(&t, in, inlen, e) != 0)
        return -1;
    b = t.normlen;
    while (a < b && t.norm[a] == ' ')
        a++;
    while (b > a && t.norm[b - 1] == ' ')
        b--;
    rc = take(out, outlen, t.norm + a, b - a, e);
    normtext_free(&t);
    return rc;
}

int normalise_key(char **out, size_t *outlen, const char *in, size_t inlen,
                  struct err *e)
{
    struct normtext t;
    int rc;

    if (normalise(&t, in, inlen, e) != 0)
        return -1;
    rc = take(out, outlen, t.key, t.keylen, e);
    normtext_free(&t);
    return rc;
}

int secbuf_append(char **buf, size_t *used, size_t *size, const char *p, size_t n,
                  size_t *off)
{
    size_t cap = *size ? *size : 256;
    char *nb;

    if (n > SIZE_MAX / 4 || *used > SIZE_MAX / 4)
        return -1;
    while (cap < *used + n + 1)
        cap *= 2;
    if (cap != *size) {
        if ((nb = secmem_wipe_malloc(cap)) == NULL)
            return -1;
        if (*used)
            memcpy(nb, *buf, *used);
        secmem_wipe_free(*buf);
        *buf = nb, *size = cap;
    }
    memcpy(*buf + *used, p, n);
    (*buf)[*used + n] = '\0';
    *off = *used;
    *used += n + 1;
    return 0;
}
