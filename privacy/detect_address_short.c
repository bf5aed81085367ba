/* Address shapes written short, each read whole as one part of an
 * address (detect_address.c; report-adv21 A-4, A-5, A-6; brief s22
 * addr22), in the norm view (lower case):
 *   Mongolian  "3х, 15б, 42т": a number with the first letter of its
 *              unit glued (х хороо, б байр, т тоот), two or more in that
 *              order ("10т, 20т" are tonnes);
 *   Kuwaiti    "B5 S12 H34": a letter glued before its number (B block,
 *              S street, J jadda or A avenue, H house), a block first and
 *              two or more in that order ("A4 B5" are paper sizes);
 *   P.O. boxes "box number 1234 at the main post office": a box's number
 *              with "post office" within a few words of it;
 *   Korean     "101-1203에 산다": a building (101-999) and its flat (a
 *              floor and a flat of 01-12) joined by a dash, then 에 or
 *              에서: the everyday shorthand of 101동 1203호. */
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"

/* 1 if no letter stands at s[i] (a digit may: "3х15б"). */
static int no_letter(const char *s, size_t len, size_t i)
{
    return !det_letter_at(s, len, i) || det_digit(s[i]);
}

/* The unit of words[] at s[i] (the longest first in the list) with no
 * letter after it: its rank in rank[], its length in *n; -1 if none. */
static int unit_of(const char *s, size_t len, size_t i, const char *const *words, const int *rank, int nwords,
                   size_t *n)
{
    for (int k = 0; k < nwords; k++)
        if (det_starts(s, len, i, words[k]) && no_letter(s, len, i + strlen(words[k])))
            return *n = strlen(words[k]), rank[k];
    return -1;
}

/* The separator between two parts at i: ", ", ",", " "; its end, or i. */
static size_t sep(const char *s, size_t len, size_t i)
{
    size_t j = i;

    j += j < len && s[j] == ',';
    j += j < len && s[j] == ' ';
    return j;
}

/* A run of numbers with their units' short forms, in rank order, two or
 * more (need, or more); after: the unit after its number ("3х"), else
 * before it ("х3"); colon: "b: 4" allowed.  Parts apart by ", ", " " or
 * nothing ("3х15б42т").  Its end, or 0. */
static size_t unit_run(const char *s, size_t len, size_t i, const char *const *words, const int *rank, int nwords,
                       int after, int maxdigits, int need)
{
    size_t j = i, end = 0, n, l, p, tokens = 0;
    int k, last = -1;

    /* The first part's test first (asked at every byte of a text): a
     * number, or a unit's word; then the letter before (a decode). */
    if (after ? i >= len || !det_digit(s[i]) : unit_of(s, len, i, words, rank, nwords, &l) < 0)
        return 0;
    if (det_letter_before(s, i) || (j > 0 && det_digit(s[j - 1])))
        return 0;
    for (;;) {
        if (after) {
            if ((n = det_digits(s, len, j)) == 0 || n > (size_t)maxdigits ||
                (k = unit_of(s, len, j + n, words, rank, nwords, &l)) <= last)
                break;
            p = j + n + l;
        } else {
            if ((k = unit_of(s, len, j, words, rank, nwords, &l)) <= last)
                break;
            p = j + l;
            if (p + 1 < len && s[p] == ':')
                p += s[p + 1] == ' ' ? 2 : 1;
            if ((n = det_digits(s, len, p)) == 0 || n > (size_t)maxdigits || det_letter_at(s, len, p + n))
                break;
            p += n;
        }
        last = k, tokens++, end = p;
        if (after && end < len && det_digit(s[end]))
            j = end;                              /* glued: "3х15б42т" */
        else if ((j = sep(s, len, end)) == end || j >= len)
            break;
    }
    return tokens >= (size_t)need ? end : 0;
}

/* Mongolian units by their first letters or syllables, after the number
 * ("3х, 15б, 42т", "3хор 15бай 42то") or before it ("х3 б15 т42"); in
 * Latin letters ("3kh 15b 42t") all three ("15b 42t" may be pages). */
static const char *const mn_units[] = {
    "\xd1\x85\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbe", "\xd1\x85\xd0\xbe\xd1\x80", "\xd1\x85",               /* хороо хор х */
    "\xd0\xb1\xd0\xb0\xd0\xb9\xd1\x80", "\xd0\xb1\xd0\xb0\xd0\xb9", "\xd0\xb1",                      /* байр бай б */
    "\xd1\x82\xd0\xbe\xd0\xbe\xd1\x82", "\xd1\x82\xd0\xbe\xd0\xbe", "\xd1\x82\xd0\xbe", "\xd1\x82",  /* тоот тоо то т */
};
static const int mn_rank[] = { 0, 0, 0, 1, 1, 1, 2, 2, 2, 2 };
static const char *const mn_latin_units[] = { "kh", "x", "b", "t" };
static const int mn_latin_rank[] = { 0, 0, 1, 2 };

size_t addr_mn_letters(const char *s, size_t len, size_t i)
{
    size_t e;

    if ((e = unit_run(s, len, i, mn_units, mn_rank, 10, 1, 4, 2)) != 0 ||
        (e = unit_run(s, len, i, mn_units, mn_rank, 10, 0, 4, 2)) != 0)
        return e;
    return unit_run(s, len, i, mn_latin_units, mn_latin_rank, 4, 1, 4, 3);
}

size_t addr_kw_letters(const char *s, size_t len, size_t i)
{
    /* block (b, blk, bl, q: qit'a), street (s, st, j: jadda, a, av:
     * avenue), house (h, hse); a block first.  "q4 s12" alone may be a
     * quarter: q wants the three. */
    static const char *const words[] = { "blk", "bl", "b", "st", "s", "j", "av", "a", "hse", "h" };
    static const int rank[] = { 0, 0, 0, 1, 1, 1, 1, 1, 2, 2 };
    static const char *const qwords[] = { "q", "st", "s", "j", "av", "a", "hse", "h" };
    static const int qrank[] = { 0, 1, 1, 1, 1, 1, 2, 2 };

    size_t e, k, d = 0;

    /* q: three parts, one number of two digits or more ("q1 s2 h3" are
     * quarters and halves) */
    if (det_starts(s, len, i, "q")) {
        if ((e = unit_run(s, len, i, qwords, qrank, 8, 0, 3, 3)) == 0)
            return 0;
        for (k = i; k + 1 < e; k++)
            d += det_digit(s[k]) && det_digit(s[k + 1]);
        return d > 0 ? e : 0;
    }
    if (!det_starts(s, len, i, "b"))
        return 0;
    return unit_run(s, len, i, words, rank, 10, 0, 3, 2);
}

/* 1 if "post office" stands in s[a, b). */
static int post_office_in(const char *s, size_t a, size_t b)
{
    return memmem(s + a, b - a, "post office", 11) != NULL;
}

size_t addr_box_number(const char *s, size_t len, size_t i)
{
    static const char *const labels[] = { "box number ", "box no. ", "box no ", "box #", "box " };
    size_t j = 0, n, k, e;

    if (det_letter_before(s, i))
        return 0;
    for (k = 0; k < sizeof labels / sizeof labels[0] && j == 0; k++)
        if (det_starts(s, len, i, labels[k]))
            j = i + strlen(labels[k]);
    if (j == 0 || (n = det_digits(s, len, j)) == 0 || n > 6 || det_letter_at(s, len, j + n))
        return 0;
    e = j + n;
    /* "post office" within 40 bytes before the box or after its number
     * ("at the main post office", "post office, box 1234"). */
    if (!post_office_in(s, e, e + 40 < len ? e + 40 : len) && !post_office_in(s, i > 40 ? i - 40 : 0, i))
        return 0;
    return e;
}

size_t addr_ko_dong_ho(const char *s, size_t len, size_t i, int *lives)
{
    static const char *const verbs[] = { "산다", "살", "사는", "사니", "삽니", "거주", "이사", "입주" };
    size_t n, e, p, k;
    unsigned flat;

    *lives = 0;
    if ((i > 0 && (det_alnum(s[i - 1]) || s[i - 1] == '-')) || det_digits(s, len, i) != 3 || s[i] == '0' ||
        i + 4 >= len || s[i + 3] != '-' || (n = det_digits(s, len, i + 4)) < 3 || n > 4)
        return 0;
    e = i + 4 + n;
    flat = det_value(s + e - 2, 2);
    if (flat < 1 || flat > 12 || s[i + 4] == '0')
        return 0;
    if (det_starts(s, len, e, "에서"))
        p = e + 6;
    else if (det_starts(s, len, e, "에"))
        p = e + 3;
    else
        return 0;
    p += p < len && s[p] == ' ';
    for (k = 0; k < sizeof verbs / sizeof verbs[0]; k++)
        *lives |= det_starts(s, len, p, verbs[k]);
    return e;
}

/* The unit of list[] at s[i] (no Latin letter after it; a Korean
 * particle may follow): its end, or 0. */
static size_t unit_word(const char *s, size_t len, size_t i, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (det_starts(s, len, i, list[k]) && !det_alpha(s[i + strlen(list[k])]) &&
            !det_digit(s[i + strlen(list[k])]))
            return i + strlen(list[k]);
    return 0;
}

size_t addr_dong_ho_spaced(const char *s, size_t len, size_t i)
{
    static const char *const dong[] = { "\xeb\x8f\x99", "dong", "d" };   /* 동 */
    static const char *const ho[] = { "\xed\x98\xb8", "ho", "h" };       /* 호 */
    size_t n, j, e;
    int spaced;

    if ((i > 0 && (det_alnum(s[i - 1]) || s[i - 1] == '-')) || (n = det_digits(s, len, i)) == 0 || n > 4 ||
        s[i] == '0')
        return 0;
    j = i + n;
    spaced = j < len && s[j] == ' ';
    j += spaced ? 1 : 0;
    /* "101d" only glued; "101 dong", "101 동" spaced or not */
    if ((e = unit_word(s, len, j, dong, spaced ? 2 : 3)) == 0)
        return 0;
    j = e + (e < len && s[e] == ' ') + (e + 1 < len && s[e] == ',' && s[e + 1] == ' ');
    if (j == e || (n = det_digits(s, len, j)) == 0 || n > 4)
        return 0;
    j += n;
    spaced = j < len && s[j] == ' ';
    j += spaced ? 1 : 0;
    return unit_word(s, len, j, ho, spaced ? 2 : 3);
}

size_t addr_mn_genitive(const char *s, size_t len, size_t i)
{
    static const char *const units[] = {
        "\xd0\xb1\xd0\xb0\xd0\xb9\xd1\x80\xd0\xbd\xd1\x8b ",   /* байрны */
        "\xd1\x85\xd0\xbe\xd1\x80\xd0\xbe\xd0\xbe\xd0\xbd\xd1\x8b ", /* хорооны */
        "bairny ", "bairnii ",
    };
    size_t n, j = 0, k;

    if ((n = det_digits(s, len, i)) == 0 || n > 3 || (i > 0 && det_alnum(s[i - 1])) || det_letter_before(s, i) ||
        i + n >= len || s[i + n] != ' ')
        return 0;
    for (k = 0; k < sizeof units / sizeof units[0] && j == 0; k++)
        if (det_starts(s, len, i + n + 1, units[k]))
            j = i + n + 1 + strlen(units[k]);
    if (j == 0 || (n = det_digits(s, len, j)) == 0 || n > 4 || (j + n < len && det_digit(s[j + n])))
        return 0;
    return j + n;
}

size_t addr_ko_complex(const char *s, size_t len, size_t i)
{
    /* Apartment brands and words (래미안 자이 푸르지오 아이파크 힐스테이트
     * 롯데캐슬 더샵 e편한세상 아파트) after a name ("우리 아파트 101동"
     * stays), by hand; wants a native reviewer. */
    static const char *const brands[] = {
        "\xeb\x9e\x98\xeb\xaf\xb8\xec\x95\x88", "\xec\x9e\x90\xec\x9d\xb4", "\xed\x91\xb8\xeb\xa5\xb4\xec\xa7\x80\xec\x98\xa4",
        "\xec\x95\x84\xec\x9d\xb4\xed\x8c\x8c\xed\x81\xac", "\xed\x9e\x90\xec\x8a\xa4\xed\x85\x8c\xec\x9d\xb4\xed\x8a\xb8",
        "\xeb\xa1\xaf\xeb\x8d\xb0\xec\xba\x90\xec\x8a\xac", "\xeb\x8d\x94\xec\x83\xb5", "\xed\x8e\xb8\xed\x95\x9c\xec\x84\xb8\xec\x83\x81",
        "\xec\x95\x84\xed\x8c\x8c\xed\x8a\xb8",
    };
    size_t j = i, n, k, b, e;
    int cp;

    if (i > 0 && ((unsigned char)s[i - 1] >= 0x80 || det_alnum(s[i - 1])))
        return 0;
    while ((cp = det_cp_at(s, len, j, &n)) >= 0xAC00 && cp <= 0xD7A3)
        j += n;
    if (j == i)
        return 0;
    for (k = 0, b = 0; k < sizeof brands / sizeof brands[0] && b == 0; k++)
        if (j - i > strlen(brands[k]) && memcmp(s + j - strlen(brands[k]), brands[k], strlen(brands[k])) == 0)
            b = 1;
    if (!b)
        return 0;
    e = j + (j < len && s[j] == ' ');
    if ((n = det_digits(s, len, e)) == 0 || n > 4 || !det_starts(s, len, e + n, "\xeb\x8f\x99"))   /* 동 */
        return 0;
    return e + n + 3;
}

size_t addr_zip_said(const char *s, size_t len, size_t i)
{
    static const char *const labels[] = {
        "zip is ", "zip code is ", "zipcode is ", "postcode is ", "postal code is ", "zip code: ", "zip: ",
    };
    size_t j = 0, n, k;

    if (i >= len || (s[i] != 'z' && s[i] != 'p') || det_letter_before(s, i))   /* the labels' first letters */
        return 0;
    for (k = 0; k < sizeof labels / sizeof labels[0] && j == 0; k++)
        if (det_starts(s, len, i, labels[k]))
            j = i + strlen(labels[k]);
    if (j == 0 || (n = det_digits(s, len, j)) < 4 || n > 6 || det_letter_at(s, len, j + n))
        return 0;
    return j + n;
}
