/* Culturally fitting pseudonyms, drawn at random from element lists
 * (docs/PSEUDONYMS.md lists them and where they come from). */
#ifndef INTAKE_PSEUDONYM_H
#define INTAKE_PSEUDONYM_H

#include <stddef.h>

#include "util/err.h"

/* Writes a random pseudonym for locale ("ko", "mn", "en", "ru", "zh") into
 * out as a NUL-terminated string; returns 0, or -1 with e filled (unknown
 * locale or out too small: EXIT_INPUT).  Needs sodium_init(). The caller
 * checks collisions (redactor_collides) and draws again if needed. */
int pseudonym_generate(char *out, size_t outlen, const char *locale, struct err *e);

/* 1 if pseudonym and name share a syllable or name element after variant
 * expansion (Korean syllables compared as Hangul, other names by their
 * parts in every spelling), 0 if not, -1 on bad input. */
int pseudonym_shares_syllable(const char *pseudonym, const char *name);

/* The form pseudonyms are told apart in: NFKC, case folded (Unicode), and
 * without white space, hyphens (every dash, the soft hyphen) or default
 * ignorable marks (ZWNJ, ZWJ, variation selectors: نیک‌نام and نیکنام are
 * one), so that
 * "Rim-il", "rim il" and "RIMIL" are one pseudonym; in a pseudonym with a
 * Latin letter, a Greek or Cyrillic look-alike of a Latin letter is that
 * letter ("Ζeta" is "Zeta": privacy/confusable.h, ICU's data).  Writes it,
 * NUL-ended, to out (outlen bytes); 0, or -1 when p is not valid UTF-8 or
 * the key does not fit. */
int pseudonym_key(char *out, size_t outlen, const char *p);

/* How many distinct pseudonyms locale can produce (0 if unknown). */
size_t pseudonym_count(const char *locale);

#endif
