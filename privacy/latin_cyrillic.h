/* One table of the Cyrillic letters a Latin letter or letter group stands
 * for, read by every rule that reads Latin back into Cyrillic (brief s50
 * case50: one rule, one place): a lower-case Latin name read as a Russian
 * or Mongolian one (redact_case.c), the letters of a register number
 * (redact_register.c) and the letters of a spelt register code
 * (redact_lookalike.c).  Each reading carries the systems it belongs to;
 * a reader asks for its own system and gets exactly its readings, in its
 * order.  Data and two functions; calls no other module of privacy/. */
#ifndef INTAKE_LATIN_CYRILLIC_H
#define INTAKE_LATIN_CYRILLIC_H

#include <stddef.h>

/* The systems (a bit mask).  LATIN_CYR_NAME: the Russian passport, press
 * and BGN/PCGN spellings (variants_ru_latin.c's tables read backwards)
 * with the Mongolian ө of o and ү of u (variants_mn_letters.c), and the
 * readings a hurried writer's letters allow (шч of shch, сх of sh).
 * LATIN_CYR_REGISTER: the Mongolian Cyrillic romanisations of
 * docs/VARIANTS.md (MNS 5217, BGN/PCGN, passport practice) read
 * backwards.  LATIN_CYR_SPELT: MNS 5217's one letter for a Latin letter;
 * LATIN_CYR_SPELT_ALT: ү for u, ө for o (a spelt register code). */
enum {
    LATIN_CYR_NAME = 1,
    LATIN_CYR_REGISTER = 2,
    LATIN_CYR_SPELT = 4,
    LATIN_CYR_SPELT_ALT = 8,
};

/* Where latin_cyrillic_next is in the table; zero it to start. */
struct latin_cyr_it {
    size_t group, reading;
};

/* The next reading, in system sys (a mask of the above), of a Latin
 * letter group (lower case a-z) that begins s[0..n) (bytes): 1, with the
 * Cyrillic letters in *cyr (UTF-8, static, NUL-ended) and the bytes of s
 * the group spans in *latin_len; 0 when there are no more.  The longest
 * groups come first (shch before sch before sh before s), each group's
 * readings in its system's order.  No errors; allocates nothing. */
int latin_cyrillic_next(struct latin_cyr_it *it, const char *s, size_t n, unsigned sys,
                        const char **cyr, size_t *latin_len);

/* The first Cyrillic letter (UTF-8, static) of the one Latin letter c in
 * system sys, or NULL if c is no letter of that system. */
const char *latin_cyrillic_letter(char c, unsigned sys);

#endif
