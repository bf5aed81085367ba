/* Spellings of a name registered in Latin that are no spelling of it
 * (brief s30 name30, report-adv29c K-17; the rule in docs/PSEUDONYMS.md,
 * "Session 30"): moved out of variants.c, which calls it. */
#include "privacy/variants_int.h"

#include <string.h>

/* The sound a Latin key's first letter or digraph stands for, as the
 * romanisations of Mongolian Cyrillic write it (romanise_mn_letters): 'V'
 * for any vowel (Olzii and Ulzii of Өлзий, Yesui and Esui), zh as j (ж),
 * dz as z (з), kh and x as h (х), w as v, c and q as k, ch as c (ч); 0
 * if key[0] is no Latin letter (a Cyrillic spelling). */
static char latin_initial(const char *key, size_t len)
{
    char c = len > 0 ? key[0] : '\0', d = len > 1 ? key[1] : '\0';

    if (c < 'a' || c > 'z')
        return 0;
    if (strchr("aeiouy", c) != NULL)
        return 'V';
    if ((c == 'z' && d == 'h') || (c == 'd' && d == 'z'))
        return c == 'z' ? 'j' : 'z';
    if ((c == 'k' && d == 'h') || c == 'x')
        return 'h';
    if (c == 'c')
        return d == 'h' ? 'c' : 'k';
    return c == 'q' ? 'k' : c == 'w' ? 'v' : c;
}

/* Drops the Latin spellings out->v[from..) whose first consonant is not
 * the one of the Latin name key[0..len) they were read back from through
 * Mongolian Cyrillic (report-adv29c K-17: Zoe as Зое written Joe, з
 * being also j; Joe is another given name, and a pseudonym "Joe Shaw"
 * refused a Zoe Adams).  A spelling of a Latin name keeps its first
 * sound (docs/PSEUDONYMS.md, "Session 30"); its vowels may change, and
 * a piece of the name read as an element of a compound is kept. */
void variants_keep_latin_initial(struct variant_list *out, size_t from, const char *key, size_t len)
{
    char want = latin_initial(key, len);
    size_t i, n = from;

    for (i = from; i < out->n; i++) {
        const char *f = out->arena + out->v[i].off;
        char got = latin_initial(f, out->v[i].keylen);
        /* a piece of the name stays: field, the second element of
         * Whitfield read as a Mongolian compound; and a short form of
         * such an element, whose first three letters stand in the name
         * (Dulmaa of Tserendulam, Дулмаа being Цэрэндулам's usual short
         * form: consent12.bats C-10, lost in session 30) */
        if (got == 0 || got == want ||
            memmem(key, len, f, out->v[i].keylen < 3 ? out->v[i].keylen : 3) != NULL)
            out->v[n++] = out->v[i];
    }
    out->n = n;
}
