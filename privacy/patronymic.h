/* Patronymics: a name's stem with a patronymic suffix (Петрович, Петровна,
 * Иванович, Petrovich) names the father's son or daughter, another person
 * than a registered Петрова or Иванова (brief s34 over34, report-adv33 O-2,
 * O-8, O-17, O-24).  The suffixes from Russian and Ukrainian grammar and
 * their usual Latin spellings. */
#ifndef INTAKE_PATRONYMIC_H
#define INTAKE_PATRONYMIC_H

#include <stddef.h>

/* Where a patronymic suffix with its case ending starts in the word
 * w[0..len) (norm bytes, lower case, one word: -ович, -евич, -ич, -овна,
 * -евна, -ична, -івна and their cases; Latin -ovich, -evich, -ovych,
 * -ovna, -ivna, ...): its byte offset, at least three letters in; or 0 if
 * the word ends in none.  No allocation. */
size_t patronymic_suffix_at(const char *w, size_t len);

#endif
