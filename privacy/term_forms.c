/* The other forms of a registered term that is no person's name (brief
 * s26 place26, report-adv25a B-20, B-21, B-30): which generated spellings
 * a place, employer or other term does not take (a final i read as a
 * soft sign: "Ahmad" of Ahmadi). */
#include <string.h>

#include "privacy/normalise.h"
#include "privacy/redact.h"
#include "privacy/redact_int.h"
#include "privacy/variants.h"

int redact_term_drop_variant(const char *termkey, size_t tlen, const struct variant *v)
{
    size_t n = v->keylen;
    int cp = 0, k = 0;

    /* The Mongolian letter table reads a final Latin i as ь or ъ too,
     * which is written nothing: Ahmadi gives "ahmad", "akhmad", "ахмадъ".
     * For a person's Mongolian name that is how it is spelt; a place or
     * an employer whose Latin name ends in i does not lose it (and
     * "Ahmad" is a man's name, report-adv25a B-22).  The stem that must
     * take a case ending stays. */
    if (tlen < 4 || termkey[tlen - 1] != 'i' || v->suffix != SUFFIX_MN || n < 3)
        return 0;
    for (size_t p = 0; p < tlen; p++)
        if ((unsigned char)termkey[p] >= 0x80)
            return 0;
    /* The last letter of the variant, a soft or hard sign left out. */
    for (size_t p = 0; p < n; p += (size_t)k) {
        int c;
        if ((k = utf8_next(&c, v->key + p, n - p)) <= 0)
            return 0;
        if (c != 0x44A && c != 0x44C)
            cp = c;
    }
    if (cp == 0 || strchr("aeiouy", cp < 0x80 ? cp : 'x') != NULL)
        return 0;
    /* A Cyrillic vowel: a spelling of the i. */
    if (cp == 0x438 || cp == 0x439 || cp == 0x44B || cp == 0x456)
        return 0;
    return 1;
}
