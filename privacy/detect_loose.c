/* A phone number whose groups are joined by any words or punctuation
 * inside one sentence (brief s22 num22, report-adv21 ): "010,
 * 1234, 5678", "010 (dash) 1234 (dash) 5678", "First part 010, then 1234,
 * and the last four are 5678".  The phone scanner reads the separators a
 * number is written with (detect_phone.c) and detect_spoken.c the words
 * said between groups ("then", "dash"); this reads what is left: groups
 * of digits with up to six words between them, no end of a sentence.
 *
 * Group shapes: the first group 2 to 4 digits, each later one 3 or 4
 * (the groups of every national format of the plans' regions: KR
 * 010-1234-5678 and 02-123-4567, MN 9911 2233, RU 916 123 4567,
 * KW 2222 3333); three groups or more, or two when a dash is said between
 * them ("9911 (dash) 2233").  The digits together must then be a valid
 * number of libphonenumber's plans written nationally: after the trunk
 * prefix any type, without it a mobile number in groups of four after a
 * first of three or four (plan_shape): a
 * phone word near them is not enough here, since counts and scores are
 * listed so ("120, 340 and 560 people").  A list of numbers that happens
 * to spell a valid mobile number with its trunk prefix ("010, 1234 and
 * 5678 were the scores") is replaced: our choice, a phone left is worse
 * than a count replaced (docs/VARIANTS.md). */
#include <sodium.h>
#include <string.h>

#include "privacy/detect_int.h"

#define LOOSE_GROUPS 4
#define LOOSE_GAP 48            /* bytes between two groups, at most */
#define LOOSE_WORDS 6           /* words between two groups, at most */
#define LOOSE_DIGITS 12

/* A group of digits of any script (not Sino-Korean syllables) at at: its
 * end, its digits appended to d from *n; at if none or too long. */
static size_t group_at(const char *s, size_t len, size_t at, char *d, size_t *n, size_t *nd)
{
    size_t i = at, k, m = *n;
    int v;

    while ((k = det_digit_at(s, len, i, &v, 0)) > 0) {
        if (m == LOOSE_DIGITS)
            return at;
        d[m++] = (char)('0' + v), i += k;
    }
    if (i == at || !det_ends_word(s, len, i))
        return at;
    *nd = m - *n, *n = m;
    return i;
}

/* 1 if the character at s[i] ends a sentence (a full stop before a space
 * or the end, ! ? ; a line break, the ideographic full stop). */
static int sentence_end(const char *s, size_t len, size_t i)
{
    char c = s[i];

    if (c == '.')
        return i + 1 >= len || s[i + 1] == ' ' || s[i + 1] == '\n';
    return c == '!' || c == '?' || c == ';' || c == '\n' || c == '\r' ||
           det_starts(s, len, i, "\xe3\x80\x82");
}

/* The start of the next group after the group ending at at, across a gap
 * of words and punctuation (one character that is no space at least);
 * *dash: 1 if a dash is said in the gap.  at if there is none. */
static size_t gap(const char *s, size_t len, size_t at, int *dash)
{
    size_t i = at, words = 0, k;
    int v, other = 0, inword = 0;

    *dash = 0;
    while (i < len && i - at <= LOOSE_GAP) {
        if (det_digit_at(s, len, i, &v, 0) > 0)
            return other && !inword && words <= LOOSE_WORDS ? i : at;
        if (sentence_end(s, len, i))
            return at;
        if (s[i] == ' ') {
            inword = 0, i++;
            continue;
        }
        other = 1;
        if (!inword && (det_alpha(s[i]) || (unsigned char)s[i] >= 0x80)) {
            words++;
            *dash |= detect_dash_word(s, len, i);
        }
        inword = det_alpha(s[i]) || (unsigned char)s[i] >= 0x80;
        k = (unsigned char)s[i] >= 0xF0 ? 4 : (unsigned char)s[i] >= 0xE0 ? 3 : (unsigned char)s[i] >= 0xC0 ? 2 : 1;
        i += k;
    }
    return at;
}

static int is_year(const char *d, size_t nd)
{
    unsigned v = nd == 4 ? det_value(d, 4) : 0;

    return v >= 1900 && v <= 2099;
}

/* 1 if the digits d of the g groups ending at upto[] are a number of
 * the plans: after a trunk prefix any valid number; without, a mobile
 * number in groups of four after a first of three or four ("9911 (dash)
 * 2233", the Chinese 138, 1234, 5678), as such numbers are written; a
 * Korean mobile without its 0 is not ("120, 340 and 560 people"). */
static int plan_shape(const char *d, const size_t *upto, size_t g)
{
    int plan = detect_plan_number(d);

    if (plan != 1)
        return plan == 2;
    for (size_t i = 1; i < g; i++)
        if (upto[i] - upto[i - 1] != 4)
            return 0;
    return upto[0] >= 3;
}

size_t detect_scan_phone_loose(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    char d[LOOSE_DIGITS + 1];
    size_t end[LOOSE_GROUPS], upto[LOOSE_GROUPS], n = 0, nd, g = 0, p = at, e, years = 0, found = 0;
    int first_dash = 0, dash;

    (void)start, (void)kind;
    if (at > 0 && (s[at - 1] == '+' || det_wordc(s[at - 1])))
        return 0;
    while (g < LOOSE_GROUPS && (e = group_at(s, len, p, d, &n, &nd)) > p) {
        if (nd > 4 || nd < (g == 0 ? 2u : 3u))
            break;
        years += (size_t)is_year(d + n - nd, nd);
        end[g] = e, upto[g] = n, g++;
        if ((p = gap(s, len, e, &dash)) == e)
            break;
        if (g == 1)
            first_dash = dash;
    }
    /* The longest leading groups that are a number: three or more, or
     * two with a dash said between them. */
    for (; g >= 2 && !found; g--) {
        if (g == 2 && !first_dash)
            continue;
        d[upto[g - 1]] = '\0';
        if (years < 2 && upto[g - 1] >= 7 && plan_shape(d, upto, g) &&
            !det_money_around(s, len, at, end[g - 1]))
            found = end[g - 1];
    }
    sodium_memzero(d, sizeof d);
    return found;
}
