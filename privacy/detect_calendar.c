/* Years of birth in the calendars a testimony may count in besides the
 * Gregorian (session 53, report-adv52 L-39, L-44), read only beside a
 * birth word (detect_birth_near: "born Juche 74", "born in the Year of
 * the Wood Ox"); a year of an event stays.  Kind date.
 *   - The Juche calendar of the DPRK (year 1 = 1912, so Juche 74 =
 *     1985: the decree of the Central People's Committee of 8 July 1997,
 *     as reported by KCNA): "Juche 74", "Juche year 74", Cyrillic
 *     "чучхе 74"; the Korean "주체74년" is a year with 년 and read by
 *     detect_birth.c.
 *   - The sexagenary cycle (Chinese, Korean, Mongolian calendars): an
 *     element (wood, fire, earth, metal, water; Yin or Yang before it
 *     may stay) and an animal name a year to within sixty ("Wood Ox" =
 *     1925, 1985, 2045), in English.  The names are those of the English
 *     translations of the cycle (Encyclopaedia Britannica, "Chinese
 *     calendar"); written by us.
 * Offsets are bytes of the norm view (lower case). */
#include <string.h>

#include "privacy/detect_int.h"

#define N(a) (sizeof(a) / sizeof(a)[0])

static const char *const elements[] = { "wood", "fire", "earth", "metal", "water" };
static const char *const animals[] = {
    "rat", "mouse", "ox", "cow", "buffalo", "tiger", "rabbit", "hare", "dragon", "snake", "horse", "goat", "sheep",
    "ram", "monkey", "rooster", "chicken", "cock", "dog", "pig", "boar",
};
static const char *const juche[] = { "juche", "чучхе" };

/* The end of a whole word of list at at, or 0. */
static size_t word_of(const char *s, size_t len, size_t at, const char *const *list, size_t n)
{
    size_t k, e;

    for (k = 0; k < n; k++)
        if (det_starts(s, len, at, list[k]) && !det_letter_at(s, len, e = at + strlen(list[k])))
            return e;
    return 0;
}

/* "juche 74", "juche year 74": its end, or 0. */
static size_t juche_year(const char *s, size_t len, size_t at)
{
    size_t e = word_of(s, len, at, juche, N(juche)), n;

    if (e == 0 || e + 1 >= len || s[e] != ' ')
        return 0;
    e++;
    if (det_starts(s, len, e, "year "))
        e += 5;
    n = det_digits(s, len, e);
    if (n == 0 || n > 3 || det_letter_at(s, len, e + n) || (e + n < len && det_digit(s[e + n])))
        return 0;
    return e + n;
}

/* "wood ox": its end, or 0.  An animal alone ("the Year of the Tiger")
 * names the year to within twelve and stays, as the zodiac of
 * detect_zodiac.c does without a number beside it (test_leaks_detect's
 * line 13). */
static size_t cycle_year(const char *s, size_t len, size_t at)
{
    size_t e = word_of(s, len, at, elements, N(elements));

    return e != 0 && e + 1 < len && s[e] == ' ' ? word_of(s, len, e + 1, animals, N(animals)) : 0;
}

size_t detect_calendar_year(const char *s, size_t len, size_t at)
{
    size_t e;
    unsigned char c = (unsigned char)s[at];

    if (!(c >= 'a' && c <= 'z') && c != 0xd1)      /* ч */
        return 0;
    if ((e = juche_year(s, len, at)) == 0 && (e = cycle_year(s, len, at)) == 0)
        return 0;
    return detect_birth_near(s, len, at, e) ? e : 0;
}
