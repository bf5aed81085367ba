/* Words of address and kinship as English testimony writes them
 * (issue 13, report-adv12g A-21): the Korean and Mongolian ones of our
 * lists (variants.c, flag_context.c) in every Latin spelling the
 * romanisation tables give (romanise.h): Omma, Eomma, Appa, Halmoni,
 * Harabeoji, Oppa, Unni, Hyung, Noona, Eej, Aav, Emee.  "Omma said" names
 * a mother, not a person nobody registered. */
#ifndef INTAKE_ADDRESS_WORDS_H
#define INTAKE_ADDRESS_WORDS_H

#include <stddef.h>

/* 1 if the Latin word w[0..len) (UTF-8 bytes, any case) is a romanised
 * Korean or Mongolian word of address or kinship of the tables in
 * address_words.c, else 0.  No dictionary is read. */
int address_latin_word(const char *w, size_t len);

/* The words of the tables, for the unit test: the idx-th Korean (lang 0)
 * or Mongolian (lang 1) word in its own script, or NULL past the last. */
const char *address_word_source(int lang, size_t idx);

#endif
