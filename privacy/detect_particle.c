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
