/* How Russian text declines the Russian name of a place (report-adv16a
 * "в Хубсугульском аймаке" for Хубсугул, "в Улясутае" for
 * Улясутай, "Южно-Гобийского" for Южно-Гобийский.  The gazetteer's other
 * names of a place (data/gazetteer/place_extra.txt) are written once, in
 * the nominative; these are their other forms.  Pure functions over a
 * key (normalise.h): no store, no files. */
#ifndef INTAKE_PLACE_RUSSIAN_H
#define INTAKE_PLACE_RUSSIAN_H

#include <stddef.h>

/* Receives one form: key[0..keylen) (bytes, valid during the call) and
 * how it ends: stem 1 when it must take a case ending (the stem Улясута
 * of Улясутай, which Russian writes only as Улясутае, Улясутая, ...), 0
 * when it is a whole word.  Returns 0 to go on, non-zero to stop. */
typedef int (*place_form_fn)(void *ctx, const char *key, size_t keylen, int stem);

/* Calls fn with the Russian forms of the Cyrillic place name key[0..keylen)
 * (key view, lower case; a name of fewer than four letters or not ending
 * in a Cyrillic letter gets none):
 * - an adjective in -ский (Южно-Гобийский) in its other cases and genders
 *   (-ская -ское -ском -ского -ской -ских -ским -скую -скому -скими -ские);
 * - a noun's adjective with the same endings: -ский after a consonant,
 *   л as ль (Хубсугульский), й kept (Хэнтэйский), ь left out, и as ий
 *   (Гобийский), as mn_russian_adjectives makes it for a term
 *   (variants_mn.c; report adv12 A-8);
 * - a noun's stem where Russian replaces its last letter: a final й
 *   after a vowel (Улясута-е), а or я (Селенг-е, Селенг-у).
 * The rules: Russian grammar as the Russian press applies it to
 * Mongolian names (A. A. Zaliznyak's declension of -ий/-ай nouns and
 * -ский adjectives).  Returns 0, or fn's non-zero value. */
int place_russian_forms(const char *key, size_t keylen, place_form_fn fn, void *ctx);

#endif
