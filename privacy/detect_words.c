/* Context words for the pattern detectors: a birth word near a date, a
 * label before an ID number, a phone word before a number.  A word is
 * tested as a word, never as a bare substring ("stubborn" holds no
 * "born"): nothing that is a letter of any script may stand before it,
 * and for FIT_WORD nothing after it either. */
#include <string.h>

#include "privacy/detect_int.h"

static int word_at(const char *s, size_t len, size_t at, const char *w, size_t n, enum det_fit fit)
{
    if (at + n > len || s[at] != w[0] || memcmp(s + at, w, n) != 0)
        return 0;
    /* "(b." needs no boundary before its parenthesis. */
    if (fit == FIT_ANY)
        return 1;
    if ((det_alnum(w[0]) || (w[0] & 0x80)) && det_letter_before(s, at))
        return 0;
    /* A word ending in '.' ("d.o.b.", "г.р.") ends there. */
    return fit == FIT_PREFIX || w[n - 1] == '.' || !det_letter_at(s, len, at + n);
}

int det_word_at(const char *s, size_t len, size_t at, const char *w, enum det_fit fit)
{
    /* The first byte before the word is measured: asked at every word of
     * a text by the date, birth and label readers, most words fail here
     * (word_at's own first test; a word of one byte or more cannot fit
     * past the text's end). */
    if (w[0] != '\0' && (at >= len || s[at] != w[0]))
        return 0;
    return word_at(s, len, at, w, strlen(w), fit);
}

int det_word_near(const char *s, size_t len, size_t from, size_t to,
                  const struct det_word *list, size_t n)
{
    size_t i, k;

    if (to > len)
        to = len;
    while (from > 0 && from < len && ((unsigned char)s[from] & 0xC0) == 0x80)
        from--;
    for (i = from; i < to; i++) {
        if (((unsigned char)s[i] & 0xC0) == 0x80)
            continue;
        for (k = 0; k < n; k++)
            if (word_at(s, len, i, list[k].w, list[k].n, list[k].fit))
                return 1;
    }
    return 0;
}

size_t det_word_ending(const char *s, size_t end, const char *skip, size_t *wstart)
{
    size_t a, cl;
    int cp;

    while (end > 0 && s[end - 1] != '\0' && strchr(skip, s[end - 1]) != NULL)
        end--;
    for (a = end; (cp = det_cp_before(s, a, &cl)) >= 0 && is_word_cp(cp); a -= cl)
        ;
    *wstart = a;
    return a < end ? end : 0;
}

int det_in_list(const struct det_word *list, size_t n, const char *w, size_t wlen)
{
    size_t k;

    /* The second byte too before memcmp (session 51): Hangul and Cyrillic
     * words share few first bytes (EA-ED, D0-D4). */
    for (k = 0; k < n; k++)
        if (list[k].n <= wlen && list[k].w[0] == w[0] && (list[k].n < 2 || list[k].w[1] == w[1]) &&
            (list[k].fit != FIT_WORD || list[k].n == wlen) && memcmp(w, list[k].w, list[k].n) == 0)
            return 1;
    return 0;
}

/* French né(e) le / en / à: "ne" is also the negation ("il ne le savait
 * pas"), so these mark only the date right after them (report-adv12
 * A-10), in the norm view's spelling (marks stripped). */
static const char *const fr_born[] = { "ne le ", "nee le ", "ne en ", "nee en ", "ne a ", "nee a ",
                                       "nes le ", "nees le ", "nes en ", "nees en " };

/* Russian and Ukrainian ДР / д/р (день рождения, дата рождения) as a
 * label right before a date ("ДР: 3.III.1985", report-adv30 O-6): "и др."
 * ("and others") is the same word, so only with a colon. */
static const char *const ru_born_labels[] = { "\xd0\xb4\xd1\x80: ", "\xd0\xb4\xd1\x80:", "\xd0\xb4/\xd1\x80: " };

int det_born_right_before(const char *s, size_t at)
{
    for (size_t k = 0; k < sizeof ru_born_labels / sizeof ru_born_labels[0]; k++) {
        size_t n = strlen(ru_born_labels[k]);
        if (at >= n && memcmp(s + at - n, ru_born_labels[k], n) == 0 && !det_letter_before(s, at - n))
            return 1;
    }
    for (size_t k = 0; k < sizeof fr_born / sizeof fr_born[0]; k++) {
        size_t n = strlen(fr_born[k]);
        if (at >= n && memcmp(s + at - n, fr_born[k], n) == 0 && !det_letter_before(s, at - n))
            return 1;
    }
    return 0;
}

/* Words of a person in a gap (possessive and personal pronouns of
 * English, Russian, Ukrainian; Korean 그의): a number of someone else
 * follows ("her card ends in 4417 and his 5566", report-adv33 O-25):
 * detect_split.c ends a run there, detect_tail.c reads a second owner's
 * digits after one.  Written by hand (our choice, brief s34 num34). */
static const struct det_word owners[] = {
    DW("his", FIT_WORD), DW("her", FIT_WORD), DW("hers", FIT_WORD), DW("my", FIT_WORD),
    DW("mine", FIT_WORD), DW("your", FIT_WORD), DW("our", FIT_WORD), DW("its", FIT_WORD),
    DW("he", FIT_WORD), DW("she", FIT_WORD), DW("we", FIT_WORD), DW("they", FIT_WORD),
    DW("\xd0\xb5\xd0\xb3\xd0\xbe", FIT_WORD), DW("\xd0\xb5\xd1\x91", FIT_WORD),     /* его её */
    DW("\xd0\xb5\xd0\xb5", FIT_WORD), DW("\xd0\xb8\xd1\x85", FIT_WORD),               /* ее их */
    DW("\xd0\xbc\xd0\xbe\xd0\xb9", FIT_WORD), DW("\xd0\xbc\xd0\xbe\xd1\x8f", FIT_WORD), /* мой моя */
    DW("\xd1\x97\xd1\x97", FIT_WORD), DW("\xd0\xb9\xd0\xbe\xd0\xb3\xd0\xbe", FIT_WORD), /* її його */
    DW("\xea\xb7\xb8\xec\x9d\x98", FIT_WORD),                                         /* 그의 */
};

int detect_owner_word(const char *w, size_t n)
{
    return n > 0 && det_in_list(owners, sizeof owners / sizeof owners[0], w, n);
}
