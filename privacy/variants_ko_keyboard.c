/* A Hangul name typed with the input method off (report-adv51 L-52;
 * brief s52 ko52): on the Korean two-set keyboard (dubeolsik, the KS X
 * 5002 standard layout) each jamo has its Latin key, so 종수 typed in
 * Latin mode is "whdtn" and 김종수 "rlawhdtn".  Such a spelling is a
 * variant of the name (a replacement): the whole name, and the given name
 * after a one-syllable surname.  Forms under four letters are not made
 * (chance); the common-word guard of redact_guard.c drops any that is an
 * ordinary word. */
#include <string.h>

#include "privacy/normalise.h"
#include "privacy/variants.h"
#include "privacy/variants_int.h"
#include "privacy/varlist.h"

/* The keys of the KS X 5002 layout, lower case (the shifted ㄲ ㄸ ㅃ ㅆ
 * ㅉ ㅒ ㅖ are their plain key with Shift, and the key view folds case):
 * the 19 initials, the 21 medials, the 27 finals (after none), in Unicode
 * order. */
static const char *const initials[19] = {
    "r", "r", "s", "e", "e", "f", "a", "q", "q", "t", "t", "d", "w", "w", "c", "z", "x", "v", "g",
};
static const char *const medials[21] = {
    "k", "o", "i", "o", "j", "p", "u", "p", "h", "hk", "ho", "hl", "y", "n", "nj", "np", "nl",
    "b", "m", "ml", "l",
};
static const char *const finals[28] = {
    "", "r", "r", "rt", "s", "sw", "sg", "e", "f", "fr", "fa", "fq", "ft", "fx", "fv", "fg",
    "a", "q", "qt", "t", "t", "d", "w", "c", "z", "x", "v", "g",
};

/* The keys of the Hangul syllables of norm [a, b) to out (cap bytes, no
 * NUL), spaces left out; its length, 0 if a code point is no syllable or
 * no room. */
static size_t keys_of(char *out, size_t cap, const char *norm, size_t a, size_t b)
{
    size_t k = 0;
    int cp, n;

    for (size_t i = a; i < b; i += (size_t)n) {
        if ((n = utf8_next(&cp, norm + i, b - i)) <= 0)
            return 0;
        if (cp == ' ')
            continue;
        if (cp < 0xAC00 || cp > 0xD7A3)
            return 0;
        cp -= 0xAC00;
        const char *p[3] = { initials[cp / 588], medials[cp % 588 / 28], finals[cp % 28] };
        for (int j = 0; j < 3; j++) {
            size_t l = strlen(p[j]);
            if (k + l > cap)
                return 0;
            memcpy(out + k, p[j], l);
            k += l;
        }
    }
    return k;
}

int variants_ko_keyboard(struct variant_list *out, const char *norm, size_t len)
{
    char key[64];
    size_t k, g;
    int cp, rc = 0;

    if ((k = keys_of(key, sizeof key, norm, 0, len)) >= 4)
        rc |= list_add(out, key, k, RULE_VARIANT, SUFFIX_KO);
    /* The given name after a one-syllable surname (김종수, 김 종수). */
    if (utf8_next(&cp, norm, len) != 3 || !variants_is_surname(norm, 3))
        return rc != 0 ? -1 : 0;
    for (g = 3; g < len && norm[g] == ' '; g++)
        ;
    if (len - g >= 6 && (k = keys_of(key, sizeof key, norm, g, len)) >= 4)
        rc |= list_add(out, key, k, RULE_VARIANT, SUFFIX_KO);
    return rc != 0 ? -1 : 0;
}
