/* Bank account and payment card numbers by their check digits
 * (report-adv12 A-17), each one detection of kind DETECT_ID over the
 * whole run, so no group is left and no part reads as a phone number:
 *   - an IBAN (ISO 13616-1): two letters of a country, two check digits,
 *     then 11 to 30 letters and digits, whole or in groups of four joined
 *     by single spaces, '-', '.' or a split mark ("GB82 WEST 1234 5698 7654 32",
 *     "DE89.3704.0044.0532.0130.00", "GB29 NWBK〜6016〜1331〜9268〜19"),
 *     its digits in any script ("KW81 CBKU ٠٠٠٠ ..."); 15 to 34
 *     characters whose ISO 7064 MOD 97-10 remainder is 1 (the first four
 *     moved to the end, letters read as 10 (A) ... 35 (Z));
 *   - a payment card number (ISO/IEC 7812-1): 13 to 19 digits starting
 *     with 2-6 (the major industry identifiers of banking and payment
 *     cards), whole or in groups (card) joined by single spaces, '-',
 *     '.' or '/' ("4111 1111 1111 1111", "3782-822463-10005",
 *     "4111.1111.1111.1111"), whose last digit is the Luhn check digit.
 * Offsets are bytes of the norm view (detect_int.h: lower case). */
#include "privacy/detect_int.h"

#define IBAN_MIN 15
#define IBAN_MAX 34
#define CARD_MIN 13
#define CARD_MAX 19

int det_luhn(const char *d, size_t n)
{
    unsigned sum = 0, v;
    size_t k;

    for (k = 0; k < n; k++) {
        v = (unsigned)(d[n - 1 - k] - '0');
        if (k % 2 == 1 && (v *= 2) > 9)
            v -= 9;
        sum += v;
    }
    return sum % 10 == 0;
}

/* ISO 7064 MOD 97-10 over an IBAN's characters c[0..n) (lower-case
 * letters and digits), read from its fifth character on and then its
 * first four: 1 if the remainder is 1. */
static int iban_ok(const char *c, size_t n)
{
    unsigned rem = 0;
    size_t k, i;

    for (k = 0; k < n; k++) {
        i = (k + 4) % n;
        if (det_digit(c[i]))
            rem = (rem * 10 + (unsigned)(c[i] - '0')) % 97;
        else
            rem = (rem * 100 + (unsigned)(c[i] - 'a' + 10)) % 97;
    }
    return rem == 1;
}

/* The character of an IBAN at s[i]: an ASCII letter or a decimal digit
 * of any script (det_digit_at: "KW81 CBKU ٠٠٠٠ ١٢٣٤", report-adv25a
 * B-29), as ASCII in *c; its length in bytes, or 0. */
static size_t iban_char(const char *s, size_t len, size_t i, char *c)
{
    size_t n;
    int v;

    if (i < len && det_alnum(s[i]))
        return *c = s[i], 1;
    if (i < len && (unsigned char)s[i] >= 0x80 && (n = det_digit_at(s, len, i, &v, 0)) > 0)
        return *c = (char)('0' + v), n;
    return 0;
}

/* The join of an IBAN's groups at s[i] before its next character: a
 * space, '-' or '.', or a split mark of split_marks.c ("NWBK〜6016",
 * "DE89⸗3704") with or without a space on each side ("DE89 〜 3704");
 * its kind in *kind (the mark's first byte, ' ' for a space alone) and
 * its length in bytes, or 0. */
static size_t iban_join(const char *s, size_t len, size_t i, char *kind)
{
    size_t j = i, n = 0;
    char c;

    if (i < len && (s[i] == '-' || s[i] == '.')) {
        *kind = s[i];
        return iban_char(s, len, i + 1, &c) > 0 ? 1 : 0;
    }
    if (j < len && s[j] == ' ')
        j++;
    if (j < len && det_split_mark(s, len, j, &n)) {
        *kind = s[j], j += n;
        if (j < len && s[j] == ' ')
            j++;
    } else if (j == i) {
        return 0;
    } else {
        *kind = ' ';
    }
    return iban_char(s, len, j, &c) > 0 ? j - i : 0;
}

/* An IBAN at at: its end, or 0.  Grouped, the longest run of groups
 * that passes the check is taken ("GB82 WEST 1234 5698 7654 32 then").
 * Groups of four joined by one kind of join throughout, though a space
 * may mix with one other ("GB29 NWBK〜6016〜1331", report-adv25b C-2);
 * a Korean particle glued after it ends it (report-adv25a B-6). */
static size_t iban(const char *s, size_t len, size_t at)
{
    char c[IBAN_MAX], kind = 0;
    size_t n = 0, i = at, g = 0, ends[IBAN_MAX / 4 + 2], lens[IBAN_MAX / 4 + 2], ng = 0, k, cl, jl;
    char mark = 0;

    if (at + 4 > len || !det_alpha(s[at]) || !det_alpha(s[at + 1]) || !det_digit(s[at + 2]) ||
        !det_digit(s[at + 3]))
        return 0;
    while (n < IBAN_MAX && (cl = iban_char(s, len, i, &c[n])) > 0) {
        n++, i += cl, g++;
        /* A join only after a group of four, one kind throughout but for
         * spaces ("GB82-WEST-1234-...", "DE89.3704...": report-adv16a
         * */
        if (g == 4 && (jl = iban_join(s, len, i, &kind)) > 0 && (kind == ' ' || mark == 0 || mark == kind)) {
            if (kind != ' ')
                mark = kind;
            ends[ng] = i, lens[ng++] = n;
            g = 0, i += jl;
        }
    }
    if (det_word_glued(s, len, i) || (i < len && det_alnum(s[i])))
        return 0;              /* longer than an IBAN; a Korean particle ends it */
    ends[ng] = i, lens[ng++] = n;
    for (k = ng; k-- > 0;)
        if (lens[k] >= IBAN_MIN && iban_ok(c, lens[k]))
            return ends[k];
    return 0;
}

/* 1 if c may join the groups of a card number or an IBAN: a space, '-',
 * '.' or '/' (report-adv16a A-3: "4111.1111.1111.1111", "4111/1111/...",
 * "DE89.3704.0044.0532.0130.00"). */
static int group_sep(char c)
{
    return c == ' ' || c == '-' || c == '.' || c == '/';
}

/* The length of the join of a card's groups at s[i] (followed by a
 * digit), with its kind in *j, or 0 (report-adv17a D-4: any punctuation
 * between the groups): one of " -./" (group_sep); one of ",*|_:" glued
 * ("4539,1488,0343,6467", "4539*1488*..."); a '|', '/', '*' or '-'
 * between single spaces ("4539 | 1488 | ..."); ')' and a space after a first group in
 * parentheses (paren: "(4539) 1488-0343/6467").  ", " is a list
 * ("2019, 2020, 2021"), never a join. */
static size_t card_join(const char *s, size_t len, size_t i, int paren, char *j)
{
    if (i + 1 >= len)
        return 0;
    if (paren && s[i] == ')') {
        *j = ')';
        return s[i + 1] == ' ' && i + 2 < len && det_digit(s[i + 2]) ? 2 : det_digit(s[i + 1]) ? 1 : 0;
    }
    if ((group_sep(s[i]) || (s[i] != '\0' && strchr(",*|_:", s[i]) != NULL)) && det_digit(s[i + 1]))
        return *j = s[i], 1;
    if (s[i] == ' ' && i + 3 < len && strchr("|/*-", s[i + 1]) != NULL && s[i + 1] != '\0' &&
        s[i + 2] == ' ' && det_digit(s[i + 3]))
        return *j = s[i + 1], 3;
    return 0;
}

/* 1 if the join j may follow the joins before it (the first was first):
 * one kind throughout, but spaces and '-' mix ("4111 1111-1111 1111"),
 * and any joins mix between groups of four, as cards are printed
 * ("(4539) 1488-0343/6467": four4 says every group so far had four). */
static int same_join(char first, char j, int four4)
{
    return first == 0 || first == j || four4 ||
           ((first == ' ' || first == '-') && (j == ' ' || j == '-'));
}

/* 1 if every group of four digits in d[0..n) (lens: the groups' ends) is
 * a year 1900-2099: a run of years ("2019-2020/2021-2022") is no card. */
static int all_years(const char *d, const size_t *lens, size_t groups)
{
    size_t k, a = 0;
    unsigned y;

    if (groups < 2)
        return 0;
    for (k = 0; k < groups; a = lens[k++]) {
        if (lens[k] - a != 4)
            return 0;
        y = det_value(d + a, 4);
        if (y < 1900 || y > 2099)
            return 0;
    }
    return 1;
}

/* A card number at at: its end, or 0.  Grouped, the groups after the
 * first hold three digits or more, or two after a space ("4111 11 11
 * 1111 1111", as some banks print the issuer's number); the longest run
 * of groups that passes the Luhn check is taken ("4111 1111 1111 1111
 * 12 times").  A first group of under four digits is no card ("40 12
 * 30"), and neither is a group followed by a letter or a decimal.
 * paren: the number began with '(' before at. */
static size_t card(const char *s, size_t len, size_t at, int paren)
{
    char d[CARD_MAX];
    size_t n = 0, i = at, g, groups = 0, ends[CARD_MAX + 1], lens[CARD_MAX + 1], k, jl;
    char sep = 0, j = 0, nj = 0;
    int four4 = 1;

    if (s[at] < '2' || s[at] > '6')
        return 0;
    for (;;) {
        g = det_digits(s, len, i);
        if (n + g > CARD_MAX || (groups > 0 && (g < 2 || (g == 2 && j != ' '))) ||
            (groups == 1 && lens[0] < 4))
            break;                              /* more digits than a card, or "4111 1" */
        memcpy(d + n, s + i, g), n += g, i += g;
        ends[groups] = i, lens[groups++] = n;
        four4 = four4 && g == 4;
        if ((jl = card_join(s, len, i, paren && groups == 1, &nj)) != 0 && same_join(sep, nj, four4))
            j = nj, sep = sep == 0 ? nj : sep, i += jl;
        else
            break;
    }
    for (k = groups; k-- > 0;) {
        i = ends[k];
        if (lens[k] < CARD_MIN)
            break;
        if (det_word_glued(s, len, i) || (i < len && det_alnum(s[i])) ||
            (k + 1 == groups && i + 1 < len && (s[i] == '.' || s[i] == ',') && det_digit(s[i + 1])))
            continue;
        if (det_luhn(d, lens[k]) && !all_years(d, lens, k + 1))
            return i;
    }
    return 0;
}

size_t detect_scan_bank(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    (void)start, (void)kind;
    if (det_alpha(s[at]))
        return iban(s, len, at);
    /* "(4539) 1488-0343/6467": the detection holds the parenthesis. */
    if (s[at] == '(' && at + 1 < len && det_digit(s[at + 1]))
        return card(s, len, at + 1, 1);
    return det_digit(s[at]) ? card(s, len, at, 0) : 0;
}
