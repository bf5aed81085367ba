/* The names of countries in English (brief s28 place28, report-adv27a
 * O-4): a country is no place that names a person, so a registered place
 * that holds one ("Kuwait City") does not make it a term by itself.
 * Data and a pure function. */
#ifndef INTAKE_COUNTRIES_H
#define INTAKE_COUNTRIES_H

#include <stddef.h>

/* 1 if w[0..n) (UTF-8 bytes, any case, words joined by single spaces) is
 * the English name of a country or territory (ISO 3166-1 as Debian's
 * iso-codes writes it, and common short names), else 0.  Allocates
 * nothing. */
int country_name(const char *w, size_t n);

#endif
