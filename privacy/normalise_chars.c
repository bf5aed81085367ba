/* The character tables of the norm view (normalise.h): which code points
 * are word characters, which script each is in, capitals, dashes, spaces,
 * apostrophes, the marks that stand for a dash or a degree sign inside
 * numbers, and which characters continue a combining sequence.  Pure
 * functions of code points and text; the bottom of the normalise files. */
#include "privacy/normalise.h"

#include <sodium.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "crypto/secmem.h"
#include "privacy/confusable.h"
#include "privacy/entities.h"
#include "privacy/hanja.h"
#include "privacy/romanise.h"
#include "privacy/normalise_int.h"

int norm_is_sep(char c)
{
    return c == ' ' || c == '-' || c == '\'';
}

int utf8_next(int *cp, const char *s, size_t len)
{
    return utf8_decode(cp, s, len);
}

int normalise_digit_value(int cp)
{
    int k = 0;

    if (cp >= '0' && cp <= '9')
        return cp - '0';
    if (cp < 0x80 || utf8proc_category(cp) != UTF8PROC_CATEGORY_ND)
        return -1;
    while (k < 60 && cp - k - 1 >= 0 && utf8proc_category(cp - k - 1) == UTF8PROC_CATEGORY_ND)
        k++;
    return k % 10;
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
/* Set once wordbit is built: an acquire load per call instead of a call
 * of pthread_once (1.5% of bench/redact.sh's run). */
static atomic_int wordbit_ready;

static void wordbit_build(void)
{
    int cp;

    for (cp = 0; cp < 0x10000; cp++)
        if (word_cp_slow(cp))
            wordbit[cp >> 3] |= (unsigned char)(1u << (cp & 7));
    atomic_store_explicit(&wordbit_ready, 1, memory_order_release);
}

int is_word_cp_table(int cp)
{
    if (cp < 0 || cp >= 0x10000)
        return cp >= 0 && word_cp_slow(cp);
    if (!atomic_load_explicit(&wordbit_ready, memory_order_acquire))
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

int norm_is_latin_cp(int cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
           (cp >= 0x00C0 && cp <= 0x024F && cp != 0xD7 && cp != 0xF7) ||
           (cp >= 0x1E00 && cp <= 0x1EFF);
}

int norm_is_dash(int cp)
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
int norm_number_joiner(int cp)
{
    return cp == 0x3161 || cp == 0x318D || cp == 0x00B7 || cp == 0x2027 || cp == 0x2219 ||
           cp == 0x22C5 || cp == 0x2022;
}

int norm_degree_lookalike(int cp)
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
 * flag beside a word ("🇲🇳Bold") stays a symbol and the word boundary.
 * RI_FIRST, RI_LAST: normalise_int.h. */

static int is_regional(const char *in, size_t inlen, size_t at)
{
    int cp;

    return at + 4 <= inlen && utf8_decode(&cp, in + at, inlen - at) == 4 && cp >= RI_FIRST &&
           cp <= RI_LAST;
}

/* The letter the regional indicator cp at in[at] stands for, or 0. */
int norm_regional_letter(int cp, const char *in, size_t inlen, size_t at)
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

int norm_dot_zero(int cp)
{
    return cp == 0x0660 || cp == 0x06F0 || (cp > 0x7F && normalise_digit_value(cp) == 0);
}

/* 1 if the zero of another script at in[end - n, end) stands between two
 * groups of three or four ASCII digits: the norm bytes s[0..len) end in
 * one (after no other digit), and one follows it in in. */
static int zero_between_groups(const char *s, size_t len, const char *in, size_t inlen, size_t end)
{
    size_t a = 0, b = 0;

    while (a < len && a < 5 && s[len - 1 - a] >= '0' && s[len - 1 - a] <= '9')
        a++;
    while (end + b < inlen && b < 5 && in[end + b] >= '0' && in[end + b] <= '9')
        b++;
    return a >= 3 && a <= 4 && b >= 3 && b <= 4;
}

/* What the character cp at in[at..at+n) stands for after the norm bytes
 * s[0..len) (above): "-", the degree sign, "''", or NULL for itself. */
const char *norm_number_mark(const char *s, size_t len, int cp, const char *in, size_t inlen,
                             size_t end)
{
    size_t j = end;
    int spaced = len > 0 && s[len - 1] == ' ';

    if (cp == 0x02BA)
        return len > 0 && s[len - 1] >= '0' && s[len - 1] <= '9' ? "''" : NULL;
    len -= (size_t)spaced;
    if (len == 0 || s[len - 1] < '0' || s[len - 1] > '9')
        return NULL;
    if (norm_degree_lookalike(cp))
        return spaced || superscript_before(cp, in, end) ? NULL : "\xc2\xb0";
    /* The ideographic full stop a CJK input method types between digits
     * is a full stop ("192。168。10。45": report-adv12d F11). */
    if ((cp == 0x3002 || cp == 0xFF61) && !spaced)
        return j < inlen && in[j] >= '0' && in[j] <= '9' ? "." : NULL;
    /* A zero whose UTS #39 skeleton is a full stop (Arabic-Indic ٠,
     * extended Arabic-Indic ۰) between ASCII digits is the full stop it
     * looks like: "9911٠2233" is the phone 9911.2233 (report-adv20, s20
     * note); among digits of its own script it is a zero ("٩٩١١٠٢٢٣٣"). */
    if (cp == 0x0660 || cp == 0x06F0)
        return !spaced && end >= 3 && in[end - 3] >= '0' && in[end - 3] <= '9' && j < inlen &&
                       in[j] >= '0' && in[j] <= '9' ? "." : NULL;
    /* Any other script's zero (Bengali ০, Devanagari ०, fullwidth ０, ...:
     * Unicode Nd of value 0) between groups of three or four ASCII digits
     * separates them as the Arabic-Indic one does ("010০1234০5678": brief
     * s22 num22); inside a longer run it stays a zero ("750314০234567"). */
    if (norm_dot_zero(cp))
        return !spaced && zero_between_groups(s, len, in, inlen, end) ? "." : NULL;
    if (!norm_number_joiner(cp))
        return NULL;
    while (j < inlen && in[j] == ' ')
        j++;
    return j < inlen && ((in[j] >= '0' && in[j] <= '9') || in[j] == '*') ? "-" : NULL;
}

int norm_is_apostrophe(int cp)
{
    return cp == '\'' || cp == '`' || cp == 0x00B4 || cp == 0x2018 ||
           cp == 0x2019 || cp == 0x201B || cp == 0x2032 || cp == 0x02B9 ||
           cp == 0x02BB || cp == 0x02BC || cp == 0x02BD || cp == 0x02C8 ||
           cp == 0xFF07 || cp == 0x055A || cp == 0xA78C;
}

int norm_is_space_cp(int cp)
{
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 ||
           cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000;
}

/* A code point that continues the sequence started before it. */

int normalise_starts_sequence(int cp)
{
    return !norm_continues(cp);
}

int normalise_is_space(int cp)
{
    return norm_is_space_cp(cp);
}

int norm_continues(int cp)
{
    const utf8proc_property_t *p = utf8proc_get_property(cp);

    return p->combining_class != 0 ||
           p->category == UTF8PROC_CATEGORY_MN ||
           p->category == UTF8PROC_CATEGORY_ME ||
           (cp >= 0x1160 && cp <= 0x11FF) ||  /* Hangul vowel and final jamo */
           cp == 0xFF9E || cp == 0xFF9F;      /* half-width ﾞ ﾟ: NFKC composes ｼﾞ ジ */
}
