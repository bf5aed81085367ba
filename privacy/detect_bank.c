/* Bank account and payment card numbers by their check digits
 * (report-adv12 A-17), each one detection of kind DETECT_ID over the
 * whole run, so no group is left and no part reads as a phone number:
 *   - an IBAN (ISO 13616-1): two letters of a country, two check digits,
 *     then 11 to 30 letters and digits, whole or in groups of four joined
 *     by single spaces, '-' or '.' ("GB82 WEST 1234 5698 7654 32",
 *     "DE89.3704.0044.0532.0130.00"); 15 to 34
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

/* The Luhn check (ISO/IEC 7812-1 annex B) over d[0..n), digits. */
static int luhn_ok(const char *d, size_t n)
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

/* An IBAN at at: its end, or 0.  Grouped, the longest run of groups
 * that passes the check is taken ("GB82 WEST 1234 5698 7654 32 then"). */
static size_t iban(const char *s, size_t len, size_t at)
{
    char c[IBAN_MAX];
    size_t n = 0, i = at, g = 0, ends[IBAN_MAX / 4 + 2], lens[IBAN_MAX / 4 + 2], ng = 0, k;
    char sep = 0;

    if (at + 4 > len || !det_alpha(s[at]) || !det_alpha(s[at + 1]) || !det_digit(s[at + 2]) ||
        !det_digit(s[at + 3]))
        return 0;
    while (i < len && n < IBAN_MAX && det_alnum(s[i])) {
        c[n++] = s[i++], g++;
        /* A space, '-' or '.' only after a group of four, one kind
         * throughout ("GB82-WEST-1234-...", "DE89.3704...": report-adv16a
         * */
        if (g == 4 && i + 1 < len && (s[i] == ' ' || s[i] == '-' || s[i] == '.') &&
            (sep == 0 || s[i] == sep) && det_alnum(s[i + 1])) {
            ends[ng] = i, lens[ng++] = n;
            sep = s[i], g = 0, i++;
        }
    }
    if (det_letter_at(s, len, i) || (i < len && det_alnum(s[i])))
        return 0;                               /* longer than an IBAN */
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

/* 1 if the join j may follow the joins before it (the first was first):
 * one kind throughout, but spaces and '-' mix ("4111 1111-1111 1111"). */
static int same_join(char first, char j)
{
    return first == 0 || first == j || ((first == ' ' || first == '-') && (j == ' ' || j == '-'));
}

/* A card number at at: its end, or 0.  Grouped, the groups after the
 * first hold three digits or more, or two after a space ("4111 11 11
 * 1111 1111", as some banks print the issuer's number); the longest run
 * of groups that passes the Luhn check is taken ("4111 1111 1111 1111
 * 12 times").  A first group of under four digits is no card ("40 12
 * 30"), and neither is a group followed by a letter or a decimal. */
static size_t card(const char *s, size_t len, size_t at)
{
    char d[CARD_MAX];
    size_t n = 0, i = at, g, groups = 0, ends[CARD_MAX + 1], lens[CARD_MAX + 1], k;
    char sep = 0, j = 0;

    if (s[at] < '2' || s[at] > '6')
        return 0;
    for (;;) {
        g = det_digits(s, len, i);
        if (n + g > CARD_MAX || (groups > 0 && (g < 2 || (g == 2 && j != ' '))) ||
            (groups == 1 && lens[0] < 4))
            break;                              /* more digits than a card, or "4111 1" */
        memcpy(d + n, s + i, g), n += g, i += g;
        ends[groups] = i, lens[groups++] = n;
        if (i + 1 < len && group_sep(s[i]) && same_join(sep, s[i]) && det_digit(s[i + 1]))
            j = s[i], sep = sep == 0 ? s[i] : sep, i++;
        else
            break;
    }
    for (k = groups; k-- > 0;) {
        i = ends[k];
        if (lens[k] < CARD_MIN)
            break;
        if (det_letter_at(s, len, i) || (i < len && det_alnum(s[i])) ||
            (k + 1 == groups && i + 1 < len && (s[i] == '.' || s[i] == ',') && det_digit(s[i + 1])))
            continue;
        if (luhn_ok(d, lens[k]))
            return i;
    }
    return 0;
}

size_t detect_scan_bank(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    (void)start, (void)kind;
    if (det_alpha(s[at]))
        return iban(s, len, at);
    return det_digit(s[at]) ? card(s, len, at) : 0;
}
