/* Shared by the unit tests that read term categories from JSON test data
 * (test_eval, test_leaks_names). Header-only, static functions. */
#ifndef INTAKE_TERMUTIL_H
#define INTAKE_TERMUTIL_H

#include <string.h>

#include "privacy/redact.h"

/* The category named s ("person", "place", ...) in *c; 0, or -1 if unknown. */
static int term_category_of(const char *s, enum term_category *c)
{
    static const char *const names[] = { "person", "place", "employer", "organisation", "id", "other",
                                         "account" };
    size_t i;

    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (s != NULL && strcmp(names[i], s) == 0) {
            *c = (enum term_category)i;
            return 0;
        }
    return -1;
}

#endif
