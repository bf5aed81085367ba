/* The end of a detection before a Korean particle (brief s26 num26,
 * report-adv25a B-6): Korean glues its particles and the copula straight
 * to what they follow ("KW81CBKU...0101로", "...에", "kim@x.com으로",
 * "010-2000-4928입니다"), so a Hangul syllable right after a number or a
 * code is a boundary, never more of the same word.  Every detector that
 * refuses a span because a letter follows it asks det_word_glued here, so
 * they all take a particle the same way.  Pure; offsets are bytes of the
 * norm view (detect_int.h). */
#include "privacy/detect_int.h"

/* 1 if code point cp is a Hangul syllable or jamo (U+AC00..U+D7A3,
 * U+1100..U+11FF, U+3130..U+318F): Unicode's Hangul blocks. */
static int hangul_cp(int cp)
{
    return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
           (cp >= 0x3130 && cp <= 0x318F);
}

int det_word_glued(const char *s, size_t len, size_t at)
{
    size_t n;
    int cp = det_cp_at(s, len, at, &n);

    return cp >= 0 && is_word_cp(cp) && !hangul_cp(cp);
}

/* The marks that stand for the hidden digits of a number shown in part
 * (brief s26 num26, report-adv25b C-14): a run of '*', '#', 'x' (two or
 * more: "xxxx 5566"), two dots or more, and any split mark of
 * split_marks.c (… ⋯ · • ‥: by Unicode class), right before the shown
 * digits or one space before them. */
int det_mask_before(const char *s, size_t at)
{
    size_t i = at, n, k = 0;

    if (i > 0 && s[i - 1] == ' ')
        i--;
    if (i == 0)
        return 0;
    if (s[i - 1] == '*' || s[i - 1] == '#')
        return 1;
    if (det_split_mark_before(s, i, &n))
        return 1;
    while (k < i && (s[i - 1 - k] == '.' || s[i - 1 - k] == 'x'))
        k++;
    return k >= 2 && (k == i || !det_letter_before(s, i - k)) &&
           (s[i - 1] == '.' ? s[i - 2] == '.' : s[i - 1] == 'x');
}
