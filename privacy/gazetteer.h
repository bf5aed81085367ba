/* Place names and personal names from public lists, compiled in
 * (data/gazetteer/SOURCES.md): towns of Korea and Mongolia, provinces
 * from Debian's iso-codes, Korean given names and surnames, Mongolian proper
 * nouns. The audit looks for them in what a bundle exports: none of them is
 * a protected term, but each may still point at a person. */
#ifndef INTAKE_GAZETTEER_H
#define INTAKE_GAZETTEER_H

#include <stddef.h>

#include "privacy/normalise.h"
#include "privacy/window.h"
#include "util/err.h"

enum gazetteer_kind { GAZ_PLACE, GAZ_KO_NAME, GAZ_MN_NAME, GAZ_NKINDS };

/* A hit: its kind and its span in the original text (bytes [start, end)).
 * Returns 0 to go on, non-zero to stop the scan (filling e). */
typedef int (*gazetteer_hit_fn)(void *ctx, int kind, size_t start, size_t end,
                                struct err *e);

/* Loads the lists (once; later calls return at once); they stay in
 * ordinary memory until the process ends (they are public data).
 * Returns 0, or -1 with e filled (EXIT_INPUT: out of memory). */
int gazetteer_load(struct err *e);

/* Entries of a kind loaded (after gazetteer_load; 0 before, and for an
 * unknown kind). */
size_t gazetteer_count(int kind);

/* "place", "korean-name" or "mongolian-name" (static; "?" for an unknown
 * kind). */
const char *gazetteer_kind_name(int kind);

/* 1 if word[0..len) (UTF-8 as written, one word) is in the name lists:
 * a Korean given name, a surname and a given name in one word (노도진), a
 * Mongolian proper noun; else 0 (also when the lists cannot be loaded).
 * The review flags keep a name-shaped word a dictionary knows as an
 * ordinary word when the lists know it as a name. */
int gazetteer_names_word(const char *word, size_t len);

/* 1 if text[0..len) (UTF-8 as written: a hit's span, one to four words,
 * also with a particle or case ending) is a first-level division of
 * Mongolia or Korea, Ulaanbaatar or one of its districts
 * (data/gazetteer/regions.txt: Архангай, Баянзүрх, 경기도, 함경북도), the
 * names of tens of thousands of people or more, which name no one; else 0
 * (also when the lists cannot be loaded).  A division whose name is also
 * a common given name (Сүхбаатар, Булган, Орхон) is not in the list.  The
 * audit's second opinion does not warn on these. */
int gazetteer_is_region(const char *text, size_t len);

/* Calls hit for each entry found in the normalised text nt: a window of one
 * to four tokens equal to a place name, a Hangul word that is a given name
 * (or a surname and a given name), a Cyrillic word that is a Mongolian
 * proper noun; each also followed by a Korean particle or a Mongolian case
 * ending in the same word.  Loads the lists first if need be.  Returns 0,
 * or -1 when loading fails or hit returns non-zero (e filled). */
int gazetteer_scan(const struct normtext *nt, gazetteer_hit_fn hit, void *ctx,
                   struct err *e);

/* gazetteer_scan with nt's tokens made already (window_tokenise). */
int gazetteer_scan_tokens(const struct normtext *nt, const struct window_tokens *tk,
                          gazetteer_hit_fn hit, void *ctx, struct err *e);

/* Receives one other name of a place, as a key (normalise.h) valid during
 * the call; returns 0 to go on, non-zero to stop. */
typedef int (*gazetteer_name_fn)(void *ctx, const char *key, size_t keylen);

/* Calls fn with every name (but key itself) of each place one of whose
 * names has the key key[0..keylen) (bytes): "P'yŏngyang", "Pjöngjang",
 * "Пхеньян", "平壤" for 평양; from GeoNames' alternate names of the places
 * of KR, KP and MN (data/gazetteer/place_groups.txt) and, for the towns
 * of Mongolia, their Japanese, Korean and Chinese names, short forms and
 * exonyms GeoNames lacks (УБ, Ulaanbator, ウランバートル; place_extra.txt,
 * a source named per entry).  The list is loaded
 * on the first call and kept until the process ends (public data).
 * Returns 0, fn's non-zero value, or -1 with e filled (out of memory). */
int gazetteer_place_names(const char *key, size_t keylen, gazetteer_name_fn fn, void *ctx,
                          struct err *e);

/* Calls fn with each Cyrillic name, as the data writes it (UTF-8 text,
 * not a key; valid during the call), of each place of place_groups.txt or
 * place_extra.txt that has a name written with a letter only Ukrainian
 * has (і ї є ґ) and one whose key is key[0..keylen): Київ and Дніпро for "Kyiv",
 * "Dnipro" (gazetteer_uk.c; the key view folds і, so a key cannot be
 * declined).  The lines are read on the first call and kept until the
 * process ends (public data).  Returns 0, fn's non-zero value, or -1 with
 * e filled (out of memory). */
int gazetteer_place_ukrainian(const char *key, size_t keylen, gazetteer_name_fn fn, void *ctx,
                              struct err *e);

#endif
