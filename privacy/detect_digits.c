/* Digits in any writing: an ASCII digit, a decimal digit of another
 * script (Unicode general category Nd, read through utf8proc: Arabic-Indic
 * "٩٩١١", Devanagari, ...), or a Sino-Korean digit syllable as numbers
 * are read aloud in Korean ("공일공 일이삼사": 공/영 0, 일 1, 이 2, 삼 3,
 * 사 4, 오 5, 육/륙 6, 칠 7, 팔 8, 구 9); and the letters O, I, l typed
 * for 0 and 1 between two digits ("99I12233").  The phone and ID scanners read
 * numbers through det_digit_at so a number spelt in any of these is the
 * same number. */
#include <utf8proc.h>

#include "privacy/detect_int.h"

static const struct {
    const char *syl;        /* 3 bytes of UTF-8 */
    int v;
} sino[] = {
    { "\xea\xb3\xb5", 0 }, { "\xec\x98\x81", 0 }, { "\xec\x9d\xbc", 1 }, { "\xec\x9d\xb4", 2 },
    { "\xec\x82\xbc", 3 }, { "\xec\x82\xac", 4 }, { "\xec\x98\xa4", 5 }, { "\xec\x9c\xa1", 6 },
    { "\xeb\xa5\x99", 6 }, { "\xec\xb9\xa0", 7 }, { "\xed\x8c\x94", 8 }, { "\xea\xb5\xac", 9 },
};

int det_sino_digit(const char *s, size_t len, size_t at)
{
    size_t k;

    if (at + 3 > len || (unsigned char)s[at] < 0xEA || (unsigned char)s[at] > 0xED)
        return -1;
    for (k = 0; k < sizeof sino / sizeof sino[0]; k++)
        if (memcmp(s + at, sino[k].syl, 3) == 0)
            return sino[k].v;
    return -1;
}

/* The value of a decimal digit cp of any script: Unicode encodes each
 * script's digits 0-9 in one ascending run (its stability policy for
 * Numeric_Type=Decimal), so the value is the count of Nd code points
 * before cp in its run, modulo 10 (some runs hold several sets). */
static int nd_value(int cp)
{
    int k = 0;

    if (utf8proc_category(cp) != UTF8PROC_CATEGORY_ND)
        return -1;
    while (k < 60 && cp - k - 1 >= 0 && utf8proc_category(cp - k - 1) == UTF8PROC_CATEGORY_ND)
        k++;
    return k % 10;
}

size_t det_digit_at(const char *s, size_t len, size_t at, int *v, int sino_ok)
{
    size_t n;
    int cp;

    if (at >= len)
        return 0;
    if (det_digit(s[at]))
        return *v = s[at] - '0', 1;
    /* 99I12233, 99112O33: a letter like a digit between two digits. */
    if ((s[at] == 'o' || s[at] == 'i' || s[at] == 'l') && at > 0 && det_digit(s[at - 1]) &&
        at + 1 < len && det_digit(s[at + 1]))
        return *v = s[at] == 'o' ? 0 : 1, 1;
    if ((unsigned char)s[at] < 0x80 || (cp = det_cp_at(s, len, at, &n)) < 0)
        return 0;
    if (sino_ok && (*v = det_sino_digit(s, len, at)) >= 0)
        return 3;
    return (*v = nd_value(cp)) >= 0 ? n : 0;
}

size_t det_sino_run(const char *s, size_t len, size_t at)
{
    size_t n = 0;

    while (det_sino_digit(s, len, at + 3 * n) >= 0)
        n++;
    return n;
}
