/* More forms of a registered Cyrillic place's name (brief s27 place27,
 * report-adv26a D-9, D-11): its Latin spelling, its Russian adjective
 * and the bare genitive plural of a plural name (its demonyms are
 * place_uk.h's, one place: brief s32 place32).  Pure functions over a
 * term's text: no store, no files. */
#ifndef INTAKE_PLACE_FORMS_H
#define INTAKE_PLACE_FORMS_H

#include <stddef.h>

/* How a form counts. */
enum place_form_how {
    PLACE_FORM_REPLACE = 0,     /* replaced wherever it is a word */
    PLACE_FORM_FLAG = 1,        /* a review flag */
    PLACE_FORM_CAPITAL = 2,     /* replaced only written with a capital */
};

/* Receives one form, form[0..len) (UTF-8 bytes, lower case, valid during
 * the call); returns 0 to go on, non-zero to stop. */
typedef int (*place_more_fn)(void *ctx, const char *form, size_t len, enum place_form_how how);

/* Calls fn with the other forms of the one-word Cyrillic place name
 * text[0..len) (UTF-8 bytes; four letters or more, else none):
 * - its Latin spelling by the Ukrainian national romanisation (Суми:
 *   sumy; Полтава: poltava), replaced;
 * - its Russian adjective in -ский in every gender and case, on the stem
 *   without a final а я и ы і or ь (Сумская, Полтавской; ц gives -цкий,
 *   с takes -кий: одесский), replaced;
 * - a plural name's (и ы і after a consonant) bare genitive plural, the
 *   stem alone (до Сум): replaced only with a capital, "сум" is a word.
 * Rules written by hand from Russian and Ukrainian word formation as the
 * author knew it: they want a native reviewer.  Returns 0, -1 when out
 * of memory, or fn's non-zero value; owns no memory after the call. */
int place_more_forms(const char *text, size_t len, place_more_fn fn, void *ctx);

/* Calls fn with the Latin spelling alone (the first form place_more_forms
 * makes, PLACE_FORM_REPLACE) of the one-word Cyrillic name text[0..len):
 * for an employer or organisation (Укрзалізниця: ukrzaliznytsia; brief
 * s28 place28, report-adv27a G-7).  Returns as place_more_forms. */
int place_latin_form(const char *text, size_t len, place_more_fn fn, void *ctx);

#endif
