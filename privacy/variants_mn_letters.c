/* The Mongolian Cyrillic letters of romanise.h's table as indexes: a
 * letter's index, its class (short vowel, consonant) and its row in a
 * table keyed by letter; the long vowel of a short form.  Shared by
 * variants_mn.c, variants_mn_pet.c and variants_mn_russian.c (variants_int.h); calls only romanise.c's table. */
#include "privacy/variants_int.h"

#include <string.h>

#include "privacy/romanise.h"

/* The index of the letter written utf8 in romanise_mn_letters (-1: none). */
int mn_letter_of(const char *utf8)
{
    size_t i;

    for (i = 0; i < romanise_mn_count; i++)
        if (strcmp(romanise_mn_letters[i][0], utf8) == 0)
            return (int)i;
    return -1;
}

int mn_letter(int cp)
{
    return romanise_mn_row(cp);
}

int mn_letter_in(int li, const char *const *set, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (strcmp(romanise_mn_letters[li][0], set[i]) == 0)
            return 1;
    return 0;
}

int mn_is_short_vowel(int li)
{
    static const char *const v[] = { "а", "э", "о", "ө", "у", "ү", "и", "ы", "ь" };

    return mn_letter_in(li, v, sizeof v / sizeof v[0]);
}

/* Letters that are no consonant (vowels, й and the signs). */
int mn_is_consonant(int li)
{
    static const char *const v[] = {
        "а", "э", "о", "ө", "у", "ү", "и", "ы", "е", "ё", "ю", "я", "й", "ь", "ъ",
    };

    return !mn_letter_in(li, v, sizeof v / sizeof v[0]);
}

/* The row of table tab for letter index li (variants_int.h). */
const char *const *mn_row(const char *const *tab, size_t rows, size_t w, int li)
{
    size_t r;

    for (r = 0; r < rows; r++)
        if (strcmp(tab[r * w], romanise_mn_letters[li][0]) == 0)
            return tab + r * w;
    return NULL;
}

/* The long vowel a Mongolian short form ends in, by vowel harmony with
 * the letters li[0..n): аа after а or у, оо after о, ээ after э, ү or и
 * alone, өө after ө. */
int mn_long_vowel(const int *li, int n)
{
    static const char *const from[] = { "а", "у", "о", "э", "ү", "ө" };
    static const char *const to[] = { "а", "а", "о", "э", "э", "ө" };
    const char *v = "э";
    size_t k;
    int i;

    for (i = n - 1; i >= 0; i--)
        for (k = 0; k < sizeof from / sizeof from[0]; k++)
            if (strcmp(romanise_mn_letters[li[i]][0], from[k]) == 0) {
                v = to[k];
                i = -1;
                break;
            }
    for (k = 0; k < romanise_mn_count; k++)
        if (strcmp(romanise_mn_letters[k][0], v) == 0)
            break;
    return (int)k;
}
