/* A flat's number written before the flat's word (moved here from
 * detect_address_part.c and detect_address.c, session 48): after an
 * ordinal's ending ("42-й квартире", "17th квартире" for one said) or
 * dictated digit by digit ("1 0 7 кв.", "4 2 пәтерде", "3 0 2 号室").  A
 * cardinal before the flat's word is a count ("две квартиры", "16
 * квартир") and is not read.  The flat's words are the ones of
 * detect_address_part.c's tables, in the case forms that no count takes:
 * Russian and Ukrainian grammar (a numeral 2-4 governs the genitive
 * singular, 5 and more the genitive plural, 1 the nominative), Kazakh
 * (a plural -лер); they want a native reviewer. */
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"
#include "privacy/detect_address_int.h"

size_t addr_flat_after_ordinal(const char *s, size_t len, size_t j)
{
    static const char *const stems[] = { "квартир", "пәтер" };
    /* an ordinal's endings written after its digits, Russian, Ukrainian
     * and Kazakh; not a cardinal's ("3-и", "3-х", "5-ти": counts) */
    static const char *const ends[] = {
        "й", "я", "е", "ю", "ой", "ая", "ое", "ую", "ый", "ий", "ей", "ом", "ым", "им", "го", "му",
        "его", "ого", "ему", "ому", "ші", "шы", "нші", "ншы", "інші", "ыншы",
    };
    size_t k, n;

    if (det_starts(s, len, j, "th "))
        j += 3;
    else if (j < len && s[j] == '-' && det_starts(s, len, j + 1, "пәтер"))
        j += 1;                 /* "35-пәтерде": Kazakh writes the ordinal so */
    else if (j < len && s[j] == '-') {
        for (k = 0; k < sizeof ends / sizeof ends[0]; k++)
            if (det_starts(s, len, j + 1, ends[k]) && s[j + 1 + (n = strlen(ends[k]))] == ' ')
                break;
        if (k == sizeof ends / sizeof ends[0])
            return 0;
        j += n + 2;
    } else
        return 0;
    for (k = 0; k < sizeof stems / sizeof stems[0]; k++)
        if (det_starts(s, len, j, stems[k]))
            return detect_letters(s, len, j + strlen(stems[k]));
    return 0;
}

size_t addr_spaced_digits_start(const char *s, size_t i)
{
    size_t start = i, g, n;

    for (n = 0; n < 3 && det_digit(s[i + n]); n++)
        ;
    if (n > 2)
        return i;
    while (start >= 2 && s[start - 1] == ' ' && det_digit(s[start - 2])) {
        for (g = start - 1; g > 0 && det_digit(s[g - 1]); g--)
            ;
        if (start - 1 - g > 2 || (g > 0 && s[g - 1] != ' ' && s[g - 1] != '\n' && s[g - 1] != '('))
            break;
        start = g;
    }
    return start;
}

/* 1 if the word at i is a measure's after кв. ("50 кв. м", "кв.м",
 * "кв. метров", "кв. км": square metres, not a flat). */
static int square_measure(const char *s, size_t len, size_t i)
{
    static const char *const measures[] = { "м", "метр", "км", "см", "мм", "фут", "m" };
    size_t k;

    i += i < len && s[i] == ' ';
    for (k = 0; k < sizeof measures / sizeof measures[0]; k++)
        if (det_starts(s, len, i, measures[k]) &&
            (strlen(measures[k]) > 2 || !det_letter_at(s, len, i + strlen(measures[k]))))
            return 1;
    return 0;
}

size_t addr_flat_after_spaced(const char *s, size_t len, size_t i, size_t j)
{
    /* the flat's words of detect_address_part.c in their singular cases
     * other than the genitive (nominative, accusative, locative,
     * instrumental): Russian квартира, квартиру, квартире, квартирой;
     * Ukrainian квартирі, квартирою; Kazakh пәтер with its case
     * endings (not the plural пәтерлер); Japanese 号室 (a room) */
    static const char *const words[] = {
        "квартира", "квартиру", "квартире", "квартирой", "квартирі", "квартирою", "кв.",
    };
    size_t k, e;

    if (j + 1 >= len || s[j] != ' ')
        return 0;
    j++;
    /* 号室 after one space, the number spaced or not ("302 号室"): a
     * room's number, never a count (glued: number_unit's) */
    if (det_starts(s, len, j, "号室") || det_starts(s, len, j, "號室"))
        return j + strlen("号室");
    if (addr_spaced_digits_start(s, i) == i)
        return 0;
    if (det_starts(s, len, j, "пәтер"))
        return det_starts(s, len, j + strlen("пәтер"), "лер") ? 0 : detect_letters(s, len, j + strlen("пәтер"));
    for (k = 0; k < sizeof words / sizeof words[0]; k++) {
        if (!det_starts(s, len, j, words[k]))
            continue;
        e = j + strlen(words[k]);
        if (k == sizeof words / sizeof words[0] - 1)
            return square_measure(s, len, e) ? 0 : e;
        return det_letter_at(s, len, e) ? 0 : e;
    }
    return 0;
}
