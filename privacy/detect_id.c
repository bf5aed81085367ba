/* ID numbers by their shape alone (a number after a label such as
 * "passport no." is detect_label.c's):
 *   - KR resident (and foreigner) registration number YYMMDD-SNNNNNN, with
 *     a dash, a space or nothing, or in parts ("75.03.14-1234567",
 *     "750314 - 1234567", "750314_1234567"; MyKad "750314 14 5678"), and masked ("750314-1******",
 *     "750314-*******", "7503141******"): the masked form still gives the
 *     birth date and sex; also its first half with the sex digit alone
 *     ("750314-1");
 *   - CN resident identity number: 6 digits of place, YYYYMMDD, 3 digits
 *     and a check digit or X (18);
 *   - MY identity card (MyKad) YYMMDD-PB-NNNN; KW civil ID: century digit,
 *     YYMMDD and 5 digits; and any 12 digits that start with either;
 *   - RU insurance number (SNILS) NNN-NNN-NNN NN;
 *   - passports: 1-2 letters and 7-8 digits (KR M12345678, MN E1234567,
 *     CN E12345678, a Mongolian register number written in Latin
 *     UB75031412), KR M123A4567;
 *   - the Mongolian register number: two Cyrillic letters and eight digits
 *     whose first six are the birth date (the month plus 20 for births from
 *     2000): "УБ75031412"; with a space between ("ИЙ 01231234") the date
 *     must be valid, and so with the letters spaced or the digits in
 *     pairs ("У Б 75031412", "у.б 75-03-14-12"); so too with the digits said in words ("УБ-семь пять
 *     ноль три один четыре один два": detect_spoken.c).
 * Each date part must be a valid month and day. */
#include <sodium.h>

#include "privacy/detect_int.h"

/* A mask character of a masked number: *, x, #, •, ●, ○, ×; its length. */
static size_t mask_at(const char *s, size_t len, size_t at)
{
    static const char *const wide[] = { "\xe2\x80\xa2", "\xe2\x97\x8f", "\xe2\x97\x8b", "\xc3\x97" };
    size_t k;

    if (at < len && (s[at] == '*' || s[at] == 'x' || s[at] == '#'))
        return 1;
    for (k = 0; k < sizeof wide / sizeof wide[0]; k++)
        if (det_starts(s, len, at, wide[k]))
            return strlen(wide[k]);
    return 0;
}

/* n characters from at, each a digit or a mask, at least one mask
 * unless digits_ok; returns the end or 0. */
static size_t masked(const char *s, size_t len, size_t at, size_t n, int digits_ok)
{
    size_t i = at, k, m, masks = 0;

    for (k = 0; k < n; k++) {
        if (i < len && det_digit(s[i]))
            i++;
        else if ((m = mask_at(s, len, i)) != 0)
            i += m, masks++;
        else
            return 0;
    }
    return (masks > 0 || digits_ok) && det_ends_word(s, len, i) ? i : 0;
}

/* What may stand between the halves of a KR registration number: a dash
 * (ㅡ and middle dots become one in the norm view: normalise.c), a space,
 * and what people type instead ("750314/1234567", "750314~1234567",
 * "750314=1234567", "750314_1******": report-adv12c H43). */
#define RRN_SEPARATORS "- _/~="

/* KR registration number: YYMMDD, a separator (above) or nothing, the sex digit
 * 1-8 and six digits or masks; or seven masks after the dash. */
static size_t rrn(const char *s, size_t len, size_t at, size_t n)
{
    size_t i = at + 6, end;
    char sep;

    if (n < 6 || !det_yymmdd(s, at))
        return 0;
    if (n == 13)
        return s[at + 6] >= '1' && s[at + 6] <= '8' && det_ends_word(s, len, at + 13) ? at + 13 : 0;
    if (n == 7 && s[i] >= '1' && s[i] <= '8')
        return masked(s, len, i + 1, 6, 0);                         /* 7503141****** */
    if (n != 6 || i >= len || s[i] == '\0' || strchr(RRN_SEPARATORS, s[i]) == NULL)
        return 0;
    sep = s[i++];
    if (i < len && s[i] >= '1' && s[i] <= '8') {
        if ((end = masked(s, len, i + 1, 6, 1)) != 0)
            return end;
        /* The first half and the sex digit: "750314-1". */
        return sep == '-' && det_ends_word(s, len, i + 1) &&
               !(i + 2 < len && (s[i + 1] == '-' || s[i + 1] == '.') && det_digit(s[i + 2])) ? i + 1 : 0;
    }
    return sep == '-' ? masked(s, len, i, 7, 0) : 0;
}

size_t detect_scan_rrn_spelt(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    char d[24];
    size_t pos[24], i = at, k = 0, n, e;
    int v;

    (void)start, (void)kind;
    while (i < len && k < 15) {
        if ((n = det_digit_at(s, len, i, &v, 1)) > 0) {
            d[k] = (char)('0' + v);
        } else if (k == 6 && (s[i] == '-' || s[i] == ' ') && det_digit_at(s, len, i + 1, &v, 1) > 0) {
            d[k] = s[i], n = 1;
        } else {
            break;
        }
        i += n, pos[k++] = i;
    }
    d[k] = '\0';
    e = k >= 13 ? rrn(d, k, 0, det_digits(d, k, 0)) : 0;
    sodium_memzero(d, sizeof d);
    return e > 0 && e == k ? pos[e - 1] : 0;
}

/* CN identity number (18), MyKad (6-2-4 or 12), KW civil ID (12), SNILS. */
static size_t other_numbers(const char *s, size_t len, size_t at, size_t n)
{
    if (n == 17 && at + 17 < len && (det_digit(s[at + 17]) || s[at + 17] == 'x') &&
        det_ends_word(s, len, at + 18)) {
        unsigned y = det_value(s + at + 6, 4);
        return y >= 1900 && y <= 2099 && det_month_day(det_value(s + at + 10, 2), det_value(s + at + 12, 2)) ?
               at + 18 : 0;
    }
    if (n == 12 && det_ends_word(s, len, at + 12) &&
        (det_yymmdd(s, at) || (s[at] >= '1' && s[at] <= '3' && det_yymmdd(s, at + 1))))
        return at + 12;
    if (n == 6 && det_yymmdd(s, at) && at + 14 <= len && s[at + 6] == '-' &&
        det_digits(s, len, at + 7) == 2 && s[at + 9] == '-' && det_digits(s, len, at + 10) == 4 &&
        det_ends_word(s, len, at + 14))
        return at + 14;
    if (n == 3 && at + 14 <= len && s[at + 3] == '-' && det_digits(s, len, at + 4) == 3 &&
        s[at + 7] == '-' && det_digits(s, len, at + 8) == 3 && (s[at + 11] == ' ' || s[at + 11] == '-') &&
        det_digits(s, len, at + 12) == 2 && det_ends_word(s, len, at + 14))
        return at + 14;
    return 0;
}

/* Passports: 1-2 letters and 7-8 digits, or one letter, 3 digits, a
 * letter and 4 digits. */
static size_t passport(const char *s, size_t len, size_t at)
{
    size_t i = at + 1, n;

    if (i < len && det_alpha(s[i]))
        i++;
    n = det_digits(s, len, i);
    if (n >= 7 && n <= 8 && det_ends_word(s, len, i + n))
        return i + n;
    if (i == at + 1 && n == 3 && i + 8 <= len && det_alpha(s[i + 3]) &&
        det_digits(s, len, i + 4) == 4 && det_ends_word(s, len, i + 8))
        return i + 8;
    return 0;
}

/* A KR registration number or a MyKad written in parts, without a label:
 * digit groups joined by up to three of RRN_SEPARATORS and '.' ("75.03.14-1234567",
 * "750314 - 1234567", "750314_1234567", "750314 14 5678"); the birth date
 * is one group or three (YY MM DD), the rest of an RRN one group of seven
 * starting with the sex digit, a MyKad's 2 and 4. */
static size_t in_parts(const char *s, size_t len, size_t at)
{
    char d[14];
    size_t nd = 0, i = at, j, n, ng = 0, end = at, b[6];

    while (ng < 6 && (n = det_digits(s, len, i)) > 0 && nd + n <= 13) {
        memcpy(d + nd, s + i, n);
        nd += n, i += n, end = i, b[ng++] = nd;
        for (j = i; j < len && j - i < 3 && s[j] != '\0' && strchr(RRN_SEPARATORS ".", s[j]) != NULL; j++)
            ;
        if (j == i || j >= len || !det_digit(s[j]))
            break;
        i = j;
    }
    if (ng < 2 || !det_ends_word(s, len, end) || !det_yymmdd(d, 0))
        return 0;
    if (nd == 13 && b[ng - 2] == 6 && d[6] >= '1' && d[6] <= '8' &&
        (ng == 2 || (ng == 4 && b[0] == 2 && b[1] == 4)))
        return end;
    if (nd == 12 && ng == 3 && b[0] == 6 && b[1] == 8)
        return end;
    return 0;
}

/* The end of a resident registration number's masked second half at at:
 * its sex digit 1-8 and six mask characters (mask_at), apart from its
 * date ("생년 750314 뒤 1●●●●●●": report-adv19b B-5); the digit and the
 * mask still say the sex and the century.  0 if none. */
static size_t masked_tail(const char *s, size_t len, size_t at)
{
    size_t i = at + 1, k, n;

    if (s[at] < '1' || s[at] > '8')
        return 0;
    for (k = 0; k < 6; k++, i += n)
        if ((n = mask_at(s, len, i)) == 0)
            return 0;
    return det_ends_word(s, len, i) && mask_at(s, len, i) == 0 ? i : 0;
}

size_t detect_scan_id(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t n = det_digits(s, len, at), end;

    (void)start, (void)kind;
    if (n == 0)
        return det_alpha(s[at]) ? passport(s, len, at) : 0;
    if ((end = rrn(s, len, at, n)) != 0 || (end = other_numbers(s, len, at, n)) != 0)
        return end;
    if (n == 1 && (end = masked_tail(s, len, at)) != 0)
        return end;
    return n == 2 || n == 6 ? in_parts(s, len, at) : 0;
}

/* 1 if the two letters at w are an English or Mongolian word, not a
 * register number's letters ("to 2010 2015", "in 1985 0315"). */
static int stop_word(const char *w)
{
    static const char words[] = "to in at on of by is as or an be do go he me my no so up us we it if am "
                                "ba ch ni ta bi";
    for (const char *p = words;; p += 3) {
        if (p[0] == w[0] && p[1] == w[1])
            return 1;
        if (p[2] == '\0')
            return 0;
    }
}

/* Eight digits in four pairs joined by one of "-. " ("75-03-14-12",
 * "75.03.14.12", "75 03 14 12") at i: copied to digits[0..8), the end;
 * 0 if none. */
static size_t pairs(const char *s, size_t len, size_t i, char *digits)
{
    char sep = i + 2 < len ? s[i + 2] : 0;

    if (sep != '-' && sep != '.' && sep != ' ')
        return 0;
    for (int k = 0; k < 4; k++, i += 3) {
        if (det_digits(s, len, i) != 2 || (k < 3 && (i + 2 >= len || s[i + 2] != sep)))
            return 0;
        memcpy(digits + 2 * k, s + i, 2);
    }
    return i - 1;
}

/* What may stand between a register number's letters and its digits:
 * a space, a dash, a slash, an underscore ("УБ-75031412", "ub/75031412",
 * "UB_75031412": brief s19 num19). */
#define REGISTER_SEPARATORS " -/_"

/* A digit, or a letter drawn like one among a register number's digits
 * (norm view, folded: Latin o, Cyrillic о, Greek ο for 0; Latin i, l,
 * Ukrainian і for 1; Cyrillic з for 3: the confusables of Unicode TR 39
 * that redact_lookalike.c reads in registered numbers too): its digit,
 * its length in bytes in *n; -1 if neither. */
static int register_digit(const char *s, size_t len, size_t at, size_t *n)
{
    int cp = det_cp_at(s, len, at, n);

    switch (cp) {
    case 'o': case 0x043E: case 0x03BF: return 0;
    case 'i': case 'l': case 0x0456: return 1;
    case 0x0437: return 3;
    default: return cp >= '0' && cp <= '9' ? cp - '0' : -1;
    }
}

/* Eight digits at i with one or two look-alike letters among them, the
 * first a real digit ("UB75O31412", "УБ7503I412"); copied to
 * digits[0..8), the end; 0 if none.  Plain eight digits are the
 * caller's. */
static size_t lookalike_eight(const char *s, size_t len, size_t i, char *digits)
{
    size_t n, looks = 0;
    int v;

    if (i >= len || !det_digit(s[i]))
        return 0;
    for (int k = 0; k < 8; k++, i += n) {
        if ((v = register_digit(s, len, i, &n)) < 0)
            return 0;
        looks += !det_digit(s[i]);
        digits[k] = (char)('0' + v);
    }
    return looks <= 2 ? i : 0;
}

/* The length in bytes of one Cyrillic letter of a register number
 * written in Latin letters at s[0..len) (norm view, folded): a digraph of
 * the Mongolian romanisations for Ч, Ш, Ц, Х, Ж and the iotated vowels
 * (ch, sh, ts, kh, zh, ya, ye, yo, yu: MNS 5217:2012 and the BGN/PCGN
 * table, as passports and banks write "ChD75031412": report-adv19b B-3),
 * else 1. */
static size_t latin_letter(const char *s, size_t len)
{
    static const char digraphs[][3] = { "ch", "sh", "ts", "kh", "zh", "ya", "ye", "yo", "yu" };

    for (size_t k = 0; len >= 2 && k < sizeof digraphs / sizeof digraphs[0]; k++)
        if (s[0] == digraphs[k][0] && s[1] == digraphs[k][1])
            return 2;
    return 1;
}

size_t detect_register_latin(const char *s, size_t len, size_t at)
{
    size_t run = 0, a, b;

    while (at + run < len && det_alpha(s[at + run]))
        run++;
    if (run == 2)
        return at + 2;
    if (run < 2 || run > 4)
        return at;
    if (run == 3 && (!memcmp(s + at, "its", 3) || !memcmp(s + at, "she", 3) || !memcmp(s + at, "yes", 3) ||
                     !memcmp(s + at, "you", 3)))
        return at;                      /* English words of that shape */
    a = latin_letter(s + at, run);
    b = at + a < at + run ? latin_letter(s + at + a, run - a) : 0;
    return a + b == run ? at + run : at;
}

size_t detect_scan_register(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t i = at, k, n, d, e;
    int cp, latin = det_alpha(s[at]), apart = 0;
    unsigned mm;
    char digits[8];

    (void)start, (void)kind;
    if (det_letter_before(s, at))
        return 0;
    if (latin && (i = detect_register_latin(s, len, at)) > at + 2)
        goto digits;                    /* "chd75031412", "shts 75031412" */
    i = at;
    /* Most letters are followed by letters: the cheap test first. */
    k = latin ? 2 : 4;
    if (at + k >= len || !(det_digit(s[at + k]) || strchr(REGISTER_SEPARATORS, s[at + k]) != NULL ||
                           s[at + k / 2] == '.' || (!latin && s[at + k / 2] == ' ')))
        return 0;
    for (k = 0; k < 2; k++) {
        /* The signs ь ъ name no place: "нь 99-11-22-33" is the
         * particle "its" before a number (report-adv19b B-2). */
        if ((cp = det_cp_at(s, len, i, &n)) < 0 || !(latin ? det_alpha(s[i]) : is_cyrillic_cp(cp)) ||
            cp == 0x044C || cp == 0x044A)
            return 0;
        i += n;
        if (i < len && s[i] == '.')
            i++, apart = 1;             /* "У.Б.85031512" (report-adv12e F36) */
        /* "У Б 75031412": Cyrillic letters spaced (report-adv12 A-25); the
         * digits must then hold a birth date. */
        else if (k == 0 && !latin && i + 1 < len && s[i] == ' ' && det_cp_at(s, len, i + 1, &n) >= 0 &&
                 is_cyrillic_cp(det_cp_at(s, len, i + 1, &n)) && !det_letter_at(s, len, i + 1 + n))
            i++, apart = 1;
    }
    if (i < len && !det_digit(s[i]) && det_letter_at(s, len, i))
        return 0;                       /* a third letter: a word */
digits:
    if (i < len && s[i] != '\0' && strchr(REGISTER_SEPARATORS, s[i]) != NULL)
        i++, apart = 1;                 /* "УБ 75031412", "УБ-75031412" (report-adv12c H49) */
    /* Eight digits, or four and four ("UB 8503 1512"), or eight said in
     * words after a separator ("УБ-семь пять ноль три один четыре один
     * два": detect_spoken.c). */
    if ((d = det_digits(s, len, i)) == 8) {
        memcpy(digits, s + i, 8), i += 8;
    } else if (d == 0 && apart && (e = detect_spoken_digits(s, len, i, digits, sizeof digits, &d)) != 0 &&
               d == 8) {
        i = e;
    } else if (d == 4 && i + 9 <= len && (s[i + 4] == ' ' || (s[i + 4] == '-' && !latin)) &&
               det_digits(s, len, i + 5) == 4) {
        memcpy(digits, s + i, 4), memcpy(digits + 4, s + i + 5, 4), i += 9, apart = 1;
    } else if (d == 2 && (e = pairs(s, len, i, digits)) != 0) {
        i = e, apart = 1;               /* "у.б 75-03-14-12" (report-adv12 A-25) */
    } else if (d < 8 && (e = lookalike_eight(s, len, i, digits)) != 0) {
        i = e, apart = 1;               /* "UB75O31412": the date must hold */
    } else {
        return 0;
    }
    if (!det_ends_word(s, len, i) || (latin && !det_alpha(s[at + 2]) && stop_word(s + at)))
        return 0;
    /* Glued to its Cyrillic letters it is a code whatever the digits;
     * apart, or in Latin letters, the digits must hold a birth date. */
    mm = det_value(digits + 2, 2);
    mm = mm > 20 ? mm - 20 : mm;
    return (!apart && !latin) || det_month_day(mm, det_value(digits + 4, 2)) ? i : 0;
}
