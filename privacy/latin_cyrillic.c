/* The Latin-to-Cyrillic table of latin_cyrillic.h: one table, each
 * reading marked with the systems it belongs to (brief s50 case50; it
 * replaces three hand-written tables, of redact_case.c, redact_register.c
 * and redact_lookalike.c, whose answers it keeps exactly:
 * tests/unit/privacy/test_latin_cyrillic.c compares them). */
#include "privacy/latin_cyrillic.h"

#include <string.h>

#define N LATIN_CYR_NAME
#define R LATIN_CYR_REGISTER
#define S LATIN_CYR_SPELT
#define A LATIN_CYR_SPELT_ALT
#define READINGS 4

struct group {
    const char *latin;
    struct {
        const char *cyr;
        unsigned char sys;
    } r[READINGS];
};

/* Longest group first.  Sources: N, variants_ru_latin.c's ru_latin
 * read backwards (ISO 9 without marks, BGN/PCGN, ICAO 9303 and the
 * German-style j: zh kh ts tz ch sh shch sch ye yo jo yu iu ju ya ia ja),
 * x of кс (the press: Aleksandr, Alexander), the soft and hard signs
 * before a vowel (ья of ya, ье of ye and ie), the letters a group's
 * single letters also spell (зх, кх, тс, сх, шч, сч, йо, ия, ию), and
 * the Mongolian ө and ү (variants_mn_letters.c, romanise_mn_letters);
 * R, the Mongolian romanisations of docs/VARIANTS.md read backwards (MNS
 * 5217, BGN/PCGN, passport practice: ue ү, oe ө, x х, c ч, yo ё); S, MNS
 * 5217's own letter (no q, w or x).  Where two systems read a group in
 * another order, a letter is listed twice (e: е then э for N, э then е
 * for R), so each keeps its own order. */
static const struct group groups[] = {
    { "shch", { { "щ", N }, { "шч", N } } },
    { "sch", { { "щ", N }, { "сч", N } } },
    { "zh", { { "ж", N | R }, { "зх", N } } },
    { "kh", { { "х", N | R }, { "кх", N } } },
    { "ts", { { "ц", N | R }, { "тс", N } } },
    { "tz", { { "ц", N } } },
    { "ch", { { "ч", N | R } } },
    { "sh", { { "ш", N | R }, { "сх", N } } },
    { "ya", { { "я", N | R }, { "ья", N } } },
    { "ia", { { "я", N }, { "ия", N } } },
    { "ja", { { "я", N } } },
    { "yu", { { "ю", N | R }, { "ью", N } } },
    { "iu", { { "ю", N }, { "ию", N } } },
    { "ju", { { "ю", N } } },
    { "yo", { { "е", N }, { "йо", N }, { "ё", R } } },
    { "jo", { { "е", N } } },
    { "ye", { { "е", N | R }, { "ье", N } } },
    { "ie", { { "ье", N }, { "ие", N } } },
    { "ue", { { "ү", R } } },
    { "oe", { { "ө", R } } },
    { "a", { { "а", N | R | S } } },
    { "b", { { "б", N | R | S } } },
    { "c", { { "ц", N | R | S }, { "к", N }, { "ч", R } } },
    { "d", { { "д", N | R | S } } },
    { "e", { { "е", N }, { "э", N | R | S }, { "е", R } } },
    { "f", { { "ф", N | R | S } } },
    { "g", { { "г", N | R | S } } },
    { "h", { { "х", N | R | S } } },
    { "i", { { "и", N | R | S }, { "й", N | R } } },
    { "j", { { "й", N }, { "ж", N | R | S } } },
    { "k", { { "к", N | R | S } } },
    { "l", { { "л", N | R | S } } },
    { "m", { { "м", N | R | S } } },
    { "n", { { "н", N | R | S } } },
    { "o", { { "о", N | R | S }, { "ө", N | R | A } } },
    { "p", { { "п", N | R | S } } },
    { "q", { { "к", N } } },
    { "r", { { "р", N | R | S } } },
    { "s", { { "с", N | R | S } } },
    { "t", { { "т", N | R | S } } },
    { "u", { { "у", N | R | S }, { "ү", N | R | A } } },
    { "v", { { "в", N | R | S } } },
    { "w", { { "в", N | R } } },
    { "x", { { "кс", N }, { "х", R } } },
    { "y", { { "ы", N | R | S }, { "й", N | R }, { "и", N } } },
    { "z", { { "з", N | R | S } } },
};

#define NGROUPS (sizeof groups / sizeof groups[0])

int latin_cyrillic_next(struct latin_cyr_it *it, const char *s, size_t n, unsigned sys,
                        const char **cyr, size_t *latin_len)
{
    for (; it->group < NGROUPS; it->group++, it->reading = 0) {
        const struct group *g = &groups[it->group];
        size_t l = strlen(g->latin);

        if (l > n || memcmp(s, g->latin, l) != 0)
            continue;
        for (; it->reading < READINGS && g->r[it->reading].cyr != NULL; it->reading++)
            if ((g->r[it->reading].sys & sys) != 0) {
                *cyr = g->r[it->reading++].cyr;
                *latin_len = l;
                return 1;
            }
    }
    return 0;
}

const char *latin_cyrillic_letter(char c, unsigned sys)
{
    struct latin_cyr_it it = { 0, 0 };
    const char *cyr;
    size_t l;

    while (latin_cyrillic_next(&it, &c, 1, sys, &cyr, &l))
        if (l == 1)
            return cyr;
    return NULL;
}
