/* What variants_ru.c, variants_ru_latin.c and variants_ru_surname.c share
 * (one file split by concern, brief s41 ruk41).  Internal to those three
 * files; the generators others call are in variants_int.h. */
#ifndef INTAKE_PRIVACY_VARIANTS_RU_INT_H
#define INTAKE_PRIVACY_VARIANTS_RU_INT_H

#include "privacy/varlist.h"

/* variants_ru_latin.c: adds the Latin spellings of the Cyrillic form
 * cp[0..n) (code points) to out, at most four (ISO 9, BGN/PCGN, ICAO,
 * German-style j).  0, or -1 when out of memory. */
int ru_add_latin(struct variant_list *out, const int *cp, int n);

/* variants_ru_latin.c: adds the spelling of cp[0..n) (code points) in
 * each national system (Polish, German, French, Ukrainian readings; with
 * own set, the Belarusian ones too).  0, or -1 when out of memory. */
int ru_add_national(struct variant_list *out, const int *cp, int n, int own);

/* variants_ru.c: adds the form stem[0..ns) + end (UTF-8 ending) in
 * Cyrillic and Latin (national: the national systems too; oblique: the
 * Cyrillic form counts in lower case too).  0, or -1 when out of memory. */
int ru_add_form(struct variant_list *out, const int *stem, int ns, const char *end,
                int national, int oblique);

/* variants_ru.c: the first declension's endings (-а: 6, nominative first)
 * and the soft second's (-й, -ь: 7, the patronymics last). */
extern const char *const ru_decl_a[];
extern const char *const ru_decl_soft[];

/* variants_ru.c: 1 if ы is written и after cp (г к х ж ш щ ч). */
int ru_takes_i(int cp);

/* variants_ru.c: 1 if cp[0..n) (code points) ends in a Russian
 * surname suffix (-ов -ев -ёв -ин, or their feminine in -а). */
int ru_surname_end(const int *cp, int n);

#endif
