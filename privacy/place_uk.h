/* How Ukrainian and Russian text write a Ukrainian place's name in its
 * other forms (report-adv24 A-4, brief s25 place25): the Ukrainian cases
 * of a name whose last syllable closes on і or ї, which becomes о, е or є
 * when the syllable opens (Харків: Харкова, Харкові; Львів: Львова;
 * Київ: Києва, Києві; Бердичів: Бердичева), the region named from the
 * place (Харківщина, Харьковщина) and the Ukrainian adjective of a place
 * or its region (Харківська область).  Pure functions over a term's text:
 * no store, no files. */
#ifndef INTAKE_PLACE_UK_H
#define INTAKE_PLACE_UK_H

#include <stddef.h>

/* Receives one form, form[0..len) (UTF-8 bytes, lower case, valid during
 * the call); returns 0 to go on, non-zero to stop. */
typedef int (*place_uk_fn)(void *ctx, const char *form, size_t len);

/* Calls fn with the forms of the Cyrillic place name text[0..len) (UTF-8
 * bytes, one word, four letters or more; anything else gets none):
 * - a name ending in a consonant (and maybe ь) after і or ї in its last
 *   syllable: the stem with і as о (е after ж ч ш щ й; ї as є) and the
 *   Ukrainian noun endings of each case: -а -у -ом -ові -і -е, soft -я -ю
 *   -ем -еві -і;
 * - a name ending in a consonant or ь, or in а after one: the region
 *   named from it with -щина (the а left out) in its cases (-щина -щини
 *   -щині -щину -щиною, Russian -щины -щине -щиной), and for a name
 *   ending in a consonant or ь the Ukrainian adjective in -ський in its
 *   genders and cases (-ська -ське -ського -ському -ській -ських -ським
 *   -ською -ську -ськими -ські).
 * - a name ending in а or я after a consonant (Вінниця, Одеса) or the
 *   plural и/і (Черкаси, Чернівці): the first declension's endings on
 *   its stem (-и -і -у -ю -ою -ею -о -е; plural -ів -ам -ами -ах), its
 *   region and adjective from the stem;
 * - a name ending in a consonant without that alternation (Житомир,
 *   Франківськ): the hard endings on the name;
 * - region and adjective: ц gives -ччина and -цький (Вінниччина,
 *   вінницький), с gives -щина in its place and -ський (Одещина,
 *   одеський), a name in -ськ/-цьк takes the adjective's endings alone
 *   and -щина in place of -ськ (франківський, Франківщина);
 * - a hyphenated name (Івано-Франківськ): also its last part of six
 *   letters or more, the everyday short name (Франківськ), and its forms
 *   (brief s26 place26, report-adv25b C-7, C-8).
 * The rules: Ukrainian grammar's second declension and its і/о
 * alternation (as in I. Vykhovanets' grammar, written by hand from the
 * author's knowledge: it wants a native reviewer); -щина is how Ukrainian
 * and Russian name a region after its centre.  Returns 0, -1 when out of
 * memory, or fn's non-zero value.  Owns no memory after the call. */
int place_uk_forms(const char *text, size_t len, place_uk_fn fn, void *ctx);

/* Calls fn with the forms place_uk_forms makes of another name of a
 * place, one the gazetteer gives (a former name: Сталіно of Донецьк),
 * text[0..len) (UTF-8 bytes), but none of a neuter in -о on a possessive
 * stem (-ін -ин -ів -ов -ев -єв: a place named after a person), whose
 * cases are the person's surname's (Сталіна, Кірова: brief s32 place32).
 * Returns as place_uk_forms. */
int place_uk_other_forms(const char *text, size_t len, place_uk_fn fn, void *ctx);

/* 1 if the name key[0..keylen) (UTF-8 bytes, lower case, a key or a
 * name as written) is a neuter on a possessive stem, Cyrillic or Latin
 * (Сталіно, Сталине, Кірово, Stalino: -ін -ин -ов -ев -ів and о/е): a
 * place named after a person.  Another name of a place of that shape is
 * taken as written alone: its cases, its readings in other scripts are
 * the person's name's (Сталіна, Кірова; brief s32 place32). */
int place_named_after_person(const char *key, size_t keylen);

/* Calls fn with the case forms alone of the one-word Cyrillic name
 * text[0..len) as place_uk_forms makes them (no region, adjective nor
 * demonym): for an employer or organisation named by a noun (Укрзалізниця:
 * Укрзалізниці, Укрзалізницею; brief s28 place28, report-adv27a G-7).
 * Returns as place_uk_forms. */
int place_uk_cases(const char *text, size_t len, place_uk_fn fn, void *ctx);

/* Calls sure or unsure with the demonyms of the Cyrillic place name
 * text[0..len) (as place_uk_forms reads it), the one place demonyms are
 * made (brief s32 place32):
 * - a name in -а/-я/-и/-і: the stem + -ит, -итка (одесит) to unsure and,
 *   ц as ч, + -анин, -анка (вінничанин) to sure;
 * - a name ending in a consonant, or a neuter in -о after one (Дніпро):
 *   + -янин, -янка (харків'янин, дніпрянин, днепрянин; the key view
 *   leaves the apostrophe out) to sure;
 * - a name in -ськ/-цьк/-ск/-цк (six letters or more): the stem without
 *   the suffix + -чанин (краматорчанин, днепропетровчанин) to sure; an
 *   adjective name in -цький/-цкий: ц as ч + -анин (кропивничанин) to sure;
 * - a consonant stem's -чанин and -ець (сумчанин, полтавець) to unsure;
 * each -анин noun in its Ukrainian and Russian cases, plurals (-ани,
 * -ане; the bare genitive plural харків'ян, сумчан, not after -ан) and
 * its -анка feminine.  -ит, -ець are often wrong (the demonyms are
 * irregular: полтавець, киянин): the caller makes unsure ones review
 * flags; -янин/-анин/-чанин make no ordinary word, the caller replaces
 * sure ones (report-adv30 L-9, report-adv31 L-11).  Written by hand from
 * Ukrainian and Russian word formation as the author knew it: wants a
 * native reviewer.  Returns 0, -1 when out of memory, or fn's non-zero
 * value. */
int place_uk_demonyms(const char *text, size_t len, place_uk_fn sure, place_uk_fn unsure, void *ctx);

/* Calls fn with cp[0..n) (code points, n at most 42: more calls nothing)
 * written in UTF-8 and followed by each of ends[0..ne) (UTF-8 strings), in
 * order, until fn returns non-zero; the form lives in a buffer wiped after
 * the calls.  The one writer of a stem plus its endings for place_uk.c and
 * place_slavic.c.  Returns fn's first non-zero answer, else 0. */
int place_uk_emit(const int *cp, int n, const char *const *ends, size_t ne, place_uk_fn fn, void *ctx);

/* place_slavic.c (brief s29 place29): calls fn with the other forms of
 * the one-word name text[0..len) (UTF-8 bytes, five letters or more):
 * a Cyrillic name in its Ukrainian and Russian cases (an adjective-type
 * name: Кропивницького, Кропивницькому; -ь: Азовсталі, Азовсталлю,
 * Азовсталью; -а/-я: Укрзалізниці; a consonant: Метінвесті), its other
 * East Slavic spellings with theirs (і ї → и, є → е, ґ → г, -ськ/-цьк →
 * -ск/-цк, и → ы: Кропивницкий, Укрзализныце; ы → и, и → і, э → е) and
 * its BGN/PCGN and scholarly Latin spellings (Ukrzaliznytsya,
 * Ukrzaliznycja); where latin_too is 1, a Latin name of six letters or
 * more is read in Ukrainian and Russian Cyrillic (Metinvest: Метінвест,
 * Метинвест) and those take the forms above.  The grammars' tables as
 * the author knew them: wants a native reviewer.  Returns 0, -1 when out
 * of memory, or fn's non-zero value.  Owns no memory after the call. */
int place_slavic_forms(const char *text, size_t len, int latin_too, place_uk_fn fn, void *ctx);

#endif
