/* A named complex and its block-floor-unit code (brief s27 place27,
 * report-adv26a D-7): "Home - Vista Komanwel B-12-3", "Sri Cempaka
 * Apartment, A-3-12", "Residensi Harmoni C-5-2", "한빛아파트 B-12-3".
 * Malaysian high-rise homes are written as a block letter (or number),
 * a floor and a unit joined by dashes after the complex's name; the code
 * of three parts with a complex word among the four words before it is
 * an address, the code is what identifies.  Read in the norm view (lower
 * case), where capitals are gone: the complex is known by its word.
 *
 * The complex words are written by hand from Malaysian, Kuwaiti, Korean
 * and Russian addresses as the author knew them (Pangsapuri, Residensi,
 * Menara, Vista, Kondominium are the usual words of Malaysian
 * condominium names; 아파트 and ЖК "housing complex"): they want a
 * native reviewer. */
#include <string.h>

#include "privacy/detect.h"
#include "privacy/detect_int.h"

static const char *const complex_words[] = {
    "apartment", "apartments", "apartmen", "pangsapuri", "vista", "residensi", "residence",
    "residences", "menara", "kondominium", "condominium", "condo", "tower", "towers", "court",
    "heights", "mansion", "mansions", "plaza", "flat", "flats", "park", "\xd0\xb6\xd0\xba", /* жк */
};

/* The end of a code of three parts at i: a letter or one to three
 * digits, then two groups of '-' and one to four digits (b-12-3, 12-3-5);
 * 0 if none, or a letter or digit right after it. */
static size_t code_at(const char *s, size_t len, size_t i)
{
    size_t j = i, nd, groups = 0;

    if (j < len && det_alpha(s[j]) && j + 1 < len && s[j + 1] == '-')
        j++, groups++;
    else if ((nd = det_digits(s, len, j)) >= 1 && nd <= 3)
        j += nd, groups++;
    else
        return 0;
    while (j + 1 < len && s[j] == '-' && (nd = det_digits(s, len, j + 1)) >= 1 && nd <= 4)
        j += 1 + nd, groups++;
    if (groups != 3 || (j < len && (det_alnum(s[j]) || s[j] == '-' || s[j] == '/')))
        return 0;
    return j;
}

/* 1 if a complex word ends at b (a word of complex_words[] from a, or a
 * Hangul word ending in 아파트). */
static int complex_word(const char *s, size_t a, size_t b)
{
    static const char apt[] = "\xec\x95\x84\xed\x8c\x8c\xed\x8a\xb8";   /* 아파트 */

    for (size_t k = 0; k < sizeof complex_words / sizeof complex_words[0]; k++)
        if (strlen(complex_words[k]) == b - a && memcmp(s + a, complex_words[k], b - a) == 0)
            return 1;
    return b - a >= sizeof apt - 1 && memcmp(s + b - (sizeof apt - 1), apt, sizeof apt - 1) == 0;
}

size_t addr_named_complex(const char *s, size_t len, size_t i, size_t *start)
{
    size_t a = i, e, b, w;

    /* the code's start: the digit, or the letter and '-' before it */
    if (a >= 2 && s[a - 1] == '-' && det_alpha(s[a - 2]) && (a < 3 || !det_alnum(s[a - 3])))
        a -= 2;
    else if (a > 0 && (det_alnum(s[a - 1]) || s[a - 1] == '-'))
        return 0;
    if (a == 0 || (e = code_at(s, len, a)) == 0)
        return 0;
    /* back over a joiner (" ", ", ", " - ", ": ") and up to four words */
    b = a;
    for (int words = 0; words < 4 && b > 0; words++) {
        while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == ',' || s[b - 1] == '-' || s[b - 1] == ':'))
            b--;
        for (w = b; w > 0 && s[w - 1] != ' ' && s[w - 1] != ',' && s[w - 1] != '.' && s[w - 1] != '-' &&
                    s[w - 1] != ':' && s[w - 1] != '!' && s[w - 1] != '?';
             w--)
            ;
        if (w == b)
            return 0;
        if (complex_word(s, w, b))
            return *start = a, e;
        b = w;
        if (b > 0 && (s[b - 1] == '.' || s[b - 1] == '!' || s[b - 1] == '?'))
            return 0;
    }
    return 0;
}
