#include "privacy/confusable.h"

#include <stddef.h>
#include <stdint.h>

/* build/gen/confusables_data.c: {letter, script, look-alike}, sorted. */
extern const uint32_t confusable_table[][3];
extern const size_t confusable_count;
/* {character, basic Latin letter}, sorted. */
extern const uint32_t letterlike_table[][2];
extern const size_t letterlike_count;

int confusable_only_lookalike(int cp)
{
    return (cp >= 0x531 && cp <= 0x556) || (cp >= 0x561 && cp <= 0x587) ||
           (cp >= 0x13A0 && cp <= 0x13F5) || (cp >= 0x13F8 && cp <= 0x13FD) ||
           (cp >= 0xAB70 && cp <= 0xABBF) || (cp >= 0xA4D0 && cp <= 0xA4F7) ||
           (cp >= 0x1401 && cp <= 0x166C) || (cp >= 0x166F && cp <= 0x167F);
}

int confusable_script(int cp)
{
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
        (cp >= 0xC0 && cp <= 0x2AF && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1D00 && cp <= 0x1D2B) ||
        (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2C60 && cp <= 0x2C7F) ||
        (cp >= 0xA722 && cp <= 0xA7FF && cp != 0xA788 && cp != 0xA789 && cp != 0xA78A))
        return CONF_LATIN;
    if ((cp >= 0x400 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x52F))
        return CONF_CYRILLIC;
    if ((cp >= 0x386 && cp <= 0x3FF && cp != 0x387) || cp == 0x37F)
        return CONF_GREEK;
    if (confusable_only_lookalike(cp))
        return CONF_OTHER;
    /* A word character of another script whose skeleton is a Latin
     * letter (the Tamil digit zero, the Hangul jamo ieung). */
    if (cp >= 0x590 && confusable_in(cp, CONF_LATIN) != 0)
        return CONF_OTHER;
    return CONF_NONE;
}

int confusable_rare_cyrillic(int cp)
{
    int c = cp >= 0x410 && cp <= 0x42F ? cp + 0x20 : cp == 0x401 ? 0x451 :
            cp == 0x4E8 || cp == 0x4AE ? cp + 1 : cp;

    return confusable_script(cp) == CONF_CYRILLIC && !(c >= 0x430 && c <= 0x44F) && c != 0x451 &&
           c != 0x4E9 && c != 0x4AF;
}

int confusable_letterlike(int cp)
{
    size_t lo = 0, hi = letterlike_count, mid;

    if (cp < 0x100)
        return 0;
    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        if (letterlike_table[mid][0] < (uint32_t)cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < letterlike_count && letterlike_table[lo][0] == (uint32_t)cp
               ? (int)letterlike_table[lo][1] : 0;
}

int confusable_in(int cp, int script)
{
    size_t lo = 0, hi = confusable_count, mid;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        if (confusable_table[mid][0] < (uint32_t)cp ||
            (confusable_table[mid][0] == (uint32_t)cp && confusable_table[mid][1] < (uint32_t)script))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < confusable_count && confusable_table[lo][0] == (uint32_t)cp &&
           confusable_table[lo][1] == (uint32_t)script ? (int)confusable_table[lo][2] : 0;
}
