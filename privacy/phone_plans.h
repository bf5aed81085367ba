/* Numbering plans for the phone detector (privacy/detect_phone.c), taken
 * from the metadata of Debian's libphonenumber by data/phone/extract.cc
 * into privacy/phone_plans.c (data/phone/SOURCES.md).  Patterns are POSIX
 * extended regular expressions over the digits of a national number. */
#ifndef INTAKE_PHONE_PLANS_H
#define INTAKE_PHONE_PLANS_H

#include <stddef.h>

/* A region whose numbers are recognised when written nationally. */
struct phone_plan {
    const char *region;         /* ISO 3166-1 alpha-2 */
    int cc;                     /* its calling code */
    const char *idd;            /* international prefix, anchored at the start */
    const char *trunk;          /* national (trunk) prefix, "" if none */
    const char *fixed, *mobile; /* whole national numbers; "" if none */
    const char *other;          /* toll-free, premium, shared, personal, VoIP, pager, UAN */
    const char *example_fixed, *example_mobile;   /* libphonenumber's examples */
};

/* A calling code with the lengths its national numbers may have (bit n
 * set: n digits), for every region of the metadata. */
struct phone_code {
    int cc;
    unsigned lengths;
};

extern const struct phone_plan phone_plans[];
extern const size_t phone_nplans;
extern const struct phone_code phone_codes[];
extern const size_t phone_ncodes;

#endif
