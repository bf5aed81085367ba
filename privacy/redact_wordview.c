/* The word view the hit rules and the initials reader share (brief s43:
 * moved out of redact_context.c when the initials reader, which reads
 * them, became a file of its own): where a word ends and whether it is
 * written with a capital, the word before and after a hit, a sentence's
 * start, and the titles, verbs and copulas around a name.  Below both
 * redact_context.c and redact_initials.c, calling neither
 * (scripts/layers.sh). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/variants.h"
#include "privacy/detect_int.h"

/* 1 if cp is a letter of a script normalise_script does not name (Greek,
 * Armenian, Georgian, Hebrew, Arabic, Indic...) after prev, a letter of a
 * script it names: a change of script too (adv17a D-53: 종수ן, 김종수ა).
 * After Latin or Cyrillic, marks and modifier letters (U+0301, U+02BC)
 * are no change: they belong to the letter before them; after Hangul,
 * Han or kana any such word character is (김종수ের: a Bengali vowel sign),
 * but for the Hangul tone marks U+302E and U+302F. */
static int other_script_letter(int prev, int cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    int sp = normalise_script(prev);

    if (sp == 0 || normalise_script(cp) != 0)
        return 0;
    if (sp != 1 && sp != 3)
        return cp != 0x302E && cp != 0x302F;
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL ||
           c == UTF8PROC_CATEGORY_LT || c == UTF8PROC_CATEGORY_LO;
}

/* End of the word that continues at norm[at] in the script of prev: a
 * change of script ends it (a Mongolian ending glued to a Hangul name,
 * 김종수тай, is the name and then a word of another script). */
size_t redact_word_end(const char *s, size_t len, size_t at, int prev)
{
    int cp, k;

    while (at < len && (k = utf8_next(&cp, s + at, len - at)) > 0 && is_word_cp(cp) &&
           !normalise_script_change(prev, cp) && !other_script_letter(prev, cp))
        at += (size_t)k;
    return at;
}


/* 1 if the original character at norm byte n is upper case (or folds to
 * one: normalise_is_upper). */
int redact_upper_at(const struct normtext *t, size_t n)
{
    size_t o = t->ostart[n];
    int cp;

    /* A letter written as an escape or a reference (\'c1, &#1041;,
     * \u1041?: entities.h) stands for a capital too: whoever encodes a
     * name hides it, and its case is not in the escape's first byte. */
    if (t->orig[o] != t->norm[n] && (t->orig[o] == '&' || t->orig[o] == '\\' ||
                                     t->orig[o] == '%' || t->orig[o] == '='))
        return 1;
    /* A hit that starts with a digit matched it as a leetspeak letter
     * (8old for Bold, normalise.h): it stands for the capital too. */
    return utf8_next(&cp, t->orig + o, normtext_oend(t, n) - o) > 0 &&
           (normalise_is_upper(cp) || (cp >= '0' && cp <= '9'));
}


/* The start of the word character ending at norm byte n (n > 0). */
size_t redact_cp_start(const char *s, size_t n)
{
    n--;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}



/* ---- The context that marks a name (docs/VARIANTS.md) ---- */

/* Titles written before a name, lower case as the norm view has them. */
static const char *const titles_before[] = {
    "mr", "mrs", "ms", "dr", "mister", "miss", "madam", "comrade", "sir",
    "товарищ", "господин", "госпожа",
};

/* 1 if norm bytes [a, b) are one of tab[0..n), with endings or
 * particles allowed after it when endings is set ("동지가", "гуайд"). */
int redact_word_is(const struct normtext *t, size_t a, size_t b, const char *const *tab, size_t n,
                   int endings)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(tab[i]);
        if (k > b - a || memcmp(t->norm + a, tab[i], k) != 0)
            continue;
        if (k == b - a || (endings && (variant_suffix_ok(SUFFIX_KO, t->norm + a + k, b - a - k) ||
                                        variant_suffix_ok(SUFFIX_MN, t->norm + a + k, b - a - k))))
            return 1;
    }
    return 0;
}

/* The word ending before norm byte p, over one space: [*a, *b); 0 if none. */
int redact_word_before(size_t *a, size_t *b, const struct normtext *t, size_t p)
{
    if (p < 2 || t->norm[p - 1] != ' ')
        return 0;
    *b = p - 1;
    for (*a = *b; *a > 0 && is_word_cp(redact_cp_before(t->norm, *a));)
        *a = redact_cp_start(t->norm, *a);
    return *a < *b;
}

/* The word starting after norm byte p, over one space: [*a, *b); 0 if none. */
int redact_word_after(size_t *a, size_t *b, const struct normtext *t, size_t p)
{
    int cp, k;

    if (p + 1 >= t->normlen || t->norm[p] != ' ')
        return 0;
    *a = *b = p + 1;
    while (*b < t->normlen && (k = utf8_next(&cp, t->norm + *b, t->normlen - *b)) > 0 &&
           is_word_cp(cp))
        *b += (size_t)k;
    return *a < *b;
}

/* 1 if the word at norm byte p starts a sentence: only white space,
 * opening quotes and brackets between it and the text's start, a full
 * stop, question or exclamation mark, colon or a line break. */
int redact_sentence_start(const struct normtext *t, size_t p)
{
    int cp;

    while (p > 0) {
        size_t q = redact_cp_start(t->norm, p);
        if (utf8_next(&cp, t->norm + q, p - q) <= 0)
            return 1;
        if (cp == ' ') {
            size_t o = t->ostart[q], oe = normtext_oend(t, q);
            if (memchr(t->orig + o, '\n', oe - o) != NULL)
                return 1;
        } else if (!(cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == 0x201C ||
                     cp == 0x2018 || cp == 0xAB || cp == 0x300C || cp == 0x300E || cp == '-')) {
            return cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == 0x2026 ||
                   cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
        }
        p = q;
    }
    return 1;
}

/* Verbs that follow a person as the next word ("May said no", "Bold
 * came", "Даваа ирсэн"): the context marks a name even at a sentence's
 * start.  Written by us: the commonest verbs of saying, coming and going
 * in testimony. */
static const char *const verbs_after[] = {
    "said", "says", "told", "tells", "asked", "asks", "came", "comes", "went", "goes",
    "left", "arrived", "replied", "answered", "wrote", "called", "knew", "saw", "worked",
    "lived", "died", "was", "is", "has", "had", "did", "does",
    "хэлсэн", "хэлэв", "ирсэн", "ирэв", "явсан", "явав", "гэсэн", "гэв", "байсан",
    "сказал", "сказала", "пришёл", "пришел", "пришла", "ушёл", "ушел", "ушла", "был", "была",
    /* the same verbs in Ukrainian (Надія прийшла: report-adv34 L-0) */
    "сказав", "прийшов", "прийшла", "пішов", "пішла", "був", "була",
};

/* The verbs of verbs_after any noun is the subject of (was, is, has:
 * "гэрэл байсан" "there was light"): after a hit written in lower case
 * they mark no name (brief s30 slav30, issue 13). */
static const char *const copulas_after[] = {
    "was", "is", "has", "had", "did", "does", "байсан", "был", "была", "був", "була",
    "было", "було",
};

int redact_is_title(const struct normtext *t, size_t a, size_t b)
{
    return redact_word_is(t, a, b, titles_before, sizeof titles_before / sizeof titles_before[0], 0);
}

int redact_is_verb_after(const struct normtext *t, size_t a, size_t b)
{
    return redact_word_is(t, a, b, verbs_after, sizeof verbs_after / sizeof verbs_after[0], 0);
}

int redact_is_copula(const struct normtext *t, size_t a, size_t b)
{
    return redact_word_is(t, a, b, copulas_after, sizeof copulas_after / sizeof copulas_after[0], 0);
}
