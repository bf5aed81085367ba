/* Lines of a travel document's machine-readable zone (ICAO Doc 9303,
 * 8th edition, part 3 "Specifications common to all MRTDs" for the
 * characters and the check digit, parts 4-6 for the layouts): a line of
 * 44 (TD3, passports), 36 (TD2) or 30 (TD1, cards) characters of A-Z,
 * 0-9 and the filler '<' is one identifier as a whole, since every
 * field of it identifies (number, nationality, birth date, sex, expiry,
 * name).  Report-adv26a D-2 and D-19: the walk took the document number
 * and left "MYS8508155M2712316", and the name line left the surname.
 * The shapes read (norm view: lower case):
 *   - the line with the numbers, TD3/TD2 (44/36): document number and
 *     its check digit at 0-9, nationality 10-12, birth date YYMMDD
 *     13-18 and check 19, sex 20 (M, F, X or '<'), expiry 21-26 and
 *     check 27;
 *   - TD1's second line (30): birth date 0-5 and check 6, sex 7, expiry
 *     8-13 and check 14;
 *   - TD1's first line (30): a document code letter, a code letter or
 *     '<', the issuing state 2-4, the document number 5-13 and check 14;
 *   - the name line, TD3/TD2's first (a document code P, I, A, C or V,
 *     a letter or '<', the state, then the name: letters and '<' with
 *     "<<" between surname and given names) and TD1's third (only the
 *     name): 44, 36 or 30 characters, or a line cut short (20 or more)
 *     that ends in three fillers or more, as a copy into a letter does.
 * A line with numbers needs its dates valid and one check digit at
 * least to verify (weights 7, 3, 1; '<' is 0, A-Z 10-35): a line copied
 * by hand has a wrong digit as often as not, a run of 44 letters and
 * digits with valid dates and a verifying check digit is no prose.
 * Every line read holds a '<' (a TD3 line whose personal number fills
 * its field is not read). */
#include "privacy/detect.h"
#include "privacy/detect_int.h"

static int mrz_char(char c)
{
    return det_alnum(c) || c == '<';
}

/* The value of an MRZ character for the check digit (part 3, 4.9). */
static unsigned mrz_value(char c)
{
    if (det_digit(c))
        return (unsigned)(c - '0');
    if (det_alpha(c))
        return (unsigned)(c - 'a') + 10;
    return 0;
}

/* 1 if the check digit at s[k] verifies s[a, k). */
static int check_ok(const char *s, size_t a, size_t k)
{
    static const unsigned w[3] = { 7, 3, 1 };
    unsigned sum = 0;

    if (!det_digit(s[k]))
        return 0;
    for (size_t i = a; i < k; i++)
        sum += mrz_value(s[i]) * w[(i - a) % 3];
    return sum % 10 == (unsigned)(s[k] - '0');
}

static int all_digits(const char *s, size_t a, size_t n)
{
    for (size_t i = a; i < a + n; i++)
        if (!det_digit(s[i]))
            return 0;
    return 1;
}

static int date_ok(const char *s, size_t a)
{
    return all_digits(s, a, 6) && det_yymmdd(s, a);
}

static int sex_ok(char c)
{
    return c == 'm' || c == 'f' || c == 'x' || c == '<';
}

/* 1 if s[a, a+n) holds only letters and '<'. */
static int name_chars(const char *s, size_t a, size_t n)
{
    for (size_t i = a; i < a + n; i++)
        if (!det_alpha(s[i]) && s[i] != '<')
            return 0;
    return 1;
}

static int has_double_filler(const char *s, size_t a, size_t n)
{
    for (size_t i = a; i + 1 < a + n; i++)
        if (s[i] == '<' && s[i + 1] == '<' && i > a && det_alpha(s[i - 1]))
            return 1;
    return 0;
}

/* The name line at s[0, n): with its document code and state (first),
 * or the name alone (TD1's third line, n == 30). */
static int name_line(const char *s, size_t n)
{
    size_t fill = 0;

    while (fill < n && s[n - 1 - fill] == '<')
        fill++;
    if (n != 44 && n != 36 && n != 30 && (n < 20 || fill < 3))
        return 0;
    if (strchr("pacvi", s[0]) != NULL && (det_alpha(s[1]) || s[1] == '<') && name_chars(s, 2, n - 2) &&
        det_alpha(s[2]) && det_alpha(s[3]) && (det_alpha(s[4]) || s[4] == '<') && has_double_filler(s, 5, n - 5))
        return 1;
    return n == 30 && name_chars(s, 0, n) && det_alpha(s[0]) && has_double_filler(s, 0, n) && fill >= 3;
}

/* The dates' block at s[a]: birth date, check, sex, expiry, check (15). */
static int dates_block(const char *s, size_t a)
{
    return date_ok(s, a) && det_digit(s[a + 6]) && sex_ok(s[a + 7]) && date_ok(s, a + 8) &&
           det_digit(s[a + 14]);
}

/* 1 if s[a, n) holds a run of three fillers: the optional data's field. */
static int filler_run(const char *s, size_t a, size_t n)
{
    for (size_t i = a; i + 2 < n; i++)
        if (s[i] == '<' && s[i + 1] == '<' && s[i + 2] == '<')
            return 1;
    return 0;
}

/* The line with the numbers of TD3 or TD2: a line of the layout's length
 * with one check digit verifying, or, copied by hand (check digits all
 * wrong, the document number a character short or long: report-adv53
 * L-15, L-16, L-41), a line of 28-44 whose nationality and dates' block
 * stand after 7-11 characters of document number and whose optional data
 * is filler: the block (two valid dates around a sex letter) and the run
 * of '<' after it are no prose, no hash and no tracking number. */
static int numbers_line(const char *s, size_t n)
{
    if ((n == 44 || n == 36) && date_ok(s, 13) && date_ok(s, 21) && sex_ok(s[20]) && name_chars(s, 10, 3) &&
        (check_ok(s, 0, 9) || check_ok(s, 13, 19) || check_ok(s, 21, 27)))
        return 1;
    if (n < 28)
        return 0;
    for (size_t p = 7; p <= 11 && p + 18 <= n; p++)
        if (name_chars(s, p, 3) && det_alpha(s[p]) && dates_block(s, p + 3) && filler_run(s, p + 18, n))
            return 1;
    return 0;
}

/* TD1's first and second lines. */
static int td1_line(const char *s, size_t n)
{
    /* copied by hand: the dates' block, the nationality, filler (28-32) */
    if (n >= 28 && n <= 32 && dates_block(s, 0) && name_chars(s, 15, 3) && det_alpha(s[15]) &&
        filler_run(s, 18, n))
        return 1;
    if (n != 30)
        return 0;
    if (date_ok(s, 0) && sex_ok(s[7]) && date_ok(s, 8) && (check_ok(s, 0, 6) || check_ok(s, 8, 14)))
        return 1;

    return strchr("acip", s[0]) != NULL && (det_alpha(s[1]) || s[1] == '<') && name_chars(s, 2, 3) &&
           check_ok(s, 5, 14);
}

size_t detect_mrz_line(const char *s, size_t len, size_t at)
{
    size_t n = 0;

    if (!mrz_char(s[at]) || (at > 0 && mrz_char(s[at - 1])))
        return 0;
    while (at + n < len && n <= 44 && mrz_char(s[at + n]))
        n++;
    if (n < 20 || n > 44 || memchr(s + at, '<', n) == NULL || det_letter_at(s, len, at + n))
        return 0;
    return name_line(s + at, n) || numbers_line(s + at, n) || td1_line(s + at, n) ? at + n : 0;
}
