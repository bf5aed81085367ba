/* Mongolian pet forms built on a clipped stem (brief s51 mong51,
 * report-adv51 L-9..L-77 of kind 3): beside the long-vowel short forms
 * of variants_mn.c (Батаа, Цэцгээ), Mongolians call a person by
 *   - the first open syllable with its vowel made long + -гий
 *     (Цэцэгмаа: Цээгий, Tseegii, Tseegee; Өлзийбаяр: Өөгий, Oogii;
 *     Пүрэвдорж: Пүүгий),
 *   - the first syllable (to its consonants) + -гий or the harmonic
 *     vowel + -гий (Батгий, Болдогий, Boldogi),
 *   - the first element ending in -й + -гий (Өлзийгий, Ulziigii),
 *   - a stem + the Russian diminutive -ка, as Mongolian speech took it
 *     (Батка, Болдка, Өлзка, Цэка, Цэкаа, Өлзийка, and a name ending in
 *     a long vowel with it shortened: Даваа, Давака).
 * Sources: the hypocoristic suffixes of Mongolian given names
 * (-aa/-ee/-oo/-öö, -gii, -kaa; Ж. Баасандорж, "Монгол хүний нэр";
 * en.wikipedia "Mongolian name", Given names: short forms), the Russian
 * -ка of Серёжка, Наташка taken into Mongolian; written by hand, a
 * native reviewer should check them.  Marked as short forms are (a
 * review flag where the dictionary knows the form as a word, else
 * replaced; written with a capital: redact_hits.c lit_form), in Cyrillic
 * and the Latin systems and everyday spellings of mn_add_letters.
 * Called by variants_mn.c, which hands it mn_add_letters (mn_add_fn):
 * nothing here calls variants_mn.c back. */
#include "privacy/variants_int.h"

#include <string.h>

#include "privacy/romanise.h"
#include "privacy/varlist.h"

/* Adds base li[0..n) followed by the letters of tail (UTF-8, Mongolian
 * Cyrillic), with case endings (suffix).  0, or -1 when out of memory. */
static int add_suffixed(struct variant_list *out, mn_add_fn add, const int *li, int n,
                        const char *const *tail, int nt, int suffix)
{
    int f[SLOT_MAX], i;

    if (n < 1 || n + nt > SLOT_MAX)
        return 0;
    memcpy(f, li, (size_t)n * sizeof *f);
    for (i = 0; i < nt; i++)
        if ((f[n + i] = mn_letter_of(tail[i])) < 0)
            return 0;
    return add(out, f, n + nt, RULE_VARIANT, suffix, 40);
}

static int add_with(struct variant_list *out, mn_add_fn add, const int *li, int n,
                    const char *const *tail, int nt)
{
    return add_suffixed(out, add, li, n, tail, nt, SUFFIX_MN);
}

int mn_pet_forms(struct variant_list *out, const int *li, int n, mn_add_fn add)
{
    static const char *const ka[] = { "к", "а" }, *const kaa[] = { "к", "а", "а" };
    static const char *const gii[] = { "г", "и", "й" };
    static const char *const front[] = { "э", "ө", "ү" };
    unsigned char flag = out->flag, capital = out->capital;
    int f[SLOT_MAX], v, c, e, k, t, open_ka, rc = 0;

    if (out->no_short || n < 3 || n + 4 > SLOT_MAX)
        return 0;
    for (v = 0; v < n && mn_is_consonant(li[v]); v++)
        ;
    if (v >= n || v > 2 || !mn_is_short_vowel(li[v]) ||
        strcmp(romanise_mn_letters[li[v]][0], "ь") == 0)
        return 0;
    for (c = v + 1; c < n && !mn_is_consonant(li[c]); c++)
        ;
    for (e = c; e < n && mn_is_consonant(li[e]); e++)
        ;
    if (c >= n)
        return 0;
    out->flag = 1, out->capital = 1;
    /* The open first syllable, its vowel long, + -гий (Цээгий, Өөгий);
     * and + -ка, -каа where it has a consonant (Цэка, Цэкаа). */
    memcpy(f, li, (size_t)(v + 1) * sizeof *f);
    f[v + 1] = li[v];
    rc = add_with(out, add, f, v + 2, gii, 3);
    /* -ка on the open syllable only after э, ө, ү, vowels of Mongolian
     * names: Стака of Станислав is "Стакан", Мука of Мұхтар "flour"
     * (slav49 lines 21, 49; form50 line 19). */
    open_ka = v >= 1 && mn_letter_in(li[v], front, sizeof front / sizeof front[0]);
    if (rc == 0 && open_ka)
        rc = add_with(out, add, li, v + 1, ka, 2);
    if (rc == 0 && open_ka)
        rc = add_with(out, add, li, v + 1, kaa, 3);
    /* The first syllable to two of its consonants (Бат, Болд, Өлз, Цэц)
     * + -ка, -гий, and the harmonic vowel + -гий (Болдогий). */
    t = e < c + 2 ? e : c + 2;
    if (rc == 0)
        rc = add_with(out, add, li, t, ka, 2);
    if (rc == 0)
        rc = add_with(out, add, li, t, gii, 3);
    if (rc == 0) {
        const char *hv = romanise_mn_letters[mn_long_vowel(li, t)][0];
        const char *const vgii[] = { hv, "г", "и", "й" };
        rc = add_with(out, add, li, t, vgii, 4);
    }
    /* A first element ending in -й (Өлзий) + -гий, -ка (Ulziigii,
     * Ulziika). */
    for (k = e; k < n && !mn_is_consonant(li[k]); k++)
        ;
    if (rc == 0 && k > e && k + 2 < n && strcmp(romanise_mn_letters[li[k - 1]][0], "й") == 0) {
        /* No case ending: Өлзийгийн is Өлзий's genitive (-гийн after
         * -й) as much as the pet form's, a review flag as before. */
        rc = add_suffixed(out, add, li, k, gii, 3, SUFFIX_NONE);
        if (rc == 0)
            rc = add_with(out, add, li, k, ka, 2);
    }
    /* A name of two syllables ending in a long vowel, the vowel
     * shortened, + -ка (Даваа: Давака). */
    if (rc == 0 && n >= 5 && n <= 6 && li[n - 1] == li[n - 2] && mn_is_short_vowel(li[n - 1]))
        rc = add_with(out, add, li, n - 1, ka, 2);
    out->flag = flag, out->capital = capital;
    return rc;
}
