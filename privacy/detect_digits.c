/* Digits in any writing: an ASCII digit, a decimal digit of another
 * script (Unicode general category Nd, read through utf8proc: Arabic-Indic
 * "٩٩١١", Devanagari, ...), a Sino-Korean digit syllable as numbers
 * are read aloud in Korean ("공일공 일이삼사": 공/영 0, 일 1, 이 2, 삼 3,
 * 사 4, 오 5, 육/륙 6, 칠 7, 팔 8, 구 9), or a Han numeral as Chinese and
 * Korean write numbers digit by digit ("〇一〇 一二三四": 〇/零 0, 一 1,
 * 二/两 2, 三 3, 四 4, 五 5, 六 6, 七 7, 八 8, 九 9; Unicode's Unihan
 * kPrimaryNumeric values, which utf8proc does not carry); and the letters
 * O, I, l typed for 0 and 1 beside a digit with no letter on their
 * other side ("99I12233", "O1O-l234-5678").  The phone,
 * ID and date scanners read numbers through det_digit_at and det_numeral
 * so a number spelt in any of these is the same number (report-adv12e
 * F10, F33, F34). */
#include <stdint.h>
#include <utf8proc.h>

#include "privacy/detect_int.h"
#include "privacy/normalise.h"

/* The Sino-Korean digit syllables by their three bytes of UTF-8 (a switch,
 * not a table read entry by entry: this is asked of every Hangul
 * syllable of a text, several times). */
int det_sino_digit(const char *s, size_t len, size_t at)
{
    const unsigned char *u = (const unsigned char *)s + at;

    if (at + 3 > len || u[0] < 0xEA || u[0] > 0xED)
        return -1;
    switch ((uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2]) {
    case 0xEAB3B5: case 0xEC9881: return 0;     /* 공 영 */
    case 0xEC9DBC: return 1;                    /* 일 */
    case 0xEC9DB4: return 2;                    /* 이 */
    case 0xEC82BC: return 3;                    /* 삼 */
    case 0xEC82AC: return 4;                    /* 사 */
    case 0xEC98A4: return 5;                    /* 오 */
    case 0xEC9CA1: case 0xEBA599: return 6;     /* 육 륙 */
    case 0xECB9A0: return 7;                    /* 칠 */
    case 0xED8C94: return 8;                    /* 팔 */
    case 0xEAB5AC: return 9;                    /* 구 */
    default: return -1;
    }
}

int det_han_digit(int cp)
{
    static const struct {
        int cp, v;
    } han[] = {
        { 0x3007, 0 }, { 0x96F6, 0 }, { 0x4E00, 1 }, { 0x4E8C, 2 }, { 0x4E24, 2 }, { 0x4E09, 3 },
        { 0x56DB, 4 }, { 0x4E94, 5 }, { 0x516D, 6 }, { 0x4E03, 7 }, { 0x516B, 8 }, { 0x4E5D, 9 },
        /* As numbers are read aloud (report-adv17a D-2): 幺 1 and 洞 0
         * (telephone and radio reading), 兩 2 (traditional 两); the
         * banker's numerals of cheques and contracts, simplified and
         * traditional: 壹 贰貳 叁參 肆 伍 陆陸 柒 捌 玖 (Unicode Unihan
         * kAccountingNumeric). */
        { 0x5E7A, 1 }, { 0x6D1E, 0 }, { 0x5169, 2 }, { 0x58F9, 1 }, { 0x8D30, 2 }, { 0x8CB3, 2 },
        { 0x53C1, 3 }, { 0x53C3, 3 }, { 0x8086, 4 }, { 0x4F0D, 5 }, { 0x9646, 6 }, { 0x9678, 6 },
        { 0x67D2, 7 }, { 0x634C, 8 }, { 0x7396, 9 },
    };

    if (cp < 0x3007 || cp > 0x96F6)     /* the table's least and greatest */
        return -1;
    for (size_t k = 0; k < sizeof han / sizeof han[0]; k++)
        if (han[k].cp == cp)
            return han[k].v;
    return -1;
}

/* A spelt digit at s[at] (Sino-Korean syllable or Han numeral): its
 * value with its length in *n, or -1. */
static int spelt_digit(const char *s, size_t len, size_t at, size_t *n)
{
    int v = det_sino_digit(s, len, at), cp;

    if (v >= 0)
        return *n = 3, v;
    if ((cp = det_cp_at(s, len, at, n)) < 0x3000)
        return -1;
    return det_han_digit(cp);
}

/* A spelt unit at s[at]: 십 十 10, 백 百 100, 천 千 1000 (3 bytes each);
 * its value or 0. */
static unsigned spelt_unit(const char *s, size_t len, size_t at)
{
    static const struct {
        const char *w;
        unsigned v;
    } units[] = {
        { "\xec\x8b\xad", 10 }, { "\xeb\xb0\xb1", 100 }, { "\xec\xb2\x9c", 1000 },
        { "\xe5\x8d\x81", 10 }, { "\xe7\x99\xbe", 100 }, { "\xe5\x8d\x83", 1000 },
    };

    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
        if (det_starts(s, len, at, units[k].w))
            return units[k].v;
    return 0;
}

int det_numeral_start(const char *s, size_t len, size_t at)
{
    size_t n;

    /* 유월 (June) and 시월 (October) as Korean says them. */
    return spelt_digit(s, len, at, &n) >= 0 || spelt_unit(s, len, at) != 0 ||
           ((det_starts(s, len, at, "\xec\x9c\xa0") || det_starts(s, len, at, "\xec\x8b\x9c")) &&
            det_starts(s, len, at + 3, "\xec\x9b\x94"));
}

unsigned det_numeral(const char *s, size_t len, size_t at, size_t *end, size_t *ndigits)
{
    size_t i = at, n, run = 0;
    unsigned value = 0, u, last = 10000;
    int d, cur = -1;

    /* Digit by digit ("일구팔오", "一九八五", "삼"). */
    while (run < 9 && (d = spelt_digit(s, len, i, &n)) >= 0)
        value = value * 10 + (unsigned)d, cur = d, i += n, run++;
    *ndigits = run;
    /* With units ("천구백팔십오", "十五"): a digit before each unit, in
     * falling order, and one after the last. */
    if (run <= 1 && spelt_unit(s, len, i) != 0) {
        value = 0;
        while ((u = spelt_unit(s, len, i)) != 0 && u < last) {
            value += (unsigned)(cur < 0 ? 1 : cur) * u, last = u, i += 3, cur = -1;
            if ((d = spelt_digit(s, len, i, &n)) >= 0)
                cur = d, i += n;
        }
        if (cur >= 0)
            value += (unsigned)cur;
        for (*ndigits = 1, u = value; u >= 10; u /= 10)
            (*ndigits)++;
    }
    *end = i;
    return value;
}

size_t det_digit_at(const char *s, size_t len, size_t at, int *v, int sino_ok)
{
    size_t n;
    int cp;

    if (at >= len)
        return 0;
    if (det_digit(s[at]))
        return *v = s[at] - '0', 1;
    /* 99I12233, 99112O33, O1O-l234-5678: a letter like a digit beside a
     * digit, with no letter on its other side. */
    if ((s[at] == 'o' || s[at] == 'i' || s[at] == 'l') &&
        ((at > 0 && det_digit(s[at - 1]) && (at + 1 >= len || !det_alpha(s[at + 1]))) ||
         (at + 1 < len && det_digit(s[at + 1]) && (at == 0 || !det_alpha(s[at - 1])))))
        return *v = s[at] == 'o' ? 0 : 1, 1;
    if ((unsigned char)s[at] < 0x80 || (cp = det_cp_at(s, len, at, &n)) < 0)
        return 0;
    if (sino_ok && (*v = det_sino_digit(s, len, at)) >= 0)
        return 3;
    if (sino_ok && (*v = det_han_digit(cp)) >= 0)
        return n;
    return (*v = normalise_digit_value(cp)) >= 0 ? n : 0;
}

size_t det_sino_run(const char *s, size_t len, size_t at)
{
    size_t n = 0;

    while (det_sino_digit(s, len, at + 3 * n) >= 0)
        n++;
    return n;
}

/* Native Korean digit words (하나 1 ... 아홉 9, 열 10, and the forms
 * before a counter 한 두 세 네) and the Sino-Korean place syllables 십,
 * 백, 천, 만, as a spoken number is read (report-adv12 A-22). */
static const char *const ko_number_words[] = {
    "\xed\x95\x98\xeb\x82\x98", "\xeb\x91\x98", "\xec\x85\x8b", "\xeb\x84\xb7",  /* 하나 둘 셋 넷 */
    "\xeb\x8b\xa4\xec\x84\xaf", "\xec\x97\xac\xec\x84\xaf",                      /* 다섯 여섯 */
    "\xec\x9d\xbc\xea\xb3\xb1", "\xec\x97\xac\xeb\x8d\x9f",                      /* 일곱 여덟 */
    "\xec\x95\x84\xed\x99\x89", "\xec\x97\xb4",                                  /* 아홉 열 */
    "\xed\x95\x9c", "\xeb\x91\x90", "\xec\x84\xb8", "\xeb\x84\xa4",              /* 한 두 세 네 */
    "\xec\x8b\xad", "\xeb\xb0\xb1", "\xec\xb2\x9c", "\xeb\xa7\x8c",              /* 십 백 천 만 */
};

size_t detect_ko_digit_word(const char *w, size_t len)
{
    size_t i = 0, k, n, best;

    while (i < len) {
        if (det_digit(w[i])) {
            i++;
            continue;
        }
        /* The native words first: 일곱 is 7, not 일 and a syllable. */
        for (best = 0, k = 0; k < sizeof ko_number_words / sizeof ko_number_words[0]; k++)
            if ((n = strlen(ko_number_words[k])) > best && det_starts(w, len, i, ko_number_words[k]))
                best = n;
        if (best == 0 && det_sino_digit(w, len, i) >= 0)
            best = 3;
        if (best == 0)
            break;
        i += best;
    }
    /* The genitive 의 joins groups ("공일공의 천이백삼십사의"); a
     * particle or the copula may end the last one ("칠팔이다", "팔구로"). */
    if (i > 0 && i < len) {
        static const char *const ends[] = {
            "\xec\x9d\x98", "\xeb\xa1\x9c", "\xec\x9c\xbc\xeb\xa1\x9c",       /* 의 로 으로 */
            "\xec\x9d\xb4\xeb\x8b\xa4", "\xeb\x8b\xa4",                        /* 이다 다 */
            "\xec\x9e\x85\xeb\x8b\x88\xeb\x8b\xa4",                           /* 입니다 */
            "\xec\x9d\xb4\xec\x97\x90\xec\x9a\x94", "\xec\x98\x88\xec\x9a\x94", /* 이에요 예요 */
            "\xec\x9d\xb4\xea\xb3\xa0", "\xea\xb3\xa0",                        /* 이고 고 */
            "\xec\x9d\x80", "\xeb\x8a\x94", "\xec\x9d\x84", "\xeb\xa5\xbc",      /* 은 는 을 를 */
            "\xea\xb0\x80", "\xec\x97\x90",                                     /* 가 에 */
        };
        for (k = 0; k < sizeof ends / sizeof ends[0]; k++)
            if ((n = strlen(ends[k])) == len - i && memcmp(w + i, ends[k], n) == 0)
                return len;
    }
    return i == len ? len : 0;
}
