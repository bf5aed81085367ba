/* Numbers written other ways (issue 12, kinds 7-9 and 14; brief
 * i12-num): read back into the digits the scanners know and handed to
 * them with the text around, as detect_spoken.c does for number words.
 * Where they find a phone number, an ID or a date of birth in the reading,
 * the whole writing is that detection; where they find nothing it stays.
 * So no form here is a pattern of its own: a form is read, and the one
 * definition of each kind (detect_phone.c, detect_id.c, detect_date.c)
 * decides.  Two writings:
 *   - a code mixing digits with digit words, look-alike letters or
 *     Sino-Korean digits, groups and the letters of a code with it
 *     ("010-four8two1-7395", "MT654321": detect_code.c);
 *   - letters for digits: O o 0, I i l 1, Z z 2, S s 5, G 6, T 7, B b 8 (the usual
 *     typing and OCR confusions; main read O I l beside a digit only,
 *     detect_digits.c) in a token that is mostly digits: groups of ASCII
 *     letters and digits joined by '-' '.' '/', every group holding a
 *     digit, every letter one of these, more digits than letters, three
 *     digits and four characters at least ("O1O-SSS5-1234", "l975-O3-l4", "19B4"; not "SOS",
 *     "B2B", "Z80", "MP3"); an 's' right after the digits that end a
 *     token is the English plural ("the 1990s") and ends the group;
 *   - digits spaced one by one: six single digits or more, each after one
 *     space, with '-' or " - " between two of them read as a dash ("1 9 7
 *     5 0 3 1 4", "7 5 0 3 1 4 - 1 2 3 4 5 6 7").
 * Offsets are bytes of the norm view (detect_int.h). */
#include <sodium.h>

#include "privacy/detect_int.h"

#define ALT_MAX 40              /* bytes of a reading, at most */
#define CONTEXT_BEFORE 64       /* bytes of text before it handed on */
#define CONTEXT_AFTER 32

/* The digit a letter stands for (detect_code.c's table), or -1. */
static int lookalike(char c)
{
    return det_lookalike_digit(c);
}

/* Reads a token of digits and look-alike letters at at into out (same
 * length: each letter becomes its digit); its end, or at. */
static size_t read_lookalikes(const char *s, size_t len, size_t at, char *out)
{
    size_t i = at, end = at, digits = 0, letters = 0, gd, gl, g;
    int v;

    while (i < len && i - at < ALT_MAX) {
        for (g = i, gd = gl = 0; i < len && det_alnum(s[i]) && i - at < ALT_MAX; i++) {
            if (det_digit(s[i]))
                out[i - at] = s[i], gd++;
            else if ((v = lookalike(s[i])) >= 0 && !(s[i] == 's' && gd > 0 && i > g && det_digit(s[i - 1]) &&
                                                     det_ends_word(s, len, i + 1) && gl == 0))
                out[i - at] = (char)('0' + v), gl++;
            else
                return letters > 0 && digits > letters && digits >= 3 && digits + letters >= 4 ? end : at;
        }
        if (gd == 0 || (i < len && det_alnum(s[i])))
            break;
        digits += gd, letters += gl, end = i;
        if (i + 1 < len && i - at < ALT_MAX && (s[i] == '-' || s[i] == '.' || s[i] == '/') && det_alnum(s[i + 1]))
            out[i - at] = s[i], i++;
        else
            break;
    }
    return letters > 0 && digits > letters && digits >= 3 && digits + letters >= 4 ? end : at;
}

/* Reads single digits spaced one by one at at into out (digits, and '-'
 * for a dash between two of them); its end, or at; *n the reading's
 * length. */
static size_t read_spaced(const char *s, size_t len, size_t at, char *out, size_t *n)
{
    size_t i = at, end = at, digits = 0, looks = 0;
    int v = 0;

    *n = 0;
    /* A code's letter spaced before them, and look-alike letters among
     * them ("M I O 3 4 5 8 2": report-adv12 A-18), four digits at least. */
    if (det_alpha(s[i]) && i + 2 < len && s[i + 1] == ' ' && (det_digit(s[i + 2]) || lookalike(s[i + 2]) >= 0) &&
        (i + 3 >= len || !det_alnum(s[i + 3])))
        out[(*n)++] = s[i], i += 2;
    while (i < len && (det_digit(s[i]) || (*n > 0 && (v = lookalike(s[i])) >= 0)) &&
           (i + 1 >= len || !det_alnum(s[i + 1])) && *n + 2 < ALT_MAX) {
        if (det_digit(s[i]))
            out[(*n)++] = s[i], digits++;
        else
            out[(*n)++] = (char)('0' + v), looks++;
        end = ++i;
        if (det_starts(s, len, i, " - ") && i + 3 < len && det_digit(s[i + 3]))
            out[(*n)++] = '-', i += 3;
        else if (i + 1 < len && s[i] == '-' && det_digit(s[i + 1]))
            out[(*n)++] = '-', i++;
        else if (i + 1 < len && s[i] == ' ' && (det_digit(s[i + 1]) || (*n > 0 && det_alpha(out[0]) &&
                                                                      lookalike(s[i + 1]) >= 0)))
            i++;
        else
            break;
    }
    return digits + looks >= 6 && digits >= 4 && (looks == 0 || det_alpha(s[at])) ? end : at;
}

int detect_alt_start(const char *s, size_t len, size_t at)
{
    return at < len && det_alnum(s[at]);
}

/* Where a character starts at or after i (bytes of valid UTF-8). */
static size_t char_start(const char *s, size_t len, size_t i)
{
    while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
        i++;
    return i;
}

/* 1 if a full date starts at at, or at the day before it ("3." of
 * "3.iii.1985", where the walk hands on "iii.1985"): its Roman month's
 * letters are no look-alike digits. */
static int roman_month_date(const char *s, size_t len, size_t at)
{
    size_t t = at;

    if (detect_date_at(s, len, at).strength == DATE_FULL)
        return 1;
    if (at < 2 || (s[at - 1] != '.' && s[at - 1] != '-' && s[at - 1] != '/') || !det_digit(s[at - 2]))
        return 0;
    for (t = at - 1; t > 0 && det_digit(s[t - 1]); t--)
        ;
    return !det_letter_before(s, t) && detect_date_at(s, len, t).strength == DATE_FULL;
}

size_t detect_alt(const char *s, size_t len, size_t at, int *kind, detect_digits_fn scan, void *ctx)
{
    char rd[ALT_MAX], buf[CONTEXT_BEFORE + ALT_MAX + CONTEXT_AFTER + 2];
    size_t end, n = 0, a, b, m;
    int found;

    /* A date whose month is in Roman numerals is a date, its letters no
     * digits ("3.III.1985" is no phone 3.111.1985: report-adv30 O-6). */
    if (roman_month_date(s, len, at))
        return 0;
    if ((end = det_read_code(s, len, at, rd, sizeof rd, &n)) > at)
        ;
    else if ((end = read_lookalikes(s, len, at, rd)) > at)
        n = end - at;
    else if ((end = read_spaced(s, len, at, rd, &n)) == at)
        return 0;
    a = at > CONTEXT_BEFORE ? char_start(s, at, at - CONTEXT_BEFORE) : 0;
    b = end + CONTEXT_AFTER < len ? end + CONTEXT_AFTER : len;
    while (b > end && b < len && ((unsigned char)s[b] & 0xC0) == 0x80)
        b--;
    memcpy(buf, s + a, at - a), m = at - a;
    memcpy(buf + m, rd, n), m += n;
    memcpy(buf + m, s + end, b - end), m += b - end;
    buf[m] = '\0';
    found = scan(ctx, buf, m, at - a, at - a + n, kind);
    sodium_memzero(buf, sizeof buf);
    sodium_memzero(rd, sizeof rd);
    return found ? end : 0;
}
